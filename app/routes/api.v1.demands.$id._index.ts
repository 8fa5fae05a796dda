/** GET /api/v1/demands/:id — one demand, or 404 when it does not exist or may not be seen. */
import { demandById } from "~/api/demands.server";
import { DEMAND } from "~/api/endpoints.server";
import { apiAction, apiLoader, notFound } from "~/api/respond.server";

export const loader = apiLoader(DEMAND, async ({ params, viewer, db }) => {
  const demand = await demandById(db, viewer, params.id);
  if (!demand) throw notFound("Demand");
  return demand;
});

export const action = apiAction;
