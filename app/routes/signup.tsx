/**
 * Sign up as a resident or as a member of a vendor firm (chosen from the
 * registered vendors, or registered new and then unverified). On success the
 * visitor is signed in and redirected with a welcome notice.
 */
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { SECRET_FIELDS, signUp, signUpSchema, vendorChoices } from "~/auth/accounts.server";
import { getCurrentUser } from "~/auth/current-user.server";
import { serializeSessionCookie } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, focusOnError, FormErrors, primaryButtonClass, SelectField, TextField, useIsSubmitting } from "~/components/forms";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { getPreferences } from "~/utils/preferences.server";
import { safeRedirectPath } from "~/utils/redirect";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/");
  if (await getCurrentUser(request)) throw redirect(redirectTo);
  const [{ t }, vendors] = await Promise.all([getT(request), db().then(vendorChoices)]);
  return json({ redirectTo, vendors, meta: { title: t("auth:signup.metaTitle"), description: t("auth:signup.intro") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signUpSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: SECRET_FIELDS }) }, { status: replyStatus(submission) });
  }
  const { locale } = await getPreferences(request);
  const outcome = await signUp(await db(), submission.value, { userAgent: request.headers.get("user-agent"), locale });
  if (!outcome.ok) {
    return json({ result: submission.reply({ fieldErrors: outcome.fieldErrors, hideFields: SECRET_FIELDS }) }, { status: 400 });
  }
  const to = safeRedirectPath(submission.value.redirectTo, "/");
  return redirect(withNotice(to, "signedUp"), {
    headers: { "Set-Cookie": await serializeSessionCookie(outcome.session.token, outcome.session.expiresAt) },
  });
}

export default function SignUp() {
  const { redirectTo, vendors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const busy = useIsSubmitting();
  const [form, fields] = useForm({ id: "signup", lastResult: actionData?.result, shouldValidate: "onBlur" });
  const accountType = fields.accountType;
  // Without JavaScript (or before a choice) the firm section is always shown.
  const [chosenType, setChosenType] = useState(typeof accountType.initialValue === "string" ? accountType.initialValue : undefined);
  const showFirm = chosenType !== "resident";

  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-bold">{t("auth:signup.title")}</h1>
      <p className="mt-2 text-slate-700">{t("auth:signup.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5 rounded-lg border border-slate-200 bg-white p-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />

        <fieldset aria-describedby={accountType.errors ? accountType.errorId : undefined}>
          <legend className="font-medium text-slate-900">{t("auth:signup.accountType")}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {(
              [
                ["resident", t("auth:signup.accountTypeResident"), t("auth:signup.accountTypeResidentHint")],
                ["firm_member", t("auth:signup.accountTypeFirm"), t("auth:signup.accountTypeFirmHint")],
              ] as const
            ).map(([value, label, hint], index) => {
              const id = `${accountType.id}-${value}`;
              const { key, ...radio } = getInputProps(accountType, { type: "radio", value });
              return (
                <label key={value} htmlFor={id} className="flex cursor-pointer gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                  <input key={key} {...radio} {...focusOnError(!accountType.valid && index === 0)} id={id} onChange={(e) => setChosenType(e.currentTarget.value)} aria-describedby={`${id}-hint${accountType.errors ? ` ${accountType.errorId}` : ""}`} className="mt-1 h-5 w-5 shrink-0" />
                  <span>
                    <span className="block font-medium">{label}</span>
                    <span id={`${id}-hint`} className="block text-sm text-slate-700">
                      {hint}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
          <ErrorList id={accountType.errorId} errors={accountType.errors} />
        </fieldset>

        <TextField meta={fields.email} label={t("auth:signup.email")} type="email" autoComplete="email" inputMode="email" required />
        <TextField meta={fields.displayName} label={t("auth:signup.displayName")} hint={t("auth:signup.displayNameHint")} autoComplete="nickname" required />
        <TextField meta={fields.password} label={t("auth:signup.password")} hint={t("auth:signup.passwordHint")} type="password" autoComplete="new-password" required />
        <TextField meta={fields.confirmPassword} label={t("auth:signup.confirmPassword")} type="password" autoComplete="new-password" required />
        <TextField meta={fields.phone} label={t("auth:signup.phone")} hint={t("auth:signup.phoneHint")} type="tel" autoComplete="tel-national" inputMode="tel" />

        <fieldset className="space-y-4 rounded-md border border-slate-300 p-4" hidden={!showFirm}>
          <legend className="px-1 font-medium text-slate-900">{t("auth:signup.firmSection")}</legend>
          <SelectField meta={fields.organizationId} label={t("auth:signup.organization")} hint={t("auth:signup.organizationHint")}>
            <option value="">{t("auth:signup.organizationNone")}</option>
            {vendors.map((v) => (
              <option key={v.id} value={String(v.id)}>
                {en ? v.nameEn : v.nameZh}
                {v.verified ? t("auth:signup.verifiedMark") : ""}
              </option>
            ))}
          </SelectField>
          <div className="space-y-4 border-t border-slate-200 pt-4">
            <p className="font-medium text-slate-900">{t("auth:signup.newOrganization")}</p>
            <p className="text-sm text-slate-700">{t("auth:signup.newOrganizationHint")}</p>
            <TextField meta={fields.newOrganizationNameZh} label={t("auth:signup.newOrganizationNameZh")} autoComplete="organization" />
            <TextField meta={fields.newOrganizationNameEn} label={t("auth:signup.newOrganizationNameEn")} />
          </div>
        </fieldset>

        <button type="submit" className={`${primaryButtonClass} w-full`} disabled={busy}>
          {t("auth:signup.submit")}
        </button>
      </Form>
      <p className="mt-4 text-slate-700">
        {t("auth:signup.haveAccount")}{" "}
        <Link to={redirectTo === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(redirectTo)}`} className="font-medium text-brand-700 underline hover:text-brand-800">
          {t("auth:signup.loginLink")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
