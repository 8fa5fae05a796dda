/**
 * Reviewers: one assigned item — its text and attachments — and the review
 * form (a score 1..scaleMax and a comment per rubric criterion, an overall
 * comment). Saving is allowed until the campaign leaves "reviewing". The
 * other reviewers' scores appear, anonymised, only after submitting one's
 * own (the rule is enforced in scoring.server.ts). A reviewer may also
 * declare a conflict of interest and step aside.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { formatDateTime } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dangerButtonClass, ErrorList, focusOnError, FormErrors, inputClass, primaryButtonClass } from "~/components/forms";
import { ScrollRegion } from "~/components/scroll-region";
import { deliverSoon } from "~/notifications/mailer.server";
import { recuse, recuseSchema } from "~/review/assignment.server";
import { parseId } from "~/review/common.server";
import { AssignmentStatusBadge, formatWeighted } from "~/review/review-ui";
import { COMMENT_MAX, OVERALL_COMMENT_MAX, REASON_MAX } from "~/review/limits";
import { reviewPage, reviewSchema, submitReview } from "~/review/scoring.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { stageRefusal, stageRefusalMessage } from "~/workflow/refusal";

async function load(request: Request, idParam: string | undefined) {
  const actor = await requireUserWithPermission(request, "review:item:assigned");
  const id = parseId(idParam);
  if (!id) throw new Response("Not Found", { status: 404 });
  const database = await db();
  const page = await forbiddenAs403(reviewPage(database, actor, id));
  if (!page) throw new Response("Not Found", { status: 404 });
  return { actor, database, id, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { page } = await load(request, params.assignmentId);
  const { t } = await getT(request);
  const refusal = stageRefusal(page.campaign.stage, ["reviewing"]);
  return json({
    page,
    closedMessage: refusal ? stageRefusalMessage(t, refusal) : null,
    meta: { title: t("review:item.metaTitle", { title: page.item.title }), description: t("review:form.intro") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, database, id, page } = await load(request, params.assignmentId);
  const { t } = await getT(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "recuse") {
    const submission = parseWithZod(formData, { schema: recuseSchema });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), message: null }, { status: 400 });
    const outcome = await forbiddenAs403(recuse(database, actor, { assignmentId: id, reason: submission.value.reason }));
    if (outcome.ok) {
      if (outcome.replacementReviewerId !== null) deliverSoon();
      return redirect(withNotice("/review", "reviewRecused"));
    }
    const message =
      outcome.reason === "wrong_stage" ? stageRefusalMessage(t, { code: "wrong_stage", stage: outcome.stage, allowed: outcome.allowed }) : t(`review:errors.${outcome.reason}`);
    return json({ intent, result: submission.reply(), message }, { status: 409 });
  }

  if (intent === "save") {
    const submission = parseWithZod(formData, { schema: reviewSchema(page.campaign.rubric) });
    if (submission.status !== "success") return json({ intent, result: submission.reply(), message: null }, { status: 400 });
    const outcome = await forbiddenAs403(submitReview(database, actor, id, submission.value));
    if (outcome.ok) return redirect(withNotice(`/review/${id}`, "reviewSaved"));
    if (outcome.reason === "invalid") {
      return json({ intent, result: submission.reply({ fieldErrors: outcome.fieldErrors }), message: null }, { status: 400 });
    }
    if (outcome.reason === "not_found") throw new Response("Not Found", { status: 404 });
    const message =
      outcome.reason === "wrong_stage"
        ? stageRefusalMessage(t, { code: "wrong_stage", stage: outcome.stage, allowed: ["reviewing"] })
        : t("review:errors.recused");
    return json({ intent, result: submission.reply(), message }, { status: 409 });
  }

  return json({ intent: null, result: null, message: null }, { status: 400 });
}

type Page = ReturnType<typeof useLoaderData<typeof loader>>["page"];

function ItemDetails({ page }: { page: Page }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { item } = page;
  return (
    <section aria-labelledby="item-heading" className="rounded-lg border border-slate-200 bg-white p-5 lg:self-start">
      <h2 id="item-heading" className="text-lg font-semibold">
        {t("review:item.details")}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("review:item.type")}</dt>
        <dd>{t(`workflow:itemTypes.${item.itemType}`)}</dd>
        {item.organization ? (
          <>
            <dt className="font-medium text-slate-700">{item.itemType === "application" ? t("review:item.vendor") : t("review:item.raisedByOrg")}</dt>
            <dd>{en ? item.organization.nameEn : item.organization.nameZh}</dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-700">{t("review:item.domain")}</dt>
        <dd>{t(`domains.${item.domain}`)}</dd>
        {item.subdistrict ? (
          <>
            <dt className="font-medium text-slate-700">{t("review:item.subdistrict")}</dt>
            <dd>{en ? item.subdistrict.nameEn : item.subdistrict.nameZh}</dd>
          </>
        ) : null}
        {item.maturity ? (
          <>
            <dt className="font-medium text-slate-700">{t("review:item.maturity")}</dt>
            <dd>{t(`review:maturity.${item.maturity}`)}</dd>
          </>
        ) : null}
        {item.costBand ? (
          <>
            <dt className="font-medium text-slate-700">{t("review:item.costBand")}</dt>
            <dd>{t(`review:costBand.${item.costBand}`)}</dd>
          </>
        ) : null}
      </dl>
      {item.summary ? (
        <p className="mt-4 font-medium" lang={item.lang}>
          {item.summary}
        </p>
      ) : null}
      <div className="mt-3 whitespace-pre-line leading-relaxed text-slate-900" lang={item.lang}>
        {item.description}
      </div>
      <h3 className="mt-5 font-semibold">{t("review:item.attachments")}</h3>
      {page.attachments.length === 0 ? (
        <p className="text-slate-700">{t("review:item.noAttachments")}</p>
      ) : (
        <ul className="mt-1 list-disc pl-5">
          {page.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/attachments/${a.id}`} className="text-brand-800 underline underline-offset-2">
                {a.fileName}
              </a>{" "}
              <span className="text-sm text-slate-700">({Math.max(1, Math.round(a.sizeBytes / 1024))} KB)</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ScoreForm({ page }: { page: Page }) {
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const busy = useNavigation().formData?.get("intent") === "save";
  const lastResult = actionData?.intent === "save" ? actionData.result : undefined;
  const [form] = useForm({ id: "review-form", lastResult });
  const errors = (lastResult?.error ?? {}) as Record<string, string[] | null>;
  // After a refused save, show what was typed; otherwise the saved review.
  const typed = (lastResult?.initialValue ?? null) as { scores?: Record<string, string>; comments?: Record<string, string>; overallComment?: string } | null;
  const scoreOf = (key: string) => (typed ? typed.scores?.[key] : page.mine ? String(page.mine.scores[key] ?? "") : "");
  const commentOf = (key: string) => (typed ? (typed.comments?.[key] ?? "") : (page.mine?.comments[key] ?? ""));
  const disabled = !page.editable;
  const message = actionData?.intent === "save" ? actionData.message : null;
  return (
    <section aria-labelledby="form-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="form-heading" className="text-lg font-semibold">
        {page.mine ? t("review:form.headingEdit") : t("review:form.heading")}
      </h2>
      <p className="mt-1 text-slate-700">{t("review:form.intro")}</p>
      {page.mine ? (
        <p className="mt-2 rounded-md bg-green-50 px-3 py-2 text-green-900" data-testid="my-score">
          {t("review:form.savedAt", { at: formatDateTime(page.mine.submittedAt, i18n.language), score: formatWeighted(page.mine.weightedScore) })}
        </p>
      ) : null}
      {message ? (
        <p role="alert" className="mt-3 rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {message}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-6">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="save" />
        <fieldset disabled={disabled} className="space-y-6 disabled:opacity-80">
          {page.campaign.rubric.map((c) => {
            const name = `scores.${c.key}`;
            const scoreErrors = errors[name] ?? null;
            const errorId = `score-${c.key}-error`;
            const commentName = `comments.${c.key}`;
            const commentErrors = errors[commentName] ?? null;
            const current = scoreOf(c.key);
            return (
              <fieldset
                key={c.key}
                className="rounded-md border border-slate-300 p-4"
                aria-describedby={scoreErrors?.length ? errorId : undefined}
                aria-invalid={scoreErrors?.length ? true : undefined}
                data-criterion={c.key}
              >
                <legend className="px-1 text-lg font-semibold">
                  {en ? c.labelEn : c.labelZh}{" "}
                  <span className="text-base font-normal text-slate-700">
                    {t("review:form.weight", { percent: Math.round(c.weight * 100), max: c.scaleMax })}
                  </span>
                </legend>
                <div className="mt-2 flex flex-wrap gap-2">
                  {Array.from({ length: c.scaleMax }, (_, i) => String(i + 1)).map((v, i) => (
                    <label
                      key={v}
                      className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-md border border-slate-500 bg-white px-2 text-lg font-semibold has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-700 has-[:focus-visible]:ring-offset-2"
                    >
                      <input
                        type="radio"
                        name={name}
                        value={v}
                        defaultChecked={current === v}
                        aria-describedby={scoreErrors?.length ? errorId : undefined}
                        {...focusOnError(!!scoreErrors?.length && i === 0)}
                        className="sr-only"
                        aria-label={t("review:form.scoreLabel", { criterion: en ? c.labelEn : c.labelZh, value: v, max: c.scaleMax })}
                      />
                      <span aria-hidden="true">{v}</span>
                    </label>
                  ))}
                </div>
                <ErrorList id={errorId} errors={scoreErrors} values={{ max: c.scaleMax }} />
                <label htmlFor={`comment-${c.key}`} className="mt-3 block font-medium">
                  {t("review:form.comment")}
                </label>
                <textarea
                  id={`comment-${c.key}`}
                  name={commentName}
                  rows={2}
                  maxLength={COMMENT_MAX}
                  defaultValue={commentOf(c.key)}
                  aria-invalid={commentErrors?.length ? true : undefined}
                  aria-describedby={commentErrors?.length ? `comment-${c.key}-error` : undefined}
                  {...focusOnError(!!commentErrors?.length)}
                  className={`mt-1 ${inputClass}`}
                />
                <ErrorList id={`comment-${c.key}-error`} errors={commentErrors} values={{ max: COMMENT_MAX }} />
              </fieldset>
            );
          })}
          <div>
            <label htmlFor="overallComment" className="block text-lg font-semibold">
              {t("review:form.overallComment")}
            </label>
            <p id="overallComment-hint" className="text-sm text-slate-700">
              {t("review:form.overallHint")}
            </p>
            <textarea
              id="overallComment"
              name="overallComment"
              rows={4}
              maxLength={OVERALL_COMMENT_MAX}
              defaultValue={typed ? (typed.overallComment ?? "") : (page.mine?.overallComment ?? "")}
              aria-invalid={errors.overallComment?.length ? true : undefined}
              aria-describedby={errors.overallComment?.length ? "overallComment-hint overallComment-error" : "overallComment-hint"}
              {...focusOnError(!!errors.overallComment?.length)}
              className={`mt-1 ${inputClass}`}
            />
            <ErrorList id="overallComment-error" errors={errors.overallComment ?? null} values={{ max: OVERALL_COMMENT_MAX }} />
          </div>
          {page.editable ? (
            <button type="submit" className={primaryButtonClass} disabled={busy}>
              {page.mine ? t("review:form.update") : t("review:form.submit")}
            </button>
          ) : null}
        </fieldset>
      </Form>
    </section>
  );
}

function OtherReviews({ page }: { page: Page }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <section aria-labelledby="others-heading" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="other-reviews">
      <h2 id="others-heading" className="text-lg font-semibold">
        {t("review:others.heading")}
      </h2>
      {page.assignment.status !== "submitted" ? (
        <p className="mt-2 text-slate-700" data-testid="others-hidden">
          {t("review:others.hidden")}
        </p>
      ) : page.others.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("review:others.none")}</p>
      ) : (
        <ScrollRegion labelledBy="others-heading" className="mt-3">
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t("review:others.reviewer")}
                </th>
                {page.campaign.rubric.map((c) => (
                  <th key={c.key} scope="col" className="py-2 pr-3 text-right">
                    {en ? c.labelEn : c.labelZh}
                  </th>
                ))}
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("review:others.weighted")}
                </th>
              </tr>
            </thead>
            <tbody>
              {page.others.map((o) => (
                <tr key={o.label} className="border-b border-slate-200 align-top" data-testid="other-review">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {t("review:others.label", { label: o.label })}
                    {o.overallComment ? <p className="mt-1 max-w-xs text-sm font-normal text-slate-700">{o.overallComment}</p> : null}
                  </th>
                  {page.campaign.rubric.map((c) => (
                    <td key={c.key} className="py-2 pr-3 text-right">
                      {o.scores[c.key] ?? "—"}
                    </td>
                  ))}
                  <td className="py-2 pr-3 text-right font-semibold">{formatWeighted(o.weightedScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function RecuseForm() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().formData?.get("intent") === "recuse";
  const lastResult = actionData?.intent === "recuse" ? actionData.result : undefined;
  const [form, fields] = useForm({ id: "recuse-form", lastResult });
  const message = actionData?.intent === "recuse" ? actionData.message : null;
  const open = !!lastResult;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-5" open={open}>
      <summary className="cursor-pointer text-lg font-semibold">{t("review:recuse.heading")}</summary>
      <p className="mt-2 text-slate-700">{t("review:recuse.intro")}</p>
      {message ? (
        <p role="alert" className="mt-3 rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {message}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="recuse" />
        <label htmlFor={fields.reason.id} className="block font-medium">
          {t("review:recuse.reason")}
        </label>
        <textarea
          id={fields.reason.id}
          name={fields.reason.name}
          rows={3}
          required
          maxLength={REASON_MAX}
          defaultValue={(fields.reason.initialValue as string | undefined) ?? ""}
          aria-invalid={fields.reason.errors?.length ? true : undefined}
          aria-describedby={fields.reason.errors?.length ? fields.reason.errorId : undefined}
          className={inputClass}
        />
        <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        <button type="submit" className={dangerButtonClass} disabled={busy}>
          {t("review:recuse.submit")}
        </button>
      </Form>
    </details>
  );
}

export default function ReviewItem() {
  const { page, closedMessage } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <div className="space-y-6">
      <p>
        <Link to="/review" className="text-brand-800 underline underline-offset-2">
          ← {t("review:item.back")}
        </Link>
      </p>
      <div>
        <p className="text-slate-700">{en ? page.campaign.titleEn : page.campaign.titleZh}</p>
        <h1 className="mt-1 text-2xl font-bold" lang={page.item.lang}>
          {page.item.title}
        </h1>
        <p className="mt-2">
          <AssignmentStatusBadge status={page.assignment.status} />
        </p>
      </div>
      {closedMessage ? (
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950" data-testid="stage-closed">
          {closedMessage}
        </p>
      ) : null}
      {page.assignment.status === "recused" ? (
        <p role="status" className="rounded-md border border-slate-400 bg-slate-50 px-4 py-3">
          {t("review:recuse.done", { reason: page.assignment.recusalReason ?? "" })}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <ItemDetails page={page} />
        <div className="space-y-6">
          {page.assignment.status !== "recused" ? <ScoreForm page={page} /> : null}
          {page.assignment.status !== "recused" ? <OtherReviews page={page} /> : null}
          {page.assignment.status === "assigned" && page.editable ? <RecuseForm /> : null}
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
