/**
 * The default engine: PostgreSQL full-text search over `search_documents`,
 * on PostgreSQL and PGlite alike. Our tokens (tokenizer.ts) go into a
 * `simple`-configuration tsvector with weights — A title, B summary, C body,
 * D tags, vendor and subdistrict — under a GIN index; ranking is
 * ts_rank_cd (cover density, so contiguous matches rank higher). Typos are
 * caught by pg_trgm over the Latin vocabulary ("did you mean").
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import { rowsOf } from "../../db/client";
import { searchDocuments, searchTerms } from "../../db/schema";
import type { SearchEntityType } from "../../db/enums";
import { highlight, needlesOf, snippet } from "../highlight";
import { parseQuery, toTsquery, type QueryGroup } from "../query";
import { indexText, latinWords } from "../tokenizer";
import type { Facets, FacetName, SearchDocument, SearchEngine, SearchRequest, SearchResult, SearchViewer } from "../types";

/** Weights for D, C, B, A (PostgreSQL's order). */
const RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";
const FACET_LIMIT = 20;
/** anyOf: the most matches a "more like this" query should span (see withoutFrequent). */
export const ANY_OF_MATCH_BUDGET = 2000;

export function visibilityCondition(viewer: SearchViewer): SQL {
  if (!viewer) return sql`${searchDocuments.isPublic}`;
  if (viewer.official) return sql`true`;
  const orgs = viewer.organizationIds.length
    ? sql`OR ${searchDocuments.memberOrganizationId} = ANY(${sql.raw(`ARRAY[${viewer.organizationIds.map(Number).join(",")}]::int[]`)})`
    : sql``;
  return sql`(${searchDocuments.isPublic} OR ${searchDocuments.authorId} = ${viewer.id} OR ${viewer.id} = ANY(${searchDocuments.reviewerIds}) ${orgs})`;
}

export function filterConditions(filters: SearchRequest["filters"]): SQL[] {
  const out: SQL[] = [];
  if (filters.type) out.push(eq(searchDocuments.entityType, filters.type));
  if (filters.domain) out.push(eq(searchDocuments.domain, filters.domain));
  if (filters.status) out.push(eq(searchDocuments.status, filters.status));
  if (filters.organization) out.push(eq(searchDocuments.organizationId, filters.organization));
  if (filters.campaign) out.push(eq(searchDocuments.campaignId, filters.campaign));
  if (filters.subdistrict) out.push(sql`${searchDocuments.subdistrictIds} @> ARRAY[${filters.subdistrict}]::int[]`);
  if (filters.technology) out.push(sql`${searchDocuments.technologyIds} @> ARRAY[${filters.technology}]::int[]`);
  return out;
}

function emptyFacets(): Facets {
  return { type: [], domain: [], subdistrict: [], status: [], technology: [], organization: [], campaign: [] };
}

/**
 * The bare SQL of a search (for the benchmark's floor and EXPLAIN). `cover`
 * ranks by cover density (ts_rank_cd: contiguous matches first), `frequency`
 * by how often and where the words occur (ts_rank): for `anyOf` queries,
 * whose many words rarely stand together, and several times cheaper when
 * thousands of documents match some word.
 */
export function searchSql(
  tsquery: string | null,
  where: SQL,
  sort: SearchRequest["sort"],
  limit: number,
  offset: number,
  ranking: "cover" | "frequency" = "cover",
): SQL {
  const rankFn = sql.raw(ranking === "frequency" ? "ts_rank" : "ts_rank_cd");
  const rank = tsquery
    ? sql`${rankFn}(${sql.raw(`'${RANK_WEIGHTS}'`)}::float4[], ${searchDocuments.tsv}, to_tsquery('simple', ${tsquery}))`
    : sql`0::float4`;
  const order =
    sort === "newest"
      ? sql`${searchDocuments.sortDate} DESC NULLS LAST, ${searchDocuments.entityId} DESC`
      : sort === "support"
        ? sql`${searchDocuments.supportCount} DESC, ${searchDocuments.sortDate} DESC NULLS LAST`
        : tsquery
          ? sql`score DESC, ${searchDocuments.sortDate} DESC NULLS LAST`
          : sql`${searchDocuments.sortDate} DESC NULLS LAST, ${searchDocuments.entityId} DESC`;
  return sql`SELECT ${searchDocuments.entityType} AS type, ${searchDocuments.entityId} AS id,
      ${searchDocuments.title} AS title, ${searchDocuments.body} AS body, ${rank} AS score,
      count(*) OVER ()::int AS total
    FROM ${searchDocuments}
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit} OFFSET ${offset}`;
}

export function whereFor(tsquery: string | null, request: SearchRequest, viewer: SearchViewer): SQL {
  const conditions = [visibilityCondition(viewer), ...filterConditions(request.filters)];
  if (tsquery) conditions.push(sql`${searchDocuments.tsv} @@ to_tsquery('simple', ${tsquery})`);
  return and(...conditions)!;
}

export class PostgresSearchEngine implements SearchEngine {
  readonly kind = "postgres" as const;

  constructor(private readonly db: Database) {}

  async upsert(documents: SearchDocument[]) {
    if (documents.length === 0) return;
    for (let i = 0; i < documents.length; i += 500) {
      const batch = documents.slice(i, i + 500);
      await this.db
        .insert(searchDocuments)
        .values(batch.map((d) => this.row(d)))
        .onConflictDoUpdate({
          target: [searchDocuments.entityType, searchDocuments.entityId],
          set: {
            title: sql`excluded.title`,
            body: sql`excluded.body`,
            lang: sql`excluded.lang`,
            domain: sql`excluded.domain`,
            status: sql`excluded.status`,
            subdistrictIds: sql`excluded.subdistrict_ids`,
            technologyIds: sql`excluded.technology_ids`,
            organizationId: sql`excluded.organization_id`,
            campaignId: sql`excluded.campaign_id`,
            isPublic: sql`excluded.is_public`,
            authorId: sql`excluded.author_id`,
            memberOrganizationId: sql`excluded.member_organization_id`,
            reviewerIds: sql`excluded.reviewer_ids`,
            supportCount: sql`excluded.support_count`,
            sortDate: sql`excluded.sort_date`,
            tsv: sql`excluded.tsv`,
            indexedAt: sql`now()`,
          },
        });
      const words = [...new Set(batch.flatMap((d) => latinWords(`${d.title} ${d.altTitle} ${d.summary} ${d.body} ${d.keywords}`)))];
      if (words.length) {
        await this.db
          .insert(searchTerms)
          .values(words.map((term) => ({ term, documentCount: 1 })))
          .onConflictDoNothing();
      }
    }
  }

  private row(d: SearchDocument) {
    const weighted = (text: string, weight: "A" | "B" | "C" | "D") =>
      sql`setweight(to_tsvector('simple', ${indexText(text)}), ${weight})`;
    return {
      entityType: d.type,
      entityId: d.id,
      title: d.title,
      body: [d.summary, d.body].filter(Boolean).join("\n"),
      lang: d.lang,
      domain: d.domain,
      status: d.status,
      subdistrictIds: d.subdistrictIds,
      technologyIds: d.technologyIds,
      organizationId: d.organizationId,
      campaignId: d.campaignId,
      isPublic: d.isPublic,
      authorId: d.authorId,
      memberOrganizationId: d.memberOrganizationId,
      reviewerIds: d.reviewerIds,
      supportCount: d.supportCount,
      sortDate: d.sortDate ? new Date(d.sortDate) : null,
      tsv: sql`${weighted(`${d.title} ${d.altTitle}`, "A")} || ${weighted(d.summary, "B")} || ${weighted(d.body, "C")} || ${weighted(d.keywords, "D")}` as unknown as string,
    };
  }

  async remove(refs: { type: SearchEntityType; id: number }[]) {
    const byType = new Map<SearchEntityType, number[]>();
    for (const r of refs) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
    for (const [type, ids] of byType) {
      await this.db
        .delete(searchDocuments)
        .where(and(eq(searchDocuments.entityType, type), inArray(searchDocuments.entityId, ids)));
    }
  }

  async clear() {
    await this.db.delete(searchDocuments);
    await this.db.delete(searchTerms);
  }

  async health() {
    try {
      await this.db.execute(sql`select 1`);
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async search(request: SearchRequest, viewer: SearchViewer): Promise<SearchResult> {
    const started = performance.now();
    const groups = parseQuery(request.q, { prefixLast: request.prefix });
    let result = await this.run(groups, request, viewer);
    let correctedQuery: string | undefined;
    // Only a search that found nothing pays for the spelling check.
    if (result.total === 0) {
      const correction = await this.correction(request.q);
      if (correction) {
        const corrected = await this.run(parseQuery(correction, { prefixLast: false }), request, viewer);
        if (corrected.total > 0) {
          result = corrected;
          correctedQuery = correction;
        }
      }
    }
    return { ...result, correctedQuery, tookMs: Math.round(performance.now() - started) };
  }

  private async run(groups: QueryGroup[], request: SearchRequest, viewer: SearchViewer) {
    const tsquery = toTsquery(groups, { anyOf: request.anyOf });
    // anyOf: words so frequent that the match would span a large part of the
    // index are left out of the matching (as Meilisearch's "frequency"
    // strategy does) but still count in the ranking.
    const matching = request.anyOf ? toTsquery(await this.withoutFrequent(groups), { anyOf: true }) : tsquery;
    const where = whereFor(matching, request, viewer);
    const offset = (request.page - 1) * request.perPage;
    const [rows, facets] = await Promise.all([
      this.db.execute(searchSql(tsquery, where, request.sort, request.perPage, offset, request.anyOf ? "frequency" : "cover")).then(
        rowsOf<{ type: SearchEntityType; id: number; title: string; body: string; score: number; total: number }>,
      ),
      // "More like this" (anyOf) asks for the closest documents, not for facets of a broad match.
      request.anyOf ? Promise.resolve(emptyFacets()) : this.facets(where),
    ]);
    const needles = needlesOf(groups);
    const total = rows.length ? Number(rows[0].total) : offset > 0 ? await this.count(where) : 0;
    return {
      hits: rows.map((r) => ({
        type: r.type,
        id: Number(r.id),
        title: r.title,
        titleHighlight: highlight(r.title, needles),
        snippet: snippet(r.body, needles),
        score: Number(r.score),
      })),
      total,
      facets,
    };
  }

  private lexemeStats: { at: number; rows: number; freq: Map<string, number> } | undefined;

  /**
   * The index's most common lexemes and their share of documents, from
   * PostgreSQL's own statistics on the tsvector column (ANALYZE keeps them;
   * none on a fresh or tiny index, and then nothing is dropped). Cached a minute.
   */
  private async frequencies(): Promise<{ rows: number; freq: Map<string, number> }> {
    if (this.lexemeStats && Date.now() - this.lexemeStats.at < 60_000) return this.lexemeStats;
    const freq = new Map<string, number>();
    let rows = 0;
    try {
      const [stats] = rowsOf<{ elems: string[] | null; freqs: number[] | null }>(
        await this.db.execute(sql`SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs
          FROM pg_stats WHERE tablename = 'search_documents' AND attname = 'tsv' LIMIT 1`),
      );
      const [count] = rowsOf<{ n: number }>(await this.db.execute(sql`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = 'search_documents'`));
      rows = Math.max(0, Number(count?.n ?? 0));
      (stats?.elems ?? []).forEach((e, i) => freq.set(e, Number(stats!.freqs![i])));
    } catch {
      // No statistics readable: match every word.
    }
    this.lexemeStats = { at: Date.now(), rows, freq };
    return this.lexemeStats;
  }

  /**
   * The groups to match for an anyOf query: the most frequent left out, one by
   * one, while the estimated number of matches exceeds ANY_OF_MATCH_BUDGET
   * (at least two groups stay).
   */
  private async withoutFrequent(groups: QueryGroup[]): Promise<QueryGroup[]> {
    const { rows, freq } = await this.frequencies();
    if (rows === 0 || freq.size === 0 || groups.length <= 2) return groups;
    const share = (g: QueryGroup) =>
      Math.max(...g.alternatives.map((a) => (a.prefix ? 0 : a.tokens.length ? Math.min(...a.tokens.map((t) => freq.get(t) ?? 0)) : 0)));
    const kept = groups.map((g) => ({ g, share: share(g) }));
    const estimate = () => kept.reduce((n, k) => n + k.share, 0) * rows;
    while (kept.length > 2 && estimate() > ANY_OF_MATCH_BUDGET) {
      let worst = 0;
      kept.forEach((k, i) => {
        if (k.share > kept[worst].share) worst = i;
      });
      kept.splice(worst, 1);
    }
    return kept.map((k) => k.g);
  }

  private async count(where: SQL): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(searchDocuments).where(where);
    return Number(row.n);
  }

  /** Facet counts over the matched set, in one scan. */
  private async facets(where: SQL): Promise<Facets> {
    const rows = rowsOf<{ facet: FacetName; value: string; count: number }>(
      await this.db.execute(sql`WITH m AS MATERIALIZED (
          SELECT entity_type, domain, status, organization_id, campaign_id, subdistrict_ids, technology_ids
          FROM ${searchDocuments} WHERE ${where}
        )
        SELECT 'type' AS facet, entity_type AS value, count(*)::int AS count FROM m GROUP BY 1, 2
        UNION ALL SELECT 'domain', domain, count(*)::int FROM m WHERE domain IS NOT NULL GROUP BY 1, 2
        UNION ALL SELECT 'status', status, count(*)::int FROM m WHERE status IS NOT NULL GROUP BY 1, 2
        UNION ALL (SELECT 'organization', organization_id::text, count(*)::int FROM m WHERE organization_id IS NOT NULL AND entity_type = 'application' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT ${FACET_LIMIT})
        UNION ALL SELECT 'campaign', campaign_id::text, count(*)::int FROM m WHERE campaign_id IS NOT NULL GROUP BY 1, 2
        UNION ALL SELECT 'subdistrict', s::text, count(*)::int FROM m, unnest(subdistrict_ids) AS s GROUP BY 1, 2
        UNION ALL (SELECT 'technology', t::text, count(*)::int FROM m, unnest(technology_ids) AS t GROUP BY 1, 2 ORDER BY 3 DESC LIMIT ${FACET_LIMIT})`),
    );
    const facets = emptyFacets();
    for (const r of rows) facets[r.facet].push({ value: String(r.value), count: Number(r.count) });
    for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count);
    return facets;
  }

  /** A spelling fix for the Latin words that the index has never seen, or undefined. */
  private async correction(q: string): Promise<string | undefined> {
    const words = [...new Set(latinWords(q))];
    if (words.length === 0) return undefined;
    const known = new Set(
      (await this.db.select({ term: searchTerms.term }).from(searchTerms).where(inArray(searchTerms.term, words))).map((r) => r.term),
    );
    let corrected = q;
    let changed = false;
    for (const word of words) {
      if (known.has(word)) continue;
      const [best] = rowsOf<{ term: string }>(
        await this.db.execute(sql`SELECT term FROM ${searchTerms}
          WHERE term % ${word} AND similarity(term, ${word}) >= 0.4
          ORDER BY similarity(term, ${word}) DESC, document_count DESC, term LIMIT 1`),
      );
      if (best && best.term !== word) {
        corrected = corrected.replace(new RegExp(`\\b${word}\\b`, "i"), best.term);
        changed = true;
      }
    }
    return changed ? corrected : undefined;
  }
}
