/**
 * GET /api/v1/search — the search as JSON (documented in docs/api.md).
 * Anonymous callers get public items; a signed-in session gets what that user
 * may see. Bad parameters answer 400 naming each one.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { getCurrentUser } from "~/auth/current-user.server";
import { presentResult } from "~/search/present.server";
import { searchEngine, searchRequestFrom, searchViewerOf } from "~/search/search.server";
import { db } from "~/utils/db.server";
import { getPreferences } from "~/utils/preferences.server";

import { snippetToHtml } from "../../search/highlight";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { request: search, errors } = searchRequestFrom(url.searchParams, { prefix: url.searchParams.get("prefix") === "1" });
  if (Object.keys(errors).length > 0) {
    return json({ error: "invalid_parameters", fields: errors }, { status: 400 });
  }
  const [user, prefs] = await Promise.all([getCurrentUser(request), getPreferences(request)]);
  const lang = url.searchParams.get("lang");
  const locale = lang === "en" || lang === "zh-CN" ? lang : prefs.locale;
  const result = await presentResult(await db(), await (await searchEngine()).search(search, searchViewerOf(user)), locale);
  return json(
    {
      query: search.q,
      correctedQuery: result.correctedQuery ?? null,
      page: search.page,
      perPage: search.perPage,
      total: result.total,
      hits: result.hits.map((h) => ({
        type: h.type,
        id: h.id,
        title: h.title,
        snippet: snippetToHtml(h.snippet),
        url: h.url,
      })),
      facets: result.facets,
      tookMs: result.tookMs,
    },
    {
      headers: {
        "Cache-Control": user ? "private, no-store" : "public, max-age=30",
        Vary: "Cookie",
      },
    },
  );
}
