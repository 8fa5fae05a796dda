/**
 * The matching routes' loaders and actions, called with plain Requests (form
 * posts as a browser without JavaScript sends them): the API's JSON answers
 * (401, 403, 404, 400, 200 with score and reasons), bad input answered with
 * 4xx and messages beside the fields (never a 500) and nothing changed, a
 * stale form refused with a message, pages of what one may not see 404.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import * as api from "../../../app/routes/api.v1.demands.$id.matches";
import * as demandMatches from "../../../app/routes/demands.$id_.matches";
import * as respond from "../../../app/routes/demands.$id_.respond";
import * as matchPage from "../../../app/routes/matches.$id";
import * as reverse from "../../../app/routes/applications.$id_.demands";
import * as board from "../../../app/routes/subdistricts.$slug";
import * as overview from "../../../app/routes/subdistricts._index";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { matches, vendorResponses } from "../../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { buildWorld, cookieFor, RESPONSE, type World } from "./setup";

const BASE = "http://putuo.test";

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}
const get = (path: string, cookie?: string) => new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
async function call(fn: Handler, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe.each(DB_KINDS)("matching routes on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  let cookies: Record<"official" | "worker" | "otherWorker" | "vendor" | "rival" | "resident", string>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
    // The process's engine is cached: point it at this database.
    (globalThis as { __putuoSearch?: unknown }).__putuoSearch = undefined;
  }, 300_000);
  afterAll(async () => {
    (globalThis as { __putuoSearch?: unknown }).__putuoSearch = undefined;
    await closeDatabase();
    await t.drop();
  });
  beforeEach(async () => {
    w = await buildWorld(t.db);
    cookies = {
      official: await cookieFor(t.db, w.official.id),
      worker: await cookieFor(t.db, w.worker.id),
      otherWorker: await cookieFor(t.db, w.otherWorker.id),
      vendor: await cookieFor(t.db, w.vendorOwner.id),
      rival: await cookieFor(t.db, w.rivalMember.id),
      resident: await cookieFor(t.db, w.resident.id),
    };
  }, 120_000);

  describe("GET /api/v1/demands/:id/matches", () => {
    const path = (id: number | string, q = "") => `/api/v1/demands/${id}/matches${q}`;

    it("gives the demand's side the candidates with score and reasons, in the language asked", async () => {
      const res = await call(api.loader, get(path(w.demand.id, "?limit=5&lang=en"), cookies.worker), { id: String(w.demand.id) });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.demand.id).toBe(w.demand.id);
      expect(body.candidates.length).toBeGreaterThan(0);
      expect(body.candidates.length).toBeLessThanOrEqual(5);
      const first = body.candidates[0];
      expect(first.application.id).toBe(w.taxiApp.id);
      expect(first.score).toBeGreaterThan(0);
      expect(first.reasons[0]).toEqual(expect.objectContaining({ code: expect.any(String), weight: expect.any(Number), text: expect.any(String) }));
      expect(first.reasons.map((r: { text: string }) => r.text).join(" ")).toMatch(/Same scenario: One-call taxi/);
      expect(Object.values(body.weights).reduce((a: number, b) => a + (b as number), 0)).toBeCloseTo(1);
    });

    it("answers 401, 403, 404 and 400 in JSON", async () => {
      expect((await call(api.loader, get(path(w.demand.id)), { id: String(w.demand.id) })).status).toBe(401);
      for (const who of ["otherWorker", "vendor", "resident"] as const) {
        const res = await call(api.loader, get(path(w.demand.id), cookies[who]), { id: String(w.demand.id) });
        expect(res.status, who).toBe(403);
        expect((await res.json()).error).toBe("forbidden");
      }
      expect((await call(api.loader, get(path(999999999), cookies.official), { id: "999999999" })).status).toBe(404);
      expect((await call(api.loader, get(path("abc"), cookies.official), { id: "abc" })).status).toBe(404);
      const bad = await call(api.loader, get(path(w.demand.id, "?limit=500&lang=fr"), cookies.official), { id: String(w.demand.id) });
      expect(bad.status).toBe(400);
      expect(Object.keys((await bad.json()).fields).sort()).toEqual(["lang", "limit"]);
    });
  });

  describe("pages", () => {
    it("the demand's side sees candidates; a vendor sees the way to respond; a resident neither", async () => {
      const worker = await call(demandMatches.loader, get(`/demands/${w.demand.id}/matches`, cookies.worker), { id: String(w.demand.id) });
      const wd = await worker.json();
      expect(wd.page.demandSide).toBe(true);
      expect(wd.page.candidates[0].id).toBe(w.taxiApp.id);
      const vendor = await (await call(demandMatches.loader, get(`/demands/${w.demand.id}/matches`, cookies.vendor), { id: String(w.demand.id) })).json();
      expect(vendor.page.demandSide).toBe(false);
      expect(vendor.page.vendor).toBe(true);
      expect(vendor.page.candidates).toEqual([]);
      const resident = await (await call(demandMatches.loader, get(`/demands/${w.demand.id}/matches`, cookies.resident), { id: String(w.demand.id) })).json();
      expect(resident.page.candidates).toEqual([]);
      expect(resident.page.responses).toEqual([]);
      // Signed out: to the sign-in page. A withdrawn demand, for someone else: 404.
      expect((await call(demandMatches.loader, get(`/demands/${w.demand.id}/matches`), { id: String(w.demand.id) })).status).toBe(302);
      expect((await call(demandMatches.loader, get(`/demands/${w.withdrawnDemand.id}/matches`, cookies.vendor), { id: String(w.withdrawnDemand.id) })).status).toBe(404);
      expect((await call(demandMatches.loader, get(`/demands/x/matches`, cookies.vendor), { id: "x" })).status).toBe(404);
    });

    it("boards: 404 for an unknown place; the overview lists every subdistrict", async () => {
      expect((await call(board.loader, get(`/subdistricts/nowhere`), { slug: "nowhere" })).status).toBe(404);
      expect((await call(board.loader, get(`/subdistricts/..%2F`), { slug: "../" })).status).toBe(404);
      const ok = await call(board.loader, get(`/subdistricts/${w.place.slug}`), { slug: w.place.slug });
      expect(ok.status).toBe(200);
      const o = await (await call(overview.loader, get(`/subdistricts`))).json();
      expect(o.places.map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining([w.place.slug, w.otherPlace.slug]));
    });

    it("the reverse list: demands an application could serve, for those who may see it", async () => {
      const res = await call(reverse.loader, get(`/applications/${w.taxiApp.id}/demands`, cookies.vendor), { id: String(w.taxiApp.id) });
      const body = await res.json();
      expect(body.candidates[0].id).toBe(w.demand.id);
      expect(body.candidates[0].canRespond).toBe(true);
      // The rival's private application is not for the vendor's eyes.
      expect((await call(reverse.loader, get(`/applications/${w.privateApp.id}/demands`, cookies.vendor), { id: String(w.privateApp.id) })).status).toBe(404);
    });
  });

  describe("forms without JavaScript", () => {
    it("a response with bad input comes back 400 with messages beside the fields, and nothing is saved", async () => {
      const res = await call(respond.action, post(`/demands/${w.demand.id}/respond`, { applicationId: "", approach: "短", timeline: "" }, cookies.vendor), { id: String(w.demand.id) });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(Object.keys(body.result.error).sort()).toEqual(["applicationId", "approach", "timeline"]);
      const other = await call(
        respond.action,
        post(`/demands/${w.demand.id}/respond`, { applicationId: String(w.privateApp.id), ...RESPONSE }, cookies.vendor),
        { id: String(w.demand.id) },
      );
      expect(other.status).toBe(400);
      expect((await other.json()).result.error.applicationId).toEqual(["matching:errors.applicationNotYours"]);
      expect(await t.db.select().from(vendorResponses).where(eq(vendorResponses.demandId, w.demand.id))).toEqual([]);
      // A resident may not respond at all.
      expect((await call(respond.loader, get(`/demands/${w.demand.id}/respond`, cookies.resident), { id: String(w.demand.id) })).status).toBe(403);
    });

    it("respond → propose → accept → pilot, then a stale form gets a message (409) and changes nothing", async () => {
      const r = await call(respond.action, post(`/demands/${w.demand.id}/respond`, { applicationId: String(w.taxiApp.id), ...RESPONSE }, cookies.vendor), { id: String(w.demand.id) });
      expect(r.status).toBe(302);
      expect(r.headers.get("Location")).toBe(`/demands/${w.demand.id}/matches?notice=matchResponseSaved`);

      // The other subdistrict's community worker may not propose here.
      const forbidden = await call(demandMatches.action, post(`/demands/${w.demand.id}/matches`, { intent: "propose", applicationId: String(w.taxiApp.id) }, cookies.otherWorker), {
        id: String(w.demand.id),
      });
      expect(forbidden.status).toBe(403);
      const p = await call(demandMatches.action, post(`/demands/${w.demand.id}/matches`, { intent: "propose", applicationId: String(w.taxiApp.id) }, cookies.worker), {
        id: String(w.demand.id),
      });
      expect(p.status).toBe(302);
      const matchId = Number(p.headers.get("Location")!.match(/^\/matches\/(\d+)/)![1]);
      const [m] = await t.db.select().from(matches).where(eq(matches.id, matchId));
      expect(m.stage).toBe("proposed");

      // The rival cannot accept it: it is not theirs (and not public).
      expect((await call(matchPage.action, post(`/matches/${matchId}`, { intent: "accept", version: String(m.version) }, cookies.rival), { id: String(matchId) })).status).toBe(404);
      const accepted = await call(matchPage.action, post(`/matches/${matchId}`, { intent: "accept", version: String(m.version) }, cookies.vendor), { id: String(matchId) });
      expect(accepted.status).toBe(302);

      // The same (now stale) version again: a message, no change.
      const stale = await call(matchPage.action, post(`/matches/${matchId}`, { intent: "decline", version: String(m.version), reason: "重复提交" }, cookies.vendor), {
        id: String(matchId),
      });
      expect(stale.status).toBe(409);
      expect((await stale.json()).message).toMatch(/更新过/);

      const badPilot = await call(matchPage.action, post(`/matches/${matchId}`, { intent: "startPilot", version: String(m.version + 1), site: "", startOn: "2021-13-01", kpis: "" }, cookies.worker), {
        id: String(matchId),
      });
      expect(badPilot.status).toBe(400);
      expect(Object.keys((await badPilot.json()).result.error).sort()).toEqual(["kpis", "site", "startOn"]);
      const pilot = await call(
        matchPage.action,
        post(`/matches/${matchId}`, { intent: "startPilot", version: String(m.version + 1), site: "志丹路居委会", startOn: "2021-05-20", kpis: "每月 300 人次" }, cookies.worker),
        { id: String(matchId) },
      );
      expect(pilot.status).toBe(302);
      const page = await (await call(matchPage.loader, get(`/matches/${matchId}`, cookies.worker), { id: String(matchId) })).json();
      expect(page.match.stage).toBe("piloting");
      expect(page.match.can.recordDeployment).toBe(true);
      // An unknown intent is a 400 with a message, never a 500.
      expect((await call(matchPage.action, post(`/matches/${matchId}`, { intent: "explode" }, cookies.worker), { id: String(matchId) })).status).toBe(400);
      expect((await call(matchPage.loader, get(`/matches/99999999`, cookies.worker), { id: "99999999" })).status).toBe(404);
    });
  });
});
