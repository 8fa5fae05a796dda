import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { grantRole, listUsers, removeRole, setUserDisabled } from "../../../app/admin/roles.server";
import { ForbiddenError } from "../../../app/auth/authorize.server";
import { createSession, validateSessionToken } from "../../../app/auth/session.server";
import { listOrganizationsForVerification, unverifyOrganization, verifyOrganization } from "../../../app/organizations/verification.server";
import { auditLog, organizations, userRoles, users } from "../../../db/schema";
import { buildOrganization, buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

describe.each(DB_KINDS)("administration on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  const rolesOf = async (userId: number) =>
    (await t.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
  const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

  describe("roles", () => {
    it("grants and removes roles, each change with an audit row; repeats change nothing", async () => {
      const admin = await buildUser(t.db, { roles: ["admin"] });
      const user = await buildUser(t.db, { roles: ["resident"] });

      expect(await grantRole(t.db, admin, { userId: user.id, role: "official" })).toEqual({ ok: true, changed: true });
      expect(await rolesOf(user.id)).toEqual(["official", "resident"]);
      const [granted] = await t.db.select().from(userRoles).where(eq(userRoles.role, "official"));
      expect(granted.grantedById).toBe(admin.id);
      expect(await grantRole(t.db, admin, { userId: user.id, role: "official" })).toEqual({ ok: true, changed: false });
      const grants = await audits("role.grant");
      expect(grants).toEqual([expect.objectContaining({ actorId: admin.id, entityType: "user", entityId: user.id, data: { role: "official" } })]);

      expect(await removeRole(t.db, admin, { userId: user.id, role: "resident" })).toEqual({ ok: true, changed: true });
      expect(await removeRole(t.db, admin, { userId: user.id, role: "resident" })).toEqual({ ok: true, changed: false });
      expect(await rolesOf(user.id)).toEqual(["official"]);
      expect(await audits("role.remove")).toEqual([expect.objectContaining({ actorId: admin.id, entityId: user.id, data: { role: "resident" } })]);
    });

    it("does not let an admin remove their own admin role", async () => {
      const admin = await buildUser(t.db, { roles: ["admin"] });
      expect(await removeRole(t.db, admin, { userId: admin.id, role: "admin" })).toEqual({ ok: false, error: "own_admin" });
      expect(await rolesOf(admin.id)).toEqual(["admin"]);
      expect(await audits("role.remove")).toHaveLength(0);
      // Another admin may.
      const other = await buildUser(t.db, { roles: ["admin"] });
      expect(await removeRole(t.db, other, { userId: admin.id, role: "admin" })).toEqual({ ok: true, changed: true });
    });

    it("reports an unknown user", async () => {
      const admin = await buildUser(t.db, { roles: ["admin"] });
      expect(await grantRole(t.db, admin, { userId: 987654, role: "reviewer" })).toEqual({ ok: false, error: "user_not_found" });
    });

    it("refuses residents and officials (typed ForbiddenError), changing nothing", async () => {
      const resident = await buildUser(t.db, { roles: ["resident"] });
      const official = await buildUser(t.db, { roles: ["official"] });
      for (const actor of [resident, official]) {
        await expect(grantRole(t.db, actor, { userId: actor.id, role: "admin" })).rejects.toBeInstanceOf(ForbiddenError);
        await expect(removeRole(t.db, actor, { userId: resident.id, role: "resident" })).rejects.toBeInstanceOf(ForbiddenError);
        await expect(setUserDisabled(t.db, actor, { userId: resident.id, disabled: true })).rejects.toBeInstanceOf(ForbiddenError);
        await expect(listUsers(t.db, actor)).rejects.toBeInstanceOf(ForbiddenError);
      }
      expect(await rolesOf(resident.id)).toEqual(["resident"]);
      expect(await t.db.select().from(auditLog)).toHaveLength(0);
    });
  });

  describe("accounts", () => {
    it("disables (revoking sessions) and enables an account, with audit rows", async () => {
      const admin = await buildUser(t.db, { roles: ["admin"] });
      const user = await buildUser(t.db);
      const { token } = await createSession(t.db, user.id);
      expect(await setUserDisabled(t.db, admin, { userId: user.id, disabled: true })).toEqual({ ok: true, changed: true });
      expect(await validateSessionToken(t.db, token)).toBeNull();
      const [row] = await t.db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, user.id));
      expect(row.disabledAt).toBeInstanceOf(Date);
      expect(await audits("user.disable")).toEqual([expect.objectContaining({ entityId: user.id, toStatus: "disabled", data: { revokedSessions: 1 } })]);

      expect(await setUserDisabled(t.db, admin, { userId: user.id, disabled: false })).toEqual({ ok: true, changed: true });
      expect(await audits("user.enable")).toHaveLength(1);
      expect(await setUserDisabled(t.db, admin, { userId: user.id, disabled: false })).toEqual({ ok: true, changed: false });
    });

    it("does not let an admin disable themself", async () => {
      const admin = await buildUser(t.db, { roles: ["admin"] });
      expect(await setUserDisabled(t.db, admin, { userId: admin.id, disabled: true })).toEqual({ ok: false, error: "own_account" });
    });

    it("lists users with roles, searchable by e-mail or name, paginated", async () => {
      const admin = await buildUser(t.db, { roles: ["admin"], email: "boss@example.com", displayName: "管理员" });
      for (let i = 0; i < 5; i++) await buildUser(t.db, { email: `zhou${i}@example.com`, displayName: `周${i}`, roles: ["resident", "reviewer"] });
      await buildUser(t.db, { email: "wu@example.com", displayName: "吴_100%", roles: [] });

      const all = await listUsers(t.db, admin, { pageSize: 4 });
      expect(all.total).toBe(7);
      expect(all.pageCount).toBe(2);
      expect(all.rows).toHaveLength(4);
      const second = await listUsers(t.db, admin, { pageSize: 4, page: 2 });
      expect(second.rows).toHaveLength(3);
      expect(new Set([...all.rows, ...second.rows].map((r) => r.id)).size).toBe(7);
      expect(all.rows.find((r) => r.email === "zhou4@example.com")?.roles).toEqual(["resident", "reviewer"]);

      expect((await listUsers(t.db, admin, { q: "ZHOU" })).total).toBe(5);
      expect((await listUsers(t.db, admin, { q: "周3" })).rows.map((r) => r.email)).toEqual(["zhou3@example.com"]);
      expect((await listUsers(t.db, admin, { q: "_100%" })).rows.map((r) => r.email)).toEqual(["wu@example.com"]);
      expect((await listUsers(t.db, admin, { q: "%" })).total).toBe(1); // wildcards are literal
      expect((await listUsers(t.db, admin, { page: 99 })).page).toBe(1);
    });
  });

  describe("organisation verification", () => {
    it("verifies and unverifies with who and when, and audit rows with the note", async () => {
      const official = await buildUser(t.db, { roles: ["official"] });
      const org = await buildOrganization(t.db, { verified: false });
      expect(await verifyOrganization(t.db, official, { organizationId: org.id, note: "营业执照已核对" })).toEqual({ ok: true, changed: true });
      let [row] = await t.db.select().from(organizations).where(eq(organizations.id, org.id));
      expect(row).toMatchObject({ verified: true, verifiedById: official.id });
      expect(row.verifiedAt).toBeInstanceOf(Date);
      expect(await audits("organization.verify")).toEqual([
        expect.objectContaining({ actorId: official.id, entityType: "organization", entityId: org.id, fromStatus: "unverified", toStatus: "verified", reason: "营业执照已核对" }),
      ]);
      expect(await verifyOrganization(t.db, official, { organizationId: org.id })).toEqual({ ok: true, changed: false });

      expect(await unverifyOrganization(t.db, official, { organizationId: org.id })).toEqual({ ok: true, changed: true });
      [row] = await t.db.select().from(organizations).where(eq(organizations.id, org.id));
      expect(row).toMatchObject({ verified: false, verifiedAt: null, verifiedById: null });
      expect(await audits("organization.unverify")).toEqual([expect.objectContaining({ reason: null, toStatus: "unverified" })]);
    });

    it("lets admins verify too, reports unknown organisations, refuses residents and firm members", async () => {
      const admin = await buildUser(t.db, { roles: ["admin"] });
      const org = await buildOrganization(t.db, { verified: false });
      expect(await verifyOrganization(t.db, admin, { organizationId: 424242 })).toEqual({ ok: false, error: "organization_not_found" });
      for (const roles of [["resident"], ["firm_member"]] as const) {
        const actor = await buildUser(t.db, { roles: [...roles], organizationId: org.id, membershipRole: "owner" });
        await expect(verifyOrganization(t.db, actor, { organizationId: org.id })).rejects.toBeInstanceOf(ForbiddenError);
        await expect(listOrganizationsForVerification(t.db, actor)).rejects.toBeInstanceOf(ForbiddenError);
      }
      const [row] = await t.db.select({ verified: organizations.verified }).from(organizations).where(eq(organizations.id, org.id));
      expect(row.verified).toBe(false);
      expect(await t.db.select().from(auditLog)).toHaveLength(0);
    });

    it("lists unverified first, filterable by kind and state, with member counts", async () => {
      const official = await buildUser(t.db, { roles: ["official"] });
      const verifiedVendor = await buildOrganization(t.db, { verified: true, nameZh: "甲公司" });
      const newVendor = await buildOrganization(t.db, { verified: false, nameZh: "乙公司", nameEn: "Yi Co" });
      const office = await buildOrganization(t.db, { verified: false, kind: "subdistrict_office", nameZh: "甘泉路街道办事处" });
      await buildUser(t.db, { roles: ["firm_member"], organizationId: newVendor.id });
      await buildUser(t.db, { roles: ["firm_member"], organizationId: newVendor.id });

      const all = await listOrganizationsForVerification(t.db, official);
      expect(all.total).toBe(3);
      expect(all.rows.map((r) => r.verified)).toEqual([false, false, true]);
      expect(all.rows.find((r) => r.id === newVendor.id)?.members).toBe(2);

      const vendorsUnverified = await listOrganizationsForVerification(t.db, official, { kind: "vendor", verified: "unverified" });
      expect(vendorsUnverified.rows.map((r) => r.id)).toEqual([newVendor.id]);
      expect((await listOrganizationsForVerification(t.db, official, { verified: "verified" })).rows.map((r) => r.id)).toEqual([verifiedVendor.id]);
      expect((await listOrganizationsForVerification(t.db, official, { kind: "subdistrict_office" })).rows.map((r) => r.id)).toEqual([office.id]);
      expect((await listOrganizationsForVerification(t.db, official, { q: "yi co" })).rows.map((r) => r.id)).toEqual([newVendor.id]);
    });
  });
});
