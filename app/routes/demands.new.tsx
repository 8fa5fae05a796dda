/**
 * Raise a demand: save it as a draft or submit it. Before creating, the
 * action looks for similar demands; without JavaScript it shows them as a
 * step ("support that one" / "submit mine anyway"), with JavaScript they
 * were already shown while typing. A hidden one-per-render token makes a
 * form posted twice create one demand.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { requireUserWithPermission } from "~/auth/current-user.server";
import {
  bigButton,
  DemandCoreFields,
  LiveSimilarDemands,
  RaisedByAndContactFields,
  SelectInput,
  SimilarList,
  useHydrated,
} from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, primaryButtonClass, secondaryButtonClass, useIsSubmitting } from "~/components/forms";
import { createDemand, demandCreatedWithToken, demandFormOptions, openCampaigns } from "~/demands/demands.server";
import { refusalOf, replyWith } from "~/demands/http.server";
import { demandCreateSchema, formTokenSchema } from "~/demands/schemas.server";
import { findSimilarDemands } from "~/demands/similar.server";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { viewerOf } from "~/visibility/visibility.server";

import type { Role } from "../../db/enums";

function defaultRaisedBy(roles: readonly Role[]) {
  if (roles.includes("community_worker")) return "community";
  if (roles.includes("firm_member")) return "company";
  return "resident";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:demand:own");
  const { t, locale } = await getT(request);
  const database = await db();
  const [campaigns, options] = await Promise.all([openCampaigns(database), demandFormOptions(database)]);
  return json(
    {
      campaigns: campaigns.map((c) => ({ id: c.id, titleZh: c.titleZh, titleEn: c.titleEn })),
      options,
      locale,
      formToken: crypto.randomUUID(),
      defaultRaisedBy: defaultRaisedBy(user.roles),
      meta: { title: t("demands:form.newMetaTitle"), description: t("demands:form.intro") },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:demand:own");
  const formData = await request.formData();
  const intent = formData.get("intent") === "submit" ? "submit" : "draft";
  const token = formTokenSchema.parse(formData.get("formToken") ?? undefined) ?? null;
  const submission = parseWithZod(formData, { schema: demandCreateSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), similar: null, intent, formToken: token }, { status: replyStatus(submission) });
  }
  const database = await db();
  // The same form posted again: go to what the first post made.
  const earlier = await demandCreatedWithToken(database, user.id, token);
  if (earlier) return redirect(`/demands/${earlier}`);

  if (formData.get("skipSimilar") !== "1") {
    const similar = await findSimilarDemands(database, viewerOf(user), submission.value.title, { limit: 5 });
    if (similar.length) {
      return json({
        result: submission.reply(),
        similar: similar.map(({ id, title, status, supportCount, supportable }) => ({ id, title, status, supportCount, supportable })),
        intent,
        formToken: token,
      });
    }
  }
  try {
    const created = await createDemand(database, user, submission.value, { submit: intent === "submit", idempotencyKey: token });
    return redirect(withNotice(`/demands/${created.id}`, created.status === "submitted" ? "demandSubmitted" : "demandSaved"));
  } catch (error) {
    const refusal = refusalOf(error);
    return json({ result: replyWith(submission, refusal), similar: null, intent, formToken: token }, { status: refusal.status });
  }
}

/** The form's fields, for conform's types (values arrive as strings). */
type DemandForm = {
  campaignId: string;
  title: string;
  description: string;
  domain: string;
  subdistrictId: string;
  targetGroupIds: string[];
  scenarioTagIds: string[];
  raisedBy: string;
  contactPreference: string;
  contactValue: string;
};

export default function NewDemand() {
  const { campaigns, options, locale, formToken, defaultRaisedBy } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const busy = useIsSubmitting();
  const [form, fields] = useForm<DemandForm>({ id: "demand-form", lastResult: actionData?.result, shouldValidate: "onBlur" });
  const initialTitle = typeof fields.title.initialValue === "string" ? fields.title.initialValue : "";
  const [title, setTitle] = useState(initialTitle);
  const en = locale === "en";

  if (campaigns.length === 0) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="text-2xl font-bold">{t("demands:form.newTitle")}</h1>
        <p className="mt-4 rounded-md border border-amber-500 bg-amber-50 px-4 py-3 text-lg" role="status">
          {t("demands:form.noCampaign")}
        </p>
        <p className="mt-4">
          <Link to="/demands" className="text-lg text-brand-700 underline">
            {t("demands:detail.back")}
          </Link>
        </p>
      </div>
    );
  }

  const similar = actionData?.similar ?? null;
  const stepIntent = actionData?.intent ?? "submit";
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">{t("demands:form.newTitle")}</h1>
      <p className="mt-2 text-lg text-slate-800">{t("demands:form.intro")}</p>

      {similar?.length ? (
        <section aria-labelledby="similar-step-title" className="mt-6 rounded-lg border-2 border-amber-500 bg-amber-50 p-5" data-testid="similar-step">
          <h2 id="similar-step-title" className="text-xl font-semibold">
            {t("demands:similar.stepTitle")}
          </h2>
          <p className="mt-1 text-lg">{t("demands:similar.stepIntro")}</p>
          <SimilarList items={similar} supportForms />
          <p className="mt-4">
            <button type="submit" form="demand-form" name="intent" value={stepIntent} className={`${primaryButtonClass} ${bigButton}`}>
              {stepIntent === "submit" ? t("demands:similar.submitAnyway") : t("demands:similar.saveAnyway")}
            </button>
          </p>
        </section>
      ) : null}

      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-6 rounded-lg border border-slate-200 bg-white p-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="formToken" value={actionData?.formToken ?? formToken} />
        {similar?.length || hydrated ? <input type="hidden" name="skipSimilar" value="1" /> : null}
        {campaigns.length === 1 ? (
          <div>
            <input type="hidden" name="campaignId" value={String(campaigns[0].id)} />
            <p className="text-lg">{t("demands:form.campaignIn", { title: en ? campaigns[0].titleEn : campaigns[0].titleZh })}</p>
            {fields.campaignId.errors?.length ? (
              <p id={fields.campaignId.errorId} className="text-sm font-medium text-red-700">
                {t(fields.campaignId.errors[0])}
              </p>
            ) : null}
          </div>
        ) : (
          <SelectInput meta={fields.campaignId} label={t("demands:form.campaign")} required defaultValue={String(campaigns[0].id)}>
            {campaigns.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {en ? c.titleEn : c.titleZh}
              </option>
            ))}
          </SelectInput>
        )}
        <DemandCoreFields
          fields={fields}
          options={options}
          locale={locale}
          onTitleChange={setTitle}
          afterTitle={hydrated ? <LiveSimilarDemands title={title} /> : null}
        />
        <RaisedByAndContactFields fields={fields} defaultRaisedBy={defaultRaisedBy} />
        <div className="flex flex-wrap gap-3 pt-2">
          <button type="submit" name="intent" value="submit" className={`${primaryButtonClass} ${bigButton}`} disabled={busy}>
            {t("demands:form.submit")}
          </button>
          <button type="submit" name="intent" value="draft" className={`${secondaryButtonClass} ${bigButton}`} disabled={busy}>
            {t("demands:form.saveDraft")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
