/**
 * One demand: what it is, where, who it helps, who raised it, its supports
 * and (for its author and officials) its history. The action takes the
 * page's buttons: support / unsupport (a fetcher with JavaScript, a plain
 * POST without), and the author's submit and withdraw. A demand the viewer
 * may not see is a 404, whether or not it exists.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser, requireUserWithPermission } from "~/auth/current-user.server";
import { formatDate, formatDateTime } from "~/components/date-format";
import { bigButton, localName, useHydrated } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dangerButtonClass, ErrorList, inputClass, primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { Timeline } from "~/components/timeline";
import { canManageAttachments, listAttachments } from "~/attachments/attachments.server";
import { AttachmentsField } from "~/components/attachments-field";
import { FeedbackPanel } from "~/review/feedback-panel";
import { feedbackFor } from "~/review/feedback.server";
import { getDemandDetail, submitDemand, withdrawDemand } from "~/demands/demands.server";
import { demandIdParam, refusalOf } from "~/demands/http.server";
import { REASON_MAX } from "~/demands/limits";
import { versionSchema } from "~/demands/schemas.server";
import { supportDemand, unsupportDemand } from "~/demands/supports.server";
import { DemandMatchingLinks } from "~/matching/links";
import { excerpt } from "~/sharing/excerpt";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = demandIdParam(params.id);
  const [{ t, locale }, user] = await Promise.all([getT(request), getCurrentUser(request)]);
  const database = await db();
  const detail = await getDemandDetail(database, viewerOf(user), id);
  if (!detail) throw new Response("Not Found", { status: 404 });
  const [attachments, canEditAttachments, feedback] = await Promise.all([
    listAttachments(database, { type: "demand", id }),
    canManageAttachments(database, user, { type: "demand", id }),
    feedbackFor(database, viewerOf(user), "demand", id),
  ]);
  return json(
    {
      detail,
      locale,
      signedIn: !!user,
      attachments,
      canEditAttachments,
      feedback: feedback.ok ? feedback.feedback : null,
      meta: { title: t("demands:detail.metaTitle", { title: detail.demand.title }), description: excerpt(detail.demand.description), type: "article" as const },
    },
    // Drafts, contacts and phone numbers are per viewer: never cached by anyone else.
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

type ActionResult = { ok: true; supported: boolean; supportCount: number } | { ok: false; formErrors: string[]; field?: "reason" };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = demandIdParam(params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const viaFetcher = formData.get("fetcher") === "1";
  const database = await db();
  const version = versionSchema.safeParse(formData.get("version"));
  try {
    if (intent === "support" || intent === "unsupport") {
      const user = await requireUserWithPermission(request, "support:demand:own");
      const viewer = viewerOf(user)!;
      const result = intent === "support" ? await supportDemand(database, viewer, id) : await unsupportDemand(database, viewer, id);
      if (viaFetcher) return json<ActionResult>({ ok: true, supported: result.supported, supportCount: result.supportCount });
      return redirect(withNotice(`/demands/${id}`, result.supported ? "demandSupported" : "demandUnsupported"));
    }
    if (intent === "submit") {
      const user = await requireUserWithPermission(request, "create:demand:own");
      await submitDemand(database, user, id, { version: version.success ? version.data : undefined });
      return redirect(withNotice(`/demands/${id}`, "demandSubmitted"));
    }
    if (intent === "withdraw") {
      const user = await requireUserWithPermission(request, "create:demand:own");
      const reason = String(formData.get("reason") ?? "");
      if (reason.length > REASON_MAX) {
        return json<ActionResult>({ ok: false, formErrors: ["demands:errors.reasonTooLong"], field: "reason" }, { status: 400 });
      }
      await withdrawDemand(database, user, id, { reason, version: version.success ? version.data : undefined });
      return redirect(withNotice(`/demands/${id}`, "demandWithdrawn"));
    }
  } catch (error) {
    const refusal = refusalOf(error);
    return json<ActionResult>({ ok: false, formErrors: [...refusal.formErrors, ...Object.values(refusal.fieldErrors).flat()] }, { status: refusal.status });
  }
  throw new Response("Bad Request", { status: 400 });
}

function SupportBox({ demandId, count, supported, canSupport, isAuthor, signedIn }: { demandId: number; count: number; supported: boolean; canSupport: boolean; isAuthor: boolean; signedIn: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<ActionResult>();
  const hydrated = useHydrated();
  const location = useLocation();
  // Optimistic: while the click is on its way, show its outcome.
  let shownSupported = supported;
  let shownCount = count;
  const pending = fetcher.formData?.get("intent");
  if (pending === "support" || pending === "unsupport") {
    shownSupported = pending === "support";
    if (shownSupported !== supported) shownCount = Math.max(0, count + (shownSupported ? 1 : -1));
  }
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.formErrors : null;
  return (
    <section id="support" aria-labelledby="support-count" className="rounded-lg border border-slate-200 bg-white p-5">
      <p id="support-count" className="text-2xl font-bold text-brand-700" aria-live="polite" data-testid="support-count">
        {t("demands:support.count", { count: shownCount })}
      </p>
      {isAuthor ? (
        <p className="mt-2 text-slate-700">{t("demands:support.own")}</p>
      ) : !signedIn ? (
        <p className="mt-3">
          <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`} className={`${primaryButtonClass} ${bigButton}`}>
            {t("demands:support.signIn")}
          </Link>
        </p>
      ) : canSupport ? (
        <fetcher.Form method="post" action={`/demands/${demandId}`} className="mt-3">
          <input type="hidden" name="intent" value={shownSupported ? "unsupport" : "support"} />
          {hydrated ? <input type="hidden" name="fetcher" value="1" /> : null}
          {shownSupported ? <p className="mb-2 text-green-800">{t("demands:support.supported")}</p> : null}
          <button
            type="submit"
            className={`${shownSupported ? secondaryButtonClass : primaryButtonClass} ${bigButton}`}
            aria-label={shownSupported ? undefined : t("demands:support.supportLabel")}
          >
            {shownSupported ? t("demands:support.unsupport") : t("demands:support.support")}
          </button>
          <ErrorList errors={error} />
        </fetcher.Form>
      ) : null}
    </section>
  );
}

export default function DemandPage() {
  const { detail, locale, signedIn, attachments, canEditAttachments, feedback } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { demand, subdistrict, campaign, intake, viewer } = detail;
  const en = locale === "en";
  const pageErrors = actionData && !actionData.ok && actionData.field !== "reason" ? actionData.formErrors : null;
  const reasonErrors = actionData && !actionData.ok && actionData.field === "reason" ? actionData.formErrors : null;

  return (
    <article className="mx-auto max-w-4xl space-y-6" aria-labelledby="demand-title">
      <p>
        <Link to="/demands" className="text-lg text-brand-700 underline">
          {t("demands:detail.back")}
        </Link>
      </p>
      {pageErrors?.length ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3">
          <ErrorList errors={pageErrors} />
        </div>
      ) : null}
      {demand.status === "draft" ? (
        <p className="rounded-md border border-amber-500 bg-amber-50 px-4 py-3 text-lg">{t("demands:detail.draftNotice")}</p>
      ) : null}
      {demand.status === "withdrawn" ? (
        <p className="rounded-md border border-slate-400 bg-slate-100 px-4 py-3 text-lg">{t("demands:detail.withdrawnNotice")}</p>
      ) : null}

      <header>
        <p className="text-slate-700">
          <span className="rounded bg-brand-100 px-2 py-0.5 font-medium text-brand-800" data-testid="demand-status">
            {t(`workflow:statuses.${demand.status}`, { defaultValue: demand.status })}
          </span>{" "}
          · {t(`common:domains.${demand.domain}`)}
        </p>
        <h1 id="demand-title" className="mt-2 text-3xl font-bold" lang={demand.lang}>
          {demand.title}
        </h1>
        {intake ? (
          <p className="mt-3 rounded-md border border-brand-100 bg-brand-50 px-4 py-3 text-lg" data-testid="intake-note">
            {t("demands:detail.intake", {
              worker: intake.recordedByName ?? t("demands:detail.intakeUnknownWorker"),
              resident: intake.residentShortName,
              method: t(`intake:consentMethods.${intake.consentMethod}`),
              date: formatDate(intake.consentAt, locale),
            })}
          </p>
        ) : null}
      </header>

      <div className="grid gap-6 md:grid-cols-3">
        <div className="space-y-6 md:col-span-2">
          <section aria-labelledby="description-title" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="description-title" className="text-lg font-semibold">
              {t("demands:detail.description")}
            </h2>
            <p className="mt-2 whitespace-pre-line text-lg leading-relaxed" lang={demand.lang}>
              {demand.description}
            </p>
          </section>

          <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2">
            <div>
              <dt className="text-slate-700">{t("demands:detail.subdistrict")}</dt>
              <dd className="text-lg font-medium">
                <Link to={`/demands?subdistrict=${subdistrict.slug}`} className="text-brand-700 underline">
                  {localName(subdistrict, locale)}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("demands:detail.raisedBy")}</dt>
              <dd className="text-lg font-medium">
                {t(`demands:raisedBy.${demand.raisedBy}`)}
                {detail.organization ? ` · ${localName(detail.organization, locale)}` : null}
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("demands:detail.targetGroups")}</dt>
              <dd className="text-lg">
                {detail.targetGroups.length ? detail.targetGroups.map((g) => localName(g, locale)).join(en ? ", " : "、") : "—"}
              </dd>
            </div>
            {detail.scenarios.length ? (
              <div>
                <dt className="text-slate-700">{t("demands:detail.scenarios")}</dt>
                <dd className="text-lg">{detail.scenarios.map((s) => localName(s, locale)).join(en ? ", " : "、")}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-700">{t("demands:detail.campaign")}</dt>
              <dd className="text-lg">{en ? campaign.titleEn : campaign.titleZh}</dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("demands:detail.submittedAt")}</dt>
              <dd className="text-lg">{demand.submittedAt ? formatDateTime(demand.submittedAt, locale) : t("demands:detail.notSubmitted")}</dd>
            </div>
            {detail.contact && detail.contact.preference !== "none" ? (
              <div className="sm:col-span-2">
                <dt className="text-slate-700">{t("demands:detail.contact")}</dt>
                <dd className="text-lg" data-testid="demand-contact">
                  {t(`demands:contact.${detail.contact.preference}`)}
                  {detail.contact.value ? `: ${detail.contact.value}` : null}
                </dd>
              </div>
            ) : null}
            {intake?.residentName ? (
              <div className="sm:col-span-2" data-testid="intake-private">
                <dd>{t("demands:detail.residentFull", { name: intake.residentName })}</dd>
                {intake.residentPhone ? <dd>{t("demands:detail.residentPhone", { phone: intake.residentPhone })}</dd> : null}
                <dd>{t("demands:detail.channel", { channel: t(`intake:channels.${intake.channel}`) })}</dd>
              </div>
            ) : null}
          </dl>

          {attachments.length > 0 || canEditAttachments ? (
            <AttachmentsField ownerType="demand" ownerId={demand.id} attachments={attachments} canEdit={canEditAttachments} />
          ) : null}

          {feedback ? <FeedbackPanel feedback={feedback} /> : null}

          {detail.timeline ? (
            <section aria-labelledby="timeline-title" className="rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="timeline-title" className="text-lg font-semibold">
                {t("demands:detail.timeline")}
              </h2>
              <Timeline entries={detail.timeline} locale={locale} labelledBy="timeline-title" />
            </section>
          ) : null}
        </div>

        <div className="space-y-6">
          <SupportBox
            demandId={demand.id}
            count={demand.supportCount}
            supported={viewer.supported}
            canSupport={viewer.canSupport}
            isAuthor={viewer.isAuthor}
            signedIn={signedIn}
          />
          {viewer.isAuthor ? (
            <section aria-labelledby="owner-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
              <h2 id="owner-title" className="text-lg font-semibold">
                {t("demands:detail.owner")}
              </h2>
              {viewer.canEdit ? (
                <p>
                  <Link to={`/demands/${demand.id}/edit`} className={`${secondaryButtonClass} ${bigButton} w-full`}>
                    {t("demands:detail.edit")}
                  </Link>
                </p>
              ) : null}
              {viewer.canSubmit ? (
                <Form method="post" action={`/demands/${demand.id}`}>
                  <input type="hidden" name="version" value={demand.version} />
                  <button type="submit" name="intent" value="submit" className={`${primaryButtonClass} ${bigButton} w-full`}>
                    {t("demands:detail.submit")}
                  </button>
                </Form>
              ) : null}
              {viewer.canWithdraw ? (
                <Form method="post" action={`/demands/${demand.id}`} className="space-y-2">
                  <input type="hidden" name="version" value={demand.version} />
                  <label htmlFor="withdraw-reason" className="block font-medium">
                    {t("demands:detail.withdrawReason")}
                  </label>
                  <textarea
                    id="withdraw-reason"
                    name="reason"
                    rows={2}
                    maxLength={REASON_MAX}
                    className={inputClass}
                    aria-invalid={reasonErrors ? true : undefined}
                    aria-describedby={reasonErrors ? "withdraw-reason-error" : undefined}
                  />
                  <ErrorList id="withdraw-reason-error" errors={reasonErrors} />
                  <button type="submit" name="intent" value="withdraw" className={`${dangerButtonClass} ${bigButton} w-full`}>
                    {t("demands:detail.withdraw")}
                  </button>
                </Form>
              ) : null}
              {!viewer.canEdit && (demand.status === "submitted" || demand.status === "draft") ? (
                <p className="text-slate-700">{t("demands:detail.lockedNotice")}</p>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
      <DemandMatchingLinks demandId={demand.id} subdistrictSlug={subdistrict.slug} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
