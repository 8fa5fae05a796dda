/**
 * The district overview: Putuo's ten subdistricts and towns side by side —
 * demands, candidate and confirmed matches, pilots, deployments, active
 * vendors — as a grid of cards (one per place, each with a bar of its pilots
 * and deployments against the busiest place) and the same figures as a
 * table. Public; counts follow what the viewer may see.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { localName } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ScrollRegion } from "~/components/scroll-region";
import { districtOverview } from "~/matching/boards.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ t, locale }, user, database] = await Promise.all([getT(request), getCurrentUser(request), db()]);
  const { places } = await districtOverview(database, viewerOf(user));
  return json(
    { places, locale, meta: { title: t("boards:overview.metaTitle"), description: t("boards:overview.intro") } },
    { headers: { "Cache-Control": user ? "private, no-store" : "public, max-age=30", Vary: "Cookie" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function SubdistrictOverview() {
  const { places, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const active = (p: (typeof places)[number]) => p.stages.piloting + p.stages.deployed;
  const max = Math.max(1, ...places.map(active));
  const sum = (f: (p: (typeof places)[number]) => number) => places.reduce((n, p) => n + f(p), 0);
  // Vendors are not summed: one vendor may be active in several places.
  const columns: { key: string; value: (p: (typeof places)[number]) => number; noTotal?: boolean }[] = [
    { key: "demands", value: (p) => p.demands },
    { key: "selected", value: (p) => p.selectedDemands },
    { key: "candidates", value: (p) => p.stages.suggested + p.stages.proposed },
    { key: "confirmed", value: (p) => p.stages.accepted },
    { key: "piloting", value: (p) => p.stages.piloting },
    { key: "deployed", value: (p) => p.stages.deployed },
    { key: "vendors", value: (p) => p.vendors, noTotal: true },
  ];

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t("boards:overview.heading")}</h1>
        <p className="mt-2 text-lg text-slate-800">{t("boards:overview.intro")}</p>
      </header>

      <ul aria-label={t("boards:overview.gridLabel")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="subdistrict-grid">
        {places.map((p) => (
          <li key={p.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4" data-testid="subdistrict-card" data-slug={p.slug}>
            <h2 className="text-lg font-semibold">
              <Link to={`/subdistricts/${p.slug}`} className="text-brand-700 underline" aria-label={t("boards:overview.open", { name: localName(p, locale) })}>
                {localName(p, locale)}
              </Link>
            </h2>
            <p className="text-sm text-slate-700">{t(`boards:kinds.${p.kind}`)}</p>
            <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-2 text-base">
              <dt>{t("boards:overview.demands")}</dt>
              <dd className="text-right font-semibold">{p.demands}</dd>
              <dt>{t("boards:overview.piloting")}</dt>
              <dd className="text-right font-semibold">{p.stages.piloting}</dd>
              <dt>{t("boards:overview.deployed")}</dt>
              <dd className="text-right font-semibold">{p.stages.deployed}</dd>
              <dt>{t("boards:overview.vendors")}</dt>
              <dd className="text-right font-semibold">{p.vendors}</dd>
            </dl>
            <div className="mt-auto pt-3" aria-hidden="true" title={t("boards:overview.barLabel", { name: localName(p, locale), count: active(p) })}>
              <div className="h-2 rounded bg-slate-100">
                <div className="h-2 rounded bg-brand-700" style={{ width: `${(active(p) / max) * 100}%` }} />
              </div>
            </div>
          </li>
        ))}
      </ul>

      <ScrollRegion label={t("boards:overview.tableCaption")} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-base" data-testid="subdistrict-table">
          <caption className="px-4 py-3 text-left text-lg font-semibold">{t("boards:overview.tableCaption")}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-4 py-2">
                {t("boards:overview.place")}
              </th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="px-3 py-2 text-right">
                  {t(`boards:overview.${c.key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {places.map((p) => (
              <tr key={p.id} className="border-t border-slate-200">
                <th scope="row" className="px-4 py-2 font-medium">
                  <Link to={`/subdistricts/${p.slug}`} className="text-brand-700 underline">
                    {localName(p, locale)}
                  </Link>
                </th>
                {columns.map((c) => (
                  <td key={c.key} className="px-3 py-2 text-right tabular-nums">
                    {c.value(p)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold">
              <th scope="row" className="px-4 py-2">
                {t("boards:overview.total")}
              </th>
              {columns.map((c) => (
                <td key={c.key} className="px-3 py-2 text-right tabular-nums">
                  {c.noTotal ? "—" : sum(c.value)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
