/**
 * Officials: reviewers for a campaign's items. "Assign automatically" gives
 * every item in review its k reviewers (balanced, never a conflict of
 * interest) and reports items that could not get enough; then, item by item,
 * add or remove a reviewer by hand — the same conflict rule applies, with a
 * message beside the field.
 */
import { getFormProps, useForm } from "@conform-to/react";
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
import { Pager } from "~/components/pager";
import { deliverSoon } from "~/notifications/mailer.server";
import { addReviewer, addReviewerSchema, assignmentBoard, autoAssign, removeAssignment, removeAssignmentSchema } from "~/review/assignment.server";
import { parseItemType } from "~/review/common.server";
import { AssignmentStatusBadge } from "~/review/review-ui";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice, withoutNotice } from "~/utils/notice";
import { stageRefusal, stageRefusalMessage } from "~/workflow/refusal";

function readQuery(url: URL) {
  const itemType = parseItemType(url.searchParams.get("type")) ?? "application";
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const missing = url.searchParams.get("missing") === "1";
  return { itemType, page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1, q, missing };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const { t, locale } = await getT(request);
  const title = locale === "en" ? campaign.titleEn : campaign.titleZh;
  const query = readQuery(new URL(request.url));
  const board = await forbiddenAs403(assignmentBoard(database, actor, campaign, { itemType: query.itemType, page: query.page, q: query.q, missingOnly: query.missing }));
  const refusal = stageRefusal(campaign.stage, ["reviewing"]);
  return json({
    slug: campaign.slug,
    stage: campaign.stage,
    title,
    k: campaign.reviewersPerItem,
    query,
    board,
    closedMessage: refusal ? stageRefusalMessage(t, refusal) : null,
    meta: { title: t("review:assign.metaTitle", { title }), description: t("review:assign.metaDescription", { title }) },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

type AutoReply = { created: number; shortfalls: { itemType: string; itemId: number; needed: number; assigned: number }[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const { t } = await getT(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const url = new URL(request.url);
  const back = withoutNotice(url.pathname, url.search);
  const refusedMessage = (outcome: { reason: string; stage?: string; allowed?: readonly string[] }) =>
    outcome.reason === "wrong_stage"
      ? stageRefusalMessage(t, { code: "wrong_stage", stage: campaign.stage, allowed: ["reviewing"] })
      : t(`review:errors.${outcome.reason}`);

  if (intent === "auto") {
    const outcome = await forbiddenAs403(autoAssign(database, actor, campaign.id));
    if (!outcome.ok) return json({ intent, auto: null as AutoReply | null, itemKey: null, result: null, message: refusedMessage(outcome) }, { status: 409 });
    if (outcome.created > 0) deliverSoon();
    return json({ intent, auto: { created: outcome.created, shortfalls: outcome.shortfalls } as AutoReply | null, itemKey: null, result: null, message: null });
  }

  if (intent === "add") {
    const submission = parseWithZod(formData, { schema: addReviewerSchema });
    const itemKey = `${formData.get("itemType")}:${formData.get("itemId")}`;
    if (submission.status !== "success") {
      return json({ intent, auto: null, itemKey, result: submission.reply(), message: null }, { status: 400 });
    }
    const outcome = await forbiddenAs403(addReviewer(database, actor, { campaignId: campaign.id, ...submission.value }));
    if (outcome.ok) {
      deliverSoon();
      return redirect(withNotice(back, "reviewerAdded"));
    }
    const fieldMessage = outcome.reason === "excluded" ? `review:errors.excluded.${outcome.exclusion}` : outcome.reason === "not_reviewer" ? "review:errors.not_reviewer" : null;
    if (fieldMessage) {
      return json({ intent, auto: null, itemKey, result: submission.reply({ fieldErrors: { reviewerId: [fieldMessage] } }), message: null }, { status: 400 });
    }
    return json({ intent, auto: null, itemKey, result: submission.reply(), message: refusedMessage(outcome) }, { status: 409 });
  }

  if (intent === "remove") {
    const submission = parseWithZod(formData, { schema: removeAssignmentSchema });
    if (submission.status !== "success") return json({ intent, auto: null, itemKey: null, result: null, message: t("review:errors.not_found") }, { status: 400 });
    const outcome = await forbiddenAs403(removeAssignment(database, actor, { campaignId: campaign.id, assignmentId: submission.value.assignmentId }));
    if (outcome.ok) return redirect(withNotice(back, "reviewerRemoved"));
    return json({ intent, auto: null, itemKey: null, result: null, message: refusedMessage(outcome) }, { status: 409 });
  }

  return json({ intent: null, auto: null, itemKey: null, result: null, message: null }, { status: 400 });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Item = Data["board"]["items"][number];

function AddReviewerForm({ item, reviewers, editable }: { item: Item; reviewers: Data["board"]["reviewers"]; editable: boolean }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const location = useLocation();
  const key = `${item.itemType}:${item.id}`;
  const mine = actionData?.intent === "add" && actionData.itemKey === key;
  const [form, fields] = useForm({ id: `add-${item.itemType}-${item.id}`, lastResult: mine ? actionData.result : undefined });
  const busy = useNavigation().formData?.get("itemId") === String(item.id);
  const onItem = new Set(item.assignments.map((a) => a.reviewerId));
  const choices = reviewers.filter((r) => !onItem.has(r.id));
  if (!editable || choices.length === 0) return null;
  return (
    <Form method="post" action={withoutNotice(location.pathname, location.search)} {...getFormProps(form)} className="mt-2">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="itemType" value={item.itemType} />
      <input type="hidden" name="itemId" value={item.id} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={fields.reviewerId.id} className="block text-sm font-medium">
            {t("review:assign.addReviewer")}
          </label>
          <select
            id={fields.reviewerId.id}
            name={fields.reviewerId.name}
            defaultValue=""
            aria-invalid={fields.reviewerId.errors?.length ? true : undefined}
            aria-describedby={fields.reviewerId.errors?.length ? fields.reviewerId.errorId : undefined}
            className={`${inputClass} py-1.5`}
          >
            <option value="">{t("review:assign.chooseReviewer")}</option>
            {choices.map((r) => (
              <option key={r.id} value={r.id}>
                {t("review:assign.reviewerOption", { name: r.displayName, load: r.active })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass} disabled={busy}>
          {t("review:assign.add")}
        </button>
      </div>
      <ErrorList id={fields.reviewerId.errorId} errors={fields.reviewerId.errors} />
    </Form>
  );
}

export default function AssignReviewers() {
  const { slug, stage, title, k, query, board, closedMessage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const location = useLocation();
  const busy = useNavigation().formData?.get("intent") === "auto";
  const formAction = withoutNotice(location.pathname, location.search);
  const editable = !closedMessage;
  const maxLoad = Math.max(0, ...board.reviewers.map((r) => r.active));
  const minLoad = board.reviewers.length ? Math.min(...board.reviewers.map((r) => r.active)) : 0;
  const tab = (type: "application" | "demand") => `?type=${type}`;
  return (
    <div className="space-y-5">
      <CampaignNav slug={slug} stage={stage} />
      <h1 className="text-2xl font-bold">{t("review:assign.title", { title })}</h1>
      <p className="max-w-3xl text-slate-700">{t("review:assign.intro", { k })}</p>
      {closedMessage ? (
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950" data-testid="stage-closed">
          {closedMessage}
        </p>
      ) : null}
      <div role="status" aria-live="polite" className="empty:hidden">
        {actionData?.message ? <p className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900">{actionData.message}</p> : null}
        {actionData?.auto ? (
          <div className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="auto-result">
            <p>{t("review:assign.autoDone", { n: actionData.auto.created })}</p>
            {actionData.auto.shortfalls.length ? (
              <>
                <p className="mt-1 font-medium text-amber-950">{t("review:assign.shortfalls", { n: actionData.auto.shortfalls.length })}</p>
                <ul className="mt-1 list-disc pl-5">
                  {actionData.auto.shortfalls.map((s) => (
                    <li key={`${s.itemType}:${s.itemId}`}>
                      {t("review:assign.shortfall", { type: t(`workflow:itemTypes.${s.itemType}`), id: s.itemId, assigned: s.assigned, needed: s.needed })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
      </div>

      <section aria-labelledby="auto-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="auto-heading" className="text-lg font-semibold">
          {t("review:assign.autoHeading")}
        </h2>
        <p className="mt-1 text-slate-700">
          {t("review:assign.totals", { items: board.totals.items, assignments: board.totals.assignments, missing: board.totals.missing })}
        </p>
        {editable ? (
          <Form method="post" action={formAction} className="mt-3">
            <input type="hidden" name="intent" value="auto" />
            <button type="submit" className={primaryButtonClass} disabled={busy}>
              {t("review:assign.autoButton")}
            </button>
          </Form>
        ) : null}
        <h3 className="mt-5 font-semibold">{t("review:assign.loads")}</h3>
        <p className="text-sm text-slate-700">{t("review:assign.loadSpread", { min: minLoad, max: maxLoad })}</p>
        {board.reviewers.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("review:assign.noReviewers")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full min-w-[28rem] border-collapse text-left">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">
                    {t("review:assign.reviewer")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("review:assign.active")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("review:assign.submitted")}
                  </th>
                  <th scope="col" className="py-1 pr-3 text-right">
                    {t("review:assign.recused")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.reviewers.map((r) => (
                  <tr key={r.id} className="border-b border-slate-200" data-testid="reviewer-load">
                    <th scope="row" className="py-1 pr-3 font-medium">
                      {r.displayName}
                    </th>
                    <td className="py-1 pr-3 text-right">{r.active}</td>
                    <td className="py-1 pr-3 text-right">{r.submitted}</td>
                    <td className="py-1 pr-3 text-right">{r.recused}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="items-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="items-heading" className="text-lg font-semibold">
          {t("review:assign.itemsHeading")}
        </h2>
        <nav aria-label={t("review:assign.typeTabs")} className="mt-3 flex flex-wrap gap-2">
          {(["application", "demand"] as const).map((type) => (
            <Link
              key={type}
              to={tab(type)}
              aria-current={query.itemType === type ? "page" : undefined}
              className={`rounded-md border px-3 py-1.5 ${query.itemType === type ? "border-brand-700 bg-brand-100 font-semibold text-brand-800" : "border-slate-300 bg-white hover:bg-slate-100"}`}
            >
              {t(`review:assign.tab.${type}`)}
            </Link>
          ))}
        </nav>
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-3">
          <input type="hidden" name="type" value={query.itemType} />
          <div>
            <label htmlFor="q" className="block text-sm font-medium">
              {t("review:assign.search")}
            </label>
            <input id="q" name="q" type="search" defaultValue={query.q} className={`${inputClass} py-1.5`} />
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="missing" value="1" defaultChecked={query.missing} className="h-5 w-5" />
            {t("review:assign.missingOnly")}
          </label>
          <button type="submit" className={secondaryButtonClass}>
            {t("review:assign.filter")}
          </button>
        </Form>
        {board.items.length === 0 ? (
          <p className="mt-4 text-slate-700">{t("review:assign.noItems")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
            {board.items.map((item) => {
              const active = item.assignments.filter((a) => a.status !== "recused").length;
              return (
                <li key={item.id} className="py-3" data-testid="assign-item">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium">
                      <span className="text-slate-700">#{item.id}</span> {item.title}
                      {item.organization ? <span className="ml-2 text-sm text-slate-700">{en ? item.organization.nameEn : item.organization.nameZh}</span> : null}
                    </p>
                    <p className={`text-sm font-medium ${active < k && item.status === "in_review" ? "text-amber-900" : "text-slate-700"}`}>
                      {t("review:assign.count", { active, k })} · {t(`workflow:statuses.${item.status}`)}
                    </p>
                  </div>
                  {item.assignments.length ? (
                    <ul className="mt-2 flex flex-wrap gap-2">
                      {item.assignments.map((a) => (
                        <li key={a.id} className="flex items-center gap-2 rounded-md border border-slate-300 px-2 py-1">
                          <span>{a.reviewerName}</span>
                          <AssignmentStatusBadge status={a.status as "assigned" | "submitted" | "recused"} />
                          {a.status === "recused" && a.recusalReason ? (
                            <span className="text-sm text-slate-700">{t("review:assign.recusalReason", { reason: a.recusalReason })}</span>
                          ) : null}
                          {editable && a.status === "assigned" ? (
                            <Form method="post" action={formAction}>
                              <input type="hidden" name="intent" value="remove" />
                              <input type="hidden" name="assignmentId" value={a.id} />
                              <button
                                type="submit"
                                className="rounded px-2 py-0.5 text-sm text-red-800 underline hover:bg-red-50"
                                aria-label={t("review:assign.removeLabel", { name: a.reviewerName, title: item.title })}
                              >
                                {t("review:assign.remove")}
                              </button>
                            </Form>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <AddReviewerForm item={item} reviewers={board.reviewers} editable={editable && (item.status === "in_review" || item.status === "scored")} />
                </li>
              );
            })}
          </ul>
        )}
        <Pager page={board.page} pageCount={board.pageCount} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
