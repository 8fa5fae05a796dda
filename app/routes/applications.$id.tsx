/**
 * One application: vendor (with its verified badge), tags, deployments, the
 * demands it addresses, attachments. 404 when the viewer may not see it (the
 * visibility rule), so its existence does not leak. Its firm's members (and
 * officials) can submit or withdraw it here; both carry the version they saw.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { submitApplication, withdrawApplication } from "~/applications/applications.server";
import { idParam, notFound } from "~/applications/http.server";
import { getApplication, permissionsOn } from "~/applications/queries.server";
import { transitionFormSchema } from "~/applications/schema.server";
import { listAttachments } from "~/attachments/attachments.server";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { getCurrentUser, requireUser } from "~/auth/current-user.server";
import { can } from "~/auth/permissions";
import { AttachmentsField } from "~/components/attachments-field";
import { FeedbackPanel } from "~/review/feedback-panel";
import { feedbackFor } from "~/review/feedback.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dangerButtonClass, ErrorList, FormErrors, inputClass, primaryButtonClass } from "~/components/forms";
import { ApplicationMatchingLink } from "~/matching/links";
import { monthOf, VerifiedBadge } from "~/components/verified-badge";
import { excerpt } from "~/sharing/excerpt";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const [{ t, locale }, user, database] = await Promise.all([getT(request), getCurrentUser(request), db()]);
  const viewer = viewerOf(user);
  const app = await getApplication(database, viewer, id);
  if (!app) throw notFound();
  const permissions = permissionsOn(user, viewer?.organizationIds ?? [], app.application, app.campaign.stage);
  const [attachments, feedback] = await Promise.all([
    listAttachments(database, { type: "application", id }),
    feedbackFor(database, viewer, "application", id),
  ]);
  const { application } = app;
  return json({
    app: {
      id: application.id,
      title: application.title,
      summary: application.summary,
      description: application.description,
      domain: application.domain,
      maturity: application.maturity,
      costBand: application.costBand,
      status: application.status,
      version: application.version,
      publicFromSubmission: application.publicFromSubmission,
      lang: application.lang,
    },
    organization: app.organization,
    campaign: app.campaign,
    tags: app.tags,
    deployments: app.deployments,
    demands: app.demands,
    attachments,
    feedback: feedback.ok ? feedback.feedback : null,
    permissions,
    isOfficial: can(user, "verify:organization:any"),
    locale,
    meta: { title: t("applications:detail.metaTitle", { title: application.title }), description: excerpt(application.summary || application.description), type: "article" as const },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: transitionFormSchema });
  if (submission.status !== "success") {
    const errors = submission.error ?? {};
    return json({ formErrors: errors.intent ?? errors.version ?? [], reasonErrors: errors.reason ?? [] }, { status: 400 });
  }
  const { intent, version, reason } = submission.value;
  const database = await db();
  const outcome = await forbiddenAs403(
    intent === "submit"
      ? submitApplication(database, user, { id, expectedVersion: version })
      : withdrawApplication(database, user, { id, expectedVersion: version, reason: reason || null }),
  );
  if (outcome.ok) {
    const notice = !outcome.changed ? "nothingChanged" : intent === "submit" ? "applicationSubmitted" : "applicationWithdrawn";
    return redirect(withNotice(`/applications/${id}`, notice));
  }
  if (outcome.reason === "not_found") throw notFound();
  const message = outcome.reason === "conflict" ? "applications:errors.conflict" : outcome.reason === "not_editable" ? "applications:errors.notEditable" : "applications:errors.invalid";
  return json({ formErrors: [message], reasonErrors: [] as string[] }, { status: outcome.reason === "conflict" ? 409 : 400 });
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

export default function ApplicationDetail() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const { app, organization, campaign, permissions } = data;
  const en = data.locale === "en";
  const name = (o: { nameZh: string; nameEn: string }) => (en ? o.nameEn : o.nameZh);
  const isPublic = app.status === "selected" || (app.publicFromSubmission && !["draft", "withdrawn", "rejected"].includes(app.status));
  const tagsOf = (kind: string) => data.tags.filter((tag) => tag.kind === kind);
  const tagGroups = [
    { kind: "technology", title: t("applications:detail.technologies") },
    { kind: "scenario", title: t("applications:detail.scenarios") },
    { kind: "target_group", title: t("applications:detail.targetGroups") },
  ];

  return (
    <article className="space-y-5" lang={app.lang}>
      <p>
        <Link to="/applications" className="text-brand-700 underline">
          {t("applications:detail.back")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{app.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-slate-800" lang={data.locale}>
          <span>{t("applications:detail.vendor")}:</span>
          <Link to={`/organizations/${organization.slug}`} className="font-medium text-brand-700 underline">
            {name(organization)}
          </Link>
          <VerifiedBadge verified={organization.verified} showUnverified />
          {data.isOfficial && !organization.verified ? (
            <Link to={`/official/organizations?q=${encodeURIComponent(organization.nameZh)}`} className="text-sm text-brand-700 underline">
              {t("applications:detail.verifyLink")}
            </Link>
          ) : null}
        </p>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2" lang={data.locale}>
          <div className="flex gap-2">
            <dt className="text-slate-700">{t("applications:detail.status")}:</dt>
            <dd className="font-medium" data-status={app.status}>{t(`applications:statuses.${app.status}`)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-700">{t("applications:detail.campaign")}:</dt>
            <dd>{en ? campaign.titleEn : campaign.titleZh}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-700">{t("applications:detail.domain")}:</dt>
            <dd>{t(`domains.${app.domain}`)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-700">{t("applications:detail.maturity")}:</dt>
            <dd>{t(`applications:maturity.${app.maturity}`)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-700">{t("applications:detail.costBand")}:</dt>
            <dd>{app.costBand ? t(`applications:costBands.${app.costBand}`) : t("applications:detail.costBandUnknown")}</dd>
          </div>
        </dl>
        <p className="text-sm text-slate-700" lang={data.locale}>
          {isPublic
            ? app.publicFromSubmission && app.status !== "selected"
              ? t("applications:detail.publicFromSubmission")
              : null
            : t("applications:detail.notPublicYet")}
        </p>
      </header>

      {permissions.canEdit || permissions.canSubmit || permissions.canWithdraw ? (
        <section aria-labelledby="actions-title" className="rounded-lg border border-brand-100 bg-brand-50 p-5" lang={data.locale}>
          <h2 id="actions-title" className="text-lg font-semibold">
            {t("applications:detail.actions")}
          </h2>
          <FormErrors id="actions-errors" errors={actionData?.formErrors} />
          <div className="mt-3 flex flex-wrap items-start gap-4">
            {permissions.canEdit ? (
              <Link to={`/applications/${app.id}/edit`} className={primaryButtonClass} data-control>
                {t("applications:detail.edit")}
              </Link>
            ) : null}
            {permissions.canSubmit ? (
              <Form method="post" className="space-y-1">
                <input type="hidden" name="version" value={app.version} />
                <button type="submit" name="intent" value="submit" className={primaryButtonClass} disabled={busy}>
                  {t("applications:detail.submit")}
                </button>
                <p className="text-sm text-slate-700">{t("applications:detail.submitHint")}</p>
              </Form>
            ) : null}
          </div>
          {permissions.canWithdraw ? (
            <Form method="post" className="mt-4 max-w-xl space-y-2 border-t border-brand-100 pt-4">
              <input type="hidden" name="version" value={app.version} />
              <label htmlFor="withdraw-reason" className="block font-medium">
                {t("applications:detail.withdrawReason")}
              </label>
              <textarea
                id="withdraw-reason"
                name="reason"
                rows={2}
                className={inputClass}
                aria-invalid={actionData?.reasonErrors?.length ? true : undefined}
                aria-describedby={actionData?.reasonErrors?.length ? "withdraw-reason-error" : undefined}
              />
              <ErrorList id="withdraw-reason-error" errors={actionData?.reasonErrors} />
              <p className="text-sm text-slate-700">{t("applications:detail.withdrawHint")}</p>
              <button type="submit" name="intent" value="withdraw" className={dangerButtonClass} disabled={busy}>
                {t("applications:detail.withdraw")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <Section title={t("applications:detail.summary")}>
        <p className="text-slate-800">{app.summary}</p>
      </Section>
      <Section title={t("applications:detail.description")}>
        <div className="whitespace-pre-line text-slate-800">{app.description}</div>
      </Section>

      <div className="grid gap-5 md:grid-cols-3" lang={data.locale}>
        {tagGroups.map((group) => (
          <Section key={group.kind} title={group.title}>
            {tagsOf(group.kind).length ? (
              <ul className="flex flex-wrap gap-2">
                {tagsOf(group.kind).map((tag) => (
                  <li key={tag.id} className="rounded border border-slate-300 px-2 py-0.5">
                    {group.kind === "technology" ? (
                      <Link to={`/applications?technology=${tag.slug}`} className="hover:underline">
                        {name(tag)}
                      </Link>
                    ) : (
                      name(tag)
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-700">—</p>
            )}
          </Section>
        ))}
      </div>

      <div lang={data.locale}>
        <Section title={t("applications:detail.deployments")}>
          {data.deployments.length ? (
            <ul className="space-y-1">
              {data.deployments.map((d) => (
                <li key={d.id}>
                  {d.subdistrictZh ? (en ? d.subdistrictEn : d.subdistrictZh) : t("applications:detail.elsewhere", { place: d.placeName })}
                  {d.since ? <span className="text-slate-700"> · {t("applications:detail.since", { month: monthOf(d.since) })}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">{t("applications:detail.noDeployments")}</p>
          )}
        </Section>
      </div>

      <div lang={data.locale}>
        <Section title={t("applications:detail.addressedDemands")}>
          {data.demands.length ? (
            <ul className="space-y-1">
              {data.demands.map((d) => (
                <li key={d.id}>
                  <Link to={`/demands/${d.id}`} className="text-brand-700 underline">
                    {d.title}
                  </Link>{" "}
                  <span className="text-slate-700">· {en ? d.subdistrictEn : d.subdistrictZh}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">{t("applications:detail.noDemands")}</p>
          )}
        </Section>
      </div>

      <div lang={data.locale}>
        <AttachmentsField ownerType="application" ownerId={app.id} attachments={data.attachments} canEdit={permissions.canEdit} />
      </div>
      {data.feedback ? <FeedbackPanel feedback={data.feedback} /> : null}
      <ApplicationMatchingLink applicationId={app.id} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
