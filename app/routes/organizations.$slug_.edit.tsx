/**
 * Owners edit their organisation's profile: descriptions (zh/en),
 * capabilities (one per line) and website. Everyone else gets 403.
 * The form carries the profile's last-change time; a stale save is refused
 * with the user's text kept.
 */
import { getFormProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { notFound } from "~/applications/http.server";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUser } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, focusOnError, FormErrors, inputClass, primaryButtonClass, TextField, useIsSubmitting } from "~/components/forms";
import { getProfileForEdit, profileSchema, updateOrganizationProfile } from "~/organizations/profiles.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";

const slugOf = (value: string | undefined) => {
  if (!value || !/^[A-Za-z0-9_-]{1,100}$/.test(value)) throw notFound();
  return value;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugOf(params.slug);
  const user = await requireUser(request);
  const [{ t, locale }, database] = await Promise.all([getT(request), db()]);
  const org = await forbiddenAs403(getProfileForEdit(database, user, slug));
  if (!org) throw notFound();
  return json({ org, locale, meta: { title: t("organizations:edit.metaTitle"), description: t("organizations:edit.intro") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = slugOf(params.slug);
  const user = await requireUser(request);
  const database = await db();
  // Anyone but its owners is refused before their input is even read.
  const org = await forbiddenAs403(getProfileForEdit(database, user, slug));
  if (!org) throw notFound();
  const submission = parseWithZod(await request.formData(), { schema: profileSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), loadedAt: null }, { status: 400 });
  const outcome = await forbiddenAs403(updateOrganizationProfile(database, user, slug, submission.value));
  if (outcome.ok) {
    return redirect(withNotice(`/organizations/${slug}`, outcome.changed ? "organizationProfileSaved" : "nothingChanged"));
  }
  if (outcome.reason === "not_found") throw notFound();
  return json({ result: submission.reply({ formErrors: ["organizations:errors.conflict"] }), loadedAt: org.loadedAt }, { status: 409 });
}

function TextArea({ meta, label, hint, rows, lang }: { meta: FieldMetadata<string>; label: string; hint: string; rows: number; lang?: string }) {
  const hintId = `${meta.id}-hint`;
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return (
    <div>
      <label htmlFor={meta.id} className="block font-medium text-slate-900">
        {label}
      </label>
      <p id={hintId} className="text-sm text-slate-700">
        {hint}
      </p>
      <textarea key={key} {...props} {...focusOnError(!meta.valid)} rows={rows} lang={lang} className={`mt-1 ${inputClass}`} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export default function EditOrganization() {
  const { org, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useIsSubmitting();
  const [form, fields] = useForm<{ descriptionZh: string; descriptionEn: string; capabilities: string; website: string }>({
    id: "organization-profile",
    lastResult: actionData?.result,
    defaultValue: {
      descriptionZh: org.descriptionZh,
      descriptionEn: org.descriptionEn,
      capabilities: org.capabilities.join("\n"),
      website: org.website ?? "",
    },
  });
  // After a conflict the next save is made against the current version (the user's text wins).
  const loadedAt = actionData?.loadedAt ?? org.loadedAt;

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to={`/organizations/${org.slug}`} className="text-brand-700 underline">
          ← {locale === "en" ? org.nameEn : org.nameZh}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("organizations:edit.title")}</h1>
      <p className="text-slate-700">{t("organizations:edit.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-5 rounded-lg border border-slate-200 bg-white p-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="loadedAt" value={loadedAt} />
        <TextArea meta={fields.descriptionZh} label={t("organizations:edit.descriptionZh")} hint={t("organizations:edit.descriptionHint")} rows={6} lang="zh-CN" />
        <TextArea meta={fields.descriptionEn} label={t("organizations:edit.descriptionEn")} hint={t("organizations:edit.descriptionHint")} rows={6} lang="en" />
        <TextArea meta={fields.capabilities} label={t("organizations:edit.capabilities")} hint={t("organizations:edit.capabilitiesHint")} rows={6} />
        <TextField meta={fields.website} label={t("organizations:edit.website")} hint={t("organizations:edit.websiteHint")} type="text" inputMode="text" autoComplete="url" />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={primaryButtonClass} disabled={busy}>
            {t("organizations:edit.save")}
          </button>
          <Link to={`/organizations/${org.slug}`} className="text-brand-700 underline">
            {t("organizations:edit.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
