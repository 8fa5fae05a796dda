/**
 * A subdistrict's (or town's) board: its demands, its matches by stage —
 * candidates (for the demand's side and the vendors concerned), confirmed,
 * pilots under way with site, start and KPIs, deployed with the outcome —
 * and the vendors active there. Public; what is listed follows what the
 * viewer may see. An unknown slug is a 404.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { formatDate } from "~/components/date-format";
import { localName } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { VerifiedBadge } from "~/components/verified-badge";
import { subdistrictBoard, type BoardMatch } from "~/matching/boards.server";
import { StageBadge } from "~/matching/ui";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) throw new Response("Not Found", { status: 404 });
  const [{ t, locale }, user, database] = await Promise.all([getT(request), getCurrentUser(request), db()]);
  const board = await subdistrictBoard(database, viewerOf(user), slug);
  if (!board) throw new Response("Not Found", { status: 404 });
  const name = locale === "en" ? board.place.nameEn : board.place.nameZh;
  return json(
    {
      board,
      locale,
      meta: {
        title: t("boards:board.metaTitle", { name }),
        description: t("boards:board.metaDescription", {
          name,
          demands: board.demandTotal,
          piloting: board.matches.piloting.length,
          deployed: board.matches.deployed.length,
          vendors: board.vendors.length,
        }),
      },
    },
    { headers: { "Cache-Control": user ? "private, no-store" : "public, max-age=30", Vary: "Cookie" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function Section({ id, title, intro, children, testId }: { id: string; title: string; intro?: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5" data-testid={testId}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {intro ? <p className="text-slate-700">{intro}</p> : null}
      {children}
    </section>
  );
}

function MatchItem({ m, locale }: { m: BoardMatch; locale: string }) {
  const { t } = useTranslation();
  return (
    <li className="py-3" data-testid="board-match" data-match-id={m.id}>
      <p className="flex flex-wrap items-center gap-2">
        <StageBadge stage={m.stage} short />
        <Link to={`/matches/${m.id}`} className="font-semibold text-brand-700 underline">
          <span lang={m.application.lang}>{m.application.title}</span>
        </Link>
        <span className="text-slate-700">· {localName(m.organization, locale)}</span>
      </p>
      <p className="text-slate-800">
        <Link to={`/demands/${m.demand.id}`} className="underline" lang={m.demand.lang}>
          {m.demand.title}
        </Link>
      </p>
      {m.stage === "piloting" || m.stage === "deployed" ? (
        <p className="text-slate-700">
          {m.pilotSite ? t("boards:board.site", { site: m.pilotSite }) : null}
          {m.pilotStartOn ? ` · ${t("boards:board.since", { date: formatDate(m.pilotStartOn, locale) })}` : null}
        </p>
      ) : null}
      {m.stage === "piloting" && m.pilotKpis ? <p className="text-slate-700">{t("boards:board.kpis", { kpis: m.pilotKpis })}</p> : null}
      {m.stage === "deployed" ? (
        <p className="text-slate-800">
          {m.deployedOn ? `${t("boards:board.deployedOn", { date: formatDate(m.deployedOn, locale) })} · ` : null}
          {m.outcome}
        </p>
      ) : null}
      {m.stage === "declined" && m.declinedReason ? <p className="text-slate-700">{t("boards:board.reason", { reason: m.declinedReason })}</p> : null}
    </li>
  );
}

function MatchList({ items, locale }: { items: BoardMatch[]; locale: string }) {
  const { t } = useTranslation();
  if (!items.length) return <p className="mt-2 text-slate-700">{t("boards:board.none")}</p>;
  return (
    <ul className="mt-2 divide-y divide-slate-200">
      {items.map((m) => (
        <MatchItem key={m.id} m={m} locale={locale} />
      ))}
    </ul>
  );
}

export default function SubdistrictBoard() {
  const { board, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const name = localName(board.place, locale);
  const candidates = [...board.matches.proposed, ...board.matches.suggested];
  const showCandidates = board.demandSide || candidates.length > 0;

  return (
    <article className="space-y-6" aria-labelledby="board-title">
      <p>
        <Link to="/subdistricts" className="text-lg text-brand-700 underline">
          {t("boards:board.back")}
        </Link>
      </p>
      <header>
        <p className="text-slate-700">{t(`boards:kinds.${board.place.kind}`)}</p>
        <h1 id="board-title" className="text-3xl font-bold">
          {t("boards:board.heading", { name })}
        </h1>
        <p className="mt-2 text-lg" data-testid="board-summary">
          {t("boards:board.summary", {
            demands: board.demandTotal,
            piloting: board.matches.piloting.length,
            deployed: board.matches.deployed.length,
            vendors: board.vendors.length,
          })}
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="pilots-title" title={t("boards:board.pilots")} testId="board-pilots">
          <MatchList items={board.matches.piloting} locale={locale} />
        </Section>
        <Section id="deployed-title" title={t("boards:board.deployed")} testId="board-deployed">
          <MatchList items={board.matches.deployed} locale={locale} />
        </Section>
        <Section id="confirmed-title" title={t("boards:board.confirmed")} testId="board-confirmed">
          <MatchList items={board.matches.accepted} locale={locale} />
        </Section>
        {showCandidates ? (
          <Section id="candidates-title" title={t("boards:board.candidates")} intro={t("boards:board.candidatesIntro")} testId="board-candidates">
            <MatchList items={candidates} locale={locale} />
          </Section>
        ) : null}
      </div>

      <Section id="demands-title" title={t("boards:board.demands")} intro={t("boards:board.demandsIntro", { total: board.demandTotal, shown: board.demands.length })} testId="board-demands">
        {board.demands.length ? (
          <ul className="mt-2 divide-y divide-slate-200">
            {board.demands.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-testid="board-demand">
                <Link to={`/demands/${d.id}`} className="font-medium text-brand-700 underline" lang={d.lang}>
                  {d.title}
                </Link>
                <span className="text-slate-700">
                  {t(`common:domains.${d.domain}`)} · {t("boards:board.supports", { count: d.supportCount })}
                  {d.status === "selected" ? ` · ${t("matching:itemStatus.selected")}` : ""}
                </span>
                {(Object.entries(d.stages) as [keyof typeof d.stages, number][]).map(([stage, n]) => (
                  <span key={stage} className="inline-flex items-center gap-1">
                    <StageBadge stage={stage} short />
                    {n > 1 ? <span className="text-sm">×{n}</span> : null}
                  </span>
                ))}
                {board.demandSide ? (
                  <Link to={`/demands/${d.id}/matches`} className="text-brand-700 underline">
                    {t("boards:board.findCandidates")}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">{t("boards:board.noDemands")}</p>
        )}
      </Section>

      <Section id="vendors-title" title={t("boards:board.vendors")} intro={t("boards:board.vendorsIntro")} testId="board-vendors">
        {board.vendors.length ? (
          <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {board.vendors.map((v) => (
              <li key={v.id} className="rounded-md border border-slate-200 p-3" data-testid="board-vendor">
                <Link to={`/organizations/${v.slug}`} className="font-medium text-brand-700 underline">
                  {localName(v, locale)}
                </Link>{" "}
                <VerifiedBadge verified={v.verified} />
                <p className="text-sm text-slate-700">{t("boards:board.vendorCounts", { matches: v.matches, deployments: v.deployments })}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">{t("boards:board.noVendors")}</p>
        )}
      </Section>

      {board.matches.declined.length ? (
        <Section id="declined-title" title={t("boards:board.declined")} testId="board-declined">
          <MatchList items={board.matches.declined} locale={locale} />
        </Section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
