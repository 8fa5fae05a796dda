/**
 * What the matching pages show, per viewer: a demand's candidates, responses
 * and matches (for its side), a vendor's respond form and own responses; one
 * match with its pipeline, history and the moves open to the viewer.
 */
import { and, desc, eq } from "drizzle-orm";

import { timelinesFor, type TimelineEntry } from "../audit/timeline.server";
import type { Database } from "../../db/client";
import type { CostBand, Domain, ItemStatus, Maturity, MatchStage } from "../../db/enums";
import { applications, demands, matches, organizations, subdistricts, users, vendorResponses } from "../../db/schema";
import type { Viewer } from "../visibility/visibility.server";

import { CLOSED_STATUSES, demandForMatching, rankApplications, type Candidate, type DemandForMatching, type MatchOptions } from "./candidates.server";
import { MOVES, MOVE_SIDES } from "./pipeline.server";
import { respondableApplications, responsesForDemand, type VendorResponse } from "./responses.server";
import type { Reason } from "./score";
import { matchVisibleTo, proposerScope, serves, speaksFor, type Scope } from "./scope.server";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./weights";

export type MatchSummary = {
  id: number;
  stage: MatchStage;
  version: number;
  score: number | null;
  application: { id: number; title: string; lang: string };
  organization: { id: number; slug: string; nameZh: string; nameEn: string };
  updatedAt: string;
};

/** The matches of one demand the viewer may see, newest move first. */
export async function matchesOfDemand(db: Database, viewer: Viewer, scope: Scope, demandId: number): Promise<MatchSummary[]> {
  const rows = await db
    .select({
      id: matches.id,
      stage: matches.stage,
      version: matches.version,
      score: matches.score,
      appId: applications.id,
      appTitle: applications.title,
      appLang: applications.lang,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      updatedAt: matches.updatedAt,
    })
    .from(matches)
    .innerJoin(demands, eq(demands.id, matches.demandId))
    .innerJoin(applications, eq(applications.id, matches.applicationId))
    .innerJoin(organizations, eq(organizations.id, matches.organizationId))
    .where(and(eq(matches.demandId, demandId), matchVisibleTo(viewer, scope)))
    .orderBy(desc(matches.updatedAt), desc(matches.id));
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    version: r.version,
    score: r.score,
    application: { id: r.appId, title: r.appTitle, lang: r.appLang },
    organization: { id: r.orgId, slug: r.orgSlug, nameZh: r.orgZh, nameEn: r.orgEn },
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export type DemandMatchesPage = {
  demand: DemandForMatching;
  /** The viewer is on the demand's side: sees candidates and every response, may propose. */
  demandSide: boolean;
  /** The viewer speaks for a vendor: may respond. */
  vendor: boolean;
  /** The demand still takes responses and proposals (not withdrawn or rejected). */
  open: boolean;
  candidates: Candidate[];
  responses: VendorResponse[];
  matches: MatchSummary[];
};

/**
 * The page of a demand's matching: null when the demand is not visible. The
 * demand's side gets candidates, all responses and the matches; a vendor its
 * own responses and matches; anyone else only what is public.
 */
export async function demandMatchesPage(
  db: Database,
  viewer: Viewer,
  demandId: number,
  opts: MatchOptions = {},
): Promise<DemandMatchesPage | null> {
  const demand = await demandForMatching(db, viewer, demandId);
  if (!demand) return null;
  const scope = await proposerScope(db, viewer);
  const demandSide = serves(scope, demand.subdistrict.id);
  const vendor = !!viewer && viewer.organizationIds.length > 0 && viewer.roles.includes("firm_member");
  const limit = Math.min(Math.max(opts.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const candidates = demandSide ? (await rankApplications(db, viewer, demand, opts)).slice(0, limit) : [];
  const responses = viewer ? await responsesForDemand(db, viewer, demand.id) : [];
  return {
    demand,
    demandSide,
    vendor,
    open: !CLOSED_STATUSES.includes(demand.status),
    candidates,
    responses,
    matches: await matchesOfDemand(db, viewer, scope, demand.id),
  };
}

/** The respond page: the demand, the firm's applications that can answer, the firm's responses so far. */
export async function respondPage(db: Database, viewer: NonNullable<Viewer>, demandId: number) {
  const demand = await demandForMatching(db, viewer, demandId);
  if (!demand || CLOSED_STATUSES.includes(demand.status)) return null;
  const options = await respondableApplications(db, viewer);
  const responses = (await responsesForDemand(db, viewer, demandId)).filter((r) => viewer.organizationIds.includes(r.organization.id));
  return { demand, options, responses };
}

export type MatchDetail = {
  id: number;
  stage: MatchStage;
  version: number;
  score: number | null;
  reasons: Reason[];
  pilotSite: string | null;
  pilotStartOn: string | null;
  pilotKpis: string | null;
  outcome: string | null;
  deployedOn: string | null;
  declinedReason: string | null;
  createdAt: string;
  updatedAt: string;
  proposedByName: string | null;
  demand: { id: number; title: string; lang: string; domain: Domain; status: ItemStatus };
  subdistrict: { id: number; slug: string; nameZh: string; nameEn: string };
  application: { id: number; title: string; summary: string; lang: string; status: ItemStatus; maturity: Maturity };
  organization: { id: number; slug: string; nameZh: string; nameEn: string; verified: boolean };
  response: { approach: string; timeline: string; costBand: CostBand | null; updatedAt: string } | null;
  timeline: TimelineEntry[];
  /** What the viewer may do now. */
  can: { accept: boolean; decline: boolean; startPilot: boolean; recordDeployment: boolean };
  /** The viewer's side. */
  side: { vendor: boolean; demand: boolean };
};

/** One match as the viewer may see it, or null (not there, or not for them). */
export async function matchDetail(db: Database, viewer: Viewer, matchId: number): Promise<MatchDetail | null> {
  const scope = await proposerScope(db, viewer);
  const [row] = await db
    .select({
      m: matches,
      demandTitle: demands.title,
      demandLang: demands.lang,
      demandDomain: demands.domain,
      demandStatus: demands.status,
      placeSlug: subdistricts.slug,
      placeZh: subdistricts.nameZh,
      placeEn: subdistricts.nameEn,
      appTitle: applications.title,
      appSummary: applications.summary,
      appLang: applications.lang,
      appStatus: applications.status,
      appMaturity: applications.maturity,
      orgSlug: organizations.slug,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      orgVerified: organizations.verified,
      proposedByName: users.displayName,
    })
    .from(matches)
    .innerJoin(demands, eq(demands.id, matches.demandId))
    .innerJoin(applications, eq(applications.id, matches.applicationId))
    .innerJoin(organizations, eq(organizations.id, matches.organizationId))
    .innerJoin(subdistricts, eq(subdistricts.id, matches.subdistrictId))
    .leftJoin(users, eq(users.id, matches.proposedById))
    .where(and(eq(matches.id, matchId), matchVisibleTo(viewer, scope)))
    .limit(1);
  if (!row) return null;
  const m = row.m;
  const vendor = speaksFor(viewer, m.organizationId);
  const demandSide = serves(scope, m.subdistrictId);
  const [response] = m.responseId
    ? await db
        .select({ approach: vendorResponses.approach, timeline: vendorResponses.timeline, costBand: vendorResponses.costBand, updatedAt: vendorResponses.updatedAt })
        .from(vendorResponses)
        .where(eq(vendorResponses.id, m.responseId))
    : [];
  const timeline = (await timelinesFor(db, "match", [m.id])).get(m.id) ?? [];
  const may = (name: keyof typeof MOVES) => {
    const side = MOVE_SIDES[name];
    const who = side === "vendor" ? vendor : side === "demand" ? demandSide : vendor || demandSide;
    return who && MOVES[name].from.includes(m.stage);
  };
  return {
    id: m.id,
    stage: m.stage,
    version: m.version,
    score: m.score,
    reasons: (m.reasons ?? []) as Reason[],
    pilotSite: m.pilotSite,
    pilotStartOn: m.pilotStartOn,
    pilotKpis: m.pilotKpis,
    outcome: m.outcome,
    deployedOn: m.deployedOn,
    declinedReason: m.declinedReason,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    proposedByName: row.proposedByName,
    demand: { id: m.demandId, title: row.demandTitle, lang: row.demandLang, domain: row.demandDomain, status: row.demandStatus },
    subdistrict: { id: m.subdistrictId, slug: row.placeSlug, nameZh: row.placeZh, nameEn: row.placeEn },
    application: { id: m.applicationId, title: row.appTitle, summary: row.appSummary, lang: row.appLang, status: row.appStatus, maturity: row.appMaturity },
    organization: { id: m.organizationId, slug: row.orgSlug, nameZh: row.orgZh, nameEn: row.orgEn, verified: row.orgVerified },
    response: response && (vendor || demandSide) ? { ...response, updatedAt: response.updatedAt.toISOString() } : null,
    // The history names people: for the two sides only.
    timeline: vendor || demandSide ? timeline : [],
    can: { accept: may("accept"), decline: may("decline"), startPilot: may("startPilot"), recordDeployment: may("recordDeployment") },
    side: { vendor, demand: demandSide },
  };
}
