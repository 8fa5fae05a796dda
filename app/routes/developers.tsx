/**
 * /developers — the JSON API explained to people, in both languages: how it
 * works (visibility, paging, request budget, errors, caching), then every
 * endpoint with its parameters, an example request and an example answer.
 * Built from the same endpoint specs as the API and its OpenAPI document
 * (app/api/endpoints.server.ts), so the page lists what the API serves.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { apiEndpoints } from "~/api/endpoints.server";
import { openApiDocument } from "~/api/openapi.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollRegion } from "~/components/scroll-region";
import { env } from "~/utils/env.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

type ParamSchema = { type?: string; enum?: string[]; minimum?: number; maximum?: number; pattern?: string; example?: unknown; default?: unknown };
type DocParam = { name: string; in: "query" | "path"; schema?: ParamSchema };

export type ParamRow = {
  name: string;
  in: "query" | "path";
  /** A key of developers:params. */
  meaning: string;
  values:
    | { kind: "enum"; values: string[] }
    | { kind: "integer"; min: number | null; max: number | null }
    | { kind: "slug"; example: string }
    | { kind: "text" };
  default: string | null;
};

function paramRow(operationId: string, p: DocParam): ParamRow {
  const s = p.schema ?? {};
  const values: ParamRow["values"] = s.enum
    ? { kind: "enum", values: s.enum }
    : s.type === "integer" || s.type === "number"
      ? { kind: "integer", min: s.minimum ?? null, max: s.maximum ?? null }
      : s.pattern && typeof s.example === "string" && !/^\d+$/.test(s.example)
        ? { kind: "slug", example: s.example }
        : p.name === "id"
          ? { kind: "integer", min: 1, max: null }
          : { kind: "text" };
  // A list's `type` picks applications or demands; search's `type` an entity type.
  const meaning = operationId === "getPublishedList" && p.name === "type" ? "listType" : p.name;
  return { name: p.name, in: p.in, meaning, values, default: s.default === undefined || s.default === "" ? null : String(s.default) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getT(request);
  const e = env();
  const doc = openApiDocument() as unknown as { paths: Record<string, { get: { parameters?: DocParam[] } }> };
  const origin = new URL(request.url).origin;
  const endpoints = apiEndpoints().map((spec) => ({
    id: spec.operationId,
    path: spec.path,
    session: spec.session,
    paged: spec.paged,
    params: (doc.paths[spec.path]?.get.parameters ?? []).map((p) => paramRow(spec.operationId, p)),
    exampleRequest: spec.example.request,
    exampleAnswer: JSON.stringify(spec.example.answer, null, 2),
  }));
  return json({
    origin,
    limits: { limit: e.API_RATE_LIMIT, seconds: e.API_RATE_WINDOW_SECONDS },
    endpoints,
    meta: { title: t("developers:metaTitle"), description: t("developers:metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

const linkClass = "text-brand-800 underline underline-offset-2 hover:text-brand-900";
const codeClass = "rounded bg-slate-100 px-1 font-mono text-[0.95em]";
const preClass = "mt-2 whitespace-pre-wrap break-all rounded-lg border border-slate-200 bg-slate-900 p-4 font-mono text-sm text-slate-50";

const anchor = (operationId: string) => `endpoint-${operationId}`;

function ValuesCell({ row }: { row: ParamRow }) {
  const { t } = useTranslation();
  const v = row.values;
  const main =
    v.kind === "enum" ? (
      <span className="flex flex-wrap gap-1">
        {v.values.map((value) => (
          <code key={value} className={codeClass}>
            {value}
          </code>
        ))}
      </span>
    ) : v.kind === "integer" ? (
      v.min !== null && v.max !== null ? t("developers:wholeNumberRange", { min: v.min, max: v.max }) : t("developers:wholeNumber")
    ) : v.kind === "slug" ? (
      t("developers:slug", { example: v.example })
    ) : (
      t("developers:text")
    );
  return (
    <>
      {main}
      {row.default !== null ? <span className="block text-sm text-slate-700">{t("developers:defaultValue", { value: row.default })}</span> : null}
    </>
  );
}

export default function Developers() {
  const { origin, limits, endpoints } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const openapiUrl = "/api/v1/openapi.json";
  const rules = [
    ["visibility", t("developers:rules.visibilityHeading"), t("developers:rules.visibility")],
    ["paging", t("developers:rules.pagingHeading"), t("developers:rules.paging", { shape: "{ data, page, perPage, total, totalPages }" })],
    ["limits", t("developers:rules.limitHeading"), t("developers:rules.limit", { limit: limits.limit, seconds: limits.seconds })],
    ["cache", t("developers:rules.cacheHeading"), t("developers:rules.cache")],
    ["text", t("developers:rules.textHeading"), t("developers:rules.text")],
  ] as const;
  const errors = [
    [400, "invalid_parameters", t("developers:rules.error400")],
    [401, "unauthenticated", t("developers:rules.error401")],
    [403, "forbidden", t("developers:rules.error403")],
    [404, "not_found", t("developers:rules.error404")],
    [405, "method_not_allowed", t("developers:rules.error405")],
    [429, "rate_limited", t("developers:rules.error429")],
  ] as const;

  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">{t("developers:title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-800">{t("developers:intro")}</p>
        <dl className="mt-4 grid max-w-3xl gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("developers:baseUrl")}</dt>
          <dd>
            <code className={`${codeClass} break-all`} data-testid="api-base">
              {origin}/api/v1
            </code>
          </dd>
          <dt className="font-semibold">{t("developers:openapi")}</dt>
          <dd>
            <a href={openapiUrl} className={`${linkClass} inline-flex min-h-11 items-center break-all`} data-control>
              {openapiUrl}
            </a>
            <span className="block text-slate-700">{t("developers:openapiHint")}</span>
          </dd>
        </dl>
        <p className="mt-3 max-w-3xl text-slate-700">
          {t("developers:openData")}{" "}
          <Link to="/data" className={linkClass}>
            {t("developers:openDataLink")}
          </Link>
        </p>
        <nav aria-label={t("developers:contents")} className="mt-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <a href="#rules" className={`${linkClass} inline-flex min-h-11 items-center`}>
                {t("developers:rules.heading")}
              </a>
            </li>
            {endpoints.map((e) => (
              <li key={e.id}>
                <a href={`#${anchor(e.id)}`} className={`${linkClass} inline-flex min-h-11 items-center`}>
                  {t(`developers:endpoints.${e.id}.title`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <section aria-labelledby="rules" className="space-y-5">
        <h2 id="rules" className="text-xl font-bold">
          {t("developers:rules.heading")}
        </h2>
        {rules.map(([id, heading, body]) => (
          <div key={id} className="max-w-3xl">
            <h3 className="text-lg font-semibold">{heading}</h3>
            <p className="mt-1 text-slate-800">{body}</p>
          </div>
        ))}
        <div className="max-w-3xl">
          <h3 className="text-lg font-semibold" id="errors-heading">
            {t("developers:rules.errorsHeading")}
          </h3>
          <p className="mt-1 text-slate-800">{t("developers:rules.errors", { shape: "{ error, message, fields? }" })}</p>
          <ScrollRegion labelledBy="errors-heading" className="mt-3">
            <table className="w-full border-collapse bg-white text-left">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    {t("developers:rules.errorStatus")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("developers:rules.errorCode")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("developers:rules.errorMeaning")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {errors.map(([status, code, meaning]) => (
                  <tr key={status} className="border-b border-slate-200 align-top">
                    <td className="p-2 font-mono">{status}</td>
                    <td className="p-2">
                      <code className={codeClass}>{code}</code>
                    </td>
                    <td className="p-2">{meaning}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      </section>

      <section aria-labelledby="endpoints" className="space-y-6">
        <h2 id="endpoints" className="text-xl font-bold">
          {t("developers:endpointsHeading")}
        </h2>
        {endpoints.map((e) => (
          <article key={e.id} aria-labelledby={anchor(e.id)} className="rounded-lg border border-slate-200 bg-white p-5" data-testid="api-endpoint">
            <h3 id={anchor(e.id)} className="text-lg font-semibold">
              {t(`developers:endpoints.${e.id}.title`)}
            </h3>
            <p className="mt-1 font-mono text-base break-all">
              <span className="mr-2 rounded bg-emerald-100 px-1.5 py-0.5 text-sm font-bold text-emerald-900">GET</span>
              {e.path}
            </p>
            <p className="mt-2 max-w-3xl text-slate-800">{t(`developers:endpoints.${e.id}.description`)}</p>
            {e.session === "required" || e.paged ? (
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {e.session === "required" ? <li className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">{t("developers:signInRequired")}</li> : null}
                {e.paged ? <li className="rounded bg-brand-100 px-2 py-0.5 font-semibold text-brand-800">{t("developers:pagedBadge")}</li> : null}
              </ul>
            ) : null}

            <h4 className="mt-4 font-semibold" id={`${anchor(e.id)}-params`}>
              {t("developers:parameters")}
            </h4>
            {e.params.length === 0 ? (
              <p className="mt-1 text-slate-700">{t("developers:noParameters")}</p>
            ) : (
              <ScrollRegion labelledBy={`${anchor(e.id)} ${anchor(e.id)}-params`} className="mt-2">
                <table className="w-full border-collapse text-left">
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="p-2">
                        {t("developers:paramName")}
                      </th>
                      <th scope="col" className="p-2">
                        {t("developers:paramValues")}
                      </th>
                      <th scope="col" className="p-2">
                        {t("developers:paramMeaning")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.params.map((p) => (
                      <tr key={`${p.in}:${p.name}`} className="border-b border-slate-200 align-top">
                        <td className="p-2">
                          <code className={codeClass}>{p.name}</code>
                          {p.in === "path" ? <span className="block text-sm text-slate-700">{t("developers:inPath")}</span> : null}
                        </td>
                        <td className="p-2">
                          <ValuesCell row={p} />
                        </td>
                        <td className="p-2">{t(`developers:params.${p.meaning}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}

            <h4 className="mt-4 font-semibold">{t("developers:exampleRequest")}</h4>
            <pre className={preClass}>
              <code>{`curl "${origin}${e.exampleRequest}"`}</code>
            </pre>
            {e.session === "required" ? null : (
              <p className="mt-1">
                <a href={e.exampleRequest} className={`${linkClass} inline-flex min-h-11 items-center`} data-control>
                  {t("developers:tryIt")}
                  <span className="sr-only">: {t(`developers:endpoints.${e.id}.title`)}</span>
                </a>
              </p>
            )}
            <details className="mt-3">
              <summary className="cursor-pointer font-semibold text-brand-800" data-control>
                {t("developers:exampleAnswer")}
              </summary>
              <pre className={preClass}>
                <code>{e.exampleAnswer}</code>
              </pre>
            </details>
          </article>
        ))}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
