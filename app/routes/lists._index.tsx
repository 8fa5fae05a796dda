/** The public: campaigns whose lists have been published. */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { formatDate } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { publishedCampaigns } from "~/review/lists.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t }, campaigns] = await Promise.all([getT(request), db().then(publishedCampaigns)]);
  return json({ campaigns, meta: { title: t("lists:index.metaTitle"), description: t("lists:index.metaDescription") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function PublishedLists() {
  const { campaigns } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("lists:index.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("lists:index.intro")}</p>
      </div>
      {campaigns.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("lists:index.empty")}</p>
      ) : (
        <ul className="space-y-4">
          {campaigns.map((c) => (
            <li key={c.slug} className="rounded-lg border border-slate-200 bg-white p-5" data-testid="published-campaign">
              <h2 className="text-xl font-semibold">
                <Link to={`/lists/${c.slug}`} className="text-brand-800 underline underline-offset-2 hover:text-brand-900">
                  {en ? c.titleEn : c.titleZh}
                </Link>
              </h2>
              <p className="mt-1 text-slate-700">
                {t("lists:index.counts", { applications: c.applications, demands: c.demands })}
                {c.publishedAt ? ` · ${t("lists:index.publishedOn", { date: formatDate(c.publishedAt, i18n.language) })}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
