/**
 * The public directory of organisations: vendors by default, filter by kind,
 * verified first, search by name, 20 a page.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ORGANIZATION_KINDS } from "../../db/enums";
import { getCurrentUser } from "~/auth/current-user.server";
import { can } from "~/auth/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { inputClass, primaryButtonClass } from "~/components/forms";
import { Pager } from "~/components/pager";
import { VerifiedBadge } from "~/components/verified-badge";
import { listOrganizations, parseDirectoryQuery } from "~/organizations/profiles.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseDirectoryQuery(new URL(request.url).searchParams);
  const [{ t, locale }, user, list] = await Promise.all([
    getT(request),
    getCurrentUser(request),
    db().then((d) => listOrganizations(d, query)),
  ]);
  return json({
    ...list,
    query,
    locale,
    isOfficial: can(user, "verify:organization:any"),
    meta: { title: t("organizations:directory.metaTitle"), description: t("organizations:directory.metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function OrganizationsDirectory() {
  const { rows, total, page, pageCount, query, locale, isOfficial } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const en = locale === "en";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("organizations:directory.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("organizations:directory.intro")}</p>
        {isOfficial ? (
          <p className="mt-2">
            <Link to="/official/organizations" className="text-brand-700 underline">
              {t("organizations:profile.verifyLink")}
            </Link>
          </p>
        ) : null}
      </div>

      <Form method="get" className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="org-filters">
        <h2 id="org-filters" className="sr-only">
          {t("organizations:directory.filters")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
          <div>
            <label htmlFor="kind" className="block font-medium">
              {t("organizations:directory.kind")}
            </label>
            <select id="kind" name="kind" defaultValue={query.kind} className={`mt-1 ${inputClass}`}>
              <option value="all">{t("organizations:directory.allKinds")}</option>
              {ORGANIZATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`orgKinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="q" className="block font-medium">
              {t("organizations:directory.search")}
            </label>
            <input id="q" name="q" type="search" defaultValue={query.q} className={`mt-1 ${inputClass}`} />
          </div>
          <div className="flex items-center gap-3">
            <button type="submit" className={primaryButtonClass}>
              {t("organizations:directory.apply")}
            </button>
            <Link to="/organizations" className="text-brand-700 underline">
              {t("organizations:directory.reset")}
            </Link>
          </div>
        </div>
      </Form>

      <p className="text-slate-700" role="status">
        {t("organizations:directory.total", { count: total })}
      </p>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("organizations:directory.noResults")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {rows.map((o) => {
            const description = (en ? o.descriptionEn || o.descriptionZh : o.descriptionZh || o.descriptionEn).trim();
            return (
              <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                  <Link to={`/organizations/${o.slug}`} className="text-brand-700 hover:underline">
                    {en ? o.nameEn : o.nameZh}
                  </Link>
                  <VerifiedBadge verified={o.verified} />
                </h2>
                <p className="text-sm text-slate-700">
                  <span lang={en ? "zh-CN" : "en"}>{en ? o.nameZh : o.nameEn}</span> · {t(`orgKinds.${o.kind}`)}
                </p>
                {description ? (
                  <p className="mt-2 line-clamp-3 text-slate-800" lang={(en ? o.descriptionEn : o.descriptionZh).trim() ? undefined : en ? "zh-CN" : "en"}>
                    {description}
                  </p>
                ) : null}
                {o.capabilities.length ? (
                  <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                    {o.capabilities.slice(0, 6).map((c) => (
                      <li key={c} className="rounded border border-slate-300 px-2 py-0.5">
                        {c}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={page} pageCount={pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
