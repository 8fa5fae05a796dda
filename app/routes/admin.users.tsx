/**
 * Administrators: the searchable, paginated list of users with their roles;
 * grant or remove a role (one form per user: `role` + intent `grant` /
 * `remove`), disable or enable an account (intent `disable` / `enable`).
 * The rules and the audit rows live in app/admin/roles.server.ts.
 */
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ROLES } from "../../db/enums";
import {
  accountStatusSchema,
  grantRole,
  listUsers,
  parseUserListQuery,
  removeRole,
  roleChangeSchema,
  setUserDisabled,
  type AdminResult,
} from "~/admin/roles.server";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { can } from "~/auth/permissions";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dangerButtonClass, ErrorList, FormErrors, inputClass, primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { Pager } from "~/components/pager";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice, withoutNotice, type NoticeKey } from "~/utils/notice";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:roles:any");
  const url = new URL(request.url);
  const { q, page } = parseUserListQuery(url.searchParams);
  const [{ t }, list] = await Promise.all([getT(request), db().then((d) => forbiddenAs403(listUsers(d, actor, { q, page })))]);
  return json({
    ...list,
    q,
    actorId: actor.id,
    canManageUsers: can(actor, "manage:users:any"),
    meta: { title: t("admin:users.metaTitle"), description: t("admin:users.metaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

const ERROR_KEYS: Record<Extract<AdminResult, { ok: false }>["error"], string> = {
  user_not_found: "admin:errors.userNotFound",
  own_admin: "admin:errors.ownAdmin",
  own_account: "admin:errors.ownAccount",
};

export async function action({ request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const userId = Number(formData.get("userId")) || null;
  const back = (notice: NoticeKey) => redirect(withNotice(withoutNotice(url.pathname, url.search), notice));

  if (intent === "grant" || intent === "remove") {
    const actor = await requireUserWithPermission(request, "manage:roles:any");
    const submission = parseWithZod(formData, { schema: roleChangeSchema });
    if (submission.status !== "success") {
      return json({ form: "roles" as const, userId, result: submission.reply() }, { status: 400 });
    }
    const change = submission.value.intent === "grant" ? grantRole : removeRole;
    const outcome = await forbiddenAs403(change(await db(), actor, submission.value));
    if (!outcome.ok) {
      return json({ form: "roles" as const, userId, result: submission.reply({ formErrors: [ERROR_KEYS[outcome.error]] }) }, { status: 400 });
    }
    return back(!outcome.changed ? "nothingChanged" : submission.value.intent === "grant" ? "roleGranted" : "roleRemoved");
  }

  if (intent === "disable" || intent === "enable") {
    const actor = await requireUserWithPermission(request, "manage:users:any");
    const submission = parseWithZod(formData, { schema: accountStatusSchema });
    if (submission.status !== "success") {
      return json({ form: "status" as const, userId, result: submission.reply() }, { status: 400 });
    }
    const outcome = await forbiddenAs403(
      setUserDisabled(await db(), actor, { userId: submission.value.userId, disabled: submission.value.intent === "disable" }),
    );
    if (!outcome.ok) {
      return json({ form: "status" as const, userId, result: submission.reply({ formErrors: [ERROR_KEYS[outcome.error]] }) }, { status: 400 });
    }
    return back(!outcome.changed ? "nothingChanged" : submission.value.intent === "disable" ? "userDisabled" : "userEnabled");
  }

  await requireUserWithPermission(request, "manage:roles:any");
  return json({ form: null, userId, result: null }, { status: 400 });
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function useRowResult(form: "roles" | "status", userId: number) {
  const actionData = useActionData<typeof action>();
  return actionData && actionData.form === form && actionData.userId === userId ? actionData.result ?? undefined : undefined;
}

function RoleForm({ user, formAction }: { user: Row; formAction: string }) {
  const { t } = useTranslation();
  const busy = useNavigation().formData?.get("userId") === String(user.id);
  const [form, fields] = useForm({ id: `roles-${user.id}`, lastResult: useRowResult("roles", user.id), shouldValidate: "onSubmit" });
  const { key, ...select } = getSelectProps(fields.role);
  return (
    <Form method="post" action={formAction} {...getFormProps(form)} aria-label={t("admin:users.rolesFor", { name: user.displayName })}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="userId" value={user.id} />
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor={fields.role.id} className="block text-sm font-medium text-slate-900">
            {t("admin:users.roleLabel")}
          </label>
          <select key={key} {...select} className={`mt-1 ${inputClass} w-auto`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" name="intent" value="grant" className={primaryButtonClass} disabled={busy}>
          {t("admin:users.grant")}
        </button>
        <button type="submit" name="intent" value="remove" className={secondaryButtonClass} disabled={busy}>
          {t("admin:users.remove")}
        </button>
      </div>
      <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
    </Form>
  );
}

function StatusForm({ user, formAction }: { user: Row; formAction: string }) {
  const { t } = useTranslation();
  const busy = useNavigation().formData?.get("userId") === String(user.id);
  const [form] = useForm({ id: `status-${user.id}`, lastResult: useRowResult("status", user.id), shouldValidate: "onSubmit" });
  return (
    <Form method="post" action={formAction} {...getFormProps(form)} aria-label={t("admin:users.accountFor", { name: user.displayName })}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="userId" value={user.id} />
      {user.disabled ? (
        <button type="submit" name="intent" value="enable" className={secondaryButtonClass} disabled={busy}>
          {t("admin:users.enable")}
        </button>
      ) : (
        <button type="submit" name="intent" value="disable" className={dangerButtonClass} disabled={busy}>
          {t("admin:users.disable")}
        </button>
      )}
    </Form>
  );
}

export default function AdminUsers() {
  const { rows, total, page, pageCount, q, actorId, canManageUsers } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const formAction = withoutNotice(pathname, search);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("admin:users.title")}</h1>
      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="user-search" className="block font-medium text-slate-900">
            {t("admin:users.searchLabel")}
          </label>
          <input id="user-search" type="search" name="q" defaultValue={q} className={`mt-1 ${inputClass}`} />
        </div>
        <button type="submit" className={primaryButtonClass}>
          {t("admin:users.searchSubmit")}
        </button>
        {q ? (
          <Link to={pathname} className="px-2 py-2 text-brand-700 underline" data-control>
            {t("admin:users.clearSearch")}
          </Link>
        ) : null}
      </Form>
      <p className="text-slate-700" aria-live="polite">
        {t("admin:users.total", { count: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("admin:users.noResults")}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((user) => (
            <li key={user.id} className="rounded-lg border border-slate-200 bg-white p-4" data-user-email={user.email}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {user.displayName}
                  {user.id === actorId ? <span className="font-normal text-slate-700">{t("admin:users.you")}</span> : null}
                </h2>
                <span
                  className={`rounded px-2 py-0.5 text-sm font-medium ${user.disabled ? "bg-red-100 text-red-900" : "bg-green-100 text-green-900"}`}
                >
                  {user.disabled ? t("admin:users.disabled") : t("admin:users.active")}
                </span>
              </div>
              <p className="break-all text-slate-700">{user.email}</p>
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <span className="font-medium">{t("admin:users.roles")}</span>
                {user.roles.length ? (
                  <ul className="flex flex-wrap gap-2" data-roles={user.roles.join(",")}>
                    {user.roles.map((r) => (
                      <li key={r} className="rounded bg-slate-100 px-2 py-0.5 text-slate-900">
                        {t(`roles.${r}`)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-slate-700">{t("admin:users.noRoles")}</span>
                )}
              </div>
              <div className="mt-3 flex flex-wrap items-end justify-between gap-4">
                <RoleForm user={user} formAction={formAction} />
                {canManageUsers && user.id !== actorId ? <StatusForm user={user} formAction={formAction} /> : null}
              </div>
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
