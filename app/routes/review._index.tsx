/**
 * Reviewers: the items assigned to me, by campaign, with progress (n of m
 * submitted). Each links to its review page.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AssignmentStatusBadge, ProgressBar } from "~/review/review-ui";
import { myAssignments } from "~/review/scoring.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "review:item:assigned");
  const [{ t }, campaigns] = await Promise.all([getT(request), db().then((d) => forbiddenAs403(myAssignments(d, actor)))]);
  return json({ campaigns, meta: { title: t("review:list.metaTitle"), description: t("review:list.intro") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function MyReviews() {
  const { campaigns } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("review:list.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("review:list.intro")}</p>
      </div>
      {campaigns.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("review:list.empty")}</p>
      ) : null}
      {campaigns.map((c) => {
        const headingId = `campaign-${c.slug}`;
        const pending = c.assignments.filter((a) => a.status === "assigned");
        return (
          <section key={c.slug} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5" data-testid="review-campaign">
            <h2 id={headingId} className="text-xl font-semibold">
              {en ? c.titleEn : c.titleZh}
            </h2>
            <p className="mt-1 text-slate-700">
              {t("review:list.stage")}: <strong>{t(`stages.${c.stage}`)}</strong>
            </p>
            <ProgressBar
              value={c.submitted}
              max={c.total}
              label={t("review:list.progress", { submitted: c.submitted, total: c.total })}
            />
            {pending.length === 0 && c.total > 0 ? <p className="mt-2 font-medium text-green-800">{t("review:list.allDone")}</p> : null}
            <ul className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
              {c.assignments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="assignment-row" data-status={a.status}>
                  <div className="min-w-0">
                    <span className="mr-2 rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-800">{t(`workflow:itemTypes.${a.itemType}`)}</span>
                    <Link to={`/review/${a.id}`} className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
                      {a.title}
                    </Link>
                  </div>
                  <AssignmentStatusBadge status={a.status} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
