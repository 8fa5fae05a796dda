/**
 * "My submissions": the signed-in user's demands (drafts and needs taken in
 * for residents included) and the applications they wrote or that belong to
 * their organisations, each with its status and its history.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUser } from "~/auth/current-user.server";
import { can } from "~/auth/permissions";
import { formatDateTime } from "~/components/date-format";
import { bigButton } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { Timeline, type TimelineItem } from "~/components/timeline";
import { mySubmissions } from "~/my/submissions.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getT(request);
  const submissions = await mySubmissions(await db(), { id: user.id, organizationIds: user.organizations.map((o) => o.id) });
  return json(
    {
      submissions,
      locale,
      canCreate: can(user, "create:demand:own"),
      canIntake: can(user, "create:demand:on-behalf"),
      meta: { title: t("my:metaTitle"), description: t("my:intro") },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function Item({
  href,
  title,
  status,
  detail,
  updatedAt,
  timeline,
  locale,
  editHref,
  testId,
}: {
  href: string;
  title: string;
  status: string;
  detail: string;
  updatedAt: string;
  timeline: TimelineItem[];
  locale: string;
  editHref?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="text-xl font-semibold">
            <Link to={href} className="text-brand-700 underline-offset-2 hover:underline">
              {title}
            </Link>
          </h3>
          <p className="mt-1 text-slate-700">
            <span className="rounded bg-brand-100 px-2 py-0.5 font-medium text-brand-800" data-testid="item-status">
              {t(`workflow:statuses.${status}`, { defaultValue: status })}
            </span>{" "}
            {detail} · {t("my:updated", { date: formatDateTime(updatedAt, locale) })}
          </p>
        </div>
        {editHref ? (
          <Link to={editHref} className={`${secondaryButtonClass} ${bigButton}`}>
            {t("my:edit")}
          </Link>
        ) : null}
      </div>
      {timeline.length ? (
        <details className="mt-3">
          <summary className="min-h-12 cursor-pointer py-2 text-lg font-medium">{t("my:showTimeline", { count: timeline.length })}</summary>
          <Timeline entries={timeline} locale={locale} />
        </details>
      ) : null}
    </li>
  );
}

export default function MySubmissions() {
  const { submissions, locale, canCreate, canIntake } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const en = locale === "en";
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{t("my:title")}</h1>
        <p className="mt-2 max-w-3xl text-lg text-slate-800">{t("my:intro")}</p>
        <p className="mt-4 flex flex-wrap gap-3">
          {canCreate ? (
            <Link to="/demands/new" className={`${primaryButtonClass} ${bigButton}`}>
              {t("my:newDemand")}
            </Link>
          ) : null}
          {canIntake ? (
            <Link to="/intake/new" className={`${secondaryButtonClass} ${bigButton}`}>
              {t("my:newIntake")}
            </Link>
          ) : null}
        </p>
      </div>

      <section aria-labelledby="my-demands">
        <h2 id="my-demands" className="text-2xl font-semibold">
          {t("my:demands")}
        </h2>
        {submissions.demands.length === 0 ? (
          <p className="mt-2 text-lg text-slate-700">{t("my:noDemands")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {submissions.demands.map((d) => (
              <Item
                key={d.id}
                testId="my-demand"
                href={`/demands/${d.id}`}
                title={d.title}
                status={d.status}
                detail={[t(`common:domains.${d.domain}`), t("demands:support.count", { count: d.supportCount }), d.onBehalf ? t("my:onBehalf") : null]
                  .filter(Boolean)
                  .join(" · ")}
                updatedAt={d.updatedAt}
                timeline={d.timeline}
                locale={locale}
                editHref={d.editable ? `/demands/${d.id}/edit` : undefined}
              />
            ))}
          </ul>
        )}
        {submissions.moreDemands ? <p className="mt-2 text-slate-700">{t("my:more")}</p> : null}
      </section>

      <section aria-labelledby="my-applications">
        <h2 id="my-applications" className="text-2xl font-semibold">
          {t("my:applications")}
        </h2>
        {submissions.applications.length === 0 ? (
          <p className="mt-2 text-lg text-slate-700">{t("my:noApplications")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {submissions.applications.map((a) => (
              <Item
                key={a.id}
                testId="my-application"
                href={`/applications/${a.id}`}
                title={a.title}
                status={a.status}
                detail={`${t(`common:domains.${a.domain}`)} · ${en ? a.organizationEn : a.organizationZh}`}
                updatedAt={a.updatedAt}
                timeline={a.timeline}
                locale={locale}
              />
            ))}
          </ul>
        )}
        {submissions.moreApplications ? <p className="mt-2 text-slate-700">{t("my:more")}</p> : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
