/**
 * The campaign form (new and edit): titles, slug, descriptions, dates,
 * quotas, reviewers per item, vendor cap and the rubric editor. The rubric's
 * "add" and "remove" buttons are conform intents: with JavaScript they act in
 * the page, without it the server applies them and sends the form back.
 */
import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import type { RubricCriterion } from "../../db/enums";
import { dangerButtonClass, ErrorList, focusOnError, FormErrors, inputClass, primaryButtonClass, secondaryButtonClass, useIsSubmitting } from "~/components/forms";

type FieldProps = {
  meta: FieldMetadata<string | number | undefined | null>;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "date" | "number";
  required?: boolean;
  lang?: string;
  min?: number;
  max?: number;
  step?: string;
};

function Field({ meta, label, hint, type = "text", required, lang, min, max, step }: FieldProps) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...props } = getInputProps(meta as FieldMetadata<string>, { type, ariaDescribedBy: hintId });
  return (
    <div>
      <label htmlFor={meta.id} className="block font-medium text-slate-900">
        {label}
        {required ? <span className="text-red-800"> *</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input
        key={key}
        {...props}
        {...focusOnError(!meta.valid)}
        lang={lang}
        min={min}
        max={max}
        step={step}
        inputMode={type === "number" ? (step === "any" ? "decimal" : "numeric") : undefined}
        className={`mt-1 ${inputClass}`}
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function TextArea({ meta, label, lang }: { meta: FieldMetadata<string | undefined>; label: ReactNode; lang: string }) {
  const { key, ...props } = getTextareaProps(meta);
  return (
    <div>
      <label htmlFor={meta.id} className="block font-medium text-slate-900">
        {label}
      </label>
      <textarea key={key} {...props} {...focusOnError(!meta.valid)} lang={lang} rows={4} className={`mt-1 ${inputClass}`} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export type CampaignFormDefaults = {
  titleZh?: string;
  titleEn?: string;
  slug?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  opensAt?: string;
  closesAt?: string;
  applicationQuota?: string;
  demandQuota?: string;
  reviewersPerItem?: string;
  vendorCap?: string;
  version?: string;
  rubric?: { key: string; labelZh: string; labelEn: string; weight: string; scaleMax: string }[];
};

/** The rubric as a read-only table (once reviews exist it cannot change). */
export function RubricTable({ rubric }: { rubric: RubricCriterion[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <table className="mt-2 w-full border-collapse text-left">
      <caption className="sr-only">{t("campaigns:form.rubric")}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">
            {t("campaigns:form.criterion")}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t("campaigns:form.key")}
          </th>
          <th scope="col" className="py-1 pr-3">
            {t("campaigns:form.weight")}
          </th>
          <th scope="col" className="py-1">
            {t("campaigns:form.scaleMax")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rubric.map((c) => (
          <tr key={c.key} className="border-b border-slate-200">
            <td className="py-1 pr-3">{en ? c.labelEn : c.labelZh}</td>
            <td className="py-1 pr-3 font-mono text-sm">{c.key}</td>
            <td className="py-1 pr-3">{Math.round(c.weight * 1000) / 10}%</td>
            <td className="py-1">{c.scaleMax}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CampaignForm({
  id,
  action,
  lastResult,
  defaultValue,
  lockedRubric,
  submitLabel,
  extraErrors,
}: {
  id: string;
  action: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: CampaignFormDefaults;
  /** Set when reviews exist: the rubric is shown read-only and not sent. */
  lockedRubric?: RubricCriterion[] | null;
  submitLabel: string;
  extraErrors?: ReactNode;
}) {
  const { t } = useTranslation();
  const busy = useIsSubmitting();
  const [form, fields] = useForm<CampaignFormDefaults>({
    id,
    lastResult: lastResult ?? undefined,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onBlur",
  });
  const criteria = fields.rubric.getFieldList();
  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      {extraErrors}
      {defaultValue.version ? <input {...getInputProps(fields.version, { type: "hidden" })} key={fields.version.key} /> : null}

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("campaigns:form.basics")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field meta={fields.titleZh} label={t("campaigns:form.titleZh")} required lang="zh-CN" />
          <Field meta={fields.titleEn} label={t("campaigns:form.titleEn")} required lang="en" />
        </div>
        <Field meta={fields.slug} label={t("campaigns:form.slug")} hint={t("campaigns:form.slugHint")} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextArea meta={fields.descriptionZh} label={t("campaigns:form.descriptionZh")} lang="zh-CN" />
          <TextArea meta={fields.descriptionEn} label={t("campaigns:form.descriptionEn")} lang="en" />
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <legend className="px-1 text-lg font-semibold">{t("campaigns:form.datesAndQuotas")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field meta={fields.opensAt} type="date" label={t("campaigns:form.opensAt")} hint={t("campaigns:form.dateHint")} required />
          <Field meta={fields.closesAt} type="date" label={t("campaigns:form.closesAt")} hint={t("campaigns:form.closesHint")} required />
          <Field meta={fields.applicationQuota} type="number" min={0} label={t("campaigns:form.applicationQuota")} hint={t("campaigns:form.applicationQuotaHint")} />
          <Field meta={fields.demandQuota} type="number" min={0} label={t("campaigns:form.demandQuota")} hint={t("campaigns:form.demandQuotaHint")} />
          <Field meta={fields.reviewersPerItem} type="number" min={1} max={10} label={t("campaigns:form.reviewersPerItem")} hint={t("campaigns:form.reviewersPerItemHint")} />
          <Field meta={fields.vendorCap} type="number" min={1} label={t("campaigns:form.vendorCap")} hint={t("campaigns:form.vendorCapHint")} />
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-describedby={`${fields.rubric.id}-hint ${fields.rubric.errorId}`}>
        <legend className="px-1 text-lg font-semibold">{t("campaigns:form.rubric")}</legend>
        <p id={`${fields.rubric.id}-hint`} className="text-slate-700">
          {lockedRubric ? t("campaigns:form.rubricLockedHint") : t("campaigns:form.rubricHint")}
        </p>
        <ErrorList id={fields.rubric.errorId} errors={fields.rubric.errors} />
        {lockedRubric ? (
          <RubricTable rubric={lockedRubric} />
        ) : (
          <>
            <ol className="space-y-4">
              {criteria.map((criterion, index) => {
                const c = criterion.getFieldset();
                return (
                  <li key={criterion.key}>
                    <fieldset className="rounded-md border border-slate-300 p-4">
                      <legend className="px-1 font-medium">{t("campaigns:form.criterionN", { n: index + 1 })}</legend>
                      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
                        <Field meta={c.key} label={t("campaigns:form.key")} required />
                        <Field meta={c.labelZh} label={t("campaigns:form.labelZh")} required lang="zh-CN" />
                        <Field meta={c.labelEn} label={t("campaigns:form.labelEn")} required lang="en" />
                        <Field meta={c.weight} type="number" step="any" min={0} label={t("campaigns:form.weight")} required />
                        <Field meta={c.scaleMax} type="number" min={2} max={100} label={t("campaigns:form.scaleMax")} required />
                      </div>
                      <ErrorList id={criterion.errorId} errors={criterion.errors} />
                      <button
                        {...form.remove.getButtonProps({ name: fields.rubric.name, index })}
                        className={`mt-3 ${dangerButtonClass}`}
                        aria-label={t("campaigns:form.removeCriterionN", { n: index + 1 })}
                      >
                        {t("campaigns:form.removeCriterion")}
                      </button>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <button
              {...form.insert.getButtonProps({ name: fields.rubric.name, defaultValue: { key: "", labelZh: "", labelEn: "", weight: "1", scaleMax: "10" } })}
              className={secondaryButtonClass}
            >
              {t("campaigns:form.addCriterion")}
            </button>
          </>
        )}
      </fieldset>

      <button type="submit" className={primaryButtonClass} disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
