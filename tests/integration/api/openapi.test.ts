/**
 * The OpenAPI document: a valid OpenAPI 3.1 document (checked by
 * @readme/openapi-parser) that lists every api.v1.* route file of app/routes
 * — so an endpoint added without its description fails here — with its
 * parameters, the 4xx and 429 answers, the rate-limit and Link headers, and
 * examples that fit the schemas the answers are sent through. Served at
 * /api/v1/openapi.json with the server address from PUBLIC_URL.
 */
import fs from "node:fs";
import path from "node:path";

import { validate, compileErrors } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { apiEndpoints } from "../../../app/api/endpoints.server";
import { buildOpenApiDocument } from "../../../app/api/openapi.server";
import * as openapiRoute from "../../../app/routes/api.v1.openapi[.]json";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { get } from "./setup";

const routesDir = path.resolve(__dirname, "../../../app/routes");

/** `api.v1.demands.$id._index.ts` → `/api/v1/demands/{id}`; the catch-all `api.v1.$.ts` is not an endpoint. */
function apiPathsFromRouteFiles(): string[] {
  return fs
    .readdirSync(routesDir)
    .filter((f) => /^api\.v1\..+\.tsx?$/.test(f) && f !== "api.v1.$.ts")
    .map((f) => {
      const segments = f
        .replace(/\.tsx?$/, "")
        .replace(/\[\.\]/g, "[dot]")
        .split(".")
        .map((s) => s.replaceAll("[dot]", "."))
        .filter((s) => s !== "_index")
        .map((s) => (s.startsWith("$") ? `{${s.slice(1)}}` : s));
      return `/${segments.join("/")}`;
    })
    .sort();
}

type Doc = {
  openapi: string;
  info: { title: string; description: string; version: string };
  servers: { url: string }[];
  paths: Record<string, { get: { parameters?: { name: string; in: string }[]; responses: Record<string, { $ref?: string; headers?: Record<string, unknown> }> } }>;
  components: { responses: Record<string, { headers: Record<string, unknown> }>; headers: Record<string, unknown> };
};

const doc = () => buildOpenApiDocument({ publicUrl: "https://lab.example.org", rateLimit: 120, windowSeconds: 60 }) as unknown as Doc;

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await validate(structuredClone(doc()) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(doc().openapi).toBe("3.1.0");
  });

  it("describes every api.v1 route file, and nothing that is not one", () => {
    const fromFiles = apiPathsFromRouteFiles();
    expect(fromFiles.length).toBeGreaterThanOrEqual(13);
    expect(fromFiles).toContain("/api/v1/openapi.json");
    expect(Object.keys(doc().paths).sort()).toEqual(fromFiles);
  });

  it("gives each endpoint its parameters, answers and headers", () => {
    const d = doc();
    for (const spec of apiEndpoints()) {
      const op = d.paths[spec.path].get;
      const names = (op.parameters ?? []).map((p) => `${p.in}:${p.name}`);
      for (const key of Object.keys(spec.query.shape)) expect(names, spec.path).toContain(`query:${key}`);
      for (const key of Object.keys(spec.params.shape)) expect(names, spec.path).toContain(`path:${key}`);
      const codes = Object.keys(op.responses);
      expect(codes, spec.path).toEqual(expect.arrayContaining(["200", "429"]));
      if (Object.keys(spec.query.shape).length) expect(codes, spec.path).toContain("400");
      if (spec.notFound) expect(codes, spec.path).toContain("404");
      if (spec.session === "required") expect(codes, spec.path).toEqual(expect.arrayContaining(["401", "403"]));
      const okHeaders = Object.keys(op.responses["200"].headers ?? {});
      expect(okHeaders, spec.path).toEqual(expect.arrayContaining(["RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]));
      if (spec.paged) expect(okHeaders, spec.path).toContain("Link");
    }
    expect(Object.keys(d.components.responses.TooManyRequests.headers)).toEqual(expect.arrayContaining(["Retry-After", "RateLimit-Reset"]));
    expect(d.servers).toEqual([{ url: "https://lab.example.org", description: "Putuo Lab" }]);
    expect(d.info.description).toMatch(/120 requests per 60 s/);
    expect(d.info.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it("has examples that fit the schemas the answers are sent through", () => {
    for (const spec of apiEndpoints()) {
      const parsed = spec.response.safeParse(spec.example.answer);
      expect(parsed.success, `${spec.path}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
      expect(spec.example.request.startsWith(spec.path.replace(/\{[^}]+\}.*$/, "")), spec.path).toBe(true);
    }
  });
});

describe.each(DB_KINDS)("GET /api/v1/openapi.json on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
  }, 300_000);
  afterAll(async () => {
    await closeDatabase();
    await t.drop();
  });

  it("serves the document, cacheable and open to any origin", async () => {
    const res = await get(openapiRoute.loader, "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=3600");
    const body = await res.json();
    expect(body.info.title).toBe("Putuo Lab API");
    expect(body.servers[0].url).toBe(process.env.PUBLIC_URL?.replace(/\/+$/, "") ?? "http://localhost:3000");
    expect(Object.keys(body.paths).sort()).toEqual(apiPathsFromRouteFiles());
  });
});
