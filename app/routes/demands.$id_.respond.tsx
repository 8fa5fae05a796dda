/**
 * A firm member answers a demand with one of the firm's applications and a
 * short proposal: approach, timeline, cost band. Bad input comes back with
 * the message beside the field and nothing saved; without JavaScript it is a
 * plain POST. A demand that is not open to vendors is a 404.
 */
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUserWithPermission } from "~/auth/current-user.server";
import { formatDate } from "~/components/date-format";
import { bigButton, localName } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, focusOnError, inputClass, primaryButtonClass, useIsSubmitting } from "~/components/forms";
import { InputField, TextAreaField } from "~/matching/fields";
import { idParam, refusalOf } from "~/matching/http.server";
import { APPROACH_MAX, APPROACH_MIN, TIMELINE_MAX } from "~/matching/limits";
import { respondToDemand } from "~/matching/responses.server";
import { responseSchema } from "~/matching/schemas.server";
import { respondPage } from "~/matching/views.server";
import { COST_BANDS } from "../../db/enums";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUserWithPermission(request, "respond:demand:own");
  const [{ t, locale }, database] = await Promise.all([getT(request), db()]);
  const page = await respondPage(database, viewerOf(user)!, id);
  if (!page) throw new Response("Not Found", { status: 404 });
  return json(
    { page, locale, meta: { title: t("matching:respond.metaTitle", { title: page.demand.title }), description: t("matching:respond.intro") } },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUserWithPermission(request, "respond:demand:own");
  const submission = parseWithZod(await request.formData(), { schema: responseSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), message: null as string | null }, { status: replyStatus(submission) });
  try {
    await respondToDemand(await db(), viewerOf(user)!, id, submission.value);
  } catch (error) {
    const { t } = await getT(request);
    const refusal = refusalOf(error, t);
    return json({ result: submission.reply({ fieldErrors: refusal.fieldErrors }), message: refusal.message }, { status: refusal.status });
  }
  return redirect(withNotice(`/demands/${id}/matches`, "matchResponseSaved"));
}

export default function RespondToDemand() {
  const { page, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useIsSubmitting();
  const { t } = useTranslation();
  const { demand } = page;
  const [form, fields] = useForm<{ applicationId: string; approach: string; timeline: string; costBand: string }>({
    id: "respond",
    lastResult: actionData?.result,
    defaultValue: { applicationId: page.options.length === 1 ? String(page.options[0].id) : "" },
    shouldValidate: "onSubmit",
  });
  const select = getSelectProps(fields.applicationId, { ariaDescribedBy: "applicationId-hint" });
  const costBand = getSelectProps(fields.costBand);

  return (
    <article className="mx-auto max-w-3xl space-y-6" aria-labelledby="respond-title">
      <p>
        <Link to={`/demands/${demand.id}`} className="text-lg text-brand-700 underline">
          {t("matching:respond.back")}
        </Link>
      </p>
      <header>
        <h1 id="respond-title" className="text-3xl font-bold">
          {t("matching:respond.heading")}
        </h1>
        <p className="mt-2 text-lg text-slate-800">{t("matching:respond.intro")}</p>
      </header>

      <section aria-labelledby="need-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="need-title" className="text-lg font-semibold text-slate-700">
          {t("matching:respond.need")} · {localName(demand.subdistrict, locale)}
        </h2>
        <p className="mt-1 text-xl font-semibold" lang={demand.lang}>
          {demand.title}
        </p>
        <p className="mt-2 whitespace-pre-line text-lg" lang={demand.lang}>
          {demand.description}
        </p>
      </section>

      {page.options.length === 0 ? (
        <p className="rounded-lg border border-amber-600 bg-amber-50 p-4 text-lg" role="status">
          {t("matching:respond.noApplications")}{" "}
          <Link to="/applications/new" className="text-brand-700 underline">
            {t("matching:respond.newApplication")}
          </Link>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
          {actionData?.message ? (
            <div role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 font-medium text-red-800">
              {actionData.message}
            </div>
          ) : null}
          <div>
            <label htmlFor={fields.applicationId.id} className="block text-lg font-medium">
              {t("matching:respond.application")}
            </label>
            <p id="applicationId-hint" className="text-slate-700">
              {t("matching:respond.applicationHint")}
            </p>
            <select {...select} {...focusOnError(!fields.applicationId.valid)} key={select.key} className={`mt-1 text-lg ${inputClass}`}>
              <option value="">{t("matching:respond.chooseApplication")}</option>
              {page.options.map((o) => (
                <option key={o.id} value={o.id} lang={o.lang}>
                  {o.title}
                </option>
              ))}
            </select>
            <ErrorList id={fields.applicationId.errorId} errors={fields.applicationId.errors} />
          </div>
          <TextAreaField
            meta={fields.approach}
            label={t("matching:respond.approach")}
            hint={t("matching:respond.approachHint", { min: APPROACH_MIN, max: APPROACH_MAX })}
            rows={6}
            maxLength={APPROACH_MAX}
          />
          <InputField meta={fields.timeline} label={t("matching:respond.timeline")} hint={t("matching:respond.timelineHint", { max: TIMELINE_MAX })} maxLength={TIMELINE_MAX} />
          <div>
            <label htmlFor={fields.costBand.id} className="block text-lg font-medium">
              {t("matching:respond.costBand")}
            </label>
            <select {...costBand} {...focusOnError(!fields.costBand.valid)} key={costBand.key} className={`mt-1 text-lg ${inputClass}`}>
              <option value="">{t("matching:respond.costBandNone")}</option>
              {COST_BANDS.map((b) => (
                <option key={b} value={b}>
                  {t(`matching:costBands.${b}`)}
                </option>
              ))}
            </select>
            <ErrorList id={fields.costBand.errorId} errors={fields.costBand.errors} />
          </div>
          <button type="submit" className={`${primaryButtonClass} ${bigButton}`} disabled={busy}>
            {t("matching:respond.submit")}
          </button>
        </Form>
      )}

      {page.responses.length ? (
        <section aria-labelledby="own-title" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="own-title" className="text-xl font-semibold">
            {t("matching:responses.ownHeading")}
          </h2>
          <ul className="mt-3 space-y-3">
            {page.responses.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3" data-testid="own-response">
                <p className="font-semibold" lang={r.application.lang}>
                  {r.application.title}
                </p>
                <p className="text-slate-700">{t("matching:responses.by", { vendor: localName(r.organization, locale), date: formatDate(r.updatedAt, locale) })}</p>
                <p className="mt-1 whitespace-pre-line">{r.approach}</p>
                {r.matchId ? (
                  <Link to={`/matches/${r.matchId}`} className="text-brand-700 underline">
                    {t("matching:candidates.viewMatch")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
