/**
 * The API's read side of matches: a filtered page of the matches the caller
 * may see, newest change first. The rule is app/matching/scope.server.ts
 * (`matchVisibleTo`): the public sees confirmed matches (accepted, piloting,
 * deployed) between a demand and an application it may see; suggested,
 * proposed and declined ones only the demand's side and the vendor's members.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { MatchStage } from "../../db/enums";
import { applications, demands, matches, organizations, subdistricts } from "../../db/schema";
import { matchVisibleTo, proposerScope } from "~/matching/scope.server";
import type { Viewer } from "~/visibility/visibility.server";

import { offsetOf, pastTheEnd, type Paging } from "./params.server";
import { applicationLinks, demandLinks, organizationRef } from "./refs.server";

export type MatchFilters = { subdistrict?: string; stage?: MatchStage; organization?: string; demand?: number; application?: number };

export async function matchPage(db: Database, viewer: Viewer, filters: MatchFilters, paging: Paging) {
  const scope = await proposerScope(db, viewer);
  const conditions: SQL[] = [matchVisibleTo(viewer, scope)];
  if (filters.subdistrict) conditions.push(eq(subdistricts.slug, filters.subdistrict));
  if (filters.stage) conditions.push(eq(matches.stage, filters.stage));
  if (filters.organization) conditions.push(eq(organizations.slug, filters.organization));
  if (filters.demand) conditions.push(eq(matches.demandId, filters.demand));
  if (filters.application) conditions.push(eq(matches.applicationId, filters.application));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(matches)
    .innerJoin(demands, eq(demands.id, matches.demandId))
    .innerJoin(applications, eq(applications.id, matches.applicationId))
    .innerJoin(organizations, eq(organizations.id, matches.organizationId))
    .innerJoin(subdistricts, eq(subdistricts.id, matches.subdistrictId))
    .where(where);
  if (pastTheEnd(paging, Number(total))) return { total: Number(total), rows: [] };
  const rows = await db
    .select({
      id: matches.id,
      stage: matches.stage,
      score: matches.score,
      demand: { id: demands.id, title: demands.title, lang: demands.lang },
      application: { id: applications.id, title: applications.title, lang: applications.lang },
      organization: { slug: organizations.slug, nameZh: organizations.nameZh, nameEn: organizations.nameEn, verified: organizations.verified },
      subdistrict: { slug: subdistricts.slug, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn },
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
    .innerJoin(subdistricts, eq(subdistricts.id, matches.subdistrictId))
    .where(where)
    .orderBy(desc(matches.updatedAt), desc(matches.id))
    .limit(paging.perPage)
    .offset(offsetOf(paging));
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id,
      stage: r.stage,
      score: r.score,
      demand: { id: r.demand.id, title: r.demand.title, lang: r.demand.lang as "zh-CN" | "en", ...demandLinks(r.demand.id) },
      application: { id: r.application.id, title: r.application.title, lang: r.application.lang as "zh-CN" | "en", ...applicationLinks(r.application.id) },
      organization: organizationRef(r.organization),
      subdistrict: r.subdistrict,
      pilot: r.pilotSite || r.pilotStartOn || r.pilotKpis ? { site: r.pilotSite, startOn: r.pilotStartOn, kpis: r.pilotKpis } : null,
      outcome: r.outcome,
      deployedOn: r.deployedOn,
      declinedReason: r.stage === "declined" ? r.declinedReason : null,
      updatedAt: r.updatedAt.toISOString(),
      url: `/matches/${r.id}`,
    })),
  };
}
