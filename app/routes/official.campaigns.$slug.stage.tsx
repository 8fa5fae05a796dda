/**
 * Officials: confirm a stage change (`?to=<stage>`). Forward one step at a
 * time; back one step with a reason that goes into the audit log. Publishing
 * is the publish page's action, so this page points there instead.
 */
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { CAMPAIGN_STAGES, type CampaignStage } from "../../db/enums";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { CampaignNav } from "~/campaigns/campaign-nav";
import { changeCampaignStage, pendingBeforeNextStage, requireCampaign } from "~/campaigns/campaigns.server";
import { stageChangeSchema } from "~/campaigns/schema.server";
import { checkStageMove } from "~/campaigns/stages";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, inputClass, primaryButtonClass, secondaryButtonClass, useIsSubmitting } from "~/components/forms";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";

const isStage = (v: unknown): v is CampaignStage => typeof v === "string" && (CAMPAIGN_STAGES as readonly string[]).includes(v);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const to = new URL(request.url).searchParams.get("to");
  const [{ t, locale }, pending] = await Promise.all([getT(request), pendingBeforeNextStage(database, campaign)]);
  const move = isStage(to) ? checkStageMove(campaign.stage, to, "-") : null;
  return json({
    slug: campaign.slug,
    title: locale === "en" ? campaign.titleEn : campaign.titleZh,
    from: campaign.stage,
    to: isStage(to) ? to : null,
    version: campaign.version,
    move,
    pending: move?.direction === "forward" ? pending : null,
    meta: { title: t("campaigns:stage.metaTitle"), description: t("campaigns:stage.metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

const ERRORS = {
  stale: "campaigns:errors.stageStale",
  not_adjacent: "campaigns:errors.notAdjacent",
  publish_elsewhere: "campaigns:errors.publishElsewhere",
  cannot_unpublish: "campaigns:errors.cannotUnpublish",
  reason_required: "campaigns:errors.reasonRequired",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const submission = parseWithZod(await request.formData(), { schema: stageChangeSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const outcome = await forbiddenAs403(
    changeCampaignStage(database, actor, { campaignId: campaign.id, to: submission.value.to, version: submission.value.version, reason: submission.value.reason }),
  );
  if (!outcome.ok) {
    const key = ERRORS[outcome.error];
    const result =
      outcome.error === "reason_required" ? submission.reply({ fieldErrors: { reason: [key] } }) : submission.reply({ formErrors: [key] });
    return json({ result }, { status: outcome.error === "stale" ? 409 : 400 });
  }
  return redirect(withNotice(`/official/campaigns/${campaign.slug}`, "campaignStageChanged"));
}

export default function CampaignStage() {
  const { slug, title, from, to, version, move, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useIsSubmitting();
  const [form, fields] = useForm({ id: "stage", lastResult: actionData?.result, shouldValidate: "onSubmit" });
  const base = `/official/campaigns/${slug}`;
  const back = move?.direction === "back";
  const { key: reasonKey, ...reasonProps } = getTextareaProps(fields.reason, { ariaDescribedBy: `${fields.reason.id}-hint` });
  return (
    <div className="space-y-5">
      <CampaignNav slug={slug} stage={from} />
      <h1 className="text-2xl font-bold">{t("campaigns:stage.title", { title })}</h1>
      {!to || !move ? (
        <p className="rounded-md border border-red-700 bg-red-50 px-4 py-3" role="alert">
          {t("campaigns:errors.stageInvalid")}
        </p>
      ) : move.refusal === "publish_elsewhere" ? (
        <p className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3" role="alert">
          {t("campaigns:errors.publishElsewhere")}{" "}
          <Link to={`${base}/publish`} className="font-medium text-brand-700 underline">
            {t("campaigns:stage.toShortlist")}
          </Link>
        </p>
      ) : move.refusal === "cannot_unpublish" || move.refusal === "not_adjacent" ? (
        <p className="rounded-md border border-red-700 bg-red-50 px-4 py-3" role="alert">
          {t(ERRORS[move.refusal])}
        </p>
      ) : (
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading" className="text-lg font-semibold">
            {t(back ? "campaigns:stage.confirmBack" : "campaigns:stage.confirmForward", { from: t(`stages.${from}`), to: t(`stages.${to}`) })}
          </h2>
          <p>{t(`campaigns:stageHelp.${to}`)}</p>
          {pending && pending.demands + pending.applications > 0 ? (
            <p className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
              {t("campaigns:stage.pendingWarning", {
                demands: pending.demands,
                applications: pending.applications,
                status: t(`workflow:statuses.${pending.status}`),
              })}
            </p>
          ) : null}
          <Form method="post" action={`${base}/stage?to=${to}`} {...getFormProps(form)} className="space-y-4">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="to" value={to} />
            <input type="hidden" name="version" value={version} />
            <div>
              <label htmlFor={fields.reason.id} className="block font-medium">
                {t(back ? "campaigns:stage.reasonRequired" : "campaigns:stage.reasonOptional")}
                {back ? <span className="text-red-800"> *</span> : null}
              </label>
              <p id={`${fields.reason.id}-hint`} className="text-sm text-slate-700">
                {t("campaigns:stage.reasonHint")}
              </p>
              <textarea key={reasonKey} {...reasonProps} rows={3} required={back} className={`mt-1 ${inputClass}`} />
              <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
            </div>
            <div className="flex flex-wrap gap-3">
              <button type="submit" className={primaryButtonClass} disabled={busy}>
                {t(back ? "campaigns:stage.submitBack" : "campaigns:stage.submitForward", { to: t(`stages.${to}`) })}
              </button>
              <Link to={base} className={secondaryButtonClass}>
                {t("form.cancel")}
              </Link>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
