/**
 * Officials and administrators: the audit log — who did what to which record,
 * when and why, with the from → to statuses — filtered by action, entity,
 * actor and dates, newest first, a page at a time.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { auditVocabulary, canReadAudit, parseAuditQuery, searchAuditLog } from "~/audit/browser.server";
import { entityHref } from "~/audit/links";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUser } from "~/auth/current-user.server";
import { formatDateTime } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, inputClass, primaryButtonClass } from "~/components/forms";
import { Pager } from "~/components/pager";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!canReadAudit(user)) throw new Response("Forbidden", { status: 403 });
  const { query, values, errors } = parseAuditQuery(new URL(request.url).searchParams);
  const database = await db();
  const [{ t }, result, vocabulary] = await Promise.all([getT(request), forbiddenAs403(searchAuditLog(database, user, query)), auditVocabulary(database)]);
  return json({ ...result, values, errors, vocabulary, meta: { title: t("audit:metaTitle"), description: t("audit:intro") } }, { status: Object.keys(errors).length ? 400 : 200 });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

type FilterName = "action" | "entityType" | "entityId" | "actor" | "from" | "to";

function Filter({ name, type = "text", list, inputMode }: { name: FilterName; type?: "text" | "date" | "search"; list?: string; inputMode?: "numeric" }) {
  const { values, errors } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const id = `audit-${name}`;
  const error = errors[name];
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {t(`audit:filters.${name}`)}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        list={list}
        inputMode={inputMode}
        defaultValue={values[name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 ${inputClass}`}
      />
      <ErrorList id={`${id}-error`} errors={error ? [error] : null} />
    </div>
  );
}

export default function AuditLog() {
  const { rows, total, page, pageCount, vocabulary } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const statusText = (s: string | null) => {
    if (!s) return "—";
    const key = [`workflow:statuses.${s}`, `stages.${s}`].find((k) => i18n.exists(k));
    return key ? t(key) : s;
  };
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("audit:title")}</h1>
      <p className="text-slate-700">{t("audit:intro")}</p>
      <Form method="get" action="/official/audit" className="rounded-lg border border-slate-200 bg-white p-4" aria-label={t("audit:filtersLabel")}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Filter name="action" list="audit-actions" />
          <Filter name="entityType" list="audit-entity-types" />
          <Filter name="entityId" inputMode="numeric" />
          <Filter name="actor" type="search" />
          <Filter name="from" type="date" />
          <Filter name="to" type="date" />
        </div>
        <datalist id="audit-actions">
          {vocabulary.actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <datalist id="audit-entity-types">
          {vocabulary.entityTypes.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
        <p className="mt-2 text-sm text-slate-700">{t("audit:actionHint")}</p>
        <div className="mt-3 flex flex-wrap gap-3">
          <button type="submit" className={primaryButtonClass}>
            {t("audit:apply")}
          </button>
          <Link to="/official/audit" className="px-2 py-2 text-brand-700 underline">
            {t("audit:clear")}
          </Link>
        </div>
      </Form>
      <p className="text-slate-700" aria-live="polite">
        {t("audit:total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("audit:empty")}</p>
      ) : (
        <ol className="space-y-2">
          {rows.map((r) => {
            const href = entityHref(r);
            const entity = `${i18n.exists(`audit:entities.${r.entityType}`) ? t(`audit:entities.${r.entityType}`) : r.entityType}${r.entityId != null ? ` #${r.entityId}` : ""}`;
            return (
              <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3" data-audit-action={r.action}>
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <time dateTime={String(r.createdAt)} className="text-sm text-slate-700">
                    {formatDateTime(r.createdAt, i18n.language)}
                  </time>
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-sm">{r.action}</code>
                  <span>
                    {href ? (
                      <Link to={href} className="text-brand-700 underline">
                        {entity}
                      </Link>
                    ) : (
                      entity
                    )}
                  </span>
                  {r.fromStatus || r.toStatus ? (
                    <span>
                      {statusText(r.fromStatus)} → {statusText(r.toStatus)}
                    </span>
                  ) : null}
                </div>
                <p className="mt-1 text-slate-900">
                  {t("audit:by")}{" "}
                  {r.actorName ? (
                    <>
                      {r.actorName} <span className="text-slate-700">({r.actorEmail})</span>
                    </>
                  ) : (
                    t("audit:system")
                  )}
                </p>
                {r.reason ? (
                  <p className="mt-1">
                    <span className="font-medium">{t("audit:reason")}</span> {r.reason}
                  </p>
                ) : null}
                {r.data && Object.keys(r.data).length ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-sm text-brand-700">{t("audit:details")}</summary>
                    <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-sm">{JSON.stringify(r.data, null, 2)}</pre>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <Pager page={page} pageCount={pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
