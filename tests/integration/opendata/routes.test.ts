/**
 * The download routes, called with plain Requests as the server would:
 * content types, attachment names (ASCII and RFC 5987), caching headers, the
 * ETag answered with 304, a changed dataset answered anew, plain 404s for
 * unknown datasets, formats and lists (and 400 for a bad `lang`), the
 * request budget spent (more for a full dataset) with its headers and a 429
 * when it runs out — and the /data page's loader.
 */
import { eq } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createSession, serializeSessionCookie } from "../../../app/auth/session.server";
import * as dataFile from "../../../app/routes/data.$file";
import * as dataPage from "../../../app/routes/data._index";
import * as listFile from "../../../app/routes/data.lists.$file";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { resetEnvCache } from "../../../app/utils/env.server";
import { demands } from "../../../db/schema";
import { buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { buildWorld, type World } from "./world";

const BASE = "http://putuo.test";
let address = 0;
/** A client address of its own, so each test spends its own budget. */
const newClient = () => `198.51.100.${++address}`;

function get(path: string, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, { headers: { "X-Forwarded-For": newClient(), ...headers } });
}

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
async function call(loader: Loader, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return (await loader({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const file = (name: string, request: Request = get(`/data/${name}`)) => call(dataFile.loader, request, { file: name });
const list = (name: string, request: Request = get(`/data/lists/${name}`)) => call(listFile.loader, request, { file: name });

describe.each(DB_KINDS)("open-data routes on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
    w = await buildWorld(t.db);
  }, 120_000);
  afterAll(async () => {
    await closeDatabase();
    await t.drop();
  });
  afterEach(() => {
    delete process.env.API_RATE_LIMIT;
    resetEnvCache();
  });

  it("serves each dataset in each format with its content type, file names and caching headers", async () => {
    const expected = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", json: "application/json; charset=utf-8" };
    for (const name of ["demands", "applications", "organizations", "matches"]) {
      for (const format of ["csv", "xlsx", "json"] as const) {
        const res = await file(`${name}.${format}`);
        expect(res.status, `${name}.${format}`).toBe(200);
        expect(res.headers.get("Content-Type")).toBe(expected[format]);
        const disposition = res.headers.get("Content-Disposition")!;
        expect(disposition).toMatch(new RegExp(`^attachment; filename="putuo-lab-${name}\\.${format}"; filename\\*=UTF-8''[A-Za-z0-9%._~!-]+\\.${format}$`));
        expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
        expect(res.headers.get("ETag")).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
        expect(new Date(res.headers.get("Last-Modified")!).getTime()).not.toBeNaN();
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
    }
    const zh = await file("demands.csv");
    expect(decodeURIComponent(zh.headers.get("Content-Disposition")!.split("UTF-8''")[1])).toBe("普陀Lab-场景需求.csv");
    const en = await file("demands.csv", get("/data/demands.csv?lang=en"));
    expect(decodeURIComponent(en.headers.get("Content-Disposition")!.split("UTF-8''")[1])).toBe("Putuo Lab - Demands.csv");
    expect((await en.text()).split("\r\n")[0]).toMatch(/^\uFEFF?ID,Title,Language,/);
  });

  it("serves a published list by its call's slug, applications then demands", async () => {
    const res = await list(`${w.published.slug}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain(`filename="putuo-lab-list-${w.published.slug}.csv"`);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^application,1,${w.apps.selected.id},`));
    expect(lines[2]).toMatch(new RegExp(`^demand,1,${w.demands.selected.id},`));
    const json = await (await list(`${w.published.slug}.json`)).json();
    expect(json.dataset).toBe(`lists/${w.published.slug}`);
    expect(json.rows).toHaveLength(2);
  });

  it("answers 304 to a matching If-None-Match, and the file again once the data changed", async () => {
    const first = await file("demands.json");
    const etag = first.headers.get("ETag")!;
    expect((await first.json()).rows.map((r: { id: number }) => r.id)).toContain(w.demands.notShortlisted.id);

    const again = await file("demands.json", get("/data/demands.json", { "If-None-Match": etag }));
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(await again.text()).toBe("");
    expect((await file("demands.json", get("/data/demands.json", { "If-None-Match": `"other", ${etag.slice(2)}` }))).status).toBe(304);
    // Another format or header language is another file.
    expect((await file("demands.csv", get("/data/demands.csv", { "If-None-Match": etag }))).status).toBe(200);
    expect((await file("demands.json", get("/data/demands.json?lang=en", { "If-None-Match": etag }))).status).toBe(200);

    const workbookBefore = await readXlsxFile(Buffer.from(await (await file("demands.xlsx")).arrayBuffer()));
    expect(workbookBefore[0].data.map((r) => r[0])).toContain(w.demands.notShortlisted.id);
    await t.db.update(demands).set({ status: "withdrawn" }).where(eq(demands.id, w.demands.notShortlisted.id));
    try {
      const changed = await file("demands.json", get("/data/demands.json", { "If-None-Match": etag }));
      expect(changed.status).toBe(200);
      expect(changed.headers.get("ETag")).not.toBe(etag);
      expect((await changed.json()).rows.map((r: { id: number }) => r.id)).not.toContain(w.demands.notShortlisted.id);
      // A workbook kept from before is not served for the new state.
      const workbookAfter = await readXlsxFile(Buffer.from(await (await file("demands.xlsx")).arrayBuffer()));
      expect(workbookAfter[0].data.map((r) => r[0])).not.toContain(w.demands.notShortlisted.id);
    } finally {
      await t.db.update(demands).set({ status: "not_shortlisted" }).where(eq(demands.id, w.demands.notShortlisted.id));
    }
  });

  it("a support changes the demands' ETag though it is not an edit", async () => {
    const etag = (await file("demands.csv")).headers.get("ETag")!;
    await t.db.update(demands).set({ supportCount: 8, updatedAt: w.demands.submitted.updatedAt }).where(eq(demands.id, w.demands.submitted.id));
    try {
      expect((await file("demands.csv", get("/data/demands.csv", { "If-None-Match": etag }))).status).toBe(200);
    } finally {
      await t.db.update(demands).set({ supportCount: 7, updatedAt: w.demands.submitted.updatedAt }).where(eq(demands.id, w.demands.submitted.id));
    }
  });

  it("answers a plain 404 for an unknown dataset, format or list, and 400 for a bad lang", async () => {
    for (const name of ["people.csv", "users.json", "demands.pdf", "demands", "demands.", ".csv", "demands.csv.exe", "Demands.CSV", "../demands.csv", "lists.csv"]) {
      const res = await file(name);
      expect(res.status, name).toBe(404);
      expect(res.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
      expect(res.headers.get("RateLimit-Remaining"), `${name} spends nothing`).toBeNull();
    }
    for (const name of ["no-such-call.csv", `${w.open.slug}.csv`, `${w.published.slug}.docx`, `${w.published.slug}`]) {
      expect((await list(name)).status, name).toBe(404);
    }
    const bad = await file("demands.csv", get("/data/demands.csv?lang=fr"));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("lang");
  });

  it("spends the request budget — more for a full dataset — and answers 429 when it runs out", async () => {
    process.env.API_RATE_LIMIT = "12";
    resetEnvCache();
    const client = { "X-Forwarded-For": "203.0.113.77" };
    const full = await file("applications.csv", get("/data/applications.csv", client));
    expect(full.status).toBe(200);
    expect(full.headers.get("RateLimit-Limit")).toBe("12");
    expect(full.headers.get("RateLimit-Remaining")).toBe("7");
    const small = await list(`${w.published.slug}.json`, get(`/data/lists/${w.published.slug}.json`, client));
    expect(small.headers.get("RateLimit-Remaining")).toBe("6");
    const revalidated = await file("applications.csv", get("/data/applications.csv", { ...client, "If-None-Match": full.headers.get("ETag")! }));
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("RateLimit-Remaining")).toBe("5");
    expect((await file("matches.csv", get("/data/matches.csv", client))).headers.get("RateLimit-Remaining")).toBe("0");
    const refused = await file("organizations.csv", get("/data/organizations.csv", client));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toBe("rate_limited");
    // Another client still has its budget.
    expect((await file("organizations.csv", get("/data/organizations.csv", { "X-Forwarded-For": "203.0.113.78" }))).status).toBe(200);
  });

  it("a signed-in caller spends the account's budget and gets the same file as the public", async () => {
    const user = await buildUser(t.db, { roles: ["official"] });
    const { token, expiresAt } = await createSession(t.db, user.id);
    const cookie = (await serializeSessionCookie(token, expiresAt)).split(";")[0];
    const signedIn = await file("applications.json", get("/data/applications.json", { Cookie: cookie }));
    const anonymous = await file("applications.json");
    expect(signedIn.headers.get("ETag")).toBe(anonymous.headers.get("ETag"));
    const rows = (body: { rows: { id: number }[] }) => body.rows.map((r) => r.id);
    // An official may see private applications on the site; the open data stays public only.
    expect(rows(await signedIn.json())).toEqual(rows(await anonymous.json()));
    expect(signedIn.headers.get("RateLimit-Remaining")).toBe(String(120 - 5));
  });

  it("HEAD answers the headers without generating the file", async () => {
    const res = await file("demands.xlsx", new Request(`${BASE}/data/demands.xlsx`, { method: "HEAD", headers: { "X-Forwarded-For": newClient() } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(res.body).toBeNull();
  });

  it("the /data page lists every dataset with its rows, last change and download links", async () => {
    const res = await call(dataPage.loader, get("/data"));
    const data = await res.json();
    expect(data.meta.title).toBe("开放数据 · 普陀数字化转型实验室");
    expect(data.datasets.map((d: { id: string }) => d.id)).toEqual(["demands", "applications", "organizations", "matches"]);
    expect(data.datasets.map((d: { rows: number }) => d.rows)).toEqual([5, 2, 3, 3]);
    expect(data.datasets[0].downloads.map((d: { href: string }) => d.href)).toEqual(["/data/demands.csv", "/data/demands.xlsx", "/data/demands.json"]);
    expect(data.lists).toHaveLength(1);
    expect(data.lists[0]).toMatchObject({ id: `lists/${w.published.slug}`, rows: 2, title: "2021 测试征集入选名单" });
    expect(data.lists[0].downloads[0].href).toBe(`/data/lists/${w.published.slug}.csv`);
    expect(data.datasets[0].lastChanged).toMatch(/^\d{4}-/);
    const en = await (await call(dataPage.loader, get("/data?lang=en"))).json();
    expect(en.datasets.map((d: { title: string }) => d.title)).toEqual(["Demands", "Applications", "Organisations", "Matches"]);
    expect(en.datasets[0].downloads[0].localizedHref).toBe("/data/demands.csv?lang=en");
    expect(en.datasets[0].columns.find((c: { key: string }) => c.key === "domain").values.map((v: { label: string }) => v.label)).toEqual(["Digital economy", "Digital life", "Digital governance"]);
  });
});
