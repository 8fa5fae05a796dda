/**
 * Campaigns as officials run them: create and edit (validation, slug, version
 * conflict, rubric normalised and locked once a review exists), stage changes
 * with their rules and audit rows, and nobody but officials allowed.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../../app/auth/authorize.server";
import {
  campaignHasReviews,
  campaignOverview,
  changeCampaignStage,
  createCampaign,
  listCampaigns,
  updateCampaign,
} from "../../../app/campaigns/campaigns.server";
import { DEFAULT_RUBRIC } from "../../../db/enums";
import { auditLog, campaigns, reviewAssignments, reviews } from "../../../db/schema";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

const INPUT = {
  titleZh: "2026 年数字化转型场景征集",
  titleEn: "2026 digital transformation call",
  slug: "call-2026",
  descriptionZh: "说明",
  descriptionEn: "About",
  opensAt: "2026-03-01",
  closesAt: "2026-06-30",
  applicationQuota: 100,
  demandQuota: 10,
  reviewersPerItem: 3,
  rubric: [
    { key: "innovation", labelZh: "创新性", labelEn: "Innovation", weight: 3, scaleMax: 10 },
    { key: "value", labelZh: "社会价值", labelEn: "Social value", weight: 1, scaleMax: 10 },
  ],
};

describe.each(DB_KINDS)("campaigns on %s", (kind) => {
  let t: TestDatabase;
  let official: Awaited<ReturnType<typeof buildUser>>;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    official = await buildUser(t.db, { roles: ["official"] });
  });
  afterEach(async () => {
    await t.drop();
  });

  it("creates a campaign in stage collecting with the rubric weights normalised, and audits it", async () => {
    const result = await createCampaign(t.db, official, INPUT);
    expect(result).toMatchObject({ ok: true, slug: "call-2026" });
    if (!result.ok) return;
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, result.id));
    expect(row).toMatchObject({ stage: "collecting", version: 1, applicationQuota: 100, demandQuota: 10, reviewersPerItem: 3, vendorCap: null });
    expect(row.rubric.map((c) => c.weight)).toEqual([0.75, 0.25]);
    expect(row.opensAt.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityType, "campaign"));
    expect(audit).toEqual([expect.objectContaining({ action: "campaign.create", entityId: result.id, actorId: official.id, toStatus: "collecting" })]);
  });

  it("refuses a slug in use and a close before the open, beside the fields", async () => {
    await buildCampaign(t.db, { slug: "taken" });
    expect(await createCampaign(t.db, official, { ...INPUT, slug: "taken" })).toEqual({
      ok: false,
      fieldErrors: { slug: ["campaigns:errors.slugTaken"] },
    });
    expect(await createCampaign(t.db, official, { ...INPUT, closesAt: "2026-03-01" })).toEqual({
      ok: false,
      fieldErrors: { closesAt: ["campaigns:errors.closesBeforeOpens"] },
    });
    expect(await t.db.select().from(campaigns)).toHaveLength(1);
  });

  it("saves an edit made from the current version and refuses a stale one, changing nothing", async () => {
    const created = await createCampaign(t.db, official, INPUT);
    if (!created.ok) throw new Error("setup");
    const first = await updateCampaign(t.db, official, created.id, { ...INPUT, titleEn: "Renamed", vendorCap: 5, version: 1 });
    expect(first).toMatchObject({ ok: true });
    const stale = await updateCampaign(t.db, official, created.id, { ...INPUT, titleEn: "Lost?", version: 1 });
    expect(stale).toEqual({ ok: false, formErrors: ["campaigns:errors.stale"] });
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, created.id));
    expect(row).toMatchObject({ titleEn: "Renamed", vendorCap: 5, version: 2 });
    const updates = await t.db.select().from(auditLog).where(eq(auditLog.action, "campaign.update"));
    expect(updates).toHaveLength(1);
    expect(updates[0].data).toEqual({ changed: ["titleEn", "vendorCap"] });
  });

  it("changes the slug only to a free one", async () => {
    const a = await createCampaign(t.db, official, INPUT);
    await buildCampaign(t.db, { slug: "other-call" });
    if (!a.ok) throw new Error("setup");
    expect(await updateCampaign(t.db, official, a.id, { ...INPUT, slug: "other-call", version: 1 })).toEqual({
      ok: false,
      fieldErrors: { slug: ["campaigns:errors.slugTaken"] },
    });
    expect(await updateCampaign(t.db, official, a.id, { ...INPUT, slug: "call-2026-b", version: 1 })).toMatchObject({ ok: true, slug: "call-2026-b" });
  });

  it("locks the rubric once a review exists, while other fields stay editable", async () => {
    const campaign = await buildCampaign(t.db, { stage: "reviewing" });
    const place = await buildSubdistrict(t.db);
    const reviewer = await buildUser(t.db, { roles: ["reviewer"] });
    const demand = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, status: "in_review" });
    const base = {
      titleZh: campaign.titleZh,
      titleEn: campaign.titleEn,
      slug: campaign.slug,
      opensAt: "2026-01-01",
      closesAt: "2027-12-31",
      version: campaign.version,
    };
    const newRubric = [{ key: "only", labelZh: "唯一", labelEn: "Only", weight: 1, scaleMax: 5 }];
    // Before any review, the rubric may change.
    expect(await campaignHasReviews(t.db, campaign.id)).toBe(false);
    const before = await updateCampaign(t.db, official, campaign.id, { ...base, rubric: newRubric });
    expect(before.ok).toBe(true);

    const [assignment] = await t.db
      .insert(reviewAssignments)
      .values({ campaignId: campaign.id, itemType: "demand", demandId: demand.id, reviewerId: reviewer.id, status: "submitted" })
      .returning();
    await t.db.insert(reviews).values({ assignmentId: assignment.id, scores: { only: 4 }, weightedScore: 0.8 });
    expect(await campaignHasReviews(t.db, campaign.id)).toBe(true);

    const refused = await updateCampaign(t.db, official, campaign.id, { ...base, version: 2, rubric: DEFAULT_RUBRIC });
    expect(refused).toEqual({ ok: false, fieldErrors: { rubric: ["campaigns:errors.rubricLocked"] } });
    // The same rubric (weights in any scale) or none at all is fine.
    const same = await updateCampaign(t.db, official, campaign.id, { ...base, version: 2, titleEn: "Still editable", rubric: [{ ...newRubric[0], weight: 7 }] });
    expect(same.ok).toBe(true);
    const without = await updateCampaign(t.db, official, campaign.id, { ...base, version: 3, demandQuota: 12 });
    expect(without.ok).toBe(true);
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(row.rubric).toEqual([{ ...newRubric[0], weight: 1 }]);
    expect(row).toMatchObject({ titleEn: campaign.titleEn, demandQuota: 12, version: 4 });
  });

  describe("stages", () => {
    it("moves forward one step at a time, back one step with a reason, and audits each change", async () => {
      const c = await buildCampaign(t.db);
      expect(await changeCampaignStage(t.db, official, { campaignId: c.id, to: "screening", version: 1 })).toEqual({ ok: true, from: "collecting", to: "screening" });
      expect(await changeCampaignStage(t.db, official, { campaignId: c.id, to: "shortlisting", version: 2 })).toEqual({ ok: false, error: "not_adjacent" });
      expect(await changeCampaignStage(t.db, official, { campaignId: c.id, to: "collecting", version: 2 })).toEqual({ ok: false, error: "reason_required" });
      expect(await changeCampaignStage(t.db, official, { campaignId: c.id, to: "collecting", version: 2, reason: "截止日期延长" })).toMatchObject({ ok: true });
      const rows = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "campaign.stage"), eq(auditLog.entityId, c.id))).orderBy(auditLog.id);
      expect(rows.map((r) => [r.fromStatus, r.toStatus, r.reason, r.actorId])).toEqual([
        ["collecting", "screening", null, official.id],
        ["screening", "collecting", "截止日期延长", official.id],
      ]);
      const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, c.id));
      expect(row).toMatchObject({ stage: "collecting", version: 3 });
    });

    it("refuses a stale stage change", async () => {
      const c = await buildCampaign(t.db);
      expect(await changeCampaignStage(t.db, official, { campaignId: c.id, to: "screening", version: 7 })).toEqual({ ok: false, error: "stale" });
    });

    it("leaves publishing to the publish action and never un-publishes", async () => {
      const shortlisting = await buildCampaign(t.db, { stage: "shortlisting" });
      expect(await changeCampaignStage(t.db, official, { campaignId: shortlisting.id, to: "published", version: 1 })).toEqual({ ok: false, error: "publish_elsewhere" });
      const published = await buildCampaign(t.db, { stage: "published" });
      expect(await changeCampaignStage(t.db, official, { campaignId: published.id, to: "shortlisting", version: 1, reason: "x" })).toEqual({
        ok: false,
        error: "cannot_unpublish",
      });
      expect(await changeCampaignStage(t.db, official, { campaignId: published.id, to: "closed", version: 1 })).toMatchObject({ ok: true });
    });
  });

  it("counts items per status on the overview", async () => {
    const c = await buildCampaign(t.db, { stage: "screening" });
    const place = await buildSubdistrict(t.db);
    const org = await buildOrganization(t.db);
    await buildDemand(t.db, { campaignId: c.id, subdistrictId: place.id, status: "submitted" });
    await buildDemand(t.db, { campaignId: c.id, subdistrictId: place.id, status: "submitted" });
    await buildDemand(t.db, { campaignId: c.id, subdistrictId: place.id, status: "rejected" });
    await buildApplication(t.db, { campaignId: c.id, organizationId: org.id, status: "in_review" });
    const overview = await campaignOverview(t.db, official, c.slug);
    expect(overview.counts.demand).toMatchObject({ submitted: 2, rejected: 1, in_review: 0 });
    expect(overview.counts.application).toMatchObject({ in_review: 1, submitted: 0 });
    const list = await listCampaigns(t.db, official);
    expect(list.find((r) => r.id === c.id)).toMatchObject({ demandsSubmitted: 3, applicationsSubmitted: 1 });
  });

  it("refuses residents, firm members, reviewers and admins", async () => {
    const c = await buildCampaign(t.db);
    for (const role of ["resident", "firm_member", "reviewer", "admin"] as const) {
      const someone = await buildUser(t.db, { roles: [role] });
      await expect(createCampaign(t.db, someone, INPUT)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateCampaign(t.db, someone, c.id, { ...INPUT, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(changeCampaignStage(t.db, someone, { campaignId: c.id, to: "screening", version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listCampaigns(t.db, someone)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [row] = await t.db.select().from(campaigns).where(eq(campaigns.id, c.id));
    expect(row.stage).toBe("collecting");
  });
});
