/**
 * GET /api/v1/demands/:id/matches — a demand's candidate applications with
 * score and reasons, as JSON (documented in docs/api.md). For the demand's
 * side: officials, and the community workers of the demand's subdistrict,
 * signed in with their session cookie. Errors are JSON too: 401 without a
 * session, 403 for anyone else, 404 for a demand that does not exist or may
 * not be seen, 400 naming each bad parameter.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

import { getCurrentUser } from "~/auth/current-user.server";
import { matchCandidates, reasonLabels } from "~/matching/candidates.server";
import { describeReason } from "~/matching/reason-text";
import { proposerScope, serves } from "~/matching/scope.server";
import { DEFAULT_LIMIT, MAX_LIMIT, WEIGHTS } from "~/matching/weights";
import { searchEngine } from "~/search/search.server";
import { db } from "~/utils/db.server";
import { fixedT } from "~/utils/i18n.server";
import { getPreferences } from "~/utils/preferences.server";
import { viewerOf } from "~/visibility/visibility.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

const ParamsSchema = z.object({
  limit: z.coerce.number({ error: `limit: a whole number from 1 to ${MAX_LIMIT}` }).int(`limit: a whole number from 1 to ${MAX_LIMIT}`).min(1, `limit: a whole number from 1 to ${MAX_LIMIT}`).max(MAX_LIMIT, `limit: a whole number from 1 to ${MAX_LIMIT}`).default(DEFAULT_LIMIT),
  lang: z.enum(["zh-CN", "en"], { error: "lang: zh-CN or en" }).optional(),
});

const problem = (status: number, error: string, extra: Record<string, unknown> = {}) => json({ error, ...extra }, { status, headers: NO_STORE });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const started = performance.now();
  const raw = params.id ?? "";
  if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) return problem(404, "not_found");
  const url = new URL(request.url);
  const parsed = ParamsSchema.safeParse({
    limit: url.searchParams.get("limit") || undefined,
    lang: url.searchParams.get("lang") || undefined,
  });
  if (!parsed.success) {
    return problem(400, "invalid_parameters", { fields: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) });
  }
  const user = await getCurrentUser(request);
  if (!user) return problem(401, "unauthenticated");
  const viewer = viewerOf(user);
  const [database, engine, prefs] = await Promise.all([db(), searchEngine(), getPreferences(request)]);
  const result = await matchCandidates(database, viewer, Number(raw), { engine, limit: parsed.data.limit });
  if (!result) return problem(404, "not_found");
  const scope = await proposerScope(database, viewer);
  if (!serves(scope, result.demand.subdistrict.id)) return problem(403, "forbidden");
  const locale = parsed.data.lang ?? prefs.locale;
  const t = fixedT(locale);
  const labels = await reasonLabels(database);
  const { demand } = result;
  return json(
    {
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
    },
    { headers: NO_STORE },
  );
}
