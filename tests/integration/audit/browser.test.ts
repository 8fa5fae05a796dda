/** The audit browser: filters, pagination, links, and who may read it. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { writeAudit } from "../../../app/audit/audit.server";
import { AUDIT_PAGE_SIZE, canReadAudit, entityHref, parseAuditQuery, searchAuditLog } from "../../../app/audit/browser.server";
import { ForbiddenError } from "../../../app/auth/authorize.server";
import { auditLog } from "../../../db/schema";
import { buildCampaign, buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

const q = (s: string) => parseAuditQuery(new URLSearchParams(s)).query;

describe("audit filters from the query string", () => {
  it("keeps good values and reports bad ones beside their fields", () => {
    const parsed = parseAuditQuery(new URLSearchParams("action=demand&entityId=abc&from=2026-13-01&to=2026-05-01&page=2"));
    expect(parsed.query).toMatchObject({ action: "demand", to: "2026-05-01", page: 2 });
    expect(parsed.query.entityId).toBeUndefined();
    expect(parsed.errors).toEqual({ entityId: "audit:errors.entityId", from: "audit:errors.date" });
    expect(parseAuditQuery(new URLSearchParams("from=2026-05-02&to=2026-05-01")).errors).toEqual({ to: "audit:errors.toBeforeFrom" });
  });

  it("links to the pages of demands, applications and campaigns", () => {
    expect(entityHref({ entityType: "demand", entityId: 3, campaignSlug: null })).toBe("/demands/3");
    expect(entityHref({ entityType: "application", entityId: 4, campaignSlug: null })).toBe("/applications/4");
    expect(entityHref({ entityType: "campaign", entityId: 1, campaignSlug: "c-1" })).toBe("/official/campaigns/c-1");
    expect(entityHref({ entityType: "user", entityId: 1, campaignSlug: null })).toBeNull();
  });

  it("is for officials and administrators", () => {
    expect(canReadAudit({ roles: ["official"] })).toBe(true);
    expect(canReadAudit({ roles: ["admin"] })).toBe(true);
    expect(canReadAudit({ roles: ["resident", "reviewer", "firm_member", "community_worker"] })).toBe(false);
  });
});

describe.each(DB_KINDS)("audit browser on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  it("filters by action (or prefix), entity, actor and dates, newest first", async () => {
    const official = await buildUser(t.db, { roles: ["official"], email: "zhang.official@putuo.example" });
    const admin = await buildUser(t.db, { roles: ["admin"] });
    const campaign = await buildCampaign(t.db);
    await writeAudit(t.db, { actorId: official.id, action: "demand.pass", entityType: "demand", entityId: 7, fromStatus: "submitted", toStatus: "in_review" });
    await writeAudit(t.db, { actorId: official.id, action: "demand.reject", entityType: "demand", entityId: 8, reason: "重复" });
    await writeAudit(t.db, { actorId: admin.id, action: "role.grant", entityType: "user", entityId: official.id, data: { role: "official" } });
    await writeAudit(t.db, { actorId: official.id, action: "campaign.stage", entityType: "campaign", entityId: campaign.id, fromStatus: "collecting", toStatus: "screening" });
    await t.db.insert(auditLog).values({ actorId: null, action: "demand.submit", entityType: "demand", entityId: 9, createdAt: new Date("2020-01-01T00:00:00Z") });

    const all = await searchAuditLog(t.db, admin, q(""));
    expect(all.total).toBe(5);
    expect(all.rows[all.rows.length - 1].action).toBe("demand.submit");
    expect((await searchAuditLog(t.db, admin, q("action=demand"))).rows.map((r) => r.action).sort()).toEqual(["demand.pass", "demand.reject", "demand.submit"]);
    expect((await searchAuditLog(t.db, admin, q("action=demand.reject"))).rows).toEqual([expect.objectContaining({ entityId: 8, reason: "重复", actorEmail: official.email })]);
    expect((await searchAuditLog(t.db, admin, q("action=dem"))).total).toBe(0);
    expect((await searchAuditLog(t.db, admin, q("entityType=demand&entityId=7"))).rows).toEqual([
      expect.objectContaining({ fromStatus: "submitted", toStatus: "in_review" }),
    ]);
    expect((await searchAuditLog(t.db, admin, q("actor=ZHANG.official"))).total).toBe(3);
    expect((await searchAuditLog(t.db, admin, q("to=2020-01-01"))).rows.map((r) => r.entityId)).toEqual([9]);
    expect((await searchAuditLog(t.db, admin, q("from=2020-01-02"))).total).toBe(4);
    const stage = await searchAuditLog(t.db, official, q("entityType=campaign"));
    expect(stage.rows[0]).toMatchObject({ campaignSlug: campaign.slug, actorName: official.displayName });
  });

  it("paginates", async () => {
    const admin = await buildUser(t.db, { roles: ["admin"] });
    await t.db.insert(auditLog).values(Array.from({ length: AUDIT_PAGE_SIZE + 2 }, (_, i) => ({ actorId: admin.id, action: "x.y", entityType: "thing", entityId: i })));
    const second = await searchAuditLog(t.db, admin, q("page=2"));
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: AUDIT_PAGE_SIZE + 2 });
    expect(second.rows).toHaveLength(2);
  });

  it("refuses residents, firm members and reviewers", async () => {
    for (const role of ["resident", "firm_member", "reviewer"] as const) {
      const someone = await buildUser(t.db, { roles: [role] });
      await expect(searchAuditLog(t.db, someone, q(""))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
