/** GET /api/v1/organizations — a page of the organisation directory (spec: app/api/endpoints.server.ts). */
import { ORGANIZATIONS } from "~/api/endpoints.server";
import { organizationPage } from "~/api/organizations.server";
import { pageOf } from "~/api/params.server";
import { apiAction, apiLoader } from "~/api/respond.server";

export const loader = apiLoader(ORGANIZATIONS, async ({ query, db }) => {
  const { page, perPage, ...filters } = query;
  const { total, rows } = await organizationPage(db, filters, { page, perPage });
  return pageOf({ page, perPage }, total, rows);
});

export const action = apiAction;
