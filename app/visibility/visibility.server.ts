/**
 * Who sees which demand and application — the one place this rule lives.
 * Lists, detail pages, exports and search all add these conditions to their
 * queries, so a page can never show what a list hides.
 *
 * Demands: a draft only to its author; public once submitted, except when
 *   withdrawn or rejected at screening (then its author and officials).
 * Applications: a draft only to its firm's members (they write it together);
 *   public once selected, or from submission when the firm chose so; until
 *   then the firm, officials and the reviewers assigned to it.
 */
import { and, eq, inArray, not, or, sql, type SQL } from "drizzle-orm";

import type { ItemStatus, Role } from "../../db/enums";
import { applications, demands, reviewAssignments } from "../../db/schema";

export type Viewer = {
  id: number;
  roles: readonly Role[];
  organizationIds: readonly number[];
} | null;

/** The viewer shape from the signed-in user (or null for the public). */
export function viewerOf(user: { id: number; roles: readonly Role[]; organizations: readonly { id: number }[] } | null): Viewer {
  return user ? { id: user.id, roles: user.roles, organizationIds: user.organizations.map((o) => o.id) } : null;
}

const HIDDEN_DEMAND_STATUSES: ItemStatus[] = ["draft", "withdrawn", "rejected"];
const NOT_YET_SUBMITTED: ItemStatus[] = ["draft"];
const CLOSED_BEFORE_REVIEW: ItemStatus[] = ["draft", "withdrawn", "rejected"];

const isOfficial = (viewer: Viewer) => !!viewer && viewer.roles.includes("official");
const isReviewer = (viewer: Viewer) => !!viewer && viewer.roles.includes("reviewer");

/** The item is assigned to the viewer for review (and they have not recused themselves). */
function assignedTo(viewerId: number, itemType: "demand" | "application"): SQL {
  const [itemColumn, idColumn] =
    itemType === "demand" ? [reviewAssignments.demandId, demands.id] : [reviewAssignments.applicationId, applications.id];
  return sql`exists (select 1 from ${reviewAssignments} where ${itemColumn} = ${idColumn} and ${reviewAssignments.reviewerId} = ${viewerId} and ${reviewAssignments.status} <> 'recused')`;
}

/** Demands the public may see. */
export const publicDemand: SQL = not(inArray(demands.status, HIDDEN_DEMAND_STATUSES));

export function demandVisibleTo(viewer: Viewer): SQL {
  if (!viewer) return publicDemand;
  const conditions: SQL[] = [publicDemand, eq(demands.authorId, viewer.id)];
  if (isOfficial(viewer)) conditions.push(not(inArray(demands.status, NOT_YET_SUBMITTED)));
  if (isReviewer(viewer)) conditions.push(assignedTo(viewer.id, "demand"));
  return or(...conditions)!;
}

/** Applications the public may see. */
export const publicApplication: SQL = or(
  eq(applications.status, "selected"),
  and(eq(applications.publicFromSubmission, true), not(inArray(applications.status, CLOSED_BEFORE_REVIEW))),
)!;

export function applicationVisibleTo(viewer: Viewer): SQL {
  if (!viewer) return publicApplication;
  const conditions: SQL[] = [publicApplication];
  if (viewer.organizationIds.length > 0) {
    conditions.push(inArray(applications.organizationId, [...viewer.organizationIds]));
  }
  if (isOfficial(viewer)) conditions.push(not(inArray(applications.status, NOT_YET_SUBMITTED)));
  if (isReviewer(viewer)) conditions.push(assignedTo(viewer.id, "application"));
  return or(...conditions) ?? sql`false`;
}
