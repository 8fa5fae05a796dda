/**
 * Officials: edit a campaign. The form carries the version it was opened at:
 * a stale save is refused with a message and the typed values stay in the
 * form. Once any review exists the rubric is shown read-only.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { CampaignForm } from "~/campaigns/campaign-form";
import { CampaignNav } from "~/campaigns/campaign-nav";
import { campaignFormValues, campaignHasReviews, requireCampaign, updateCampaign } from "~/campaigns/campaigns.server";
import { campaignUpdateSchema, campaignUpdateWithRubricSchema } from "~/campaigns/schema.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const [{ t, locale }, locked] = await Promise.all([getT(request), campaignHasReviews(database, campaign.id)]);
  return json({
    slug: campaign.slug,
    stage: campaign.stage,
    defaults: campaignFormValues(campaign),
    lockedRubric: locked ? campaign.rubric : null,
    meta: { title: t("campaigns:edit.metaTitle", { title: locale === "en" ? campaign.titleEn : campaign.titleZh }), description: t("campaigns:edit.metaDescription", { title: locale === "en" ? campaign.titleEn : campaign.titleZh }) },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const database = await db();
  const campaign = await forbiddenAs403(requireCampaign(database, actor, params.slug ?? ""));
  const formData = await request.formData();
  // The form says whether it showed the rubric editor (then a rubric is required).
  const schema = formData.get("rubricEditor") === "1" ? campaignUpdateWithRubricSchema : campaignUpdateSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), stale: false }, { status: submission.status === "error" ? 400 : 200 });
  }
  const outcome = await forbiddenAs403(updateCampaign(database, actor, campaign.id, submission.value));
  if (!outcome.ok) {
    const stale = !!outcome.formErrors?.includes("campaigns:errors.stale");
    return json({ result: submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), stale }, { status: stale ? 409 : 400 });
  }
  return redirect(withNotice(`/official/campaigns/${outcome.slug}`, "campaignSaved"));
}

export default function EditCampaign() {
  const { slug, stage, defaults, lockedRubric } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-5">
      <CampaignNav slug={slug} stage={stage} />
      <h1 className="text-2xl font-bold">{t("campaigns:edit.title")}</h1>
      <CampaignForm
        id="campaign-edit"
        action={`/official/campaigns/${slug}/edit`}
        lastResult={actionData?.result}
        defaultValue={defaults}
        lockedRubric={lockedRubric}
        submitLabel={t("campaigns:edit.submit")}
        extraErrors={
          <>
            {lockedRubric ? null : <input type="hidden" name="rubricEditor" value="1" />}
            {actionData?.stale ? (
              <p className="rounded-md border border-amber-700 bg-amber-50 px-4 py-3 text-amber-950">
                {t("campaigns:edit.staleHelp")}{" "}
                <a href={`/official/campaigns/${slug}/edit`} className="font-medium text-brand-700 underline">
                  {t("campaigns:edit.reload")}
                </a>
              </p>
            ) : null}
          </>
        }
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
