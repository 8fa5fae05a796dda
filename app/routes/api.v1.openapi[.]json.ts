/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of the API (app/api/openapi.server.ts). */
import { OPENAPI } from "~/api/endpoints.server";
import { openApiDocument } from "~/api/openapi.server";
import { apiAction, apiLoader } from "~/api/respond.server";

export const loader = apiLoader(OPENAPI, async () => openApiDocument() as never);

export const action = apiAction;
