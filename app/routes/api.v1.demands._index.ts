/** GET /api/v1/demands — a page of the demands the caller may see (spec: app/api/endpoints.server.ts). */
import { demandPage } from "~/api/demands.server";
import { DEMANDS } from "~/api/endpoints.server";
import { pageOf } from "~/api/params.server";
import { apiAction, apiLoader } from "~/api/respond.server";

export const loader = apiLoader(DEMANDS, async ({ query, viewer, db }) => {
  const { page, perPage, ...filters } = query;
  const { total, rows } = await demandPage(db, viewer, filters, { page, perPage });
  return pageOf({ page, perPage }, total, rows);
});

export const action = apiAction;
