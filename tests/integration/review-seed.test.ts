/**
 * The review demo (db/seed/review.ts) on top of the base demo: the 2021
 * lists are real (100 + 10 entries ranked by normalised score, three
 * reviews per reviewed item, never a conflict of interest) and the Haina
 * call is mid-review with data on every screen.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rankItems } from "../../app/review/ranking";
import { DEMO_ACCOUNTS, seedDemo } from "../../db/seed";
import { HAINA_SLUG, seedReviewDemo, type ReviewSeedSummary } from "../../db/seed/review";
import {
  applications,
  campaigns,
  demands,
  memberships,
  publishedListEntries,
  reviewAssignments,
  reviewerConflicts,
  reviews,
  users,
} from "../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../helpers/db";

describe.each(DB_KINDS)("review demo seed on %s", (kind) => {
  let t: TestDatabase;
  let summary: ReviewSeedSummary;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    // seedDemo runs the review seed itself; running it again must change nothing.
    await seedDemo(t.db, {});
    summary = await seedReviewDemo(t.db, {});
  }, 300_000);
  afterAll(() => t?.drop());

  it("writes the 2021 published lists: 100 applications and 10 demands, ranked by normalised score", async () => {
    expect(summary.skipped).toBe(true);
    const [campaign] = await t.db.select().from(campaigns).where(eq(campaigns.slug, "2021-scenario-call"));
    const entries = await t.db.select().from(publishedListEntries).where(eq(publishedListEntries.campaignId, campaign.id));
    for (const [itemType, n] of [["application", 100], ["demand", 10]] as const) {
      const list = entries.filter((e) => e.itemType === itemType).sort((a, b) => a.rank - b.rank);
      expect(list.map((e) => e.rank)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      for (let i = 1; i < list.length; i++) expect(list[i].score).toBeLessThanOrEqual(list[i - 1].score + 1e-9);
      const table = itemType === "demand" ? demands : applications;
      const statuses = await t.db.select({ status: table.status }).from(table).where(inArray(table.id, list.map((e) => e.itemId)));
      expect(statuses.every((s) => s.status === "selected")).toBe(true);
    }
  });

  it("gives every reviewed 2021 item three submitted reviews, selected items scoring higher, never a conflict", async () => {
    const [campaign] = await t.db.select().from(campaigns).where(eq(campaigns.slug, "2021-scenario-call"));
    const rows = await t.db
      .select({ a: reviewAssignments, w: reviews.weightedScore, appStatus: applications.status, appOrg: applications.organizationId })
      .from(reviewAssignments)
      .innerJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
      .leftJoin(applications, eq(applications.id, reviewAssignments.applicationId))
      .where(and(eq(reviewAssignments.campaignId, campaign.id), eq(reviewAssignments.itemType, "application")));
    const perItem = new Map<number, number>();
    for (const r of rows) perItem.set(r.a.applicationId!, (perItem.get(r.a.applicationId!) ?? 0) + 1);
    expect(perItem.size).toBe(465);
    expect([...perItem.values()].every((n) => n === 3)).toBe(true);
    const members = await t.db.select().from(memberships);
    const memberOf = new Set(members.map((m) => `${m.userId}:${m.organizationId}`));
    expect(rows.some((r) => memberOf.has(`${r.a.reviewerId}:${r.appOrg}`))).toBe(false);
    const ranked = rankItems(rows.map((r) => ({ id: r.a.id, itemId: r.a.applicationId!, reviewerId: r.a.reviewerId, weightedScore: r.w })));
    const status = new Map(rows.map((r) => [r.a.applicationId!, r.appStatus]));
    const mean = (s: string) => {
      const xs = ranked.filter((x) => status.get(x.itemId) === s).map((x) => x.normalisedScore);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean("selected")).toBeGreaterThan(mean("not_shortlisted") + 0.5);
    // The top 100 by score are nearly all the selected ones (overrides explain the rest).
    const top = ranked.slice(0, 100).filter((x) => status.get(x.itemId) === "selected").length;
    expect(top).toBeGreaterThanOrEqual(90);
  });

  it("puts the Haina call mid-review: every item assigned, about half reviewed, recusals reassigned", async () => {
    const [haina] = await t.db.select().from(campaigns).where(eq(campaigns.slug, HAINA_SLUG));
    expect(haina).toMatchObject({ stage: "reviewing", titleEn: "2023 Haina Town Digital Transformation Pilot Zone Call" });
    const apps = await t.db.select().from(applications).where(eq(applications.campaignId, haina.id));
    const dems = await t.db.select().from(demands).where(eq(demands.campaignId, haina.id));
    expect(apps).toHaveLength(60);
    expect(dems).toHaveLength(12);
    const assignments = await t.db.select().from(reviewAssignments).where(eq(reviewAssignments.campaignId, haina.id));
    const recused = assignments.filter((a) => a.status === "recused");
    expect(recused).toHaveLength(2);
    expect(recused.every((a) => a.recusalReason)).toBe(true);
    const conflicts = await t.db.select().from(reviewerConflicts);
    expect(conflicts.length).toBeGreaterThanOrEqual(2);
    const submitted = assignments.filter((a) => a.status === "submitted").length;
    const active = assignments.filter((a) => a.status !== "recused").length;
    expect(active).toBe(72 * 3);
    expect(submitted / active).toBeGreaterThan(0.35);
    expect(submitted / active).toBeLessThan(0.65);
    for (const item of [...apps.map((a) => ({ ...a, key: "applicationId" as const })), ...dems.map((d) => ({ ...d, key: "demandId" as const }))]) {
      const on = assignments.filter((a) => a[item.key] === item.id && a.status !== "recused");
      expect(on).toHaveLength(3);
      const done = on.filter((a) => a.status === "submitted").length;
      expect(item.status).toBe(done === 3 ? "scored" : "in_review");
    }
  });

  it("leaves the demo reviewer pending Haina items whose other reviewers have submitted", async () => {
    const email = DEMO_ACCOUNTS.find((a) => a.role === "reviewer")!.email;
    const [me] = await t.db.select().from(users).where(eq(users.email, email));
    const [haina] = await t.db.select().from(campaigns).where(eq(campaigns.slug, HAINA_SLUG));
    const all = await t.db.select().from(reviewAssignments).where(eq(reviewAssignments.campaignId, haina.id));
    const mine = all.filter((a) => a.reviewerId === me.id);
    const pending = mine.filter((a) => a.status === "assigned");
    expect(mine.some((a) => a.status === "submitted")).toBe(true);
    const withOthers = pending.filter((p) =>
      all.some((a) => a.reviewerId !== me.id && a.status === "submitted" && ((p.applicationId && a.applicationId === p.applicationId) || (p.demandId && a.demandId === p.demandId))),
    );
    expect(withOthers.length).toBeGreaterThanOrEqual(4);
  });

  it("does nothing when run again", async () => {
    expect((await seedReviewDemo(t.db, {})).skipped).toBe(true);
  });
});
