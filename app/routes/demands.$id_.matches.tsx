/**
 * A demand's matching page. The demand's side (officials, community workers
 * of its subdistrict) sees the computed candidates with score and reasons,
 * the vendors' responses beside them, and proposes matches; a vendor sees
 * its own responses and the way to respond; everyone signed in sees the
 * matches they may see. A demand the viewer may not see is a 404.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUser, requireUserWithPermission } from "~/auth/current-user.server";
import { formatDate } from "~/components/date-format";
import { bigButton, localName } from "~/components/demand-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { primaryButtonClass, secondaryButtonClass } from "~/components/forms";
import { reasonLabels } from "~/matching/candidates.server";
import { idParam, refusalOf } from "~/matching/http.server";
import { proposeMatch } from "~/matching/pipeline.server";
import { proposeSchema } from "~/matching/schemas.server";
import { HowScored, ReasonList, ScoreBadge, StageBadge } from "~/matching/ui";
import { demandMatchesPage } from "~/matching/views.server";
import { searchEngine } from "~/search/search.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice } from "~/utils/notice";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUser(request);
  const [{ t, locale }, database, engine] = await Promise.all([getT(request), db(), searchEngine()]);
  const page = await demandMatchesPage(database, viewerOf(user), id, { engine });
  if (!page) throw new Response("Not Found", { status: 404 });
  const labels = await reasonLabels(database);
  return json(
    { page, labels, locale, meta: { title: t("matching:candidates.metaTitle", { title: page.demand.title }), description: t("matching:candidates.metaDescription", { title: page.demand.title }) } },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

type ActionData = { applicationId: number | null; message: string | null; fieldErrors: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUserWithPermission(request, "propose:match:subdistrict");
  const formData = await request.formData();
  const { t } = await getT(request);
  const parsed = proposeSchema.safeParse({ applicationId: formData.get("applicationId") ?? undefined });
  if (formData.get("intent") !== "propose" || !parsed.success) {
    return json<ActionData>({ applicationId: null, message: t("matching:errors.applicationRequired"), fieldErrors: [] }, { status: 400 });
  }
  try {
    const moved = await proposeMatch(await db(), viewerOf(user)!, { demandId: id, applicationId: parsed.data.applicationId }, { engine: await searchEngine() });
    return redirect(withNotice(`/matches/${moved.id}`, "matchProposed"));
  } catch (error) {
    const refusal = refusalOf(error, t);
    return json<ActionData>(
      { applicationId: parsed.data.applicationId, message: refusal.message, fieldErrors: Object.values(refusal.fieldErrors).flat().map((key) => t(key)) },
      { status: refusal.status },
    );
  }
}

/** The "propose this match" button (a one-field form: works without JavaScript), with its refusal beside it. */
function ProposeButton({ applicationId, title, vendor }: { applicationId: number; title: string; vendor: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().formData?.get("applicationId") === String(applicationId);
  const errors = actionData && actionData.applicationId === applicationId ? [actionData.message, ...actionData.fieldErrors].filter((x): x is string => !!x) : [];
  return (
    <Form method="post" className="mt-2">
      <input type="hidden" name="intent" value="propose" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <button type="submit" className={`${primaryButtonClass} ${bigButton}`} aria-label={t("matching:candidates.proposeLabel", { vendor, title })} disabled={busy}>
        {t("matching:candidates.propose")}
      </button>
      <div role="alert">
        {errors.map((e) => (
          <p key={e} className="mt-1 font-medium text-red-700">
            {e}
          </p>
        ))}
      </div>
    </Form>
  );
}

export default function DemandMatches() {
  const { page, labels, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { demand } = page;
  const en = locale === "en";
  const place = localName(demand.subdistrict, locale);
  const pageError = actionData && actionData.applicationId === null ? actionData.message : null;

  return (
    <article className="mx-auto max-w-5xl space-y-6" aria-labelledby="matches-title">
      <p>
        <Link to={`/demands/${demand.id}`} className="text-lg text-brand-700 underline">
          {t("matching:candidates.back")}
        </Link>
      </p>
      <header>
        <p className="text-slate-700">
          {t("matching:candidates.heading")} ·{" "}
          <Link to={`/subdistricts/${demand.subdistrict.slug}`} className="text-brand-700 underline">
            {t("matching:candidates.subdistrict", { place })}
          </Link>
        </p>
        <h1 id="matches-title" className="mt-1 text-3xl font-bold" lang={demand.lang}>
          {demand.title}
        </h1>
        <p className="mt-2 line-clamp-3 text-lg text-slate-800" lang={demand.lang}>
          {demand.description}
        </p>
      </header>

      {pageError ? (
        <div role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 font-medium text-red-800">
          {pageError}
        </div>
      ) : null}
      {!page.open ? <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-lg">{t("matching:candidates.closed")}</p> : null}

      {page.vendor && page.open ? (
        <section aria-labelledby="vendor-title" className="rounded-lg border border-brand-100 bg-brand-50 p-5">
          <h2 id="vendor-title" className="text-xl font-semibold">
            {t("matching:candidates.respond")}
          </h2>
          <p className="mt-2 text-lg">{t("matching:candidates.vendorIntro")}</p>
          <p className="mt-3">
            <Link to={`/demands/${demand.id}/respond`} className={`${primaryButtonClass} ${bigButton}`}>
              {t("matching:candidates.respond")}
            </Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="pipeline-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="pipeline-title" className="text-xl font-semibold">
          {t("matching:candidates.matchesHeading")}
        </h2>
        {page.matches.length ? (
          <ul className="mt-3 divide-y divide-slate-200" data-testid="demand-matches">
            {page.matches.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-3 py-2">
                <StageBadge stage={m.stage} />
                <span className="font-medium" lang={m.application.lang}>
                  {m.application.title}
                </span>
                <span className="text-slate-700">{localName(m.organization, locale)}</span>
                <Link to={`/matches/${m.id}`} className="text-brand-700 underline">
                  {t("matching:candidates.viewMatch")}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-700">{t("matching:candidates.noMatches")}</p>
        )}
      </section>

      {page.responses.length || page.demandSide || page.vendor ? (
        <section aria-labelledby="responses-title" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="responses">
          <h2 id="responses-title" className="text-xl font-semibold">
            {page.demandSide ? t("matching:responses.heading") : t("matching:responses.ownHeading")}
          </h2>
          {page.responses.length ? (
            <ul className="mt-3 space-y-4">
              {page.responses.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-4" data-testid="response">
                  <p className="text-lg font-semibold" lang={r.application.lang}>
                    <Link to={`/applications/${r.application.id}`} className="text-brand-700 underline">
                      {r.application.title}
                    </Link>
                  </p>
                  <p className="text-slate-700">{t("matching:responses.by", { vendor: localName(r.organization, locale), date: formatDate(r.updatedAt, locale) })}</p>
                  <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                    <dt className="font-medium text-slate-700">{t("matching:responses.approach")}</dt>
                    <dd className="whitespace-pre-line">{r.approach}</dd>
                    <dt className="font-medium text-slate-700">{t("matching:responses.timeline")}</dt>
                    <dd>{r.timeline}</dd>
                    <dt className="font-medium text-slate-700">{t("matching:responses.costBand")}</dt>
                    <dd>{r.costBand ? t(`matching:costBands.${r.costBand}`) : t("matching:responses.costBandNone")}</dd>
                  </dl>
                  {r.matchId && r.matchStage ? (
                    <p className="mt-2 flex flex-wrap items-center gap-3">
                      <StageBadge stage={r.matchStage} />
                      <Link to={`/matches/${r.matchId}`} className="text-brand-700 underline">
                        {t("matching:candidates.viewMatch")}
                      </Link>
                    </p>
                  ) : null}
                  {page.demandSide && page.open && (!r.matchStage || r.matchStage === "suggested") ? (
                    <ProposeButton applicationId={r.application.id} title={r.application.title} vendor={en ? r.organization.nameEn : r.organization.nameZh} />
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-slate-700">{page.demandSide ? t("matching:responses.none") : t("matching:responses.ownNone")}</p>
          )}
        </section>
      ) : null}

      {page.demandSide ? (
        <section aria-labelledby="candidates-title" className="space-y-4">
          <div>
            <h2 id="candidates-title" className="text-xl font-semibold">
              {t("matching:candidates.listHeading")}
            </h2>
            <p className="text-slate-700">{t("matching:candidates.listIntro", { count: page.candidates.length })}</p>
          </div>
          <HowScored />
          {page.candidates.length ? (
            <ol className="space-y-4" data-testid="candidates">
              {page.candidates.map((c, i) => {
                const reasonsId = `reasons-${c.id}`;
                return (
                  <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="candidate" data-application-id={c.id}>
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0 flex-1">
                        <p className="text-sm text-slate-700">#{i + 1}</p>
                        <h3 className="text-lg font-semibold" lang={c.lang}>
                          <Link to={`/applications/${c.id}`} className="text-brand-700 underline">
                            {c.title}
                          </Link>
                        </h3>
                        <p className="text-slate-800">
                          <Link to={`/organizations/${c.organization.slug}`} className="underline">
                            {localName(c.organization, locale)}
                          </Link>{" "}
                          · {t(`matching:maturity.${c.maturity}`)}
                          {c.status === "selected" ? ` · ${t("matching:itemStatus.selected")}` : ""}
                        </p>
                        {c.responded ? (
                          <p className="mt-1 inline-block rounded bg-green-50 px-2 py-0.5 font-medium text-green-900" data-testid="responded">
                            {t("matching:candidates.responded")}
                          </p>
                        ) : null}
                      </div>
                      <ScoreBadge score={c.score} />
                    </div>
                    <p className="mt-2 text-slate-800" lang={c.lang}>
                      {c.summary}
                    </p>
                    <h4 className="mt-3 font-semibold" id={`${reasonsId}-h`}>
                      {t("matching:reasons.heading")}
                    </h4>
                    <ReasonList reasons={c.reasons} labels={labels} id={reasonsId} />
                    <div className="mt-3">
                      {c.match ? (
                        <p className="flex flex-wrap items-center gap-3">
                          <StageBadge stage={c.match.stage} />
                          <Link to={`/matches/${c.match.id}`} className="text-brand-700 underline">
                            {t("matching:candidates.viewMatch")}
                          </Link>
                        </p>
                      ) : null}
                      {page.open && (!c.match || c.match.stage === "suggested") ? (
                        <ProposeButton applicationId={c.id} title={c.title} vendor={en ? c.organization.nameEn : c.organization.nameZh} />
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-lg text-slate-700">{t("matching:candidates.none")}</p>
          )}
        </section>
      ) : (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-slate-800">{t("matching:candidates.notServing", { place })}</p>
      )}
      <p>
        <Link to={`/subdistricts/${demand.subdistrict.slug}`} className={secondaryButtonClass}>
          {t("matching:match.boardLink", { place })}
        </Link>
      </p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
