/**
 * The review workflow against a real database (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): assignment, recusal, the blind rule, scoring and
 * completion, the shortlist, publication and feedback.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../app/auth/authorize.server";
import { addReviewer, autoAssign, recuse, removeAssignment } from "../../app/review/assignment.server";
import { feedbackFor } from "../../app/review/feedback.server";
import { publishedList } from "../../app/review/lists.server";
import { applyShortlist, publishCampaign, setOverride, shortlistBoard } from "../../app/review/ranking.server";
import { myAssignments, reviewPage, reviewsForItem, submitReview } from "../../app/review/scoring.server";
import { applicationVisibleTo, viewerOf } from "../../app/visibility/visibility.server";
import type { Database } from "../../db/client";
import {
  applications,
  auditLog,
  campaigns,
  demands,
  notifications,
  publishedListEntries,
  reviewAssignments,
  reviewerConflicts,
  shortlistOverrides,
} from "../../db/schema";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser } from "../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../helpers/db";

type User = Awaited<ReturnType<typeof buildUser>>;

async function world(db: Database, over: Partial<typeof campaigns.$inferInsert> = {}) {
  const place = await buildSubdistrict(db);
  const vendorA = await buildOrganization(db);
  const vendorB = await buildOrganization(db);
  const campaign = await buildCampaign(db, { stage: "reviewing", reviewersPerItem: 3, applicationQuota: 2, demandQuota: 1, ...over });
  const official = await buildUser(db, { roles: ["official"] });
  const firmA = await buildUser(db, { roles: ["firm_member"], organizationId: vendorA.id });
  const firmB = await buildUser(db, { roles: ["firm_member"], organizationId: vendorB.id });
  const resident = await buildUser(db, { roles: ["resident"] });
  // r1 works for vendor A; r4 declared a conflict with vendor B.
  const r1 = await buildUser(db, { roles: ["reviewer"], organizationId: vendorA.id });
  const r2 = await buildUser(db, { roles: ["reviewer"] });
  const r3 = await buildUser(db, { roles: ["reviewer"] });
  const r4 = await buildUser(db, { roles: ["reviewer"] });
  const r5 = await buildUser(db, { roles: ["reviewer"] });
  await db.insert(reviewerConflicts).values({ reviewerId: r4.id, organizationId: vendorB.id, reason: "former employee" });
  const apps = [];
  for (const [org, author] of [
    [vendorA, firmA],
    [vendorA, firmA],
    [vendorB, firmB],
    [vendorB, firmB],
  ] as const) {
    apps.push(await buildApplication(db, { campaignId: campaign.id, organizationId: org.id, authorId: author.id, status: "in_review" }));
  }
  const demand = await buildDemand(db, { campaignId: campaign.id, subdistrictId: place.id, authorId: resident.id, status: "in_review" });
  return { place, vendorA, vendorB, campaign, official, firmA, firmB, resident, reviewers: [r1, r2, r3, r4, r5], r1, r2, r3, r4, r5, apps, demand };
}

const goodScores = (base: number) => ({
  scores: { innovation: base, feasibility: base, social_value: base, cost_effectiveness: base },
  comments: { innovation: `创新性评语 ${base}`, feasibility: "", social_value: "", cost_effectiveness: "" },
  overallComment: `总体意见 ${base}`,
});

async function assignmentsOn(db: Database, itemType: "application" | "demand", itemId: number) {
  const column = itemType === "demand" ? reviewAssignments.demandId : reviewAssignments.applicationId;
  return db.select().from(reviewAssignments).where(eq(column, itemId));
}

/** The first test of a worker also warms up PGlite and Argon2: generous on a busy machine. */
const SLOW = 120_000;

describe.each(DB_KINDS)("review workflow on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  }, SLOW);
  afterEach(() => t.drop());

  it("assigns k reviewers to every item, never from the submitting organisation or with a declared conflict", async () => {
    const w = await world(t.db);
    const result = await autoAssign(t.db, w.official, w.campaign.id);
    expect(result).toMatchObject({ ok: true, created: 15, shortfalls: [] });
    for (const app of w.apps) {
      const on = await assignmentsOn(t.db, "application", app.id);
      expect(on).toHaveLength(3);
      const ids = on.map((a) => a.reviewerId);
      if (app.organizationId === w.vendorA.id) expect(ids).not.toContain(w.r1.id);
      if (app.organizationId === w.vendorB.id) expect(ids).not.toContain(w.r4.id);
    }
    expect(await assignmentsOn(t.db, "demand", w.demand.id)).toHaveLength(3);
    // 15 assignments over 5 reviewers: 3 each.
    const all = await t.db.select().from(reviewAssignments).where(eq(reviewAssignments.campaignId, w.campaign.id));
    const loads = w.reviewers.map((r) => all.filter((a) => a.reviewerId === r.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    // Audited and notified.
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "review.assign"));
    expect(audits).toHaveLength(15);
    const notes = await t.db.select().from(notifications).where(eq(notifications.kind, "reviewAssigned"));
    expect(notes.map((n) => n.userId).sort()).toEqual(w.reviewers.map((r) => r.id).sort());
    // Running again adds nothing.
    expect(await autoAssign(t.db, w.official, w.campaign.id)).toMatchObject({ ok: true, created: 0 });
  }, SLOW);

  it("reports items without enough eligible reviewers instead of failing", async () => {
    const w = await world(t.db, { reviewersPerItem: 5 });
    const result = await autoAssign(t.db, w.official, w.campaign.id);
    if (!result.ok) throw new Error("expected ok");
    // Vendor A's and vendor B's applications lack one reviewer each (r1 / r4 excluded).
    expect(result.shortfalls).toHaveLength(4);
    expect(result.shortfalls.every((s) => s.assigned === 4 && s.needed === 5)).toBe(true);
  }, SLOW);

  it("refuses assignment outside the reviewing stage and to non-officials", async () => {
    const w = await world(t.db, { stage: "screening" });
    expect(await autoAssign(t.db, w.official, w.campaign.id)).toMatchObject({ ok: false, reason: "wrong_stage", stage: "screening" });
    await expect(autoAssign(t.db, w.r2, w.campaign.id)).rejects.toBeInstanceOf(ForbiddenError);
  }, SLOW);

  it("enforces the conflict rule when an official adds a reviewer by hand, and removes one", async () => {
    const w = await world(t.db);
    const appA = w.apps[0];
    expect(await addReviewer(t.db, w.official, { campaignId: w.campaign.id, itemType: "application", itemId: appA.id, reviewerId: w.r1.id })).toEqual({
      ok: false,
      reason: "excluded",
      exclusion: "member",
    });
    const appB = w.apps[2];
    expect(await addReviewer(t.db, w.official, { campaignId: w.campaign.id, itemType: "application", itemId: appB.id, reviewerId: w.r4.id })).toMatchObject({
      ok: false,
      exclusion: "declared_conflict",
    });
    expect(await addReviewer(t.db, w.official, { campaignId: w.campaign.id, itemType: "demand", itemId: w.demand.id, reviewerId: w.firmA.id })).toMatchObject({
      ok: false,
      reason: "not_reviewer",
    });
    const added = await addReviewer(t.db, w.official, { campaignId: w.campaign.id, itemType: "application", itemId: appA.id, reviewerId: w.r2.id });
    if (!added.ok) throw new Error("expected ok");
    expect(await addReviewer(t.db, w.official, { campaignId: w.campaign.id, itemType: "application", itemId: appA.id, reviewerId: w.r2.id })).toMatchObject({
      exclusion: "already_assigned",
    });
    expect(await removeAssignment(t.db, w.official, { campaignId: w.campaign.id, assignmentId: added.assignmentId })).toEqual({ ok: true });
    expect(await assignmentsOn(t.db, "application", appA.id)).toHaveLength(0);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "review.unassign"));
    expect(audit.entityId).toBe(added.assignmentId);
  }, SLOW);

  it("recusal records the conflict and reassigns the item to the least-loaded eligible reviewer", async () => {
    const w = await world(t.db);
    await autoAssign(t.db, w.official, w.campaign.id);
    const app = w.apps[2]; // vendor B: r4 is excluded
    const before = await assignmentsOn(t.db, "application", app.id);
    const leaving = before[0];
    const leaver = w.reviewers.find((r) => r.id === leaving.reviewerId)!;
    const outcome = await recuse(t.db, leaver, { assignmentId: leaving.id, reason: "我曾在该公司任职" });
    if (!outcome.ok) throw new Error(`expected ok, got ${outcome.reason}`);
    const after = await assignmentsOn(t.db, "application", app.id);
    expect(after.find((a) => a.id === leaving.id)).toMatchObject({ status: "recused", recusalReason: "我曾在该公司任职" });
    const active = after.filter((a) => a.status !== "recused");
    expect(active).toHaveLength(3);
    expect(outcome.replacementReviewerId).not.toBeNull();
    expect([w.r4.id, leaver.id, ...before.map((a) => a.reviewerId)]).not.toContain(outcome.replacementReviewerId);
    const conflicts = await t.db.select().from(reviewerConflicts).where(eq(reviewerConflicts.reviewerId, leaver.id));
    expect(conflicts.map((c) => c.organizationId)).toContain(w.vendorB.id);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "review.recuse"));
    expect(audit).toMatchObject({ actorId: leaver.id, entityId: leaving.id, reason: "我曾在该公司任职" });
    // Someone else's assignment is not theirs to recuse from.
    const other = after.find((a) => a.reviewerId !== leaver.id && a.status === "assigned")!;
    expect(await recuse(t.db, leaver, { assignmentId: other.id, reason: "not mine" })).toEqual({ ok: false, reason: "not_found" });
  }, SLOW);

  it("keeps review blind until the reviewer has submitted; firms never read reviews", async () => {
    const w = await world(t.db);
    await autoAssign(t.db, w.official, w.campaign.id);
    const app = w.apps[2];
    const on = await assignmentsOn(t.db, "application", app.id);
    const [a1, a2] = on;
    const rev1 = w.reviewers.find((r) => r.id === a1.reviewerId)!;
    const rev2 = w.reviewers.find((r) => r.id === a2.reviewerId)!;
    expect(await submitReview(t.db, rev1, a1.id, goodScores(8))).toMatchObject({ ok: true, first: true, completed: false });

    // rev2 has not submitted: nothing of the others, and a 403 when asking directly.
    const page = await reviewPage(t.db, rev2, a2.id);
    expect(page!.others).toEqual([]);
    await expect(reviewsForItem(t.db, rev2, "application", app.id)).rejects.toBeInstanceOf(ForbiddenError);

    // After submitting: the others, anonymised.
    await submitReview(t.db, rev2, a2.id, goodScores(6));
    const after = await reviewPage(t.db, rev2, a2.id);
    expect(after!.others).toHaveLength(1);
    expect(after!.others[0]).toMatchObject({ label: "A", reviewerName: null, mine: false, scores: { innovation: 8 } });

    // Officials see everything, named; firms and residents nothing.
    const all = await reviewsForItem(t.db, w.official, "application", app.id);
    expect(all.map((r) => r.reviewerName).sort()).toEqual([rev1.displayName, rev2.displayName].sort());
    await expect(reviewsForItem(t.db, w.firmB, "application", app.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reviewsForItem(t.db, w.resident, "application", app.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reviewPage(t.db, w.firmB, a1.id)).rejects.toBeInstanceOf(ForbiddenError);
    // Another reviewer cannot open someone else's assignment.
    await expect(reviewPage(t.db, rev2, a1.id)).rejects.toBeInstanceOf(ForbiddenError);
  }, SLOW);

  it("lets assigned reviewers see an application in review (visibility rule)", async () => {
    const w = await world(t.db);
    await autoAssign(t.db, w.official, w.campaign.id);
    const app = w.apps[0];
    const [a] = await assignmentsOn(t.db, "application", app.id);
    const reviewer = w.reviewers.find((r) => r.id === a.reviewerId)!;
    const visible = async (user: User) =>
      (
        await t.db
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.id, app.id), applicationVisibleTo(viewerOf({ ...user, organizations: [] }))))
      ).length;
    expect(await visible(reviewer)).toBe(1);
    expect(await visible(w.r1)).toBe(0); // not assigned (and a member of vendor A, but viewerOf got no orgs here)
    expect(await visible(w.resident)).toBe(0);
  }, SLOW);

  it("validates scores, moves the item to scored at k reviews, and refuses edits after the stage changes", async () => {
    const w = await world(t.db);
    await autoAssign(t.db, w.official, w.campaign.id);
    const on = await assignmentsOn(t.db, "demand", w.demand.id);
    const reviewerOf = (a: typeof on[number]) => w.reviewers.find((r) => r.id === a.reviewerId)!;

    const bad = await submitReview(t.db, reviewerOf(on[0]), on[0].id, { scores: { innovation: 11, feasibility: 5, social_value: 5 } });
    expect(bad).toMatchObject({ ok: false, reason: "invalid" });
    if (bad.ok || bad.reason !== "invalid") throw new Error("expected invalid");
    expect(bad.fieldErrors["scores.innovation"]).toEqual(["review:errors.scoreRange"]);
    expect(bad.fieldErrors["scores.cost_effectiveness"]).toEqual(["review:errors.scoreRequired"]);

    const first = await submitReview(t.db, reviewerOf(on[0]), on[0].id, goodScores(7));
    expect(first).toMatchObject({ ok: true, weightedScore: expect.closeTo(0.7, 9) });
    // Changing one's scores is fine while reviewing.
    expect(await submitReview(t.db, reviewerOf(on[0]), on[0].id, goodScores(9))).toMatchObject({ ok: true, first: false });
    await submitReview(t.db, reviewerOf(on[1]), on[1].id, goodScores(5));
    const [still] = await t.db.select({ status: demands.status }).from(demands).where(eq(demands.id, w.demand.id));
    expect(still.status).toBe("in_review");
    expect(await submitReview(t.db, reviewerOf(on[2]), on[2].id, goodScores(6))).toMatchObject({ ok: true, completed: true });
    const [done] = await t.db.select({ status: demands.status }).from(demands).where(eq(demands.id, w.demand.id));
    expect(done.status).toBe("scored");
    const [move] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "demand.complete"), eq(auditLog.entityId, w.demand.id)));
    expect(move).toMatchObject({ actorId: null, fromStatus: "in_review", toStatus: "scored" });

    const progress = await myAssignments(t.db, reviewerOf(on[0]));
    expect(progress[0]).toMatchObject({ submitted: 1 });

    await t.db.update(campaigns).set({ stage: "shortlisting" }).where(eq(campaigns.id, w.campaign.id));
    expect(await submitReview(t.db, reviewerOf(on[0]), on[0].id, goodScores(3))).toEqual({ ok: false, reason: "wrong_stage", stage: "shortlisting" });
    const page = await reviewPage(t.db, reviewerOf(on[0]), on[0].id);
    expect(page!.editable).toBe(false);
    expect(page!.mine!.scores.innovation).toBe(9);
  }, SLOW);

  it("shortlists under quota with overrides, publishes once, and gives submitters their feedback", async () => {
    const w = await world(t.db);
    await autoAssign(t.db, w.official, w.campaign.id);
    // Every reviewer scores every item on their list: app i gets base 4 + 2i, the demand 7.
    const all = await t.db.select().from(reviewAssignments).where(eq(reviewAssignments.campaignId, w.campaign.id));
    for (const a of all) {
      const reviewer = w.reviewers.find((r) => r.id === a.reviewerId)!;
      const base = a.applicationId ? 3 + 2 * w.apps.findIndex((x) => x.id === a.applicationId) : 7;
      expect(await submitReview(t.db, reviewer, a.id, goodScores(base))).toMatchObject({ ok: true });
    }
    expect(await publishCampaign(t.db, w.official, w.campaign.id)).toMatchObject({ ok: false, reason: "wrong_stage" });
    await t.db.update(campaigns).set({ stage: "shortlisting" }).where(eq(campaigns.id, w.campaign.id));

    const [apps] = await shortlistBoard(t.db, w.official, (await t.db.select().from(campaigns).where(eq(campaigns.id, w.campaign.id)))[0]);
    // App 3 is every reviewer's best, app 0 every reviewer's worst; the middle two depend on who reviewed what.
    const order = apps.rows.map((r) => r.itemId);
    expect(order[0]).toBe(w.apps[3].id);
    expect(order[3]).toBe(w.apps[0].id);
    expect(apps.rows.filter((r) => r.insideCut).map((r) => r.itemId)).toEqual([order[0], order[1]]);
    expect(apps.rows.every((r) => r.reviewCount === 3 && r.normalisedScore !== null)).toBe(true);

    // Move the third inside (pushing the second out), with a reason.
    expect(await setOverride(t.db, w.official, { campaignId: w.campaign.id, itemType: "application", itemId: order[2], decision: "include", reason: "区重点扶持项目" })).toEqual({ ok: true });
    expect(await setOverride(t.db, w.official, { campaignId: w.campaign.id, itemType: "application", itemId: order[0], decision: "include", reason: "already in" })).toMatchObject({
      ok: false,
      reason: "already_inside",
    });
    const [override] = await t.db.select().from(shortlistOverrides);
    expect(override).toMatchObject({ decision: "include", reason: "区重点扶持项目", decidedById: w.official.id });
    const [overrideAudit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "shortlist.override"));
    expect(overrideAudit).toMatchObject({ entityType: "application", entityId: order[2], reason: "区重点扶持项目" });

    expect(await applyShortlist(t.db, w.official, w.campaign.id)).toMatchObject({ ok: true, shortlisted: { application: 2, demand: 1 }, cut: { application: 2, demand: 0 } });
    const published = await publishCampaign(t.db, w.official, w.campaign.id);
    expect(published).toEqual({ ok: true, selected: { application: 2, demand: 1 }, notSelected: { application: 2, demand: 0 } });

    const statuses = new Map((await t.db.select({ id: applications.id, status: applications.status }).from(applications)).map((r) => [r.id, r.status]));
    expect(statuses.get(order[0])).toBe("selected");
    expect(statuses.get(order[2])).toBe("selected");
    expect(statuses.get(order[1])).toBe("not_shortlisted");
    expect(statuses.get(order[3])).toBe("not_shortlisted");
    const [demandRow] = await t.db.select({ status: demands.status }).from(demands).where(eq(demands.id, w.demand.id));
    expect(demandRow.status).toBe("selected");

    const entries = await t.db.select().from(publishedListEntries).where(eq(publishedListEntries.campaignId, w.campaign.id));
    const appEntries = entries.filter((e) => e.itemType === "application").sort((a, b) => a.rank - b.rank);
    expect(appEntries.map((e) => e.itemId)).toEqual([order[0], order[2]]);
    expect(appEntries[0].score).toBeGreaterThan(appEntries[1].score);
    expect(entries.filter((e) => e.itemType === "demand")).toHaveLength(1);

    const [stage] = await t.db.select({ stage: campaigns.stage }).from(campaigns).where(eq(campaigns.id, w.campaign.id));
    expect(stage.stage).toBe("published");
    const [publishAudit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "campaign.publish"));
    expect(publishAudit).toMatchObject({ actorId: w.official.id, entityId: w.campaign.id, toStatus: "published" });
    // Every submitter told: one notice per item to its author (and firm members; here the same person).
    const notes = await t.db.select().from(notifications);
    const selectedNotes = notes.filter((n) => n.kind === "itemSelected");
    const notSelectedNotes = notes.filter((n) => n.kind === "itemNotSelected");
    expect(new Set(selectedNotes.map((n) => n.link)).size).toBe(3);
    expect(new Set(notSelectedNotes.map((n) => n.link)).size).toBe(2);
    // r1 is a member of vendor A, so hears about vendor A's applications too.
    expect(notSelectedNotes.some((n) => n.userId === w.r1.id) || selectedNotes.some((n) => n.userId === w.r1.id)).toBe(true);
    expect(notSelectedNotes.some((n) => n.userId === w.firmA.id)).toBe(true);
    expect(selectedNotes.some((n) => n.userId === w.resident.id)).toBe(true);

    // Publishing twice is refused.
    expect(await publishCampaign(t.db, w.official, w.campaign.id)).toEqual({ ok: false, reason: "already_published" });

    // The public list, in rank order.
    const list = await publishedList(t.db, w.campaign.slug);
    expect(list!.applications.map((e) => [e.rank, e.id])).toEqual([
      [1, order[0]],
      [2, order[2]],
    ]);
    expect(list!.demands.map((e) => e.id)).toEqual([w.demand.id]);

    // Feedback: the firm sees averages and anonymous comments; another firm does not.
    const fb = await feedbackFor(t.db, viewerOf({ ...w.firmA, organizations: [{ id: w.vendorA.id }] }), "application", w.apps[0].id);
    if (!fb.ok) throw new Error(`expected feedback, got ${fb.reason}`);
    expect(fb.feedback.reviewCount).toBe(3);
    expect(fb.feedback.criteria.find((c) => c.key === "innovation")).toMatchObject({ average: 3, comments: ["创新性评语 3", "创新性评语 3", "创新性评语 3"] });
    expect(JSON.stringify(fb.feedback)).not.toMatch(/用户|reviewer/i);
    expect(await feedbackFor(t.db, viewerOf({ ...w.firmB, organizations: [{ id: w.vendorB.id }] }), "application", w.apps[0].id)).toEqual({ ok: false, reason: "forbidden" });
    expect(await feedbackFor(t.db, null, "application", w.apps[0].id)).toEqual({ ok: false, reason: "forbidden" });
  }, SLOW);

  it("gives no feedback before publication", async () => {
    const w = await world(t.db);
    const result = await feedbackFor(t.db, viewerOf({ ...w.resident, organizations: [] }), "demand", w.demand.id);
    expect(result).toEqual({ ok: false, reason: "not_published" });
  }, SLOW);
});
