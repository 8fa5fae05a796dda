/**
 * GET /api/v1/search — the search as JSON (spec: app/api/endpoints.server.ts,
 * documented in docs/api.md and /api/v1/openapi.json). Anonymous callers get
 * public items; a signed-in session gets what that user may see.
 */
import { SEARCH } from "~/api/endpoints.server";
import { apiAction, apiLoader } from "~/api/respond.server";
import { presentResult } from "~/search/present.server";
import { searchEngine, searchRequestFrom, searchViewerOf } from "~/search/search.server";
import { getPreferences } from "~/utils/preferences.server";

import { snippetToHtml } from "../../search/highlight";

/** The engine pages no further than this (SearchParamsSchema). */
const MAX_PAGE = 500;

export const loader = apiLoader(SEARCH, async ({ request, url, query, user, db }) => {
  const { request: search } = searchRequestFrom(url.searchParams, { prefix: query.prefix === "1" });
  const locale = query.lang ?? (await getPreferences(request)).locale;
  const result = await presentResult(db, await (await searchEngine()).search(search, searchViewerOf(user)), locale);
  return {
    query: search.q,
    correctedQuery: result.correctedQuery ?? null,
    page: search.page,
    perPage: search.perPage,
    total: result.total,
    totalPages: Math.min(MAX_PAGE, Math.ceil(result.total / search.perPage)),
    hits: result.hits.map((h) => ({ type: h.type, id: h.id, title: h.title, snippet: snippetToHtml(h.snippet), url: h.url })),
    facets: result.facets,
    tookMs: Math.round(result.tookMs),
  };
});

export const action = apiAction;
