/** GET /api/v1/lists — the campaigns that have published their lists (spec: app/api/endpoints.server.ts). */
import { LISTS } from "~/api/endpoints.server";
import { listPage } from "~/api/lists.server";
import { pageOf } from "~/api/params.server";
import { apiAction, apiLoader } from "~/api/respond.server";

export const loader = apiLoader(LISTS, async ({ query, db }) => {
  const { total, rows } = await listPage(db, query);
  return pageOf(query, total, rows);
});

export const action = apiAction;
