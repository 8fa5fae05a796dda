/**
 * The programme's headline numbers as a description list: each figure with
 * its definition written out below it (no tooltips), so the numbers can be
 * checked against the statistics page.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { HeadlineNumbers as Numbers } from "~/campaigns/overview.server";

function Figure({ id, label, value, detail, locale }: { id: string; label: string; value: number; detail: string; locale: string }) {
  return (
    <div className="flex flex-col rounded-lg border border-slate-200 bg-white p-4" data-testid={`headline-${id}`}>
      <dt className="font-medium text-slate-800">{label}</dt>
      <dd className="order-first text-3xl font-bold text-brand-700 tabular-nums" data-testid={`headline-${id}-value`}>
        {new Intl.NumberFormat(locale).format(value)}
      </dd>
      <dd className="mt-1 text-sm text-slate-700">{detail}</dd>
    </div>
  );
}

export function HeadlineNumbers({ numbers, locale }: { numbers: Numbers; locale: string }) {
  const { t } = useTranslation();
  const { demands: d, applications: a } = numbers;
  const split = (demands: number, applications: number) => t("home:numbers.split", { demands, applications });
  return (
    <section aria-labelledby="numbers-title">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="numbers-title" className="text-xl font-semibold">
            {t("home:numbers.title")}
          </h2>
          <p className="mt-1 text-slate-700">{t("home:numbers.intro")}</p>
        </div>
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link to="/stats" data-control className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {t("home:numbers.moreStats")}
          </Link>
          <Link to="/data" data-control className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            {t("home:numbers.openData")}
          </Link>
        </p>
      </div>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Figure id="submitted" label={t("home:numbers.submitted")} value={d.submitted + a.submitted} detail={split(d.submitted, a.submitted)} locale={locale} />
        <Figure id="shortlisted" label={t("home:numbers.shortlisted")} value={d.shortlisted + a.shortlisted} detail={split(d.shortlisted, a.shortlisted)} locale={locale} />
        <Figure id="selected" label={t("home:numbers.selected")} value={d.selected + a.selected} detail={split(d.selected, a.selected)} locale={locale} />
        <Figure id="matched" label={t("home:numbers.matched")} value={numbers.matchedDemands} detail={t("home:numbers.matchedDetail", { matches: numbers.confirmedMatches })} locale={locale} />
        <Figure
          id="piloting"
          label={t("home:numbers.piloting")}
          value={numbers.piloting}
          detail={t("home:numbers.pilotingDetail", { deployed: numbers.deployed })}
          locale={locale}
        />
      </dl>
    </section>
  );
}
