/**
 * The OpenAPI 3.1 document of the JSON API, generated with zod-openapi from
 * the endpoint specs (endpoints.server.ts) — the same zod schemas the routes
 * parse their input with and send their answers through. Built once per
 * process: its server address and the request budget come from the
 * environment (PUBLIC_URL, API_RATE_LIMIT, API_RATE_WINDOW_SECONDS).
 */
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";

import { env } from "~/utils/env.server";

import { apiEndpoints, type ApiTag, type EndpointSpec } from "./endpoints.server";
import { problem } from "./schemas.server";

export const API_VERSION = "1.0.0";

const int = (description: string, id: string) => z.string().regex(/^\d+$/).meta({ description, header: { id } });

const rateLimitHeaders = {
  "RateLimit-Limit": int("Requests allowed per window for this client (a signed-in account, else the address).", "RateLimit-Limit"),
  "RateLimit-Remaining": int("Requests left in the current window.", "RateLimit-Remaining"),
  "RateLimit-Reset": int("Seconds until the window starts again.", "RateLimit-Reset"),
};

const linkHeader = z
  .string()
  .meta({
    description:
      'RFC 8288 links to the first, previous, next and last pages, as absolute URLs that keep the request\'s other parameters, e.g. `<https://lab.example.org/api/v1/demands?domain=life&page=2>; rel="next"`. `prev` is absent on page 1 and `next` on the last page.',
    header: { id: "Link" },
  });

const cacheControl = z.string().meta({
  description: "`public, max-age=…` for anonymous answers; `private, no-store` for a signed-in session; `no-store` for errors.",
  header: { id: "Cache-Control" },
});

const problemContent = (example: z.input<typeof problem>) => ({ "application/json": { schema: problem, example } });

const RESPONSES = {
  400: {
    id: "BadRequest",
    description: "A parameter is malformed: `fields` names each bad one. Nothing else happened.",
    headers: z.object(rateLimitHeaders),
    content: problemContent({ error: "invalid_parameters", message: "Invalid parameters: page, perPage.", fields: { page: "page: a whole number, 1 or more", perPage: "perPage: a whole number from 1 to 100" } }),
  },
  401: {
    id: "Unauthenticated",
    description: "No signed-in session: sign in on the site and send its session cookie.",
    headers: z.object(rateLimitHeaders),
    content: problemContent({ error: "unauthenticated", message: "Sign in first: this endpoint reads the session cookie of a signed-in account." }),
  },
  403: {
    id: "Forbidden",
    description: "Signed in, but not allowed to read this.",
    headers: z.object(rateLimitHeaders),
    content: problemContent({ error: "forbidden", message: "Only officials and the community workers of the demand's subdistrict may see its candidates." }),
  },
  404: {
    id: "NotFound",
    description: "No such item, or not one the caller may see (the two are not told apart). Malformed ids and slugs are not found either.",
    headers: z.object(rateLimitHeaders),
    content: problemContent({ error: "not_found", message: "Demand not found (or not visible to you)." }),
  },
  429: {
    id: "TooManyRequests",
    description: "The client's request budget is spent: wait `Retry-After` seconds.",
    headers: z.object({
      ...rateLimitHeaders,
      "Retry-After": int("Seconds to wait before trying again.", "Retry-After"),
    }),
    content: problemContent({ error: "rate_limited", message: "Too many requests: at most 120 per 60 s. Try again in 42 s.", retryAfterSeconds: 42 }),
  },
} satisfies Record<number, ZodOpenApiResponseObject>;

const TAGS: { name: ApiTag; description: string }[] = [
  { name: "search", description: "Full-text search in Chinese and English." },
  { name: "demands", description: "Needs (需求) raised by residents, firms, committees and city managers." },
  { name: "applications", description: "Solutions (应用) proposed by vendors." },
  { name: "organizations", description: "Vendors, subdistrict offices, committees, departments and institutes." },
  { name: "lists", description: "The published lists of selected applications and demands (入选名单)." },
  { name: "matches", description: "Demands matched with vendors' applications, towards pilots and deployments." },
  { name: "stats", description: "Headline numbers and breakdowns of the programme." },
  { name: "documentation", description: "This document." },
];

function operationOf(spec: EndpointSpec): ZodOpenApiOperationObject {
  const hasQuery = Object.keys(spec.query.shape).length > 0;
  const hasPath = Object.keys(spec.params.shape).length > 0;
  const okHeaders = z.object({
    ...rateLimitHeaders,
    "Cache-Control": cacheControl,
    ...(spec.paged ? { Link: linkHeader } : {}),
  });
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    description: spec.description,
    requestParams: {
      ...(hasQuery ? { query: spec.query } : {}),
      ...(hasPath ? { path: spec.params } : {}),
    },
    security: spec.session === "required" ? [{ session: [] }] : [{}, { session: [] }],
    responses: {
      200: {
        description: spec.paged ? "One page of results." : "OK.",
        headers: okHeaders,
        content: { "application/json": { schema: spec.response, example: spec.example.answer } },
      },
      ...(hasQuery ? { 400: RESPONSES[400] } : {}),
      ...(spec.session === "required" ? { 401: RESPONSES[401], 403: RESPONSES[403] } : {}),
      ...(spec.notFound || hasPath ? { 404: RESPONSES[404] } : {}),
      429: RESPONSES[429],
    },
  };
}

const SAFE_INT = Number.MAX_SAFE_INTEGER;

export function buildOpenApiDocument(options: { publicUrl: string; rateLimit: number; windowSeconds: number }) {
  const paths: ZodOpenApiPathsObject = {};
  for (const spec of apiEndpoints()) paths[spec.path] = { get: operationOf(spec) };
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Putuo Lab API",
        version: API_VERSION,
        description: [
          "Read-only JSON API of Putuo Lab, the portal through which Putuo District (Shanghai) gathers smart-city demands and applications, reviews them, publishes the selected lists and matches vendors to the needs of each subdistrict.",
          "",
          "- **Who sees what**: anonymous calls see what the public sees; a call carrying the session cookie of a signed-in account sees what that account may see, under the same rules as the pages. Drafts, withdrawn and rejected items are never public.",
          `- **Request budget**: ${options.rateLimit} requests per ${options.windowSeconds} s for each client (a signed-in account, else the address). Every answer carries \`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\`; a spent budget answers 429 with \`Retry-After\`.`,
          "- **Paging**: `page` (from 1) and `perPage` (1–100, default 20); answers are `{ data, page, perPage, total, totalPages }` with a `Link` header (first, prev, next, last). A page past the end answers an empty `data` list.",
          "- **Errors**: JSON `{ error, message, fields? }` — 400 names each bad parameter, 404 for an unknown or invisible item, 429 when the budget is spent. Unknown parameters are ignored.",
          "- **Caching and CORS**: anonymous answers are `Cache-Control: public` with a short `max-age` and readable from any origin (`Access-Control-Allow-Origin: *`); answers for a session are `private, no-store`.",
          "- **Text**: field names are English; items are written in one language (`lang`), names of places, campaigns, organisations and tags come in Chinese and English. `url` fields are pages, `api` fields API resources, both relative to the server.",
          "",
          "普陀数字化转型实验室的只读 JSON 接口：公开的需求、应用、机构、入选名单、供需对接和统计数据。匿名调用只能看到公开内容（草稿、已撤回和未通过初筛的条目从不公开）；携带已登录账号会话 Cookie 的调用按该账号的权限返回。每个客户端在每个时间窗口内有请求额度，响应头 `RateLimit-*` 显示剩余额度，超出时返回 429 和 `Retry-After`。列表接口按 `page`、`perPage` 分页，并返回 `Link` 响应头。错误以 JSON 返回。",
        ].join("\n"),
        contact: { name: "Putuo Lab", url: `${options.publicUrl}/developers` },
      },
      servers: [{ url: options.publicUrl, description: "Putuo Lab" }],
      tags: TAGS,
      paths,
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: "putuo_session",
            description: "The session cookie of an account signed in on the site. Optional: without it, answers hold public data only.",
          },
        },
      },
    },
    {
      // Zod renders every integer with ±2^53 bounds and every date-time with its full regular
      // expression; neither says anything to a reader, so they are left out.
      override: ({ jsonSchema }) => {
        const schema = jsonSchema as Record<string, unknown>;
        if (schema.maximum === SAFE_INT) delete schema.maximum;
        if (schema.minimum === -SAFE_INT) delete schema.minimum;
        if ((schema.format === "date-time" || schema.format === "date") && typeof schema.pattern === "string") delete schema.pattern;
      },
    },
  );
}

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document for this process's configuration. */
export function openApiDocument() {
  if (!cached) {
    const e = env();
    cached = buildOpenApiDocument({ publicUrl: e.PUBLIC_URL, rateLimit: e.API_RATE_LIMIT, windowSeconds: e.API_RATE_WINDOW_SECONDS });
  }
  return cached;
}
