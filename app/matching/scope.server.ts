/**
 * Who may do what with matches, as data: the subdistricts a person serves
 * (officials all of them, community workers the subdistrict of their
 * organisation), whether they speak for a vendor, who hears about a match,
 * and which matches they may see.
 *
 * The rules (the permissions are in app/auth/permissions.ts):
 *   - proposing a match, starting a pilot, recording a deployment: an
 *     official, or a community worker of the demand's subdistrict
 *     (`propose:match:subdistrict`);
 *   - accepting or declining a proposal: a member of the match's vendor
 *     (`respond:demand:own`); declining is also open to the demand's side;
 *   - seeing a match: confirmed ones (accepted, piloting, deployed) are public
 *     when the demand and the application are; suggested, proposed and
 *     declined ones only to the demand's side and the vendor's members.
 */
import { and, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";

import type { Executor } from "../audit/audit.server";
import { can } from "../auth/permissions";
import type { MatchStage } from "../../db/enums";
import { matches, memberships, organizations, userRoles, users } from "../../db/schema";
import { applicationVisibleTo, demandVisibleTo, type Viewer } from "../visibility/visibility.server";

/** The signed-in person acting on matches. */
export type MatchActor = NonNullable<Viewer>;

/** The subdistricts someone may propose and move matches in: all, or these ids. */
export type Scope = { all: true } | { all: false; subdistrictIds: number[] };

export const NO_SCOPE: Scope = { all: false, subdistrictIds: [] };

export const PUBLIC_STAGES: readonly MatchStage[] = ["accepted", "piloting", "deployed"];
/** Stages in which a match is still open to a move. */
export const OPEN_STAGES: readonly MatchStage[] = ["suggested", "proposed", "accepted", "piloting"];

export async function proposerScope(db: Executor, viewer: Viewer): Promise<Scope> {
  if (!viewer || !can(viewer, "propose:match:subdistrict")) return NO_SCOPE;
  if (viewer.roles.includes("official")) return { all: true };
  if (!viewer.roles.includes("community_worker") || viewer.organizationIds.length === 0) return NO_SCOPE;
  const rows = await db
    .select({ subdistrictId: organizations.subdistrictId })
    .from(organizations)
    .where(and(inArray(organizations.id, [...viewer.organizationIds]), isNotNull(organizations.subdistrictId)));
  return { all: false, subdistrictIds: [...new Set(rows.map((r) => r.subdistrictId!))] };
}

export function serves(scope: Scope, subdistrictId: number): boolean {
  return scope.all || scope.subdistrictIds.includes(subdistrictId);
}

export function servesAny(scope: Scope): boolean {
  return scope.all || scope.subdistrictIds.length > 0;
}

/** The viewer speaks for this vendor: a firm member of the organisation. */
export function speaksFor(viewer: Viewer, organizationId: number): boolean {
  return !!viewer && can(viewer, "respond:demand:own") && viewer.organizationIds.includes(organizationId);
}

/**
 * Matches the viewer may see (a query over `matches` joined with `demands`
 * and `applications`).
 */
export function matchVisibleTo(viewer: Viewer, scope: Scope): SQL {
  const confirmed = and(inArray(matches.stage, [...PUBLIC_STAGES]), demandVisibleTo(viewer), applicationVisibleTo(viewer))!;
  const conditions: SQL[] = [confirmed];
  if (scope.all) conditions.push(sql`true`);
  else if (scope.subdistrictIds.length) conditions.push(inArray(matches.subdistrictId, scope.subdistrictIds));
  if (viewer && viewer.organizationIds.length && can(viewer, "respond:demand:own")) {
    conditions.push(inArray(matches.organizationId, [...viewer.organizationIds]));
  }
  return or(...conditions)!;
}

/** The vendor's side of a match: every member of the organisation. */
export async function vendorSide(db: Executor, organizationId: number): Promise<number[]> {
  const rows = await db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.organizationId, organizationId));
  return rows.map((r) => r.id);
}

/**
 * The demand's side: the district's officials, the community workers of the
 * subdistrict's office and committees, and whoever proposed the match.
 */
export async function demandSide(db: Executor, subdistrictId: number, proposerId?: number | null): Promise<number[]> {
  const officials = await db
    .select({ id: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, "official"), sql`${users.disabledAt} is null`));
  const workers = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .innerJoin(userRoles, and(eq(userRoles.userId, memberships.userId), eq(userRoles.role, "community_worker")))
    .where(eq(organizations.subdistrictId, subdistrictId));
  return [...new Set([...officials.map((r) => r.id), ...workers.map((r) => r.id), ...(proposerId ? [proposerId] : [])])];
}
