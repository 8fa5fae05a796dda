/**
 * The demand routes' loaders and actions, called with plain Requests (form
 * posts as a browser without JavaScript sends them): bad input gets 4xx and
 * messages (never a 500) and changes nothing; the similar-demands step; a
 * double post; someone else's demand in the URL; the resident's phone on the
 * page of an assisted intake.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createDemand } from "../../../app/demands/demands.server";
import * as detail from "../../../app/routes/demands.$id";
import * as edit from "../../../app/routes/demands.$id_.edit";
import * as list from "../../../app/routes/demands._index";
import * as create from "../../../app/routes/demands.new";
import * as similar from "../../../app/routes/demands.similar";
import * as intake from "../../../app/routes/intake.new";
import * as my from "../../../app/routes/my";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { demands, supports } from "../../../db/schema";
import { buildDemand } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { actor, buildWorld, cookieFor, demandInput, type World } from "./setup";

const BASE = "http://putuo.test";

type Fields = Record<string, string | string[]>;
function post(path: string, fields: Fields, cookie?: string) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of ([] as string[]).concat(v)) body.append(k, one);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}
const get = (path: string, cookie?: string) => new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
/** Run a loader or action; a thrown Response (redirect, 403, 404) is returned like a returned one. */
async function call(fn: Handler, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe.each(DB_KINDS)("demand routes on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  // A busy machine can take minutes to migrate the first template.
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
  }, 300_000);
  afterAll(async () => {
    await closeDatabase();
    await t.drop();
  });
  beforeEach(async () => {
    w = await buildWorld(t.db);
  }, 120_000);

  /** The fields of a valid new-demand form, as strings. */
  const formFields = (over: Fields = {}): Fields => ({
    campaignId: String(w.campaign.id),
    title: `独一无二的需求标题${Math.random().toString(36).slice(2, 8)}`,
    description: "一段足够长的需求描述，说明现在的困难和希望的解决办法。",
    domain: "life",
    subdistrictId: String(w.place.id),
    targetGroupIds: [String(w.elderly.id)],
    raisedBy: "resident",
    contactPreference: "none",
    contactValue: "",
    intent: "submit",
    ...over,
  });
  const demandsOfCampaign = () => t.db.select().from(demands).where(eq(demands.campaignId, w.campaign.id));

  describe("/demands/new", () => {
    it("sends the signed-out to sign in and refuses reviewers", async () => {
      const anon = await call(create.loader, get("/demands/new"));
      expect(anon.status).toBe(302);
      expect(anon.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      const reviewer = await call(create.loader, get("/demands/new", await cookieFor(t.db, w.reviewer.id)));
      expect(reviewer.status).toBe(403);
    });

    it("offers the collecting campaign and a fresh token per render", async () => {
      const cookie = await cookieFor(t.db, w.resident.id);
      const a = await (await call(create.loader, get("/demands/new", cookie))).json();
      const b = await (await call(create.loader, get("/demands/new", cookie))).json();
      expect(a.campaigns.map((c: { id: number }) => c.id)).toContain(w.campaign.id);
      expect(a.formToken).not.toBe(b.formToken);
    });

    it("answers bad input with 400 and messages beside the fields, creating nothing", async () => {
      const cookie = await cookieFor(t.db, w.resident.id);
      const cases: [Fields, string, string][] = [
        [{ title: "" }, "title", "demands:errors.titleRequired"],
        [{ title: "长".repeat(81) }, "title", "demands:errors.titleTooLong"],
        [{ domain: "sports" }, "domain", "demands:errors.domain"],
        [{ subdistrictId: "999999" }, "subdistrictId", "demands:errors.subdistrictUnknown"],
        [{ subdistrictId: "abc" }, "subdistrictId", "demands:errors.subdistrict"],
        [{ targetGroupIds: ["999999"] }, "targetGroupIds", "demands:errors.targetGroupUnknown"],
        [{ campaignId: "999999" }, "campaignId", "demands:errors.campaignNotOpen"],
        [{ contactPreference: "phone", contactValue: "12" }, "contactValue", "demands:errors.phoneInvalid"],
      ];
      for (const [over, field, message] of cases) {
        const res = await call(create.action, post("/demands/new", formFields({ ...over, skipSimilar: "1" }), cookie));
        expect(res.status, field).toBe(400);
        const body = await res.json();
        expect(body.result.error[field], field).toEqual([message]);
      }
      expect(await demandsOfCampaign()).toHaveLength(0);
    });

    it("shows the similar-demands step first, then creates on 'submit mine anyway'", async () => {
      await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, title: "帮助老年人一键叫出租车" });
      const cookie = await cookieFor(t.db, w.neighbour.id);
      const fields = formFields({ title: "老人一键叫出租车", formToken: "tok-similar-0001" });
      const step = await call(create.action, post("/demands/new", fields, cookie));
      expect(step.status).toBe(200);
      const body = await step.json();
      expect(body.similar.map((s: { title: string }) => s.title)).toContain("帮助老年人一键叫出租车");
      expect(body.similar[0].supportable).toBe(true);
      expect(body.result.initialValue.title).toBe("老人一键叫出租车");
      expect(await demandsOfCampaign()).toHaveLength(1);

      const anyway = await call(create.action, post("/demands/new", { ...fields, skipSimilar: "1" }, cookie));
      expect(anyway.status).toBe(302);
      expect(anyway.headers.get("Location")).toMatch(/^\/demands\/\d+\?notice=demandSubmitted$/);
      expect(await demandsOfCampaign()).toHaveLength(2);
    });

    it("creates one demand when the same form is posted twice", async () => {
      const cookie = await cookieFor(t.db, w.resident.id);
      const fields = formFields({ formToken: "tok-double-0001", skipSimilar: "1", intent: "draft" });
      const [a, b] = await Promise.all([
        call(create.action, post("/demands/new", fields, cookie)),
        call(create.action, post("/demands/new", fields, cookie)),
      ]);
      const third = await call(create.action, post("/demands/new", fields, cookie));
      const ids = [a, b, third].map((r) => r.headers.get("Location")!.match(/\/demands\/(\d+)/)![1]);
      expect(new Set(ids).size).toBe(1);
      expect(await demandsOfCampaign()).toHaveLength(1);
    });
  });

  describe("/demands/:id", () => {
    it("is a 404 for a malformed id, an unknown one, and someone else's draft", async () => {
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w));
      for (const id of ["abc", "0", "-1", "1.5", "99999999999", "999999"]) {
        expect((await call(detail.loader, get(`/demands/${id}`), { id })).status, id).toBe(404);
      }
      expect((await call(detail.loader, get(`/demands/${draft.id}`, await cookieFor(t.db, w.neighbour.id)), { id: String(draft.id) })).status).toBe(404);
      expect((await call(detail.loader, get(`/demands/${draft.id}`), { id: String(draft.id) })).status).toBe(404);
      expect((await call(detail.loader, get(`/demands/${draft.id}`, await cookieFor(t.db, w.resident.id)), { id: String(draft.id) })).status).toBe(200);
    });

    it("supports with a plain form post (redirect + notice) and with a fetcher (JSON), once", async () => {
      const d = await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, authorId: w.resident.id });
      const id = String(d.id);
      const cookie = await cookieFor(t.db, w.neighbour.id);
      const plain = await call(detail.action, post(`/demands/${id}`, { intent: "support" }, cookie), { id });
      expect(plain.status).toBe(302);
      expect(plain.headers.get("Location")).toBe(`/demands/${id}?notice=demandSupported`);
      const again = await call(detail.action, post(`/demands/${id}`, { intent: "support", fetcher: "1" }, cookie), { id });
      expect(await again.json()).toEqual({ ok: true, supported: true, supportCount: 1 });
      const page = await (await call(detail.loader, get(`/demands/${id}`, cookie), { id })).json();
      expect(page.detail.viewer.supported).toBe(true);
      expect(page.detail.demand.supportCount).toBe(1);
      const back = await call(detail.action, post(`/demands/${id}`, { intent: "unsupport", fetcher: "1" }, cookie), { id });
      expect(await back.json()).toEqual({ ok: true, supported: false, supportCount: 0 });

      const anon = await call(detail.action, post(`/demands/${id}`, { intent: "support" }), { id });
      expect(anon.status).toBe(302);
      expect(anon.headers.get("Location")).toMatch(/^\/login/);
      const own = await call(detail.action, post(`/demands/${id}`, { intent: "support" }, await cookieFor(t.db, w.resident.id)), { id });
      expect(own.status).toBe(409);
      expect((await own.json()).formErrors).toEqual(["demands:errors.ownDemand"]);
      const bogus = await call(detail.action, post(`/demands/${id}`, { intent: "explode" }, cookie), { id });
      expect(bogus.status).toBe(400);
      expect(await t.db.select().from(supports).where(eq(supports.demandId, d.id))).toHaveLength(0);
    });

    it("lets the author submit and withdraw; others get a 403, unseen drafts a 404", async () => {
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w));
      const id = String(draft.id);
      const author = await cookieFor(t.db, w.resident.id);
      const neighbour = await cookieFor(t.db, w.neighbour.id);
      expect((await call(detail.action, post(`/demands/${id}`, { intent: "submit", version: "1" }, neighbour), { id })).status).toBe(404);
      const submitted = await call(detail.action, post(`/demands/${id}`, { intent: "submit", version: "1" }, author), { id });
      expect(submitted.headers.get("Location")).toBe(`/demands/${id}?notice=demandSubmitted`);
      expect((await call(detail.action, post(`/demands/${id}`, { intent: "withdraw" }, neighbour), { id })).status).toBe(403);
      const tooLong = await call(detail.action, post(`/demands/${id}`, { intent: "withdraw", reason: "长".repeat(501) }, author), { id });
      expect(tooLong.status).toBe(400);
      const withdrawn = await call(detail.action, post(`/demands/${id}`, { intent: "withdraw", reason: "不需要了", version: "2" }, author), { id });
      expect(withdrawn.headers.get("Location")).toBe(`/demands/${id}?notice=demandWithdrawn`);
      const [row] = await t.db.select().from(demands).where(eq(demands.id, draft.id));
      expect(row.status).toBe("withdrawn");
    });
  });

  describe("/demands/:id/edit", () => {
    it("is a 403 for someone else's public demand and a 404 for their draft", async () => {
      const submitted = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w));
      const neighbour = await cookieFor(t.db, w.neighbour.id);
      expect((await call(edit.loader, get(`/demands/${submitted.id}/edit`, neighbour), { id: String(submitted.id) })).status).toBe(403);
      expect((await call(edit.loader, get(`/demands/${draft.id}/edit`, neighbour), { id: String(draft.id) })).status).toBe(404);
      expect((await call(edit.action, post(`/demands/${submitted.id}/edit`, { ...formFields(), version: "1" }, neighbour), { id: String(submitted.id) })).status).toBe(403);
      expect((await call(edit.loader, get(`/demands/abc/edit`, neighbour), { id: "abc" })).status).toBe(404);
    });

    it("refuses a stale edit with 409, keeps the user's text and shows what is saved", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w));
      const id = String(created.id);
      const cookie = await cookieFor(t.db, w.resident.id);
      const first = await call(edit.action, post(`/demands/${id}/edit`, { ...formFields({ title: "窗口一的标题", intent: "save" }), version: "1" }, cookie), { id });
      expect(first.status).toBe(302);
      const stale = await call(edit.action, post(`/demands/${id}/edit`, { ...formFields({ title: "窗口二的标题", intent: "save" }), version: "1" }, cookie), { id });
      expect(stale.status).toBe(409);
      const body = await stale.json();
      expect(body.result.error[""]).toEqual(["demands:errors.stale"]);
      expect(body.result.initialValue.title).toBe("窗口二的标题");
      expect(body.stale).toMatchObject({ version: 2, title: "窗口一的标题" });
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row.title).toBe("窗口一的标题");
      // A missing or forged version is refused too, never a 500.
      const noVersion = await call(edit.action, post(`/demands/${id}/edit`, formFields({ intent: "save" }), cookie), { id });
      expect(noVersion.status).toBe(400);
    });
  });

  describe("/intake/new", () => {
    it("is for community workers only, and shows the resident's phone to officials and the worker only", async () => {
      expect((await call(intake.loader, get("/intake/new", await cookieFor(t.db, w.resident.id)))).status).toBe(403);
      const workerCookie = await cookieFor(t.db, w.worker.id);
      const page = await (await call(intake.loader, get("/intake/new", workerCookie))).json();
      expect(page.defaults.subdistrictId).toBe(String(w.place.id));
      expect(page.defaults.targetGroupIds).toEqual([]); // this world's group is not the seed's "elderly"

      const fields = {
        campaignId: String(w.campaign.id),
        formToken: "tok-intake-0001",
        residentName: "邵建国",
        residentPhone: "13912345678",
        channel: "phone",
        consentMethod: "verbal_phone",
        consentAt: "2026-01-15T10:30",
        title: "老人打一个电话就能叫到出租车",
        description: "邵先生63岁，视力不好，每周去医院，打车软件太难用。",
        domain: "life",
        subdistrictId: String(w.place.id),
        targetGroupIds: [String(w.elderly.id)],
      };
      const bad = await call(intake.action, post("/intake/new", { ...fields, residentPhone: "12", consentAt: "soon" }, workerCookie));
      expect(bad.status).toBe(400);
      expect(Object.keys((await bad.json()).result.error).sort()).toEqual(["consentAt", "residentPhone"]);

      const res = await call(intake.action, post("/intake/new", fields, workerCookie));
      expect(res.status).toBe(302);
      const id = res.headers.get("Location")!.match(/\/demands\/(\d+)/)![1];
      const again = await call(intake.action, post("/intake/new", fields, workerCookie));
      expect(again.headers.get("Location")).toBe(`/demands/${id}`);

      const pageFor = async (cookie?: string) => (await (await call(detail.loader, get(`/demands/${id}`, cookie), { id })).json()).detail.intake;
      for (const cookie of [workerCookie, await cookieFor(t.db, w.official.id)]) {
        const seen = await pageFor(cookie);
        expect(seen.residentPhone).toBe("13912345678");
        expect(seen.residentName).toBe("邵建国");
      }
      for (const cookie of [undefined, await cookieFor(t.db, w.resident.id), await cookieFor(t.db, w.otherWorker.id)]) {
        const seen = await pageFor(cookie);
        expect(seen.residentPhone).toBeNull();
        expect(seen.residentName).toBeNull();
        expect(seen.residentShortName).toBe("邵某");
        expect(seen.recordedByName).toBe(w.worker.displayName);
      }
      // The phone is nowhere in what the public page receives.
      const raw = await (await call(detail.loader, get(`/demands/${id}`), { id })).text();
      expect(raw).not.toContain("13912345678");
      expect(raw).not.toContain("邵建国");
    });
  });

  describe("lists", () => {
    it("/demands never lists others' drafts; bad filters are ignored", async () => {
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w));
      const res = await call(list.loader, get(`/demands?subdistrict=${w.place.slug}&page=abc&domain=%3Cx%3E`));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.list.items.map((i: { id: number }) => i.id)).not.toContain(draft.id);
      const mine = await (await call(list.loader, get(`/demands?subdistrict=${w.place.slug}`, await cookieFor(t.db, w.resident.id)))).json();
      expect(mine.list.items.map((i: { id: number }) => i.id)).toContain(draft.id);
    });

    it("/demands/similar answers JSON without others' drafts", async () => {
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w, { title: "无障碍坡道改造草稿" }));
      const anon = await (await call(similar.loader, get(`/demands/similar?title=${encodeURIComponent("无障碍坡道改造")}`))).json();
      expect(anon.items.map((i: { id: number }) => i.id)).not.toContain(draft.id);
      const author = await (await call(similar.loader, get(`/demands/similar?title=${encodeURIComponent("无障碍坡道改造")}&exclude=abc`, await cookieFor(t.db, w.resident.id)))).json();
      expect(author.items.map((i: { id: number }) => i.id)).toContain(draft.id);
    });

    it("/my needs a sign-in and lists drafts with their timeline", async () => {
      expect((await call(my.loader, get("/my"))).status).toBe(302);
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w));
      const body = await (await call(my.loader, get("/my", await cookieFor(t.db, w.resident.id)))).json();
      const item = body.submissions.demands.find((d: { id: number }) => d.id === draft.id);
      expect(item.status).toBe("draft");
      expect(item.timeline[0].action).toBe("demand.create");
    });
  });
});
