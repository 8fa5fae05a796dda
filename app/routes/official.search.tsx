/**
 * For officials: how far behind the search index is, what is failing, and a
 * button to rebuild it from the database.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { requireUserWithPermission } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { retryFailedNow, startReindex } from "~/search/reindex-job.server";
import { searchStatus } from "~/search/status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:item:any");
  const { t } = await getT(request);
  return json({ ...(await searchStatus()), meta: { title: t("searchAdmin:metaTitle"), description: t("searchAdmin:metaDescription") } });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUserWithPermission(request, "read:item:any");
  const intent = (await request.formData()).get("intent");
  if (intent === "reindex") startReindex();
  else if (intent === "retry") await retryFailedNow();
  else throw new Response("Unknown action", { status: 400 });
  return redirect("/official/search");
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function Figure({ label, value, warn }: { label: string; value: string | number; warn?: boolean }) {
  return (
    <div className={`rounded-lg border p-4 ${warn ? "border-amber-400 bg-amber-50" : "border-slate-200 bg-white"}`}>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 text-2xl font-bold">{value}</dd>
    </div>
  );
}

export default function SearchStatus() {
  const { engine, health, status, counts, job } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  // While a rebuild runs, refresh its progress every two seconds (with JavaScript).
  useEffect(() => {
    if (job.state !== "running") return;
    const id = setInterval(() => revalidator.revalidate(), 2000);
    return () => clearInterval(id);
  }, [job.state, revalidator]);

  const lag = status.oldestPendingSeconds === null ? t("searchAdmin:noLag") : t("searchAdmin:seconds", { count: status.oldestPendingSeconds });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("searchAdmin:title")}</h1>
      <p>
        {t("searchAdmin:engine")}: <strong>{engine === "postgres" ? "PostgreSQL" : "Meilisearch"}</strong> ·{" "}
        {health.ok ? t("searchAdmin:healthy") : <span className="font-semibold text-red-800">{t("searchAdmin:unhealthy", { detail: health.detail ?? "" })}</span>}
      </p>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label={t("searchAdmin:pending")} value={status.pending} warn={status.pending > 100} />
        <Figure label={t("searchAdmin:lag")} value={lag} warn={(status.oldestPendingSeconds ?? 0) > 60} />
        <Figure label={t("searchAdmin:failing")} value={status.failing} warn={status.failing > 0} />
        <Figure label={t("searchAdmin:processedLastHour")} value={status.processedLastHour} />
      </dl>
      {status.lastError ? (
        <div className="rounded-md border border-red-300 bg-red-50 p-4">
          <h2 className="font-semibold text-red-900">{t("searchAdmin:lastError")}</h2>
          <pre className="mt-2 whitespace-pre-wrap break-all text-sm text-red-900">{status.lastError}</pre>
          <Form method="post" className="mt-3">
            <button type="submit" name="intent" value="retry" className="rounded-md border border-red-700 px-3 py-2 text-red-900 hover:bg-red-100">
              {t("searchAdmin:retry")}
            </button>
          </Form>
        </div>
      ) : null}
      {counts.length > 0 ? (
        <section aria-labelledby="docs">
          <h2 id="docs" className="text-lg font-semibold">
            {t("searchAdmin:documents")}
          </h2>
          <ul className="mt-2 flex gap-6">
            {counts.map((c) => (
              <li key={c.type}>
                {t(`search:types.${c.type}`)}: <strong>{c.n}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="rebuild" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="rebuild" className="text-lg font-semibold">
          {t("searchAdmin:rebuildTitle")}
        </h2>
        <p className="mt-1 text-slate-700">{t("searchAdmin:rebuildHelp")}</p>
        {job.state === "running" ? (
          <div className="mt-3">
            <label htmlFor="reindex-progress">{t("searchAdmin:running", { done: job.done, total: job.total })}</label>
            <progress id="reindex-progress" className="mt-1 block w-full" max={job.total || 1} value={job.done} />
          </div>
        ) : (
          <Form method="post" className="mt-3">
            <button type="submit" name="intent" value="reindex" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("searchAdmin:rebuild")}
            </button>
          </Form>
        )}
        {job.state === "done" ? <p className="mt-2 text-green-800">{t("searchAdmin:done", { documents: job.documents, seconds: job.seconds.toFixed(1) })}</p> : null}
        {job.state === "failed" ? <p className="mt-2 text-red-800">{t("searchAdmin:failed", { error: job.error })}</p> : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
