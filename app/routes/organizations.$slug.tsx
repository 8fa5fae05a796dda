/**
 * An organisation's public profile: both names, description, capabilities,
 * website, verified badge, its applications the viewer may see (the
 * visibility rule) and where they run. Members get an edit link; officials a
 * link to verification.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { notFound } from "~/applications/http.server";
import { getCurrentUser } from "~/auth/current-user.server";
import { can } from "~/auth/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { primaryButtonClass } from "~/components/forms";
import { monthOf, VerifiedBadge } from "~/components/verified-badge";
import { getOrganizationProfile } from "~/organizations/profiles.server";
import { excerpt } from "~/sharing/excerpt";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(slug)) throw notFound();
  const [{ t, locale }, user, database] = await Promise.all([getT(request), getCurrentUser(request), db()]);
  const profile = await getOrganizationProfile(database, viewerOf(user), slug);
  if (!profile) throw notFound();
  const org = profile.organization;
  const name = locale === "en" ? org.nameEn : org.nameZh;
  const description = locale === "en" ? org.descriptionEn || org.descriptionZh : org.descriptionZh || org.descriptionEn;
  return json({
    ...profile,
    locale,
    isOfficial: can(user, "verify:organization:any"),
    meta: { title: t("organizations:profile.metaTitle", { name }), description: excerpt(description) || t("organizations:profile.metaDescription", { name }) },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function OrganizationProfile() {
  const { organization: org, applications, deployments, canEdit, isOfficial, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const en = locale === "en";
  const description = en ? org.descriptionEn || org.descriptionZh : org.descriptionZh || org.descriptionEn;
  const descriptionLang = en ? (org.descriptionEn ? "en" : "zh-CN") : org.descriptionZh ? "zh-CN" : "en";

  return (
    <article className="space-y-5">
      <p>
        <Link to="/organizations" className="text-brand-700 underline">
          {t("organizations:profile.back")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold">
          <span lang="zh-CN">{org.nameZh}</span>
          <VerifiedBadge verified={org.verified} showUnverified />
        </h1>
        <p className="text-lg text-slate-800" lang="en">
          {org.nameEn}
        </p>
        <p className="text-slate-700">{t(`orgKinds.${org.kind}`)}</p>
        <div className="flex flex-wrap gap-3 pt-2">
          {canEdit ? (
            <Link to={`/organizations/${org.slug}/edit`} className={primaryButtonClass} data-control>
              {t("organizations:profile.edit")}
            </Link>
          ) : null}
          {isOfficial ? (
            <Link to={`/official/organizations?q=${encodeURIComponent(org.nameZh)}`} className="self-center text-brand-700 underline">
              {t("organizations:profile.verifyLink")}
            </Link>
          ) : null}
        </div>
      </header>

      <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="about">
        <h2 id="about" className="text-lg font-semibold">
          {t("organizations:profile.about")}
        </h2>
        {description ? (
          <p className="mt-2 whitespace-pre-line text-slate-800" lang={descriptionLang}>
            {description}
          </p>
        ) : (
          <p className="mt-2 text-slate-700">{t("organizations:profile.noDescription")}</p>
        )}
        {org.website ? (
          <p className="mt-3">
            <span className="text-slate-700">{t("organizations:profile.website")}: </span>
            <a href={org.website} rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline">
              {org.website}
            </a>
          </p>
        ) : null}
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="capabilities">
        <h2 id="capabilities" className="text-lg font-semibold">
          {t("organizations:profile.capabilities")}
        </h2>
        {org.capabilities.length ? (
          <ul className="mt-2 flex flex-wrap gap-2">
            {org.capabilities.map((c) => (
              <li key={c} className="rounded border border-slate-300 px-2 py-0.5">
                {c}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">{t("organizations:profile.noCapabilities")}</p>
        )}
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="apps">
        <h2 id="apps" className="text-lg font-semibold">
          {t("organizations:profile.applications")}
        </h2>
        {applications.length ? (
          <ul className="mt-2 space-y-3">
            {applications.map((a) => (
              <li key={a.id}>
                <Link to={`/applications/${a.id}`} className="font-medium text-brand-700 underline">
                  {a.title}
                </Link>
                <span className="ml-2 text-sm text-slate-700">
                  {t(`domains.${a.domain}`)} · {t(`applications:maturity.${a.maturity}`)} · {t(`applications:statuses.${a.status}`)}
                </span>
                <p className="text-slate-800">{a.summary}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">{t("organizations:profile.noApplications")}</p>
        )}
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="deployments">
        <h2 id="deployments" className="text-lg font-semibold">
          {t("organizations:profile.deployments")}
        </h2>
        {deployments.length ? (
          <ul className="mt-2 space-y-1">
            {deployments.map((d) => (
              <li key={d.id}>
                <span className="font-medium">
                  {d.subdistrictZh ? (en ? d.subdistrictEn : d.subdistrictZh) : t("organizations:profile.elsewhere", { place: d.placeName })}
                </span>
                {d.since ? <span className="text-slate-700"> · {t("organizations:profile.since", { month: monthOf(d.since) })}</span> : null}
                <span className="text-slate-700"> · </span>
                <Link to={`/applications/${d.applicationId}`} className="text-brand-700 underline">
                  {d.applicationTitle}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">{t("organizations:profile.noDeployments")}</p>
        )}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
