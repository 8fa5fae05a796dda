/**
 * The front door: what the programme is and how to take part (calls to
 * action fitted to the visitor's roles), a search box, the current campaign
 * and its stage, the published lists, the headline numbers, the latest
 * public demands and the subdistrict boards. Public data only.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { HOME_ACTION_PATHS, homeActions, programmeOverview, type OverviewCampaign } from "~/campaigns/overview.server";
import { formatDate } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { inputClass } from "~/components/forms";
import { HeadlineNumbers } from "~/components/home/headline-numbers";
import { LatestDemands } from "~/components/home/latest-demands";
import { StageProgress } from "~/components/home/stage-progress";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t, locale }, user, database] = await Promise.all([getT(request), getCurrentUser(request), db()]);
  const overview = await programmeOverview(database);
  const collecting = overview.campaign?.stage === "collecting";
  return json(
    {
      overview,
      locale,
      signedIn: !!user,
      actions: homeActions(user, collecting).map((key) => ({ key, to: HOME_ACTION_PATHS[key] })),
      meta: { title: t("home:metaTitle"), description: t("home:metaDescription") },
    },
    user ? { headers: { "Cache-Control": "private, no-store" } } : undefined,
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";

function CampaignCard({ campaign, locale }: { campaign: OverviewCampaign | null; locale: string }) {
  const { t } = useTranslation();
  const en = locale === "en";
  return (
    <section aria-labelledby="campaign-title" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="current-campaign">
      <h2 id="campaign-title" className="text-xl font-semibold">
        {t("home:campaign.title")}
      </h2>
      {campaign ? (
        <>
          <p className="mt-2 text-lg font-medium">{en ? campaign.titleEn : campaign.titleZh}</p>
          {(en ? campaign.descriptionEn : campaign.descriptionZh) ? (
            <p className="mt-1 text-slate-700">{en ? campaign.descriptionEn : campaign.descriptionZh}</p>
          ) : null}
          <p className="mt-1 text-slate-800">{t("home:campaign.stage", { stage: t(`home:campaign.steps.${campaign.stage}`) })}</p>
          <StageProgress stage={campaign.stage} />
          <ul className="mt-4 space-y-1 text-slate-800">
            <li>
              {t("home:campaign.dates", { opens: formatDate(campaign.opensAt, locale), closes: formatDate(campaign.closesAt, locale) })}
              {campaign.daysLeft !== null ? (
                <strong className="ml-2 font-semibold text-brand-800">{t("home:campaign.daysLeft", { count: campaign.daysLeft })}</strong>
              ) : null}
            </li>
            <li>{t("home:campaign.quota", { applications: campaign.applicationQuota, demands: campaign.demandQuota })}</li>
          </ul>
          <h3 className="mt-4 font-semibold">{t("home:campaign.whatNow")}</h3>
          <p className="mt-1 text-slate-800">{t(`home:campaign.now.${campaign.stage}`)}</p>
          {campaign.stage === "published" || campaign.stage === "closed" ? (
            <p className="mt-2">
              <Link to={`/lists/${campaign.slug}`} className={linkClass}>
                {t("home:campaign.viewList")}
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <p className="mt-2 text-slate-700">{t("home:campaign.none")}</p>
      )}
    </section>
  );
}

export default function Home() {
  const { overview, locale, signedIn, actions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const en = locale === "en";
  const nf = new Intl.NumberFormat(locale);
  return (
    <div className="space-y-10">
      <section aria-labelledby="hero-title" className="rounded-xl bg-brand-700 p-5 text-white sm:p-8">
        <h1 id="hero-title" className="text-2xl font-bold sm:text-3xl">
          {t("home:hero.title")}
        </h1>
        <p className="mt-3 max-w-3xl text-lg text-brand-50">{t("home:hero.body")}</p>
        <nav aria-label={t("home:hero.actionsLabel")} className="mt-5">
          <ul className="flex flex-wrap gap-3">
            {actions.map((a, i) => (
              <li key={a.key}>
                <Link
                  to={a.to}
                  data-control
                  className={`inline-flex min-h-11 items-center justify-center rounded-md px-5 py-2 text-lg font-semibold ${
                    i === 0 ? "bg-white text-brand-800 hover:bg-brand-50" : "border-2 border-white text-white hover:bg-brand-800"
                  }`}
                >
                  {t(`home:actions.${a.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {signedIn ? null : <p className="mt-3 text-brand-50">{t("home:hero.signInNote")}</p>}
        <Form method="get" action="/search" role="search" className="mt-6 max-w-2xl">
          <label htmlFor="home-search" className="block font-medium">
            {t("home:search.label")}
          </label>
          <div className="mt-1 flex flex-col gap-2 sm:flex-row">
            <input
              id="home-search"
              type="search"
              name="q"
              maxLength={200}
              placeholder={t("home:search.placeholder")}
              className={`min-h-11 text-lg ${inputClass}`}
            />
            <button type="submit" className="inline-flex min-h-11 shrink-0 items-center justify-center rounded-md bg-white px-6 text-lg font-semibold text-brand-800 hover:bg-brand-50">
              {t("home:search.button")}
            </button>
          </div>
        </Form>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <CampaignCard campaign={overview.campaign} locale={locale} />
          {overview.otherUnderWay.length > 0 ? (
            <section aria-labelledby="other-title" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="other-title" className="text-lg font-semibold">
                {t("home:campaign.otherTitle")}
              </h2>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
                {overview.otherUnderWay.map((c) => (
                  <li key={c.slug}>
                    {t("home:campaign.otherStage", { title: en ? c.titleEn : c.titleZh, stage: t(`home:campaign.steps.${c.stage}`) })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>

        <section aria-labelledby="lists-title" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="home-lists">
          <h2 id="lists-title" className="text-xl font-semibold">
            {t("home:lists.title")}
          </h2>
          {overview.lists.length === 0 ? (
            <p className="mt-2 text-slate-700">{t("home:lists.none")}</p>
          ) : (
            <ul className="mt-3 space-y-4">
              {overview.lists.map((l) => (
                <li key={l.slug}>
                  <Link to={`/lists/${l.slug}`} className={`text-lg ${linkClass}`}>
                    {en ? l.titleEn : l.titleZh}
                  </Link>
                  <p className="text-slate-700">
                    {t("home:lists.counts", { applications: nf.format(l.applications), demands: nf.format(l.demands) })}
                    {l.publishedAt ? ` · ${t("home:lists.publishedOn", { date: formatDate(l.publishedAt, locale) })}` : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-4">
            <Link to="/lists" data-control className={`inline-flex min-h-11 items-center ${linkClass}`}>
              {t("home:lists.all")}
            </Link>
          </p>
        </section>
      </div>

      <HeadlineNumbers numbers={overview.numbers} locale={locale} />

      <LatestDemands demands={overview.latestDemands} locale={locale} />

      <section aria-labelledby="about-title">
        <h2 id="about-title" className="text-xl font-semibold">
          {t("home:about.title")}
        </h2>
        <p className="mt-2 max-w-3xl text-slate-800">{t("home:about.intro")}</p>
        <dl className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {(
            [
              ["residents", t("home:about.residents"), t("home:about.residentsWhat")],
              ["workers", t("home:about.workers"), t("home:about.workersWhat")],
              ["firms", t("home:about.firms"), t("home:about.firmsWhat")],
              ["experts", t("home:about.experts"), t("home:about.expertsWhat")],
              ["district", t("home:about.district"), t("home:about.districtWhat")],
            ] as const
          ).map(([key, who, what]) => (
            <div key={key} className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="font-semibold">{who}</dt>
              <dd className="mt-1 text-slate-800">{what}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="places-title">
        <h2 id="places-title" className="text-xl font-semibold">
          {t("home:places.title")}
        </h2>
        <p className="mt-1 text-slate-700">{t("home:places.intro")}</p>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 lg:grid-cols-5" data-testid="home-places">
          {overview.subdistricts.map((s) => (
            <li key={s.slug}>
              <Link
                to={`/subdistricts/${s.slug}`}
                data-control
                className="flex min-h-11 flex-col justify-center rounded-md border border-slate-200 bg-white px-3 py-2 hover:border-brand-700 hover:bg-brand-50"
              >
                <span className="font-medium text-brand-800">{en ? s.nameEn : s.nameZh}</span>
                <span className="text-sm text-slate-700">{t("home:places.demands", { count: s.demands })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
