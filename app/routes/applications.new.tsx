/**
 * A firm member writes a new application for one of their organisations:
 * saved as a draft, or submitted at once. A hidden idempotency key makes a
 * double submit create one application.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { createApplication } from "~/applications/applications.server";
import { applicationFormOptions } from "~/applications/queries.server";
import { newApplicationFormSchema } from "~/applications/schema.server";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { ApplicationForm } from "~/components/application-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:application:own");
  const [{ t, locale }, options] = await Promise.all([getT(request), db().then((d) => applicationFormOptions(d, user))]);
  return json({
    options,
    locale,
    idempotencyKey: crypto.randomUUID(),
    defaults: {
      campaignId: options.campaigns[0] ? String(options.campaigns[0].id) : "",
      organizationId: options.organizations[0] ? String(options.organizations[0].id) : "",
    },
    meta: { title: t("applications:form.newMetaTitle"), description: t("applications:form.intro") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:application:own");
  const submission = parseWithZod(await request.formData(), { schema: newApplicationFormSchema });
  if (submission.status !== "success") {
    // Adding or removing a deployment row without JavaScript lands here too (no error, no save).
    return json({ result: submission.reply() }, { status: replyStatus(submission) });
  }
  const { intent, campaignId, organizationId, idempotencyKey, content } = submission.value;
  const outcome = await forbiddenAs403(
    createApplication(await db(), user, { ...content, campaignId, organizationId, idempotencyKey, submit: intent === "submit" }),
  );
  if (outcome.ok) {
    return redirect(withNotice(`/applications/${outcome.id}`, outcome.status === "submitted" ? "applicationSubmitted" : "applicationSaved"));
  }
  if (outcome.reason === "invalid") {
    return json({ result: submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }) }, { status: 400 });
  }
  return json({ result: submission.reply({ formErrors: ["applications:errors.invalid"] }) }, { status: 400 });
}

export default function NewApplication() {
  const { options, locale, idempotencyKey, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const blocked = options.organizations.length === 0 ? "noOrganization" : options.campaigns.length === 0 ? "noCampaign" : null;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("applications:form.newTitle")}</h1>
      {blocked ? (
        <p className="rounded-lg border border-amber-600 bg-amber-50 p-4 text-amber-900" role="status">
          {t(`applications:form.${blocked}`)}
        </p>
      ) : (
        <>
          <p className="text-slate-700">{t("applications:form.intro")}</p>
          <ApplicationForm
            mode="new"
            options={options}
            defaultValue={defaults}
            lastResult={actionData?.result}
            locale={locale}
            cancelTo="/applications"
            hidden={{ idempotencyKey }}
            canSubmit
          />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
