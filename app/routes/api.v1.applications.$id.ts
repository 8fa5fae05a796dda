/** GET /api/v1/applications/:id — one application, or 404 when it does not exist or may not be seen. */
import { applicationById } from "~/api/applications.server";
import { APPLICATION } from "~/api/endpoints.server";
import { apiAction, apiLoader, notFound } from "~/api/respond.server";

export const loader = apiLoader(APPLICATION, async ({ params, viewer, db }) => {
  const application = await applicationById(db, viewer, params.id);
  if (!application) throw notFound("Application");
  return application;
});

export const action = apiAction;
