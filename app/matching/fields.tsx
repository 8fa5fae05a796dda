/**
 * Form fields of the matching forms (respond, pilot, deployment, decline): a
 * labelled textarea or date with its hint and its errors beside it, wired with
 * aria-describedby / aria-invalid. Plain HTML, so the forms work without
 * JavaScript; conform adds validation on submit when it is there.
 */
import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

import { ErrorList, focusOnError, inputClass } from "~/components/forms";

export function TextAreaField({ meta, label, hint, rows = 4, maxLength }: { meta: FieldMetadata<string | undefined>; label: ReactNode; hint?: ReactNode; rows?: number; maxLength?: number }) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div>
      <label htmlFor={meta.id} className="block text-lg font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-slate-700">
          {hint}
        </p>
      ) : null}
      <textarea key={key} {...props} {...focusOnError(!meta.valid)} rows={rows} maxLength={maxLength} className={`mt-1 text-lg ${inputClass}`} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function InputField({ meta, label, hint, type = "text", maxLength }: { meta: FieldMetadata<string | undefined>; label: ReactNode; hint?: ReactNode; type?: "text" | "date"; maxLength?: number }) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getInputProps(meta, { type, ariaDescribedBy: hint ? hintId : undefined });
  return (
    <div>
      <label htmlFor={meta.id} className="block text-lg font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-slate-700">
          {hint}
        </p>
      ) : null}
      <input key={key} {...props} {...focusOnError(!meta.valid)} maxLength={maxLength} className={`mt-1 text-lg ${inputClass}`} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}
