/**
 * The result of one import: the counts of created and updated items with
 * links to them, or the report (row, column, problem) when nothing was
 * imported. While a run is still going (e.g. started from the command line on
 * PostgreSQL) the page polls the status route with JavaScript.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { primaryButtonClass } from "~/components/forms";
import { ImportProgress, useImportStatus } from "~/components/import-progress";
import { getImportRun, importedItems } from "~/import/import.server";
import { isProblemCode, problemKey } from "~/import/problems";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

const ITEM_LINKS = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "import:item:any");
  const runId = /^[1-9]\d{0,8}$/.test(params.runId ?? "") ? Number(params.runId) : null;
  if (!runId) throw new Response("Not Found", { status: 404 });
  const database = await db();
  const [{ t, locale }, run] = await Promise.all([getT(request), forbiddenAs403(getImportRun(database, actor, runId))]);
  if (!run) throw new Response("Not Found", { status: 404 });
  const items = run.status === "done" ? await forbiddenAs403(importedItems(database, actor, run, ITEM_LINKS)) : [];
  return json({ run, items, locale, meta: { title: `${t("import:result.metaTitle")} #${run.id}`, description: t("import:result.metaDescription") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function formatDateTime(value: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(value));
}

function Running({ runId }: { runId: number }) {
  const { t } = useTranslation();
  const status = useImportStatus(`/official/import/status?run=${runId}`);
  const revalidator = useRevalidator();
  const finished = status?.phase === "done" || status?.phase === "failed";
  useEffect(() => {
    if (finished && revalidator.state === "idle") revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the run finishes
  }, [finished]);
  return (
    <section aria-labelledby="running-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="running-heading" className="text-xl font-semibold">
        {t("import:result.runningHeading")}
      </h2>
      <p className="mt-2 text-slate-700">
        {t("import:result.runningBody")}{" "}
        <a href={`/official/import/${runId}`} className="text-brand-800 underline">
          {t("import:result.run", { id: runId })}
        </a>
      </p>
      {status ? <ImportProgress status={status} /> : null}
    </section>
  );
}

export default function ImportResult() {
  const { run, items, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const en = locale === "en";
  const itemPath = run.kind === "applications" ? "/applications" : "/demands";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        {t("import:result.title")} · {t("import:result.run", { id: run.id })}
      </h1>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("import:result.file")}</dt>
        <dd className="break-all">{run.fileName}</dd>
        <dt className="font-medium">{t("import:result.kind")}</dt>
        <dd>{t(`import:form.kinds.${run.kind}`)}</dd>
        <dt className="font-medium">{t("import:result.campaign")}</dt>
        <dd>{en ? run.campaign.titleEn : run.campaign.titleZh}</dd>
        <dt className="font-medium">{t("import:result.status")}</dt>
        <dd data-status={run.status}>{t(`import:result.statuses.${run.status}`)}</dd>
        {run.createdByName ? (
          <>
            <dt className="font-medium">{t("import:result.by")}</dt>
            <dd>{run.createdByName}</dd>
          </>
        ) : null}
        <dt className="font-medium">{t("import:result.at")}</dt>
        <dd>{formatDateTime(run.createdAt, locale)}</dd>
      </dl>

      {run.status === "done" ? (
        <section aria-labelledby="done-heading" className="rounded-lg border border-green-700 bg-green-50 p-5">
          <h2 id="done-heading" className="text-xl font-semibold text-green-900">
            {t("import:result.doneHeading")}
          </h2>
          <p className="mt-2 text-lg" data-testid="import-counts">
            {t("import:result.doneSummary", { total: run.totalRows, created: run.createdCount, updated: run.updatedCount })}
          </p>
          {items.length ? (
            <>
              <h3 className="mt-4 font-semibold">{t("import:result.itemsHeading")}</h3>
              {run.totalRows > items.length ? <p className="text-sm text-slate-700">{t("import:result.itemsNote", { count: items.length })}</p> : null}
              <div className="overflow-x-auto">
                <table className="mt-2 w-full border-collapse bg-white text-left">
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="px-2 py-2">
                        {t("import:result.ref")}
                      </th>
                      <th scope="col" className="px-2 py-2">
                        {t("import:result.itemTitle")}
                      </th>
                      <th scope="col" className="px-2 py-2">
                        {t("import:result.change")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => (
                      <tr key={item.id} className="border-b border-slate-200">
                        <td className="px-2 py-2">
                          <code>{item.ref}</code>
                        </td>
                        <td className="px-2 py-2">
                          <Link to={`${itemPath}/${item.id}`} className="text-brand-800 underline">
                            {item.title}
                          </Link>
                        </td>
                        <td className="px-2 py-2">{item.created ? t("import:result.created") : t("import:result.updated")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </section>
      ) : run.status === "failed" ? (
        <section aria-labelledby="failed-heading" className="rounded-lg border border-red-700 bg-red-50 p-5">
          <h2 id="failed-heading" className="text-xl font-semibold text-red-900">
            {t("import:result.failedHeading")}
          </h2>
          <p className="mt-2 text-lg" data-testid="import-problem-count">
            {t("import:result.failedSummary", { count: run.problemCount })}
          </p>
          {run.problemCount > run.problems.length ? <p className="text-slate-800">{t("import:result.shownOnly", { shown: run.problems.length })}</p> : null}
          <div className="overflow-x-auto">
            <table className="mt-3 w-full border-collapse bg-white text-left" data-testid="import-problems">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="px-2 py-2">
                    {t("import:result.row")}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t("import:result.column")}
                  </th>
                  <th scope="col" className="px-2 py-2">
                    {t("import:result.problem")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {run.problems.map((p, i) => (
                  <tr key={i} className="border-b border-slate-200 align-top">
                    <td className="px-2 py-2">{p.row > 0 ? p.row : "—"}</td>
                    <td className="px-2 py-2">{p.column === "file" ? t("import:result.wholeFile") : <code>{p.column}</code>}</td>
                    <td className="px-2 py-2">
                      {isProblemCode(p.code) ? t(problemKey(p.code), { ...p.params, column: p.column, row: p.row }) : p.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        <Running runId={run.id} />
      )}

      <p>
        <Link to="/official/import" className={primaryButtonClass}>
          {t("import:result.importAgain")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
