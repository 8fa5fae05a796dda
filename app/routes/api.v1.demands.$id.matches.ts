/**
 * GET /api/v1/demands/:id/matches — a demand's candidate applications with
 * score and reasons, as JSON (spec: app/api/endpoints.server.ts; documented
 * in docs/api.md). For the demand's side: officials, and the community
 * workers of the demand's subdistrict, signed in with their session cookie.
 * 401 without a session, 403 for anyone else, 404 for a demand that does not
 * exist or may not be seen (or a malformed id), 400 naming each bad parameter.
 */
import { DEMAND_CANDIDATES } from "~/api/endpoints.server";
import { ApiProblem, apiAction, apiLoader, notFound } from "~/api/respond.server";
import { matchCandidates, reasonLabels } from "~/matching/candidates.server";
import { describeReason } from "~/matching/reason-text";
import { proposerScope, serves } from "~/matching/scope.server";
import { WEIGHTS } from "~/matching/weights";
import { searchEngine } from "~/search/search.server";
import { fixedT } from "~/utils/i18n.server";
import { getPreferences } from "~/utils/preferences.server";

export const loader = apiLoader(DEMAND_CANDIDATES, async ({ request, params, query, viewer, db }) => {
  const started = performance.now();
  const [engine, prefs] = await Promise.all([searchEngine(), getPreferences(request)]);
  const result = await matchCandidates(db, viewer, params.id, { engine, limit: query.limit });
  if (!result) throw notFound("Demand");
  const scope = await proposerScope(db, viewer);
  if (!serves(scope, result.demand.subdistrict.id)) {
    throw new ApiProblem(403, "forbidden", "Only officials and the community workers of the demand's subdistrict may see its candidates.");
  }
  const locale = query.lang ?? prefs.locale;
  const t = fixedT(locale);
  const labels = await reasonLabels(db);
  const { demand } = result;
  return {
    demand: {
      id: demand.id,
      title: demand.title,
      status: demand.status,
      domain: demand.domain,
      subdistrict: { slug: demand.subdistrict.slug, nameZh: demand.subdistrict.nameZh, nameEn: demand.subdistrict.nameEn },
      url: `/demands/${demand.id}`,
    },
    weights: WEIGHTS,
    candidates: result.candidates.map((c, i) => ({
      rank: i + 1,
      application: { id: c.id, title: c.title, status: c.status, maturity: c.maturity, domain: c.domain, url: `/applications/${c.id}` },
      vendor: { id: c.organization.id, slug: c.organization.slug, nameZh: c.organization.nameZh, nameEn: c.organization.nameEn, verified: c.organization.verified },
      score: c.score,
      reasons: c.reasons.map((r) => ({ code: r.code, weight: r.weight, detail: r.detail ?? null, text: describeReason(t, labels, locale, r) })),
      match: c.match ? { id: c.match.id, stage: c.match.stage, url: `/matches/${c.match.id}` } : null,
      responded: c.responded,
    })),
    tookMs: Math.round(performance.now() - started),
  };
});

export const action = apiAction;
