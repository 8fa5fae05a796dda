/**
 * Officials: bulk import of demands or applications from a CSV, XLSX or JSON
 * file into a campaign. The POST waits for the import and redirects to the
 * result page (/official/import/:runId); with JavaScript the page meanwhile
 * polls /official/import/status and shows a progress bar. Problems with the
 * form or the file as a whole come back beside their field, nothing changed.
 * The rules live in app/import/import.server.ts.
 */
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { IMPORT_KINDS, type ImportKind } from "../../db/enums";
import { parseAttachmentUpload } from "~/attachments/upload.server";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, inputClass, primaryButtonClass } from "~/components/forms";
import { ImportProgress, useImportStatus } from "~/components/import-progress";
import { COLUMNS, LIST_SEPARATOR, MAX_IMPORT_BYTES, OPTIONAL_COLUMNS, TAG_COLUMNS, VALUE_ALIASES, type ImportColumn } from "~/import/columns";
import { importFormSchema } from "~/import/form.server";
import { importableCampaigns, recentImportRuns, runImport } from "~/import/import.server";
import { isProgressKey, newProgressKey } from "~/import/progress.server";
import { problemKey, type ProblemParams } from "~/import/problems";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "import:item:any");
  const database = await db();
  const [{ t, locale }, campaigns, recent] = await Promise.all([
    getT(request),
    importableCampaigns(database),
    forbiddenAs403(recentImportRuns(database, actor)),
  ]);
  return json({
    campaigns,
    recent,
    locale,
    progressKey: newProgressKey(),
    meta: { title: t("import:metaTitle"), description: t("import:intro") },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

type FieldProblems = Partial<Record<"kind" | "campaign" | "file", ProblemParams>>;

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "import:item:any");
  const { locale } = await getT(request);
  const upload = await parseAttachmentUpload(request, MAX_IMPORT_BYTES);
  const formData = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) formData.set(name, value);
  const submission = parseWithZod(formData, { schema: importFormSchema });

  const fileErrors = upload.tooLarge
    ? ["import:errors.fileTooLarge"]
    : upload.malformed
      ? ["import:errors.notMultipart"]
      : !upload.file
        ? ["import:errors.fileRequired"]
        : null;
  if (submission.status !== "success" || fileErrors || !upload.file) {
    return json(
      { result: submission.reply({ fieldErrors: fileErrors ? { file: fileErrors } : {} }), params: {} as FieldProblems },
      { status: 400 },
    );
  }

  const { kind, campaign, progressKey } = submission.value;
  const outcome = await forbiddenAs403(
    runImport(await db(), actor, {
      kind,
      campaignSlug: campaign,
      fileName: upload.file.name,
      bytes: upload.file.bytes,
      locale,
      progressKey: isProgressKey(progressKey) ? progressKey : null,
      progressOwner: actor.sessionId,
    }),
  );
  if (outcome.status === "rejected") {
    const fieldErrors: Record<string, string[]> = {};
    const params: FieldProblems = {};
    for (const problem of outcome.problems) {
      const field = problem.column === "kind" || problem.column === "campaign" ? problem.column : "file";
      fieldErrors[field] = [problemKey(problem.code)];
      params[field] = { ...problem.params, row: problem.row };
    }
    return json({ result: submission.reply({ fieldErrors }), params }, { status: 400 });
  }
  return redirect(`/official/import/${outcome.runId}`, 303);
}

function formatDateTime(value: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(value));
}

/** The allowed values of a column, for the help table. */
function AllowedValues({ column }: { column: ImportColumn }) {
  const { t } = useTranslation();
  if (column === "domain" || column === "maturity" || column === "raised_by") {
    const table = VALUE_ALIASES[column] as Record<string, readonly string[]>;
    return (
      <>
        {Object.entries(table).map(([value, labels], i) => (
          <span key={value}>
            {i > 0 ? " · " : null}
            <code>{value}</code> <span lang="zh-CN">{labels[0]}</span>
          </span>
        ))}
      </>
    );
  }
  if (TAG_COLUMNS[column]) return <>{t("import:valueLabels.tagValues")}</>;
  if (column === "deployed_in") return <>{t("import:valueLabels.placeValues")}</>;
  if (column === "subdistrict") return <>{t("import:valueLabels.subdistrictValues")}</>;
  return <>{t("import:valueLabels.text")}</>;
}

function ColumnTable({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const captionId = `columns-${kind}`;
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full border-collapse text-left" aria-labelledby={captionId}>
        <caption id={captionId} className="text-left font-semibold">
          {kind === "applications" ? t("import:help.columnsApplications") : t("import:help.columnsDemands")}
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3">
              {t("import:help.column")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("import:help.meaning")}
            </th>
            <th scope="col" className="py-2">
              {t("import:help.values")}
            </th>
          </tr>
        </thead>
        <tbody>
          {COLUMNS[kind].map((column) => (
            <tr key={column} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <code className="font-semibold">{column}</code>
                <span className="block text-sm text-slate-700">
                  {OPTIONAL_COLUMNS.includes(column) ? t("import:help.optional") : t("import:help.required")}
                </span>
              </th>
              <td className="py-2 pr-3">{t(`import:columns.${column}`)}</td>
              <td className="py-2">
                <AllowedValues column={column} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function OfficialImport() {
  const { campaigns, recent, progressKey, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const importing = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";
  const status = useImportStatus(importing ? `/official/import/status?key=${progressKey}` : null);
  const [form, fields] = useForm<{ kind: string; campaign: string; file: string }>({
    id: "import-form",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    defaultValue: { kind: "applications" },
  });
  const params = actionData?.params ?? {};
  const en = locale === "en";
  const fileHintId = "import-file-hint";
  const kindErrorId = fields.kind.errorId;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("import:title")}</h1>
      <p className="max-w-3xl text-slate-700">{t("import:intro")}</p>

      <section aria-labelledby="upload-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="upload-heading" className="text-lg font-semibold">
          {t("import:form.heading")}
        </h2>
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-3 max-w-2xl space-y-5">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="progressKey" value={progressKey} />
          <fieldset aria-describedby={fields.kind.errors?.length ? kindErrorId : undefined}>
            <legend className="font-medium text-slate-900">{t("import:form.kind")}</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {IMPORT_KINDS.map((k) => (
                <label key={k} className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2">
                  <input
                    type="radio"
                    name={fields.kind.name}
                    value={k}
                    defaultChecked={(fields.kind.initialValue ?? "applications") === k}
                    className="h-5 w-5"
                  />
                  {t(`import:form.kinds.${k}`)}
                </label>
              ))}
            </div>
            <ErrorList id={kindErrorId} errors={fields.kind.errors} values={params.kind} />
          </fieldset>

          <div>
            <label htmlFor={fields.campaign.id} className="block font-medium text-slate-900">
              {t("import:form.campaign")}
            </label>
            <p id={`${fields.campaign.id}-hint`} className="text-sm text-slate-700">
              {campaigns.length ? t("import:form.campaignHint") : t("import:form.noCampaigns")}
            </p>
            {(() => {
              const { key, ...props } = getSelectProps(fields.campaign, { ariaDescribedBy: `${fields.campaign.id}-hint` });
              return (
                <select key={key} {...props} required className={`mt-1 ${inputClass}`}>
                  <option value="">{t("import:form.chooseCampaign")}</option>
                  {campaigns.map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {en ? c.titleEn : c.titleZh} ({t(`stages.${c.stage}`)})
                    </option>
                  ))}
                </select>
              );
            })()}
            <ErrorList id={fields.campaign.errorId} errors={fields.campaign.errors} values={params.campaign} />
          </div>

          <div>
            <label htmlFor="import-file" className="block font-medium text-slate-900">
              {t("import:form.file")}
            </label>
            <p id={fileHintId} className="text-sm text-slate-700">
              {t("import:form.fileHint")}
            </p>
            <input
              id="import-file"
              type="file"
              name="file"
              required
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={fields.file.errors?.length ? `${fileHintId} ${fields.file.errorId}` : fileHintId}
              aria-invalid={fields.file.errors?.length ? true : undefined}
              className={`mt-1 ${inputClass}`}
            />
            <ErrorList id={fields.file.errorId} errors={fields.file.errors} values={params.file} />
          </div>

          <button type="submit" className={`${primaryButtonClass} text-lg`} disabled={importing}>
            {importing ? t("import:form.submitting") : t("import:form.submit")}
          </button>
          {importing ? <ImportProgress status={status} /> : null}
        </Form>
      </section>

      <section aria-labelledby="templates-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="templates-heading" className="text-lg font-semibold">
          {t("import:templates.heading")}
        </h2>
        <p className="text-slate-700">{t("import:templates.intro")}</p>
        <ul className="mt-3 flex flex-wrap gap-3">
          {(
            [
              ["applications", "csv", "import:templates.applicationsCsv"],
              ["applications", "xlsx", "import:templates.applicationsXlsx"],
              ["demands", "csv", "import:templates.demandsCsv"],
              ["demands", "xlsx", "import:templates.demandsXlsx"],
            ] as const
          ).map(([kind, format, label]) => (
            <li key={`${kind}-${format}`}>
              <a
                href={`/official/import/template?kind=${kind}&format=${format}`}
                download
                className="inline-block rounded-md border border-slate-500 px-3 py-2 text-brand-800 underline hover:bg-slate-100"
              >
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="help-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="help-heading" className="text-lg font-semibold">
          {t("import:help.heading")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
          <li>{t("import:help.headings")}</li>
          <li>{t("import:help.lists", { separator: LIST_SEPARATOR })}</li>
          <li>{t("import:help.matching")}</li>
          <li>{t("import:help.reimport")}</li>
          <li>{t("import:help.stages")}</li>
        </ul>
        <div className="mt-4 space-y-6">
          <ColumnTable kind="applications" />
          <ColumnTable kind="demands" />
        </div>
      </section>

      <section aria-labelledby="recent-heading" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="recent-heading" className="text-lg font-semibold">
          {t("import:recent.heading")}
        </h2>
        {recent.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("import:recent.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="mt-2 w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">
                    {t("import:recent.when")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("import:recent.file")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("import:recent.kind")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("import:recent.campaign")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("import:recent.status")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("import:recent.counts")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {recent.map((run) => (
                  <tr key={run.id} className="border-b border-slate-200">
                    <td className="py-2 pr-3">
                      <Link to={`/official/import/${run.id}`} className="text-brand-800 underline">
                        {formatDateTime(run.createdAt, locale)}
                      </Link>
                    </td>
                    <td className="py-2 pr-3 break-all">{run.fileName}</td>
                    <td className="py-2 pr-3">{t(`import:form.kinds.${run.kind}`)}</td>
                    <td className="py-2 pr-3">
                      <code>{run.campaignSlug}</code>
                    </td>
                    <td className="py-2 pr-3">{t(`import:result.statuses.${run.status}`)}</td>
                    <td className="py-2">
                      {run.createdCount} / {run.updatedCount}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
