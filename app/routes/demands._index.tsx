/**
 * The public list of demands: only what the viewer may see, filtered by
 * domain, subdistrict, status and target group, sorted by newest or most
 * supported, 20 per page with the total. Filters live in the URL (a GET
 * form), so every view can be linked and works without JavaScript.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { can } from "~/auth/permissions";
import { formatDate } from "~/components/date-format";
import { bigButton, localName } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { Pager } from "~/components/pager";
import { demandFormOptions, listDemands } from "~/demands/demands.server";
import { demandListQuerySchema } from "~/demands/schemas.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { viewerOf } from "~/visibility/visibility.server";

/** Statuses offered as a filter (drafts and withdrawn ones are only ever the viewer's own). */
const STATUS_FILTERS = ["submitted", "in_review", "scored", "shortlisted", "selected", "not_shortlisted"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = demandListQuerySchema.parse(Object.fromEntries(url.searchParams));
  const [{ t, locale }, user] = await Promise.all([getT(request), getCurrentUser(request)]);
  const database = await db();
  const [list, options] = await Promise.all([listDemands(database, viewerOf(user), query), demandFormOptions(database)]);
  return json(
    {
      list,
      query,
      locale,
      canCreate: can(user, "create:demand:own"),
      subdistricts: options.subdistricts,
      targetGroups: options.targetGroups,
      meta: { title: t("demands:list.metaTitle"), description: t("demands:list.metaDescription") },
    },
    user ? { headers: { "Cache-Control": "private, no-store" } } : undefined,
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function FilterSelect({ name, label, value, children }: { name: string; label: string; value?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={`mt-1 min-h-12 ${inputClass}`}>
        {children}
      </select>
    </div>
  );
}

export default function DemandsList() {
  const { list, query, locale, canCreate, subdistricts, targetGroups } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const filtered = !!(query.domain || query.subdistrict || query.status || query.group || query.sort !== "newest");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t("demands:list.title")}</h1>
          <p className="mt-2 max-w-3xl text-lg text-slate-800">{t("demands:list.intro")}</p>
        </div>
        {canCreate ? (
          <Link to="/demands/new" className={`${primaryButtonClass} ${bigButton}`}>
            {t("demands:list.newDemand")}
          </Link>
        ) : null}
      </div>

      <Form method="get" className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="filters-title">
        <h2 id="filters-title" className="sr-only">
          {t("demands:list.filters")}
        </h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <FilterSelect name="domain" label={t("demands:list.domain")} value={query.domain}>
            <option value="">{t("demands:list.any")}</option>
            {(["economy", "life", "governance"] as const).map((d) => (
              <option key={d} value={d}>
                {t(`common:domains.${d}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="subdistrict" label={t("demands:list.subdistrict")} value={query.subdistrict}>
            <option value="">{t("demands:list.any")}</option>
            {subdistricts.map((s) => (
              <option key={s.slug} value={s.slug}>
                {localName(s, locale)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="status" label={t("demands:list.status")} value={query.status}>
            <option value="">{t("demands:list.any")}</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`workflow:statuses.${s}`, { defaultValue: s })}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="group" label={t("demands:list.group")} value={query.group}>
            <option value="">{t("demands:list.any")}</option>
            {targetGroups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {localName(g, locale)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect name="sort" label={t("demands:list.sort")} value={query.sort}>
            <option value="newest">{t("demands:list.sortNewest")}</option>
            <option value="supported">{t("demands:list.sortSupported")}</option>
          </FilterSelect>
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="submit" className={`${primaryButtonClass} ${bigButton}`}>
            {t("demands:list.apply")}
          </button>
          {filtered ? (
            <Link to="/demands" className={`${secondaryButtonClass} ${bigButton}`}>
              {t("demands:list.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="text-lg font-medium" role="status" data-testid="demand-total">
        {t("demands:list.total", { count: list.total })}
      </p>

      {list.items.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white px-4 py-6 text-lg">{t("demands:list.empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="demand-list">
          {list.items.map((d) => (
            <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <h2 className="text-xl font-semibold">
                    <Link to={`/demands/${d.id}`} className="text-brand-700 underline-offset-2 hover:underline" lang={d.lang}>
                      {d.title}
                    </Link>
                  </h2>
                  <p className="mt-1 text-slate-700">
                    {t(`workflow:statuses.${d.status}`, { defaultValue: d.status })} · {t(`common:domains.${d.domain}`)} ·{" "}
                    {locale === "en" ? d.subdistrictEn : d.subdistrictZh} · {t(`demands:raisedBy.${d.raisedBy}`)}
                    {d.targetGroups.length ? ` · ${d.targetGroups.map((g) => localName(g, locale)).join(locale === "en" ? ", " : "、")}` : null}
                  </p>
                  <p className="text-sm text-slate-700">
                    {d.submittedAt
                      ? t("demands:list.submittedOn", { date: formatDate(d.submittedAt, locale) })
                      : t("demands:list.draftOn", { date: formatDate(d.createdAt, locale) })}
                  </p>
                </div>
                <p className="shrink-0 rounded-md bg-brand-50 px-3 py-2 text-lg font-semibold text-brand-800">
                  {t("demands:support.count", { count: d.supportCount })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.page} pageCount={list.pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
