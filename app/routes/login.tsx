/**
 * Sign in. Fields `email`, `password` and an optional `redirectTo` (kept on
 * this site). Wrong credentials get one message and status 400; too many
 * failures get a message saying when to retry and status 429.
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { SECRET_FIELDS, signIn, signInSchema } from "~/auth/accounts.server";
import { getCurrentUser } from "~/auth/current-user.server";
import { serializeSessionCookie } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, primaryButtonClass, TextField, useIsSubmitting } from "~/components/forms";
import { clientIp } from "~/utils/client-ip.server";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { safeRedirectPath } from "~/utils/redirect";

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/");
  if (await getCurrentUser(request)) throw redirect(redirectTo);
  const { t } = await getT(request);
  return json({ redirectTo, meta: { title: t("auth:login.metaTitle"), description: t("auth:login.intro") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

/** A refused (rate-limited) POST says when to retry, also for a document request without JavaScript. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: SECRET_FIELDS }), retryMinutes: null }, { status: replyStatus(submission) });
  }
  const outcome = await signIn(await db(), submission.value, {
    ip: clientIp(request),
    userAgent: request.headers.get("user-agent"),
  });
  if (!outcome.ok) {
    if (outcome.reason === "rate_limited") {
      return json(
        {
          result: submission.reply({ formErrors: ["auth:errors.rateLimited"], hideFields: SECRET_FIELDS }),
          retryMinutes: Math.ceil(outcome.retryAfterSeconds / 60),
        },
        { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
      );
    }
    const message = outcome.reason === "disabled" ? "auth:errors.accountDisabled" : "auth:errors.invalidCredentials";
    return json({ result: submission.reply({ formErrors: [message], hideFields: SECRET_FIELDS }), retryMinutes: null }, { status: 400 });
  }
  const to = safeRedirectPath(submission.value.redirectTo, "/");
  return redirect(withNotice(to, "signedIn"), {
    headers: { "Set-Cookie": await serializeSessionCookie(outcome.session.token, outcome.session.expiresAt) },
  });
}

export default function Login() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useIsSubmitting();
  const [form, fields] = useForm({ id: "login", lastResult: actionData?.result, shouldValidate: "onBlur" });

  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold">{t("auth:login.title")}</h1>
      <p className="mt-2 text-slate-700">{t("auth:login.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <FormErrors id={form.errorId} errors={form.errors} values={{ minutes: actionData?.retryMinutes ?? "" }} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} label={t("auth:login.email")} type="email" autoComplete="email" inputMode="email" required />
        <TextField meta={fields.password} label={t("auth:login.password")} type="password" autoComplete="current-password" required />
        <button type="submit" className={`${primaryButtonClass} w-full`} disabled={busy}>
          {t("auth:login.submit")}
        </button>
      </Form>
      <p className="mt-4 text-slate-700">
        {t("auth:login.noAccount")}{" "}
        <Link to={redirectTo === "/" ? "/signup" : `/signup?redirectTo=${encodeURIComponent(redirectTo)}`} className="font-medium text-brand-700 underline hover:text-brand-800">
          {t("auth:login.signupLink")}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
