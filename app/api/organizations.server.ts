/**
 * The API's read side of organisations: the directory (every kind, filtered
 * by kind and verification; verified first, then by Chinese name) and one
 * organisation's profile with its applications and matches as the caller may
 * see them (visibility rules: app/visibility, app/matching/scope.server.ts).
 * Members and their accounts are never part of an answer.
 */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { OrganizationKind } from "../../db/enums";
import { applications, demands, matches, organizations, subdistricts } from "../../db/schema";
import { matchVisibleTo, proposerScope } from "~/matching/scope.server";
import { applicationVisibleTo, type Viewer } from "~/visibility/visibility.server";

import { offsetOf, pastTheEnd, type Paging } from "./params.server";
import { applicationLinks, iso, organizationLinks } from "./refs.server";

export type OrganizationFilters = { kind?: OrganizationKind; verified?: boolean };

/** How many of an organisation's applications its profile names (all of them: /api/v1/applications?organization=…). */
export const PROFILE_LATEST = 20;

const columns = {
  id: organizations.id,
  slug: organizations.slug,
  nameZh: organizations.nameZh,
  nameEn: organizations.nameEn,
  kind: organizations.kind,
  verified: organizations.verified,
  verifiedAt: organizations.verifiedAt,
  descriptionZh: organizations.descriptionZh,
  descriptionEn: organizations.descriptionEn,
  capabilities: organizations.capabilities,
  website: organizations.website,
  placeSlug: subdistricts.slug,
  placeZh: subdistricts.nameZh,
  placeEn: subdistricts.nameEn,
};

function selectOrganizations(db: Database) {
  return db.select(columns).from(organizations).leftJoin(subdistricts, eq(subdistricts.id, organizations.subdistrictId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectOrganizations>["execute"]>>[number];

function summaryOf(r: Row) {
  return {
    id: r.id,
    slug: r.slug,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    kind: r.kind,
    verified: r.verified,
    verifiedAt: iso(r.verifiedAt),
    descriptionZh: r.descriptionZh,
    descriptionEn: r.descriptionEn,
    capabilities: r.capabilities,
    website: r.website,
    subdistrict: r.placeSlug ? { slug: r.placeSlug, nameZh: r.placeZh!, nameEn: r.placeEn! } : null,
    ...organizationLinks(r.slug),
  };
}

export async function organizationPage(db: Database, filters: OrganizationFilters, paging: Paging) {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(organizations.kind, filters.kind));
  if (filters.verified !== undefined) conditions.push(eq(organizations.verified, filters.verified));
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(organizations).where(where);
  if (pastTheEnd(paging, Number(total))) return { total: Number(total), rows: [] };
  const rows = await selectOrganizations(db)
    .where(where)
    .orderBy(desc(organizations.verified), asc(organizations.nameZh), asc(organizations.id))
    .limit(paging.perPage)
    .offset(offsetOf(paging));
  return { total: Number(total), rows: rows.map(summaryOf) };
}

export async function organizationBySlug(db: Database, viewer: Viewer, slug: string) {
  const [row] = await selectOrganizations(db).where(eq(organizations.slug, slug)).limit(1);
  if (!row) return null;
  const visible = and(eq(applications.organizationId, row.id), applicationVisibleTo(viewer));
  const scope = await proposerScope(db, viewer);
  const [[counts], latest, [matchCount]] = await Promise.all([
    db
      .select({
        total: sql<number>`count(*)::int`,
        selected: sql<number>`count(*) filter (where ${applications.status} = 'selected')::int`,
      })
      .from(applications)
      .where(visible),
    db
      .select({ id: applications.id, title: applications.title, lang: applications.lang })
      .from(applications)
      .where(visible)
      .orderBy(desc(sql`coalesce(${applications.submittedAt}, ${applications.createdAt})`), desc(applications.id))
      .limit(PROFILE_LATEST),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(matches)
      .innerJoin(demands, eq(demands.id, matches.demandId))
      .innerJoin(applications, eq(applications.id, matches.applicationId))
      .where(and(eq(matches.organizationId, row.id), matchVisibleTo(viewer, scope))),
  ]);
  return {
    ...summaryOf(row),
    applications: {
      total: Number(counts.total),
      selected: Number(counts.selected),
      latest: latest.map((a) => ({ id: a.id, title: a.title, lang: a.lang as "zh-CN" | "en", ...applicationLinks(a.id) })),
      api: `/api/v1/applications?organization=${encodeURIComponent(row.slug)}`,
    },
    matches: { total: Number(matchCount.total), api: `/api/v1/matches?organization=${encodeURIComponent(row.slug)}` },
  };
}
