/**
 * Search across demands, applications and organisations. A plain GET form:
 * without JavaScript it shows full results on submit; with it, results follow
 * the typing. Filters live in the URL, so every result page can be shared.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { presentResult, type FacetOption } from "~/search/present.server";
import { searchEngine, searchRequestFrom, searchViewerOf } from "~/search/search.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

import type { FacetName, Snippet } from "../../search/types";

const FILTER_KEYS = ["type", "domain", "subdistrict", "status", "technology", "organization", "campaign"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const [{ t, locale }, user] = await Promise.all([getT(request), getCurrentUser(request)]);
  // Results-as-you-type requests ask for prefix matching of the last word.
  const { request: search } = searchRequestFrom(url.searchParams, { prefix: url.searchParams.get("live") === "1" });
  const engine = await searchEngine();
  const result = await engine.search(search, searchViewerOf(user));
  const presented = await presentResult(await db(), result, locale);
  return json({
    q: search.q,
    filters: search.filters,
    sort: search.sort,
    page: search.page,
    perPage: search.perPage,
    result: presented,
    meta: { title: search.q ? `${search.q} · ${t("search:metaTitle")}` : t("search:metaTitle"), description: t("search:metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function Highlighted({ pieces }: { pieces: Snippet }) {
  return (
    <>
      {pieces.map((p, i) =>
        p.hit ? (
          <mark key={i} className="rounded bg-amber-200 px-0.5 text-slate-900">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** The current URL with one parameter changed (or removed), back to page 1. */
function withParam(params: URLSearchParams, key: string, value: string | null) {
  const next = new URLSearchParams(params);
  next.delete("page");
  next.delete("live");
  if (value === null) next.delete(key);
  else next.set(key, value);
  const s = next.toString();
  return s ? `?${s}` : "?";
}

export default function SearchPage() {
  const { q, filters, sort, page, perPage, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const submit = useSubmit();
  const navigation = useNavigation();
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  for (const key of FILTER_KEYS) {
    const v = filters[key];
    if (v !== undefined && v !== null) params.set(key, String(v));
  }
  if (sort !== "relevance") params.set("sort", sort);

  // Keep the box in step when the URL changes by back/forward navigation.
  useEffect(() => {
    if (inputRef.current && document.activeElement !== inputRef.current) inputRef.current.value = q;
  }, [q]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const activeFilters = FILTER_KEYS.filter((k) => filters[k] !== undefined && filters[k] !== null);
  const pages = Math.max(1, Math.ceil(result.total / perPage));
  const busy = navigation.state === "loading" && navigation.location?.pathname === "/search";

  const facetLabel = (name: FacetName, option: FacetOption) => {
    if (name === "type") return t(`search:types.${option.value}`);
    if (name === "domain") return t(`domains.${option.value}`);
    if (name === "status") return t(`search:statuses.${option.value}`, { defaultValue: option.value });
    return option.label;
  };
  const labelFor = (name: FacetName, value: string) => {
    const option = result.facets[name].find((f) => f.value === value);
    return option ? facetLabel(name, option) : facetLabel(name, { value, label: value, count: 0 });
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("search:title")}</h1>
      <Form
        method="get"
        role="search"
        className="flex flex-wrap items-end gap-2"
        onChange={(event) => {
          const form = event.currentTarget;
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            const data = new FormData(form);
            data.set("live", "1");
            submit(data, { method: "get", replace: true, preventScrollReset: true });
          }, 250);
        }}
      >
        {activeFilters.map((k) => (
          <input key={k} type="hidden" name={k} value={String(filters[k])} />
        ))}
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block font-medium">
            {t("search:label")}
          </label>
          <input
            ref={inputRef}
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            placeholder={t("search:placeholder")}
            autoComplete="off"
            className="mt-1 w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="sort" className="block font-medium">
            {t("search:sort")}
          </label>
          <select id="sort" name="sort" defaultValue={sort} className="mt-1 rounded-md border border-slate-400 px-3 py-2">
            {(["relevance", "newest", "support"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`search:sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("search:submit")}
        </button>
      </Form>

      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside aria-labelledby="facets-title" className="space-y-4">
          <h2 id="facets-title" className="text-lg font-semibold">
            {t("search:filters")}
          </h2>
          {activeFilters.length > 0 ? (
            <ul className="flex flex-wrap gap-2">
              {activeFilters.map((k) => (
                <li key={k}>
                  <Link
                    to={withParam(params, k, null)}
                    className="inline-block rounded-full bg-brand-100 px-3 py-1 text-sm text-brand-800 hover:bg-brand-50"
                    aria-label={t("search:remove", { label: labelFor(k, String(filters[k])) })}
                  >
                    {labelFor(k, String(filters[k]))} ✕
                  </Link>
                </li>
              ))}
              <li>
                <Link to={q ? `?q=${encodeURIComponent(q)}` : "?"} className="inline-block px-2 py-1 text-sm underline">
                  {t("search:clearFilters")}
                </Link>
              </li>
            </ul>
          ) : null}
          {FILTER_KEYS.map((name) =>
            result.facets[name].length > 0 && filters[name] === undefined ? (
              <section key={name} aria-labelledby={`facet-${name}`}>
                <h3 id={`facet-${name}`} className="font-medium text-slate-800">
                  {t(`search:facets.${name}`)}
                </h3>
                <ul className="mt-1 space-y-0.5">
                  {result.facets[name].slice(0, 12).map((option) => (
                    <li key={option.value}>
                      <Link to={withParam(params, name, option.value)} className="flex justify-between gap-2 rounded px-1 py-0.5 hover:bg-slate-100">
                        <span>{facetLabel(name, option)}</span>
                        <span className="text-slate-700">{option.count}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null,
          )}
        </aside>

        <section aria-labelledby="results-title" aria-busy={busy}>
          <h2 id="results-title" className="sr-only">
            {t("search:title")}
          </h2>
          <p role="status" aria-live="polite" className="text-slate-700">
            {busy ? t("search:liveUpdating") : q ? t("search:resultsFor", { q, count: result.total }) : t("search:results", { count: result.total })}
          </p>
          {result.correctedQuery ? (
            <p className="mt-2 rounded-md bg-amber-50 p-3 text-amber-900">{t("search:corrected", { q, corrected: result.correctedQuery })}</p>
          ) : null}
          {result.hits.length === 0 ? (
            <div className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6">
              <p className="text-lg font-semibold">{q || activeFilters.length ? t("search:emptyTitle") : t("search:emptyBrowse")}</p>
              {q || activeFilters.length ? <p className="mt-2 text-slate-700">{t("search:emptyHints")}</p> : null}
            </div>
          ) : (
            <ol className="mt-4 space-y-3">
              {result.hits.map((hit) => (
                <li key={`${hit.type}-${hit.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
                  <p className="text-sm text-slate-700">{t(`search:types.${hit.type}`)}</p>
                  <h3 className="text-lg font-semibold">
                    <Link to={hit.url} className="text-brand-700 hover:underline">
                      <Highlighted pieces={hit.titleHighlight} />
                    </Link>
                  </h3>
                  <p className="mt-1 text-slate-800">
                    <Highlighted pieces={hit.snippet} />
                  </p>
                </li>
              ))}
            </ol>
          )}
          {pages > 1 ? (
            <nav aria-label={t("search:pager.nav")} className="mt-6 flex items-center justify-between">
              {page > 1 ? (
                <Link to={`${withParam(params, "page", String(page - 1))}`} className="rounded border border-slate-300 px-3 py-2 hover:bg-slate-100" rel="prev">
                  {t("search:pager.previous")}
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-700">{t("search:pager.page", { page, pages })}</span>
              {page < pages ? (
                <Link to={`${withParam(params, "page", String(page + 1))}`} className="rounded border border-slate-300 px-3 py-2 hover:bg-slate-100" rel="next">
                  {t("search:pager.next")}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </section>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
