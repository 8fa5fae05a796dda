/**
 * The application form, shared by /applications/new and /applications/:id/edit.
 * A plain POST that works without JavaScript (the deployment rows are added
 * and removed by conform's intent buttons, which the server handles too);
 * with JavaScript the demand list can be filtered as you type.
 * Validation happens on the server; messages appear beside their fields.
 */
import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { COST_BANDS, DOMAINS, MATURITIES } from "../../db/enums";

import { ErrorList, focusOnError, FormErrors, inputClass, primaryButtonClass, secondaryButtonClass, TextField, useIsSubmitting } from "./forms";

type Named = { id: number; nameZh: string; nameEn: string };
type DemandOption = { id: number; title: string; subdistrictZh: string; subdistrictEn: string };

export type ApplicationFormOptions = {
  campaigns: { id: number; titleZh: string; titleEn: string }[];
  organizations: Named[];
  tags: { technology: Named[]; scenario: Named[]; target_group: Named[] };
  subdistricts: Named[];
  demands: DemandOption[];
};

type DeploymentRow = { place?: string; placeName?: string; since?: string };

type Shape = {
  campaignId?: string;
  organizationId?: string;
  title: string;
  summary: string;
  description: string;
  domain: string;
  maturity: string;
  costBand?: string;
  publicFromSubmission?: string;
  technologyIds?: string[];
  scenarioIds?: string[];
  targetGroupIds?: string[];
  demandIds?: string[];
  deployments?: DeploymentRow[];
};

const labelClass = "block font-medium text-slate-900";
const hintClass = "text-sm text-slate-700";
const legendClass = "font-medium text-slate-900";
const fieldsetClass = "rounded-md border border-slate-300 p-4";

function Required() {
  const { t } = useTranslation();
  return (
    <span className="text-red-700">
      <span aria-hidden="true"> *</span>
      <span className="sr-only">{t("applications:form.required")}</span>
    </span>
  );
}

const noSubscription = () => () => {};

/** False in the server render and the first client render, true once hydrated. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function TextAreaField({ meta, label, hint, rows }: { meta: FieldMetadata<string>; label: ReactNode; hint?: ReactNode; rows: number }) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div>
      <label htmlFor={meta.id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <textarea key={key} {...props} {...focusOnError(!meta.valid)} rows={rows} className={`mt-1 ${inputClass}`} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A group of radio buttons or checkboxes in a fieldset with its legend; the errors are tied to every input. */
function ChoiceGroup({
  meta,
  type,
  legend,
  hint,
  options,
  columns = "sm:grid-cols-3",
}: {
  meta: FieldMetadata<string> | FieldMetadata<string[] | undefined>;
  type: "radio" | "checkbox";
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  columns?: string;
}) {
  const hintId = `${meta.id}-hint`;
  const labelOf = new Map(options.map((o) => [o.value, o.label]));
  const inputs = getCollectionProps(meta as FieldMetadata<string[]>, {
    type,
    options: options.map((o) => o.value),
    ariaDescribedBy: hint ? hintId : undefined,
  });
  return (
    <fieldset className={fieldsetClass} aria-describedby={meta.errors?.length ? meta.errorId : hint ? hintId : undefined}>
      <legend className={`px-1 ${legendClass}`}>{legend}</legend>
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <div className={`mt-2 grid gap-2 ${columns}`}>
        {inputs.map(({ key, ...props }, index) => (
          <label key={key} htmlFor={props.id} className="flex items-center gap-2 rounded px-1 py-1 hover:bg-slate-50">
            <input {...props} {...focusOnError(!meta.valid && index === 0)} className="h-5 w-5 shrink-0" />
            <span>{labelOf.get(props.value)}</span>
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

export function ApplicationForm({
  mode,
  options,
  defaultValue,
  lastResult,
  locale,
  cancelTo,
  hidden,
  canSubmit,
  conflictHref,
}: {
  mode: "new" | "edit";
  options: ApplicationFormOptions;
  defaultValue?: Partial<Shape> & Record<string, unknown>;
  lastResult?: SubmissionResult<string[]> | null;
  locale: string;
  cancelTo: string;
  /** Hidden fields the server needs back (idempotency key, version). */
  hidden: Record<string, string | number>;
  /** Offer "save and submit" (new forms, and drafts). */
  canSubmit: boolean;
  /** When the last save lost a race: where to see the latest version. */
  conflictHref?: string;
}) {
  const { t } = useTranslation();
  const en = locale === "en";
  const name = (o: { nameZh: string; nameEn: string }) => (en ? o.nameEn : o.nameZh);
  const busy = useIsSubmitting();
  const hydrated = useHydrated();
  const [demandFilter, setDemandFilter] = useState("");

  const [form, fields] = useForm<Shape>({
    id: `application-${mode}`,
    lastResult: lastResult ?? undefined,
    defaultValue: { ...defaultValue, deployments: defaultValue?.deployments?.length ? defaultValue.deployments : [{}] } as Shape,
    shouldValidate: "onSubmit",
  });
  const deployments = fields.deployments.getFieldList();
  const chosenDemands = new Set((fields.demandIds.value as string[] | string | undefined) ?? []);
  const filter = demandFilter.trim().toLowerCase();

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6 rounded-lg border border-slate-200 bg-white p-5">
      <FormErrors id={form.errorId} errors={form.errors} />
      {conflictHref ? (
        <p>
          <a href={conflictHref} target="_blank" rel="noreferrer" className="text-brand-700 underline">
            {t("applications:form.conflictLink")}
          </a>
        </p>
      ) : null}
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}

      {mode === "new" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectLike meta={fields.campaignId} label={<>{t("applications:form.campaign")}<Required /></>}>
            {options.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {en ? c.titleEn : c.titleZh}
              </option>
            ))}
          </SelectLike>
          <SelectLike
            meta={fields.organizationId}
            label={<>{t("applications:form.organization")}<Required /></>}
            hint={t("applications:form.organizationHint")}
          >
            {options.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {name(o)}
              </option>
            ))}
          </SelectLike>
        </div>
      ) : null}

      <TextField meta={fields.title} label={<>{t("applications:form.titleLabel")}<Required /></>} hint={t("applications:form.titleHint")} />
      <TextAreaField meta={fields.summary} label={<>{t("applications:form.summary")}<Required /></>} hint={t("applications:form.summaryHint")} rows={3} />
      <TextAreaField
        meta={fields.description}
        label={<>{t("applications:form.description")}<Required /></>}
        hint={t("applications:form.descriptionHint")}
        rows={10}
      />

      <ChoiceGroup
        meta={fields.domain}
        type="radio"
        legend={<>{t("applications:form.domain")}<Required /></>}
        options={DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))}
      />
      <ChoiceGroup
        meta={fields.maturity}
        type="radio"
        legend={<>{t("applications:form.maturity")}<Required /></>}
        options={MATURITIES.map((m) => ({ value: m, label: t(`applications:maturity.${m}`) }))}
      />
      <SelectLike meta={fields.costBand} label={t("applications:form.costBand")} emptyLabel={t("applications:form.costBandNone")}>
        {COST_BANDS.map((c) => (
          <option key={c} value={c}>
            {t(`applications:costBands.${c}`)}
          </option>
        ))}
      </SelectLike>

      <ChoiceGroup
        meta={fields.technologyIds}
        type="checkbox"
        legend={t("applications:form.technologies")}
        hint={t("applications:form.tagsHint")}
        options={options.tags.technology.map((tag) => ({ value: String(tag.id), label: name(tag) }))}
      />
      <ChoiceGroup
        meta={fields.scenarioIds}
        type="checkbox"
        legend={t("applications:form.scenarios")}
        hint={t("applications:form.tagsHint")}
        options={options.tags.scenario.map((tag) => ({ value: String(tag.id), label: name(tag) }))}
      />
      <ChoiceGroup
        meta={fields.targetGroupIds}
        type="checkbox"
        legend={t("applications:form.targetGroups")}
        hint={t("applications:form.tagsHint")}
        options={options.tags.target_group.map((tag) => ({ value: String(tag.id), label: name(tag) }))}
      />

      <fieldset className={fieldsetClass} aria-describedby={fields.deployments.errors?.length ? `${fields.deployments.errorId}` : `${fields.deployments.id}-hint`}>
        <legend className={`px-1 ${legendClass}`}>{t("applications:form.deployments")}</legend>
        <p id={`${fields.deployments.id}-hint`} className={hintClass}>
          {t("applications:form.deploymentsHint")}
        </p>
        <ErrorList id={fields.deployments.errorId} errors={fields.deployments.errors} />
        <ol className="mt-3 space-y-4">
          {deployments.map((row, index) => {
            const cells = row.getFieldset();
            return (
              <li key={row.key} className="rounded border border-slate-200 p-3">
                <p className="font-medium">{t("applications:form.deploymentN", { n: index + 1 })}</p>
                <div className="mt-2 grid gap-3 sm:grid-cols-3">
                  <SelectLike meta={cells.place} label={t("applications:form.place")} emptyLabel={t("applications:form.placeNone")}>
                    {options.subdistricts.map((s) => (
                      <option key={s.id} value={s.id}>
                        {name(s)}
                      </option>
                    ))}
                    <option value="other">{t("applications:form.placeOther")}</option>
                  </SelectLike>
                  <TextField meta={cells.placeName} label={t("applications:form.placeName")} hint={t("applications:form.placeNameHint")} />
                  <MonthField meta={cells.since} label={t("applications:form.since")} hint={t("applications:form.sinceHint")} />
                </div>
                {deployments.length > 1 ? (
                  <button
                    {...form.remove.getButtonProps({ name: fields.deployments.name, index })}
                    className={`mt-2 ${secondaryButtonClass}`}
                  >
                    {t("applications:form.removeDeployment", { n: index + 1 })}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
        {deployments.length < 20 ? (
          <button {...form.insert.getButtonProps({ name: fields.deployments.name })} className={`mt-3 ${secondaryButtonClass}`}>
            {t("applications:form.addDeployment")}
          </button>
        ) : null}
      </fieldset>

      <fieldset className={fieldsetClass} aria-describedby={fields.demandIds.errors?.length ? fields.demandIds.errorId : `${fields.demandIds.id}-hint`}>
        <legend className={`px-1 ${legendClass}`}>{t("applications:form.demands")}</legend>
        <p id={`${fields.demandIds.id}-hint`} className={hintClass}>
          {t("applications:form.demandsHint")}
        </p>
        <ErrorList id={fields.demandIds.errorId} errors={fields.demandIds.errors} />
        {options.demands.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("applications:form.noDemandOptions")}</p>
        ) : (
          <>
            {hydrated ? (
              <div className="mt-2">
                <label htmlFor={`${fields.demandIds.id}-filter`} className={labelClass}>
                  {t("applications:form.demandFilter")}
                </label>
                <input
                  id={`${fields.demandIds.id}-filter`}
                  type="search"
                  value={demandFilter}
                  onChange={(e) => setDemandFilter(e.target.value)}
                  className={`mt-1 ${inputClass}`}
                />
              </div>
            ) : null}
            <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
              {getCollectionProps(fields.demandIds as FieldMetadata<string[]>, {
                type: "checkbox",
                options: options.demands.map((d) => String(d.id)),
              }).map(({ key, ...props }, i) => {
                const d = options.demands[i];
                const label = `${d.title} · ${en ? d.subdistrictEn : d.subdistrictZh}`;
                const shown = !filter || chosenDemands.has(props.value) || label.toLowerCase().includes(filter);
                return (
                  <li key={key} hidden={!shown}>
                    <label htmlFor={props.id} className="flex items-start gap-2 rounded px-1 py-1 hover:bg-slate-50">
                      <input {...props} className="mt-1 h-5 w-5 shrink-0" />
                      <span>{label}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </fieldset>

      <div>
        <label htmlFor={fields.publicFromSubmission.id} className="flex items-center gap-2 font-medium">
          <input
            {...getInputProps(fields.publicFromSubmission, { type: "checkbox", ariaDescribedBy: `${fields.publicFromSubmission.id}-hint` })}
            key={fields.publicFromSubmission.key}
            className="h-5 w-5"
          />
          {t("applications:form.publicFromSubmission")}
        </label>
        <p id={`${fields.publicFromSubmission.id}-hint`} className={`ml-7 ${hintClass}`}>
          {t("applications:form.publicFromSubmissionHint")}
        </p>
        <ErrorList id={fields.publicFromSubmission.errorId} errors={fields.publicFromSubmission.errors} />
      </div>

      {mode === "new" ? <p className={hintClass}>{t("applications:form.attachmentsLater")}</p> : null}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="save" className={mode === "new" ? secondaryButtonClass : primaryButtonClass} disabled={busy}>
          {mode === "new" ? t("applications:form.saveDraft") : t("applications:form.save")}
        </button>
        {canSubmit ? (
          <button type="submit" name="intent" value="submit" className={primaryButtonClass} disabled={busy}>
            {t("applications:form.saveAndSubmit")}
          </button>
        ) : null}
        <Link to={cancelTo} className="text-brand-700 underline">
          {t("applications:form.cancel")}
        </Link>
      </div>
    </Form>
  );
}

function SelectLike({
  meta,
  label,
  hint,
  emptyLabel,
  children,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  /** A first, empty option ("choose…" or "none"). */
  emptyLabel?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getSelectProps(meta, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div>
      <label htmlFor={meta.id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <select key={key} {...props} {...focusOnError(!meta.valid)} className={`mt-1 ${inputClass}`}>
        <option value="">{emptyLabel ?? t("applications:form.choose")}</option>
        {children}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function MonthField({ meta, label, hint }: { meta: FieldMetadata<string | undefined>; label: ReactNode; hint: ReactNode }) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getInputProps(meta, { type: "month", ariaDescribedBy: hintId });
  return (
    <div>
      <label htmlFor={meta.id} className={labelClass}>
        {label}
      </label>
      <p id={hintId} className={hintClass}>
        {hint}
      </p>
      <input key={key} {...props} {...focusOnError(!meta.valid)} placeholder="2024-05" pattern="\d{4}-\d{2}" className={`mt-1 ${inputClass}`} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
