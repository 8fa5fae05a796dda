/**
 * /data — the open data: what is published and under which licence, one card
 * per dataset (description, rows, last update, CSV/XLSX/JSON downloads, the
 * column dictionary), the published lists, the formats and conventions, and
 * the way on to the JSON API and the statistics.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { formatDateTime } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollRegion } from "~/components/scroll-region";
import { openDataCatalogue, type ColumnView, type DatasetCard } from "~/opendata/catalogue.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t, locale }, database] = await Promise.all([getT(request), db()]);
  const catalogue = await openDataCatalogue(database, locale);
  return json({
    ...catalogue,
    meta: { title: t("opendata:metaTitle"), description: t("opendata:metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

const chip =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-brand-700 bg-white px-3 font-semibold text-brand-800 underline-offset-2 hover:bg-brand-50 hover:underline";

function Downloads({ card }: { card: DatasetCard }) {
  const { t } = useTranslation();
  const formatName = (format: string) => format.toUpperCase();
  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-semibold text-slate-800">{t("opendata:page.downloads")}</span>
        {card.downloads.map((d) => (
          <a key={d.format} href={d.href} download className={chip} data-control data-testid={`download-${d.format}`}>
            {formatName(d.format)}
            <span className="sr-only">
              {" "}
              {t("opendata:page.downloadAs", { format: formatName(d.format) })} · {card.title}
            </span>
          </a>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700">
        <span>{t("opendata:page.localizedHeaders")}</span>
        {card.downloads
          .filter((d) => d.localizedHref)
          .map((d) => (
            <a
              key={d.format}
              href={d.localizedHref!}
              download
              className="inline-flex min-h-11 min-w-11 items-center justify-center text-brand-800 underline underline-offset-2"
              data-control
            >
              {formatName(d.format)}
              <span className="sr-only">
                {" "}
                · {t("opendata:page.localizedHeaders")} · {card.title}
              </span>
            </a>
          ))}
      </div>
    </div>
  );
}

function ColumnDictionary({ id, name, columns }: { id: string; name: string; columns: ColumnView[] }) {
  const { t, i18n } = useTranslation();
  const separator = i18n.language === "en" ? "; " : "；";
  return (
    <details className="mt-4 rounded-md border border-slate-200">
      <summary className="flex min-h-11 cursor-pointer items-center px-3 font-semibold text-brand-800" data-control>
        {t("opendata:page.columnsSummary", { count: columns.length })}
      </summary>
      <ScrollRegion labelledBy={`${id}-caption`} className="border-t border-slate-200">
        <table className="w-full table-fixed border-collapse text-left">
          <caption id={`${id}-caption`} className="sr-only">
            {t("opendata:page.columnsCaption", { dataset: name })}
          </caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="w-2/5 px-2 py-2 sm:w-1/4 sm:px-3">
                {t("opendata:page.dictionary.column")}
              </th>
              <th scope="col" className="px-2 py-2 sm:px-3">
                {t("opendata:page.dictionary.meaning")}
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.key} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-2 py-2 font-normal break-words sm:px-3">
                  <code className="block font-mono font-semibold [overflow-wrap:anywhere]">{c.key}</code>
                  <span className="block">{c.label}</span>
                  <span className="block text-slate-700">{c.type}</span>
                </th>
                <td className="px-2 py-2 break-words sm:px-3">
                  {c.meaning}
                  {c.values.length ? (
                    <span className="mt-1 block text-slate-700">
                      {t("opendata:page.values")}{" "}
                      {c.values.map((v, i) => (
                        <span key={v.value}>
                          {i > 0 ? separator : null}
                          <code className="font-mono">{v.value}</code> {v.label}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

function Card({ card, children }: { card: DatasetCard; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const headingId = `dataset-${card.id.replace("/", "-")}`;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 sm:p-5" data-testid="dataset" data-dataset={card.id}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="text-xl font-semibold">
          {card.title}
        </h3>
        <p className="mt-1 max-w-3xl text-slate-800">{card.description}</p>
        <p className="mt-2 text-slate-700">
          <span data-testid="dataset-rows">{t("opendata:page.rows", { count: card.rows })}</span>
          {" · "}
          {card.lastChanged ? t("opendata:page.lastChanged", { date: formatDateTime(card.lastChanged, i18n.language) }) : t("opendata:page.noData")}
        </p>
        <Downloads card={card} />
        {children}
      </article>
    </li>
  );
}

export default function OpenData() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const sections = [
    ["datasets", t("opendata:page.datasetsHeading")],
    ["lists", t("opendata:page.listsHeading")],
    ["formats", t("opendata:page.formatsHeading")],
    ["licence", t("opendata:page.licenceHeading")],
    ["api", t("opendata:page.apiHeading")],
    ["stats", t("opendata:page.statsHeading")],
  ] as const;
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">{t("opendata:page.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-800">{t("opendata:page.intro")}</p>
        <p className="mt-2 max-w-3xl text-slate-700">{t("opendata:page.privacy")}</p>
        <nav aria-label={t("opendata:page.contents")} className="mt-4">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {sections.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`} className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2">
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <section aria-labelledby="datasets">
        <h2 id="datasets" className="text-xl font-bold">
          {t("opendata:page.datasetsHeading")}
        </h2>
        <ul className="mt-4 space-y-4">
          {data.datasets.map((d) => (
            <Card key={d.id} card={d}>
              <ColumnDictionary id={`columns-${d.id}`} name={d.title} columns={d.columns} />
            </Card>
          ))}
        </ul>
      </section>

      <section aria-labelledby="lists">
        <h2 id="lists" className="text-xl font-bold">
          {t("opendata:page.listsHeading")}
        </h2>
        <p className="mt-1 text-slate-700">{t("opendata:page.listsIntro")}</p>
        {data.lists.length === 0 ? (
          <p className="mt-4 rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("opendata:page.noLists")}</p>
        ) : (
          <>
            <ul className="mt-4 space-y-4">
              {data.lists.map((l) => (
                <Card key={l.id} card={l} />
              ))}
            </ul>
            <ColumnDictionary id="columns-lists" name={t("opendata:page.listsHeading")} columns={data.listColumns} />
          </>
        )}
      </section>

      <section aria-labelledby="formats">
        <h2 id="formats" className="text-xl font-bold">
          {t("opendata:page.formatsHeading")}
        </h2>
        <ul className="mt-3 max-w-3xl list-disc space-y-2 pl-6 text-slate-800">
          <li>{t("opendata:page.csv")}</li>
          <li>{t("opendata:page.xlsx")}</li>
          <li>{t("opendata:page.json")}</li>
          <li>{t("opendata:page.headerLanguage")}</li>
          <li>{t("opendata:page.conventions")}</li>
        </ul>
      </section>

      <section aria-labelledby="licence">
        <h2 id="licence" className="text-xl font-bold">
          {t("opendata:page.licenceHeading")}
        </h2>
        <p className="mt-3 max-w-3xl text-slate-800">
          {t("opendata:page.licence", { licence: t("opendata:license.name"), attribution: t("opendata:license.attribution") })}{" "}
          <a href={data.licenceUrl} rel="license" className="text-brand-800 underline underline-offset-2">
            {t("opendata:page.licenceLink")}
          </a>
        </p>
      </section>

      <section aria-labelledby="api">
        <h2 id="api" className="text-xl font-bold">
          {t("opendata:page.apiHeading")}
        </h2>
        <p className="mt-3 max-w-3xl text-slate-800">{t("opendata:page.api")}</p>
        <ul className="mt-2 flex flex-wrap gap-x-6">
          <li>
            <Link to="/developers" className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2" data-control>
              {t("opendata:page.apiGuideLink")}
            </Link>
          </li>
          <li>
            <a href="/api/v1/openapi.json" className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2" data-control>
              {t("opendata:page.apiLink")}
            </a>
          </li>
        </ul>
        <p className="mt-2 max-w-3xl text-slate-700">
          {t("opendata:page.rateLimit", { limit: data.limits.limit, seconds: data.limits.seconds, full: data.limits.full, list: data.limits.list })}
        </p>
      </section>

      <section aria-labelledby="stats">
        <h2 id="stats" className="text-xl font-bold">
          {t("opendata:page.statsHeading")}
        </h2>
        <p className="mt-3 max-w-3xl text-slate-800">{t("opendata:page.stats")}</p>
        <p className="mt-2">
          <Link to="/stats" className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2" data-control>
            {t("opendata:page.statsLink")}
          </Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
