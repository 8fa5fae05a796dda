/**
 * Review progress and reminders, read from review_assignments / reviews rows
 * made directly here (the assignment pages write them in the app).
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../../app/auth/authorize.server";
import { campaignProgress, REMINDER_INTERVAL_MS, sendReviewReminders } from "../../../app/campaigns/progress.server";
import type { AssignmentStatus } from "../../../db/enums";
import { auditLog, notifications, outgoingEmails, reviewAssignments } from "../../../db/schema";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

describe.each(DB_KINDS)("review progress on %s", (kind) => {
  let t: TestDatabase;
  let official: Awaited<ReturnType<typeof buildUser>>;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    official = await buildUser(t.db, { roles: ["official"] });
  });
  afterEach(async () => {
    await t.drop();
  });

  async function setup(stage: "reviewing" | "screening" = "reviewing") {
    const campaign = await buildCampaign(t.db, { stage, reviewersPerItem: 2 });
    const place = await buildSubdistrict(t.db);
    const org = await buildOrganization(t.db);
    const [r1, r2, r3] = await Promise.all([1, 2, 3].map(() => buildUser(t.db, { roles: ["reviewer"] })));
    const d1 = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, status: "in_review" });
    const d2 = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, status: "in_review" });
    const a1 = await buildApplication(t.db, { campaignId: campaign.id, organizationId: org.id, status: "in_review" });
    const assign = (reviewerId: number, item: { demandId?: number; applicationId?: number }, status: AssignmentStatus) =>
      t.db.insert(reviewAssignments).values({
        campaignId: campaign.id,
        itemType: item.demandId ? "demand" : "application",
        reviewerId,
        status,
        ...item,
      });
    // d1: two submitted (complete). d2: one submitted, one pending. a1: one pending, one recused.
    await assign(r1.id, { demandId: d1.id }, "submitted");
    await assign(r2.id, { demandId: d1.id }, "submitted");
    await assign(r1.id, { demandId: d2.id }, "submitted");
    await assign(r2.id, { demandId: d2.id }, "assigned");
    await assign(r2.id, { applicationId: a1.id }, "assigned");
    await assign(r3.id, { applicationId: a1.id }, "recused");
    return { campaign, r1, r2, r3, d1, d2, a1 };
  }

  it("counts per reviewer and lists the items lacking reviews, fewest first", async () => {
    const { campaign, r1, r2, r3, d2, a1 } = await setup();
    const progress = await campaignProgress(t.db, official, campaign);
    const byId = new Map(progress.reviewers.map((r) => [r.reviewerId, r]));
    expect(byId.get(r1.id)).toMatchObject({ assigned: 2, submitted: 2, recused: 0, pending: 0 });
    expect(byId.get(r2.id)).toMatchObject({ assigned: 3, submitted: 1, recused: 0, pending: 2 });
    expect(byId.get(r3.id)).toMatchObject({ assigned: 1, submitted: 0, recused: 1, pending: 0 });
    expect(progress.reviewers[0].reviewerId).toBe(r2.id);
    expect(progress.lacking.total).toBe(2);
    expect(progress.lacking.items).toEqual([
      { itemType: "application", id: a1.id, title: a1.title, submitted: 0, pending: 1 },
      { itemType: "demand", id: d2.id, title: d2.title, submitted: 1, pending: 1 },
    ]);
    expect(progress.remindersRefusal).toBeNull();
  });

  it("reminds reviewers with pending work, at most once in 24 hours each", async () => {
    const { campaign, r1, r2 } = await setup();
    const now = new Date("2026-05-01T02:00:00Z");
    const first = await sendReviewReminders(t.db, official, campaign, { now });
    expect(first).toEqual({ ok: true, sent: [{ reviewerId: r2.id, pending: 2 }], skipped: [] });
    const pending = await t.db.select().from(reviewAssignments).where(eq(reviewAssignments.reviewerId, r2.id));
    expect(pending.filter((a) => a.status === "assigned").every((a) => a.remindedAt?.getTime() === now.getTime())).toBe(true);
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, r2.id))).toEqual([
      expect.objectContaining({ kind: "reviewReminder", link: "/review", params: expect.objectContaining({ pending: 2 }) }),
    ]);
    expect(await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.toAddress, r2.email))).toHaveLength(1);
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, r1.id))).toHaveLength(0);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "review.remind"))).toHaveLength(1);

    // An hour later: skipped, with the time a reminder is allowed again.
    const later = new Date(now.getTime() + 3600_000);
    const second = await sendReviewReminders(t.db, official, campaign, { now: later, reviewerId: r2.id });
    expect(second).toEqual({ ok: true, sent: [], skipped: [{ reviewerId: r2.id, nextAt: new Date(now.getTime() + REMINDER_INTERVAL_MS) }] });
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, r2.id))).toHaveLength(1);
    const progress = await campaignProgress(t.db, official, campaign, { now: later });
    expect(progress.reviewers.find((r) => r.reviewerId === r2.id)?.nextReminderAt).toEqual(new Date(now.getTime() + REMINDER_INTERVAL_MS));

    // A day later: allowed again.
    const nextDay = new Date(now.getTime() + REMINDER_INTERVAL_MS + 1000);
    const third = await sendReviewReminders(t.db, official, campaign, { now: nextDay });
    expect(third).toMatchObject({ ok: true, sent: [{ reviewerId: r2.id }] });
    expect(await t.db.select().from(notifications).where(eq(notifications.userId, r2.id))).toHaveLength(2);
  });

  it("refuses reminders out of stage", async () => {
    const { campaign } = await setup("screening");
    expect(await sendReviewReminders(t.db, official, campaign)).toEqual({
      ok: false,
      refusal: { code: "wrong_stage", stage: "screening", allowed: ["reviewing", "shortlisting"] },
    });
    expect(await t.db.select().from(notifications)).toHaveLength(0);
  });

  it("refuses everyone but officials", async () => {
    const { campaign } = await setup();
    for (const role of ["resident", "firm_member", "reviewer", "admin"] as const) {
      const someone = await buildUser(t.db, { roles: [role] });
      await expect(campaignProgress(t.db, someone, campaign)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(sendReviewReminders(t.db, someone, campaign)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
