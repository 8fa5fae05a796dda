/**
 * Officials: the reusable reasons for rejecting at screening, in Chinese and
 * English. Add one; edit or deactivate (untick "in use") an existing one.
 */
import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, inputClass, primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import {
  createScreeningReason,
  listScreeningReasons,
  reasonCreateSchema,
  reasonUpdateSchema,
  updateScreeningReason,
} from "~/screening/reasons.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";

const PATH = "/official/screening-reasons";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const [{ t }, reasons] = await Promise.all([getT(request), db().then((d) => forbiddenAs403(listScreeningReasons(d, actor)))]);
  return json({ reasons, meta: { title: t("screening:reasons.metaTitle"), description: t("screening:reasons.intro") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "create") {
    const submission = parseWithZod(formData, { schema: reasonCreateSchema });
    if (submission.status !== "success") return json({ form: "create", result: submission.reply() }, { status: 400 });
    await forbiddenAs403(createScreeningReason(await db(), actor, submission.value));
    return redirect(withNotice(PATH, "screeningReasonSaved"));
  }
  if (intent === "update") {
    const submission = parseWithZod(formData, { schema: reasonUpdateSchema });
    const form = `reason-${formData.get("id")}`;
    if (submission.status !== "success") return json({ form, result: submission.reply() }, { status: 400 });
    const found = await forbiddenAs403(updateScreeningReason(await db(), actor, submission.value));
    if (!found) return json({ form, result: submission.reply({ formErrors: ["screening:errors.reasonNotFound"] }) }, { status: 404 });
    return redirect(withNotice(PATH, "screeningReasonSaved"));
  }
  return json({ form: null, result: null }, { status: 400 });
}

function TextInput({ meta, label, lang }: { meta: FieldMetadata<string | undefined>; label: string; lang: string }) {
  const { key, ...props } = getInputProps(meta, { type: "text" });
  return (
    <div className="min-w-60 flex-1">
      <label htmlFor={meta.id} className="block font-medium">
        {label}
      </label>
      <input key={key} {...props} lang={lang} className={`mt-1 ${inputClass}`} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function ReasonForm({ reason }: { reason?: { id: number; textZh: string; textEn: string; active: boolean } }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const id = reason ? `reason-${reason.id}` : "create";
  const busy = useNavigation().formData?.get("id") === (reason ? String(reason.id) : null);
  const [form, fields] = useForm({
    id,
    lastResult: actionData?.form === id ? actionData.result : undefined,
    defaultValue: reason ? { textZh: reason.textZh, textEn: reason.textEn, active: reason.active ? "on" : undefined } : undefined,
    shouldValidate: "onSubmit",
  });
  return (
    <Form method="post" action={PATH} {...getFormProps(form)} aria-label={reason ? t("screening:reasons.editLabel", { id: reason.id }) : t("screening:reasons.add")}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value={reason ? "update" : "create"} />
      {reason ? <input type="hidden" name="id" value={reason.id} /> : null}
      <div className="flex flex-wrap items-end gap-3">
        <TextInput meta={fields.textZh} label={t("screening:reasons.textZh")} lang="zh-CN" />
        <TextInput meta={fields.textEn} label={t("screening:reasons.textEn")} lang="en" />
        {reason ? (
          <label className="inline-flex items-center gap-2 py-2">
            <input {...getInputProps(fields.active, { type: "checkbox" })} key={fields.active.key} className="h-5 w-5" />
            {t("screening:reasons.active")}
          </label>
        ) : null}
        <button type="submit" className={reason ? secondaryButtonClass : primaryButtonClass} disabled={busy}>
          {reason ? t("form.save") : t("screening:reasons.addSubmit")}
        </button>
      </div>
    </Form>
  );
}

export default function ScreeningReasons() {
  const { reasons } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-5">
      <p>
        <Link to="/official/campaigns" className="text-brand-700 underline">
          {t("campaigns:backToList")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("screening:reasons.title")}</h1>
      <p className="text-slate-700">{t("screening:reasons.intro")}</p>
      <section aria-labelledby="add-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-heading" className="mb-3 text-lg font-semibold">
          {t("screening:reasons.add")}
        </h2>
        <ReasonForm />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 text-lg font-semibold">
          {t("screening:reasons.existing")}
        </h2>
        {reasons.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("screening:reasons.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {reasons.map((r) => (
              <li key={r.id} className={`rounded-lg border p-4 ${r.active ? "border-slate-200 bg-white" : "border-slate-300 bg-slate-100"}`} data-reason-id={r.id}>
                {r.active ? null : <p className="mb-2 text-sm font-medium text-slate-700">{t("screening:reasons.inactive")}</p>}
                <ReasonForm reason={r} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
