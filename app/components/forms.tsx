/**
 * Form building blocks on top of conform: a labelled field with its hint and
 * its errors beside it (wired with aria-describedby / aria-invalid), the
 * form-level error box and the button styles. Error strings are translation
 * keys (schemas in *.server.ts use them), translated here.
 */
import { useNavigation } from "@remix-run/react";
import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export const inputClass =
  "block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";
export const primaryButtonClass =
  "inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-500 bg-white px-3 py-1.5 text-slate-900 hover:bg-slate-100 disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md border border-red-700 bg-white px-3 py-1.5 text-red-800 hover:bg-red-50 disabled:opacity-60";

/**
 * Props that move focus to a field with errors when a failed submission comes
 * back as a new page (JavaScript off): the browser focuses the first element
 * marked `autofocus` in the document and ignores the others, so marking every
 * invalid field lands on the first one, where its label and message
 * (aria-describedby) are read. With JavaScript conform focuses the first
 * invalid field itself; React only acts on `autoFocus` when an element mounts,
 * which an already shown field does not.
 */
export function focusOnError(invalid: boolean): { autoFocus?: true } {
  return invalid ? { autoFocus: true } : {};
}

/** Translated messages (keys like "auth:errors.emailTaken"); `values` fill placeholders. */
export function ErrorList({ id, errors, values }: { id?: string; errors?: string[] | null; values?: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm font-medium text-red-700">
      {errors.map((e) => (
        <li key={e}>{t(e, values ?? {})}</li>
      ))}
    </ul>
  );
}

/** The errors of the whole form (not of one field), announced when they appear. */
export function FormErrors({ id, errors, values }: { id?: string; errors?: string[] | null; values?: Record<string, unknown> }) {
  return (
    <div role="alert" className="empty:hidden">
      {errors?.length ? (
        <div className="mb-4 rounded-md border border-red-700 bg-red-50 px-4 py-3">
          <ErrorList id={id} errors={errors} values={values} />
        </div>
      ) : null}
    </div>
  );
}

type TextType = "text" | "email" | "password" | "tel" | "search";

/**
 * A labelled input. Passwords are never pre-filled from a failed submission.
 */
export function TextField({
  meta,
  label,
  hint,
  type = "text",
  autoComplete,
  required,
  inputMode,
}: {
  meta: FieldMetadata<unknown>;
  label: ReactNode;
  hint?: ReactNode;
  type?: TextType;
  autoComplete?: string;
  required?: boolean;
  inputMode?: "text" | "email" | "tel" | "numeric";
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...props } = getInputProps(meta, {
    type,
    ariaDescribedBy: hintId,
    ...(type === "password" ? { value: false } : {}),
  });
  return (
    <div>
      <label htmlFor={meta.id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input key={key} {...props} {...focusOnError(!meta.valid)} required={required} autoComplete={autoComplete} inputMode={inputMode} className={`mt-1 ${inputClass}`} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({
  meta,
  label,
  hint,
  children,
  required,
}: {
  meta: FieldMetadata<unknown>;
  label: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  required?: boolean;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const { key, ...props } = getSelectProps(meta, { ariaDescribedBy: hintId });
  return (
    <div>
      <label htmlFor={meta.id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <select key={key} {...props} {...focusOnError(!meta.valid)} required={required} className={`mt-1 ${inputClass}`}>
        {children}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/**
 * True while the page's form is really being submitted. Conform's on-blur
 * checks also post the form (with its `__intent__` field); counting those as
 * "submitting" disabled the buttons mid-click and lost the user's click.
 */
export function useIsSubmitting(): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && !navigation.formData?.has("__intent__");
}
