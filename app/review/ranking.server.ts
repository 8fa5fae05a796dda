/**
 * The ranking of a campaign's items (raw and normalised scores, outliers),
 * the shortlist under quota (ties, vendor cap, overrides with reasons),
 * applying it (lifecycle moves `shortlist` / `cut`) and publishing the lists
 * (`select`, `cut`, published_list_entries, notices to every submitter,
 * campaign stage → published) — each change in one transaction with its audit.
 * The arithmetic lives in ranking.ts.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { ITEM_TYPES, type CampaignStage, type ItemStatus, type ItemType } from "../../db/enums";
import {
  applications,
  campaigns,
  demands,
  memberships,
  organizations,
  publishedListEntries,
  reviewAssignments,
  reviews,
  shortlistOverrides,
  users,
} from "../../db/schema";
import { writeAudit, type Executor } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";
import { notify } from "~/notifications/notify.server";
import { transitionItems } from "~/workflow/transition.server";

import { itemTableOf, lockCampaign, stageRefusal, type Campaign, type Database, type StageRefusal } from "./common.server";
import { cutShortlist, rankItems, type CutStatus, type RankedItem, type ReviewScore } from "./ranking";

/** Statuses still in the running for the shortlist. */
const CANDIDATE_STATUSES: ItemStatus[] = ["in_review", "scored", "shortlisted"];
/** Fully reviewed. */
const COMPLETE_STATUSES: ItemStatus[] = ["scored", "shortlisted"];

export const overrideSchema = z.object({
  intent: z.literal("override"),
  itemType: z.enum(ITEM_TYPES, { error: "shortlist:errors.itemRequired" }),
  itemId: z.coerce.number({ error: "shortlist:errors.itemRequired" }).int().positive(),
  decision: z.enum(["include", "exclude"], { error: "shortlist:errors.decisionRequired" }),
  reason: z
    .string({ error: "shortlist:errors.reasonRequired" })
    .trim()
    .min(4, { error: "shortlist:errors.reasonRequired" })
    .max(1000, { error: "shortlist:errors.reasonTooLong" }),
});

export const clearOverrideSchema = z.object({
  intent: z.literal("clearOverride"),
  itemType: z.enum(ITEM_TYPES, { error: "shortlist:errors.itemRequired" }),
  itemId: z.coerce.number({ error: "shortlist:errors.itemRequired" }).int().positive(),
});

export const publishConfirmSchema = z.object({
  confirm: z.literal("yes", { error: "shortlist:errors.confirmRequired" }),
});

// ─── Scores ──────────────────────────────────────────────────────────────────

/** Every submitted review of a campaign's items of one type, as scores. */
export async function reviewScores(db: Executor, campaignId: number, itemType: ItemType): Promise<(ReviewScore & { reviewerName: string })[]> {
  const rows = await db
    .select({
      id: reviewAssignments.id,
      demandId: reviewAssignments.demandId,
      applicationId: reviewAssignments.applicationId,
      reviewerId: reviewAssignments.reviewerId,
      reviewerName: users.displayName,
      weightedScore: reviews.weightedScore,
    })
    .from(reviewAssignments)
    .innerJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(
      and(
        eq(reviewAssignments.campaignId, campaignId),
        eq(reviewAssignments.itemType, itemType),
        eq(reviewAssignments.status, "submitted"),
      ),
    )
    .orderBy(asc(reviewAssignments.id));
  return rows.map((r) => ({
    id: r.id,
    itemId: (r.demandId ?? r.applicationId)!,
    reviewerId: r.reviewerId,
    reviewerName: r.reviewerName,
    weightedScore: r.weightedScore,
  }));
}

type CandidateRow = { id: number; title: string; status: ItemStatus; vendorId: number | null; vendorZh: string | null; vendorEn: string | null };

async function candidates(db: Executor, campaignId: number, itemType: ItemType, statuses: ItemStatus[]): Promise<CandidateRow[]> {
  const table = itemTableOf(itemType);
  const rows = await db
    .select({
      id: table.id,
      title: table.title,
      status: table.status,
      vendorId: table.organizationId,
      vendorZh: organizations.nameZh,
      vendorEn: organizations.nameEn,
    })
    .from(table)
    .leftJoin(organizations, eq(organizations.id, table.organizationId))
    .where(and(eq(table.campaignId, campaignId), inArray(table.status, statuses)))
    .orderBy(asc(table.id));
  // Demands are raised by organisations too, but the vendor cap is for firms' applications.
  return rows.map((r) => (itemType === "demand" ? { ...r, vendorId: null } : r));
}

async function overridesOf(db: Executor, campaignId: number, itemType: ItemType) {
  return db
    .select({
      itemId: shortlistOverrides.itemId,
      decision: shortlistOverrides.decision,
      reason: shortlistOverrides.reason,
      decidedBy: users.displayName,
      updatedAt: shortlistOverrides.updatedAt,
    })
    .from(shortlistOverrides)
    .leftJoin(users, eq(users.id, shortlistOverrides.decidedById))
    .where(and(eq(shortlistOverrides.campaignId, campaignId), eq(shortlistOverrides.itemType, itemType)));
}

async function computeCut(db: Executor, campaign: Campaign, itemType: ItemType) {
  const [scores, rows, overrides] = [
    await reviewScores(db, campaign.id, itemType),
    await candidates(db, campaign.id, itemType, CANDIDATE_STATUSES),
    await overridesOf(db, campaign.id, itemType),
  ];
  const ranked = new Map(rankItems(scores).map((r) => [r.itemId, r]));
  const cut = cutShortlist(
    rows.map((r) => ({
      itemId: r.id,
      vendorId: r.vendorId,
      normalisedScore: ranked.get(r.id)?.normalisedScore ?? 0,
      rawScore: ranked.get(r.id)?.rawScore ?? 0,
      complete: COMPLETE_STATUSES.includes(r.status) && ranked.has(r.id),
    })),
    {
      quota: itemType === "application" ? campaign.applicationQuota : campaign.demandQuota,
      vendorCap: itemType === "application" ? campaign.vendorCap : null,
      overrides: new Map(overrides.map((o) => [o.itemId, o.decision])),
    },
  );
  return { scores, rows, overrides, ranked, cut };
}

// ─── The official's ranking / shortlist view ─────────────────────────────────

export type BoardRow = {
  itemId: number;
  title: string;
  status: ItemStatus;
  vendor: { nameZh: string; nameEn: string } | null;
  position: number;
  rawScore: number | null;
  normalisedScore: number | null;
  reviewCount: number;
  cutStatus: CutStatus;
  insideCut: boolean;
  tieAtCut: boolean;
  override: { decision: "include" | "exclude"; reason: string; decidedBy: string | null } | null;
  reviews: { reviewerName: string; weightedScore: number; z: number; delta: number | null; outlier: boolean }[];
  hasOutlier: boolean;
};

export type BoardSection = {
  itemType: ItemType;
  quota: number;
  vendorCap: number | null;
  insideCount: number;
  cutScore: number | null;
  tie: boolean;
  rows: BoardRow[];
};

export async function shortlistBoard(db: Database, actor: Actor, campaign: Campaign): Promise<BoardSection[]> {
  assertCan(actor, "manage:campaign:any");
  const out: BoardSection[] = [];
  for (const itemType of ["application", "demand"] as const) {
    const { rows, overrides, ranked, cut } = await computeCut(db, campaign, itemType);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const overrideOf = new Map(overrides.map((o) => [o.itemId, o]));
    out.push({
      itemType,
      quota: itemType === "application" ? campaign.applicationQuota : campaign.demandQuota,
      vendorCap: itemType === "application" ? campaign.vendorCap : null,
      insideCount: cut.insideCount,
      cutScore: cut.cutScore,
      tie: cut.tie,
      rows: cut.rows.map((c) => {
        const r = byId.get(c.itemId)!;
        const rank = ranked.get(c.itemId);
        const o = overrideOf.get(c.itemId);
        return {
          itemId: c.itemId,
          title: r.title,
          status: r.status,
          vendor: itemType === "application" && r.vendorZh ? { nameZh: r.vendorZh, nameEn: r.vendorEn! } : null,
          position: c.position,
          rawScore: rank?.rawScore ?? null,
          normalisedScore: rank?.normalisedScore ?? null,
          reviewCount: rank?.reviewCount ?? 0,
          cutStatus: c.status,
          insideCut: c.insideCut,
          tieAtCut: c.tieAtCut,
          override: o ? { decision: o.decision, reason: o.reason, decidedBy: o.decidedBy } : null,
          reviews: (rank?.reviews ?? []).map((rv) => ({
            reviewerName: rv.reviewerName,
            weightedScore: rv.weightedScore,
            z: rv.z,
            delta: rv.delta,
            outlier: rv.outlier,
          })),
          hasOutlier: rank?.hasOutlier ?? false,
        };
      }),
    });
  }
  return out;
}

// ─── Overrides ───────────────────────────────────────────────────────────────

export type OverrideFailure =
  | StageRefusal
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "incomplete" }
  | { ok: false; reason: "already_inside" }
  | { ok: false; reason: "already_outside" };

/**
 * Move an item across the cut (include one outside, exclude one inside), with
 * the reason recorded (`shortlist_overrides`, audit `shortlist.override`).
 */
export async function setOverride(
  db: Database,
  actor: Actor,
  input: { campaignId: number; itemType: ItemType; itemId: number; decision: "include" | "exclude"; reason: string },
): Promise<{ ok: true } | OverrideFailure> {
  assertCan(actor, "manage:campaign:any");
  const reason = input.reason.trim();
  if (!reason) throw new Error("setOverride: a reason is required");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    if (!campaign) return { ok: false, reason: "not_found" } as const;
    const refused = stageRefusal(campaign, ["shortlisting"]);
    if (refused) return refused;
    const { cut } = await computeCut(tx, campaign, input.itemType);
    const row = cut.rows.find((r) => r.itemId === input.itemId);
    if (!row) return { ok: false, reason: "not_found" } as const;
    if (!row.complete) return { ok: false, reason: "incomplete" } as const;
    if (input.decision === "include" && row.insideCut) return { ok: false, reason: "already_inside" } as const;
    if (input.decision === "exclude" && !row.insideCut) return { ok: false, reason: "already_outside" } as const;
    await tx
      .insert(shortlistOverrides)
      .values({ campaignId: campaign.id, itemType: input.itemType, itemId: input.itemId, decision: input.decision, reason, decidedById: actor.id })
      .onConflictDoUpdate({
        target: [shortlistOverrides.campaignId, shortlistOverrides.itemType, shortlistOverrides.itemId],
        set: { decision: input.decision, reason, decidedById: actor.id },
      });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "shortlist.override",
      entityType: input.itemType,
      entityId: input.itemId,
      reason,
      data: { campaignId: campaign.id, decision: input.decision, position: row.position, wasInside: row.insideCut },
    });
    return { ok: true } as const;
  });
}

/** Withdraw an override: the item goes back to where its score puts it. */
export async function clearOverride(
  db: Database,
  actor: Actor,
  input: { campaignId: number; itemType: ItemType; itemId: number },
): Promise<{ ok: true } | StageRefusal | { ok: false; reason: "not_found" }> {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    if (!campaign) return { ok: false, reason: "not_found" } as const;
    const refused = stageRefusal(campaign, ["shortlisting"]);
    if (refused) return refused;
    const deleted = await tx
      .delete(shortlistOverrides)
      .where(
        and(
          eq(shortlistOverrides.campaignId, campaign.id),
          eq(shortlistOverrides.itemType, input.itemType),
          eq(shortlistOverrides.itemId, input.itemId),
        ),
      )
      .returning({ decision: shortlistOverrides.decision, reason: shortlistOverrides.reason });
    if (deleted.length === 0) return { ok: false, reason: "not_found" } as const;
    await writeAudit(tx, {
      actorId: actor.id,
      action: "shortlist.override_clear",
      entityType: input.itemType,
      entityId: input.itemId,
      data: { campaignId: campaign.id, decision: deleted[0].decision, reason: deleted[0].reason },
    });
    return { ok: true } as const;
  });
}

// ─── Applying the shortlist ──────────────────────────────────────────────────

export type ApplyResult =
  | { ok: true; shortlisted: Record<ItemType, number>; cut: Record<ItemType, number> }
  | StageRefusal
  | { ok: false; reason: "not_found" };

/**
 * Items inside the cut → `shortlisted` (move `shortlist`), every other
 * candidate → `not_shortlisted` (move `cut`). May be run again after an
 * override; an item once cut stays cut.
 */
export async function applyShortlist(db: Database, actor: Actor, campaignId: number): Promise<ApplyResult> {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign) return { ok: false, reason: "not_found" } as const;
    const refused = stageRefusal(campaign, ["shortlisting"]);
    if (refused) return refused;
    const shortlisted = { application: 0, demand: 0 };
    const cutCount = { application: 0, demand: 0 };
    for (const itemType of ["application", "demand"] as const) {
      const { rows, cut } = await computeCut(tx, campaign, itemType);
      const statusOf = new Map(rows.map((r) => [r.id, r.status]));
      const toShortlist = cut.rows.filter((r) => r.insideCut && statusOf.get(r.itemId) === "scored").map((r) => r.itemId);
      const toCut = cut.rows.filter((r) => !r.insideCut).map((r) => r.itemId);
      await transitionItems(tx, { actorId: actor.id, itemType, ids: toShortlist, move: "shortlist" });
      await transitionItems(tx, { actorId: actor.id, itemType, ids: toCut, move: "cut" });
      shortlisted[itemType] = cut.insideCount;
      cutCount[itemType] = toCut.length;
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "shortlist.apply",
      entityType: "campaign",
      entityId: campaign.id,
      data: { shortlisted, cut: cutCount },
    });
    return { ok: true, shortlisted, cut: cutCount } as const;
  });
}

// ─── Publishing ──────────────────────────────────────────────────────────────

export type PublishSummary = {
  stage: CampaignStage;
  shortlisted: Record<ItemType, number>;
  /** Still in review or scored: they will be marked not shortlisted. */
  pending: Record<ItemType, number>;
};

export async function publishSummary(db: Database, actor: Actor, campaign: Campaign): Promise<PublishSummary> {
  assertCan(actor, "manage:campaign:any");
  const shortlisted = { application: 0, demand: 0 };
  const pending = { application: 0, demand: 0 };
  for (const itemType of ["application", "demand"] as const) {
    const rows = await candidates(db, campaign.id, itemType, CANDIDATE_STATUSES);
    shortlisted[itemType] = rows.filter((r) => r.status === "shortlisted").length;
    pending[itemType] = rows.filter((r) => r.status !== "shortlisted").length;
  }
  return { stage: campaign.stage, shortlisted, pending };
}

export type PublishResult =
  | { ok: true; selected: Record<ItemType, number>; notSelected: Record<ItemType, number> }
  | StageRefusal
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "already_published" }
  | { ok: false; reason: "nothing_shortlisted" };

/** Who hears about an item's outcome: its author and, for an application, the firm's members. */
async function submittersOf(tx: Executor, itemType: ItemType, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const add = (itemId: number, userId: number | null) => {
    if (userId === null) return;
    const list = out.get(itemId) ?? [];
    if (!list.includes(userId)) list.push(userId);
    out.set(itemId, list);
  };
  if (itemType === "demand") {
    const rows = await tx.select({ id: demands.id, authorId: demands.authorId }).from(demands).where(inArray(demands.id, ids));
    for (const r of rows) add(r.id, r.authorId);
  } else {
    const rows = await tx
      .select({ id: applications.id, authorId: applications.authorId, memberId: memberships.userId })
      .from(applications)
      .leftJoin(memberships, eq(memberships.organizationId, applications.organizationId))
      .where(inArray(applications.id, ids));
    for (const r of rows) {
      add(r.id, r.authorId);
      add(r.id, r.memberId);
    }
  }
  return out;
}

/**
 * Publish the lists, all or nothing: shortlisted → selected, every other
 * candidate → not_shortlisted, the ranked entries written, each submitter
 * told, the campaign → `published`, audited `campaign.publish`.
 */
export async function publishCampaign(db: Database, actor: Actor, campaignId: number): Promise<PublishResult> {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (!campaign) return { ok: false, reason: "not_found" } as const;
    if (campaign.stage === "published" || campaign.stage === "closed") return { ok: false, reason: "already_published" } as const;
    const refused = stageRefusal(campaign, ["shortlisting"]);
    if (refused) return refused;

    const selected = { application: 0, demand: 0 };
    const notSelected = { application: 0, demand: 0 };
    const plans: { itemType: ItemType; chosen: number[]; others: number[]; ranked: RankedItem<ReviewScore>[] }[] = [];
    for (const itemType of ["application", "demand"] as const) {
      const rows = await candidates(tx, campaign.id, itemType, CANDIDATE_STATUSES);
      const chosen = rows.filter((r) => r.status === "shortlisted").map((r) => r.id);
      const others = rows.filter((r) => r.status !== "shortlisted").map((r) => r.id);
      const ranked = rankItems(await reviewScores(tx, campaign.id, itemType));
      plans.push({ itemType, chosen, others, ranked });
    }
    if (plans.every((p) => p.chosen.length === 0)) return { ok: false, reason: "nothing_shortlisted" } as const;

    const publishedAt = new Date();
    for (const { itemType, chosen, others, ranked } of plans) {
      await transitionItems(tx, { actorId: actor.id, itemType, ids: chosen, move: "select" });
      await transitionItems(tx, { actorId: actor.id, itemType, ids: others, move: "cut" });
      const chosenSet = new Set(chosen);
      const scoreOf = new Map(ranked.map((r) => [r.itemId, r.normalisedScore]));
      // Ranked by normalised score (ranked is already in that order); an item without reviews last.
      const order = [
        ...ranked.filter((r) => chosenSet.has(r.itemId)).map((r) => r.itemId),
        ...chosen.filter((id) => !scoreOf.has(id)),
      ];
      if (order.length > 0) {
        await tx.insert(publishedListEntries).values(
          order.map((itemId, i) => ({ campaignId: campaign.id, itemType, itemId, rank: i + 1, score: scoreOf.get(itemId) ?? 0, publishedAt })),
        );
      }
      // Everyone not selected hears too: cut now, or already when the shortlist was applied.
      const table = itemTableOf(itemType);
      const notChosen = (
        await tx
          .select({ id: table.id })
          .from(table)
          .where(and(eq(table.campaignId, campaign.id), eq(table.status, "not_shortlisted")))
      ).map((r) => r.id);
      selected[itemType] = chosen.length;
      notSelected[itemType] = notChosen.length;

      const everyone = [...chosen, ...notChosen];
      const people = await submittersOf(tx, itemType, everyone);
      const titles = new Map(
        everyone.length
          ? (await tx.select({ id: table.id, title: table.title }).from(table).where(inArray(table.id, everyone))).map((r) => [r.id, r.title])
          : [],
      );
      const path = itemType === "demand" ? "demands" : "applications";
      for (const itemId of everyone) {
        const userIds = people.get(itemId) ?? [];
        if (userIds.length === 0) continue;
        await notify(tx, {
          userIds,
          kind: chosenSet.has(itemId) ? "itemSelected" : "itemNotSelected",
          params: {
            title: titles.get(itemId) ?? "",
            itemTypeZh: itemType === "demand" ? "需求" : "应用",
            itemTypeEn: itemType === "demand" ? "demand" : "application",
            campaignZh: campaign.titleZh,
            campaignEn: campaign.titleEn,
          },
          link: chosenSet.has(itemId) ? `/${path}/${itemId}` : `/review/feedback/${itemType}/${itemId}`,
        });
      }
    }

    await tx
      .update(campaigns)
      .set({ stage: "published", version: campaign.version + 1 })
      .where(eq(campaigns.id, campaign.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "campaign.publish",
      entityType: "campaign",
      entityId: campaign.id,
      fromStatus: campaign.stage,
      toStatus: "published",
      data: { selected, notSelected },
    });
    return { ok: true, selected, notSelected } as const;
  });
}
