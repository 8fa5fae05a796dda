/**
 * Scoring: a reviewer's list of assignments, the review form of one
 * assignment, saving a review (while the campaign is `reviewing`), and the
 * blind rule for reading the reviews of an item:
 *
 *   - officials see every review, with the reviewers' names;
 *   - a reviewer sees the other reviews of an item only once they have
 *     submitted their own, and then anonymised (Reviewer A, B, C…);
 *   - anyone else — firms, residents, a reviewer who has not submitted —
 *     gets a ForbiddenError (403). Submitters see only the aggregated
 *     feedback after publication (feedback.server.ts).
 *
 * When an item has k submitted reviews it moves `in_review → scored`
 * (lifecycle move `complete`, actor null = the system).
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";

import type { CampaignStage, ItemStatus, ItemType, RubricCriterion } from "../../db/enums";
import {
  applications,
  attachments,
  campaigns,
  demands,
  organizations,
  reviewAssignments,
  reviews,
  subdistricts,
  users,
} from "../../db/schema";
import { writeAudit, type Executor } from "~/audit/audit.server";
import { assertCan, ForbiddenError, type Actor } from "~/auth/authorize.server";
import { can } from "~/auth/permissions";
import { transitionItems } from "~/workflow/transition.server";

import { itemTableOf, type Database } from "./common.server";
import { COMMENT_MAX, OVERALL_COMMENT_MAX } from "./limits";
import { weightedScore } from "./ranking";

export { COMMENT_MAX, OVERALL_COMMENT_MAX };

/**
 * The review form's schema for a rubric: `scores.<key>` an integer in
 * 1..scaleMax (required), `comments.<key>` and `overallComment` optional text.
 * Messages are translation keys; `scoreRange` takes `{{max}}`.
 */
export function reviewSchema(rubric: readonly RubricCriterion[]) {
  const scores: Record<string, z.ZodType<number>> = {};
  const comments: Record<string, z.ZodType<string>> = {};
  for (const c of rubric) {
    scores[c.key] = z
      .number({ error: (issue) => (issue.input === undefined ? "review:errors.scoreRequired" : "review:errors.scoreRange") })
      .int({ error: "review:errors.scoreRange" })
      .min(1, { error: "review:errors.scoreRange" })
      .max(c.scaleMax, { error: "review:errors.scoreRange" });
    comments[c.key] = z.string().trim().max(COMMENT_MAX, { error: "review:errors.commentTooLong" }).default("");
  }
  return z.object({
    scores: z.object(scores, { error: "review:errors.scoreRequired" }),
    comments: z.object(comments).default(Object.fromEntries(rubric.map((c) => [c.key, ""]))),
    overallComment: z.string().trim().max(OVERALL_COMMENT_MAX, { error: "review:errors.commentTooLong" }).default(""),
  });
}

export type ReviewInput = {
  scores: Record<string, number>;
  comments: Record<string, string>;
  overallComment: string;
};

// ─── My assignments ──────────────────────────────────────────────────────────

export type MyAssignment = {
  id: number;
  itemType: ItemType;
  itemId: number;
  title: string;
  status: "assigned" | "submitted" | "recused";
  submittedAt: string | null;
};

export type MyCampaign = {
  slug: string;
  titleZh: string;
  titleEn: string;
  stage: CampaignStage;
  submitted: number;
  total: number;
  assignments: MyAssignment[];
};

/** The reviewer's assignments, by campaign (newest first), with progress (n of m submitted, recusals not counted). */
export async function myAssignments(db: Database, actor: Actor): Promise<MyCampaign[]> {
  assertCan(actor, "review:item:assigned");
  const rows = await db
    .select({
      id: reviewAssignments.id,
      itemType: reviewAssignments.itemType,
      demandId: reviewAssignments.demandId,
      applicationId: reviewAssignments.applicationId,
      status: reviewAssignments.status,
      appTitle: applications.title,
      demandTitle: demands.title,
      submittedAt: reviews.submittedAt,
      campaignId: campaigns.id,
      slug: campaigns.slug,
      titleZh: campaigns.titleZh,
      titleEn: campaigns.titleEn,
      stage: campaigns.stage,
      opensAt: campaigns.opensAt,
    })
    .from(reviewAssignments)
    .innerJoin(campaigns, eq(campaigns.id, reviewAssignments.campaignId))
    .leftJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .leftJoin(demands, eq(demands.id, reviewAssignments.demandId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.reviewerId, actor.id))
    .orderBy(desc(campaigns.opensAt), asc(reviewAssignments.itemType), asc(reviewAssignments.id));
  const byCampaign = new Map<number, MyCampaign>();
  for (const r of rows) {
    let c = byCampaign.get(r.campaignId);
    if (!c) {
      c = { slug: r.slug, titleZh: r.titleZh, titleEn: r.titleEn, stage: r.stage, submitted: 0, total: 0, assignments: [] };
      byCampaign.set(r.campaignId, c);
    }
    c.assignments.push({
      id: r.id,
      itemType: r.itemType,
      itemId: (r.demandId ?? r.applicationId)!,
      title: (r.appTitle ?? r.demandTitle)!,
      status: r.status,
      submittedAt: r.status === "submitted" && r.submittedAt ? r.submittedAt.toISOString() : null,
    });
    if (r.status !== "recused") c.total++;
    if (r.status === "submitted") c.submitted++;
  }
  return [...byCampaign.values()];
}

// ─── One assignment: the item and the form ───────────────────────────────────

export type OtherReview = {
  /** "A", "B", "C"… in the order the reviewers were assigned. */
  label: string;
  /** Only for officials. */
  reviewerName: string | null;
  scores: Record<string, number>;
  comments: Record<string, string>;
  overallComment: string;
  weightedScore: number;
  mine: boolean;
};

export type ReviewPage = {
  assignment: { id: number; status: "assigned" | "submitted" | "recused"; recusalReason: string | null };
  campaign: { slug: string; titleZh: string; titleEn: string; stage: CampaignStage; rubric: RubricCriterion[] };
  item: {
    itemType: ItemType;
    id: number;
    title: string;
    summary: string | null;
    description: string;
    domain: string;
    status: ItemStatus;
    lang: string;
    maturity: string | null;
    costBand: string | null;
    organization: { nameZh: string; nameEn: string } | null;
    subdistrict: { nameZh: string; nameEn: string } | null;
    raisedBy: string | null;
  };
  attachments: { id: number; fileName: string; mimeType: string; sizeBytes: number }[];
  mine: ReviewInput & { weightedScore: number; submittedAt: string } | null;
  /** Scores can be saved now (stage `reviewing`, not recused). */
  editable: boolean;
  /** The other reviews, anonymised — empty until the reviewer has submitted. */
  others: OtherReview[];
};

async function loadAssignment(db: Executor, assignmentId: number) {
  const [row] = await db
    .select({ a: reviewAssignments, c: campaigns })
    .from(reviewAssignments)
    .innerJoin(campaigns, eq(campaigns.id, reviewAssignments.campaignId))
    .where(eq(reviewAssignments.id, assignmentId));
  return row ?? null;
}

/**
 * The review page of one assignment, for its reviewer only: anybody else
 * (including another reviewer) gets a ForbiddenError, a missing one null.
 */
export async function reviewPage(db: Database, actor: Actor, assignmentId: number): Promise<ReviewPage | null> {
  assertCan(actor, "review:item:assigned");
  const row = await loadAssignment(db, assignmentId);
  if (!row) return null;
  if (row.a.reviewerId !== actor.id) throw new ForbiddenError("review:item:assigned");
  const { a, c } = row;
  const itemType = a.itemType;
  const itemId = (a.demandId ?? a.applicationId)!;

  let item: ReviewPage["item"];
  if (itemType === "application") {
    const [r] = await db
      .select({ app: applications, orgZh: organizations.nameZh, orgEn: organizations.nameEn })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(eq(applications.id, itemId));
    item = {
      itemType,
      id: r.app.id,
      title: r.app.title,
      summary: r.app.summary,
      description: r.app.description,
      domain: r.app.domain,
      status: r.app.status,
      lang: r.app.lang,
      maturity: r.app.maturity,
      costBand: r.app.costBand,
      organization: { nameZh: r.orgZh, nameEn: r.orgEn },
      subdistrict: null,
      raisedBy: null,
    };
  } else {
    const [r] = await db
      .select({ d: demands, orgZh: organizations.nameZh, orgEn: organizations.nameEn, sdZh: subdistricts.nameZh, sdEn: subdistricts.nameEn })
      .from(demands)
      .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
      .leftJoin(organizations, eq(organizations.id, demands.organizationId))
      .where(eq(demands.id, itemId));
    item = {
      itemType,
      id: r.d.id,
      title: r.d.title,
      summary: null,
      description: r.d.description,
      domain: r.d.domain,
      status: r.d.status,
      lang: r.d.lang,
      maturity: null,
      costBand: null,
      organization: r.orgZh ? { nameZh: r.orgZh, nameEn: r.orgEn! } : null,
      subdistrict: { nameZh: r.sdZh, nameEn: r.sdEn },
      raisedBy: r.d.raisedBy,
    };
  }

  const files = await db
    .select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes })
    .from(attachments)
    .where(itemType === "demand" ? eq(attachments.demandId, itemId) : eq(attachments.applicationId, itemId))
    .orderBy(asc(attachments.id));

  const [own] = await db.select().from(reviews).where(eq(reviews.assignmentId, a.id));
  const submitted = a.status === "submitted" && !!own;
  return {
    assignment: { id: a.id, status: a.status, recusalReason: a.recusalReason },
    campaign: { slug: c.slug, titleZh: c.titleZh, titleEn: c.titleEn, stage: c.stage, rubric: c.rubric },
    item,
    attachments: files,
    mine: own
      ? {
          scores: own.scores,
          comments: own.comments,
          overallComment: own.overallComment,
          weightedScore: own.weightedScore,
          submittedAt: own.submittedAt.toISOString(),
        }
      : null,
    editable: c.stage === "reviewing" && a.status !== "recused",
    others: submitted ? (await reviewsForItem(db, actor, itemType, itemId)).filter((r) => !r.mine) : [],
  };
}

// ─── The blind rule ──────────────────────────────────────────────────────────

/**
 * The submitted reviews of an item, as `viewer` may see them (see the
 * header): officials all with names; a reviewer who has submitted their own,
 * all anonymised; anyone else a ForbiddenError.
 */
export async function reviewsForItem(db: Executor, viewer: Actor, itemType: ItemType, itemId: number): Promise<OtherReview[]> {
  const official = can(viewer, "read:item:any") && can(viewer, "manage:campaign:any");
  const column = itemType === "demand" ? reviewAssignments.demandId : reviewAssignments.applicationId;
  const rows = await db
    .select({
      id: reviewAssignments.id,
      reviewerId: reviewAssignments.reviewerId,
      reviewerName: users.displayName,
      status: reviewAssignments.status,
      scores: reviews.scores,
      comments: reviews.comments,
      overallComment: reviews.overallComment,
      weightedScore: reviews.weightedScore,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(column, itemId))
    .orderBy(asc(reviewAssignments.id));
  if (!official) {
    if (!can(viewer, "review:item:assigned")) throw new ForbiddenError("review:item:assigned");
    const mine = rows.find((r) => r.reviewerId === viewer.id);
    if (!mine || mine.status !== "submitted" || mine.scores === null) throw new ForbiddenError("review:item:assigned");
  }
  const submitted = rows.filter((r) => r.status === "submitted" && r.scores !== null);
  let letter = 0;
  return submitted.map((r) => {
    const mine = r.reviewerId === viewer.id;
    return {
      label: mine ? "" : String.fromCharCode(65 + letter++ % 26),
      reviewerName: official ? r.reviewerName : null,
      scores: r.scores!,
      comments: r.comments ?? {},
      overallComment: r.overallComment ?? "",
      weightedScore: r.weightedScore!,
      mine,
    };
  });
}

// ─── Saving a review ─────────────────────────────────────────────────────────

export type SubmitResult =
  | { ok: true; weightedScore: number; completed: boolean; first: boolean }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "recused" }
  | { ok: false; reason: "wrong_stage"; stage: CampaignStage }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> };

/**
 * Save (submit) the reviewer's scores for an assignment. They may change
 * them until the campaign leaves `reviewing`. The item moves to `scored`
 * when it has k submitted reviews.
 */
export async function submitReview(db: Database, actor: Actor, assignmentId: number, input: unknown): Promise<SubmitResult> {
  assertCan(actor, "review:item:assigned");
  return db.transaction(async (tx) => {
    const row = await loadAssignment(tx, assignmentId);
    if (!row || row.a.reviewerId !== actor.id) return { ok: false, reason: "not_found" } as const;
    const { a } = row;
    // Lock the campaign against a stage change and the item against a parallel last review.
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, a.campaignId)).for("share");
    if (campaign.stage !== "reviewing") return { ok: false, reason: "wrong_stage", stage: campaign.stage } as const;
    if (a.status === "recused") return { ok: false, reason: "recused" } as const;
    const parsed = reviewSchema(campaign.rubric).safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const name = issue.path.join(".");
        (fieldErrors[name] ??= []).push(issue.message);
      }
      return { ok: false, reason: "invalid", fieldErrors } as const;
    }
    const value = parsed.data as ReviewInput;
    const itemType = a.itemType;
    const itemId = (a.demandId ?? a.applicationId)!;
    const table = itemTableOf(itemType);
    const [item] = await tx.select({ status: table.status }).from(table).where(eq(table.id, itemId)).for("update");

    const score = weightedScore(campaign.rubric, value.scores);
    const now = new Date();
    const [before] = await tx.select({ assignmentId: reviews.assignmentId }).from(reviews).where(eq(reviews.assignmentId, a.id));
    await tx
      .insert(reviews)
      .values({
        assignmentId: a.id,
        scores: value.scores,
        comments: value.comments,
        overallComment: value.overallComment,
        weightedScore: score,
        submittedAt: now,
      })
      .onConflictDoUpdate({
        target: reviews.assignmentId,
        set: { scores: value.scores, comments: value.comments, overallComment: value.overallComment, weightedScore: score, submittedAt: now },
      });
    if (a.status !== "submitted") {
      await tx.update(reviewAssignments).set({ status: "submitted" }).where(eq(reviewAssignments.id, a.id));
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: before ? "review.update" : "review.submit",
      entityType: "review_assignment",
      entityId: a.id,
      fromStatus: a.status,
      toStatus: "submitted",
      data: { campaignId: campaign.id, itemType, itemId, weightedScore: score },
    });

    let completed = false;
    if (item?.status === "in_review") {
      const column = itemType === "demand" ? reviewAssignments.demandId : reviewAssignments.applicationId;
      const done = await tx
        .select({ id: reviewAssignments.id })
        .from(reviewAssignments)
        .where(and(eq(column, itemId), eq(reviewAssignments.status, "submitted")));
      if (done.length >= campaign.reviewersPerItem) {
        await transitionItems(tx, { actorId: null, itemType, ids: [itemId], move: "complete" });
        completed = true;
      }
    }
    return { ok: true, weightedScore: score, completed, first: !before } as const;
  });
}
