/**
 * Officials: how far review has come (stage "reviewing" or later) — per
 * reviewer assigned / submitted / recused, the items still lacking reviews —
 * and reminders to one reviewer or all with pending work (at most one per
 * reviewer per 24 hours).
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { CampaignNav } from "~/campaigns/campaign-nav";
import { requireCampaign } from "~/campaigns/campaigns.server";
import { campaignProgress, sendReviewReminders } from "~/campaigns/progress.server";
import { STAGES_FOR } from "~/campaigns/stages";
import { formatDateTime } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { primaryButtonClass, secondaryButtonClass, useIsSubmitting } from "~/components/forms";
import { Pager } from "~/components/pager";
import { ScrollRegion } from "~/components/scroll-region";
import { deliverSoon } from "~/notifications/mailer.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { stageRefusal, stageRefusalMessage } from "~/workflow/refusal";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const { t, locale } = await getT(request);
  const title = locale === "en" ? campaign.titleEn : campaign.titleZh;
  const meta = { title: t("campaigns:progress.metaTitle", { title }), description: t("campaigns:progress.metaDescription", { title }) };
  const refusal = stageRefusal(campaign.stage, STAGES_FOR.progress);
  if (refusal) {
    return json({ slug: campaign.slug, stage: campaign.stage, title, closedMessage: stageRefusalMessage(t, refusal), progress: null, remindersMessage: null, reviewersPerItem: campaign.reviewersPerItem, meta });
  }
  const page = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
  const progress = await forbiddenAs403(campaignProgress(database, actor, campaign, { page: Number.isFinite(page) ? page : 1 }));
  return json({
    slug: campaign.slug,
    stage: campaign.stage,
    title,
    closedMessage: null,
    progress,
    remindersMessage: progress.remindersRefusal ? stageRefusalMessage(t, progress.remindersRefusal) : null,
    reviewersPerItem: campaign.reviewersPerItem,
    meta,
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

type ReminderReply = { message: string | null; sent: { reviewerId: number; pending: number }[]; skipped: { reviewerId: number; nextAt: string }[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const formData = await request.formData();
  const raw = Number(formData.get("reviewerId"));
  const reviewerId = Number.isInteger(raw) && raw > 0 && raw <= 2_147_483_647 ? raw : undefined;
  const none: ReminderReply = { message: null, sent: [], skipped: [] };
  if (formData.get("intent") !== "remind") return json(none, { status: 400 });
  const outcome = await forbiddenAs403(sendReviewReminders(database, actor, campaign, { reviewerId }));
  if (!outcome.ok) {
    const { t } = await getT(request);
    return json<ReminderReply>({ ...none, message: stageRefusalMessage(t, outcome.refusal) }, { status: 409 });
  }
  if (outcome.sent.length) deliverSoon();
  return json<ReminderReply>({ message: null, sent: outcome.sent, skipped: outcome.skipped.map((s) => ({ reviewerId: s.reviewerId, nextAt: s.nextAt.toISOString() })) });
}

export default function ReviewProgress() {
  const { slug, stage, title, closedMessage, progress, remindersMessage, reviewersPerItem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const busy = useIsSubmitting();
  const formAction = `/official/campaigns/${slug}/progress`;
  const nameOf = (id: number) => progress?.reviewers.find((r) => r.reviewerId === id)?.displayName ?? `#${id}`;
  const anyRemindable = !!progress?.reviewers.some((r) => r.pending > 0 && !r.nextReminderAt);
  return (
    <div className="space-y-5">
      <CampaignNav slug={slug} stage={stage} />
      <h1 className="text-2xl font-bold">{t("campaigns:progress.title", { title })}</h1>
      {closedMessage ? (
        <p className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950" role="status" data-testid="stage-closed">
          {closedMessage}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="empty:hidden">
        {actionData?.message ? <p className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900">{actionData.message}</p> : null}
        {actionData && !actionData.message ? (
          <div className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="reminder-result">
            <p>{t("campaigns:progress.sent", { count: actionData.sent.length })}</p>
            {actionData.skipped.length ? (
              <ul className="mt-1 list-disc pl-5">
                {actionData.skipped.map((s) => (
                  <li key={s.reviewerId}>
                    {t("campaigns:progress.skipped", { name: nameOf(s.reviewerId), at: formatDateTime(s.nextAt, i18n.language) })}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      {progress ? (
        <>
          <section aria-labelledby="reviewers-heading" className="rounded-lg border border-slate-200 bg-white p-5">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id="reviewers-heading" className="text-lg font-semibold">
                {t("campaigns:progress.reviewers")}
              </h2>
              {anyRemindable && !remindersMessage ? (
                <Form method="post" action={formAction}>
                  <input type="hidden" name="intent" value="remind" />
                  <button type="submit" className={primaryButtonClass} disabled={busy}>
                    {t("campaigns:progress.remindAll")}
                  </button>
                </Form>
              ) : null}
            </div>
            <p className="mt-1 text-sm text-slate-700">{remindersMessage ?? t("campaigns:progress.reminderRule")}</p>
            {progress.reviewers.length === 0 ? (
              <p className="mt-3 text-slate-700">{t("campaigns:progress.noAssignments")}</p>
            ) : (
              <ScrollRegion labelledBy="reviewers-heading" className="mt-3">
                <table className="w-full min-w-[40rem] border-collapse text-left">
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-1 pr-3">
                        {t("campaigns:progress.reviewer")}
                      </th>
                      <th scope="col" className="py-1 pr-3 text-right">
                        {t("campaigns:progress.assigned")}
                      </th>
                      <th scope="col" className="py-1 pr-3 text-right">
                        {t("campaigns:progress.submitted")}
                      </th>
                      <th scope="col" className="py-1 pr-3 text-right">
                        {t("campaigns:progress.recused")}
                      </th>
                      <th scope="col" className="py-1 pr-3 text-right">
                        {t("campaigns:progress.pending")}
                      </th>
                      <th scope="col" className="py-1">
                        {t("campaigns:progress.reminder")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {progress.reviewers.map((r) => (
                      <tr key={r.reviewerId} className="border-b border-slate-200" data-reviewer={r.email}>
                        <th scope="row" className="py-2 pr-3 font-normal">
                          <span className="font-medium">{r.displayName}</span>
                          <span className="block text-sm text-slate-700">{r.email}</span>
                        </th>
                        <td className="py-2 pr-3 text-right tabular-nums">{r.assigned}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{r.submitted}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{r.recused}</td>
                        <td className="py-2 pr-3 text-right font-semibold tabular-nums">{r.pending}</td>
                        <td className="py-2">
                          {r.lastRemindedAt ? (
                            <span className="block text-sm text-slate-700">
                              {t("campaigns:progress.lastReminded", { at: formatDateTime(r.lastRemindedAt, i18n.language) })}
                            </span>
                          ) : null}
                          {r.pending === 0 || remindersMessage ? null : r.nextReminderAt ? (
                            <span className="text-sm">{t("campaigns:progress.nextReminder", { at: formatDateTime(r.nextReminderAt, i18n.language) })}</span>
                          ) : (
                            <Form method="post" action={formAction}>
                              <input type="hidden" name="intent" value="remind" />
                              <input type="hidden" name="reviewerId" value={r.reviewerId} />
                              <button type="submit" className={secondaryButtonClass} disabled={busy} aria-label={t("campaigns:progress.remindOne", { name: r.displayName })}>
                                {t("campaigns:progress.remind")}
                              </button>
                            </Form>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </section>

          <section aria-labelledby="lacking-heading" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="lacking-heading" className="text-lg font-semibold">
              {t("campaigns:progress.lacking", { count: progress.lacking.total })}
            </h2>
            <p className="text-sm text-slate-700">{t("campaigns:progress.lackingHint", { k: reviewersPerItem })}</p>
            {progress.lacking.items.length === 0 ? (
              <p className="mt-3 text-slate-700">{t("campaigns:progress.noneLacking")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-200">
                {progress.lacking.items.map((item) => (
                  <li key={`${item.itemType}-${item.id}`} className="flex flex-wrap items-baseline justify-between gap-2 py-2" data-lacking={`${item.itemType}-${item.id}`}>
                    <span>
                      <span className="mr-2 rounded bg-slate-100 px-2 py-0.5 text-sm">{t(`workflow:itemTypes.${item.itemType}`)}</span>
                      <Link to={`/${item.itemType === "demand" ? "demands" : "applications"}/${item.id}`} className="text-brand-700 underline">
                        {item.title}
                      </Link>
                    </span>
                    <span className="text-slate-700">
                      {t("campaigns:progress.itemCounts", { submitted: item.submitted, k: reviewersPerItem, pending: item.pending })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <Pager page={progress.lacking.page} pageCount={progress.lacking.pageCount} />
          </section>
        </>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
