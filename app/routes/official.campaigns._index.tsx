/** Officials: every campaign with its stage, dates and submissions; a link to start a new one. */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { listCampaigns } from "~/campaigns/campaigns.server";
import { formatDate } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { primaryButtonClass } from "~/components/forms";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manage:campaign:any");
  const [{ t }, rows] = await Promise.all([getT(request), db().then((d) => forbiddenAs403(listCampaigns(d, actor)))]);
  return json({ rows, meta: { title: t("campaigns:list.metaTitle"), description: t("campaigns:list.metaDescription") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function CampaignList() {
  const { rows } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("campaigns:list.title")}</h1>
        <p className="flex flex-wrap gap-2">
          <Link to="/official/screening-reasons" className="rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900 hover:bg-slate-100">
            {t("campaigns:list.reasons")}
          </Link>
          <Link to="/official/campaigns/new" className={primaryButtonClass}>
            {t("campaigns:list.new")}
          </Link>
        </p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("campaigns:list.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4" data-campaign={c.slug}>
              <h2 className="text-lg font-semibold">
                <Link to={`/official/campaigns/${c.slug}`} className="text-brand-700 underline">
                  {en ? c.titleEn : c.titleZh}
                </Link>
              </h2>
              <p className="mt-1 text-slate-700">
                <span className="mr-2 inline-block rounded bg-brand-100 px-2 py-0.5 font-medium text-brand-800" data-stage={c.stage}>
                  {t(`stages.${c.stage}`)}
                </span>
                {t("campaigns:list.dates", { opens: formatDate(c.opensAt, i18n.language), closes: formatDate(c.closesAt, i18n.language) })}
              </p>
              <p className="mt-1 text-slate-700">
                {t("campaigns:list.submitted", { demands: c.demandsSubmitted, applications: c.applicationsSubmitted })}
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
