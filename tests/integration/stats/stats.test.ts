/**
 * The programme statistics over a small dataset whose every number is known:
 * a campaign with items at every status (drafts and withdrawn ones too),
 * reviews, audit rows, vendor responses and matches at public and private
 * stages; and a second campaign to check the scoping. Exact numbers for every
 * section, what the public must not see, and a fixed number of queries.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { programmeStats, type ProgrammeStats } from "../../../app/stats/stats.server";
import type { Database } from "../../../db/client";
import type { AssignmentStatus, MatchStage } from "../../../db/enums";
import { applicationTags, auditLog, demandTags, matches, reviewAssignments, reviews, tags, vendorResponses } from "../../../db/schema";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser, seq } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

const DAY = 86_400_000;
const SUBMITTED = new Date("2026-03-01T00:00:00Z");
const after = (days: number) => new Date(SUBMITTED.getTime() + days * DAY);

async function technology(db: Database, kind: "technology" | "scenario" = "technology") {
  const n = seq();
  const [row] = await db.insert(tags).values({ kind, slug: `${kind}-${n}`, nameZh: `技术${n}`, nameEn: `Tech ${n}` }).returning();
  return row;
}

async function buildWorld(db: Database) {
  const campaign = await buildCampaign(db, { stage: "published", reviewersPerItem: 2, opensAt: new Date("2026-01-01T00:00:00Z") });
  const older = await buildCampaign(db, { stage: "published", opensAt: new Date("2025-01-01T00:00:00Z"), closesAt: new Date("2025-06-30T00:00:00Z") });
  const p1 = await buildSubdistrict(db);
  const p2 = await buildSubdistrict(db);
  const vendor = await buildOrganization(db);
  const [r1, r2, r3] = await Promise.all([1, 2, 3].map(() => buildUser(db, { roles: ["reviewer"] })));
  const t1 = await technology(db);
  const t2 = await technology(db);
  const scenario = await technology(db, "scenario");

  const app = (over: Parameters<typeof buildApplication>[1]) => buildApplication(db, { submittedAt: SUBMITTED, ...over });
  const c = { campaignId: campaign.id, organizationId: vendor.id };
  const a1 = await app({ ...c, status: "selected", domain: "life" });
  const a2 = await app({ ...c, status: "not_shortlisted", publicFromSubmission: true, domain: "economy" });
  const a3 = await app({ ...c, status: "not_shortlisted", domain: "economy" });
  const a4 = await app({ ...c, status: "rejected", domain: "economy" });
  const a5 = await app({ ...c, status: "submitted", domain: "economy" });
  const a6 = await app({ ...c, status: "draft", submittedAt: null, domain: "life" });
  const a7 = await app({ ...c, status: "withdrawn", domain: "life" });
  const a8 = await app({ ...c, status: "in_review", publicFromSubmission: true, domain: "life" });
  const b1 = await app({ campaignId: older.id, organizationId: vendor.id, status: "selected", domain: "governance" });

  const demand = (over: Parameters<typeof buildDemand>[1]) => buildDemand(db, { submittedAt: SUBMITTED, ...over });
  const d1 = await demand({ campaignId: campaign.id, subdistrictId: p1.id, status: "selected", domain: "life" });
  const d2 = await demand({ campaignId: campaign.id, subdistrictId: p1.id, status: "not_shortlisted", domain: "life" });
  const d3 = await demand({ campaignId: campaign.id, subdistrictId: p2.id, status: "rejected", domain: "economy" });
  // d4 waits: no response, no match.
  await demand({ campaignId: campaign.id, subdistrictId: p2.id, status: "submitted", domain: "governance" });
  const d5 = await demand({ campaignId: campaign.id, subdistrictId: p2.id, status: "draft", submittedAt: null, domain: "economy" });
  const d6 = await demand({ campaignId: campaign.id, subdistrictId: p1.id, status: "withdrawn", domain: "economy" });
  const bd1 = await demand({ campaignId: older.id, subdistrictId: p2.id, status: "selected", domain: "economy" });

  // Technology tags: only public items count (a4 rejected, a3 private, d5 draft do not); scenarios are not technologies.
  await db.insert(applicationTags).values([
    { applicationId: a1.id, tagId: t1.id },
    { applicationId: a1.id, tagId: t2.id },
    { applicationId: a1.id, tagId: scenario.id },
    { applicationId: a2.id, tagId: t1.id },
    { applicationId: a3.id, tagId: t2.id },
    { applicationId: a4.id, tagId: t1.id },
  ]);
  await db.insert(demandTags).values([
    { demandId: d1.id, tagId: t1.id },
    { demandId: d3.id, tagId: t2.id },
    { demandId: d5.id, tagId: t2.id },
  ]);

  // Reviews (two per item in this campaign): a1 and a2 complete, a8 one done, one pending, one recused.
  const assign = async (applicationId: number, reviewerId: number, status: AssignmentStatus, days: number) => {
    const [row] = await db
      .insert(reviewAssignments)
      .values({ campaignId: campaign.id, itemType: "application", applicationId, reviewerId, status, createdAt: after(days) })
      .returning();
    if (status === "submitted") await db.insert(reviews).values({ assignmentId: row.id, scores: { innovation: 7 }, weightedScore: 0.7 });
  };
  await assign(a1.id, r1.id, "submitted", 5);
  await assign(a1.id, r2.id, "submitted", 5);
  await assign(a2.id, r1.id, "submitted", 40);
  await assign(a2.id, r2.id, "submitted", 41);
  await assign(a8.id, r1.id, "submitted", 1);
  await assign(a8.id, r2.id, "assigned", 1);
  await assign(a8.id, r3.id, "recused", 1);

  // The audit trail: screening decisions, and how far the not-shortlisted items got.
  const audit = (entityType: "application" | "demand", entityId: number, action: string, fromStatus: string, toStatus: string, days: number) =>
    db.insert(auditLog).values({ actorId: null, action: `${entityType}.${action}`, entityType, entityId, fromStatus, toStatus, createdAt: after(days) });
  await audit("application", a1.id, "pass", "submitted", "in_review", 2);
  await audit("application", a4.id, "reject", "submitted", "rejected", 10);
  await audit("application", a8.id, "pass", "submitted", "in_review", 0.5);
  await audit("application", a3.id, "cut", "shortlisted", "not_shortlisted", 50);
  await audit("demand", d2.id, "complete", "in_review", "scored", 30);
  await audit("demand", d2.id, "cut", "scored", "not_shortlisted", 50);

  // Responses to demands: d1 answered after 3 days; the rejected d3 is not public, its response does not count.
  await db.insert(vendorResponses).values([
    { demandId: d1.id, applicationId: a1.id, organizationId: vendor.id, approach: "方案", timeline: "三个月", createdAt: after(3) },
    { demandId: d3.id, applicationId: a1.id, organizationId: vendor.id, approach: "方案", timeline: "三个月", createdAt: after(1) },
  ]);
  const match = (demandId: number, subdistrictId: number, applicationId: number, stage: MatchStage, days: number) =>
    db.insert(matches).values({ demandId, applicationId, organizationId: vendor.id, subdistrictId, stage, createdAt: after(days) });
  await match(d1.id, p1.id, a1.id, "accepted", 5);
  await match(d1.id, p1.id, a2.id, "piloting", 6);
  await match(d2.id, p1.id, a1.id, "proposed", 20); // not a public stage, but a proposal: d2's first response
  await match(d1.id, p1.id, a3.id, "deployed", 7); // a3 is private: not public
  await match(d2.id, p1.id, a8.id, "deployed", 30);
  await match(d2.id, p1.id, a5.id, "declined", 25); // declined (and a5 is private): not public
  await match(bd1.id, p2.id, b1.id, "piloting", 400);

  return { campaign, older, p1, p2, t1, t2, scenario, items: { a6, a7, d5, d6 } };
}

/** Counts the queries a function runs (builder selects and raw statements). */
function counting(db: Database) {
  let queries = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "select" || prop === "execute") {
        return (...args: unknown[]) => {
          queries++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy, count: () => queries };
}

describe.each(DB_KINDS)("programme statistics on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  it("gives exact numbers for one campaign, counting only what the public may see where items are described", async () => {
    const w = await buildWorld(t.db);
    const stats = (await programmeStats(t.db, { campaignSlug: w.campaign.slug })) as ProgrammeStats;
    expect(stats).not.toBeNull();
    expect(stats.campaign?.slug).toBe(w.campaign.slug);
    expect(stats.campaignOptions.map((c) => c.slug)).toEqual([w.campaign.slug, w.older.slug]);
    expect(stats.campaigns).toHaveLength(1);
    const [c] = stats.campaigns;

    // The funnel counts every item at every stage it reached; drafts and withdrawn items never.
    expect(c.funnel.applications).toEqual({ submitted: 6, passedScreening: 4, scored: 3, shortlisted: 2, selected: 1 });
    expect(c.funnel.demands).toEqual({ submitted: 4, passedScreening: 2, scored: 2, shortlisted: 1, selected: 1 });
    expect(c.status.applications).toEqual({ awaitingScreening: 1, inReview: 1, scored: 0, shortlisted: 0, selected: 1, notShortlisted: 2, rejected: 1 });
    expect(c.status.demands).toEqual({ awaitingScreening: 1, inReview: 0, scored: 0, shortlisted: 0, selected: 1, notShortlisted: 1, rejected: 1 });

    expect(c.review.applications).toEqual({ assignments: 6, done: 5, pending: 1, recused: 1, reviews: 5, itemsComplete: 2, itemsToReview: 4 });
    expect(c.review.demands).toEqual({ assignments: 0, done: 0, pending: 0, recused: 0, reviews: 0, itemsComplete: 0, itemsToReview: 2 });

    // Public items only: d3 (rejected), d5 (draft), d6 (withdrawn), a3, a4, a5 (private) are not described.
    expect(stats.byDomain).toEqual([
      { domain: "economy", demands: 0, applications: 1 },
      { domain: "life", demands: 2, applications: 2 },
      { domain: "governance", demands: 1, applications: 0 },
    ]);
    const place = (slug: string) => stats.bySubdistrict.find((p) => p.slug === slug);
    expect(place(w.p1.slug)).toMatchObject({ demands: 2, selectedDemands: 1 });
    expect(place(w.p2.slug)).toMatchObject({ demands: 1, selectedDemands: 0 });
    expect(stats.byTechnology.map((tag) => [tag.slug, tag.demands, tag.applications])).toEqual([
      [w.t1.slug, 1, 2],
      [w.t2.slug, 0, 1],
    ]);
    expect(stats.byTechnology.some((tag) => tag.slug === w.scenario.slug)).toBe(false);

    // Applications: a8 after half a day, a1 after 2 (the pass, before its reviewers), a4 after 10 (rejected),
    // a2 after 40 (no screening record: its first reviewer); a5 still waits; a3 moved on without a dated record.
    expect(stats.responseTimes.applications).toEqual({
      responded: 4,
      waiting: 1,
      undated: 1,
      medianDays: 6,
      p90Days: 31,
      histogram: [
        { fromDays: 0, toDays: 1, count: 1 },
        { fromDays: 1, toDays: 3, count: 1 },
        { fromDays: 3, toDays: 7, count: 0 },
        { fromDays: 7, toDays: 14, count: 1 },
        { fromDays: 14, toDays: 30, count: 0 },
        { fromDays: 30, toDays: 60, count: 1 },
        { fromDays: 60, toDays: null, count: 0 },
      ],
    });
    // Public demands: d1 after 3 days (a vendor response), d2 after 20 (a proposal, not yet public); d4 waits.
    expect(stats.responseTimes.demands).toEqual({
      responded: 2,
      waiting: 1,
      undated: 0,
      medianDays: 11.5,
      p90Days: 18.3,
      histogram: [
        { fromDays: 0, toDays: 1, count: 0 },
        { fromDays: 1, toDays: 3, count: 0 },
        { fromDays: 3, toDays: 7, count: 1 },
        { fromDays: 7, toDays: 14, count: 0 },
        { fromDays: 14, toDays: 30, count: 1 },
        { fromDays: 30, toDays: 60, count: 0 },
        { fromDays: 60, toDays: null, count: 0 },
      ],
    });

    // Only confirmed stages, between public items: the proposal, the declined match and the one with private a3 do not count.
    expect(stats.matchesByStage).toEqual([
      { stage: "accepted", count: 1 },
      { stage: "piloting", count: 1 },
      { stage: "deployed", count: 1 },
    ]);
    expect(stats.totals).toEqual({
      applications: { submitted: 6, passedScreening: 4, scored: 3, shortlisted: 2, selected: 1 },
      demands: { submitted: 4, passedScreening: 2, scored: 2, shortlisted: 1, selected: 1 },
      matched: 3,
      piloting: 1,
      deployed: 1,
    });
  });

  it("covers every campaign, newest first, when none is chosen", async () => {
    const w = await buildWorld(t.db);
    const stats = (await programmeStats(t.db))!;
    expect(stats.campaign).toBeNull();
    expect(stats.campaigns.map((c) => c.slug)).toEqual([w.campaign.slug, w.older.slug]);
    expect(stats.campaigns[1].funnel.applications).toEqual({ submitted: 1, passedScreening: 1, scored: 1, shortlisted: 1, selected: 1 });
    expect(stats.campaigns[1].funnel.demands).toEqual({ submitted: 1, passedScreening: 1, scored: 1, shortlisted: 1, selected: 1 });
    expect(stats.totals).toEqual({
      applications: { submitted: 7, passedScreening: 5, scored: 4, shortlisted: 3, selected: 2 },
      demands: { submitted: 5, passedScreening: 3, scored: 3, shortlisted: 2, selected: 2 },
      matched: 4,
      piloting: 2,
      deployed: 1,
    });
    expect(stats.byDomain.find((d) => d.domain === "governance")).toEqual({ domain: "governance", demands: 1, applications: 1 });
    expect(stats.bySubdistrict.find((p) => p.slug === w.p2.slug)).toMatchObject({ demands: 2, selectedDemands: 1 });
    // The older demand waited 400 days for its match.
    expect(stats.responseTimes.demands.histogram.at(-1)).toEqual({ fromDays: 60, toDays: null, count: 1 });
    // The result is plain JSON.
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
  });

  it("answers null for a campaign that does not exist, and zeros for an empty database", async () => {
    expect(await programmeStats(t.db, { campaignSlug: "no-such-call" })).toBeNull();
    const empty = (await programmeStats(t.db))!;
    expect(empty.campaigns).toEqual([]);
    expect(empty.totals).toEqual({
      applications: { submitted: 0, passedScreening: 0, scored: 0, shortlisted: 0, selected: 0 },
      demands: { submitted: 0, passedScreening: 0, scored: 0, shortlisted: 0, selected: 0 },
      matched: 0,
      piloting: 0,
      deployed: 0,
    });
    expect(empty.responseTimes.applications).toMatchObject({ responded: 0, waiting: 0, undated: 0, medianDays: null, p90Days: null });
    expect(empty.matchesByStage).toEqual([
      { stage: "accepted", count: 0 },
      { stage: "piloting", count: 0 },
      { stage: "deployed", count: 0 },
    ]);
  });

  it("runs the same fixed number of queries whatever the data", async () => {
    const before = counting(t.db);
    await programmeStats(before.db);
    await buildWorld(t.db);
    const afterWorld = counting(t.db);
    await programmeStats(afterWorld.db);
    const scoped = counting(t.db);
    await programmeStats(scoped.db, { campaignSlug: (await programmeStats(t.db))!.campaignOptions[0].slug });
    expect(before.count()).toBe(8);
    expect(afterWorld.count()).toBe(8);
    expect(scoped.count()).toBe(8);
  });
});
