/** Officials: start a new campaign (it opens in stage "collecting"). */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { DEFAULT_RUBRIC } from "../../db/enums";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { CampaignForm } from "~/campaigns/campaign-form";
import { createCampaign } from "~/campaigns/campaigns.server";
import { campaignCreateSchema } from "~/campaigns/schema.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:campaign:any");
  const { t } = await getT(request);
  return json({
    defaults: {
      applicationQuota: "100",
      demandQuota: "10",
      reviewersPerItem: "3",
      rubric: DEFAULT_RUBRIC.map((c) => ({ ...c, weight: String(c.weight * 100), scaleMax: String(c.scaleMax) })),
    },
    meta: { title: t("campaigns:new.metaTitle"), description: t("campaigns:new.intro") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const submission = parseWithZod(await request.formData(), { schema: campaignCreateSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply() }, { status: submission.status === "error" ? 400 : 200 });
  }
  const outcome = await forbiddenAs403(createCampaign(await db(), actor, submission.value));
  if (!outcome.ok) {
    return json({ result: submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }) }, { status: 400 });
  }
  return redirect(withNotice(`/official/campaigns/${outcome.slug}`, "campaignCreated"));
}

export default function NewCampaign() {
  const { defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-5">
      <p>
        <Link to="/official/campaigns" className="text-brand-700 underline">
          {t("campaigns:backToList")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("campaigns:new.title")}</h1>
      <p className="text-slate-700">{t("campaigns:new.intro")}</p>
      <CampaignForm id="campaign-new" action="/official/campaigns/new" lastResult={actionData?.result} defaultValue={defaults} submitLabel={t("campaigns:new.submit")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
