import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { programmeOverview } from "~/campaigns/overview.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t, locale }, overview, user] = await Promise.all([
    getT(request),
    db().then(programmeOverview),
    getCurrentUser(request),
  ]);
  return json({
    overview,
    locale,
    signedIn: !!user,
    meta: { title: t("home:metaTitle"), description: t("home:metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data?.meta);

function Stat({ label, value, detail }: { label: string; value: number; detail: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 text-3xl font-bold text-brand-700">{value}</dd>
      <dd className="text-sm text-slate-700">{detail}</dd>
    </div>
  );
}

export default function Home() {
  const { overview, locale, signedIn } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const en = locale === "en";
  const { campaign } = overview;
  return (
    <div className="space-y-8">
      <section aria-labelledby="hero" className="rounded-xl bg-brand-700 p-6 text-white">
        <h1 id="hero" className="text-2xl font-bold sm:text-3xl">
          {t("home:heroTitle")}
        </h1>
        <p className="mt-3 max-w-3xl text-brand-50">{t("home:heroBody")}</p>
        {signedIn ? null : (
          <p className="mt-5">
            <Link to="/signup" className="inline-block rounded-md bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
              {t("home:getStarted")}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="campaign" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="campaign" className="text-lg font-semibold">
          {t("home:currentCampaign")}
        </h2>
        {campaign ? (
          <div className="mt-2">
            <p className="text-xl font-medium">{en ? campaign.titleEn : campaign.titleZh}</p>
            <p className="mt-1 text-slate-700">
              {t("home:stage")}: <strong>{t(`stages.${campaign.stage}`)}</strong> ·{" "}
              {t("home:quota", { applications: campaign.applicationQuota, demands: campaign.demandQuota })}
            </p>
          </div>
        ) : (
          <p className="mt-2 text-slate-700">{t("home:noCampaign")}</p>
        )}
      </section>

      <section aria-labelledby="numbers">
        <h2 id="numbers" className="text-lg font-semibold">
          {t("home:numbers")}
        </h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-2">
          <Stat
            label={t("home:demandsSubmitted")}
            value={overview.demands.submitted}
            detail={`${overview.demands.shortlisted} ${t("home:shortlisted")} · ${overview.demands.selected} ${t("home:selected")}`}
          />
          <Stat
            label={t("home:applicationsSubmitted")}
            value={overview.applications.submitted}
            detail={`${overview.applications.shortlisted} ${t("home:shortlisted")} · ${overview.applications.selected} ${t("home:selected")}`}
          />
        </dl>
      </section>

      <section aria-labelledby="places">
        <h2 id="places" className="text-lg font-semibold">
          {t("home:places")}
        </h2>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
          {overview.subdistricts.map((s) => (
            <li key={s.slug} className="rounded border border-slate-200 bg-white px-3 py-2">
              <span className="font-medium">{en ? s.nameEn : s.nameZh}</span>{" "}
              <span className="text-sm text-slate-700">{s.kind === "town" ? t("home:town") : t("home:subdistrict")}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
