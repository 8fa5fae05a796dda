/**
 * Officials: the screening queue of a campaign (stage "screening"). Tabs for
 * applications and demands, filters, and one form for the whole page: tick
 * items and pass or reject them all (with a template reason and/or a note),
 * or use one row's own buttons. Works the same with JavaScript off.
 */
import { getFormProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useRef, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

import { DOMAINS, ITEM_TYPES } from "../../db/enums";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { CampaignNav } from "~/campaigns/campaign-nav";
import { requireCampaign } from "~/campaigns/campaigns.server";
import { formatDate } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dangerButtonClass, ErrorList, focusOnError, FormErrors, inputClass, primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { Pager } from "~/components/pager";
import { deliverSoon } from "~/notifications/mailer.server";
import { activeScreeningReasons } from "~/screening/reasons.server";
import {
  decisionOf,
  listScreeningQueue,
  parseQueueQuery,
  passItems,
  rejectItems,
  screeningDecisionSchema,
  screeningTally,
} from "~/screening/screening.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice, withoutNotice } from "~/utils/notice";
import { MOVES } from "~/workflow/lifecycle";
import { stageRefusal, stageRefusalMessage } from "~/workflow/refusal";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const query = parseQueueQuery(new URL(request.url).searchParams);
  const [{ t, locale }, queue, reasons, tally] = await Promise.all([
    getT(request),
    forbiddenAs403(listScreeningQueue(database, actor, campaign.id, query)),
    activeScreeningReasons(database),
    screeningTally(database, campaign.id),
  ]);
  const refusal = stageRefusal(campaign.stage, MOVES.pass.stages);
  return json({
    slug: campaign.slug,
    stage: campaign.stage,
    title: locale === "en" ? campaign.titleEn : campaign.titleZh,
    query,
    queue,
    reasons,
    tally,
    closedMessage: refusal ? stageRefusalMessage(t, refusal) : null,
    meta: { title: t("screening:metaTitle"), description: t("screening:metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const url = new URL(request.url);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: screeningDecisionSchema });
  const ticked = formData.getAll("ids").map(String);
  if (submission.status !== "success") {
    return json({ result: submission.reply(), message: null, ticked }, { status: 400 });
  }
  const { decision, ids } = decisionOf(submission.value);
  const input = { campaignId: campaign.id, itemType: submission.value.itemType, ids };
  const outcome =
    decision === "pass"
      ? await forbiddenAs403(passItems(database, actor, input))
      : await forbiddenAs403(rejectItems(database, actor, { ...input, reasonId: submission.value.reasonId, reasonText: submission.value.reasonText }));
  if (outcome.ok) {
    deliverSoon();
    return redirect(withNotice(withoutNotice(url.pathname, url.search), decision === "pass" ? "screeningPassed" : "screeningRejected"));
  }
  if (outcome.error === "nothing_selected") {
    // On the checkboxes, so that focus goes to the first of them (they point at the message).
    return json({ result: submission.reply({ fieldErrors: { ids: ["screening:errors.nothingSelected"] } }), message: null, ticked }, { status: 400 });
  }
  if (outcome.error === "reason_not_found") {
    return json({ result: submission.reply({ fieldErrors: { reasonId: ["screening:errors.reasonNotFound"] } }), message: null, ticked }, { status: 400 });
  }
  if (outcome.refusal.code === "reason_required") {
    return json({ result: submission.reply({ fieldErrors: { reasonText: ["screening:errors.reasonRequired"] } }), message: null, ticked }, { status: 400 });
  }
  const { t } = await getT(request);
  const message = stageRefusalMessage(t, outcome.refusal);
  return json(
    { result: submission.reply(), message: outcome.itemId ? t("screening:errors.itemRefused", { id: outcome.itemId, message }) : message, ticked },
    { status: 409 },
  );
}

const noSubscription = () => () => {};
/** False in the server render and the hydration pass, true afterwards (for controls that need JavaScript). */
function useHydrated() {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

export default function ScreeningQueue() {
  const { slug, stage, title, query, queue, reasons, tally, closedMessage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { pathname, search } = useLocation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, fields] = useForm({ id: "screening", lastResult: actionData?.result, shouldValidate: "onSubmit" });
  const ticked = new Set(actionData?.ticked ?? []);
  const open = !closedMessage;
  const type = query.itemType;
  const base = `/official/campaigns/${slug}/screening`;
  const { key: reasonKey, ...reasonSelect } = getSelectProps(fields.reasonId, { ariaDescribedBy: "reason-hint" });
  const { key: noteKey, ...noteProps } = getTextareaProps(fields.reasonText, { ariaDescribedBy: "reason-hint" });

  const toggleAll = (checked: boolean) => {
    formRef.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]').forEach((box) => (box.checked = checked));
  };

  return (
    <div className="space-y-5">
      <CampaignNav slug={slug} stage={stage} />
      <h1 className="text-2xl font-bold">{t("screening:title", { title })}</h1>
      {closedMessage ? (
        <p className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950" role="status" data-testid="stage-closed">
          {closedMessage}
        </p>
      ) : null}

      <nav aria-label={t("screening:tabsLabel")} className="flex flex-wrap gap-2 border-b border-slate-300">
        {ITEM_TYPES.slice()
          .reverse()
          .map((it) => (
            <Link
              key={it}
              to={`${base}?type=${it}`}
              aria-current={it === type ? "page" : undefined}
              className={`-mb-px rounded-t-md border px-4 py-2 ${it === type ? "border-slate-300 border-b-white bg-white font-semibold" : "border-transparent text-brand-700 underline"}`}
            >
              {t(`screening:tabs.${it}`, { waiting: tally[it].waiting })}
            </Link>
          ))}
      </nav>
      <p className="text-slate-700">{t("screening:tally", tally[type])}</p>

      <Form method="get" action={base} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("screening:filters")}>
        <input type="hidden" name="type" value={type} />
        <div>
          <label htmlFor="filter-domain" className="block font-medium">
            {t("screening:domain")}
          </label>
          <select id="filter-domain" name="domain" defaultValue={query.domain ?? ""} className={`mt-1 ${inputClass} w-auto`}>
            <option value="">{t("screening:all")}</option>
            {DOMAINS.map((d) => (
              <option key={d} value={d}>
                {t(`domains.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-place" className="block font-medium">
            {type === "demand" ? t("screening:subdistrict") : t("screening:vendor")}
          </label>
          <select
            id="filter-place"
            name={type === "demand" ? "subdistrict" : "vendor"}
            defaultValue={String((type === "demand" ? query.subdistrictId : query.organizationId) ?? "")}
            className={`mt-1 ${inputClass} w-auto max-w-xs`}
          >
            <option value="">{t("screening:all")}</option>
            {queue.places.map((p) => (
              <option key={p.id} value={p.id}>
                {en ? p.nameEn : p.nameZh}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButtonClass}>
          {t("screening:applyFilters")}
        </button>
      </Form>

      <p className="text-slate-700" aria-live="polite">
        {t("screening:total", { count: queue.total })}
      </p>

      <Form method="post" action={withoutNotice(pathname, search)} {...getFormProps(form)} ref={formRef} className="space-y-4">
        <FormErrors id={form.errorId} errors={[...new Set([...(form.errors ?? []), ...(fields.ids.errors ?? []), ...(fields.intent.errors ?? [])])]} />
        {actionData?.message ? (
          <p className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900" role="alert" data-testid="refusal">
            {actionData.message}
          </p>
        ) : null}
        <input type="hidden" name="itemType" value={type} />
        {queue.rows.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("screening:empty")}</p>
        ) : (
          <>
            {hydrated && open ? (
              <p>
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" className="h-5 w-5" onChange={(e) => toggleAll(e.currentTarget.checked)} />
                  {t("screening:selectAll")}
                </label>
              </p>
            ) : null}
            <ul className="space-y-3">
              {queue.rows.map((row, index) => (
                <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-4" data-item-id={row.id}>
                  <div className="flex flex-wrap items-start gap-3">
                    {open ? (
                      <input
                        type="checkbox"
                        name="ids"
                        value={row.id}
                        id={`item-${row.id}`}
                        defaultChecked={ticked.has(String(row.id))}
                        className="mt-1 h-5 w-5"
                        aria-invalid={fields.ids.errors?.length ? true : undefined}
                        aria-describedby={fields.ids.errors?.length ? `item-${row.id}-meta ${form.errorId}` : `item-${row.id}-meta`}
                        {...focusOnError(!!fields.ids.errors?.length && index === 0)}
                      />
                    ) : null}
                    <div className="min-w-0 flex-1">
                      {open ? (
                        <label htmlFor={`item-${row.id}`} className="text-lg font-semibold elder:inline-flex elder:min-h-12 elder:items-center">
                          {row.title}
                        </label>
                      ) : (
                        <span className="text-lg font-semibold">{row.title}</span>
                      )}{" "}
                      <Link to={`/${type === "demand" ? "demands" : "applications"}/${row.id}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                        {t("screening:open")}
                        <span className="sr-only">{t("screening:openSr", { title: row.title })}</span>
                      </Link>
                      <p id={`item-${row.id}-meta`} className="text-slate-700">
                        {t(`domains.${row.domain}`)} · {en ? row.placeEn : row.placeZh}
                        {row.authorName ? ` · ${row.authorName}` : ""}
                        {row.submittedAt ? ` · ${t("screening:submittedAt", { date: formatDate(row.submittedAt, i18n.language) })}` : ""}
                      </p>
                    </div>
                    {open ? (
                      <div className="flex flex-wrap gap-2">
                        <button type="submit" name="intent" value={`pass:${row.id}`} className={secondaryButtonClass} disabled={busy} aria-label={t("screening:passOne", { title: row.title })}>
                          {t("screening:pass")}
                        </button>
                        <button type="submit" name="intent" value={`reject:${row.id}`} className={dangerButtonClass} disabled={busy} aria-label={t("screening:rejectOne", { title: row.title })}>
                          {t("screening:reject")}
                        </button>
                      </div>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}

        {open && queue.rows.length > 0 ? (
          <fieldset className="space-y-4 rounded-lg border border-slate-300 bg-white p-5">
            <legend className="px-1 text-lg font-semibold">{t("screening:decision")}</legend>
            <p id="reason-hint" className="text-slate-700">
              {t("screening:reasonHint")}
            </p>
            <div>
              <label htmlFor={fields.reasonId.id} className="block font-medium">
                {t("screening:reasonTemplate")}
              </label>
              <select key={reasonKey} {...reasonSelect} className={`mt-1 ${inputClass}`}>
                <option value="">{t("screening:noTemplate")}</option>
                {reasons.map((r) => (
                  <option key={r.id} value={r.id}>
                    {en ? r.textEn : r.textZh}
                  </option>
                ))}
              </select>
              <ErrorList id={fields.reasonId.errorId} errors={fields.reasonId.errors} />
            </div>
            <div>
              <label htmlFor={fields.reasonText.id} className="block font-medium">
                {t("screening:reasonText")}
              </label>
              <textarea key={noteKey} {...noteProps} rows={3} className={`mt-1 ${inputClass}`} />
              <ErrorList id={fields.reasonText.errorId} errors={fields.reasonText.errors} />
            </div>
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="intent" value="pass" className={primaryButtonClass} disabled={busy}>
                {t("screening:passSelected")}
              </button>
              <button type="submit" name="intent" value="reject" className={dangerButtonClass} disabled={busy}>
                {t("screening:rejectSelected")}
              </button>
            </div>
            <p className="text-sm">
              <Link to="/official/screening-reasons" className="text-brand-700 underline">
                {t("screening:manageReasons")}
              </Link>
            </p>
          </fieldset>
        ) : null}
      </Form>
      <Pager page={queue.page} pageCount={queue.pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
