/**
 * The application and organisation routes, called with plain Requests (form
 * POSTs as a browser without JavaScript sends them) against a test database
 * installed as the app's database: 403 for another firm, 404 for what the
 * viewer may not see, messages (never a 500) for bad input.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApplication } from "../../../app/applications/applications.server";
import * as detailRoute from "../../../app/routes/applications.$id";
import * as editRoute from "../../../app/routes/applications.$id_.edit";
import * as listRoute from "../../../app/routes/applications._index";
import * as newRoute from "../../../app/routes/applications.new";
import * as profileRoute from "../../../app/routes/organizations.$slug";
import * as profileEditRoute from "../../../app/routes/organizations.$slug_.edit";
import * as directoryRoute from "../../../app/routes/organizations._index";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { applications, organizations } from "../../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { applicationInput, buildWorld, call, cookieFor, formPost, get, type World } from "./setup";

type Fields = [string, string][];

describe.each(DB_KINDS)("application routes on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  let cookies: { alice: string; ann: string; bob: string; official: string };
  let draftId: number;
  let publicId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
    w = await buildWorld(t.db);
    cookies = {
      alice: await cookieFor(t.db, w.alice.id),
      ann: await cookieFor(t.db, w.ann.id),
      bob: await cookieFor(t.db, w.bob.id),
      official: await cookieFor(t.db, w.official.id),
    };
    const draft = await createApplication(t.db, w.alice, applicationInput(w, { title: "路由草稿" }));
    const open = await createApplication(t.db, w.alice, applicationInput(w, { title: "路由公开", submit: true, publicFromSubmission: true }));
    if (!draft.ok || !open.ok) throw new Error("setup failed");
    draftId = draft.id;
    publicId = open.id;
  });
  afterAll(async () => {
    await closeDatabase();
    await t.drop();
  });

  /** The form as a browser sends it, JavaScript off. */
  function formFields(over: Record<string, string | string[]> = {}): Fields {
    const base: Record<string, string | string[]> = {
      campaignId: String(w.campaign.id),
      organizationId: String(w.huawei.id),
      title: "无障碍叫车热线",
      summary: "老人拨打一个电话即可叫到出租车。",
      description: "与出租车公司合作，老人拨打热线，由接线员代为下单，车辆到达后短信通知家属。",
      domain: "life",
      maturity: "pilot",
      costBand: "",
      technologyIds: [String(w.ai.id)],
      scenarioIds: [],
      targetGroupIds: [String(w.elderly.id)],
      demandIds: [String(w.demand.id)],
      "deployments[0].place": String(w.ganquan.id),
      "deployments[0].placeName": "",
      "deployments[0].since": "2025-01",
      "deployments[1].place": "other",
      "deployments[1].placeName": "徐汇区",
      "deployments[1].since": "",
      intent: "save",
      ...over,
    };
    return Object.entries(base).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
  }

  const errorsOf = async (res: Response) => ((await res.json()) as { result: { error: Record<string, string[]> } }).result.error;

  it("creates a draft from the no-JavaScript form and redirects to it; a double submit makes one", async () => {
    const fields = formFields({ idempotencyKey: "route-key-0123456789", title: "双击的无障碍叫车" });
    const first = await call(newRoute.action, formPost("/applications/new", fields, cookies.alice));
    expect(first.status).toBe(302);
    const location = first.headers.get("Location")!;
    expect(location).toMatch(/^\/applications\/\d+\?notice=applicationSaved$/);
    const second = await call(newRoute.action, formPost("/applications/new", fields, cookies.alice));
    expect(second.headers.get("Location")).toBe(location);
    const rows = await t.db.select().from(applications).where(eq(applications.title, "双击的无障碍叫车"));
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe("draft");
  });

  it("submits at once with intent=submit", async () => {
    const res = await call(
      newRoute.action,
      formPost("/applications/new", formFields({ idempotencyKey: "route-key-submit-000001", title: "直接提交", intent: "submit" }), cookies.alice),
    );
    expect(res.headers.get("Location")).toMatch(/notice=applicationSubmitted/);
  });

  it("answers bad input with messages beside the fields (400), saving nothing", async () => {
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ organizationId: String(w.jd.id) }, "organizationId", "applications:errors.notMember"],
      [{ title: "" }, "title", "applications:errors.titleRequired"],
      [{ title: "长".repeat(81) }, "title", "applications:errors.titleTooLong"],
      [{ domain: "space" }, "domain", "applications:errors.domainInvalid"],
      [{ maturity: "deployed", "deployments[0].place": "", "deployments[0].since": "", "deployments[1].place": "", "deployments[1].placeName": "" }, "deployments", "applications:errors.deploymentRequired"],
      [{ technologyIds: ["99999999"] }, "technologyIds", "applications:errors.tagInvalid"],
      [{ technologyIds: ["abc"] }, "technologyIds[0]", "applications:errors.tagInvalid"],
      [{ demandIds: [String(w.draftDemand.id)] }, "demandIds", "applications:errors.demandInvalid"],
      [{ "deployments[0].place": "99999999" }, "deployments[0].place", "applications:errors.subdistrictInvalid"],
      [{ "deployments[1].placeName": "" }, "deployments[1].placeName", "applications:errors.placeNameRequired"],
      [{ "deployments[0].since": "2025-13" }, "deployments[0].since", "applications:errors.sinceInvalid"],
      [{ "deployments[0].since": "2999-01" }, "deployments[0].since", "applications:errors.sinceInvalid"],
      [{ "deployments[0].since": "2099-01" }, "deployments[0].since", "applications:errors.sinceFuture"],
      [{ idempotencyKey: "x" }, "idempotencyKey", "applications:errors.formExpired"],
    ];
    for (const [over, field, message] of cases) {
      const res = await call(
        newRoute.action,
        formPost("/applications/new", formFields({ idempotencyKey: "route-key-bad-input-01", title: "坏输入", ...over }), cookies.alice),
      );
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect((await errorsOf(res))[field], JSON.stringify(over)).toEqual([message]);
    }
    expect(await t.db.select().from(applications).where(eq(applications.title, "坏输入"))).toHaveLength(0);
  });

  it("adds a deployment row without JavaScript (conform's insert intent), saving nothing", async () => {
    const fields = formFields({ idempotencyKey: "route-key-insert-0001", title: "加一行" });
    fields.push(["__intent__", JSON.stringify({ type: "insert", payload: { name: "deployments" } })]);
    const res = await call(newRoute.action, formPost("/applications/new", fields, cookies.alice));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { initialValue: { deployments: unknown[] } } };
    expect(body.result.initialValue.deployments).toHaveLength(3);
    expect(await t.db.select().from(applications).where(eq(applications.title, "加一行"))).toHaveLength(0);
  });

  it("keeps the new page for firm members (403 for residents, login for the public)", async () => {
    expect((await call(newRoute.loader, get("/applications/new", cookies.alice))).status).toBe(200);
    expect((await call(newRoute.loader, get("/applications/new", await cookieFor(t.db, w.resident.id)))).status).toBe(403);
    expect((await call(newRoute.loader, get("/applications/new"))).status).toBe(302);
  });

  it("answers another firm's member 403 on the edit page of an application they can see, 404 on a draft", async () => {
    expect((await call(editRoute.loader, get(`/applications/${publicId}/edit`, cookies.bob), { id: String(publicId) })).status).toBe(403);
    expect((await call(editRoute.loader, get(`/applications/${draftId}/edit`, cookies.bob), { id: String(draftId) })).status).toBe(404);
    const post = formPost(`/applications/${publicId}/edit`, [...formFields({ title: "京东改的" }), ["version", "2"]], cookies.bob);
    expect((await call(editRoute.action, post, { id: String(publicId) })).status).toBe(403);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, publicId));
    expect(row.title).toBe("路由公开");
    expect((await call(editRoute.loader, get(`/applications/${publicId}/edit`, cookies.alice), { id: String(publicId) })).status).toBe(200);
    expect((await call(editRoute.loader, get(`/applications/${publicId}/edit`, cookies.official), { id: String(publicId) })).status).toBe(200);
  });

  it("refuses a stale edit with a clear message, keeping the user's text", async () => {
    const created = await createApplication(t.db, w.alice, applicationInput(w, { title: "编辑冲突" }));
    if (!created.ok) throw new Error("setup");
    const params = { id: String(created.id) };
    const ok = await call(editRoute.action, formPost(`/applications/${created.id}/edit`, [...formFields({ title: "第一个保存" }), ["version", "1"]], cookies.alice), params);
    expect(ok.status).toBe(302);
    const stale = await call(editRoute.action, formPost(`/applications/${created.id}/edit`, [...formFields({ title: "我的版本" }), ["version", "1"]], cookies.alice), params);
    expect(stale.status).toBe(409);
    const body = (await stale.json()) as { result: { error: Record<string, string[]>; initialValue: { title: string } }; currentVersion: number };
    expect(body.result.error[""]).toEqual(["applications:errors.conflict"]);
    expect(body.result.initialValue.title).toBe("我的版本");
    expect(body.currentVersion).toBe(2);
    const [row] = await t.db.select().from(applications).where(eq(applications.id, created.id));
    expect(row.title).toBe("第一个保存");
  });

  it("shows the detail page only to those who may see it (404 otherwise), and submits from it", async () => {
    expect((await call(detailRoute.loader, get(`/applications/${draftId}`), { id: String(draftId) })).status).toBe(404);
    expect((await call(detailRoute.loader, get(`/applications/${draftId}`, cookies.bob), { id: String(draftId) })).status).toBe(404);
    expect((await call(detailRoute.loader, get(`/applications/abc`), { id: "abc" })).status).toBe(404);
    expect((await call(detailRoute.loader, get(`/applications/99999999`), { id: "99999999" })).status).toBe(404);
    const page = await call(detailRoute.loader, get(`/applications/${publicId}`), { id: String(publicId) });
    expect(page.status).toBe(200);
    const data = (await page.json()) as { permissions: { canEdit: boolean }; organization: { verified: boolean } };
    expect(data.permissions.canEdit).toBe(false);
    const own = (await (await call(detailRoute.loader, get(`/applications/${draftId}`, cookies.alice), { id: String(draftId) })).json()) as {
      permissions: { canEdit: boolean; canSubmit: boolean };
      app: { version: number };
    };
    expect(own.permissions).toMatchObject({ canEdit: true, canSubmit: true });
    const bobSubmit = await call(detailRoute.action, formPost(`/applications/${publicId}`, { intent: "withdraw", version: "2" }, cookies.bob), { id: String(publicId) });
    expect(bobSubmit.status).toBe(403);
    const submitted = await call(detailRoute.action, formPost(`/applications/${draftId}`, { intent: "submit", version: String(own.app.version) }, cookies.alice), { id: String(draftId) });
    expect(submitted.headers.get("Location")).toBe(`/applications/${draftId}?notice=applicationSubmitted`);
    const bad = await call(detailRoute.action, formPost(`/applications/${draftId}`, { intent: "explode", version: "1" }, cookies.alice), { id: String(draftId) });
    expect(bad.status).toBe(400);
  });

  it("lists publicly with filters, and never 500s on odd query strings", async () => {
    const res = await call(listRoute.loader, get(`/applications?domain=life&page=abc&technology=%3Cscript%3E&status=draft`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { id: number }[] };
    expect(body.rows.map((r) => r.id)).not.toContain(draftId);
  });

  it("serves the directory and profiles; only the firm's members reach the profile edit (403 otherwise)", async () => {
    expect((await call(directoryRoute.loader, get("/organizations?kind=bogus&q=%25"))).status).toBe(200);
    expect((await call(profileRoute.loader, get(`/organizations/${w.huawei.slug}`), { slug: w.huawei.slug })).status).toBe(200);
    expect((await call(profileRoute.loader, get(`/organizations/nope`), { slug: "nope" })).status).toBe(404);
    const params = { slug: w.huawei.slug };
    expect((await call(profileEditRoute.loader, get(`/organizations/${w.huawei.slug}/edit`, cookies.bob), params)).status).toBe(403);
    expect((await call(profileEditRoute.loader, get(`/organizations/${w.huawei.slug}/edit`, cookies.official), params)).status).toBe(403);
    expect((await call(profileEditRoute.loader, get(`/organizations/${w.huawei.slug}/edit`, cookies.alice), params)).status).toBe(200);
    expect((await call(profileEditRoute.loader, get(`/organizations/${w.huawei.slug}/edit`), params)).status).toBe(302);
    const page = await call(profileEditRoute.loader, get(`/organizations/${w.huawei.slug}/edit`, cookies.ann), params);
    expect(page.status).toBe(200);
    const { org } = (await page.json()) as { org: { loadedAt: string } };
    const forged = await call(
      profileEditRoute.action,
      formPost(`/organizations/${w.huawei.slug}/edit`, { descriptionZh: "京东写的", loadedAt: org.loadedAt }, cookies.bob),
      params,
    );
    expect(forged.status).toBe(403);
    const badUrl = await call(
      profileEditRoute.action,
      formPost(`/organizations/${w.huawei.slug}/edit`, { website: "ftp://x", loadedAt: org.loadedAt }, cookies.ann),
      params,
    );
    expect(badUrl.status).toBe(400);
    expect((await errorsOf(badUrl)).website).toEqual(["organizations:errors.websiteInvalid"]);
    const saved = await call(
      profileEditRoute.action,
      formPost(`/organizations/${w.huawei.slug}/edit`, { descriptionZh: "华为简介", capabilities: "5G\n云计算", website: "https://huawei.example.com", loadedAt: org.loadedAt }, cookies.ann),
      params,
    );
    expect(saved.headers.get("Location")).toBe(`/organizations/${w.huawei.slug}?notice=organizationProfileSaved`);
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, w.huawei.id));
    expect(row).toMatchObject({ descriptionZh: "华为简介", capabilities: ["5G", "云计算"], website: "https://huawei.example.com" });
  });
});
