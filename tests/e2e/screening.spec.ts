/**
 * Campaigns and screening end to end, with JavaScript on (project `js`) and
 * off (`no-js`): an official creates a test campaign, a resident submits two
 * demands to it, the official moves it to screening (refused before, with the
 * reason said), passes one demand and rejects the other with a reason
 * template; the resident reads both outcomes in /inbox. Residents get 403 on
 * the officials' pages; the local mailbox is closed to the public in production.
 */
import crypto from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, newResident, postForm, signIn, test } from "./fixtures";

const official = DEMO_ACCOUNTS.find((a) => a.role === "official")!;
const DESCRIPTION = "小区里的老人很多，希望有一个简单的办法能预约社区食堂的送餐服务，电话或者小程序都可以。";

/** Submits a demand to `campaignId` as the signed-in resident of `page`; returns its id. */
async function submitDemand(page: Page, campaignId: string, title: string): Promise<number> {
  const html = await (await page.request.get("/demands/new")).text();
  const subdistrictId = /<option value="(\d+)"[^>]*>甘泉路街道/.exec(html)?.[1];
  expect(subdistrictId, "the demand form should offer the subdistricts").toBeTruthy();
  const response = await postForm(page, "/demands/new", {
    campaignId,
    title,
    description: DESCRIPTION,
    domain: "life",
    subdistrictId: subdistrictId!,
    raisedBy: "resident",
    contactPreference: "none",
    intent: "submit",
    skipSimilar: "1",
    formToken: crypto.randomBytes(12).toString("hex"),
  });
  expect(response.status(), "the demand should be submitted").toBe(302);
  return Number(/\/demands\/(\d+)/.exec(response.headers().location ?? "")?.[1]);
}

test("a resident gets 403 on the officials' campaign pages", async ({ page }) => {
  await newResident(page);
  for (const path of ["/official/campaigns", "/official/campaigns/new", "/official/screening-reasons", "/official/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await expect(page.getByRole("heading", { level: 1, name: "没有访问权限" })).toBeVisible();
});

test("the local mailbox is not open to the public in production", async ({ page }) => {
  const response = await page.goto("/dev/mailbox");
  expect(response?.status()).toBe(404);
});

test("the campaign form answers bad input beside the fields, and edits the rubric with or without JavaScript", async ({ page }) => {
  await signIn(page, official.email, official.password);
  await page.goto("/official/campaigns/new");
  await expect(page.getByRole("group", { name: "评分项 4" })).toBeVisible();
  await page.getByRole("button", { name: "删除评分项 4" }).click();
  await expect(page.getByRole("group", { name: "评分项 4" })).toHaveCount(0);
  await page.getByRole("button", { name: "添加评分项" }).click();
  const added = page.getByRole("group", { name: "评分项 4" });
  await expect(added).toBeVisible();
  await added.getByLabel("标识").fill("innovation");
  await page.getByLabel("网址名").fill("Not A Slug");
  await page.getByLabel("开始日期").fill("2026-06-01");
  await page.getByLabel("截止日期").fill("2026-05-01");
  await page.getByRole("button", { name: "创建征集活动" }).click();

  await expect(page.getByLabel("中文标题")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("请填写标题。").first()).toBeVisible();
  await expect(page.getByLabel("网址名")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("截止日期")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("截止日期必须晚于开始日期。")).toBeVisible();
  await expect(added.getByText("标识重复了，每个评分项的标识须不同。")).toBeVisible();
  await expect(page).toHaveURL(/\/official\/campaigns\/new$/);
});

test("an official screens a test campaign and the submitter reads the outcome in the inbox", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const tag = crypto.randomBytes(4).toString("hex");
  const slug = `e2e-screening-${tag}`;

  // The resident works in a browser of their own.
  const residentContext = await browser.newContext({ baseURL });
  const resident = await residentContext.newPage();
  await newResident(resident);

  // 1. The official creates the campaign (it starts in "collecting").
  await signIn(page, official.email, official.password);
  await page.goto("/official/campaigns/new");
  await page.getByLabel("中文标题").fill(`端到端测试征集 ${tag}`);
  await page.getByLabel("英文标题").fill(`End-to-end test call ${tag}`);
  await page.getByLabel("网址名").fill(slug);
  await page.getByLabel("开始日期").fill("2026-01-01");
  await page.getByLabel("截止日期").fill("2027-12-31");
  await page.getByRole("button", { name: "创建征集活动" }).click();
  await expect(page).toHaveURL(new RegExp(`/official/campaigns/${slug}`));
  await expect(page.getByText("征集活动已创建。")).toBeVisible();
  const historyHref = await page.getByRole("link", { name: "查看本活动的操作记录" }).getAttribute("href");
  const campaignId = /entityId=(\d+)/.exec(historyHref ?? "")?.[1];
  expect(campaignId).toBeTruthy();

  // 2. The resident submits two demands to it.
  const passTitle = `送餐预约 ${tag} 甲`;
  const rejectTitle = `送餐预约 ${tag} 乙`;
  await submitDemand(resident, campaignId!, passTitle);
  await submitDemand(resident, campaignId!, rejectTitle);

  // 3. Screening is refused while collecting, and the page says why.
  await page.goto(`/official/campaigns/${slug}/screening?type=demand`);
  await expect(page.getByTestId("stage-closed")).toHaveText("征集活动当前处于“征集中”阶段，该操作只在“初筛中”阶段开放。");
  await expect(page.getByRole("button", { name: `通过：${passTitle}`, exact: true })).toHaveCount(0);

  // 4. The official moves the campaign to screening, through the confirmation.
  await page.goto(`/official/campaigns/${slug}`);
  await page.getByRole("link", { name: "进入下一阶段：初筛中" }).click();
  await expect(page.getByRole("heading", { name: "确定要从“征集中”进入“初筛中”吗？" })).toBeVisible();
  await page.getByRole("button", { name: "确认进入“初筛中”" }).click();
  await expect(page.getByText("征集活动的阶段已更改。")).toBeVisible();
  await expect(page.locator("[data-stage]").first()).toHaveText("初筛中");

  // 5. A reusable reason.
  const reasonZh = `不属于本次征集范围（测试 ${tag}）`;
  await page.goto("/official/screening-reasons");
  const addForm = page.getByRole("form", { name: "添加理由" });
  await addForm.getByLabel("中文").fill(reasonZh);
  await addForm.getByLabel("英文").fill(`Outside the scope of this call (test ${tag})`);
  await addForm.getByRole("button", { name: "添加" }).click();
  await expect(page.getByText("初筛理由已保存。")).toBeVisible();

  // 6. Pass one, reject the other with the template.
  await page.goto(`/official/campaigns/${slug}/screening?type=demand`);
  await expect(page.getByText("需求（待筛 2）")).toBeVisible();
  await page.getByRole("button", { name: `通过：${passTitle}`, exact: true }).click();
  await expect(page.getByText("所选项目已通过初筛，已通知提交人。")).toBeVisible();
  await expect(page.getByRole("button", { name: `通过：${passTitle}`, exact: true })).toHaveCount(0);

  // Without a reason the rejection is refused beside the reason field.
  await page.getByRole("button", { name: `不通过：${rejectTitle}`, exact: true }).click();
  await expect(page.getByText("不通过时请选择常用理由或填写说明。")).toBeVisible();
  await page.getByLabel("常用理由").selectOption({ label: reasonZh });
  await page.getByRole("button", { name: `不通过：${rejectTitle}`, exact: true }).click();
  await expect(page.getByText("所选项目未通过初筛，已将理由通知提交人。")).toBeVisible();
  await expect(page.getByText("没有待筛的项目。")).toBeVisible();

  // 7. The resident reads both notices, newest first, and marks them read.
  await resident.goto("/inbox");
  const rejected = resident.locator('[data-notification="itemRejected"]');
  await expect(rejected.getByRole("heading", { name: `您的需求“${rejectTitle}”未通过初筛` })).toBeVisible();
  await expect(rejected).toContainText(`原因：${reasonZh}`);
  await expect(resident.locator('[data-notification="itemPassedScreening"]').getByRole("heading", { name: `您的需求“${passTitle}”已通过初筛` })).toBeVisible();
  await expect(resident.getByTestId("inbox-summary")).toHaveText("共 2 条，未读 2 条。");
  await resident.getByRole("button", { name: "全部标为已读" }).click();
  await expect(resident.getByText("已标为已读。")).toBeVisible();
  await expect(resident.getByTestId("inbox-summary")).toHaveText("共 2 条，未读 0 条。");

  // 8. The rejection is in the audit log with its reason.
  await page.goto(`/official/audit?action=demand.reject&actor=${encodeURIComponent(official.email)}`);
  await expect(page.locator('[data-audit-action="demand.reject"]').filter({ hasText: reasonZh })).toHaveCount(1);
  await residentContext.close();
});

test("the officials' campaign pages and the inbox have no WCAG 2.1 AA violations", async ({ page }) => {
  test.skip(test.info().project.name === "no-js", "one pass is enough");
  test.setTimeout(180_000);
  await signIn(page, official.email, official.password);
  const paths = ["/official/campaigns", "/official/campaigns/new", "/official/screening-reasons", "/official/audit", "/inbox"];
  await page.goto("/official/campaigns");
  const first = await page.locator("[data-campaign]").first().getAttribute("data-campaign");
  if (first) paths.push(`/official/campaigns/${first}`, `/official/campaigns/${first}/edit`, `/official/campaigns/${first}/screening`, `/official/campaigns/${first}/progress`);
  for (const path of paths) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), path).toEqual([]);
  }
});
