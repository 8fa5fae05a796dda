/**
 * The search page in a real browser: full results on submit without
 * JavaScript, results following the typing with it; facets narrow through the
 * URL; drafts and non-public items never appear to the public.
 */
import { expect, test } from "./fixtures";

test.describe("search page", () => {
  test("finds demands and applications by a Chinese sub-word, with highlighted matches", async ({ page, javaScriptEnabled }) => {
    await page.goto("/search");
    await expect(page.getByRole("heading", { name: "搜索", level: 1 })).toBeVisible();
    const box = page.getByLabel("搜索需求、应用和机构");
    if (javaScriptEnabled) {
      // Results follow the typing: no submit needed.
      await box.pressSequentially("独居老人", { delay: 30 });
      await expect(page).toHaveURL(/q=%E7%8B%AC%E5%B1%85%E8%80%81%E4%BA%BA/);
    } else {
      await box.fill("独居老人");
      await page.getByRole("button", { name: "搜索", exact: true }).click();
    }
    await expect(page.getByRole("status")).toContainText("独居老人");
    const first = page.getByRole("listitem").filter({ has: page.locator("mark") }).first();
    await expect(first.locator("mark").first()).toBeVisible();
    await expect(page.locator("mark").filter({ hasText: /独居|老人/ }).first()).toBeVisible();
  });

  test("narrows by a facet kept in the URL, and clears it", async ({ page }) => {
    await page.goto("/search?q=%E8%80%81%E4%BA%BA");
    await page.getByRole("region", { name: "类型" }).getByRole("link", { name: /需求/ }).click();
    await expect(page).toHaveURL(/type=demand/);
    const hits = page.locator("ol > li");
    await expect(hits.first()).toBeVisible();
    for (const label of await hits.locator("p.text-sm").allTextContents()) expect(label).toBe("需求");
    await page.getByRole("link", { name: "清除全部筛选" }).click();
    await expect(page).not.toHaveURL(/type=demand/);
  });

  test("says so helpfully when nothing matches, and never errors on bad parameters", async ({ page }) => {
    const res = await page.goto("/search?q=zzzqqqxxyy&page=abc&subdistrict=-3&type=bogus");
    expect(res?.status()).toBe(200);
    await expect(page.getByText("没有找到匹配的内容")).toBeVisible();
  });

  test("the JSON API answers with hits and facets, and 400 for bad parameters", async ({ request }) => {
    const ok = await request.get("/api/v1/search?q=%E6%99%BA%E6%85%A7&type=application&perPage=5");
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(5);
    expect(body.hits[0].url).toMatch(/^\/applications\/\d+$/);
    expect(body.facets.type).toEqual([{ value: "application", label: "application", count: body.total }]);
    const bad = await request.get("/api/v1/search?perPage=500");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).fields.perPage).toBeTruthy();
  });
});
