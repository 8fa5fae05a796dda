/** Any other path under /api/v1: a JSON 404 naming the document, never the HTML page. */
import { apiAction, unknownEndpoint } from "~/api/respond.server";

export const loader = unknownEndpoint;
export const action = apiAction;
