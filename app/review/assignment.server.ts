/**
 * Assigning reviewers to the items of a campaign: automatically (every
 * `in_review` item gets k reviewers, see assign.ts for the rule), by hand
 * (an official adds or removes one reviewer), and after a recusal (the
 * reviewer declares a conflict, the item goes to the least-loaded eligible
 * reviewer). Each runs in one transaction with the campaign row locked, an
 * audit row per assignment (`review.assign`, `review.unassign`,
 * `review.recuse`; entity `review_assignment`) and a `reviewAssigned`
 * notification to each reviewer given new work.
 */
import { and, asc, count, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import type { ItemType } from "../../db/enums";
import { auditLog, organizations, reviewAssignments, reviewerConflicts, users } from "../../db/schema";
import { writeAudit, type Executor } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";
import { notify } from "~/notifications/notify.server";
import { likePattern } from "~/utils/like-pattern.server";

import { exclusionReason, planAssignments, type AssignItem, type ExclusionReason } from "./assign";
import {
  itemKey,
  itemTableOf,
  lockCampaign,
  parseItemKey,
  reviewerAccounts,
  stageRefusal,
  type Campaign,
  type Database,
  type ReviewerAccount,
  type StageRefusal,
} from "./common.server";

export const addReviewerSchema = z.object({
  intent: z.literal("add"),
  itemType: z.enum(["application", "demand"], { error: "review:errors.itemRequired" }),
  itemId: z.coerce.number({ error: "review:errors.itemRequired" }).int().positive(),
  reviewerId: z.coerce.number({ error: "review:errors.reviewerRequired" }).int().positive({ error: "review:errors.reviewerRequired" }),
});

export const removeAssignmentSchema = z.object({
  intent: z.literal("remove"),
  assignmentId: z.coerce.number({ error: "review:errors.assignmentNotFound" }).int().positive(),
});

export const recuseSchema = z.object({
  intent: z.literal("recuse"),
  reason: z
    .string({ error: "review:errors.recusalReasonRequired" })
    .trim()
    .min(4, { error: "review:errors.recusalReasonRequired" })
    .max(1000, { error: "review:errors.reasonTooLong" }),
});

// ─── The state the algorithm works on ────────────────────────────────────────

type AssignmentRow = {
  id: number;
  itemType: ItemType;
  itemId: number;
  reviewerId: number;
  status: "assigned" | "submitted" | "recused";
};

async function assignmentsOf(tx: Executor, campaignId: number): Promise<AssignmentRow[]> {
  const rows = await tx
    .select({
      id: reviewAssignments.id,
      itemType: reviewAssignments.itemType,
      demandId: reviewAssignments.demandId,
      applicationId: reviewAssignments.applicationId,
      reviewerId: reviewAssignments.reviewerId,
      status: reviewAssignments.status,
    })
    .from(reviewAssignments)
    .where(eq(reviewAssignments.campaignId, campaignId));
  return rows.map((r) => ({
    id: r.id,
    itemType: r.itemType,
    itemId: (r.itemType === "demand" ? r.demandId : r.applicationId)!,
    reviewerId: r.reviewerId,
    status: r.status,
  }));
}

type ItemFacts = { itemType: ItemType; id: number; organizationId: number | null; authorId: number | null };

async function inReviewItems(tx: Executor, campaignId: number, only?: { itemType: ItemType; id: number }): Promise<ItemFacts[]> {
  const out: ItemFacts[] = [];
  for (const itemType of ["application", "demand"] as const) {
    if (only && only.itemType !== itemType) continue;
    const table = itemTableOf(itemType);
    const where = [eq(table.campaignId, campaignId), eq(table.status, "in_review")];
    if (only) where.push(eq(table.id, only.id));
    const rows = await tx
      .select({ id: table.id, organizationId: table.organizationId, authorId: table.authorId })
      .from(table)
      .where(and(...where))
      .orderBy(table.id);
    out.push(...rows.map((r) => ({ itemType, ...r })));
  }
  return out;
}

function toAssignItem(item: ItemFacts, existing: readonly AssignmentRow[]): AssignItem {
  const on = existing.filter((a) => a.itemType === item.itemType && a.itemId === item.id);
  return {
    key: itemKey(item.itemType, item.id),
    organizationId: item.organizationId,
    authorId: item.authorId,
    activeReviewerIds: on.filter((a) => a.status !== "recused").map((a) => a.reviewerId),
    recusedReviewerIds: on.filter((a) => a.status === "recused").map((a) => a.reviewerId),
  };
}

function loadsOf(reviewers: readonly ReviewerAccount[], existing: readonly AssignmentRow[]) {
  const loads = new Map<number, number>(reviewers.map((r) => [r.id, 0]));
  for (const a of existing) {
    if (a.status !== "recused" && loads.has(a.reviewerId)) loads.set(a.reviewerId, loads.get(a.reviewerId)! + 1);
  }
  return loads;
}

export type Shortfall = { itemType: ItemType; itemId: number; needed: number; assigned: number };
export type Created = { id: number; itemType: ItemType; itemId: number; reviewerId: number };

async function insertAssignments(
  tx: Executor,
  campaign: Campaign,
  planned: { itemType: ItemType; itemId: number; reviewerId: number }[],
  opts: { actorId: number | null; data?: Record<string, unknown> },
): Promise<Created[]> {
  if (planned.length === 0) return [];
  const rows: { id: number; demandId: number | null; applicationId: number | null; reviewerId: number; itemType: ItemType }[] = [];
  for (let i = 0; i < planned.length; i += 1000) {
    rows.push(
      ...(await tx
        .insert(reviewAssignments)
        .values(
          planned.slice(i, i + 1000).map((p) => ({
            campaignId: campaign.id,
            itemType: p.itemType,
            demandId: p.itemType === "demand" ? p.itemId : null,
            applicationId: p.itemType === "application" ? p.itemId : null,
            reviewerId: p.reviewerId,
            assignedById: opts.actorId,
          })),
        )
        .returning({
          id: reviewAssignments.id,
          demandId: reviewAssignments.demandId,
          applicationId: reviewAssignments.applicationId,
          reviewerId: reviewAssignments.reviewerId,
          itemType: reviewAssignments.itemType,
        })),
    );
  }
  const created = rows.map((r) => ({ id: r.id, itemType: r.itemType, itemId: (r.demandId ?? r.applicationId)!, reviewerId: r.reviewerId }));
  // One audit row per assignment, inserted in batches (a campaign has hundreds).
  for (let i = 0; i < created.length; i += 500) {
    await tx.insert(auditLog).values(
      created.slice(i, i + 500).map((c) => ({
        actorId: opts.actorId,
        action: "review.assign",
        entityType: "review_assignment",
        entityId: c.id,
        toStatus: "assigned",
        data: { campaignId: campaign.id, itemType: c.itemType, itemId: c.itemId, reviewerId: c.reviewerId, ...opts.data },
      })),
    );
  }
  // One notice per reviewer, however many items they were given.
  const perReviewer = new Map<number, number>();
  for (const c of created) perReviewer.set(c.reviewerId, (perReviewer.get(c.reviewerId) ?? 0) + 1);
  for (const [reviewerId, n] of perReviewer) {
    await notify(tx, {
      userIds: [reviewerId],
      kind: "reviewAssigned",
      params: { n, campaignZh: campaign.titleZh, campaignEn: campaign.titleEn },
      link: "/review",
    });
  }
  return created;
}

/**
 * Give every `in_review` item of the campaign its missing reviewers. The
 * caller holds the campaign lock and has checked the stage. Used by
 * `autoAssign` and by the demo seed.
 */
export async function assignCampaign(
  tx: Executor,
  campaign: Campaign,
  opts: { actorId: number | null },
): Promise<{ created: Created[]; shortfalls: Shortfall[] }> {
  const [reviewers, existing, items] = [
    await reviewerAccounts(tx),
    await assignmentsOf(tx, campaign.id),
    await inReviewItems(tx, campaign.id),
  ];
  const loads = loadsOf(reviewers, existing);
  const plan = planAssignments({
    k: campaign.reviewersPerItem,
    seed: campaign.id,
    reviewers: reviewers.map((r) => ({ ...r, load: loads.get(r.id) ?? 0 })),
    items: items.map((i) => toAssignItem(i, existing)),
  });
  const created = await insertAssignments(
    tx,
    campaign,
    plan.assignments.map((a) => {
      const { itemType, id } = parseItemKey(a.itemKey);
      return { itemType, itemId: id, reviewerId: a.reviewerId };
    }),
    { actorId: opts.actorId, data: { auto: true } },
  );
  const shortfalls = plan.shortfalls.map((s) => {
    const { itemType, id } = parseItemKey(s.itemKey);
    return { itemType, itemId: id, needed: s.needed, assigned: s.assigned };
  });
  if (created.length > 0 || shortfalls.length > 0) {
    await writeAudit(tx, {
      actorId: opts.actorId,
      action: "review.assign_campaign",
      entityType: "campaign",
      entityId: campaign.id,
      data: { created: created.length, shortfalls: shortfalls.length },
    });
  }
  return { created, shortfalls };
}

// ─── Automatic assignment (officials) ────────────────────────────────────────

export type AutoAssignResult = { ok: true; created: number; shortfalls: Shortfall[] } | StageRefusal | { ok: false; reason: "not_found" };

export async function autoAssign(db: Database, actor: Actor, campaignId: number): Promise<AutoAssignResult> {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign) return { ok: false, reason: "not_found" } as const;
    const refused = stageRefusal(campaign, ["reviewing"]);
    if (refused) return refused;
    const { created, shortfalls } = await assignCampaign(tx, campaign, { actorId: actor.id });
    return { ok: true, created: created.length, shortfalls } as const;
  });
}

// ─── By hand (officials) ─────────────────────────────────────────────────────

export type ManualFailure =
  | StageRefusal
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_reviewer" }
  | { ok: false; reason: "item_closed" }
  | { ok: false; reason: "excluded"; exclusion: ExclusionReason }
  | { ok: false; reason: "already_submitted" }
  | { ok: false; reason: "recused" };

async function itemFacts(tx: Executor, campaignId: number, itemType: ItemType, itemId: number) {
  const table = itemTableOf(itemType);
  const [row] = await tx
    .select({ id: table.id, organizationId: table.organizationId, authorId: table.authorId, status: table.status })
    .from(table)
    .where(and(eq(table.id, itemId), eq(table.campaignId, campaignId)))
    .for("update");
  return row ?? null;
}

/** Add one reviewer to one item; the conflict rule of the automatic assignment applies. */
export async function addReviewer(
  db: Database,
  actor: Actor,
  input: { campaignId: number; itemType: ItemType; itemId: number; reviewerId: number },
): Promise<{ ok: true; assignmentId: number } | ManualFailure> {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    if (!campaign) return { ok: false, reason: "not_found" } as const;
    const refused = stageRefusal(campaign, ["reviewing"]);
    if (refused) return refused;
    const item = await itemFacts(tx, campaign.id, input.itemType, input.itemId);
    if (!item) return { ok: false, reason: "not_found" } as const;
    if (item.status !== "in_review" && item.status !== "scored") return { ok: false, reason: "item_closed" } as const;
    const reviewer = (await reviewerAccounts(tx)).find((r) => r.id === input.reviewerId);
    if (!reviewer) return { ok: false, reason: "not_reviewer" } as const;
    const existing = await assignmentsOf(tx, campaign.id);
    const exclusion = exclusionReason(reviewer, toAssignItem({ itemType: input.itemType, ...item }, existing));
    if (exclusion) return { ok: false, reason: "excluded", exclusion } as const;
    const [created] = await insertAssignments(tx, campaign, [{ itemType: input.itemType, itemId: item.id, reviewerId: reviewer.id }], {
      actorId: actor.id,
      data: { manual: true },
    });
    return { ok: true, assignmentId: created.id } as const;
  });
}

/** Take a reviewer off an item (not once they have submitted: their review counts). */
export async function removeAssignment(
  db: Database,
  actor: Actor,
  input: { campaignId: number; assignmentId: number },
): Promise<{ ok: true } | ManualFailure> {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    if (!campaign) return { ok: false, reason: "not_found" } as const;
    const refused = stageRefusal(campaign, ["reviewing"]);
    if (refused) return refused;
    const [row] = await tx
      .select()
      .from(reviewAssignments)
      .where(and(eq(reviewAssignments.id, input.assignmentId), eq(reviewAssignments.campaignId, campaign.id)));
    if (!row) return { ok: false, reason: "not_found" } as const;
    if (row.status === "submitted") return { ok: false, reason: "already_submitted" } as const;
    if (row.status === "recused") return { ok: false, reason: "recused" } as const;
    await tx.delete(reviewAssignments).where(eq(reviewAssignments.id, row.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "review.unassign",
      entityType: "review_assignment",
      entityId: row.id,
      fromStatus: row.status,
      data: { campaignId: campaign.id, itemType: row.itemType, itemId: row.demandId ?? row.applicationId, reviewerId: row.reviewerId },
    });
    return { ok: true } as const;
  });
}

// ─── Recusal (the reviewer) ──────────────────────────────────────────────────

export type RecuseResult =
  | { ok: true; replacementReviewerId: number | null }
  | StageRefusal
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "already_submitted" }
  | { ok: false; reason: "recused" };

/**
 * The reviewer declares a conflict of interest on an item assigned to them:
 * the assignment becomes `recused` (kept, with the reason), a declared
 * conflict with the item's organisation is recorded (so no item of that
 * organisation comes to them again), and the item goes to the least-loaded
 * eligible reviewer, if there is one.
 */
export async function recuse(
  db: Database,
  actor: Actor,
  input: { assignmentId: number; reason: string },
): Promise<RecuseResult> {
  assertCan(actor, "review:item:assigned");
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(reviewAssignments).where(eq(reviewAssignments.id, input.assignmentId));
    // Someone else's assignment is "not found", never a hint that it exists.
    if (!row || row.reviewerId !== actor.id) return { ok: false, reason: "not_found" } as const;
    const campaign = await lockCampaign(tx, row.campaignId);
    if (!campaign) return { ok: false, reason: "not_found" } as const;
    const refused = stageRefusal(campaign, ["reviewing"]);
    if (refused) return refused;
    if (row.status === "submitted") return { ok: false, reason: "already_submitted" } as const;
    if (row.status === "recused") return { ok: false, reason: "recused" } as const;
    if (!reason) throw new Error("recuse: a reason is required");
    const itemType = row.itemType;
    const itemId = (row.demandId ?? row.applicationId)!;
    const item = await itemFacts(tx, campaign.id, itemType, itemId);
    if (!item) return { ok: false, reason: "not_found" } as const;

    await tx
      .update(reviewAssignments)
      .set({ status: "recused", recusalReason: reason })
      .where(eq(reviewAssignments.id, row.id));
    if (item.organizationId !== null) {
      await tx
        .insert(reviewerConflicts)
        .values({ reviewerId: actor.id, organizationId: item.organizationId, reason })
        .onConflictDoNothing();
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "review.recuse",
      entityType: "review_assignment",
      entityId: row.id,
      fromStatus: row.status,
      toStatus: "recused",
      reason,
      data: { campaignId: campaign.id, itemType, itemId, organizationId: item.organizationId },
    });

    // Reassign: the same algorithm, on this one item, with everyone's loads.
    if (item.status !== "in_review") return { ok: true, replacementReviewerId: null } as const;
    const reviewers = await reviewerAccounts(tx);
    const existing = await assignmentsOf(tx, campaign.id);
    const loads = loadsOf(reviewers, existing);
    const plan = planAssignments({
      k: campaign.reviewersPerItem,
      seed: campaign.id,
      reviewers: reviewers.map((r) => ({ ...r, load: loads.get(r.id) ?? 0 })),
      items: [toAssignItem({ itemType, ...item }, existing)],
    });
    const created = await insertAssignments(
      tx,
      campaign,
      plan.assignments.map((a) => ({ itemType, itemId, reviewerId: a.reviewerId })),
      { actorId: null, data: { replaces: row.id } },
    );
    return { ok: true, replacementReviewerId: created[0]?.reviewerId ?? null } as const;
  });
}

// ─── The official's assignment page ──────────────────────────────────────────

export const ASSIGN_PAGE_SIZE = 30;

export type AssignmentBoard = {
  reviewers: { id: number; displayName: string; active: number; submitted: number; recused: number }[];
  totals: { items: number; missing: number; assignments: number };
  items: {
    itemType: ItemType;
    id: number;
    title: string;
    status: string;
    organization: { nameZh: string; nameEn: string } | null;
    assignments: { id: number; reviewerId: number; reviewerName: string; status: string; recusalReason: string | null }[];
  }[];
  page: number;
  pageCount: number;
};

/** Reviewers with their loads, and one page of the campaign's items with their reviewers. */
export async function assignmentBoard(
  db: Database,
  actor: Actor,
  campaign: Campaign,
  options: { itemType: ItemType; page?: number; q?: string; missingOnly?: boolean },
): Promise<AssignmentBoard> {
  assertCan(actor, "manage:campaign:any");
  const campaignId = campaign.id;
  const reviewers = await reviewerAccounts(db);
  const existing = await assignmentsOf(db, campaignId);
  const stats = new Map(reviewers.map((r) => [r.id, { id: r.id, displayName: r.displayName, active: 0, submitted: 0, recused: 0 }]));
  for (const a of existing) {
    const s = stats.get(a.reviewerId);
    if (!s) continue;
    if (a.status === "recused") s.recused++;
    else s.active++;
    if (a.status === "submitted") s.submitted++;
  }

  const table = itemTableOf(options.itemType);
  const statuses = ["in_review", "scored", "shortlisted"] as const;
  const activeOn = new Map<number, number>();
  for (const a of existing) {
    if (a.itemType === options.itemType && a.status !== "recused") activeOn.set(a.itemId, (activeOn.get(a.itemId) ?? 0) + 1);
  }
  const conditions: SQL[] = [eq(table.campaignId, campaignId), inArray(table.status, [...statuses])];
  const q = options.q?.trim();
  if (q) conditions.push(ilike(table.title, likePattern(q)));
  const missingIds = (
    await db.select({ id: table.id }).from(table).where(and(eq(table.campaignId, campaignId), eq(table.status, "in_review")))
  )
    .map((r) => r.id)
    .filter((id) => (activeOn.get(id) ?? 0) < campaign.reviewersPerItem);
  if (options.missingOnly) conditions.push(missingIds.length ? inArray(table.id, missingIds) : sql`false`);
  const where = and(...conditions);

  const [{ total }] = await db.select({ total: count() }).from(table).where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / ASSIGN_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await db
    .select({ id: table.id, title: table.title, status: table.status, orgZh: organizations.nameZh, orgEn: organizations.nameEn })
    .from(table)
    .leftJoin(organizations, eq(organizations.id, table.organizationId))
    .where(where)
    .orderBy(asc(table.id))
    .limit(ASSIGN_PAGE_SIZE)
    .offset((page - 1) * ASSIGN_PAGE_SIZE);
  const ids = rows.map((r) => r.id);
  const itemColumn = options.itemType === "demand" ? reviewAssignments.demandId : reviewAssignments.applicationId;
  const onPage = ids.length
    ? await db
        .select({
          id: reviewAssignments.id,
          itemId: itemColumn,
          reviewerId: reviewAssignments.reviewerId,
          reviewerName: users.displayName,
          status: reviewAssignments.status,
          recusalReason: reviewAssignments.recusalReason,
        })
        .from(reviewAssignments)
        .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
        .where(inArray(itemColumn, ids))
        .orderBy(asc(reviewAssignments.id))
    : [];
  const totalAssignments = existing.filter((a) => a.status !== "recused").length;
  return {
    reviewers: [...stats.values()],
    totals: { items: Number(total), missing: missingIds.length, assignments: totalAssignments },
    items: rows.map((r) => ({
      itemType: options.itemType,
      id: r.id,
      title: r.title,
      status: r.status,
      organization: r.orgZh ? { nameZh: r.orgZh, nameEn: r.orgEn! } : null,
      assignments: onPage
        .filter((a) => a.itemId === r.id)
        .map((a) => ({ id: a.id, reviewerId: a.reviewerId, reviewerName: a.reviewerName, status: a.status, recusalReason: a.recusalReason })),
    })),
    page,
    pageCount,
  };
}

export type { ReviewerAccount };
