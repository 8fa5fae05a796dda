/** GET /api/v1/stats — the programme in numbers (app/stats/stats.server.ts), whole or for one campaign. */
import { STATS } from "~/api/endpoints.server";
import { apiAction, apiLoader, notFound } from "~/api/respond.server";
import { programmeStats } from "~/stats/stats.server";

export const loader = apiLoader(STATS, async ({ query, db }) => {
  const stats = await programmeStats(db, { campaignSlug: query.campaign });
  if (!stats) throw notFound("Campaign");
  return stats;
});

export const action = apiAction;
