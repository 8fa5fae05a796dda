/**
 * The /developers page's loader: it lists every endpoint of the API (the
 * same specs as the document), with each parameter described in both
 * languages (the keys are built from parameter names, so the i18n-keys test
 * cannot see them: checked here), example requests on this server, and the
 * request budget from the environment.
 */
import { describe, expect, it } from "vitest";

import { apiEndpoints } from "../../../app/api/endpoints.server";
import { resources } from "../../../app/locales";
import { loader } from "../../../app/routes/developers";

type Tree = Record<string, unknown>;
const lookup = (tree: Tree, dotted: string) => dotted.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Tree)[key] : undefined), tree);

async function load(headers: Record<string, string> = {}, search = "") {
  const res = (await loader({ request: new Request(`http://putuo.test/developers${search}`, { headers }), params: {}, context: {} })) as Response;
  expect(res.status).toBe(200);
  return res.json();
}

describe("the developers page", () => {
  it("lists every endpoint, in both languages, parameters included", async () => {
    const data = await load();
    expect(data.endpoints.map((e: { path: string }) => e.path)).toEqual(apiEndpoints().map((s) => s.path));
    for (const locale of ["zh-CN", "en"] as const) {
      const ns = resources[locale].developers as unknown as Tree;
      for (const e of data.endpoints as { id: string; params: { meaning: string; name: string }[] }[]) {
        expect(lookup(ns, `endpoints.${e.id}.title`), `${locale} ${e.id}`).toEqual(expect.any(String));
        expect(lookup(ns, `endpoints.${e.id}.description`), `${locale} ${e.id}`).toEqual(expect.any(String));
        for (const p of e.params) expect(lookup(ns, `params.${p.meaning}`), `${locale} ${e.id} ${p.name}`).toEqual(expect.any(String));
      }
    }
    const demands = data.endpoints.find((e: { id: string }) => e.id === "listDemands");
    expect(demands.params.find((p: { name: string }) => p.name === "perPage")).toMatchObject({ values: { kind: "integer", min: 1, max: 100 }, default: "20" });
    expect(demands.params.find((p: { name: string }) => p.name === "domain").values).toEqual({ kind: "enum", values: ["economy", "life", "governance"] });
    expect(demands.params.find((p: { name: string }) => p.name === "campaign").values).toEqual({ kind: "slug", example: "2021-scenario-call" });
    const list = data.endpoints.find((e: { id: string }) => e.id === "getPublishedList");
    expect(list.params.find((p: { name: string }) => p.name === "type").meaning).toBe("listType");
    expect(JSON.parse(demands.exampleAnswer).data[0].api).toMatch(/^\/api\/v1\/demands\/\d+$/);
    expect(data.origin).toBe("http://putuo.test");
    expect(data.limits.limit).toBeGreaterThan(0);
  });

  it("is titled in the reader's language", async () => {
    expect((await load()).meta.title).toBe(resources["zh-CN"].developers.metaTitle);
    expect((await load()).meta.description).toBe(resources["zh-CN"].developers.metaDescription);
    expect((await load({ Cookie: "" }, "?lang=en")).meta.title).toBe("Developer API");
  });
});
