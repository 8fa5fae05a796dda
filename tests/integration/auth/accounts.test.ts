import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { changePassword, signIn, signUp, updateProfile, type SignUpInput } from "../../../app/auth/accounts.server";
import { validateSessionToken } from "../../../app/auth/session.server";
import { rowsOf } from "../../../db/client";
import { auditLog, memberships, organizations, rateLimits, sessions, userRoles, users } from "../../../db/schema";
import { buildOrganization, buildUser, TEST_PASSWORD } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

const PASSWORD = "a-good-long-password";

function residentInput(over: Partial<SignUpInput> = {}): SignUpInput {
  return {
    email: `resident${Math.random().toString(36).slice(2, 8)}@example.com`,
    password: PASSWORD,
    confirmPassword: PASSWORD,
    displayName: "王阿姨",
    phone: null,
    accountType: "resident",
    ...over,
  };
}

describe.each(DB_KINDS)("accounts on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  async function countRows(table: typeof users | typeof organizations | typeof auditLog | typeof sessions) {
    const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from ${table}`));
    return Number(row.n);
  }

  describe("signUp", () => {
    it("creates a resident with role, session and an audit row", async () => {
      const result = await signUp(t.db, residentInput({ email: "li@example.com", phone: "13812345678" }), { userAgent: "vitest", locale: "en" });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [user] = await t.db.select().from(users).where(eq(users.id, result.session.userId));
      expect(user).toMatchObject({ email: "li@example.com", displayName: "王阿姨", phone: "13812345678", locale: "en" });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      const roles = await t.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id));
      expect(roles.map((r) => r.role)).toEqual(["resident"]);
      expect(await t.db.select().from(memberships).where(eq(memberships.userId, user.id))).toHaveLength(0);
      const session = await validateSessionToken(t.db, result.session.token);
      expect(session?.userId).toBe(user.id);
      const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
      expect(audit).toEqual([expect.objectContaining({ action: "user.signup", entityType: "user", actorId: user.id })]);
    });

    it("lets a firm member join an existing vendor as a member (role firm_member only)", async () => {
      const org = await buildOrganization(t.db, { kind: "vendor", verified: true });
      const result = await signUp(t.db, residentInput({ accountType: "firm_member", organizationId: org.id }));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const roles = await t.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, result.session.userId));
      expect(roles.map((r) => r.role)).toEqual(["firm_member"]);
      const [m] = await t.db.select().from(memberships).where(eq(memberships.userId, result.session.userId));
      expect(m).toMatchObject({ organizationId: org.id, role: "member" });
      const [after] = await t.db.select({ verified: organizations.verified }).from(organizations).where(eq(organizations.id, org.id));
      expect(after.verified).toBe(true);
    });

    it("registers a new firm as unverified, with the creator as owner", async () => {
      const result = await signUp(
        t.db,
        residentInput({ accountType: "firm_member", newOrganizationNameZh: "上海曹杨智能科技有限公司", newOrganizationNameEn: "Caoyang Smart Tech" }),
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const [org] = await t.db.select().from(organizations).where(eq(organizations.nameZh, "上海曹杨智能科技有限公司"));
      expect(org).toMatchObject({ kind: "vendor", verified: false, verifiedAt: null, nameEn: "Caoyang Smart Tech", slug: "caoyang-smart-tech" });
      const [m] = await t.db.select().from(memberships).where(eq(memberships.userId, result.session.userId));
      expect(m).toMatchObject({ organizationId: org.id, role: "owner" });
      const actions = (await t.db.select({ action: auditLog.action }).from(auditLog)).map((a) => a.action).sort();
      expect(actions).toEqual(["organization.create", "user.signup"]);
    });

    it("gives a new firm without an English name its Chinese name and a unique slug", async () => {
      const a = await signUp(t.db, residentInput({ accountType: "firm_member", newOrganizationNameZh: "长风数据" }));
      const b = await signUp(t.db, residentInput({ accountType: "firm_member", newOrganizationNameZh: "甘泉数据", newOrganizationNameEn: "长风数据" }));
      expect(a.ok && b.ok).toBe(true);
      const orgs = await t.db.select({ slug: organizations.slug, nameEn: organizations.nameEn }).from(organizations);
      expect(orgs.find((o) => o.nameEn === "长风数据")).toBeDefined();
      expect(new Set(orgs.map((o) => o.slug)).size).toBe(2);
    });

    it("refuses a duplicate e-mail whatever its case, beside the email field, changing nothing", async () => {
      await buildUser(t.db, { email: "Zhang.Wei@Example.com" });
      const before = { users: await countRows(users), audit: await countRows(auditLog), sessions: await countRows(sessions) };
      const result = await signUp(t.db, residentInput({ email: "zhang.wei@example.com" }));
      expect(result).toEqual({ ok: false, fieldErrors: { email: ["auth:errors.emailTaken"] } });
      expect({ users: await countRows(users), audit: await countRows(auditLog), sessions: await countRows(sessions) }).toEqual(before);
    });

    it("refuses a forged organisation id (missing, or not a vendor) and changes nothing", async () => {
      const office = await buildOrganization(t.db, { kind: "subdistrict_office" });
      for (const organizationId of [999_999, office.id]) {
        const before = { users: await countRows(users), orgs: await countRows(organizations), audit: await countRows(auditLog) };
        const result = await signUp(t.db, residentInput({ accountType: "firm_member", organizationId }));
        expect(result).toEqual({ ok: false, fieldErrors: { organizationId: ["auth:errors.organizationInvalid"] } });
        expect({ users: await countRows(users), orgs: await countRows(organizations), audit: await countRows(auditLog) }).toEqual(before);
      }
    });

    it("refuses to register a firm whose Chinese name is taken, rolling back the user", async () => {
      await buildOrganization(t.db, { nameZh: "华为技术有限公司" });
      const before = await countRows(users);
      const result = await signUp(t.db, residentInput({ accountType: "firm_member", newOrganizationNameZh: "华为技术有限公司" }));
      expect(result).toEqual({ ok: false, fieldErrors: { newOrganizationNameZh: ["auth:errors.organizationExists"] } });
      expect(await countRows(users)).toBe(before);
    });

    it("ignores firm fields for a resident", async () => {
      const result = await signUp(t.db, residentInput({ organizationId: 12345, newOrganizationNameZh: "忽略" }));
      expect(result.ok).toBe(true);
      expect(await countRows(organizations)).toBe(0);
    });
  });

  describe("signIn", () => {
    const limits = { maxFailures: 3, windowSeconds: 60 };

    it("signs in with the right password (any e-mail case) and creates a session", async () => {
      const user = await buildUser(t.db, { email: "ok@example.com" });
      const result = await signIn(t.db, { email: "OK@Example.com ", password: TEST_PASSWORD }, { ip: "198.51.100.1", userAgent: "vitest", limits });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.session.userId).toBe(user.id);
      expect((await validateSessionToken(t.db, result.session.token))?.userId).toBe(user.id);
    });

    it("gives one answer for a wrong password and an unknown e-mail", async () => {
      await buildUser(t.db, { email: "known@example.com" });
      const wrong = await signIn(t.db, { email: "known@example.com", password: "wrong-password" }, { ip: "1.1.1.1", limits });
      const unknown = await signIn(t.db, { email: "nobody@example.com", password: TEST_PASSWORD }, { ip: "1.1.1.1", limits });
      expect(wrong).toEqual({ ok: false, reason: "invalid" });
      expect(unknown).toEqual({ ok: false, reason: "invalid" });
      expect(await countRows(sessions)).toBe(0);
    });

    it("refuses a disabled user even with the right password", async () => {
      await buildUser(t.db, { email: "gone@example.com", disabledAt: new Date() });
      const result = await signIn(t.db, { email: "gone@example.com", password: TEST_PASSWORD }, { ip: "1.1.1.1", limits });
      expect(result).toEqual({ ok: false, reason: "disabled" });
      expect(await countRows(sessions)).toBe(0);
    });

    it("rate-limits after N failures per e-mail and address, even the right password, and says when to retry", async () => {
      await buildUser(t.db, { email: "target@example.com" });
      for (let i = 0; i < limits.maxFailures; i++) {
        expect(await signIn(t.db, { email: "target@example.com", password: `guess-${i}-xxxx` }, { ip: "9.9.9.9", limits })).toEqual({
          ok: false,
          reason: "invalid",
        });
      }
      const blocked = await signIn(t.db, { email: "target@example.com", password: TEST_PASSWORD }, { ip: "9.9.9.9", limits });
      expect(blocked).toMatchObject({ ok: false, reason: "rate_limited" });
      if (blocked.ok || blocked.reason !== "rate_limited") return;
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
      expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(limits.windowSeconds);
      // Another address (another person at another place) is not locked out.
      expect((await signIn(t.db, { email: "target@example.com", password: TEST_PASSWORD }, { ip: "8.8.8.8", limits })).ok).toBe(true);
      // The counters live in the shared rate_limits table.
      const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
      expect(keys).toContain("login:account:target@example.com|9.9.9.9");
    });

    it("lets the window expire", async () => {
      await buildUser(t.db, { email: "later@example.com" });
      for (let i = 0; i < limits.maxFailures + 1; i++) {
        await signIn(t.db, { email: "later@example.com", password: "wrong-password" }, { ip: "7.7.7.7", limits });
      }
      expect((await signIn(t.db, { email: "later@example.com", password: TEST_PASSWORD }, { ip: "7.7.7.7", limits })).ok).toBe(false);
      await t.db.update(rateLimits).set({ expire: new Date(Date.now() - 1000) });
      expect((await signIn(t.db, { email: "later@example.com", password: TEST_PASSWORD }, { ip: "7.7.7.7", limits })).ok).toBe(true);
    });

    it("resets the account's counter on success", async () => {
      await buildUser(t.db, { email: "reset@example.com" });
      const attempt = (password: string) => signIn(t.db, { email: "reset@example.com", password }, { ip: "5.5.5.5", limits });
      for (let i = 0; i < limits.maxFailures - 1; i++) expect((await attempt("wrong-password")).ok).toBe(false);
      expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
      // A fresh budget: N-1 more failures and the right password still works.
      for (let i = 0; i < limits.maxFailures - 1; i++) expect(await attempt("wrong-password")).toEqual({ ok: false, reason: "invalid" });
      expect((await attempt(TEST_PASSWORD)).ok).toBe(true);
    });

    it("limits one address trying many accounts (looser)", async () => {
      const tight = { maxFailures: 1, windowSeconds: 60 }; // per address: 10
      for (let i = 0; i < 10; i++) {
        expect(await signIn(t.db, { email: `spray${i}@example.com`, password: "wrong-password" }, { ip: "6.6.6.6", limits: tight })).toEqual({
          ok: false,
          reason: "invalid",
        });
      }
      expect(await signIn(t.db, { email: "spray-new@example.com", password: "wrong-password" }, { ip: "6.6.6.6", limits: tight })).toMatchObject({
        reason: "rate_limited",
      });
    });

    it("uses LOGIN_MAX_FAILURES (default 5) when no limits are given", async () => {
      await buildUser(t.db, { email: "env@example.com" });
      for (let i = 0; i < 5; i++) {
        expect((await signIn(t.db, { email: "env@example.com", password: "wrong-password" }, { ip: "4.4.4.4" })).ok).toBe(false);
      }
      expect(await signIn(t.db, { email: "env@example.com", password: TEST_PASSWORD }, { ip: "4.4.4.4" })).toMatchObject({ reason: "rate_limited" });
    });
  });

  describe("profile and password", () => {
    it("updates name, phone and language with an audit row", async () => {
      const user = await buildUser(t.db);
      await updateProfile(t.db, user, { displayName: "新名字", phone: "13900001111", locale: "en" });
      const [after] = await t.db.select().from(users).where(eq(users.id, user.id));
      expect(after).toMatchObject({ displayName: "新名字", phone: "13900001111", locale: "en" });
      const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "user.profile_update"));
      expect(audit.data).toEqual({ changed: ["displayName", "phone", "locale"] });
    });

    it("changes the password after checking the current one and revokes the other sessions", async () => {
      const user = await buildUser(t.db, { email: "pw@example.com" });
      const here = await signIn(t.db, { email: user.email, password: TEST_PASSWORD }, { ip: "1.2.3.4" });
      const elsewhere = await signIn(t.db, { email: user.email, password: TEST_PASSWORD }, { ip: "1.2.3.5" });
      if (!here.ok || !elsewhere.ok) throw new Error("sign-in failed");
      const current = await validateSessionToken(t.db, here.session.token);
      const actor = { id: user.id, email: user.email, sessionId: current!.sessionId };

      const wrong = await changePassword(t.db, actor, { currentPassword: "not-it-at-all", newPassword: "brand-new-password", confirmPassword: "brand-new-password" }, { ip: "1.2.3.4" });
      expect(wrong).toEqual({ ok: false, fieldErrors: { currentPassword: ["auth:errors.currentPasswordWrong"] } });

      const ok = await changePassword(t.db, actor, { currentPassword: TEST_PASSWORD, newPassword: "brand-new-password", confirmPassword: "brand-new-password" }, { ip: "1.2.3.4" });
      expect(ok).toEqual({ ok: true, revokedSessions: 1 });
      expect(await validateSessionToken(t.db, here.session.token)).not.toBeNull();
      expect(await validateSessionToken(t.db, elsewhere.session.token)).toBeNull();
      expect((await signIn(t.db, { email: user.email, password: TEST_PASSWORD }, { ip: "1.2.3.9" })).ok).toBe(false);
      expect((await signIn(t.db, { email: user.email, password: "brand-new-password" }, { ip: "1.2.3.9" })).ok).toBe(true);
      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "user.password_change"), eq(auditLog.entityId, user.id)));
      expect(audit).toHaveLength(1);
    });
  });
});
