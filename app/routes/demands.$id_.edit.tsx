/**
 * The author edits a draft or submitted demand until screening starts. The
 * form carries the version it was loaded at; if someone saved in between, the
 * save is refused, the author's text stays in the form and the saved version
 * is shown beside it (saving again then replaces it knowingly).
 */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ForbiddenError } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { bigButton, DemandCoreFields, LiveSimilarDemands, RaisedByAndContactFields, useHydrated } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors, primaryButtonClass, secondaryButtonClass, useIsSubmitting } from "~/components/forms";
import { demandFormOptions, getDemandForEdit, updateDemand } from "~/demands/demands.server";
import { DemandNotFoundError, DemandTransitionError } from "~/demands/errors.server";
import { demandIdParam, refusalOf, replyWith } from "~/demands/http.server";
import { demandUpdateSchema, versionSchema } from "~/demands/schemas.server";
import { db } from "~/utils/db.server";
import { replyStatus } from "~/utils/form-status.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = demandIdParam(params.id);
  const user = await requireUserWithPermission(request, "create:demand:own");
  const { t, locale } = await getT(request);
  const database = await db();
  const meta = { title: t("demands:form.editMetaTitle"), description: t("demands:form.editMetaDescription") };
  try {
    const [demand, options] = await Promise.all([getDemandForEdit(database, user, id), demandFormOptions(database)]);
    return json({ demand, options, locale, locked: null, meta }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof DemandNotFoundError) throw new Response("Not Found", { status: 404 });
    if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403 });
    if (error instanceof DemandTransitionError) {
      return json({ demand: null, options: null, locale, locked: `demands:errors.${error.code}`, meta }, { status: 409 });
    }
    throw error;
  }
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const id = demandIdParam(params.id);
  const user = await requireUserWithPermission(request, "create:demand:own");
  const formData = await request.formData();
  const submit = formData.get("intent") === "submit";
  const submission = parseWithZod(formData, { schema: demandUpdateSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply(), stale: null }, { status: replyStatus(submission) });
  }
  const version = versionSchema.safeParse(formData.get("version"));
  if (!version.success) {
    return json({ result: submission.reply({ formErrors: ["demands:errors.stale"] }), stale: null }, { status: 400 });
  }
  try {
    const saved = await updateDemand(await db(), user, id, { ...submission.value, version: version.data }, { submit });
    return redirect(withNotice(`/demands/${id}`, submit && saved.status === "submitted" ? "demandSubmitted" : "demandUpdated"));
  } catch (error) {
    const refusal = refusalOf(error);
    return json({ result: replyWith(submission, refusal), stale: refusal.stale }, { status: refusal.status });
  }
}

type DemandForm = {
  title: string;
  description: string;
  domain: string;
  subdistrictId: string;
  targetGroupIds: string[];
  scenarioTagIds: string[];
  raisedBy: string;
  contactPreference: string;
  contactValue: string;
};

export default function EditDemand() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!data.demand || !data.options) {
    return (
      <div className="mx-auto max-w-3xl">
        <h1 className="text-2xl font-bold">{t("demands:form.editTitle")}</h1>
        <p role="alert" className="mt-4 rounded-md border border-amber-500 bg-amber-50 px-4 py-3 text-lg">
          {data.locked ? t(data.locked) : null}
        </p>
      </div>
    );
  }
  return <EditForm demand={data.demand} options={data.options} locale={data.locale} />;
}

type LoadedDemand = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["demand"]>;
type LoadedOptions = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["options"]>;

function EditForm({ demand, options, locale }: { demand: LoadedDemand; options: LoadedOptions; locale: string }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const busy = useIsSubmitting();
  const v = demand.values;
  const [form, fields] = useForm<DemandForm>({
    id: "demand-edit-form",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    defaultValue: {
      title: v.title,
      description: v.description,
      domain: v.domain,
      subdistrictId: String(v.subdistrictId),
      targetGroupIds: v.targetGroupIds.map(String),
      scenarioTagIds: v.scenarioTagIds.map(String),
      raisedBy: v.raisedBy,
      contactPreference: v.contactPreference,
      contactValue: v.contactValue ?? "",
    },
  });
  const [title, setTitle] = useState(v.title);
  const stale = actionData?.stale ?? null;
  // After a refused stale save the form carries the version saved now, so saving again replaces it knowingly.
  const version = stale?.version ?? demand.version;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold">{t("demands:form.editTitle")}</h1>
      <p className="mt-2 text-lg text-slate-800">{t("demands:form.campaignIn", { title: locale === "en" ? demand.campaign.titleEn : demand.campaign.titleZh })}</p>
      {stale ? (
        <section aria-labelledby="stale-title" className="mt-6 rounded-lg border-2 border-amber-500 bg-amber-50 p-5" data-testid="stale-notice">
          <h2 id="stale-title" className="text-xl font-semibold">
            {t("demands:form.staleTitle")}
          </h2>
          <p className="mt-1 text-lg">{t("demands:form.staleBody")}</p>
          <details className="mt-3" open>
            <summary className="cursor-pointer text-lg font-medium">{t("demands:form.savedVersion")}</summary>
            <p className="mt-2 text-lg font-semibold">{stale.title}</p>
            <p className="mt-1 whitespace-pre-line">{stale.description}</p>
          </details>
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-6 rounded-lg border border-slate-200 bg-white p-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="version" value={version} />
        <DemandCoreFields
          fields={fields}
          options={options}
          locale={locale}
          onTitleChange={setTitle}
          afterTitle={hydrated ? <LiveSimilarDemands title={title === v.title ? "" : title} excludeId={demand.id} /> : null}
        />
        <RaisedByAndContactFields fields={fields} defaultRaisedBy={v.raisedBy} />
        <div className="flex flex-wrap gap-3 pt-2">
          {demand.status === "draft" ? (
            <>
              <button type="submit" name="intent" value="submit" className={`${primaryButtonClass} ${bigButton}`} disabled={busy}>
                {t("demands:form.saveAndSubmit")}
              </button>
              <button type="submit" name="intent" value="save" className={`${secondaryButtonClass} ${bigButton}`} disabled={busy}>
                {t("demands:form.saveDraft")}
              </button>
            </>
          ) : (
            <button type="submit" name="intent" value="save" className={`${primaryButtonClass} ${bigButton}`} disabled={busy}>
              {t("demands:form.save")}
            </button>
          )}
          <Link to={`/demands/${demand.id}`} className={`${secondaryButtonClass} ${bigButton}`}>
            {t("demands:form.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
