/**
 * The JSON API's endpoints, called through their route loaders with plain
 * Requests: every answer fits its schema; anonymous callers never see drafts,
 * withdrawn or rejected items, private applications or unconfirmed matches,
 * while a session sees what its account may; unknown and malformed ids and
 * slugs are JSON 404s; bad parameters are 400s naming them; the headers
 * (cache, CORS, rate limit) depend on whether a session is used.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as endpoints from "../../../app/api/endpoints.server";
import * as applicationRoute from "../../../app/routes/api.v1.applications.$id";
import * as applicationsRoute from "../../../app/routes/api.v1.applications._index";
import * as demandRoute from "../../../app/routes/api.v1.demands.$id._index";
import * as candidatesRoute from "../../../app/routes/api.v1.demands.$id.matches";
import * as demandsRoute from "../../../app/routes/api.v1.demands._index";
import * as listRoute from "../../../app/routes/api.v1.lists.$slug";
import * as listsRoute from "../../../app/routes/api.v1.lists._index";
import * as matchesRoute from "../../../app/routes/api.v1.matches";
import * as organizationRoute from "../../../app/routes/api.v1.organizations.$slug";
import * as organizationsRoute from "../../../app/routes/api.v1.organizations._index";
import * as searchRoute from "../../../app/routes/api.v1.search";
import * as statsRoute from "../../../app/routes/api.v1.stats";
import * as unknownRoute from "../../../app/routes/api.v1.$";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { resetEnvCache } from "../../../app/utils/env.server";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { buildWorld, cookieFor, get, PUBLIC_MATCH_STAGES, type World } from "./setup";

const ids = (body: { data: { id: number }[] }) => body.data.map((d) => d.id);

describe.each(DB_KINDS)("JSON API endpoints on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  let cookies: Record<"official" | "worker" | "resident" | "vendor", string>;

  beforeAll(async () => {
    process.env.API_RATE_LIMIT = "100000";
    resetEnvCache();
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
    (globalThis as { __putuoSearch?: unknown }).__putuoSearch = undefined;
    w = await buildWorld(t.db);
    cookies = {
      official: await cookieFor(t.db, w.official.id),
      worker: await cookieFor(t.db, w.worker.id),
      resident: await cookieFor(t.db, w.resident.id),
      vendor: await cookieFor(t.db, w.vendorMember.id),
    };
  }, 300_000);
  afterAll(async () => {
    (globalThis as { __putuoSearch?: unknown }).__putuoSearch = undefined;
    await closeDatabase();
    await t.drop();
    delete process.env.API_RATE_LIMIT;
    resetEnvCache();
  });

  it("answers every endpoint in the shape its schema (and so the OpenAPI document) says", async () => {
    const calls: [string, typeof demandsRoute.loader, string, Record<string, string>?][] = [
      ["SEARCH", searchRoute.loader, "/api/v1/search?q=测试"],
      ["DEMANDS", demandsRoute.loader, "/api/v1/demands"],
      ["DEMAND", demandRoute.loader, `/api/v1/demands/${w.demands.selected.id}`, { id: String(w.demands.selected.id) }],
      ["APPLICATIONS", applicationsRoute.loader, "/api/v1/applications"],
      ["APPLICATION", applicationRoute.loader, `/api/v1/applications/${w.apps.selected.id}`, { id: String(w.apps.selected.id) }],
      ["ORGANIZATIONS", organizationsRoute.loader, "/api/v1/organizations"],
      ["ORGANIZATION", organizationRoute.loader, `/api/v1/organizations/${w.vendor.slug}`, { slug: w.vendor.slug }],
      ["LISTS", listsRoute.loader, "/api/v1/lists"],
      ["LIST", listRoute.loader, `/api/v1/lists/${w.published.slug}`, { slug: w.published.slug }],
      ["MATCHES", matchesRoute.loader, "/api/v1/matches"],
      ["STATS", statsRoute.loader, "/api/v1/stats"],
    ];
    for (const [name, loader, path, params] of calls) {
      const res = await get(loader, path, { params });
      expect(res.status, name).toBe(200);
      expect(res.headers.get("Content-Type"), name).toMatch(/^application\/json/);
      const spec = endpoints[name as keyof typeof endpoints] as endpoints.EndpointSpec;
      const parsed = spec.response.safeParse(await res.json());
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
    }
    const candidates = await get(candidatesRoute.loader, `/api/v1/demands/${w.demands.selected.id}/matches`, { params: { id: String(w.demands.selected.id) }, cookie: cookies.official });
    expect(candidates.status).toBe(200);
    expect(endpoints.DEMAND_CANDIDATES.response.safeParse(await candidates.json()).success).toBe(true);
  });

  describe("who sees what", () => {
    it("demands: the public never gets drafts, withdrawn or rejected ones; their author does", async () => {
      const anon = await (await get(demandsRoute.loader, "/api/v1/demands?perPage=100")).json();
      const hidden = [w.demands.draft.id, w.demands.withdrawn.id, w.demands.rejected.id];
      const visible = [w.demands.selected.id, w.demands.notShortlisted.id, w.demands.submitted.id, w.demands.inReview.id];
      expect(ids(anon).sort()).toEqual([...visible].sort());
      expect(anon.total).toBe(visible.length);
      for (const id of hidden) {
        const res = await get(demandRoute.loader, `/api/v1/demands/${id}`, { params: { id: String(id) } });
        expect(res.status, `demand ${id}`).toBe(404);
        expect(await res.json()).toEqual({ error: "not_found", message: expect.stringContaining("Demand") });
      }
      const mine = await (await get(demandsRoute.loader, "/api/v1/demands?perPage=100", { cookie: cookies.resident })).json();
      expect(ids(mine)).toEqual(expect.arrayContaining([w.demands.draft.id, w.demands.withdrawn.id]));
      expect(ids(mine)).not.toContain(w.demands.rejected.id);
      expect((await get(demandRoute.loader, `/api/v1/demands/${w.demands.draft.id}`, { params: { id: String(w.demands.draft.id) }, cookie: cookies.resident })).status).toBe(200);
      // An official sees every submitted demand, rejected ones too, never someone's draft.
      const official = await (await get(demandsRoute.loader, "/api/v1/demands?perPage=100", { cookie: cookies.official })).json();
      expect(ids(official)).toEqual(expect.arrayContaining([w.demands.rejected.id, w.demands.withdrawn.id]));
      expect(ids(official)).not.toContain(w.demands.draft.id);
    });

    it("demands: one in full — list place, tags, organisation, no personal data", async () => {
      const res = await get(demandRoute.loader, `/api/v1/demands/${w.demands.selected.id}`, { params: { id: String(w.demands.selected.id) } });
      const body = await res.json();
      expect(body).toMatchObject({
        id: w.demands.selected.id,
        status: "selected",
        campaign: { slug: w.published.slug },
        subdistrict: { slug: w.place.slug },
        organization: { slug: w.office.slug },
        list: { slug: w.published.slug, rank: 1, api: `/api/v1/lists/${w.published.slug}` },
        tags: [{ kind: "target_group", slug: w.tags.elderly.slug, nameZh: "老年人", nameEn: "Elderly people" }],
        url: `/demands/${w.demands.selected.id}`,
        matches: `/api/v1/matches?demand=${w.demands.selected.id}`,
      });
      expect([...body.summary].length).toBeLessThanOrEqual(140);
      expect(body.description.length).toBeGreaterThan(body.summary.length);
      for (const key of ["authorId", "contactValue", "contactPreference", "author", "intake"]) expect(body).not.toHaveProperty(key);
      // The author's own demand, seen by the author: still no contact data in the API.
      const own = await (await get(demandRoute.loader, `/api/v1/demands/${w.demands.submitted.id}`, { params: { id: String(w.demands.submitted.id) }, cookie: cookies.resident })).json();
      expect(own).not.toHaveProperty("contactValue");
    });

    it("demands: filters and sort", async () => {
      const q = async (query: string) => (await get(demandsRoute.loader, `/api/v1/demands?${query}`)).json();
      expect(ids(await q(`campaign=${w.published.slug}`)).sort()).toEqual([w.demands.selected.id, w.demands.notShortlisted.id].sort());
      expect(ids(await q(`subdistrict=${w.otherPlace.slug}`)).sort()).toEqual([w.demands.notShortlisted.id, w.demands.inReview.id].sort());
      expect(ids(await q("domain=governance"))).toEqual([w.demands.notShortlisted.id]);
      expect(ids(await q("status=in_review"))).toEqual([w.demands.inReview.id]);
      expect(ids(await q("raisedBy=company"))).toEqual([w.demands.inReview.id]);
      expect(ids(await q("sort=support"))[0]).toBe(w.demands.submitted.id);
      const newest = ids(await q("sort=newest"));
      expect(ids(await q("sort=oldest"))).toEqual([...newest].reverse());
      expect((await q("campaign=no-such-campaign")).data).toEqual([]);
      // Statuses the public never sees are not a filter at all.
      for (const status of ["draft", "withdrawn", "rejected"]) {
        const res = await get(demandsRoute.loader, `/api/v1/demands?status=${status}`);
        expect(res.status).toBe(400);
        expect((await res.json()).fields.status).toMatch(/one of submitted/);
      }
    });

    it("applications: the public gets selected ones and those public from submission; the firm its own", async () => {
      const anon = await (await get(applicationsRoute.loader, "/api/v1/applications?perPage=100")).json();
      expect(ids(anon).sort()).toEqual([w.apps.selected.id, w.apps.publicEarly.id].sort());
      for (const app of [w.apps.privateSubmitted, w.apps.notShortlisted, w.apps.draft, w.apps.withdrawnEarly, w.apps.rejectedEarly]) {
        expect((await get(applicationRoute.loader, `/api/v1/applications/${app.id}`, { params: { id: String(app.id) } })).status, app.title).toBe(404);
      }
      const firm = await (await get(applicationsRoute.loader, "/api/v1/applications?perPage=100", { cookie: cookies.vendor })).json();
      expect(ids(firm)).toEqual(expect.arrayContaining([w.apps.privateSubmitted.id, w.apps.draft.id, w.apps.notShortlisted.id]));
      expect(ids(firm)).not.toContain(w.apps.withdrawnEarly.id);
      const own = await get(applicationRoute.loader, `/api/v1/applications/${w.apps.privateSubmitted.id}`, { params: { id: String(w.apps.privateSubmitted.id) }, cookie: cookies.vendor });
      expect(own.status).toBe(200);
      expect(own.headers.get("Cache-Control")).toBe("private, no-store");
      expect(own.headers.get("Access-Control-Allow-Origin")).toBeNull();
    });

    it("applications: one in full — deployments, addressed demands the caller may see, list place", async () => {
      const body = await (await get(applicationRoute.loader, `/api/v1/applications/${w.apps.selected.id}`, { params: { id: String(w.apps.selected.id) } })).json();
      expect(body).toMatchObject({
        organization: { slug: w.vendor.slug, verified: true, api: `/api/v1/organizations/${w.vendor.slug}` },
        costBand: "100k_500k",
        list: { slug: w.published.slug, rank: 1 },
        tags: [{ kind: "technology", slug: w.tags.ai.slug }],
      });
      expect(body.deployments).toEqual([
        { subdistrict: { slug: w.place.slug, nameZh: w.place.nameZh, nameEn: w.place.nameEn }, placeName: null, since: "2021-01-15" },
        { subdistrict: null, placeName: "杭州", since: null },
      ]);
      // The draft demand it names stays unnamed.
      expect(body.demands.map((d: { id: number }) => d.id)).toEqual([w.demands.selected.id]);
    });

    it("applications: filters", async () => {
      const q = async (query: string) => ids(await (await get(applicationsRoute.loader, `/api/v1/applications?${query}`)).json());
      expect(await q(`organization=${w.rival.slug}`)).toEqual([w.apps.publicEarly.id]);
      expect(await q(`campaign=${w.published.slug}`)).toEqual([w.apps.selected.id]);
      expect(await q(`technology=${w.tags.ai.slug}`)).toEqual([w.apps.selected.id]);
      expect(await q("status=selected")).toEqual([w.apps.selected.id]);
      expect(await q("maturity=deployed")).toEqual([]);
      const bad = await get(applicationsRoute.loader, "/api/v1/applications?maturity=mature&organization=<x>&sort=best");
      expect(bad.status).toBe(400);
      expect(Object.keys((await bad.json()).fields).sort()).toEqual(["maturity", "organization", "sort"]);
    });

    it("organisations: the directory filters by kind and verification; a profile counts what the caller may see", async () => {
      const vendors = await (await get(organizationsRoute.loader, "/api/v1/organizations?kind=vendor&perPage=100")).json();
      expect(vendors.data.map((o: { slug: string }) => o.slug)).toEqual(expect.arrayContaining([w.vendor.slug, w.rival.slug]));
      expect(vendors.data.every((o: { kind: string }) => o.kind === "vendor")).toBe(true);
      // Verified first.
      const flags = vendors.data.map((o: { verified: boolean }) => o.verified);
      expect(flags).toEqual([...flags].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
      const unverified = await (await get(organizationsRoute.loader, "/api/v1/organizations?verified=false")).json();
      expect(unverified.data.map((o: { slug: string }) => o.slug)).toEqual([w.rival.slug]);
      const office = await (await get(organizationsRoute.loader, "/api/v1/organizations?kind=subdistrict_office")).json();
      expect(office.data[0].subdistrict).toEqual({ slug: w.place.slug, nameZh: w.place.nameZh, nameEn: w.place.nameEn });
      expect((await get(organizationsRoute.loader, "/api/v1/organizations?verified=yes")).status).toBe(400);

      const path = `/api/v1/organizations/${w.vendor.slug}`;
      const anon = await (await get(organizationRoute.loader, path, { params: { slug: w.vendor.slug } })).json();
      expect(anon.applications).toMatchObject({ total: 1, selected: 1, api: `/api/v1/applications?organization=${w.vendor.slug}` });
      expect(anon.applications.latest.map((a: { id: number }) => a.id)).toEqual([w.apps.selected.id]);
      // piloting + accepted are public; the private app's confirmed match and the unconfirmed ones are not.
      expect(anon.matches.total).toBe(2);
      const member = await (await get(organizationRoute.loader, path, { params: { slug: w.vendor.slug }, cookie: cookies.vendor })).json();
      expect(member.applications.total).toBe(4);
      expect(member.matches.total).toBe(5);
    });

    it("lists: only published campaigns; entries applications first, by rank, public ones only", async () => {
      const lists = await (await get(listsRoute.loader, "/api/v1/lists")).json();
      expect(lists.data.map((l: { slug: string }) => l.slug)).toEqual([w.published.slug]);
      expect(lists.data[0]).toMatchObject({ applications: 1, demands: 1, api: `/api/v1/lists/${w.published.slug}` });
      const list = await (await get(listRoute.loader, `/api/v1/lists/${w.published.slug}`, { params: { slug: w.published.slug } })).json();
      expect(list.campaign.slug).toBe(w.published.slug);
      expect(list.counts).toEqual({ applications: 1, demands: 1 });
      expect(list.data.map((e: { type: string; id: number; rank: number }) => [e.type, e.id, e.rank])).toEqual([
        ["application", w.apps.selected.id, 1],
        ["demand", w.demands.selected.id, 1],
      ]);
      const demandsOnly = await (await get(listRoute.loader, `/api/v1/lists/${w.published.slug}?type=demand`, { params: { slug: w.published.slug } })).json();
      expect(demandsOnly.data.map((e: { type: string }) => e.type)).toEqual(["demand"]);
      expect(demandsOnly.data[0]).toMatchObject({ subdistricts: [{ slug: w.place.slug }], url: `/demands/${w.demands.selected.id}` });
      // A campaign still collecting has no list.
      expect((await get(listRoute.loader, `/api/v1/lists/${w.open.slug}`, { params: { slug: w.open.slug } })).status).toBe(404);
    });

    it("matches: the public sees confirmed matches between public items only; each side sees its own", async () => {
      const anon = await (await get(matchesRoute.loader, "/api/v1/matches?perPage=100")).json();
      expect(anon.data.map((m: { stage: string }) => m.stage).sort()).toEqual([...PUBLIC_MATCH_STAGES].sort());
      expect(ids(anon)).not.toContain(w.matches.hiddenApp.id);
      for (const stage of ["suggested", "proposed", "declined"]) {
        const res = await (await get(matchesRoute.loader, `/api/v1/matches?stage=${stage}`)).json();
        expect(res.data, stage).toEqual([]);
        expect(res.total).toBe(0);
      }
      const piloting = anon.data.find((m: { stage: string }) => m.stage === "piloting");
      expect(piloting).toMatchObject({ pilot: { site: "居委会活动室", startOn: "2021-11-01", kpis: "每周回访" }, declinedReason: null, subdistrict: { slug: w.place.slug } });
      // The demand's side (a community worker of the subdistrict) sees the proposals and refusals there.
      const worker = await (await get(matchesRoute.loader, `/api/v1/matches?subdistrict=${w.place.slug}&perPage=100`, { cookie: cookies.worker })).json();
      expect(ids(worker)).toEqual(expect.arrayContaining([w.matches.suggested.id, w.matches.declined.id, w.matches.hiddenApp.id]));
      const declined = worker.data.find((m: { id: number }) => m.id === w.matches.declined.id);
      expect(declined.declinedReason).toBe("预算不足");
      // The vendor sees its own unconfirmed matches, not the rival's refusal.
      const vendor = await (await get(matchesRoute.loader, "/api/v1/matches?perPage=100", { cookie: cookies.vendor })).json();
      expect(ids(vendor)).toEqual(expect.arrayContaining([w.matches.suggested.id, w.matches.proposed.id]));
      expect(ids(vendor)).not.toContain(w.matches.declined.id);
      // Filters.
      const byDemand = await (await get(matchesRoute.loader, `/api/v1/matches?demand=${w.demands.selected.id}`)).json();
      expect(ids(byDemand)).toEqual([w.matches.piloting.id]);
      const byVendor = await (await get(matchesRoute.loader, `/api/v1/matches?organization=${w.rival.slug}`)).json();
      expect(ids(byVendor)).toEqual([w.matches.deployed.id]);
      const bad = await get(matchesRoute.loader, "/api/v1/matches?stage=won&demand=abc&application=-1");
      expect(bad.status).toBe(400);
      expect(Object.keys((await bad.json()).fields).sort()).toEqual(["application", "demand", "stage"]);
    });

    it("search: never finds drafts anonymously; bad parameters are 400s", async () => {
      const body = await (await get(searchRoute.loader, "/api/v1/search?q=草稿&perPage=50")).json();
      expect(body.hits.map((h: { title: string }) => h.title)).not.toEqual(expect.arrayContaining([expect.stringContaining("草稿")]));
      const bad = await get(searchRoute.loader, "/api/v1/search?perPage=500&type=robot");
      expect(bad.status).toBe(400);
      const problem = await bad.json();
      expect(problem).toMatchObject({ error: "invalid_parameters", message: expect.stringContaining("perPage") });
      expect(Object.keys(problem.fields).sort()).toEqual(["perPage", "type"]);
    });

    it("stats: the programme, one campaign, 404 for an unknown one", async () => {
      const whole = await (await get(statsRoute.loader, "/api/v1/stats")).json();
      expect(whole.campaign).toBeNull();
      expect(whole.campaignOptions.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining([w.published.slug, w.open.slug]));
      const one = await (await get(statsRoute.loader, `/api/v1/stats?campaign=${w.published.slug}`)).json();
      expect(one.campaign.slug).toBe(w.published.slug);
      expect(one.totals.applications.selected).toBe(1);
      const unknown = await get(statsRoute.loader, "/api/v1/stats?campaign=no-such-call");
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error).toBe("not_found");
      expect((await get(statsRoute.loader, "/api/v1/stats?campaign=%3Cscript%3E")).status).toBe(400);
    });
  });

  describe("errors are JSON, never a 500", () => {
    it("unknown and malformed ids and slugs are 404s", async () => {
      for (const id of ["abc", "-1", "0", "1.5", "99999999999", "2147483648", "1e3", "%20", "99999999"]) {
        for (const [name, loader] of [
          ["demand", demandRoute.loader],
          ["application", applicationRoute.loader],
        ] as const) {
          const res = await get(loader, `/api/v1/${name}s/${id}`, { params: { id } });
          expect(res.status, `${name} ${id}`).toBe(404);
          expect(res.headers.get("Cache-Control")).toBe("no-store");
          expect((await res.json()).error).toBe("not_found");
        }
      }
      for (const slug of ["no-such-org", "<script>", "a/b", "x".repeat(101), "名字"]) {
        expect((await get(organizationRoute.loader, `/api/v1/organizations/x`, { params: { slug } })).status, slug).toBe(404);
        expect((await get(listRoute.loader, `/api/v1/lists/x`, { params: { slug } })).status, slug).toBe(404);
      }
      const candidates = await get(candidatesRoute.loader, "/api/v1/demands/abc/matches", { params: { id: "abc" }, cookie: cookies.official });
      expect(candidates.status).toBe(404);
    });

    it("bad paging is a 400 naming the parameter; unknown paths, other methods and preflights are answered in JSON", async () => {
      for (const [query, field] of [
        ["page=0", "page"],
        ["page=abc", "page"],
        ["page=-3", "page"],
        ["page=1.5", "page"],
        ["page=1e400", "page"],
        ["perPage=0", "perPage"],
        ["perPage=101", "perPage"],
        ["perPage=ten", "perPage"],
      ]) {
        const res = await get(demandsRoute.loader, `/api/v1/demands?${query}`);
        expect(res.status, query).toBe(400);
        const body = await res.json();
        expect(Object.keys(body.fields), query).toEqual([field]);
        expect(body.message).toContain(field);
      }
      const unknown = await get(unknownRoute.loader, "/api/v1/nothing/here", { params: { "*": "nothing/here" } });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ error: "not_found", message: expect.stringContaining("/api/v1/openapi.json") });

      const post = await demandsRoute.action({ request: new Request("http://putuo.test/api/v1/demands", { method: "POST" }) });
      expect(post.status).toBe(405);
      expect(post.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
      expect((await post.json()).error).toBe("method_not_allowed");

      const preflight = await get(demandsRoute.loader, "/api/v1/demands", { method: "OPTIONS" });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("GET");
    });

    it("the candidates endpoint keeps its 401 and 403", async () => {
      const path = `/api/v1/demands/${w.demands.selected.id}/matches`;
      const params = { id: String(w.demands.selected.id) };
      const anon = await get(candidatesRoute.loader, path, { params });
      expect(anon.status).toBe(401);
      expect((await anon.json()).error).toBe("unauthenticated");
      const resident = await get(candidatesRoute.loader, path, { params, cookie: cookies.resident });
      expect(resident.status).toBe(403);
      expect(await resident.json()).toEqual({ error: "forbidden", message: expect.any(String) });
      expect((await get(candidatesRoute.loader, path, { params, cookie: cookies.worker })).status).toBe(200);
    });
  });

  it("anonymous answers are public, cacheable and open to any origin; a session's are private", async () => {
    const anon = await get(demandsRoute.loader, "/api/v1/demands");
    expect(anon.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(anon.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(anon.headers.get("Access-Control-Expose-Headers")).toContain("Link");
    expect(anon.headers.get("Vary")).toContain("Cookie");
    expect(Number(anon.headers.get("RateLimit-Limit"))).toBe(100000);
    const signedIn = await get(demandsRoute.loader, "/api/v1/demands", { cookie: cookies.resident });
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    expect(signedIn.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const error = await get(demandsRoute.loader, "/api/v1/demands?page=x");
    expect(error.headers.get("Cache-Control")).toBe("no-store");
    expect(error.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(error.headers.get("RateLimit-Remaining")).toMatch(/^\d+$/);
  });
});
