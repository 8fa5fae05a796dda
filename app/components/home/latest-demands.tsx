/** The newest public demands as cards, with a link to the full list. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { LatestDemand } from "~/campaigns/overview.server";
import { formatDate } from "~/components/date-format";

export function LatestDemands({ demands, locale }: { demands: LatestDemand[]; locale: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="latest-title">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="latest-title" className="text-xl font-semibold">
          {t("home:latest.title")}
        </h2>
        <Link to="/demands" data-control className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
          {t("home:latest.seeAll")}
        </Link>
      </div>
      {demands.length === 0 ? (
        <p className="mt-3 rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("home:latest.none")}</p>
      ) : (
        <ul className="mt-3 grid gap-3 md:grid-cols-2 lg:grid-cols-3" data-testid="latest-demands">
          {demands.map((d) => (
            <li key={d.id} className="flex flex-col justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4">
              <div>
                <h3 className="text-lg font-semibold" lang={d.lang}>
                  <Link to={`/demands/${d.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                    {d.title}
                  </Link>
                </h3>
                <p className="mt-1 text-slate-700">
                  {t(`common:domains.${d.domain}`)} · {locale === "en" ? d.subdistrict.nameEn : d.subdistrict.nameZh}
                </p>
              </div>
              <p className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
                <span>{t("home:latest.submittedOn", { date: formatDate(d.submittedAt, locale) })}</span>
                <span className="rounded-md bg-brand-50 px-2 py-1 font-semibold text-brand-800">{t("demands:support.count", { count: d.supportCount })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
