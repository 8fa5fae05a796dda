/**
 * How every JSON API route answers. `apiLoader(spec, handler)` makes a route's
 * loader that, in order: answers a CORS preflight; spends one request of the
 * caller's budget (429 when spent); reads the path parameters (malformed →
 * 404) and the query (bad → 400 naming each parameter); asks for a session
 * when the endpoint needs one (401); runs the handler; and sends its answer
 * through the endpoint's response schema, so what is sent is what the
 * OpenAPI document says.
 *
 * Headers: the RateLimit-* headers on every answer; anonymous answers are
 * `Cache-Control: public, max-age=…` and readable from any origin
 * (`Access-Control-Allow-Origin: *`); answers for a signed-in session are
 * `private, no-store` and not shared across origins; errors are `no-store`.
 * Errors are JSON problems `{ error, message, fields? }`, never HTML. An
 * unexpected failure is logged and answered as a JSON 500.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";

import type { Database } from "../../db/client";
import { getCurrentUser, type CurrentUser } from "~/auth/current-user.server";
import { db as appDb } from "~/utils/db.server";
import { viewerOf, type Viewer } from "~/visibility/visibility.server";

import type { EndpointSpec } from "./endpoints.server";
import { linkHeader, parseQuery } from "./params.server";
import { limitApiRequest } from "./rate-limit.server";
import type { Problem, ProblemCode } from "./schemas.server";

export const EXPOSED_HEADERS = "Link, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";
const ALLOWED_METHODS = "GET, HEAD, OPTIONS";

/** Thrown by handlers (and the helpers they call) to answer with a problem. */
export class ApiProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly code: ProblemCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

export const notFound = (what: string) => new ApiProblem(404, "not_found", `${what} not found (or not visible to you).`);

function corsHeaders(anonymous: boolean): Record<string, string> {
  return anonymous ? { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": EXPOSED_HEADERS } : {};
}

export function problemResponse(status: number, body: Problem, headers: Record<string, string> = {}): Response {
  return json(body, { status, headers: { "Cache-Control": "no-store", Vary: "Cookie", ...headers } });
}

export type HandlerContext<Q, P> = {
  request: Request;
  url: URL;
  query: Q;
  params: P;
  user: CurrentUser | null;
  viewer: Viewer;
  db: Database;
};

type Spec<Q extends z.ZodObject, P extends z.ZodObject, R extends z.ZodType> = EndpointSpec<Q, P, R>;

export function apiLoader<Q extends z.ZodObject, P extends z.ZodObject, R extends z.ZodType>(
  spec: Spec<Q, P, R>,
  handler: (ctx: HandlerContext<z.output<Q>, z.output<P>>) => Promise<z.input<R>>,
) {
  return async function loader({ request, params }: LoaderFunctionArgs): Promise<Response> {
    if (request.method === "OPTIONS") return preflight();
    let anonymous = true;
    let limitHeaders: Record<string, string> = {};
    try {
      const gate = await limitApiRequest(request);
      if (!gate.allowed) {
        const headers = new Headers(gate.response.headers);
        for (const [k, v] of Object.entries({ ...corsHeaders(true), Vary: "Cookie" })) headers.set(k, v);
        return new Response(gate.response.body, { status: 429, headers });
      }
      limitHeaders = gate.headers;
      const url = new URL(request.url);
      const user = await getCurrentUser(request);
      anonymous = !user;

      const pathParams = spec.params.safeParse(params);
      if (!pathParams.success) throw notFound(spec.resource);
      const query = parseQuery(spec.query, url.searchParams);
      if (!query.ok) {
        const names = Object.keys(query.fields).join(", ");
        throw new ApiProblem(400, "invalid_parameters", `Invalid parameter${Object.keys(query.fields).length > 1 ? "s" : ""}: ${names}.`, query.fields);
      }
      if (spec.session === "required" && !user) {
        throw new ApiProblem(401, "unauthenticated", "Sign in first: this endpoint reads the session cookie of a signed-in account.");
      }

      const answer = await handler({
        request,
        url,
        query: query.data,
        params: pathParams.data,
        user,
        viewer: viewerOf(user),
        db: await appDb(),
      });
      const checked = spec.response.safeParse(answer);
      if (!checked.success) {
        console.error(`API answer of ${spec.operationId} does not fit its schema:`, checked.error.issues.slice(0, 5));
        return problemResponse(500, { error: "internal_error", message: "Something went wrong on our side." }, { ...limitHeaders, ...corsHeaders(anonymous) });
      }
      const body = checked.data as Record<string, unknown>;
      const headers: Record<string, string> = {
        ...limitHeaders,
        ...corsHeaders(anonymous),
        "Cache-Control": anonymous && spec.session !== "required" ? `public, max-age=${spec.maxAge}` : "private, no-store",
        Vary: "Cookie",
      };
      if (spec.paged && typeof body.page === "number" && typeof body.totalPages === "number") {
        headers.Link = linkHeader(url, body.page, body.totalPages);
      }
      return json(body, { headers });
    } catch (thrown) {
      if (thrown instanceof ApiProblem) {
        return problemResponse(
          thrown.status,
          { error: thrown.code, message: thrown.message, ...(thrown.fields ? { fields: thrown.fields } : {}) },
          { ...limitHeaders, ...corsHeaders(anonymous) },
        );
      }
      console.error(`API ${spec.operationId} failed:`, thrown);
      return problemResponse(500, { error: "internal_error", message: "Something went wrong on our side." }, { ...limitHeaders, ...corsHeaders(anonymous) });
    }
  };
}

/** A CORS preflight: any origin may GET anonymously. */
function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": ALLOWED_METHODS,
      "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type",
      "Access-Control-Max-Age": "86400",
      Allow: ALLOWED_METHODS,
    },
  });
}

/** The `action` of every API route: the API is read-only. */
export async function apiAction({ request }: { request: Request }): Promise<Response> {
  return problemResponse(
    405,
    { error: "method_not_allowed", message: `${request.method} is not allowed here: the API is read-only (GET).` },
    { Allow: ALLOWED_METHODS, ...corsHeaders(true) },
  );
}

/** Any other path under /api/v1: a JSON 404, not the HTML page. */
export async function unknownEndpoint({ request }: { request: Request }): Promise<Response> {
  if (request.method === "OPTIONS") return preflight();
  const path = new URL(request.url).pathname;
  return problemResponse(
    404,
    { error: "not_found", message: `No endpoint at ${path}. The endpoints are listed in /api/v1/openapi.json.` },
    corsHeaders(true),
  );
}
