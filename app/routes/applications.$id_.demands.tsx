/**
 * The reverse of a demand's candidates: the demands an application could
 * serve, ranked with the same signals and weights, with the reasons. Open to
 * whoever may see the application; its firm's members get a link to respond,
 * the demand's side a link to the demand's candidates.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUser } from "~/auth/current-user.server";
import { localName } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { demandsForApplication, reasonLabels } from "~/matching/candidates.server";
import { idParam } from "~/matching/http.server";
import { proposerScope, serves, speaksFor } from "~/matching/scope.server";
import { HowScored, ReasonList, ScoreBadge, StageBadge } from "~/matching/ui";
import { searchEngine } from "~/search/search.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUser(request);
  const viewer = viewerOf(user);
  const [{ t, locale }, database, engine] = await Promise.all([getT(request), db(), searchEngine()]);
  const result = await demandsForApplication(database, viewer, id, { engine });
  if (!result) throw new Response("Not Found", { status: 404 });
  const [labels, scope] = await Promise.all([reasonLabels(database), proposerScope(database, viewer)]);
  const vendor = speaksFor(viewer, result.application.organization.id);
  return json(
    {
      application: result.application,
      candidates: result.candidates.map((c) => ({ ...c, canRespond: vendor, demandSide: serves(scope, c.subdistrict.id) })),
      labels,
      locale,
      meta: { title: t("matching:reverse.metaTitle", { title: result.application.title }), description: t("matching:reverse.metaDescription", { title: result.application.title }) },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function ApplicationDemands() {
  const { application, candidates, labels, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="mx-auto max-w-5xl space-y-6" aria-labelledby="reverse-title">
      <p>
        <Link to={`/applications/${application.id}`} className="text-lg text-brand-700 underline">
          {t("matching:reverse.back")}
        </Link>
      </p>
      <header>
        <p className="text-slate-700">{t("matching:reverse.heading")}</p>
        <h1 id="reverse-title" className="mt-1 text-3xl font-bold" lang={application.lang}>
          {application.title}
        </h1>
        <p className="mt-1 text-lg text-slate-800">{localName(application.organization, locale)}</p>
        <p className="mt-2 text-slate-700">{t("matching:reverse.intro", { count: candidates.length })}</p>
      </header>
      <HowScored />
      {candidates.length ? (
        <ol className="space-y-4" data-testid="demand-candidates">
          {candidates.map((c, i) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="demand-candidate" data-demand-id={c.id}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <p className="text-sm text-slate-700">#{i + 1}</p>
                  <h2 className="text-lg font-semibold" lang={c.lang}>
                    <Link to={`/demands/${c.id}`} className="text-brand-700 underline">
                      {c.title}
                    </Link>
                  </h2>
                  <p className="text-slate-800">
                    <Link to={`/subdistricts/${c.subdistrict.slug}`} className="underline">
                      {localName(c.subdistrict, locale)}
                    </Link>{" "}
                    · {t(`common:domains.${c.domain}`)}
                    {c.status === "selected" ? ` · ${t("matching:itemStatus.selected")}` : ""}
                  </p>
                </div>
                <ScoreBadge score={c.score} />
              </div>
              <h3 className="mt-3 font-semibold">{t("matching:reasons.heading")}</h3>
              <ReasonList reasons={c.reasons} labels={labels} />
              <p className="mt-3 flex flex-wrap items-center gap-4">
                {c.match ? (
                  <>
                    <StageBadge stage={c.match.stage} />
                    <Link to={`/matches/${c.match.id}`} className="text-brand-700 underline">
                      {t("matching:candidates.viewMatch")}
                    </Link>
                  </>
                ) : null}
                {c.canRespond && !c.match ? (
                  <Link to={`/demands/${c.id}/respond`} className="text-brand-700 underline">
                    {t("matching:reverse.respond")}
                  </Link>
                ) : null}
                {c.demandSide ? (
                  <Link to={`/demands/${c.id}/matches`} className="text-brand-700 underline">
                    {t("matching:reverse.candidates")}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-lg text-slate-700">{t("matching:reverse.none")}</p>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
