/**
 * The one interface both search engines implement, and the shapes that cross it.
 */
import type { SearchEntityType } from "../db/enums";

/** An item as indexed: text fields, filter fields, and visibility fields. */
export type SearchDocument = {
  type: SearchEntityType;
  id: number;
  title: string;
  /** Secondary title (an organisation's other-language name), weighted like the title. */
  altTitle: string;
  summary: string;
  body: string;
  /** Tag names, vendor and subdistrict names, in both languages. */
  keywords: string;
  lang: string;
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
  /** ISO date used for "newest" ordering. */
  sortDate: string | null;
};

/** Who is searching: the visibility rule is applied by every engine. */
export type SearchViewer = {
  id: number;
  official: boolean;
  organizationIds: number[];
} | null;

export type SearchFilters = {
  type?: SearchEntityType;
  domain?: string;
  subdistrict?: number;
  status?: string;
  technology?: number;
  organization?: number;
  campaign?: number;
};

export type SearchSort = "relevance" | "newest" | "support";

export type SearchRequest = {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: number;
  perPage: number;
  /** Treat the last word as a prefix (search-as-you-type). */
  prefix: boolean;
  /**
   * Match documents having ANY of the query's words (ranked by how many and
   * how well they match) instead of all of them: for "more like this" queries
   * built from a whole text, such as matching candidates. Words so frequent
   * that they would match a large part of the index may be left out of the
   * matching (they still count in the ranking), as Meilisearch's "frequency"
   * strategy does. Such a search returns no facets. Default false.
   */
  anyOf?: boolean;
};

export type FacetName = "type" | "domain" | "subdistrict" | "status" | "technology" | "organization" | "campaign";
export type Facets = Record<FacetName, { value: string; count: number }[]>;

/** A piece of highlighted text: `hit` pieces are the matches. */
export type Snippet = { text: string; hit: boolean }[];

export type SearchHit = {
  type: SearchEntityType;
  id: number;
  title: string;
  titleHighlight: Snippet;
  snippet: Snippet;
  score: number;
};

export type SearchResult = {
  hits: SearchHit[];
  total: number;
  facets: Facets;
  /** When nothing matched and a spelling fix did: the corrected query, already searched. */
  correctedQuery?: string;
  tookMs: number;
};

export interface SearchEngine {
  readonly kind: "postgres" | "meilisearch";
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(refs: { type: SearchEntityType; id: number }[]): Promise<void>;
  search(request: SearchRequest, viewer: SearchViewer): Promise<SearchResult>;
  /** Drop everything (before a full reindex). */
  clear(): Promise<void>;
  /** Is the engine reachable? */
  health(): Promise<{ ok: boolean; detail?: string }>;
}
