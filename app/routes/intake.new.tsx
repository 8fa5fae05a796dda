/**
 * Assisted intake: a community worker records a resident's need on their
 * behalf, with how it arrived and how the resident consented. Short and
 * quick to fill: the worker's subdistrict, "elderly" and "now" are preset.
 * The demand is submitted at once.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUserWithPermission } from "~/auth/current-user.server";
import { bigButton, ChoiceGroup, DemandCoreFields, InputField, SelectInput } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, primaryButtonClass, useIsSubmitting } from "~/components/forms";
import { demandCreatedWithToken, demandFormOptions, openCampaigns } from "~/demands/demands.server";
import { refusalOf, replyWith } from "~/demands/http.server";
import { createAssistedIntake, workerSubdistrictId } from "~/demands/intake.server";
import { formTokenSchema, intakeFormSchema, toShanghaiLocal } from "~/demands/schemas.server";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";

const CHANNELS = ["phone", "in_person", "paper"] as const;
const CONSENT_METHODS = ["verbal_phone", "verbal_in_person", "signed_form"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:demand:on-behalf");
  const { t, locale } = await getT(request);
  const database = await db();
  const [campaigns, options, subdistrictId] = await Promise.all([
    openCampaigns(database),
    demandFormOptions(database),
    workerSubdistrictId(database, user.id),
  ]);
  const elderly = options.targetGroups.find((g) => g.slug === "elderly");
  return json(
    {
      campaigns: campaigns.map((c) => ({ id: c.id, titleZh: c.titleZh, titleEn: c.titleEn })),
      options,
      locale,
      formToken: crypto.randomUUID(),
      defaults: {
        subdistrictId: subdistrictId ? String(subdistrictId) : undefined,
        targetGroupIds: elderly ? [String(elderly.id)] : [],
        consentAt: toShanghaiLocal(new Date()),
      },
      meta: { title: t("intake:metaTitle"), description: t("intake:intro") },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:demand:on-behalf");
  const formData = await request.formData();
  const token = formTokenSchema.parse(formData.get("formToken") ?? undefined) ?? null;
  const submission = parseWithZod(formData, { schema: intakeFormSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), formToken: token }, { status: replyStatus(submission) });
  }
  const database = await db();
  const earlier = await demandCreatedWithToken(database, user.id, token);
  if (earlier) return redirect(`/demands/${earlier}`);
  try {
    const created = await createAssistedIntake(database, user, submission.value, { idempotencyKey: token });
    return redirect(withNotice(`/demands/${created.id}`, "intakeRecorded"));
  } catch (error) {
    const refusal = refusalOf(error);
    return json({ result: replyWith(submission, refusal), formToken: token }, { status: refusal.status });
  }
}

type IntakeForm = {
  campaignId: string;
  residentName: string;
  residentPhone: string;
  channel: string;
  consentMethod: string;
  consentAt: string;
  title: string;
  description: string;
  domain: string;
  subdistrictId: string;
  targetGroupIds: string[];
  scenarioTagIds: string[];
};

export default function Intake() {
  const { campaigns, options, locale, formToken, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useIsSubmitting();
  const [form, fields] = useForm<IntakeForm>({ id: "intake-form", lastResult: actionData?.result, shouldValidate: "onBlur" });
  const en = locale === "en";

  if (campaigns.length === 0) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="text-2xl font-bold">{t("intake:title")}</h1>
        <p className="mt-4 rounded-md border border-amber-500 bg-amber-50 px-4 py-3 text-lg" role="status">
          {t("demands:form.noCampaign")}
        </p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">{t("intake:title")}</h1>
      <p className="mt-2 text-lg text-slate-800">{t("intake:intro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-6 rounded-lg border border-slate-200 bg-white p-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="formToken" value={actionData?.formToken ?? formToken} />
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

        <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
          <legend className="px-1 text-xl font-semibold">{t("intake:resident")}</legend>
          <InputField meta={fields.residentName} label={t("intake:residentName")} hint={t("intake:residentNameHint")} required autoComplete="off" maxLength={100} />
          <InputField meta={fields.residentPhone} label={t("intake:residentPhone")} hint={t("intake:residentPhoneHint")} type="tel" inputMode="tel" autoComplete="off" maxLength={40} />
          <ChoiceGroup
            meta={fields.channel}
            legend={t("intake:channel")}
            type="radio"
            required
            columns={3}
            options={CHANNELS.map((c) => ({ value: c, label: t(`intake:channels.${c}`) }))}
          />
          <ChoiceGroup
            meta={fields.consentMethod}
            legend={t("intake:consentMethod")}
            type="radio"
            required
            columns={1}
            options={CONSENT_METHODS.map((c) => ({ value: c, label: t(`intake:consentMethods.${c}`) }))}
          />
          <InputField meta={fields.consentAt} label={t("intake:consentAt")} hint={t("intake:consentAtHint")} type="datetime-local" required defaultValue={defaults.consentAt} />
        </fieldset>

        <fieldset className="space-y-4 rounded-md border border-slate-300 p-4">
          <legend className="px-1 text-xl font-semibold">{t("intake:need")}</legend>
          <DemandCoreFields
            fields={fields}
            options={options}
            locale={locale}
            showScenarios={false}
            defaults={{ subdistrictId: defaults.subdistrictId, targetGroupIds: defaults.targetGroupIds }}
          />
        </fieldset>

        <button type="submit" className={`${primaryButtonClass} ${bigButton} w-full`} disabled={busy}>
          {t("intake:submit")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
