/**
 * Edit an application: members of its firm (and officials), while it is a
 * draft or submitted and its campaign collects. 404 when the viewer may not
 * see it, 403 when they see it but it is not theirs to change. The form
 * carries the version it was loaded at; a stale save is refused with the
 * user's text kept, and the next save (at the current version) wins.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { Database } from "../../db/client";

import { mayChange, updateApplication } from "~/applications/applications.server";
import { idParam, notFound } from "~/applications/http.server";
import { applicationFormOptions, formDefaultsOf, getApplication, permissionsOn } from "~/applications/queries.server";
import { editApplicationFormSchema } from "~/applications/schema.server";
import { AttachmentsField } from "~/components/attachments-field";
import { listAttachments } from "~/attachments/attachments.server";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUser, type CurrentUser } from "~/auth/current-user.server";
import { ApplicationForm } from "~/components/application-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { viewerOf } from "~/visibility/visibility.server";

/** The application if the user may change it: 404 when they may not see it, 403 when it is not theirs. */
async function changeable(database: Database, user: CurrentUser, id: number) {
  const viewer = viewerOf(user)!;
  const app = await getApplication(database, viewer, id);
  if (!app) throw notFound();
  if (!mayChange(user, viewer.organizationIds, app.application.organizationId)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return { app, viewer };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUser(request);
  const [{ t, locale }, database] = await Promise.all([getT(request), db()]);
  const { app, viewer } = await changeable(database, user, id);
  const permissions = permissionsOn(user, viewer.organizationIds, app.application, app.campaign.stage);
  const [options, attachments] = await Promise.all([
    applicationFormOptions(database, user, app.demands.map((d) => d.id)),
    listAttachments(database, { type: "application", id }),
  ]);
  return json({
    id,
    title: app.application.title,
    status: app.application.status,
    version: app.application.version,
    editable: permissions.canEdit,
    canSubmit: permissions.canSubmit,
    defaults: formDefaultsOf(app),
    options,
    attachments,
    locale,
    meta: { title: t("applications:form.editMetaTitle"), description: t("applications:form.editMetaDescription") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUser(request);
  const database = await db();
  // Someone else's application is refused before its input is even read.
  await changeable(database, user, id);
  const submission = parseWithZod(await request.formData(), { schema: editApplicationFormSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), currentVersion: null }, { status: replyStatus(submission) });
  }
  const { intent, version, content } = submission.value;
  const outcome = await forbiddenAs403(
    updateApplication(database, user, { ...content, id, expectedVersion: version, submit: intent === "submit" }),
  );
  if (outcome.ok) {
    const submitted = intent === "submit" && outcome.status === "submitted";
    return redirect(withNotice(`/applications/${id}`, submitted ? "applicationSubmitted" : "applicationSaved"));
  }
  switch (outcome.reason) {
    case "not_found":
      throw notFound();
    case "invalid":
      return json(
        { result: submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), currentVersion: null },
        { status: 400 },
      );
    case "conflict":
      // The user's text stays in the form; the page reloads at the current version.
      return json(
        { result: submission.reply({ formErrors: ["applications:errors.conflict"] }), currentVersion: outcome.currentVersion },
        { status: 409 },
      );
    case "not_editable":
      return json({ result: submission.reply({ formErrors: ["applications:errors.notEditable"] }), currentVersion: null }, { status: 400 });
  }
}

export default function EditApplication() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to={`/applications/${data.id}`} className="text-brand-700 underline">
          ← {data.title}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("applications:form.editTitle")}</h1>
      {data.editable ? (
        <>
          <ApplicationForm
            mode="edit"
            options={data.options}
            defaultValue={data.defaults}
            lastResult={actionData?.result}
            locale={data.locale}
            cancelTo={`/applications/${data.id}`}
            hidden={{ version: Math.max(data.version, actionData?.currentVersion ?? 0) }}
            canSubmit={data.canSubmit}
            conflictHref={actionData?.currentVersion ? `/applications/${data.id}` : undefined}
          />
          <AttachmentsField ownerType="application" ownerId={data.id} attachments={data.attachments} canEdit />
        </>
      ) : (
        <p className="rounded-lg border border-amber-600 bg-amber-50 p-4 text-amber-900" role="status">
          {t("applications:errors.notEditable")}
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
