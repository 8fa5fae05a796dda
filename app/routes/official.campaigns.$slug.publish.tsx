/**
 * Officials: publish a campaign's lists, after a confirmation. One
 * transaction: shortlisted → selected, the rest → not shortlisted, the
 * ranked list entries written, every submitter told, the campaign →
 * published. Publishing twice is refused.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { CampaignNav } from "~/campaigns/campaign-nav";
import { requireCampaign } from "~/campaigns/campaigns.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, primaryButtonClass, useIsSubmitting } from "~/components/forms";
import { deliverSoon } from "~/notifications/mailer.server";
import { publishCampaign, publishConfirmSchema, publishSummary } from "~/review/ranking.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { stageRefusal, stageRefusalMessage } from "~/workflow/refusal";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const { t, locale } = await getT(request);
  const title = locale === "en" ? campaign.titleEn : campaign.titleZh;
  const summary = await forbiddenAs403(publishSummary(database, actor, campaign));
  const published = campaign.stage === "published" || campaign.stage === "closed";
  const refusal = published ? null : stageRefusal(campaign.stage, ["shortlisting"]);
  return json({
    slug: campaign.slug,
    stage: campaign.stage,
    title,
    summary,
    published,
    closedMessage: refusal ? stageRefusalMessage(t, refusal) : null,
    meta: { title: t("shortlist:publish.metaTitle", { title }), description: t("shortlist:publish.metaDescription", { title }) },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const { t } = await getT(request);
  const submission = parseWithZod(await request.formData(), { schema: publishConfirmSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), message: null }, { status: 400 });
  const outcome = await forbiddenAs403(publishCampaign(database, actor, campaign.id));
  if (outcome.ok) {
    deliverSoon();
    return redirect(withNotice(`/lists/${campaign.slug}`, "campaignPublished"));
  }
  const message =
    outcome.reason === "wrong_stage"
      ? stageRefusalMessage(t, { code: "wrong_stage", stage: outcome.stage, allowed: outcome.allowed })
      : t(`shortlist:errors.${outcome.reason}`);
  return json({ result: submission.reply(), message }, { status: 409 });
}

export default function Publish() {
  const { slug, stage, title, summary, published, closedMessage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useIsSubmitting();
  const [form, fields] = useForm({ id: "publish", lastResult: actionData?.result });
  return (
    <div className="space-y-5">
      <CampaignNav slug={slug} stage={stage} />
      <h1 className="text-2xl font-bold">{t("shortlist:publish.title", { title })}</h1>
      {published ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5" data-testid="already-published">
          {t("shortlist:publish.already")}{" "}
          <Link to={`/lists/${slug}`} className="font-medium text-brand-800 underline">
            {t("shortlist:viewLists")}
          </Link>
        </p>
      ) : null}
      {closedMessage ? (
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950" data-testid="stage-closed">
          {closedMessage}
        </p>
      ) : null}
      {actionData?.message ? (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900">
          {actionData.message}
        </p>
      ) : null}
      {published ? null : (
        <section aria-labelledby="summary-heading" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="summary-heading" className="text-lg font-semibold">
            {t("shortlist:publish.summary")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            <li>{t("shortlist:publish.selectedApplications", { n: summary.shortlisted.application })}</li>
            <li>{t("shortlist:publish.selectedDemands", { n: summary.shortlisted.demand })}</li>
            <li>{t("shortlist:publish.notSelected", { n: summary.pending.application + summary.pending.demand })}</li>
          </ul>
          <p className="mt-3 text-slate-700">{t("shortlist:publish.consequences")}</p>
        </section>
      )}
      {!published && !closedMessage ? (
        <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
          <FormErrors id={form.errorId} errors={form.errors} />
          <div>
            <label className="flex items-start gap-3 text-lg">
              <input
                type="checkbox"
                id={fields.confirm.id}
                name={fields.confirm.name}
                value="yes"
                className="mt-1 h-6 w-6"
                aria-invalid={fields.confirm.errors?.length ? true : undefined}
                aria-describedby={fields.confirm.errors?.length ? fields.confirm.errorId : undefined}
              />
              <span>{t("shortlist:publish.confirm")}</span>
            </label>
            <ErrorList id={fields.confirm.errorId} errors={fields.confirm.errors} />
          </div>
          <button type="submit" className={primaryButtonClass} disabled={busy}>
            {t("shortlist:publish.button")}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to={`/official/campaigns/${slug}/shortlist`} className="text-brand-800 underline">
          ← {t("shortlist:publish.back")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
