/**
 * The Meilisearch engine, used when MEILISEARCH_URL is set: a thin layer over
 * the official client. Meilisearch's own Chinese segmentation hides sub-words
 * (searching 农业 misses 中国农业发展银行), so we give it our tokens
 * (tokenizer.ts) in `*_tokens` fields and search those, with our synonyms.
 * Everything that is not a network call is a pure function, unit-tested.
 */
import { Meilisearch, type Settings } from "meilisearch";

import type { SearchEntityType } from "../../db/enums";
import { highlight, needlesOf, snippet } from "../highlight";
import { parseQuery } from "../query";
import { SYNONYM_GROUPS } from "../synonyms";
import { indexText } from "../tokenizer";
import type { Facets, FacetName, SearchDocument, SearchEngine, SearchRequest, SearchResult, SearchViewer } from "../types";

/** Putuo's place names, kept whole by Meilisearch's segmenter in the raw-text fields. */
export const PUTUO_DICTIONARY = [
  "普陀", "曹杨新村", "长风新村", "长寿路", "甘泉路", "石泉路", "宜川路", "真如镇", "万里", "长征镇", "桃浦镇",
  "海纳小镇", "苏州河", "中以创新园", "城市大脑", "一网统管", "一网通办",
];

export type MeiliDocument = {
  uid: string;
  type: SearchEntityType;
  id: number;
  title: string;
  body: string;
  keywords: string;
  title_tokens: string;
  summary_tokens: string;
  body_tokens: string;
  keyword_tokens: string;
  domain: string | null;
  status: string | null;
  subdistrictIds: number[];
  technologyIds: number[];
  organizationId: number | null;
  campaignId: number | null;
  isPublic: boolean;
  authorId: number | null;
  memberOrganizationId: number | null;
  reviewerIds: number[];
  supportCount: number;
  sortTs: number;
};

export const uidOf = (type: SearchEntityType, id: number) => `${type}-${id}`;

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
  return {
    uid: uidOf(d.type, d.id),
    type: d.type,
    id: d.id,
    title: d.title,
    body: [d.summary, d.body].filter(Boolean).join("\n"),
    keywords: d.keywords,
    title_tokens: indexText(`${d.title} ${d.altTitle}`),
    summary_tokens: indexText(d.summary),
    body_tokens: indexText(d.body),
    keyword_tokens: indexText(d.keywords),
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
    sortTs: d.sortDate ? Date.parse(d.sortDate) : 0,
  };
}

/** Our synonym groups in token form: every member maps to all the others. */
export function meiliSynonyms(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    const forms = [...new Set(group.map((m) => indexText(m)).filter(Boolean))];
    for (const form of forms) out[form] = forms.filter((f) => f !== form);
  }
  return out;
}

export function meiliSettings(): Settings {
  return {
    // Order is weight: title, then summary, then body, then tags/vendor/subdistrict.
    searchableAttributes: ["title_tokens", "summary_tokens", "body_tokens", "keyword_tokens", "keywords"],
    filterableAttributes: [
      "type", "domain", "status", "subdistrictIds", "technologyIds", "organizationId", "campaignId",
      "isPublic", "authorId", "memberOrganizationId", "reviewerIds",
    ],
    sortableAttributes: ["sortTs", "supportCount"],
    displayedAttributes: ["uid", "type", "id", "title", "body"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    synonyms: meiliSynonyms(),
    dictionary: PUTUO_DICTIONARY,
    localizedAttributes: [
      { attributePatterns: ["*_tokens", "keywords", "title", "body"], locales: ["cmn", "eng"] },
    ],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    faceting: { maxValuesPerFacet: 50 },
    pagination: { maxTotalHits: 100_000 },
  };
}

const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** The filter expression: the request's filters AND the visibility rule. */
export function meiliFilter(filters: SearchRequest["filters"], viewer: SearchViewer): string {
  const parts: string[] = [];
  if (filters.type) parts.push(`type = ${quote(filters.type)}`);
  if (filters.domain) parts.push(`domain = ${quote(filters.domain)}`);
  if (filters.status) parts.push(`status = ${quote(filters.status)}`);
  if (filters.subdistrict) parts.push(`subdistrictIds = ${Number(filters.subdistrict)}`);
  if (filters.technology) parts.push(`technologyIds = ${Number(filters.technology)}`);
  if (filters.organization) parts.push(`organizationId = ${Number(filters.organization)}`);
  if (filters.campaign) parts.push(`campaignId = ${Number(filters.campaign)}`);
  if (!viewer) parts.push("isPublic = true");
  else if (!viewer.official) {
    const who = [`isPublic = true`, `authorId = ${Number(viewer.id)}`, `reviewerIds = ${Number(viewer.id)}`];
    if (viewer.organizationIds.length) who.push(`memberOrganizationId IN [${viewer.organizationIds.map(Number).join(", ")}]`);
    parts.push(`(${who.join(" OR ")})`);
  }
  return parts.join(" AND ");
}

/** What we send as `q`: our query tokens, one word per group (synonyms are the engine's). */
export function meiliQuery(q: string, prefix: boolean): string {
  return parseQuery(q, { prefixLast: prefix })
    .map((g) => {
      const own = g.alternatives[0];
      // A Latin word being typed is sent raw so Meilisearch can prefix-match it.
      return own.prefix && prefix ? own.prefix : own.tokens.join(" ");
    })
    .filter(Boolean)
    .join(" ");
}

/**
 * All words must match, or — for `anyOf` — Meilisearch drops the most frequent
 * words one by one until enough documents match (so documents matching more,
 * and rarer, words rank first).
 */
export function meiliMatchingStrategy(request: Pick<SearchRequest, "anyOf">): "all" | "frequency" {
  return request.anyOf ? "frequency" : "all";
}

export function meiliSort(sort: SearchRequest["sort"]): string[] | undefined {
  if (sort === "newest") return ["sortTs:desc"];
  if (sort === "support") return ["supportCount:desc", "sortTs:desc"];
  return undefined;
}

const FACET_FIELDS: Record<FacetName, string> = {
  type: "type",
  domain: "domain",
  status: "status",
  subdistrict: "subdistrictIds",
  technology: "technologyIds",
  organization: "organizationId",
  campaign: "campaignId",
};

export function facetsFrom(distribution: Record<string, Record<string, number>> | undefined): Facets {
  const facets = {} as Facets;
  for (const [name, field] of Object.entries(FACET_FIELDS) as [FacetName, string][]) {
    facets[name] = Object.entries(distribution?.[field] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count);
  }
  return facets;
}

export class MeilisearchEngine implements SearchEngine {
  readonly kind = "meilisearch" as const;
  private readonly client: Meilisearch;
  private readonly indexUid: string;
  private ready: Promise<void> | undefined;

  constructor(opts: { url: string; apiKey?: string; indexPrefix?: string }) {
    this.client = new Meilisearch({ host: opts.url, apiKey: opts.apiKey });
    this.indexUid = `${opts.indexPrefix ?? "putuo_"}items`;
  }

  private index() {
    return this.client.index<MeiliDocument>(this.indexUid);
  }

  /** Create the index and apply settings once per process. */
  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      await this.client.createIndex(this.indexUid, { primaryKey: "uid" }).waitTask();
      await this.index().updateSettings(meiliSettings()).waitTask();
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async upsert(documents: SearchDocument[]) {
    if (documents.length === 0) return;
    await this.ensureReady();
    for (let i = 0; i < documents.length; i += 1000) {
      await this.index()
        .addDocuments(documents.slice(i, i + 1000).map(toMeiliDocument), { primaryKey: "uid" })
        .waitTask();
    }
  }

  async remove(refs: { type: SearchEntityType; id: number }[]) {
    if (refs.length === 0) return;
    await this.ensureReady();
    await this.index().deleteDocuments(refs.map((r) => uidOf(r.type, r.id))).waitTask();
  }

  async clear() {
    await this.ensureReady();
    await this.index().deleteAllDocuments().waitTask();
  }

  async health() {
    try {
      await this.client.health();
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async search(request: SearchRequest, viewer: SearchViewer): Promise<SearchResult> {
    const started = performance.now();
    await this.ensureReady();
    const groups = parseQuery(request.q, { prefixLast: request.prefix });
    const response = await this.index().search(meiliQuery(request.q, request.prefix), {
      filter: meiliFilter(request.filters, viewer) || undefined,
      facets: request.anyOf ? undefined : Object.values(FACET_FIELDS),
      sort: meiliSort(request.sort),
      page: request.page,
      hitsPerPage: request.perPage,
      matchingStrategy: meiliMatchingStrategy(request),
      showRankingScore: true,
    });
    const needles = needlesOf(groups);
    return {
      hits: response.hits.map((h) => ({
        type: h.type,
        id: h.id,
        title: h.title,
        titleHighlight: highlight(h.title, needles),
        snippet: snippet(h.body, needles),
        score: Number((h as { _rankingScore?: number })._rankingScore ?? 0),
      })),
      total: response.totalHits ?? response.hits.length,
      facets: facetsFrom(response.facetDistribution),
      tookMs: Math.round(performance.now() - started),
    };
  }
}
