/**
 * The JSON API and its /developers page over real HTTP against the built
 * server and the demo data, with JavaScript on and off: JSON answers with
 * paging, Link and rate-limit headers; JSON errors (404, 400, 405); the
 * published list and the statistics agreeing; confirmed matches only for the
 * public, more for a signed-in official; the OpenAPI document; the page that
 * explains it all, in both languages, reached from the footer.
 */
import { expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "Putuo-demo-2021";

test.describe("the JSON API", () => {
  test("pages demands with Link and rate-limit headers, open to any origin", async ({ request }) => {
    const res = await request.get("/api/v1/demands?perPage=2&domain=life");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect(res.headers()["access-control-allow-origin"]).toBe("*");
    expect(res.headers()["cache-control"]).toBe("public, max-age=60");
    expect(Number(res.headers()["ratelimit-limit"])).toBeGreaterThan(0);
    expect(res.headers()["ratelimit-remaining"]).toMatch(/^\d+$/);
    const body = await res.json();
    expect(body.data).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    expect(body.data.every((d: { domain: string }) => d.domain === "life")).toBe(true);
    const link = res.headers()["link"];
    expect(link).toMatch(/<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/demands\?perPage=2&domain=life&page=2>; rel="next"/);
    expect(link).toContain(`page=${body.totalPages}>; rel="last"`);

    const next = await request.get(`/api/v1/demands?perPage=2&domain=life&page=2`);
    const second = await next.json();
    expect(second.data.map((d: { id: number }) => d.id)).not.toEqual(body.data.map((d: { id: number }) => d.id));
    const detail = await (await request.get(body.data[0].api)).json();
    expect(detail).toMatchObject({ id: body.data[0].id, url: `/demands/${body.data[0].id}`, description: expect.any(String) });
  });

  test("errors are JSON: unknown and junk ids, bad parameters, other methods, unknown paths", async ({ request }) => {
    for (const path of ["/api/v1/demands/abc", "/api/v1/demands/99999999999", "/api/v1/applications/-1", "/api/v1/organizations/no-such-org", "/api/v1/nothing-here"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(404);
      expect(res.headers()["content-type"], path).toMatch(/^application\/json/);
      expect((await res.json()).error, path).toBe("not_found");
    }
    const bad = await request.get("/api/v1/applications?perPage=500&page=zero");
    expect(bad.status()).toBe(400);
    expect(Object.keys((await bad.json()).fields).sort()).toEqual(["page", "perPage"]);
    const post = await request.post("/api/v1/demands", { data: {} });
    expect(post.status()).toBe(405);
    expect((await post.json()).error).toBe("method_not_allowed");
  });

  test("the published list and the statistics tell the same story", async ({ request }) => {
    const lists = await (await request.get("/api/v1/lists")).json();
    const list2021 = lists.data.find((l: { slug: string }) => l.slug === "2021-scenario-call");
    expect(list2021).toMatchObject({ applications: 100, demands: 10 });
    const demands = await (await request.get("/api/v1/lists/2021-scenario-call?type=demand&perPage=100")).json();
    expect(demands.total).toBe(10);
    expect(demands.data.map((e: { rank: number }) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const stats = await (await request.get("/api/v1/stats?campaign=2021-scenario-call")).json();
    expect(stats.campaign.slug).toBe("2021-scenario-call");
    expect(stats.totals.applications.selected).toBe(100);
    expect(stats.totals.demands.selected).toBe(10);
    expect(stats.totals.applications.submitted).toBeGreaterThanOrEqual(400);
  });

  test("the public sees confirmed matches only; a signed-in official sees the pipeline", async ({ page }) => {
    const anon = await (await page.request.get("/api/v1/matches?perPage=100")).json();
    expect(anon.total).toBeGreaterThan(0);
    for (const m of anon.data) expect(["accepted", "piloting", "deployed"]).toContain(m.stage);
    expect((await (await page.request.get("/api/v1/matches?stage=proposed")).json()).total).toBe(0);

    await signIn(page, "official@putuo.example", DEMO_PASSWORD);
    const res = await page.request.get("/api/v1/matches?stage=proposed");
    expect(res.headers()["cache-control"]).toBe("private, no-store");
    expect(res.headers()["access-control-allow-origin"]).toBeUndefined();
    expect((await res.json()).total).toBeGreaterThan(0);
  });

  test("serves its OpenAPI document", async ({ request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/demands", "/api/v1/stats", "/api/v1/lists/{slug}", "/api/v1/search"]));
  });
});

test.describe("the developers page", () => {
  test("explains every endpoint in Chinese, with examples that work", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "开放接口（API）" }).click();
    await expect(page).toHaveURL(/\/developers$/);
    await expect(page.getByRole("heading", { level: 1, name: "开放接口（API）" })).toBeVisible();
    await expect(page).toHaveTitle(/开放接口（API）/);
    await expect(page.getByTestId("api-endpoint")).toHaveCount(13);
    await expect(page.getByTestId("api-base")).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);

    const demands = page.getByTestId("api-endpoint").filter({ has: page.getByRole("heading", { name: "需求列表" }) });
    await expect(demands.getByRole("cell", { name: "perPage" })).toBeVisible();
    await expect(demands.getByText("整数 1–100")).toBeVisible();
    // The example answer is folded away until asked for (a native <details>, with or without JavaScript).
    const answer = demands.locator("details pre");
    await expect(answer).toBeHidden();
    await demands.getByText("响应示例").click();
    await expect(answer).toBeVisible();
    await expect(answer).toContainText('"totalPages"');

    // "Open in the browser" gives real JSON.
    const href = await demands.getByRole("link", { name: /在浏览器中打开/ }).getAttribute("href");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect((await res.json()).data.length).toBeGreaterThan(0);
  });

  test("reads in English", async ({ page }) => {
    await page.goto("/developers?lang=en");
    await expect(page.getByRole("heading", { level: 1, name: "Developer API" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "One published list" })).toBeVisible();
    await expect(page.getByText("Sign-in required")).toBeVisible();
    await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toHaveAttribute("href", "/api/v1/openapi.json");
  });
});
