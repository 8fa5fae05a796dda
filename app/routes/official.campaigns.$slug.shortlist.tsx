/**
 * Officials: the ranking and the shortlist of a campaign. Items ranked by
 * normalised score (raw beside it), cut at the quota separately for
 * applications and demands; ties at the cut, items skipped for the vendor
 * cap and outlier reviews are flagged. In the shortlisting stage an item can
 * be moved across the cut with a recorded reason, and the shortlist applied
 * (items inside → shortlisted, the others → not shortlisted). Publishing is
 * the next page.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { CampaignNav } from "~/campaigns/campaign-nav";
import { requireCampaign } from "~/campaigns/campaigns.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, inputClass, primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { REASON_MAX } from "~/review/limits";
import { applyShortlist, clearOverride, clearOverrideSchema, overrideSchema, setOverride, shortlistBoard } from "~/review/ranking.server";
import { formatWeighted, formatZ } from "~/review/review-ui";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice, withoutNotice } from "~/utils/notice";
import { stageRefusal, stageRefusalMessage } from "~/workflow/refusal";

/** Rows shown by default: down to this many places below the quota (all flagged rows too). */
const MARGIN = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const { t, locale } = await getT(request);
  const title = locale === "en" ? campaign.titleEn : campaign.titleZh;
  const meta = { title: t("shortlist:metaTitle", { title }), description: t("shortlist:intro") };
  const early = stageRefusal(campaign.stage, ["reviewing", "shortlisting"]);
  const published = campaign.stage === "published" || campaign.stage === "closed";
  const showAll = new URL(request.url).searchParams.get("all") === "1";
  if (early && !published) {
    return json({ slug: campaign.slug, stage: campaign.stage, title, sections: null, published, showAll, closedMessage: stageRefusalMessage(t, early), meta });
  }
  if (published) {
    return json({ slug: campaign.slug, stage: campaign.stage, title, sections: null, published, showAll, closedMessage: null, meta });
  }
  const sections = await forbiddenAs403(shortlistBoard(database, actor, campaign));
  const shortlistClosed = stageRefusal(campaign.stage, ["shortlisting"]);
  return json({
    slug: campaign.slug,
    stage: campaign.stage,
    title,
    published,
    showAll,
    closedMessage: shortlistClosed ? stageRefusalMessage(t, shortlistClosed) : null,
    sections: sections.map((s) => ({
      ...s,
      rows: showAll
        ? s.rows
        : s.rows.filter((r) => r.position <= s.quota + MARGIN || r.insideCut || r.tieAtCut || r.override || r.cutStatus === "capped"),
      hidden: showAll ? 0 : s.rows.filter((r) => !(r.position <= s.quota + MARGIN || r.insideCut || r.tieAtCut || r.override || r.cutStatus === "capped")).length,
      total: s.rows.length,
    })),
    meta,
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const { t } = await getT(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const url = new URL(request.url);
  const back = withoutNotice(url.pathname, url.search);
  const failure = (reason: string) =>
    reason === "wrong_stage"
      ? stageRefusalMessage(t, { code: "wrong_stage", stage: campaign.stage, allowed: ["shortlisting"] })
      : t(`shortlist:errors.${reason}`);

  if (intent === "override") {
    const submission = parseWithZod(formData, { schema: overrideSchema });
    const itemKey = `${formData.get("itemType")}:${formData.get("itemId")}`;
    if (submission.status !== "success") return json({ intent, itemKey, result: submission.reply(), message: null }, { status: 400 });
    const outcome = await forbiddenAs403(setOverride(database, actor, { campaignId: campaign.id, ...submission.value }));
    if (outcome.ok) return redirect(withNotice(back, "overrideSaved"));
    return json({ intent, itemKey, result: submission.reply(), message: failure(outcome.reason) }, { status: 409 });
  }
  if (intent === "clearOverride") {
    const submission = parseWithZod(formData, { schema: clearOverrideSchema });
    if (submission.status !== "success") return json({ intent, itemKey: null, result: null, message: failure("not_found") }, { status: 400 });
    const outcome = await forbiddenAs403(clearOverride(database, actor, { campaignId: campaign.id, ...submission.value }));
    if (outcome.ok) return redirect(withNotice(back, "overrideCleared"));
    return json({ intent, itemKey: null, result: null, message: failure(outcome.reason) }, { status: 409 });
  }
  if (intent === "apply") {
    const outcome = await forbiddenAs403(applyShortlist(database, actor, campaign.id));
    if (outcome.ok) return redirect(withNotice(back, "shortlistApplied"));
    return json({ intent, itemKey: null, result: null, message: failure(outcome.reason) }, { status: 409 });
  }
  return json({ intent: null, itemKey: null, result: null, message: null }, { status: 400 });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Section = NonNullable<Data["sections"]>[number];
type Row = Section["rows"][number];

const STATUS_CLASS: Record<string, string> = {
  inside: "bg-green-100 text-green-900",
  included: "bg-green-100 text-green-900 ring-1 ring-green-800",
  excluded: "bg-red-100 text-red-900 ring-1 ring-red-800",
  capped: "bg-purple-100 text-purple-900",
  below: "bg-slate-100 text-slate-800",
  incomplete: "bg-amber-100 text-amber-950",
};

function OverrideForm({ row, itemType }: { row: Row; itemType: string }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const location = useLocation();
  const key = `${itemType}:${row.itemId}`;
  const mine = actionData?.intent === "override" && actionData.itemKey === key;
  const errors = mine ? ((actionData.result?.error ?? {}) as Record<string, string[] | null>) : {};
  const typed = mine ? ((actionData.result?.initialValue ?? {}) as { reason?: string }) : {};
  const decision = row.insideCut ? "exclude" : "include";
  const reasonId = `reason-${itemType}-${row.itemId}`;
  return (
    <details className="mt-1" open={mine}>
      <summary className="cursor-pointer text-sm text-brand-800 underline">
        {decision === "include" ? t("shortlist:override.include") : t("shortlist:override.exclude")}
      </summary>
      {mine && actionData.message ? (
        <p role="alert" className="mt-1 text-sm font-medium text-red-800">
          {actionData.message}
        </p>
      ) : null}
      <Form method="post" action={withoutNotice(location.pathname, location.search)} className="mt-2 space-y-2">
        <input type="hidden" name="intent" value="override" />
        <input type="hidden" name="itemType" value={itemType} />
        <input type="hidden" name="itemId" value={row.itemId} />
        <input type="hidden" name="decision" value={decision} />
        <label htmlFor={reasonId} className="block text-sm font-medium">
          {t("shortlist:override.reason")}
        </label>
        <textarea
          id={reasonId}
          name="reason"
          rows={2}
          required
          maxLength={REASON_MAX}
          defaultValue={typed.reason ?? ""}
          aria-invalid={errors.reason?.length ? true : undefined}
          aria-describedby={errors.reason?.length ? `${reasonId}-error` : undefined}
          className={`${inputClass} text-base`}
        />
        <ErrorList id={`${reasonId}-error`} errors={errors.reason ?? null} />
        <button type="submit" className={secondaryButtonClass}>
          {t("shortlist:override.save")}
        </button>
      </Form>
    </details>
  );
}

function SectionTable({ section, editable }: { section: Section; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const location = useLocation();
  const headingId = `section-${section.itemType}`;
  const itemPath = section.itemType === "demand" ? "demands" : "applications";
  // The cut is drawn above the first row outside it.
  const firstOutside = section.insideCount > 0 ? section.rows.findIndex((r) => !r.insideCut) : -1;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5" data-testid={`shortlist-${section.itemType}`}>
      <h2 id={headingId} className="text-xl font-semibold">
        {t(`shortlist:section.${section.itemType}`)}
      </h2>
      <p className="mt-1 text-slate-700">
        {t("shortlist:section.summary", { inside: section.insideCount, quota: section.quota, total: section.total })}
        {section.vendorCap !== null ? ` · ${t("shortlist:section.vendorCap", { cap: section.vendorCap })}` : null}
      </p>
      {section.tie ? (
        <p role="status" className="mt-2 rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-amber-950" data-testid="tie-warning">
          {t("shortlist:section.tie", { score: formatZ(section.cutScore) })}
        </p>
      ) : null}
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[52rem] border-collapse text-left">
          <caption className="sr-only">{t(`shortlist:section.${section.itemType}`)}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3 text-right">
                {t("shortlist:col.position")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("shortlist:col.item")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("shortlist:col.normalised")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("shortlist:col.raw")}
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                {t("shortlist:col.reviews")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("shortlist:col.status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row, index) => {
              const drawCut = index === firstOutside;
              return (
                <tr
                  key={row.itemId}
                  className={`align-top ${drawCut ? "border-t-4 border-t-red-700" : "border-t border-slate-200"} ${row.insideCut ? "bg-green-50/40" : ""}`}
                  data-testid="shortlist-row"
                  data-inside={row.insideCut ? "1" : "0"}
                  data-status={row.cutStatus}
                >
                  <td className="py-2 pr-3 text-right font-semibold">{row.position}</td>
                  <td className="py-2 pr-3">
                    <Link to={`/${itemPath}/${row.itemId}`} className="font-medium text-brand-800 underline underline-offset-2">
                      {row.title}
                    </Link>
                    {row.vendor ? <p className="text-sm text-slate-700">{en ? row.vendor.nameEn : row.vendor.nameZh}</p> : null}
                    {row.override ? (
                      <p className="mt-1 text-sm text-slate-800">
                        {t(`shortlist:override.recorded.${row.override.decision}`, { reason: row.override.reason, by: row.override.decidedBy ?? "—" })}
                      </p>
                    ) : null}
                    {row.reviews.length ? (
                      <details className="mt-1">
                        <summary className={`cursor-pointer text-sm ${row.hasOutlier ? "font-semibold text-red-800" : "text-slate-700"}`}>
                          {row.hasOutlier ? `⚠ ${t("shortlist:outlier.flag")}` : t("shortlist:outlier.reviews")}
                        </summary>
                        <ul className="mt-1 space-y-0.5 text-sm">
                          {row.reviews.map((rv, i) => (
                            <li key={i} className={rv.outlier ? "font-semibold text-red-800" : ""}>
                              {t("shortlist:outlier.line", { name: rv.reviewerName, raw: formatWeighted(rv.weightedScore), z: formatZ(rv.z) })}
                              {rv.outlier && rv.delta !== null ? ` — ${t("shortlist:outlier.delta", { delta: formatWeighted(Math.abs(rv.delta)) })}` : null}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3 text-right font-semibold">{formatZ(row.normalisedScore)}</td>
                  <td className="py-2 pr-3 text-right">{formatWeighted(row.rawScore)}</td>
                  <td className="py-2 pr-3 text-right">{row.reviewCount}</td>
                  <td className="py-2 pr-3">
                    <span className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS_CLASS[row.cutStatus]}`}>{t(`shortlist:status.${row.cutStatus}`)}</span>
                    {row.tieAtCut ? (
                      <span className="ml-1 rounded bg-amber-200 px-2 py-0.5 text-sm font-semibold text-amber-950" data-testid="tie-flag">
                        {t("shortlist:status.tie")}
                      </span>
                    ) : null}
                    <p className="mt-1 text-sm text-slate-700">{t(`workflow:statuses.${row.status}`)}</p>
                    {editable && row.override ? (
                      <Form method="post" action={withoutNotice(location.pathname, location.search)} className="mt-1">
                        <input type="hidden" name="intent" value="clearOverride" />
                        <input type="hidden" name="itemType" value={section.itemType} />
                        <input type="hidden" name="itemId" value={row.itemId} />
                        <button type="submit" className="text-sm text-brand-800 underline">
                          {t("shortlist:override.clear")}
                        </button>
                      </Form>
                    ) : null}
                    {editable && !row.override && row.cutStatus !== "incomplete" && row.status !== "shortlisted" ? (
                      <OverrideForm row={row} itemType={section.itemType} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {section.hidden > 0 ? (
        <p className="mt-3">
          <Link to="?all=1" className="text-brand-800 underline">
            {t("shortlist:section.showAll", { n: section.hidden })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export default function Shortlist() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const location = useLocation();
  const busy = useNavigation().formData?.get("intent") === "apply";
  const editable = data.stage === "shortlisting";
  return (
    <div className="space-y-5">
      <CampaignNav slug={data.slug} stage={data.stage} />
      <h1 className="text-2xl font-bold">{t("shortlist:title", { title: data.title })}</h1>
      <p className="max-w-3xl text-slate-700">{t("shortlist:intro")}</p>
      {data.closedMessage ? (
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950" data-testid="stage-closed">
          {data.closedMessage}
        </p>
      ) : null}
      {actionData?.message && actionData.intent !== "override" ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {actionData.message}
        </p>
      ) : null}
      {data.published ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5">
          {t("shortlist:published")}{" "}
          <Link to={`/lists/${data.slug}`} className="font-medium text-brand-800 underline">
            {t("shortlist:viewLists")}
          </Link>
        </p>
      ) : null}
      {data.sections ? (
        <>
          <details className="rounded-lg border border-slate-200 bg-white p-5">
            <summary className="cursor-pointer font-semibold">{t("shortlist:method.heading")}</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
              <li>{t("shortlist:method.weighted")}</li>
              <li>{t("shortlist:method.normalised")}</li>
              <li>{t("shortlist:method.outliers")}</li>
              <li>{t("shortlist:method.cut")}</li>
            </ul>
          </details>
          {data.sections.map((s) => (
            <SectionTable key={s.itemType} section={s} editable={editable} />
          ))}
          {editable ? (
            <section aria-labelledby="apply-heading" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="apply-heading" className="text-lg font-semibold">
                {t("shortlist:apply.heading")}
              </h2>
              <p className="mt-1 text-slate-700">{t("shortlist:apply.intro")}</p>
              <div className="mt-3 flex flex-wrap items-center gap-3">
                <Form method="post" action={withoutNotice(location.pathname, location.search)}>
                  <input type="hidden" name="intent" value="apply" />
                  <button type="submit" className={primaryButtonClass} disabled={busy}>
                    {t("shortlist:apply.button")}
                  </button>
                </Form>
                <Link to={`/official/campaigns/${data.slug}/publish`} className={secondaryButtonClass}>
                  {t("shortlist:apply.toPublish")}
                </Link>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
