/**
 * Officials: one campaign at a glance — its settings, rubric and stage, the
 * items counted per status, and the way to the next (or previous) stage.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ITEM_STATUSES } from "../../db/enums";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { RubricTable } from "~/campaigns/campaign-form";
import { CampaignNav } from "~/campaigns/campaign-nav";
import { campaignOverview } from "~/campaigns/campaigns.server";
import { nextStage, previousStage } from "~/campaigns/stages";
import { formatDate } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { ScrollRegion } from "~/components/scroll-region";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const [{ t, locale }, overview] = await Promise.all([
    getT(request),
    db().then((d) => forbiddenAs403(campaignOverview(d, actor, params.slug ?? ""))),
  ]);
  const c = overview.campaign;
  return json({ ...overview, meta: { title: t("campaigns:overview.metaTitle", { title: locale === "en" ? c.titleEn : c.titleZh }), description: t("campaigns:overview.metaDescription", { title: locale === "en" ? c.titleEn : c.titleZh }) } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function CampaignOverview() {
  const { campaign: c, counts, rubricLocked } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const next = nextStage(c.stage);
  const previous = c.stage === "published" ? null : previousStage(c.stage);
  const base = `/official/campaigns/${c.slug}`;
  const total = (type: "demand" | "application") => ITEM_STATUSES.reduce((sum, s) => sum + counts[type][s], 0);
  return (
    <div className="space-y-6">
      <p>
        <Link to="/official/campaigns" className="text-brand-700 underline">
          {t("campaigns:backToList")}
        </Link>
      </p>
      <CampaignNav slug={c.slug} stage={c.stage} />
      <div>
        <h1 className="text-2xl font-bold">{en ? c.titleEn : c.titleZh}</h1>
        <p className="mt-1 text-slate-700" lang={en ? "zh-CN" : "en"}>
          {en ? c.titleZh : c.titleEn}
        </p>
      </div>

      <section aria-labelledby="stage-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="stage-heading" className="text-lg font-semibold">
          {t("campaigns:overview.stage")}
        </h2>
        <p className="mt-2 text-xl">
          <strong data-stage={c.stage}>{t(`stages.${c.stage}`)}</strong>
        </p>
        <p className="mt-1 text-slate-700">{t(`campaigns:stageHelp.${c.stage}`)}</p>
        <div className="mt-4 flex flex-wrap gap-3">
          {next === "published" ? (
            <Link to={`${base}/publish`} className={primaryButtonClass}>
              {t("campaigns:overview.goPublish")}
            </Link>
          ) : next ? (
            <Link to={`${base}/stage?to=${next}`} className={primaryButtonClass}>
              {t("campaigns:overview.moveTo", { stage: t(`stages.${next}`) })}
            </Link>
          ) : null}
          {previous ? (
            <Link to={`${base}/stage?to=${previous}`} className={secondaryButtonClass}>
              {t("campaigns:overview.moveBack", { stage: t(`stages.${previous}`) })}
            </Link>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="counts-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="counts-heading" className="text-lg font-semibold">
          {t("campaigns:overview.counts")}
        </h2>
        <ScrollRegion labelledBy="counts-heading" className="mt-2">
          <table className="w-full min-w-80 border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-4">
                  {t("campaigns:overview.status")}
                </th>
                <th scope="col" className="py-1 pr-4 text-right">
                  {t("campaigns:overview.demands")}
                </th>
                <th scope="col" className="py-1 text-right">
                  {t("campaigns:overview.applications")}
                </th>
              </tr>
            </thead>
            <tbody>
              {ITEM_STATUSES.map((s) => (
                <tr key={s} className="border-b border-slate-200" data-status={s}>
                  <th scope="row" className="py-1 pr-4 font-normal">
                    {t(`workflow:statuses.${s}`)}
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums" data-type="demand">
                    {counts.demand[s]}
                  </td>
                  <td className="py-1 text-right tabular-nums" data-type="application">
                    {counts.application[s]}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-1 pr-4">
                  {t("campaigns:overview.total")}
                </th>
                <td className="py-1 pr-4 text-right font-semibold tabular-nums">{total("demand")}</td>
                <td className="py-1 text-right font-semibold tabular-nums">{total("application")}</td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="settings-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="settings-heading" className="text-lg font-semibold">
          {t("campaigns:overview.settings")}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("campaigns:form.slug")}</dt>
          <dd className="font-mono">{c.slug}</dd>
          <dt className="font-medium text-slate-700">{t("campaigns:overview.dates")}</dt>
          <dd>{t("campaigns:list.dates", { opens: formatDate(c.opensAt, i18n.language), closes: formatDate(c.closesAt, i18n.language) })}</dd>
          <dt className="font-medium text-slate-700">{t("campaigns:overview.quotas")}</dt>
          <dd>{t("campaigns:overview.quotaValue", { applications: c.applicationQuota, demands: c.demandQuota })}</dd>
          <dt className="font-medium text-slate-700">{t("campaigns:form.reviewersPerItem")}</dt>
          <dd>{c.reviewersPerItem}</dd>
          <dt className="font-medium text-slate-700">{t("campaigns:form.vendorCap")}</dt>
          <dd>{c.vendorCap ?? t("campaigns:overview.noVendorCap")}</dd>
        </dl>
        {(en ? c.descriptionEn : c.descriptionZh) ? <p className="mt-3 whitespace-pre-line">{en ? c.descriptionEn : c.descriptionZh}</p> : null}
        <h3 className="mt-4 font-semibold">{t("campaigns:form.rubric")}</h3>
        {rubricLocked ? <p className="text-sm text-slate-700">{t("campaigns:form.rubricLockedHint")}</p> : null}
        <RubricTable rubric={c.rubric} />
        <p className="mt-4">
          <Link to={`/official/audit?entityType=campaign&entityId=${c.id}`} className="text-brand-700 underline">
            {t("campaigns:overview.history")}
          </Link>
        </p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
