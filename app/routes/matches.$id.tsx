/**
 * One match, for both sides: where it is in the pipeline, the demand and the
 * vendor's solution, the score and reasons when it was proposed, the
 * vendor's response, the pilot and the outcome, the history — and the moves
 * open to the viewer: the vendor accepts or declines; the demand's side
 * records the pilot and the deployment, or ends the match. Every form carries
 * the version it was shown (a stale one gets a message), works without
 * JavaScript and shows bad input beside the field.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { requireUser } from "~/auth/current-user.server";
import { formatDate } from "~/components/date-format";
import { bigButton, localName } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dangerButtonClass, FormErrors, primaryButtonClass } from "~/components/forms";
import { reasonLabels } from "~/matching/candidates.server";
import { InputField, TextAreaField } from "~/matching/fields";
import { idParam, refusalOf } from "~/matching/http.server";
import { KPIS_MAX, OUTCOME_MAX, OUTCOME_MIN, REASON_MAX, SITE_MAX } from "~/matching/limits";
import { acceptMatch, declineMatch, recordDeployment, startPilot } from "~/matching/pipeline.server";
import { acceptSchema, declineSchema, deploymentSchema, pilotSchema } from "~/matching/schemas.server";
import { MatchHistory, PipelineSteps, ReasonList, ScoreBadge, StageBadge } from "~/matching/ui";
import { matchDetail } from "~/matching/views.server";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice, type NoticeKey } from "~/utils/notice";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUser(request);
  const [{ t, locale }, database] = await Promise.all([getT(request), db()]);
  const match = await matchDetail(database, viewerOf(user), id);
  if (!match) throw new Response("Not Found", { status: 404 });
  const labels = await reasonLabels(database);
  return json(
    { match, labels, locale, meta: { title: t("matching:match.metaTitle", { demand: match.demand.title, application: match.application.title }), description: t("matching:match.metaDescription", { demand: match.demand.title, application: match.application.title }) } },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

const INTENTS = {
  accept: { schema: acceptSchema, run: acceptMatch, notice: "matchAccepted" },
  decline: { schema: declineSchema, run: declineMatch, notice: "matchDeclined" },
  startPilot: { schema: pilotSchema, run: startPilot, notice: "matchPilotStarted" },
  recordDeployment: { schema: deploymentSchema, run: recordDeployment, notice: "matchDeployed" },
} as const;
type Intent = keyof typeof INTENTS;

type ActionData = { intent: Intent | null; result: SubmissionResult<string[]> | null; message: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const { t } = await getT(request);
  if (!(intent in INTENTS)) return json<ActionData>({ intent: null, result: null, message: t("matching:errors.required") }, { status: 400 });
  const { schema, run, notice } = INTENTS[intent as Intent];
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return json<ActionData>({ intent: intent as Intent, result: submission.reply(), message: null }, { status: replyStatus(submission) });
  }
  try {
    await (run as (d: unknown, a: unknown, m: number, v: unknown) => Promise<unknown>)(await db(), viewerOf(user)!, id, submission.value);
  } catch (error) {
    const refusal = refusalOf(error, t);
    return json<ActionData>(
      { intent: intent as Intent, result: submission.reply({ fieldErrors: refusal.fieldErrors }), message: refusal.message },
      { status: refusal.status },
    );
  }
  return redirect(withNotice(`/matches/${id}`, notice as NoticeKey));
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function useMoveForm(intent: Intent, defaults?: Record<string, string>) {
  const actionData = useActionData<typeof action>();
  return useForm({
    id: `form-${intent}`,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
  });
}

function MoveMessage({ intent }: { intent: Intent }) {
  const actionData = useActionData<typeof action>();
  if (actionData?.intent !== intent || !actionData.message) return null;
  return (
    <div role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 font-medium text-red-800" data-testid="move-message">
      {actionData.message}
    </div>
  );
}

function AcceptForm({ version }: { version: number }) {
  const { t } = useTranslation();
  const [form] = useMoveForm("accept");
  const busy = useNavigation().formData?.get("intent") === "accept";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <MoveMessage intent="accept" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={`${primaryButtonClass} ${bigButton}`} disabled={busy}>
        {t("matching:match.accept")}
      </button>
    </Form>
  );
}

function DeclineForm({ version }: { version: number }) {
  const { t } = useTranslation();
  const [form, fields] = useMoveForm("decline");
  const busy = useNavigation().formData?.get("intent") === "decline";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <MoveMessage intent="decline" />
      <input type="hidden" name="intent" value="decline" />
      <input type="hidden" name="version" value={version} />
      <TextAreaField meta={fields.reason} label={t("matching:match.declineReason")} hint={t("matching:match.declineReasonHint", { max: REASON_MAX })} rows={2} maxLength={REASON_MAX} />
      <button type="submit" className={`${dangerButtonClass} ${bigButton}`} disabled={busy}>
        {t("matching:match.decline")}
      </button>
    </Form>
  );
}

function PilotForm({ version }: { version: number }) {
  const { t } = useTranslation();
  const [form, fields] = useMoveForm("startPilot");
  const busy = useNavigation().formData?.get("intent") === "startPilot";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <MoveMessage intent="startPilot" />
      <input type="hidden" name="intent" value="startPilot" />
      <input type="hidden" name="version" value={version} />
      <InputField meta={fields.site} label={t("matching:match.site")} hint={t("matching:match.siteHint")} maxLength={SITE_MAX} />
      <InputField meta={fields.startOn} label={t("matching:match.startOn")} type="date" />
      <TextAreaField meta={fields.kpis} label={t("matching:match.kpis")} hint={t("matching:match.kpisHint", { max: KPIS_MAX })} rows={3} maxLength={KPIS_MAX} />
      <button type="submit" className={`${primaryButtonClass} ${bigButton}`} disabled={busy}>
        {t("matching:match.startPilot")}
      </button>
    </Form>
  );
}

function DeploymentForm({ version }: { version: number }) {
  const { t } = useTranslation();
  const [form, fields] = useMoveForm("recordDeployment");
  const busy = useNavigation().formData?.get("intent") === "recordDeployment";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <MoveMessage intent="recordDeployment" />
      <input type="hidden" name="intent" value="recordDeployment" />
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        meta={fields.outcome}
        label={t("matching:match.outcomeLabel")}
        hint={t("matching:match.outcomeHint", { min: OUTCOME_MIN, max: OUTCOME_MAX })}
        rows={4}
        maxLength={OUTCOME_MAX}
      />
      <InputField meta={fields.deployedOn} label={t("matching:match.deployedOnLabel")} type="date" />
      <button type="submit" className={`${primaryButtonClass} ${bigButton}`} disabled={busy}>
        {t("matching:match.recordDeployment")}
      </button>
    </Form>
  );
}

export default function MatchPage() {
  const { match, labels, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const place = localName(match.subdistrict, locale);
  const turn =
    match.can.accept ? "yourTurnVendor" : match.can.startPilot ? "yourTurnPilot" : match.can.recordDeployment ? "yourTurnDeploy" : match.stage === "proposed" ? "waitingVendor" : null;

  return (
    <article className="mx-auto max-w-5xl space-y-6" aria-labelledby="match-title">
      <p>
        <Link to={`/demands/${match.demand.id}/matches`} className="text-lg text-brand-700 underline">
          {t("matching:match.back")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="text-slate-700">{t("matching:match.heading")}</p>
        <h1 id="match-title" className="text-3xl font-bold">
          <span lang={match.demand.lang}>{match.demand.title}</span>
          <span className="text-slate-500"> × </span>
          <span lang={match.application.lang}>{match.application.title}</span>
        </h1>
        <p className="flex flex-wrap items-center gap-3 text-lg">
          <span>{t("matching:match.current")}</span>
          <StageBadge stage={match.stage} />
        </p>
      </header>

      <section aria-labelledby="progress-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="progress-title" className="text-xl font-semibold">
          {t("matching:match.progress")}
        </h2>
        <PipelineSteps stage={match.stage} labelledBy="progress-title" />
        {turn ? (
          <p className="mt-4 rounded-md bg-brand-50 px-4 py-3 text-lg" data-testid="your-turn">
            {t(`matching:match.${turn}`)}
          </p>
        ) : null}
      </section>

      <div className="grid gap-6 md:grid-cols-3">
        <div className="space-y-6 md:col-span-2">
          <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2">
            <div>
              <dt className="text-slate-700">{t("matching:match.demand")}</dt>
              <dd className="text-lg font-medium" lang={match.demand.lang}>
                <Link to={`/demands/${match.demand.id}`} className="text-brand-700 underline">
                  {match.demand.title}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("matching:match.subdistrict")}</dt>
              <dd className="text-lg font-medium">
                <Link to={`/subdistricts/${match.subdistrict.slug}`} className="text-brand-700 underline">
                  {place}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("matching:match.application")}</dt>
              <dd className="text-lg font-medium" lang={match.application.lang}>
                <Link to={`/applications/${match.application.id}`} className="text-brand-700 underline">
                  {match.application.title}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-slate-700">{t("matching:match.vendor")}</dt>
              <dd className="text-lg font-medium">
                <Link to={`/organizations/${match.organization.slug}`} className="text-brand-700 underline">
                  {localName(match.organization, locale)}
                </Link>
              </dd>
            </div>
            {match.proposedByName ? (
              <div>
                <dt className="text-slate-700">{t("matching:match.proposedBy")}</dt>
                <dd className="text-lg">{match.proposedByName}</dd>
              </div>
            ) : null}
          </dl>

          {match.stage === "piloting" || match.stage === "deployed" || match.pilotSite ? (
            <Panel id="pilot-title" title={t("matching:match.pilot")}>
              <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="pilot">
                <dt className="font-medium text-slate-700">{t("matching:match.pilotSite")}</dt>
                <dd>{match.pilotSite ?? "—"}</dd>
                <dt className="font-medium text-slate-700">{t("matching:match.pilotStartOn")}</dt>
                <dd>{match.pilotStartOn ? formatDate(match.pilotStartOn, locale) : "—"}</dd>
                <dt className="font-medium text-slate-700">{t("matching:match.pilotKpis")}</dt>
                <dd className="whitespace-pre-line">{match.pilotKpis ?? "—"}</dd>
                {match.outcome ? (
                  <>
                    <dt className="font-medium text-slate-700">{t("matching:match.outcome")}</dt>
                    <dd className="whitespace-pre-line">{match.outcome}</dd>
                    <dt className="font-medium text-slate-700">{t("matching:match.deployedOn")}</dt>
                    <dd>{match.deployedOn ? formatDate(match.deployedOn, locale) : "—"}</dd>
                  </>
                ) : null}
              </dl>
            </Panel>
          ) : null}

          {match.declinedReason ? (
            <Panel id="declined-title" title={t("matching:match.declinedReason")}>
              <p className="mt-2 whitespace-pre-line text-lg">{match.declinedReason}</p>
            </Panel>
          ) : null}

          {match.response ? (
            <Panel id="response-title" title={t("matching:match.response")}>
              <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium text-slate-700">{t("matching:responses.approach")}</dt>
                <dd className="whitespace-pre-line">{match.response.approach}</dd>
                <dt className="font-medium text-slate-700">{t("matching:responses.timeline")}</dt>
                <dd>{match.response.timeline}</dd>
                <dt className="font-medium text-slate-700">{t("matching:responses.costBand")}</dt>
                <dd>{match.response.costBand ? t(`matching:costBands.${match.response.costBand}`) : t("matching:responses.costBandNone")}</dd>
              </dl>
            </Panel>
          ) : null}

          {match.score !== null ? (
            <Panel id="score-title" title={t("matching:match.scoreAtProposal")}>
              <p className="mt-2">
                <ScoreBadge score={match.score} />
              </p>
              <ReasonList reasons={match.reasons} labels={labels} />
            </Panel>
          ) : null}

          {match.timeline.length ? (
            <Panel id="history-title" title={t("matching:match.history")}>
              <MatchHistory entries={match.timeline} locale={locale} labelledBy="history-title" />
            </Panel>
          ) : null}
        </div>

        <div className="space-y-6">
          {match.can.accept ? (
            <Panel id="accept-title" title={t("matching:match.accept")}>
              <div className="mt-3">
                <AcceptForm version={match.version} />
              </div>
            </Panel>
          ) : null}
          {match.can.startPilot ? (
            <Panel id="pilot-form-title" title={t("matching:match.pilotHeading")}>
              <div className="mt-3">
                <PilotForm version={match.version} />
              </div>
            </Panel>
          ) : null}
          {match.can.recordDeployment ? (
            <Panel id="deploy-form-title" title={t("matching:match.deployHeading")}>
              <div className="mt-3">
                <DeploymentForm version={match.version} />
              </div>
            </Panel>
          ) : null}
          {match.can.decline ? (
            <Panel id="decline-title" title={t("matching:match.declineHeading")}>
              <div className="mt-3">
                <DeclineForm version={match.version} />
              </div>
            </Panel>
          ) : null}
          <p>
            <Link to={`/subdistricts/${match.subdistrict.slug}`} className="text-lg text-brand-700 underline">
              {t("matching:match.boardLink", { place })}
            </Link>
          </p>
        </div>
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
