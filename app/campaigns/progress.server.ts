/**
 * Review progress of a campaign, read from `review_assignments` and `reviews`
 * (written by the assignment and scoring pages): per reviewer how many items
 * are assigned, submitted and recused; the items that still lack reviews; and
 * reminders to reviewers with pending work — at most one per reviewer per
 * 24 hours, recorded in `review_assignments.reminded_at`.
 */
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";

import { rowsOf, type Database } from "../../db/client";
import type { ItemType } from "../../db/enums";
import { applications, demands, reviewAssignments, users } from "../../db/schema";
import { writeAudit } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";
import { notify } from "~/notifications/notify.server";
import { stageRefusal, type Refusal } from "~/workflow/refusal";

import type { Campaign } from "./campaigns.server";
import { STAGES_FOR } from "./stages";

export const REMINDER_INTERVAL_MS = 24 * 3600_000;
export const LACKING_PAGE_SIZE = 50;

export type ReviewerProgress = {
  reviewerId: number;
  displayName: string;
  email: string;
  assigned: number;
  submitted: number;
  recused: number;
  /** Assigned and not yet submitted. */
  pending: number;
  lastRemindedAt: Date | null;
  /** When another reminder may be sent, if it is not yet allowed. */
  nextReminderAt: Date | null;
};

export type LackingItem = {
  itemType: ItemType;
  id: number;
  title: string;
  submitted: number;
  pending: number;
};

/** Per-reviewer counts, and one page of the items with fewer submitted reviews than the campaign asks for. */
export async function campaignProgress(
  db: Database,
  actor: Actor,
  campaign: Pick<Campaign, "id" | "stage" | "reviewersPerItem">,
  options: { page?: number; now?: Date } = {},
) {
  assertCan(actor, "manage:campaign:any");
  const now = options.now ?? new Date();
  const reviewerRows = await db
    .select({
      reviewerId: reviewAssignments.reviewerId,
      displayName: users.displayName,
      email: users.email,
      assigned: count(),
      submitted: sql<number>`count(*) filter (where ${reviewAssignments.status} = 'submitted')::int`,
      recused: sql<number>`count(*) filter (where ${reviewAssignments.status} = 'recused')::int`,
      pending: sql<number>`count(*) filter (where ${reviewAssignments.status} = 'assigned')::int`,
      lastRemindedAt: sql<Date | string | null>`max(${reviewAssignments.remindedAt})`,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(eq(reviewAssignments.campaignId, campaign.id))
    .groupBy(reviewAssignments.reviewerId, users.displayName, users.email)
    .orderBy(desc(sql`count(*) filter (where ${reviewAssignments.status} = 'assigned')`), asc(users.displayName));

  const reviewers: ReviewerProgress[] = reviewerRows.map((r) => {
    const last = r.lastRemindedAt ? new Date(r.lastRemindedAt) : null;
    const next = last ? new Date(last.getTime() + REMINDER_INTERVAL_MS) : null;
    return {
      reviewerId: r.reviewerId,
      displayName: r.displayName,
      email: r.email,
      assigned: Number(r.assigned),
      submitted: Number(r.submitted),
      recused: Number(r.recused),
      pending: Number(r.pending),
      lastRemindedAt: last,
      nextReminderAt: next && next > now ? next : null,
    };
  });

  const lacking = await lackingItems(db, campaign, options.page ?? 1);
  const refusal = stageRefusal(campaign.stage, STAGES_FOR.reminders);
  return { reviewers, lacking, remindersRefusal: refusal };
}

/**
 * Items passed to review (in_review) whose submitted reviews are fewer than
 * `reviewersPerItem`, fewest first — both item types in one query.
 */
async function lackingItems(db: Database, campaign: Pick<Campaign, "id" | "reviewersPerItem">, requestedPage: number) {
  const k = campaign.reviewersPerItem;
  const counts = (column: "demand_id" | "application_id", itemId: string) => sql.raw(`
    (select count(*) filter (where ra.status = 'submitted')::int from review_assignments ra where ra.${column} = ${itemId}) as submitted,
    (select count(*) filter (where ra.status = 'assigned')::int from review_assignments ra where ra.${column} = ${itemId}) as pending`);
  const union = sql`
    select 'demand' as item_type, d.id, d.title, ${counts("demand_id", "d.id")}
      from ${demands} d where d.campaign_id = ${campaign.id} and d.status = 'in_review'
    union all
    select 'application' as item_type, a.id, a.title, ${counts("application_id", "a.id")}
      from ${applications} a where a.campaign_id = ${campaign.id} and a.status = 'in_review'`;
  const [{ total }] = rowsOf<{ total: number }>(
    await db.execute(sql`select count(*)::int as total from (${union}) x where x.submitted < ${k}`),
  );
  const pageCount = Math.max(1, Math.ceil(Number(total) / LACKING_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const rows = rowsOf<{ item_type: ItemType; id: number; title: string; submitted: number; pending: number }>(
    await db.execute(sql`
      select * from (${union}) x where x.submitted < ${k}
      order by x.submitted asc, x.pending asc, x.item_type asc, x.id asc
      limit ${LACKING_PAGE_SIZE} offset ${(page - 1) * LACKING_PAGE_SIZE}`),
  );
  const items: LackingItem[] = rows.map((r) => ({
    itemType: r.item_type,
    id: Number(r.id),
    title: r.title,
    submitted: Number(r.submitted),
    pending: Number(r.pending),
  }));
  return { items, total: Number(total), page, pageCount };
}

export type ReminderResult =
  | { ok: true; sent: { reviewerId: number; pending: number }[]; skipped: { reviewerId: number; nextAt: Date }[] }
  | { ok: false; refusal: Refusal };

/**
 * Remind one reviewer (`reviewerId`) or every reviewer with pending work in
 * the campaign. A reviewer reminded less than 24 hours ago is skipped (and
 * said so); the others get a `reviewReminder` notice and their pending
 * assignments' `remindedAt` is set, all in one transaction.
 */
export async function sendReviewReminders(
  db: Database,
  actor: Actor,
  campaign: Pick<Campaign, "id" | "stage" | "titleZh" | "titleEn">,
  options: { reviewerId?: number; now?: Date } = {},
): Promise<ReminderResult> {
  assertCan(actor, "manage:campaign:any");
  const refusal = stageRefusal(campaign.stage, STAGES_FOR.reminders);
  if (refusal) return { ok: false, refusal };
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - REMINDER_INTERVAL_MS);
  return db.transaction(async (tx) => {
    const pending = await tx
      .select({
        reviewerId: reviewAssignments.reviewerId,
        pending: count(),
        lastRemindedAt: sql<Date | string | null>`max(${reviewAssignments.remindedAt})`,
      })
      .from(reviewAssignments)
      .where(
        and(
          eq(reviewAssignments.campaignId, campaign.id),
          eq(reviewAssignments.status, "assigned"),
          options.reviewerId ? eq(reviewAssignments.reviewerId, options.reviewerId) : undefined,
        ),
      )
      .groupBy(reviewAssignments.reviewerId);
    // The last reminder counts over all the reviewer's assignments in the campaign (submitted ones too).
    const reminded = pending.length
      ? await tx
          .select({ reviewerId: reviewAssignments.reviewerId, last: sql<Date | string | null>`max(${reviewAssignments.remindedAt})` })
          .from(reviewAssignments)
          .where(and(eq(reviewAssignments.campaignId, campaign.id), inArray(reviewAssignments.reviewerId, pending.map((p) => p.reviewerId))))
          .groupBy(reviewAssignments.reviewerId)
      : [];
    const lastOf = new Map(reminded.map((r) => [r.reviewerId, r.last ? new Date(r.last) : null]));
    const sent: { reviewerId: number; pending: number }[] = [];
    const skipped: { reviewerId: number; nextAt: Date }[] = [];
    for (const p of pending) {
      const last = lastOf.get(p.reviewerId) ?? null;
      if (last && last > since) {
        skipped.push({ reviewerId: p.reviewerId, nextAt: new Date(last.getTime() + REMINDER_INTERVAL_MS) });
        continue;
      }
      const updated = await tx
        .update(reviewAssignments)
        .set({ remindedAt: now })
        .where(
          and(
            eq(reviewAssignments.campaignId, campaign.id),
            eq(reviewAssignments.reviewerId, p.reviewerId),
            eq(reviewAssignments.status, "assigned"),
            or(isNull(reviewAssignments.remindedAt), lt(reviewAssignments.remindedAt, since)),
          ),
        )
        .returning({ id: reviewAssignments.id });
      if (updated.length === 0) continue;
      await notify(tx, {
        userIds: [p.reviewerId],
        kind: "reviewReminder",
        params: { pending: Number(p.pending), campaignZh: campaign.titleZh, campaignEn: campaign.titleEn },
        link: "/review",
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "review.remind",
        entityType: "campaign",
        entityId: campaign.id,
        data: { reviewerId: p.reviewerId, pending: Number(p.pending) },
      });
      sent.push({ reviewerId: p.reviewerId, pending: Number(p.pending) });
    }
    return { ok: true as const, sent, skipped };
  });
}
