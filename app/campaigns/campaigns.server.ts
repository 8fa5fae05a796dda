/**
 * Campaigns as officials run them: the list, the overview with counts per
 * status, creating and editing (with a version check and a rubric that locks
 * once a review exists) and stage changes. Every function checks
 * `manage:campaign:any` itself; every change writes its audit row in the
 * same transaction.
 */
import { and, desc, eq, sql } from "drizzle-orm";

import type { Database } from "../../db/client";
import { ITEM_STATUSES, type CampaignStage, type ItemStatus, type ItemType, type RubricCriterion } from "../../db/enums";
import { applications, campaigns, demands, reviewAssignments, reviews } from "../../db/schema";
import { writeAudit, type Executor } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";
import { isUniqueViolation } from "~/utils/db-errors.server";

import {
  normaliseRubric,
  sameRubric,
  shanghaiDate,
  shanghaiMidnight,
  type CampaignCreateInput,
  type CampaignUpdateInput,
} from "./schema.server";
import { checkStageMove, type StageMoveRefusal } from "./stages";

export type Campaign = typeof campaigns.$inferSelect;

/** Field errors by conform field name (e.g. `slug`, `rubric`), as translation keys. */
export type FieldErrors = Record<string, string[]>;

export type CampaignWriteResult =
  | { ok: true; id: number; slug: string }
  | { ok: false; fieldErrors?: FieldErrors; formErrors?: string[] };

export async function findCampaignBySlug(db: Pick<Database, "select">, slug: string): Promise<Campaign | null> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.slug, slug)).limit(1);
  return row ?? null;
}

/** The campaign behind an official page, or a 404. */
export async function requireCampaign(db: Database, actor: Actor, slug: string): Promise<Campaign> {
  assertCan(actor, "manage:campaign:any");
  const campaign = await findCampaignBySlug(db, slug);
  if (!campaign) throw new Response("Not Found", { status: 404 });
  return campaign;
}

export type CampaignListRow = {
  id: number;
  slug: string;
  titleZh: string;
  titleEn: string;
  stage: CampaignStage;
  opensAt: Date;
  closesAt: Date;
  demandsSubmitted: number;
  applicationsSubmitted: number;
};

const NOT_SUBMITTED = sql.raw(`('draft','withdrawn')`);

/** Every campaign, newest first, with how many items were submitted to it. */
export async function listCampaigns(db: Database, actor: Actor): Promise<CampaignListRow[]> {
  assertCan(actor, "manage:campaign:any");
  return db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      titleZh: campaigns.titleZh,
      titleEn: campaigns.titleEn,
      stage: campaigns.stage,
      opensAt: campaigns.opensAt,
      closesAt: campaigns.closesAt,
      // Correlated on the outer row, spelled out: drizzle renders a bare column unqualified here.
      demandsSubmitted: sql<number>`(select count(*)::int from ${demands} d where d.campaign_id = "campaigns"."id" and d.status not in ${NOT_SUBMITTED})`,
      applicationsSubmitted: sql<number>`(select count(*)::int from ${applications} a where a.campaign_id = "campaigns"."id" and a.status not in ${NOT_SUBMITTED})`,
    })
    .from(campaigns)
    .orderBy(desc(campaigns.opensAt), desc(campaigns.id));
}

export type StatusCounts = Record<ItemStatus, number>;

async function countsByStatus(db: Pick<Database, "select">, itemType: ItemType, campaignId: number): Promise<StatusCounts> {
  const table = itemType === "demand" ? demands : applications;
  const rows = await db
    .select({ status: table.status, n: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.campaignId, campaignId))
    .groupBy(table.status);
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** True once any reviewer has submitted a score for an item of the campaign: the rubric is then fixed. */
export async function campaignHasReviews(db: Pick<Database, "select">, campaignId: number): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .where(eq(reviewAssignments.campaignId, campaignId))
    .limit(1);
  return !!row;
}

/** The campaign with its items counted per status, for the overview page. */
export async function campaignOverview(db: Database, actor: Actor, slug: string) {
  const campaign = await requireCampaign(db, actor, slug);
  const [demandCounts, applicationCounts, rubricLocked] = await Promise.all([
    countsByStatus(db, "demand", campaign.id),
    countsByStatus(db, "application", campaign.id),
    campaignHasReviews(db, campaign.id),
  ]);
  return { campaign, counts: { demand: demandCounts, application: applicationCounts }, rubricLocked };
}

/** The values the edit form starts from. */
export function campaignFormValues(c: Campaign) {
  return {
    titleZh: c.titleZh,
    titleEn: c.titleEn,
    slug: c.slug,
    descriptionZh: c.descriptionZh,
    descriptionEn: c.descriptionEn,
    opensAt: shanghaiDate(c.opensAt),
    closesAt: shanghaiDate(c.closesAt),
    applicationQuota: String(c.applicationQuota),
    demandQuota: String(c.demandQuota),
    reviewersPerItem: String(c.reviewersPerItem),
    vendorCap: c.vendorCap == null ? "" : String(c.vendorCap),
    version: String(c.version),
    rubric: c.rubric.map((r) => ({ ...r, weight: String(r.weight), scaleMax: String(r.scaleMax) })),
  };
}

type ParsedFields = {
  titleZh: string;
  titleEn: string;
  slug: string;
  descriptionZh?: string;
  descriptionEn?: string;
  opensAt: string;
  closesAt: string;
  applicationQuota?: number;
  demandQuota?: number;
  reviewersPerItem?: number;
  vendorCap?: number;
};

function columnsOf(input: ParsedFields) {
  return {
    titleZh: input.titleZh.trim(),
    titleEn: input.titleEn.trim(),
    slug: input.slug.trim().toLowerCase(),
    descriptionZh: input.descriptionZh?.trim() ?? "",
    descriptionEn: input.descriptionEn?.trim() ?? "",
    opensAt: shanghaiMidnight(input.opensAt),
    closesAt: shanghaiMidnight(input.closesAt),
    applicationQuota: input.applicationQuota ?? 100,
    demandQuota: input.demandQuota ?? 10,
    reviewersPerItem: input.reviewersPerItem ?? 3,
    vendorCap: input.vendorCap ?? null,
  };
}

async function slugTaken(db: Pick<Database, "select">, slug: string, exceptId?: number) {
  const [row] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug)).limit(1);
  return !!row && row.id !== exceptId;
}

const SLUG_TAKEN: CampaignWriteResult = { ok: false, fieldErrors: { slug: ["campaigns:errors.slugTaken"] } };

/** A new campaign in stage `collecting`; the input is the parsed `campaignCreateSchema`. */
export async function createCampaign(
  db: Database,
  actor: Actor,
  input: ParsedFields & { rubric: RubricCriterion[] },
): Promise<CampaignWriteResult> {
  assertCan(actor, "manage:campaign:any");
  const values = { ...columnsOf(input), rubric: normaliseRubric(input.rubric), stage: "collecting" as const };
  if (values.closesAt <= values.opensAt) return { ok: false, fieldErrors: { closesAt: ["campaigns:errors.closesBeforeOpens"] } };
  try {
    return await db.transaction(async (tx) => {
      if (await slugTaken(tx, values.slug)) return SLUG_TAKEN;
      const [row] = await tx.insert(campaigns).values(values).returning({ id: campaigns.id, slug: campaigns.slug });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "campaign.create",
        entityType: "campaign",
        entityId: row.id,
        toStatus: "collecting",
        data: { slug: row.slug, titleZh: values.titleZh },
      });
      return { ok: true, id: row.id, slug: row.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return SLUG_TAKEN;
    throw error;
  }
}

/**
 * Save an edit made from `version`. A stale version is refused (the form
 * keeps what was typed); a changed rubric is refused once reviews exist.
 */
export async function updateCampaign(
  db: Database,
  actor: Actor,
  campaignId: number,
  input: ParsedFields & { version: number; rubric?: RubricCriterion[] },
): Promise<CampaignWriteResult> {
  assertCan(actor, "manage:campaign:any");
  const values = columnsOf(input);
  if (values.closesAt <= values.opensAt) return { ok: false, fieldErrors: { closesAt: ["campaigns:errors.closesBeforeOpens"] } };
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for("update");
      if (!current) throw new Response("Not Found", { status: 404 });
      if (current.version !== input.version) return { ok: false, formErrors: ["campaigns:errors.stale"] };
      if (values.slug !== current.slug && (await slugTaken(tx, values.slug, campaignId))) return SLUG_TAKEN;
      let rubric = current.rubric;
      if (input.rubric && !sameRubric(input.rubric, current.rubric)) {
        if (await campaignHasReviews(tx, campaignId)) {
          return { ok: false, fieldErrors: { rubric: ["campaigns:errors.rubricLocked"] } };
        }
        rubric = normaliseRubric(input.rubric);
      }
      const changed = changedFields(current, { ...values, rubric });
      if (changed.length === 0) return { ok: true, id: current.id, slug: current.slug };
      const [row] = await tx
        .update(campaigns)
        .set({ ...values, rubric, version: sql`${campaigns.version} + 1` })
        .where(and(eq(campaigns.id, campaignId), eq(campaigns.version, input.version)))
        .returning({ id: campaigns.id, slug: campaigns.slug });
      if (!row) return { ok: false, formErrors: ["campaigns:errors.stale"] };
      await writeAudit(tx, {
        actorId: actor.id,
        action: "campaign.update",
        entityType: "campaign",
        entityId: campaignId,
        data: { changed },
      });
      return { ok: true, id: row.id, slug: row.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return SLUG_TAKEN;
    throw error;
  }
}

function changedFields(current: Campaign, next: ReturnType<typeof columnsOf> & { rubric: RubricCriterion[] }): string[] {
  return (Object.keys(next) as (keyof typeof next)[]).filter((key) => {
    const a = current[key];
    const b = next[key];
    if (a instanceof Date && b instanceof Date) return a.getTime() !== b.getTime();
    if (key === "rubric") return JSON.stringify(a) !== JSON.stringify(b);
    return a !== b;
  });
}

export type StageChangeResult =
  | { ok: true; from: CampaignStage; to: CampaignStage }
  | { ok: false; error: StageMoveRefusal | "stale" };

/**
 * Move the campaign one stage forward, or one back with a reason. The
 * stage decides which actions are open (see app/workflow/lifecycle.ts).
 */
export async function changeCampaignStage(
  db: Database,
  actor: Actor,
  input: { campaignId: number; to: CampaignStage; version: number; reason?: string | null },
): Promise<StageChangeResult> {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: campaigns.id, stage: campaigns.stage, version: campaigns.version })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId))
      .for("update");
    if (!current) throw new Response("Not Found", { status: 404 });
    if (current.version !== input.version) return { ok: false, error: "stale" } as const;
    const move = checkStageMove(current.stage, input.to, input.reason);
    if (move.refusal) return { ok: false, error: move.refusal } as const;
    await tx
      .update(campaigns)
      .set({ stage: input.to, version: sql`${campaigns.version} + 1` })
      .where(eq(campaigns.id, current.id));
    await recordStage(tx, actor.id, current.id, current.stage, input.to, input.reason?.trim() || null, move.direction);
    return { ok: true, from: current.stage, to: input.to } as const;
  });
}

async function recordStage(
  tx: Executor,
  actorId: number,
  campaignId: number,
  from: CampaignStage,
  to: CampaignStage,
  reason: string | null,
  direction: "forward" | "back",
) {
  await writeAudit(tx, {
    actorId,
    action: "campaign.stage",
    entityType: "campaign",
    entityId: campaignId,
    fromStatus: from,
    toStatus: to,
    reason,
    data: { direction },
  });
}

/** How many items still wait for the current stage's work (shown before moving on). */
export async function pendingBeforeNextStage(db: Database, campaign: Campaign) {
  const [demandCounts, applicationCounts] = await Promise.all([
    countsByStatus(db, "demand", campaign.id),
    countsByStatus(db, "application", campaign.id),
  ]);
  const waiting: Partial<Record<CampaignStage, ItemStatus>> = { collecting: "draft", screening: "submitted", reviewing: "in_review" };
  const status = waiting[campaign.stage];
  return status ? { status, demands: demandCounts[status], applications: applicationCounts[status] } : null;
}

export type { CampaignCreateInput, CampaignUpdateInput };
