/** GET /api/v1/applications — a page of the applications the caller may see (spec: app/api/endpoints.server.ts). */
import { applicationPage } from "~/api/applications.server";
import { APPLICATIONS } from "~/api/endpoints.server";
import { pageOf } from "~/api/params.server";
import { apiAction, apiLoader } from "~/api/respond.server";

export const loader = apiLoader(APPLICATIONS, async ({ query, viewer, db }) => {
  const { page, perPage, ...filters } = query;
  const { total, rows } = await applicationPage(db, viewer, filters, { page, perPage });
  return pageOf({ page, perPage }, total, rows);
});

export const action = apiAction;
