/**
 * The public statistics page: headline numbers, each campaign's selection
 * funnel and review progress, public items by domain, subdistrict and
 * technology, time to a first response, confirmed matches by stage — charts
 * drawn on the server as SVG (app/stats/charts.tsx), each with its data
 * table. A GET form chooses the campaign (`/stats?campaign=2021-scenario-call`),
 * so every view has its own address and works without JavaScript. Prints
 * without the navigation, the form or the tables.
 */
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { formatDateTime } from "~/components/date-format";
import { bigButton, localName } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { inputClass, primaryButtonClass } from "~/components/forms";
import { CategoryChart, FunnelChart, MatchStagesChart, ResponseTimeChart, ReviewProgressChart, StatusChart } from "~/stats/charts";
import type { CampaignStats, ResponseTimes } from "~/stats/definitions";
import { programmeStats } from "~/stats/stats.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

/** Technologies drawn in the chart; the table lists them all. */
const TOP_TECHNOLOGIES = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const slug = url.searchParams.get("campaign");
  // "All calls" in the form sends an empty value: the page's own address is /stats.
  if (slug !== null && slug.trim() === "") throw redirect("/stats");
  const [{ t, locale }, user, database] = await Promise.all([getT(request), getCurrentUser(request), db()]);
  const stats = await programmeStats(database, slug === null ? {} : { campaignSlug: slug.trim() });
  if (!stats) throw new Response("Not Found", { status: 404 });
  const campaignTitle = stats.campaign ? (locale === "en" ? stats.campaign.titleEn : stats.campaign.titleZh) : null;
  return json(
    {
      stats,
      locale,
      meta: {
        title: campaignTitle ? t("stats:metaTitleCampaign", { campaign: campaignTitle }) : t("stats:metaTitle"),
        description: t("stats:metaDescription"),
      },
    },
    { headers: { "Cache-Control": user ? "private, no-store" : "public, max-age=60", Vary: "Cookie" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function Section({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 break-inside-avoid-page" data-testid={id}>
      <div>
        <h2 id={id} className="text-2xl font-semibold">
          {heading}
        </h2>
        {intro ? <p className="mt-1 max-w-3xl text-slate-800">{intro}</p> : null}
      </div>
      {children}
    </section>
  );
}

const chartGrid = "grid gap-4 md:grid-cols-2 lg:grid-cols-3 print:grid-cols-2";
/** A link standing alone: a target at least 44px high (48px in elder mode). */
const linkTarget = "inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2";

function ResponseNote({ times, kind }: { times: ResponseTimes; kind: "applications" | "demands" }) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        {times.medianDays === null
          ? t("stats:responses.none")
          : t("stats:responses.summary", { median: times.medianDays, p90: times.p90Days })}
      </p>
      <p>
        {t("stats:responses.responded", { count: times.responded })} · {t("stats:responses.waiting", { count: times.waiting })}
        {times.undated > 0 ? ` · ${t("stats:responses.undated", { count: times.undated })}` : null}
      </p>
      {kind === "applications" ? <p className="mt-1">{t("stats:responses.applicationsNote")}</p> : null}
    </>
  );
}

function CampaignHeading({ id, campaign }: { id: string; campaign: CampaignStats }) {
  const { t, i18n } = useTranslation();
  return (
    <div>
      <h3 id={id} className="text-xl font-semibold">
        {i18n.language === "en" ? campaign.titleEn : campaign.titleZh}
      </h3>
      <p className="text-slate-700">
        {t("stats:funnel.quota", { applications: campaign.applicationQuota, demands: campaign.demandQuota, stage: t(`common:stages.${campaign.stage}`) })}
      </p>
    </div>
  );
}

export default function Statistics() {
  const { stats, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(locale);
  const { totals } = stats;
  const title = (c: { titleZh: string; titleEn: string }) => (locale === "en" ? c.titleEn : c.titleZh);
  const withItems = stats.campaigns.filter((c) => c.funnel.applications.submitted + c.funnel.demands.submitted > 0);
  const technologies = stats.byTechnology.map((tag) => ({ key: tag.slug, label: localName(tag, locale), demands: tag.demands, applications: tag.applications }));
  const usedTechnologies = technologies.filter((tag) => tag.demands + tag.applications > 0);
  const places = stats.bySubdistrict.map((p) => ({ key: p.slug, label: localName(p, locale), demands: p.demands }));
  const jsonHref = stats.campaign ? `/api/v1/stats?campaign=${encodeURIComponent(stats.campaign.slug)}` : "/api/v1/stats";

  const headline = [
    { key: "submitted", value: totals.applications.submitted + totals.demands.submitted, detail: t("stats:headline.split", { applications: number.format(totals.applications.submitted), demands: number.format(totals.demands.submitted) }) },
    { key: "shortlisted", value: totals.applications.shortlisted + totals.demands.shortlisted, detail: t("stats:headline.split", { applications: number.format(totals.applications.shortlisted), demands: number.format(totals.demands.shortlisted) }) },
    { key: "selected", value: totals.applications.selected + totals.demands.selected, detail: t("stats:headline.split", { applications: number.format(totals.applications.selected), demands: number.format(totals.demands.selected) }) },
    { key: "matched", value: totals.matched },
    { key: "piloting", value: totals.piloting },
    { key: "deployed", value: totals.deployed },
  ] as const;

  return (
    <div className="space-y-10 print:space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("stats:heading")}</h1>
        <p className="max-w-3xl text-lg text-slate-800">{t("stats:intro")}</p>
        <p className="text-slate-800" data-testid="stats-scope">
          {stats.campaign
            ? t("stats:scopeCampaign", { campaign: title(stats.campaign), stage: t(`common:stages.${stats.campaign.stage}`) })
            : t("stats:scopeAll", { count: stats.campaignOptions.length })}
          {" · "}
          <time dateTime={stats.asOf}>{t("stats:asOf", { time: formatDateTime(stats.asOf, locale) })}</time>
        </p>
      </header>

      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 print:hidden" data-testid="campaign-filter">
        <div className="min-w-0 flex-1 sm:max-w-xl">
          <label htmlFor="stats-campaign" className="block font-medium">
            {t("stats:filter.label")}
          </label>
          <select id="stats-campaign" name="campaign" defaultValue={stats.campaign?.slug ?? ""} className={`mt-1 min-h-12 ${inputClass}`}>
            <option value="">{t("stats:filter.all")}</option>
            {stats.campaignOptions.map((c) => (
              <option key={c.slug} value={c.slug}>
                {title(c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={`${primaryButtonClass} ${bigButton}`}>
          {t("stats:filter.submit")}
        </button>
      </Form>

      <Section id="stats-headline" heading={t("stats:headline.heading")}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-3">
          {headline.map((h) => (
            <div key={h.key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`headline-${h.key}`}>
              <dt className="text-slate-800">{t(`stats:headline.${h.key}`)}</dt>
              <dd className="mt-1 text-3xl font-bold tabular-nums text-brand-800">{number.format(h.value)}</dd>
              {"detail" in h ? <dd className="mt-1 text-base text-slate-700">{h.detail}</dd> : null}
            </div>
          ))}
        </dl>
      </Section>

      <Section id="stats-funnel" heading={t("stats:funnel.heading")} intro={t("stats:funnel.intro")}>
        {stats.campaigns.map((c) => (
          <section key={c.slug} aria-labelledby={`stats-funnel funnel-${c.slug}`} className="space-y-3" data-testid="campaign-funnel" data-campaign={c.slug}>
            <CampaignHeading id={`funnel-${c.slug}`} campaign={c} />
            {c.funnel.applications.submitted + c.funnel.demands.submitted === 0 ? (
              <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">{t("stats:funnel.empty")}</p>
            ) : (
              <div className={chartGrid}>
                <FunnelChart id={`funnel-applications-${c.slug}`} caption={`${title(c)} · ${t("stats:funnel.applicationsCaption")}`} counts={c.funnel.applications} kind="applications" />
                <FunnelChart id={`funnel-demands-${c.slug}`} caption={`${title(c)} · ${t("stats:funnel.demandsCaption")}`} counts={c.funnel.demands} kind="demands" />
              </div>
            )}
          </section>
        ))}
      </Section>

      <Section id="stats-review" heading={t("stats:review.heading")} intro={t("stats:review.intro")}>
        {withItems.length === 0 ? <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">{t("stats:funnel.empty")}</p> : null}
        {withItems.map((c) => {
          const assigned = c.review.applications.assignments + c.review.demands.assignments > 0;
          const sum = (key: "reviews" | "itemsComplete" | "itemsToReview" | "recused") => c.review.applications[key] + c.review.demands[key];
          return (
            <section key={c.slug} aria-labelledby={`stats-review review-${c.slug}`} className="space-y-3" data-testid="campaign-review" data-campaign={c.slug}>
              <CampaignHeading id={`review-${c.slug}`} campaign={c} />
              <div className={chartGrid}>
                {assigned ? (
                  <ReviewProgressChart
                    id={`review-${c.slug}-progress`}
                    caption={`${title(c)} · ${t("stats:review.caption")}`}
                    review={c.review}
                    note={t("stats:review.details", {
                      reviews: number.format(sum("reviews")),
                      complete: number.format(sum("itemsComplete")),
                      toReview: number.format(sum("itemsToReview")),
                      perItem: c.reviewersPerItem,
                      recused: number.format(sum("recused")),
                    })}
                  />
                ) : (
                  <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-800">{t("stats:review.none")}</p>
                )}
                <StatusChart id={`review-${c.slug}-status`} caption={`${title(c)} · ${t("stats:review.statusCaption")}`} status={c.status} />
              </div>
            </section>
          );
        })}
      </Section>

      <Section id="stats-distribution" heading={t("stats:distribution.heading")} intro={t("stats:distribution.intro")}>
        <div className={chartGrid}>
          <CategoryChart
            id="by-domain"
            caption={t("stats:distribution.byDomain")}
            categoryHeader={t("stats:distribution.domain")}
            rows={stats.byDomain.map((d) => ({ key: d.domain, label: t(`common:domains.${d.domain}`), demands: d.demands, applications: d.applications }))}
            kinds={["demands", "applications"]}
          />
          <CategoryChart
            id="by-subdistrict"
            caption={t("stats:distribution.bySubdistrict")}
            categoryHeader={t("stats:distribution.subdistrict")}
            rows={places}
            kinds={["demands"]}
            extra={{ header: t("stats:headline.selected"), cells: stats.bySubdistrict.map((p) => number.format(p.selectedDemands)) }}
          />
          <CategoryChart
            id="by-technology"
            caption={t("stats:distribution.byTechnology", { count: Math.min(TOP_TECHNOLOGIES, usedTechnologies.length) })}
            categoryHeader={t("stats:distribution.technology")}
            rows={usedTechnologies.slice(0, TOP_TECHNOLOGIES)}
            tableRows={technologies}
            kinds={["demands", "applications"]}
            note={
              technologies.length > TOP_TECHNOLOGIES ? t("stats:distribution.moreTechnologies", { count: technologies.length - Math.min(TOP_TECHNOLOGIES, usedTechnologies.length) }) : undefined
            }
          />
        </div>
      </Section>

      <Section id="stats-responses" heading={t("stats:responses.heading")} intro={t("stats:responses.intro")}>
        <div className={chartGrid}>
          <ResponseTimeChart
            id="response-demands"
            caption={t("stats:responses.demandsCaption")}
            times={stats.responseTimes.demands}
            kind="demands"
            note={<ResponseNote times={stats.responseTimes.demands} kind="demands" />}
          />
          <ResponseTimeChart
            id="response-applications"
            caption={t("stats:responses.applicationsCaption")}
            times={stats.responseTimes.applications}
            kind="applications"
            note={<ResponseNote times={stats.responseTimes.applications} kind="applications" />}
          />
        </div>
      </Section>

      <Section id="stats-matches" heading={t("stats:matches.heading")} intro={t("stats:matches.intro")}>
        <div className={chartGrid}>
          <MatchStagesChart id="matches-by-stage" caption={t("stats:matches.caption")} stages={stats.matchesByStage} note={t("stats:matches.total", { count: totals.matched })} />
        </div>
      </Section>

      <Section id="stats-method" heading={t("stats:method.heading")}>
        <ul className="max-w-3xl list-disc space-y-1 pl-6 text-slate-800">
          <li>{t("stats:method.totals")}</li>
          <li>{t("stats:method.public")}</li>
          <li>{t("stats:method.stages")}</li>
        </ul>
      </Section>

      <Section id="stats-links" heading={t("stats:links.heading")}>
        <ul className="space-y-1 text-lg">
          <li>
            <a href={jsonHref} className={linkTarget} data-testid="stats-json">
              {t("stats:links.json")}
            </a>
          </li>
          <li>
            <Link to="/data" className={linkTarget}>
              {t("stats:links.openData")}
            </Link>
          </li>
        </ul>
      </Section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
