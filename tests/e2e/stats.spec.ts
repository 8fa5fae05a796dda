/**
 * The statistics page with the demo data, JavaScript on (project `js`) and
 * off (`no-js`): charts drawn on the server as SVG, the 2021 funnel as the
 * seed made it (500 applications → 100 selected; 51 demands — the 50 of the
 * call and the Zhenru Town gate-guard need added with the matching demo — →
 * 10 selected), the data tables behind every chart, the campaign selector and
 * its readable addresses, the English page, an unknown campaign, and (with
 * JavaScript) a hydration that keeps the server's markup.
 */
import type { Locator, Page } from "@playwright/test";

import { expect, postForm, test } from "./fixtures";

const CALL_2021 = "2021-scenario-call";
const HAINA = "2023-haina-pilot-zone";

const chart = (page: Page, id: string) => page.locator(`figure[data-chart="${id}"]`);

/** The numbers written at the ends of a chart's bars. */
async function barTexts(figure: Locator): Promise<string[]> {
  return figure.locator("svg .recharts-label-list text").allTextContents();
}

test.describe("statistics page", () => {
  test("draws the 2021 funnel and the other charts as SVG, each with its data table", async ({ page }) => {
    const response = await page.goto(`/stats?campaign=${CALL_2021}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("2021 普陀区数字化转型场景征集 · 数据统计 · 普陀数字化转型实验室");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /遴选漏斗/);
    await expect(page.getByRole("heading", { level: 1, name: "数据统计" })).toBeVisible();
    await expect(page.getByTestId("stats-scope")).toContainText("统计范围：2021 普陀区数字化转型场景征集（已发布）");
    await expect(page.getByTestId("stats-scope").locator("time")).toHaveText(/^数据截至 \d{4}年\d{1,2}月\d{1,2}日/);

    // Applications: 500 submitted, 465 past screening and fully scored, 100 shortlisted and selected.
    const applications = chart(page, `funnel-applications-${CALL_2021}`);
    await expect(applications.locator("figcaption")).toHaveText("2021 普陀区数字化转型场景征集 · 应用：从提交到入选");
    const appsImage = applications.getByRole("img");
    await expect(appsImage).toHaveAttribute("aria-label", /：提交 500；通过初筛 465；完成评分 465；入围 100；入选 100$/);
    expect(await appsImage.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
    await expect(applications.locator("svg .recharts-rectangle")).toHaveCount(5);
    expect(await barTexts(applications)).toEqual(["500（100%）", "465（93%）", "465（93%）", "100（20%）", "100（20%）"]);

    const demands = chart(page, `funnel-demands-${CALL_2021}`);
    await expect(demands.getByRole("img")).toHaveAttribute("aria-label", /：提交 51；通过初筛 48；完成评分 47；入围 10；入选 10$/);
    expect(await barTexts(demands)).toEqual(["51（100%）", "48（94%）", "47（92%）", "10（20%）", "10（20%）"]);

    // The headline numbers agree with the funnels.
    await expect(page.getByTestId("headline-submitted").locator("dd").first()).toHaveText("551");
    await expect(page.getByTestId("headline-selected").locator("dd").first()).toHaveText("110");
    await expect(page.getByTestId("headline-selected")).toContainText("应用 100 项 · 需求 10 项");

    // Every chart is drawn, and every chart has its data table behind a summary.
    const figures = page.getByTestId("chart");
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(10);
    for (const id of ["by-domain", "by-subdistrict", "by-technology", "response-demands", "response-applications", "matches-by-stage", `review-${CALL_2021}-progress`, `review-${CALL_2021}-status`]) {
      await expect(chart(page, id).locator("svg[role=img]"), id).toHaveCount(1);
    }
    await expect(page.locator("figure details > summary")).toHaveCount(count);
    await expect(page.locator("figure details > summary").first()).toHaveText("查看数据表");

    // The table shows the same numbers once opened (a native <details>: no script needed).
    const table = applications.locator("table");
    await expect(table).toBeHidden();
    await applications.locator("summary").click();
    await expect(table).toBeVisible();
    await expect(table.getByRole("row", { name: /入选/ }).getByRole("cell")).toHaveText(["100", "20%"]);

    // Review progress: 2021's reviews are all in (465 applications × 3, 47 demands × 3).
    const review = chart(page, `review-${CALL_2021}-progress`);
    expect(await barTexts(review)).toEqual(["1,395/1,395（100%）", "141/141（100%）"]);

    // Ten subdistricts and towns; matches only at the stages the public sees.
    await expect(chart(page, "by-subdistrict").locator("svg .recharts-rectangle")).toHaveCount(10);
    await expect(chart(page, "matches-by-stage").getByRole("img")).toHaveAttribute("aria-label", /^已确认的匹配，按阶段：已接受 \d+；试点中 \d+；已落地 \d+$/);

    // Where to get the figures.
    await expect(page.getByRole("link", { name: "本页数据（JSON）" })).toHaveAttribute("href", `/api/v1/stats?campaign=${CALL_2021}`);
    await expect(page.getByRole("link", { name: "开放数据：下载入选名单和公开项目" })).toHaveAttribute("href", "/data");
  });

  test("chooses the campaign with a plain form, at a readable address", async ({ page }) => {
    await page.goto("/stats");
    await expect(page.getByTestId("stats-scope")).toContainText("统计范围：全部");
    await expect(page.locator(`[data-testid="campaign-funnel"][data-campaign="${CALL_2021}"]`)).toBeVisible();
    await expect(page.locator(`[data-testid="campaign-funnel"][data-campaign="${HAINA}"]`)).toBeVisible();

    await page.getByLabel("征集活动", { exact: true }).selectOption({ label: "2023 海纳小镇数字化转型试点区场景征集" });
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(`/stats?campaign=${HAINA}`);
    await expect(page.getByTestId("campaign-funnel")).toHaveCount(1);
    await expect(chart(page, `funnel-applications-${HAINA}`).getByRole("img")).toHaveAttribute("aria-label", /：提交 60；通过初筛 60；/);
    await expect(page.getByLabel("征集活动", { exact: true })).toHaveValue(HAINA);
    // Haina is in review: some assignments done, some pending.
    expect((await barTexts(chart(page, `review-${HAINA}-progress`)))[0]).toMatch(/^\d+\/180（\d+%）$/);

    // "All calls" comes back to the page's own address.
    await page.getByLabel("征集活动", { exact: true }).selectOption({ label: "全部征集活动" });
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL("/stats");
    await expect(page.getByTestId("stats-scope")).toContainText("统计范围：全部");
  });

  test("reads in English", async ({ page }) => {
    const switched = await postForm(page, "/preferences", { locale: "en", redirectTo: `/stats?campaign=${CALL_2021}` });
    expect(switched.status()).toBe(302);
    await page.goto(`/stats?campaign=${CALL_2021}`);
    await expect(page).toHaveTitle("2021 Putuo Digital Transformation Scenario Call · Statistics · Putuo Lab");
    await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
    const applications = chart(page, `funnel-applications-${CALL_2021}`);
    await expect(applications.getByRole("img")).toHaveAttribute("aria-label", /: Submitted 500; Passed screening 465; Fully scored 465; Shortlisted 100; Selected 100$/);
    expect(await barTexts(applications)).toEqual(["500 (100%)", "465 (93%)", "465 (93%)", "100 (20%)", "100 (20%)"]);
    await expect(page.locator("figure summary").first()).toHaveText("Show the data table");
    await expect(chart(page, "by-domain").locator("svg text").first()).toHaveText("Digital economy");
    await expect(page.getByLabel("Call", { exact: true })).toHaveValue(CALL_2021);
  });

  test("answers 404 for a campaign that does not exist", async ({ page }) => {
    const response = await page.goto("/stats?campaign=no-such-call");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  });

  test("keeps the server's charts when the page comes alive", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === "no-js", "hydration needs JavaScript");
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`/stats?campaign=${CALL_2021}`);
    await page.waitForFunction(() => (window as unknown as { __remixContext?: unknown }).__remixContext !== undefined);
    await page.waitForLoadState("networkidle");
    const before = await chart(page, `funnel-applications-${CALL_2021}`).locator("svg").innerHTML();
    // After hydration the SVG is the server's, and the page is interactive (client navigation).
    await page.getByLabel("征集活动", { exact: true }).selectOption(HAINA);
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(`/stats?campaign=${HAINA}`);
    await page.goBack();
    await expect(chart(page, `funnel-applications-${CALL_2021}`).locator("svg")).toHaveCount(1);
    expect(await chart(page, `funnel-applications-${CALL_2021}`).locator("svg").innerHTML()).toBe(before);
    expect(problems.filter((p) => /hydrat|did not match|server HTML|Server:/i.test(p))).toEqual([]);
  });
});
