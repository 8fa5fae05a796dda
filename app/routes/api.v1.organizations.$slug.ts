/** GET /api/v1/organizations/:slug — one organisation's profile, or 404. */
import { ORGANIZATION } from "~/api/endpoints.server";
import { organizationBySlug } from "~/api/organizations.server";
import { apiAction, apiLoader, notFound } from "~/api/respond.server";

export const loader = apiLoader(ORGANIZATION, async ({ params, viewer, db }) => {
  const organization = await organizationBySlug(db, viewer, params.slug);
  if (!organization) throw notFound("Organisation");
  return organization;
});

export const action = apiAction;
