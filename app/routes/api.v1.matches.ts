/** GET /api/v1/matches — a page of the matches the caller may see (spec: app/api/endpoints.server.ts). */
import { MATCHES } from "~/api/endpoints.server";
import { matchPage } from "~/api/matches.server";
import { pageOf } from "~/api/params.server";
import { apiAction, apiLoader } from "~/api/respond.server";

export const loader = apiLoader(MATCHES, async ({ query, viewer, db }) => {
  const { page, perPage, ...filters } = query;
  const { total, rows } = await matchPage(db, viewer, filters, { page, perPage });
  return pageOf({ page, perPage }, total, rows);
});

export const action = apiAction;
