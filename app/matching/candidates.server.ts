/**
 * Computed candidates: the applications that could serve a demand, ranked
 * (matchCandidates), and the demands an application could serve
 * (demandsForApplication). Both work the same way, in a fixed number of
 * queries whatever the data size (no N+1):
 *
 *   1. the item, its tags (and deployments);
 *   2. the pool: the search engine with the item's most distinctive words
 *      (any of them, text.ts) and the items sharing its scenarios or target
 *      groups (one grouped query) — at most POOL_TEXT + POOL_TAGS items;
 *   3. the pool's rows, tags, deployments, and any matches and responses
 *      already there (one query each, by id list);
 *   4. a score and reasons for each pair (score.ts), best first.
 *
 * Everything respects the one visibility rule: the engine filters by the
 * viewer, and the pool's rows are loaded through applicationVisibleTo /
 * demandVisibleTo. Drafts, withdrawn and rejected items are never candidates.
 */
import { and, desc, eq, inArray, isNotNull, not, sql } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { Domain, ItemStatus, Maturity, MatchStage, TagKind } from "../../db/enums";
import {
  applicationDeployments,
  applications,
  applicationTags,
  demands,
  demandTags,
  matches,
  organizations,
  subdistricts,
  tags,
  vendorResponses,
} from "../../db/schema";
import { PostgresSearchEngine } from "../../search/engines/postgres";
import type { SearchEngine, SearchHit, SearchViewer } from "../../search/types";
import { applicationVisibleTo, demandVisibleTo, type Viewer } from "../visibility/visibility.server";

import { blendText, byScore, scorePair, textValue, type PairSignals, type Reason, type ReasonLabels } from "./score";
import { proposerScope, PUBLIC_STAGES, serves, speaksFor, type Scope } from "./scope.server";
import { coverage, similarityQuery, weightedWords, type QueryWord, type WeightedText } from "./text";
import { COVERAGE_WORDS, DEFAULT_LIMIT, MAX_LIMIT, POOL_TAGS, POOL_TEXT, TAG_NAMES_WEIGHT } from "./weights";

/** Statuses that are never matched: not yet submitted, or out of the running. */
export const CLOSED_STATUSES: ItemStatus[] = ["draft", "withdrawn", "rejected"];

export type TagLabel = { id: number; kind: TagKind; slug: string; nameZh: string; nameEn: string };
export type Place = { id: number; slug: string; nameZh: string; nameEn: string };

export type MatchOptions = {
  limit?: number;
  /** The configured engine (routes pass `await searchEngine()`); PostgreSQL full-text search on `db` otherwise. */
  engine?: SearchEngine;
  /** Ids always scored, even when neither search brings them in (e.g. a pair being proposed). */
  include?: number[];
};

export type MatchState = { id: number; stage: MatchStage } | null;

export type Candidate = {
  id: number;
  title: string;
  summary: string;
  lang: string;
  domain: Domain;
  maturity: Maturity;
  status: ItemStatus;
  organization: { id: number; slug: string; nameZh: string; nameEn: string; verified: boolean };
  score: number;
  /** The text signal's value (0..1), kept for ordering ties. */
  textValue: number;
  reasons: Reason[];
  /** The pair's match, when there is one the viewer may see. */
  match: MatchState;
  /** The vendor answered the demand with this application. */
  responded: boolean;
};

export type DemandCandidate = {
  id: number;
  title: string;
  lang: string;
  domain: Domain;
  status: ItemStatus;
  supportCount: number;
  subdistrict: Place;
  score: number;
  textValue: number;
  reasons: Reason[];
  match: MatchState;
  responded: boolean;
};

export type DemandForMatching = {
  id: number;
  title: string;
  description: string;
  lang: string;
  domain: Domain;
  status: ItemStatus;
  supportCount: number;
  subdistrict: Place;
  tags: TagLabel[];
};

export type ApplicationForMatching = {
  id: number;
  title: string;
  summary: string;
  description: string;
  lang: string;
  domain: Domain;
  maturity: Maturity;
  status: ItemStatus;
  organization: { id: number; slug: string; nameZh: string; nameEn: string; verified: boolean };
  tags: TagLabel[];
  deployedIn: string[];
};

const clampLimit = (limit: number | undefined) => Math.min(Math.max(Math.trunc(limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);

export function searchViewerFor(viewer: Viewer): SearchViewer {
  return viewer ? { id: viewer.id, official: viewer.roles.includes("official"), organizationIds: [...viewer.organizationIds] } : null;
}

function slugsOf(list: TagLabel[] | undefined, kind: TagKind): string[] {
  return (list ?? []).filter((t) => t.kind === kind).map((t) => t.slug);
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Tags of many demands or applications, in one query. */
async function tagsOf(db: Database, of: "demand" | "application", ids: number[]): Promise<Map<number, TagLabel[]>> {
  if (ids.length === 0) return new Map();
  const link = of === "demand" ? demandTags : applicationTags;
  const owner = of === "demand" ? demandTags.demandId : applicationTags.applicationId;
  const rows = await db
    .select({ ownerId: owner, id: tags.id, kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
    .from(link)
    .innerJoin(tags, eq(tags.id, link.tagId))
    .where(inArray(owner, ids));
  const map = new Map<number, TagLabel[]>();
  for (const [id, list] of groupBy(rows, (r) => r.ownerId)) {
    map.set(id, list.map(({ id: tagId, kind, slug, nameZh, nameEn }) => ({ id: tagId, kind, slug, nameZh, nameEn })));
  }
  return map;
}

/** The Putuo subdistricts (slugs) each application already runs in, in one query. */
async function deploymentsOf(db: Database, ids: number[]): Promise<Map<number, string[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ appId: applicationDeployments.applicationId, slug: subdistricts.slug })
    .from(applicationDeployments)
    .innerJoin(subdistricts, eq(subdistricts.id, applicationDeployments.subdistrictId))
    .where(and(inArray(applicationDeployments.applicationId, ids), isNotNull(applicationDeployments.subdistrictId)));
  const map = new Map<number, string[]>();
  for (const [id, list] of groupBy(rows, (r) => r.appId)) map.set(id, [...new Set(list.map((r) => r.slug))]);
  return map;
}

/** Words the engine highlighted in a hit: what the two texts share. */
function sharedWords(hit: SearchHit): string[] {
  const words = [...hit.titleHighlight, ...hit.snippet].filter((p) => p.hit).map((p) => p.text.trim().toLowerCase());
  return [...new Set(words.filter((w) => w.length > 0))].slice(0, 5);
}

type TextMatch = { score: number; words: string[] };

async function textMatches(
  engine: SearchEngine,
  type: "demand" | "application",
  texts: WeightedText[],
  viewer: Viewer,
): Promise<Map<number, TextMatch>> {
  const q = similarityQuery(texts);
  const out = new Map<number, TextMatch>();
  if (!q) return out;
  const result = await engine.search(
    { q, filters: { type }, sort: "relevance", page: 1, perPage: POOL_TEXT, prefix: false, anyOf: true },
    searchViewerFor(viewer),
  );
  for (const hit of result.hits) if (hit.type === type) out.set(hit.id, { score: hit.score, words: sharedWords(hit) });
  return out;
}

/** A demand's texts for the similarity query: title first, the tags' names in both languages (a bridge between languages), the description. */
function demandTexts(d: { title: string; description: string }, tagList: TagLabel[], withTags = true): WeightedText[] {
  const named = tagList.filter((t) => t.kind !== "technology");
  return [
    { text: d.title, weight: 3 },
    { text: withTags ? named.map((t) => `${t.nameZh} ${t.nameEn}`).join("。") : "", weight: TAG_NAMES_WEIGHT },
    { text: d.description, weight: 1 },
  ];
}

function applicationTexts(a: { title: string; summary: string; description: string }, tagList: TagLabel[], withTags = true): WeightedText[] {
  const named = tagList.filter((t) => t.kind !== "technology");
  return [
    { text: a.title, weight: 3 },
    { text: a.summary, weight: 2 },
    { text: withTags ? named.map((t) => `${t.nameZh} ${t.nameEn}`).join("。") : "", weight: TAG_NAMES_WEIGHT },
    { text: a.description, weight: 1 },
  ];
}

/**
 * The text signal of every row: the engine's relevance (relative to the best
 * row) blended with how much of the item's telling words each row covers
 * (relative to the best coverage; rarity among the rows), and the words
 * behind it.
 */
function textSignals(
  engineScores: Map<number, TextMatch>,
  words: QueryWord[],
  rows: { id: number; title: string; body: string }[],
): Map<number, { value: number; words: string[] }> {
  const covered = coverage(words, rows);
  const bestEngine = Math.max(0, ...rows.map((r) => engineScores.get(r.id)?.score ?? 0));
  const bestCoverage = Math.max(0, ...[...covered.values()].map((c) => c.value));
  const out = new Map<number, { value: number; words: string[] }>();
  for (const r of rows) {
    const e = engineScores.get(r.id);
    const c = covered.get(r.id);
    const value = blendText(e ? textValue(e.score, bestEngine) : 0, c && bestCoverage > 0 ? c.value / bestCoverage : 0);
    out.set(r.id, { value, words: c?.words.length ? c.words : (e?.words ?? []) });
  }
  return out;
}

/** The match state of a pair as the viewer may see it. */
function visibleState(viewer: Viewer, scope: Scope, row: { id: number; stage: MatchStage; subdistrictId: number; organizationId: number } | undefined): MatchState {
  if (!row) return null;
  // Both items of the pair are visible here (they were loaded through the rule).
  const open = PUBLIC_STAGES.includes(row.stage) || serves(scope, row.subdistrictId) || speaksFor(viewer, row.organizationId);
  return open ? { id: row.id, stage: row.stage } : null;
}

// ─── A demand and the applications that could serve it ───────────────────────

export async function demandForMatching(db: Database, viewer: Viewer, demandId: number): Promise<DemandForMatching | null> {
  const [row] = await db
    .select({
      id: demands.id,
      title: demands.title,
      description: demands.description,
      lang: demands.lang,
      domain: demands.domain,
      status: demands.status,
      supportCount: demands.supportCount,
      placeId: subdistricts.id,
      placeSlug: subdistricts.slug,
      placeZh: subdistricts.nameZh,
      placeEn: subdistricts.nameEn,
    })
    .from(demands)
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .where(and(eq(demands.id, demandId), demandVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const tagList = (await tagsOf(db, "demand", [row.id])).get(row.id) ?? [];
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    lang: row.lang,
    domain: row.domain,
    status: row.status,
    supportCount: row.supportCount,
    subdistrict: { id: row.placeId, slug: row.placeSlug, nameZh: row.placeZh, nameEn: row.placeEn },
    tags: tagList,
  };
}

/** Every visible, live application scored against the demand (pool only), best first. */
export async function rankApplications(
  db: Database,
  viewer: Viewer,
  demand: DemandForMatching,
  opts: Omit<MatchOptions, "limit"> = {},
): Promise<Candidate[]> {
  const engine = opts.engine ?? new PostgresSearchEngine(db);
  const poolTagIds = demand.tags.filter((t) => t.kind !== "technology");
  const [text, tagPool] = await Promise.all([
    textMatches(engine, "application", demandTexts(demand, demand.tags), viewer),
    poolTagIds.length
      ? db
          .select({ id: applications.id })
          .from(applicationTags)
          .innerJoin(applications, eq(applications.id, applicationTags.applicationId))
          .where(
            and(
              inArray(applicationTags.tagId, poolTagIds.map((t) => t.id)),
              applicationVisibleTo(viewer),
              not(inArray(applications.status, CLOSED_STATUSES)),
            ),
          )
          .groupBy(applications.id)
          .orderBy(desc(sql`count(*)`), desc(sql`max(case when ${applications.status} = 'selected' then 1 else 0 end)`), desc(applications.id))
          .limit(POOL_TAGS)
      : Promise.resolve([] as { id: number }[]),
  ]);
  // Vendors' answers are always scored beside the computed candidates.
  const responded = await db.select({ id: vendorResponses.applicationId }).from(vendorResponses).where(eq(vendorResponses.demandId, demand.id));
  const pool = [...new Set([...text.keys(), ...tagPool.map((r) => r.id), ...responded.map((r) => r.id), ...(opts.include ?? [])])];
  if (pool.length === 0) return [];

  const rows = await db
    .select({
      id: applications.id,
      title: applications.title,
      summary: applications.summary,
      description: applications.description,
      lang: applications.lang,
      domain: applications.domain,
      maturity: applications.maturity,
      status: applications.status,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      orgVerified: organizations.verified,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(inArray(applications.id, pool), applicationVisibleTo(viewer), not(inArray(applications.status, CLOSED_STATUSES))));
  const ids = rows.map((r) => r.id);
  const [appTags, deployed, matchRows, responseRows, scope] = await Promise.all([
    tagsOf(db, "application", ids),
    deploymentsOf(db, ids),
    ids.length
      ? db
          .select({ id: matches.id, applicationId: matches.applicationId, stage: matches.stage, subdistrictId: matches.subdistrictId, organizationId: matches.organizationId })
          .from(matches)
          .where(and(eq(matches.demandId, demand.id), inArray(matches.applicationId, ids)))
      : Promise.resolve([]),
    ids.length
      ? db
          .select({ applicationId: vendorResponses.applicationId, organizationId: vendorResponses.organizationId })
          .from(vendorResponses)
          .where(and(eq(vendorResponses.demandId, demand.id), inArray(vendorResponses.applicationId, ids)))
      : Promise.resolve([]),
    proposerScope(db, viewer),
  ]);
  const matchOf = new Map(matchRows.map((m) => [m.applicationId, m]));
  const answered = new Set(
    responseRows.filter((r) => serves(scope, demand.subdistrict.id) || speaksFor(viewer, r.organizationId)).map((r) => r.applicationId),
  );
  const texts = textSignals(
    text,
    weightedWords(demandTexts(demand, demand.tags, false), COVERAGE_WORDS),
    rows.map((r) => ({ id: r.id, title: r.title, body: `${r.summary}\n${r.description}` })),
  );

  const candidates = rows.map((r): Candidate => {
    const t = texts.get(r.id);
    const mine = appTags.get(r.id);
    const signals: PairSignals = {
      text: t?.value ?? 0,
      words: t?.words ?? [],
      demandScenarios: slugsOf(demand.tags, "scenario"),
      appScenarios: slugsOf(mine, "scenario"),
      demandTargets: slugsOf(demand.tags, "target_group"),
      appTargets: slugsOf(mine, "target_group"),
      demandTechs: slugsOf(demand.tags, "technology"),
      appTechs: slugsOf(mine, "technology"),
      demandDomain: demand.domain,
      appDomain: r.domain,
      demandPlace: demand.subdistrict.slug,
      deployedIn: deployed.get(r.id) ?? [],
      status: r.status,
      maturity: r.maturity,
    };
    const scored = scorePair(signals);
    return {
      id: r.id,
      title: r.title,
      summary: r.summary,
      lang: r.lang,
      domain: r.domain,
      maturity: r.maturity,
      status: r.status,
      organization: { id: r.orgId, slug: r.orgSlug, nameZh: r.orgZh, nameEn: r.orgEn, verified: r.orgVerified },
      score: scored.score,
      textValue: scored.values.text,
      reasons: scored.reasons,
      match: visibleState(viewer, scope, matchOf.get(r.id)),
      responded: answered.has(r.id),
    };
  });
  return candidates.sort(byScore);
}

/**
 * The applications that could serve a demand, best first, with score and
 * reasons; null when the demand does not exist or the viewer may not see it.
 */
export async function matchCandidates(
  db: Database,
  viewer: Viewer,
  demandId: number,
  opts: MatchOptions = {},
): Promise<{ demand: DemandForMatching; candidates: Candidate[] } | null> {
  const demand = await demandForMatching(db, viewer, demandId);
  if (!demand) return null;
  const ranked = await rankApplications(db, viewer, demand, opts);
  return { demand, candidates: ranked.slice(0, clampLimit(opts.limit)) };
}

// ─── An application and the demands it could serve ───────────────────────────

export async function applicationForMatching(db: Database, viewer: Viewer, applicationId: number): Promise<ApplicationForMatching | null> {
  const [row] = await db
    .select({
      id: applications.id,
      title: applications.title,
      summary: applications.summary,
      description: applications.description,
      lang: applications.lang,
      domain: applications.domain,
      maturity: applications.maturity,
      status: applications.status,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      orgVerified: organizations.verified,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(applications.id, applicationId), applicationVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const [tagMap, deployed] = await Promise.all([tagsOf(db, "application", [row.id]), deploymentsOf(db, [row.id])]);
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    description: row.description,
    lang: row.lang,
    domain: row.domain,
    maturity: row.maturity,
    status: row.status,
    organization: { id: row.orgId, slug: row.orgSlug, nameZh: row.orgZh, nameEn: row.orgEn, verified: row.orgVerified },
    tags: tagMap.get(row.id) ?? [],
    deployedIn: deployed.get(row.id) ?? [],
  };
}

/**
 * The demands an application could serve, best first (the same signals and
 * weights as matchCandidates, seen from the other side); null when the
 * application does not exist or the viewer may not see it.
 */
export async function demandsForApplication(
  db: Database,
  viewer: Viewer,
  applicationId: number,
  opts: MatchOptions = {},
): Promise<{ application: ApplicationForMatching; candidates: DemandCandidate[] } | null> {
  const app = await applicationForMatching(db, viewer, applicationId);
  if (!app) return null;
  const engine = opts.engine ?? new PostgresSearchEngine(db);
  const poolTagIds = app.tags.filter((t) => t.kind !== "technology");
  const [text, tagPool] = await Promise.all([
    textMatches(engine, "demand", applicationTexts(app, app.tags), viewer),
    poolTagIds.length
      ? db
          .select({ id: demands.id })
          .from(demandTags)
          .innerJoin(demands, eq(demands.id, demandTags.demandId))
          .where(
            and(
              inArray(demandTags.tagId, poolTagIds.map((t) => t.id)),
              demandVisibleTo(viewer),
              not(inArray(demands.status, CLOSED_STATUSES)),
            ),
          )
          .groupBy(demands.id)
          .orderBy(desc(sql`count(*)`), desc(sql`max(case when ${demands.status} = 'selected' then 1 else 0 end)`), desc(demands.id))
          .limit(POOL_TAGS)
      : Promise.resolve([] as { id: number }[]),
  ]);
  const pool = [...new Set([...text.keys(), ...tagPool.map((r) => r.id), ...(opts.include ?? [])])];
  if (pool.length === 0) return { application: app, candidates: [] };

  const rows = await db
    .select({
      id: demands.id,
      title: demands.title,
      description: demands.description,
      lang: demands.lang,
      domain: demands.domain,
      status: demands.status,
      supportCount: demands.supportCount,
      placeId: subdistricts.id,
      placeSlug: subdistricts.slug,
      placeZh: subdistricts.nameZh,
      placeEn: subdistricts.nameEn,
    })
    .from(demands)
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .where(and(inArray(demands.id, pool), demandVisibleTo(viewer), not(inArray(demands.status, CLOSED_STATUSES))));
  const ids = rows.map((r) => r.id);
  const [demandTagMap, matchRows, responseRows, scope] = await Promise.all([
    tagsOf(db, "demand", ids),
    ids.length
      ? db
          .select({ id: matches.id, demandId: matches.demandId, stage: matches.stage, subdistrictId: matches.subdistrictId, organizationId: matches.organizationId })
          .from(matches)
          .where(and(eq(matches.applicationId, app.id), inArray(matches.demandId, ids)))
      : Promise.resolve([]),
    ids.length
      ? db
          .select({ demandId: vendorResponses.demandId })
          .from(vendorResponses)
          .where(and(eq(vendorResponses.applicationId, app.id), inArray(vendorResponses.demandId, ids)))
      : Promise.resolve([]),
    proposerScope(db, viewer),
  ]);
  const matchOf = new Map(matchRows.map((m) => [m.demandId, m]));
  const placeOf = new Map(rows.map((r) => [r.id, r.placeId]));
  const responded = new Set(
    responseRows
      .filter((r) => serves(scope, placeOf.get(r.demandId)!) || speaksFor(viewer, app.organization.id))
      .map((r) => r.demandId),
  );
  const texts = textSignals(
    text,
    weightedWords(applicationTexts(app, app.tags, false), COVERAGE_WORDS),
    rows.map((r) => ({ id: r.id, title: r.title, body: r.description })),
  );
  const candidates = rows.map((r): DemandCandidate => {
    const t = texts.get(r.id);
    const theirs = demandTagMap.get(r.id);
    const scored = scorePair({
      text: t?.value ?? 0,
      words: t?.words ?? [],
      demandScenarios: slugsOf(theirs, "scenario"),
      appScenarios: slugsOf(app.tags, "scenario"),
      demandTargets: slugsOf(theirs, "target_group"),
      appTargets: slugsOf(app.tags, "target_group"),
      demandTechs: slugsOf(theirs, "technology"),
      appTechs: slugsOf(app.tags, "technology"),
      demandDomain: r.domain,
      appDomain: app.domain,
      demandPlace: r.placeSlug,
      deployedIn: app.deployedIn,
      status: app.status,
      maturity: app.maturity,
    });
    return {
      id: r.id,
      title: r.title,
      lang: r.lang,
      domain: r.domain,
      status: r.status,
      supportCount: r.supportCount,
      subdistrict: { id: r.placeId, slug: r.placeSlug, nameZh: r.placeZh, nameEn: r.placeEn },
      score: scored.score,
      textValue: scored.values.text,
      reasons: scored.reasons,
      match: visibleState(viewer, scope, matchOf.get(r.id)),
      responded: responded.has(r.id),
    };
  });
  candidates.sort(byScore);
  return { application: app, candidates: candidates.slice(0, clampLimit(opts.limit)) };
}

// ─── Labels for rendering reasons ────────────────────────────────────────────

/** The names reasons refer to (tags and subdistricts: small tables), for the UI. */
export async function reasonLabels(db: Database): Promise<ReasonLabels> {
  const [tagRows, placeRows] = await Promise.all([
    db.select({ kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn }).from(tags),
    db.select({ slug: subdistricts.slug, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn }).from(subdistricts),
  ]);
  return {
    tags: Object.fromEntries(tagRows.map((t) => [`${t.kind}:${t.slug}`, { zh: t.nameZh, en: t.nameEn }])),
    places: Object.fromEntries(placeRows.map((p) => [p.slug, { zh: p.nameZh, en: p.nameEn }])),
  };
}
