/**
 * Feedback to submitters, after publication: per criterion the average
 * score, and the reviewers' comments without any name or label — never an
 * individual review. Shown to the item's author, to the members of an
 * application's firm, and to officials.
 *
 *   const result = await feedbackFor(db, viewerOf(user), "application", id);
 *   result.ok ? <FeedbackPanel feedback={result.feedback} /> : null
 */
import { asc, eq } from "drizzle-orm";

import type { ItemStatus, ItemType } from "../../db/enums";
import { campaigns, reviewAssignments, reviews } from "../../db/schema";
import type { Viewer } from "~/visibility/visibility.server";

import { itemTableOf, type Database } from "./common.server";

export type Feedback = {
  itemType: ItemType;
  itemId: number;
  title: string;
  status: ItemStatus;
  campaign: { slug: string; titleZh: string; titleEn: string };
  reviewCount: number;
  criteria: {
    key: string;
    labelZh: string;
    labelEn: string;
    scaleMax: number;
    /** Mean of the submitted scores, or null when there are none. */
    average: number | null;
    comments: string[];
  }[];
  overallComments: string[];
};

export type FeedbackResult =
  | { ok: true; feedback: Feedback }
  | { ok: false; reason: "not_found" | "forbidden" | "not_published" };

const PUBLISHED = ["published", "closed"];

export async function feedbackFor(db: Database, viewer: Viewer, itemType: ItemType, itemId: number): Promise<FeedbackResult> {
  const table = itemTableOf(itemType);
  const [item] = await db
    .select({
      id: table.id,
      title: table.title,
      status: table.status,
      authorId: table.authorId,
      organizationId: table.organizationId,
      stage: campaigns.stage,
      rubric: campaigns.rubric,
      slug: campaigns.slug,
      titleZh: campaigns.titleZh,
      titleEn: campaigns.titleEn,
    })
    .from(table)
    .innerJoin(campaigns, eq(campaigns.id, table.campaignId))
    .where(eq(table.id, itemId));
  if (!item) return { ok: false, reason: "not_found" };
  const official = !!viewer && viewer.roles.includes("official");
  const author = !!viewer && item.authorId === viewer.id;
  const firm =
    !!viewer && itemType === "application" && item.organizationId !== null && viewer.organizationIds.includes(item.organizationId);
  if (!official && !author && !firm) return { ok: false, reason: "forbidden" };
  if (!PUBLISHED.includes(item.stage)) return { ok: false, reason: "not_published" };

  const column = itemType === "demand" ? reviewAssignments.demandId : reviewAssignments.applicationId;
  const rows = await db
    .select({ scores: reviews.scores, comments: reviews.comments, overallComment: reviews.overallComment, status: reviewAssignments.status })
    .from(reviewAssignments)
    .innerJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(column, itemId))
    .orderBy(asc(reviewAssignments.id));
  const submitted = rows.filter((r) => r.status === "submitted");
  const criteria = item.rubric.map((c) => {
    const values = submitted.map((r) => r.scores[c.key]).filter((v): v is number => typeof v === "number");
    return {
      key: c.key,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      scaleMax: c.scaleMax,
      average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
      comments: submitted.map((r) => (r.comments?.[c.key] ?? "").trim()).filter(Boolean),
    };
  });
  return {
    ok: true,
    feedback: {
      itemType,
      itemId,
      title: item.title,
      status: item.status,
      campaign: { slug: item.slug, titleZh: item.titleZh, titleEn: item.titleEn },
      reviewCount: submitted.length,
      criteria,
      overallComments: submitted.map((r) => r.overallComment.trim()).filter(Boolean),
    },
  };
}
