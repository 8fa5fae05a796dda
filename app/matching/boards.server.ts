/**
 * Subdistrict boards: for each of Putuo's ten subdistricts and towns, its
 * demands, its matches by stage (candidates, confirmed, pilots under way,
 * deployed), and the vendors active there; and the district overview that
 * compares the ten. Counts and lists follow the visibility rules (items:
 * app/visibility; matches: scope.server.ts), in a fixed number of grouped
 * queries whatever the data size.
 */
import { and, asc, desc, eq, inArray, not, sql } from "drizzle-orm";

import type { Database } from "../../db/client";
import { rowsOf } from "../../db/client";
import type { Domain, ItemStatus, MatchStage } from "../../db/enums";
import { applicationDeployments, applications, demands, matches, organizations, subdistricts } from "../../db/schema";
import { applicationVisibleTo, demandVisibleTo, type Viewer } from "../visibility/visibility.server";

import { CLOSED_STATUSES } from "./candidates.server";
import { matchVisibleTo, proposerScope, PUBLIC_STAGES, serves, type Scope } from "./scope.server";

export type StageCounts = Record<MatchStage, number>;

const emptyCounts = (): StageCounts => ({ suggested: 0, proposed: 0, accepted: 0, piloting: 0, deployed: 0, declined: 0 });

export type SubdistrictSummary = {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: "subdistrict" | "town";
  demands: number;
  selectedDemands: number;
  stages: StageCounts;
  vendors: number;
};

const notClosedDemand = not(inArray(demands.status, CLOSED_STATUSES));

/** The (subdistrict, vendor) pairs of vendors active there: confirmed matches and deployments. */
function activeVendorPairs(viewer: Viewer, subdistrictId?: number) {
  const here = (column: unknown) => (subdistrictId === undefined ? sql`true` : sql`${column} = ${subdistrictId}`);
  return sql`
    select ${matches.subdistrictId} as s, ${matches.organizationId} as o, 1 as m, 0 as d
      from ${matches}
      join ${demands} on ${demands.id} = ${matches.demandId}
      join ${applications} on ${applications.id} = ${matches.applicationId}
      where ${inArray(matches.stage, [...PUBLIC_STAGES])} and ${demandVisibleTo(viewer)} and ${applicationVisibleTo(viewer)}
        and ${here(matches.subdistrictId)}
    union all
    select ${applicationDeployments.subdistrictId} as s, ${applications.organizationId} as o, 0 as m, 1 as d
      from ${applicationDeployments}
      join ${applications} on ${applications.id} = ${applicationDeployments.applicationId}
      where ${applicationDeployments.subdistrictId} is not null and ${applicationVisibleTo(viewer)}
        and ${not(inArray(applications.status, CLOSED_STATUSES))} and ${here(applicationDeployments.subdistrictId)}`;
}

/** The ten subdistricts and towns side by side. */
export async function districtOverview(db: Database, viewer: Viewer): Promise<{ places: SubdistrictSummary[]; scope: Scope }> {
  const scope = await proposerScope(db, viewer);
  const places = await db.select().from(subdistricts).orderBy(asc(subdistricts.sortOrder), asc(subdistricts.id));
  const demandRows = await db
    .select({
      s: demands.subdistrictId,
      n: sql<number>`count(*)::int`,
      selected: sql<number>`count(*) filter (where ${demands.status} = 'selected')::int`,
    })
    .from(demands)
    .where(and(demandVisibleTo(viewer), notClosedDemand))
    .groupBy(demands.subdistrictId);
  const matchRows = await db
    .select({ s: matches.subdistrictId, stage: matches.stage, n: sql<number>`count(*)::int` })
    .from(matches)
    .innerJoin(demands, eq(demands.id, matches.demandId))
    .innerJoin(applications, eq(applications.id, matches.applicationId))
    .where(matchVisibleTo(viewer, scope))
    .groupBy(matches.subdistrictId, matches.stage);
  const vendorRows = rowsOf<{ s: number; n: number }>(
    await db.execute(sql`select s, count(distinct o)::int as n from (${activeVendorPairs(viewer)}) x group by s`),
  );
  const demandsBy = new Map(demandRows.map((r) => [r.s, r]));
  const vendorsBy = new Map(vendorRows.map((r) => [Number(r.s), Number(r.n)]));
  const stagesBy = new Map<number, StageCounts>();
  for (const r of matchRows) {
    const counts = stagesBy.get(r.s) ?? emptyCounts();
    counts[r.stage] = Number(r.n);
    stagesBy.set(r.s, counts);
  }
  return {
    scope,
    places: places.map((p) => ({
      id: p.id,
      slug: p.slug,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      kind: p.kind,
      demands: Number(demandsBy.get(p.id)?.n ?? 0),
      selectedDemands: Number(demandsBy.get(p.id)?.selected ?? 0),
      stages: stagesBy.get(p.id) ?? emptyCounts(),
      vendors: vendorsBy.get(p.id) ?? 0,
    })),
  };
}

export type BoardDemand = {
  id: number;
  title: string;
  lang: string;
  domain: Domain;
  status: ItemStatus;
  supportCount: number;
  stages: Partial<StageCounts>;
};

export type BoardMatch = {
  id: number;
  stage: MatchStage;
  score: number | null;
  demand: { id: number; title: string; lang: string };
  application: { id: number; title: string; lang: string };
  organization: { id: number; slug: string; nameZh: string; nameEn: string };
  pilotSite: string | null;
  pilotStartOn: string | null;
  pilotKpis: string | null;
  outcome: string | null;
  deployedOn: string | null;
  declinedReason: string | null;
  updatedAt: string;
};

export type BoardVendor = { id: number; slug: string; nameZh: string; nameEn: string; verified: boolean; matches: number; deployments: number };

export type Board = {
  place: { id: number; slug: string; nameZh: string; nameEn: string; kind: "subdistrict" | "town" };
  /** The viewer serves this subdistrict (official, or one of its community workers). */
  demandSide: boolean;
  demands: BoardDemand[];
  demandTotal: number;
  matches: Record<MatchStage, BoardMatch[]>;
  vendors: BoardVendor[];
};

export const BOARD_DEMANDS = 30;
const BOARD_MATCHES = 300;
const BOARD_VENDORS = 40;

export async function subdistrictBoard(db: Database, viewer: Viewer, slug: string): Promise<Board | null> {
  const [place] = await db.select().from(subdistricts).where(eq(subdistricts.slug, slug)).limit(1);
  if (!place) return null;
  const scope = await proposerScope(db, viewer);
  const inPlace = and(eq(demands.subdistrictId, place.id), demandVisibleTo(viewer), notClosedDemand);
  const demandRows = await db
    .select({
      id: demands.id,
      title: demands.title,
      lang: demands.lang,
      domain: demands.domain,
      status: demands.status,
      supportCount: demands.supportCount,
    })
    .from(demands)
    .where(inPlace)
    .orderBy(desc(sql`${demands.status} = 'selected'`), desc(demands.supportCount), desc(demands.id))
    .limit(BOARD_DEMANDS);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(demands).where(inPlace);

  const matchRows = await db
    .select({
      id: matches.id,
      stage: matches.stage,
      score: matches.score,
      demandId: demands.id,
      demandTitle: demands.title,
      demandLang: demands.lang,
      appId: applications.id,
      appTitle: applications.title,
      appLang: applications.lang,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      pilotSite: matches.pilotSite,
      pilotStartOn: matches.pilotStartOn,
      pilotKpis: matches.pilotKpis,
      outcome: matches.outcome,
      deployedOn: matches.deployedOn,
      declinedReason: matches.declinedReason,
      updatedAt: matches.updatedAt,
    })
    .from(matches)
    .innerJoin(demands, eq(demands.id, matches.demandId))
    .innerJoin(applications, eq(applications.id, matches.applicationId))
    .innerJoin(organizations, eq(organizations.id, matches.organizationId))
    .where(and(eq(matches.subdistrictId, place.id), matchVisibleTo(viewer, scope)))
    .orderBy(desc(matches.updatedAt), desc(matches.id))
    .limit(BOARD_MATCHES);
  const byStage: Record<MatchStage, BoardMatch[]> = { suggested: [], proposed: [], accepted: [], piloting: [], deployed: [], declined: [] };
  const perDemand = new Map<number, Partial<StageCounts>>();
  for (const r of matchRows) {
    byStage[r.stage].push({
      id: r.id,
      stage: r.stage,
      score: r.score,
      demand: { id: r.demandId, title: r.demandTitle, lang: r.demandLang },
      application: { id: r.appId, title: r.appTitle, lang: r.appLang },
      organization: { id: r.orgId, slug: r.orgSlug, nameZh: r.orgZh, nameEn: r.orgEn },
      pilotSite: r.pilotSite,
      pilotStartOn: r.pilotStartOn,
      pilotKpis: r.pilotKpis,
      outcome: r.outcome,
      deployedOn: r.deployedOn,
      declinedReason: r.declinedReason,
      updatedAt: r.updatedAt.toISOString(),
    });
    const counts = perDemand.get(r.demandId) ?? {};
    counts[r.stage] = (counts[r.stage] ?? 0) + 1;
    perDemand.set(r.demandId, counts);
  }

  const vendorRows = rowsOf<{ o: number; m: number; d: number }>(
    await db.execute(sql`select o, sum(m)::int as m, sum(d)::int as d from (${activeVendorPairs(viewer, place.id)}) x
      group by o order by sum(m) desc, sum(d) desc, o limit ${BOARD_VENDORS}`),
  );
  const orgIds = vendorRows.map((r) => Number(r.o));
  const orgRows = orgIds.length
    ? await db
        .select({ id: organizations.id, slug: organizations.slug, nameZh: organizations.nameZh, nameEn: organizations.nameEn, verified: organizations.verified })
        .from(organizations)
        .where(inArray(organizations.id, orgIds))
    : [];
  const orgOf = new Map(orgRows.map((o) => [o.id, o]));

  return {
    place: { id: place.id, slug: place.slug, nameZh: place.nameZh, nameEn: place.nameEn, kind: place.kind },
    demandSide: serves(scope, place.id),
    demands: demandRows.map((d) => ({ ...d, stages: perDemand.get(d.id) ?? {} })),
    demandTotal: Number(total),
    matches: byStage,
    vendors: vendorRows
      .filter((r) => orgOf.has(Number(r.o)))
      .map((r) => ({ ...orgOf.get(Number(r.o))!, matches: Number(r.m), deployments: Number(r.d) })),
  };
}
