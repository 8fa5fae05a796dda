/**
 * The signed-in user's account: e-mail, roles and organisations; profile
 * (name, phone, preferred language) and password forms. Changing the
 * password signs out every other session.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import {
  changePassword,
  changePasswordSchema,
  getProfile,
  profileSchema,
  SECRET_FIELDS,
  updateProfile,
} from "~/auth/accounts.server";
import { requireUser } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, primaryButtonClass, SelectField, TextField } from "~/components/forms";
import { clientIp } from "~/utils/client-ip.server";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { noticeFrom, withNotice } from "~/utils/notice";
import { getPreferences, serializePreferences } from "~/utils/preferences.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [{ t }, profile] = await Promise.all([getT(request), db().then((d) => getProfile(d, user.id))]);
  if (!profile) throw new Response("Not Found", { status: 404 });
  return json({
    profile,
    roles: user.roles,
    organizations: user.organizations,
    meta: { title: t("account:metaTitle"), description: t("account:metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

/** A refused (rate-limited) POST says when to retry, also for a document request without JavaScript. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "profile") {
    const submission = parseWithZod(formData, { schema: profileSchema });
    if (submission.status !== "success") {
      return json({ intent, result: submission.reply(), retryMinutes: null }, { status: replyStatus(submission) });
    }
    await updateProfile(await db(), user, submission.value);
    const prefs = await getPreferences(request);
    prefs.locale = submission.value.locale;
    return redirect(withNotice("/account", "profileSaved"), { headers: { "Set-Cookie": await serializePreferences(prefs) } });
  }

  if (intent === "password") {
    const submission = parseWithZod(formData, { schema: changePasswordSchema });
    if (submission.status !== "success") {
      return json({ intent, result: submission.reply({ hideFields: SECRET_FIELDS }), retryMinutes: null }, { status: replyStatus(submission) });
    }
    const outcome = await changePassword(await db(), user, submission.value, { ip: clientIp(request) });
    if (!outcome.ok) {
      const limited = outcome.retryAfterSeconds !== undefined;
      return json(
        { intent, result: submission.reply({ fieldErrors: outcome.fieldErrors, hideFields: SECRET_FIELDS }), retryMinutes: null },
        { status: limited ? 429 : 400, headers: limited ? { "Retry-After": String(outcome.retryAfterSeconds) } : undefined },
      );
    }
    return redirect(withNotice("/account", "passwordChanged"));
  }

  return json({ intent: null, result: null, retryMinutes: null }, { status: 400 });
}

function ProfileForm() {
  const { profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().formData?.get("intent") === "profile";
  const [form, fields] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    defaultValue: { displayName: profile.displayName, phone: profile.phone ?? "", locale: profile.locale },
  });
  return (
    <section aria-labelledby="profile-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="profile-heading" className="text-lg font-semibold">
        {t("account:profile")}
      </h2>
      <Form method="post" action="/account" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="profile" />
        <TextField meta={fields.displayName} label={t("account:displayName")} autoComplete="nickname" required />
        <TextField meta={fields.phone} label={t("account:phone")} hint={t("account:phoneHint")} type="tel" autoComplete="tel-national" inputMode="tel" />
        <SelectField meta={fields.locale} label={t("account:locale")}>
          <option value="zh-CN" lang="zh-CN">
            {t("account:localeZh")}
          </option>
          <option value="en" lang="en">
            {t("account:localeEn")}
          </option>
        </SelectField>
        <button type="submit" className={primaryButtonClass} disabled={busy}>
          {t("account:saveProfile")}
        </button>
      </Form>
    </section>
  );
}

function PasswordForm() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const location = useLocation();
  const busy = useNavigation().formData?.get("intent") === "password";
  const [form, fields] = useForm({
    id: "password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    shouldValidate: "onBlur",
  });
  // After a successful change (redirect with the notice) clear what was typed.
  const changed = noticeFrom(location.search) === "passwordChanged";
  useEffect(() => {
    if (changed) (document.getElementById(form.id) as HTMLFormElement | null)?.reset();
  }, [changed, location.key, form.id]);
  return (
    <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="password-heading" className="text-lg font-semibold">
        {t("account:password")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("account:passwordIntro")}</p>
      <Form method="post" action="/account" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="password" />
        <TextField meta={fields.currentPassword} label={t("account:currentPassword")} type="password" autoComplete="current-password" required />
        <TextField meta={fields.newPassword} label={t("account:newPassword")} hint={t("account:newPasswordHint")} type="password" autoComplete="new-password" required />
        <TextField meta={fields.confirmPassword} label={t("account:confirmPassword")} type="password" autoComplete="new-password" required />
        <button type="submit" className={primaryButtonClass} disabled={busy}>
          {t("account:changePassword")}
        </button>
      </Form>
    </section>
  );
}

export default function Account() {
  const { profile, roles, organizations } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("account:title")}</h1>
      <section aria-labelledby="overview-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="overview-heading" className="text-lg font-semibold">
          {t("account:overview")}
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("account:email")}</dt>
          <dd data-testid="account-email">{profile.email}</dd>
          <dt className="font-medium text-slate-700">{t("account:roles")}</dt>
          <dd>
            {roles.length ? (
              <ul className="flex flex-wrap gap-2">
                {roles.map((r) => (
                  <li key={r} className="rounded bg-slate-100 px-2 py-0.5 text-slate-900">
                    {t(`roles.${r}`)}
                  </li>
                ))}
              </ul>
            ) : (
              t("account:noRoles")
            )}
          </dd>
          <dt className="font-medium text-slate-700">{t("account:organizations")}</dt>
          <dd>
            {organizations.length ? (
              <ul className="space-y-1">
                {organizations.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-2">
                    <span>{en ? o.nameEn : o.nameZh}</span>
                    <span className="text-sm text-slate-700">({o.role === "owner" ? t("account:owner") : t("account:member")})</span>
                    {o.verified ? (
                      <span className="rounded bg-green-100 px-2 py-0.5 text-sm font-medium text-green-900">✓ {t("account:verified")}</span>
                    ) : (
                      <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t("account:unverified")}</span>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              t("account:noOrganizations")
            )}
          </dd>
        </dl>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileForm />
        <PasswordForm />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
