/**
 * The public list of applications (what the viewer may see under the
 * visibility rule), filtered by domain, technology, maturity, organisation
 * and status through the URL, 20 a page.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { DOMAINS, ITEM_STATUSES, MATURITIES } from "../../db/enums";
import { listApplications, listFilterOptions, parseApplicationListQuery } from "~/applications/queries.server";
import { getCurrentUser } from "~/auth/current-user.server";
import { can } from "~/auth/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { inputClass, primaryButtonClass } from "~/components/forms";
import { Pager } from "~/components/pager";
import { VerifiedBadge } from "~/components/verified-badge";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseApplicationListQuery(new URL(request.url).searchParams);
  const [{ t, locale }, user, database] = await Promise.all([getT(request), getCurrentUser(request), db()]);
  const [list, options] = await Promise.all([listApplications(database, viewerOf(user), query), listFilterOptions(database)]);
  return json({
    ...list,
    query,
    options,
    locale,
    canCreate: can(user, "create:application:own"),
    meta: { title: t("applications:list.metaTitle"), description: t("applications:list.metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function Filter({ id, label, value, children }: { id: string; label: string; value?: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} className={`mt-1 ${inputClass}`}>
        <option value="">{t("applications:list.any")}</option>
        {children}
      </select>
    </div>
  );
}

export default function ApplicationsList() {
  const { rows, total, page, pageCount, query, options, locale, canCreate } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const en = locale === "en";
  const name = (o: { nameZh: string; nameEn: string }) => (en ? o.nameEn : o.nameZh);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("applications:list.title")}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t("applications:list.intro")}</p>
        </div>
        {canCreate ? (
          <Link to="/applications/new" className={primaryButtonClass} data-control>
            {t("applications:list.newApplication")}
          </Link>
        ) : null}
      </div>

      <Form method="get" className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="filters-title">
        <h2 id="filters-title" className="sr-only">
          {t("applications:list.filters")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <Filter id="domain" label={t("applications:list.domain")} value={query.domain}>
            {DOMAINS.map((d) => (
              <option key={d} value={d}>
                {t(`domains.${d}`)}
              </option>
            ))}
          </Filter>
          <Filter id="technology" label={t("applications:list.technology")} value={query.technology}>
            {options.technologies.map((tag) => (
              <option key={tag.slug} value={tag.slug}>
                {name(tag)}
              </option>
            ))}
          </Filter>
          <Filter id="maturity" label={t("applications:list.maturity")} value={query.maturity}>
            {MATURITIES.map((m) => (
              <option key={m} value={m}>
                {t(`applications:maturity.${m}`)}
              </option>
            ))}
          </Filter>
          <Filter id="organization" label={t("applications:list.organization")} value={query.organization}>
            {options.vendors.map((o) => (
              <option key={o.slug} value={o.slug}>
                {name(o)}
              </option>
            ))}
          </Filter>
          <Filter id="status" label={t("applications:list.status")} value={query.status}>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`applications:statuses.${s}`)}
              </option>
            ))}
          </Filter>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <button type="submit" className={primaryButtonClass}>
            {t("applications:list.apply")}
          </button>
          <Link to="/applications" className="text-brand-700 underline">
            {t("applications:list.reset")}
          </Link>
        </div>
      </Form>

      <p className="text-slate-700" role="status">
        {t("applications:list.total", { count: total })}
      </p>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("applications:list.noResults")}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((a) => (
            <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link to={`/applications/${a.id}`} className="text-brand-700 underline-offset-2 hover:underline" lang={a.lang}>
                  {a.title}
                </Link>
              </h2>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-800">
                <Link to={`/organizations/${a.organization.slug}`} className="hover:underline">
                  {name(a.organization)}
                </Link>
                <VerifiedBadge verified={a.organization.verified} />
              </p>
              <p className="mt-2 text-slate-800" lang={a.lang}>
                {a.summary}
              </p>
              <p className="mt-2 flex flex-wrap gap-2 text-sm">
                <span className="rounded bg-brand-50 px-2 py-0.5 text-brand-800">{t(`domains.${a.domain}`)}</span>
                <span className="rounded bg-slate-100 px-2 py-0.5">{t(`applications:maturity.${a.maturity}`)}</span>
                <span className="rounded bg-slate-100 px-2 py-0.5">{t(`applications:statuses.${a.status}`)}</span>
                {a.tags.map((tag) => (
                  <span key={tag.id} className="rounded border border-slate-300 px-2 py-0.5">
                    {name(tag)}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pageCount={pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
