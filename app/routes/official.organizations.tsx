/**
 * Officials: organisations filterable by kind and verification state
 * (unverified first); verify or withdraw verification with an optional note.
 * The rules and the audit rows live in app/organizations/verification.server.ts.
 */
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ORGANIZATION_KINDS } from "../../db/enums";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, inputClass, primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { Pager } from "~/components/pager";
import {
  listOrganizationsForVerification,
  parseOrganizationListQuery,
  verificationSchema,
  verifyOrganization,
} from "~/organizations/verification.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice, withoutNotice } from "~/utils/notice";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "verify:organization:any");
  const filters = parseOrganizationListQuery(new URL(request.url).searchParams);
  const [{ t }, list] = await Promise.all([
    getT(request),
    db().then((d) => forbiddenAs403(listOrganizationsForVerification(d, actor, filters))),
  ]);
  return json({ ...list, filters, meta: { title: t("admin:organizations.metaTitle"), description: t("admin:organizations.intro") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "verify:organization:any");
  const url = new URL(request.url);
  const formData = await request.formData();
  const organizationId = Number(formData.get("organizationId")) || null;
  const submission = parseWithZod(formData, { schema: verificationSchema });
  if (submission.status !== "success") {
    return json({ organizationId, result: submission.reply() }, { status: 400 });
  }
  const { intent, note } = submission.value;
  const outcome = await forbiddenAs403(
    verifyOrganization(await db(), actor, { organizationId: submission.value.organizationId, verified: intent === "verify", note }),
  );
  if (!outcome.ok) {
    return json({ organizationId, result: submission.reply({ formErrors: ["admin:errors.organizationNotFound"] }) }, { status: 400 });
  }
  const notice = !outcome.changed ? "nothingChanged" : intent === "verify" ? "organizationVerified" : "organizationUnverified";
  return redirect(withNotice(withoutNotice(url.pathname, url.search), notice));
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function formatDate(value: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(value));
}

function VerifyForm({ org, formAction }: { org: Row; formAction: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().formData?.get("organizationId") === String(org.id);
  const [form, fields] = useForm({
    id: `verify-${org.id}`,
    lastResult: actionData?.organizationId === org.id ? actionData.result : undefined,
    shouldValidate: "onSubmit",
  });
  const hintId = `${fields.note.id}-hint`;
  const { key, ...note } = getInputProps(fields.note, { type: "text", ariaDescribedBy: hintId });
  return (
    <Form method="post" action={formAction} {...getFormProps(form)} className="mt-3 space-y-2">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="organizationId" value={org.id} />
      <div>
        <label htmlFor={fields.note.id} className="block text-sm font-medium text-slate-900">
          {t("admin:organizations.note")}
        </label>
        <p id={hintId} className="text-sm text-slate-700">
          {t("admin:organizations.noteHint")}
        </p>
        <input key={key} {...note} maxLength={500} className={`mt-1 ${inputClass}`} />
        <ErrorList id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      {org.verified ? (
        <button type="submit" name="intent" value="unverify" className={secondaryButtonClass} disabled={busy}>
          {t("admin:organizations.unverify")}
        </button>
      ) : (
        <button type="submit" name="intent" value="verify" className={primaryButtonClass} disabled={busy}>
          {t("admin:organizations.verify")}
        </button>
      )}
    </Form>
  );
}

export default function OfficialOrganizations() {
  const { rows, total, page, pageCount, filters } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { pathname, search } = useLocation();
  const formAction = withoutNotice(pathname, search);
  const en = i18n.language === "en";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("admin:organizations.title")}</h1>
      <p className="text-slate-700">{t("admin:organizations.intro")}</p>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={t("admin:organizations.filters")}>
        <div>
          <label htmlFor="filter-kind" className="block font-medium text-slate-900">
            {t("admin:organizations.kind")}
          </label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className={`mt-1 ${inputClass} w-auto`}>
            <option value="">{t("admin:organizations.allKinds")}</option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`orgKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-verified" className="block font-medium text-slate-900">
            {t("admin:organizations.verifiedState")}
          </label>
          <select id="filter-verified" name="verified" defaultValue={filters.verified} className={`mt-1 ${inputClass} w-auto`}>
            <option value="all">{t("admin:organizations.all")}</option>
            <option value="unverified">{t("admin:organizations.unverified")}</option>
            <option value="verified">{t("admin:organizations.verified")}</option>
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor="filter-q" className="block font-medium text-slate-900">
            {t("admin:organizations.searchLabel")}
          </label>
          <input id="filter-q" type="search" name="q" defaultValue={filters.q} className={`mt-1 ${inputClass}`} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("admin:organizations.apply")}
        </button>
      </Form>
      <p className="text-slate-700">{t("admin:organizations.total", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("admin:organizations.noResults")}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((org) => (
            <li key={org.id} className="rounded-lg border border-slate-200 bg-white p-4" data-organization={org.slug}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  <span lang={en ? "en" : "zh-CN"}>{en ? org.nameEn : org.nameZh}</span>{" "}
                  <span className="text-base font-normal text-slate-700" lang={en ? "zh-CN" : "en"}>
                    {en ? org.nameZh : org.nameEn}
                  </span>
                </h2>
                {org.verified ? (
                  <span className="rounded bg-green-100 px-2 py-0.5 text-sm font-medium text-green-900">✓ {t("admin:organizations.verified")}</span>
                ) : (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-900">{t("admin:organizations.unverified")}</span>
                )}
              </div>
              <p className="text-slate-700">
                {t(`orgKinds.${org.kind}`)} · {t("admin:organizations.members", { count: org.members })}
                {org.verified && org.verifiedAt
                  ? ` · ${
                      org.verifiedByName
                        ? t("admin:organizations.verifiedBy", { name: org.verifiedByName, date: formatDate(org.verifiedAt, i18n.language) })
                        : t("admin:organizations.verifiedAt", { date: formatDate(org.verifiedAt, i18n.language) })
                    }`
                  : null}
              </p>
              <VerifyForm org={org} formAction={formAction} />
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pageCount={pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
