/**
 * The fields of the demand forms (new demand, edit, assisted intake): big
 * targets, labels on everything, radio and checkbox groups in fieldsets with
 * legends, and each field's errors beside it (aria-invalid +
 * aria-describedby). Works as plain HTML; with JavaScript the title field
 * also looks up similar demands as one types.
 */
import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ErrorList, focusOnError, inputClass, secondaryButtonClass } from "~/components/forms";

/** What these fields need of conform's field metadata (any FieldMetadata fits). */
export type FieldMeta = {
  id: string;
  name: string;
  errorId: string;
  errors?: string[];
  initialValue?: unknown;
  key?: string | undefined;
};

type Option = { id: number; slug: string; nameZh: string; nameEn: string };

export const bigButton = "min-h-12 px-5 py-3 text-lg";

/** True after the first render in the browser (false on the server and without JavaScript). */
export function useHydrated() {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
const noSubscription = () => () => {};

export function ariaFor(meta: FieldMeta, hintId?: string) {
  const invalid = !!meta.errors?.length;
  const describedBy = [hintId, invalid ? meta.errorId : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": describedBy || undefined };
}

export function initialString(meta: FieldMeta): string | undefined {
  const v = meta.initialValue;
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

export function initialList(meta: FieldMeta): string[] {
  const v = meta.initialValue;
  if (Array.isArray(v)) return v.filter((x) => x != null).map(String);
  return typeof v === "string" || typeof v === "number" ? [String(v)] : [];
}

export const localName = (o: { nameZh: string; nameEn: string }, locale: string) => (locale === "en" ? o.nameEn : o.nameZh);

function Hint({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children || !id) return null;
  return (
    <p id={id} className="text-slate-700">
      {children}
    </p>
  );
}

export function InputField({
  meta,
  label,
  hint,
  type = "text",
  required,
  autoComplete,
  inputMode,
  maxLength,
  onValueChange,
  defaultValue,
}: {
  meta: FieldMeta;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "tel" | "email" | "datetime-local";
  required?: boolean;
  autoComplete?: string;
  inputMode?: "text" | "tel" | "email";
  maxLength?: number;
  onValueChange?: (value: string) => void;
  defaultValue?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={meta.id} className="block text-lg font-medium text-slate-900">
        {label}
        {required ? <span className="text-red-700"> *</span> : null}
      </label>
      <Hint id={hintId}>{hint}</Hint>
      <input
        key={meta.key}
        id={meta.id}
        name={meta.name}
        type={type}
        defaultValue={initialString(meta) ?? defaultValue}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        onChange={onValueChange ? (e) => onValueChange(e.currentTarget.value) : undefined}
        className={`mt-1 min-h-12 text-lg ${inputClass}`}
        {...ariaFor(meta, hintId)}
        {...focusOnError(!!meta.errors?.length)}
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextAreaField({ meta, label, hint, required, rows = 6 }: { meta: FieldMeta; label: ReactNode; hint?: ReactNode; required?: boolean; rows?: number }) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={meta.id} className="block text-lg font-medium text-slate-900">
        {label}
        {required ? <span className="text-red-700"> *</span> : null}
      </label>
      <Hint id={hintId}>{hint}</Hint>
      <textarea
        key={meta.key}
        id={meta.id}
        name={meta.name}
        rows={rows}
        defaultValue={initialString(meta)}
        required={required}
        className={`mt-1 text-lg ${inputClass}`}
        {...ariaFor(meta, hintId)}
        {...focusOnError(!!meta.errors?.length)}
      />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectInput({
  meta,
  label,
  required,
  children,
  defaultValue,
}: {
  meta: FieldMeta;
  label: ReactNode;
  required?: boolean;
  children: ReactNode;
  defaultValue?: string;
}) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-lg font-medium text-slate-900">
        {label}
        {required ? <span className="text-red-700"> *</span> : null}
      </label>
      <select
        key={meta.key}
        id={meta.id}
        name={meta.name}
        defaultValue={initialString(meta) ?? defaultValue ?? ""}
        required={required}
        className={`mt-1 min-h-12 text-lg ${inputClass}`}
        {...ariaFor(meta)}
        {...focusOnError(!!meta.errors?.length)}
      >
        {children}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** Radio buttons (one choice) or checkboxes (several) in a fieldset with a legend. */
export function ChoiceGroup({
  meta,
  legend,
  type,
  options,
  required,
  defaultValue,
  columns = 2,
}: {
  meta: FieldMeta;
  legend: ReactNode;
  type: "radio" | "checkbox";
  options: { value: string; label: ReactNode }[];
  required?: boolean;
  defaultValue?: string | string[];
  columns?: 1 | 2 | 3;
}) {
  const initial = meta.initialValue !== undefined ? initialList(meta) : defaultValue === undefined ? [] : ([] as string[]).concat(defaultValue);
  const invalid = !!meta.errors?.length;
  const grid = columns === 1 ? "" : columns === 2 ? "sm:grid-cols-2" : "sm:grid-cols-3";
  return (
    <fieldset key={meta.key} aria-describedby={invalid ? meta.errorId : undefined}>
      <legend className="text-lg font-medium text-slate-900">
        {legend}
        {required ? <span className="text-red-700"> *</span> : null}
      </legend>
      <div className={`mt-2 grid gap-2 ${grid}`}>
        {options.map((option, index) => {
          const id = `${meta.id}-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={id}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-2 text-lg has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                id={id}
                type={type}
                name={meta.name}
                value={option.value}
                defaultChecked={initial.includes(option.value)}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? meta.errorId : undefined}
                {...focusOnError(invalid && index === 0)}
                className="h-6 w-6 shrink-0 accent-brand-700"
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

export type SimilarItem = { id: number; title: string; status: string; supportCount: number; supportable: boolean };

/**
 * With JavaScript: as the title is typed, existing visible demands with a
 * similar title, each with a "support this instead" link. Debounced; silent
 * for short titles.
 */
export function LiveSimilarDemands({ title, excludeId }: { title: string; excludeId?: number }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ items: SimilarItem[] }>();
  const { load } = fetcher;
  const query = title.trim();
  useEffect(() => {
    if ([...query].length < 4) return;
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ title: query });
      if (excludeId) params.set("exclude", String(excludeId));
      load(`/demands/similar?${params}`);
    }, 400);
    return () => clearTimeout(timer);
  }, [query, excludeId, load]);
  const items = [...query].length >= 4 ? (fetcher.data?.items ?? []) : [];
  return (
    <div aria-live="polite" className="empty:hidden">
      {items.length ? (
        <section className="mt-3 rounded-md border border-amber-500 bg-amber-50 p-4" aria-labelledby="similar-live-title" data-testid="similar-live">
          <h2 id="similar-live-title" className="text-lg font-semibold">
            {t("demands:similar.liveTitle")}
          </h2>
          <p className="text-slate-800">{t("demands:similar.liveIntro")}</p>
          <SimilarList items={items} />
        </section>
      ) : null}
    </div>
  );
}

/** Similar demands with links to view and support each (a plain link: works everywhere). */
export function SimilarList({ items, supportForms = false }: { items: SimilarItem[]; supportForms?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="mt-2 space-y-2">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 bg-white px-3 py-2">
          <span className="text-lg">
            <Link to={`/demands/${item.id}`} className="font-medium text-brand-700 underline">
              {item.title}
            </Link>{" "}
            <span className="text-slate-700">· {t("demands:support.count", { count: item.supportCount })}</span>
          </span>
          {!item.supportable ? null : supportForms ? (
            <Form method="post" action={`/demands/${item.id}`}>
              <input type="hidden" name="intent" value="support" />
              <button type="submit" className={`${secondaryButtonClass} min-h-12 text-lg`}>
                {t("demands:similar.supportInstead")}
              </button>
            </Form>
          ) : (
            <Link to={`/demands/${item.id}#support`} className={`${secondaryButtonClass} min-h-12 text-lg`}>
              {t("demands:similar.supportInstead")}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

type DemandOptions = { subdistricts: Option[]; targetGroups: Option[]; scenarios: Option[] };

const DOMAIN_VALUES = ["economy", "life", "governance"] as const;

/** Title, description, domain, subdistrict, target groups and (optionally) scenarios. */
export function DemandCoreFields({
  fields,
  options,
  locale,
  afterTitle,
  onTitleChange,
  showScenarios = true,
  defaults = {},
}: {
  fields: Record<"title" | "description" | "domain" | "subdistrictId" | "targetGroupIds" | "scenarioTagIds", FieldMeta>;
  options: DemandOptions;
  locale: string;
  afterTitle?: ReactNode;
  onTitleChange?: (value: string) => void;
  showScenarios?: boolean;
  defaults?: { subdistrictId?: string; targetGroupIds?: string[] };
}) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <InputField meta={fields.title} label={t("demands:form.title")} hint={t("demands:form.titleHint")} required maxLength={200} onValueChange={onTitleChange} />
        {afterTitle}
      </div>
      <TextAreaField meta={fields.description} label={t("demands:form.description")} hint={t("demands:form.descriptionHint")} required rows={8} />
      <ChoiceGroup
        meta={fields.domain}
        legend={t("demands:form.domain")}
        type="radio"
        required
        columns={3}
        options={DOMAIN_VALUES.map((d) => ({ value: d, label: t(`common:domains.${d}`) }))}
      />
      <SelectInput meta={fields.subdistrictId} label={t("demands:form.subdistrict")} required defaultValue={defaults.subdistrictId}>
        <option value="">{t("demands:form.chooseSubdistrict")}</option>
        {options.subdistricts.map((s) => (
          <option key={s.id} value={String(s.id)}>
            {localName(s, locale)}
          </option>
        ))}
      </SelectInput>
      <ChoiceGroup
        meta={fields.targetGroupIds}
        legend={t("demands:form.targetGroups")}
        type="checkbox"
        defaultValue={defaults.targetGroupIds}
        options={options.targetGroups.map((g) => ({ value: String(g.id), label: localName(g, locale) }))}
      />
      {showScenarios && options.scenarios.length ? (
        <ChoiceGroup
          meta={fields.scenarioTagIds}
          legend={t("demands:form.scenarios")}
          type="checkbox"
          columns={3}
          options={options.scenarios.map((s) => ({ value: String(s.id), label: localName(s, locale) }))}
        />
      ) : null}
    </>
  );
}

const RAISED_BY_VALUES = ["resident", "company", "community", "urban_management"] as const;
const CONTACT_VALUES = ["none", "phone", "email", "in_person"] as const;

/** Who raises it and how to reach them. */
export function RaisedByAndContactFields({
  fields,
  defaultRaisedBy,
}: {
  fields: Record<"raisedBy" | "contactPreference" | "contactValue", FieldMeta>;
  defaultRaisedBy: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ChoiceGroup
        meta={fields.raisedBy}
        legend={t("demands:form.raisedBy")}
        type="radio"
        required
        defaultValue={defaultRaisedBy}
        options={RAISED_BY_VALUES.map((r) => ({ value: r, label: t(`demands:raisedBy.${r}`) }))}
      />
      <ChoiceGroup
        meta={fields.contactPreference}
        legend={t("demands:form.contactPreference")}
        type="radio"
        defaultValue="none"
        options={CONTACT_VALUES.map((c) => ({ value: c, label: t(`demands:contact.${c}`) }))}
      />
      <InputField meta={fields.contactValue} label={t("demands:form.contactValue")} hint={t("demands:form.contactValueHint")} autoComplete="off" maxLength={200} />
    </>
  );
}
