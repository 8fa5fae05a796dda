/**
 * Applications end to end, with JavaScript on (project `js`) and off
 * (`no-js`): a firm member writes an application, attaches a photo (a
 * disguised executable is refused beside the file field), submits it; a
 * member of another firm gets 403 on its edit page; the pages pass axe.
 * Uses the seed's Huawei (owner) and 360 (member) demo accounts and a
 * campaign collecting applications (the seed's, or one the official creates).
 */
import crypto from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, postForm, signIn, test } from "./fixtures";

const huawei = DEMO_ACCOUNTS.find((a) => a.organization === "huawei")!;
const other = DEMO_ACCOUNTS.find((a) => a.role === "firm_member" && a.organization !== "huawei")!;
const official = DEMO_ACCOUNTS.find((a) => a.role === "official")!;

/** A real 1×1 PNG, and the first bytes of a Linux executable. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(248)]);

const uniqueTitle = () => `跌倒预警 ${crypto.randomBytes(4).toString("hex")}`;

/** The id of a campaign collecting applications: the seed's, else one the official opens now. */
async function collectingCampaign(browser: Browser, baseURL: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, huawei.email, huawei.password);
  const html = await (await page.request.get("/applications/new", { headers: { connection: "close" } })).text();
  let id = /<select[^>]*name="campaignId"[\s\S]*?<option value="(\d+)"/.exec(html)?.[1];
  if (!id) {
    const officialContext = await browser.newContext({ baseURL });
    const officialPage = await officialContext.newPage();
    await signIn(officialPage, official.email, official.password);
    const slug = `e2e-call-${crypto.randomBytes(4).toString("hex")}`;
    const created = await postForm(officialPage, "/official/campaigns/new", {
      slug,
      titleZh: "端到端测试征集",
      titleEn: "End-to-end test call",
      opensAt: "2026-01-01",
      closesAt: "2030-12-31",
      applicationQuota: "100",
      demandQuota: "10",
      reviewersPerItem: "3",
      "rubric[0].key": "innovation",
      "rubric[0].labelZh": "创新性",
      "rubric[0].labelEn": "Innovation",
      "rubric[0].weight": "1",
      "rubric[0].scaleMax": "10",
    });
    expect(created.status(), "the official should be able to open a campaign").toBe(302);
    await officialContext.close();
    const again = await (await page.request.get("/applications/new", { headers: { connection: "close" } })).text();
    id = /<select[^>]*name="campaignId"[\s\S]*?<option value="(\d+)"/.exec(again)?.[1];
  }
  expect(id, "a campaign should collect applications").toBeTruthy();
  await context.close();
  return id!;
}

async function fillApplicationForm(page: Page, title: string) {
  await page.getByLabel("应用名称").fill(title);
  await page.getByLabel("一句话简介").fill("毫米波雷达感知独居老人跌倒，自动通知家属和居委会。");
  await page.getByLabel("详细介绍").fill("不拍摄画面、保护隐私；检测到跌倒后自动呼叫家属和居委会，已在甘泉路街道试点。");
  await page.getByRole("radio", { name: "生活数字化" }).check();
  await page.getByRole("radio", { name: "试点中" }).check();
  await page.getByRole("group", { name: "使用的技术" }).getByRole("checkbox").first().check();
  await page.getByLabel("地点", { exact: true }).first().selectOption({ label: "甘泉路街道" });
  await page.getByLabel("开始运行的年月").first().fill("2024-05");
}

test.describe("applications", () => {
  test("a firm member writes an application, attaches a photo and submits it", async ({ page, browser, baseURL }) => {
    await collectingCampaign(browser, baseURL!);
    await signIn(page, huawei.email, huawei.password);
    await page.goto("/applications/new");
    await expect(page.getByRole("heading", { level: 1, name: "提交新应用" })).toBeVisible();
    const title = uniqueTitle();
    await fillApplicationForm(page, title);
    await page.getByRole("button", { name: "保存草稿" }).click();

    await expect(page).toHaveURL(/\/applications\/\d+/);
    await expect(page.getByText("应用已保存。")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const id = Number(/\/applications\/(\d+)/.exec(page.url())![1]);

    // A disguised executable is refused beside the file field; nothing is listed.
    const file = page.getByLabel("选择文件");
    await file.setInputFiles({ name: "发票.pdf", mimeType: "application/pdf", buffer: ELF });
    await page.getByRole("button", { name: "上传" }).click();
    await expect(page.getByText(/只能上传 JPG、PNG、WebP、GIF 图片或 PDF 文件/)).toBeVisible();
    await expect(page.getByLabel("选择文件")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("link", { name: "发票.pdf" })).toHaveCount(0);

    // A real photo is accepted and served with safe headers.
    await page.getByLabel("选择文件").setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "上传" }).click();
    await expect(page.getByText("附件已上传。")).toBeVisible();
    const link = page.getByRole("link", { name: "现场照片.png" });
    await expect(link).toBeVisible();
    const served = await page.request.get((await link.getAttribute("href"))!, { headers: { connection: "close" } });
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/png");
    expect(served.headers()["x-content-type-options"]).toContain("nosniff");
    expect(served.headers()["content-security-policy"]).toContain("sandbox");

    // Submit.
    await page.getByRole("button", { name: "提交申报" }).click();
    await expect(page.getByText(/应用已提交/)).toBeVisible();
    await expect(page.locator("[data-status]")).toHaveText("已提交");

    // Not public (the firm did not choose so): the public gets a 404, the list does not show it.
    const anonymous = await browser.newContext({ baseURL });
    const response = await anonymous.request.get(`/applications/${id}`, { headers: { connection: "close" } });
    expect(response.status()).toBe(404);
    await anonymous.close();
  });

  test("bad input is answered beside the fields and nothing is created", async ({ page, browser, baseURL }) => {
    await collectingCampaign(browser, baseURL!);
    await signIn(page, huawei.email, huawei.password);
    await page.goto("/applications/new");
    await page.getByLabel("应用名称").fill("长".repeat(81));
    await page.getByRole("radio", { name: "已落地" }).check();
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("应用名称最多 80 个字。")).toBeVisible();
    await expect(page.getByText("请填写一句话简介。")).toBeVisible();
    await expect(page.getByLabel("应用名称")).toHaveAttribute("aria-invalid", "true");
    // The text typed is kept.
    await expect(page.getByLabel("应用名称")).toHaveValue("长".repeat(81));
    await expect(page).toHaveURL(/\/applications\/new$/);
  });

  test("a member of another firm gets 403 on the edit page, 404 on a draft", async ({ page, browser, baseURL }) => {
    const campaignId = await collectingCampaign(browser, baseURL!);
    // Huawei (in its own browser) submits a public application and keeps a draft.
    const huaweiContext = await browser.newContext({ baseURL });
    const huaweiPage = await huaweiContext.newPage();
    await signIn(huaweiPage, huawei.email, huawei.password);
    const form = await (await huaweiPage.request.get("/applications/new", { headers: { connection: "close" } })).text();
    const organizationId = /<select[^>]*name="organizationId"[\s\S]*?<option value="(\d+)"/.exec(form)![1];
    const make = async (extra: Record<string, string>) => {
      const response = await postForm(huaweiPage, "/applications/new", {
        idempotencyKey: crypto.randomUUID(),
        campaignId,
        organizationId,
        title: uniqueTitle(),
        summary: "一句话简介",
        description: "详细介绍",
        domain: "life",
        maturity: "concept",
        ...extra,
      });
      expect(response.status()).toBe(302);
      return Number(/\/applications\/(\d+)/.exec(response.headers().location!)![1]);
    };
    const publicId = await make({ intent: "submit", publicFromSubmission: "on" });
    const draftId = await make({ intent: "save" });
    await huaweiContext.close();

    await signIn(page, other.email, other.password);
    await page.goto(`/applications/${publicId}`);
    await expect(page.getByRole("link", { name: "修改" })).toHaveCount(0);
    const edit = await page.goto(`/applications/${publicId}/edit`);
    expect(edit?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
    const draft = await page.goto(`/applications/${draftId}/edit`);
    expect(draft?.status()).toBe(404);
    const forged = await postForm(page, `/applications/${publicId}/edit`, { title: "改别人的", version: "1" });
    expect(forged.status()).toBe(403);
    const profile = await page.goto("/organizations/huawei/edit");
    expect(profile?.status()).toBe(403);
  });

  test("the application pages and the vendor pages pass axe (WCAG 2.1 AA)", async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "axe runs as a script in the page");
    test.setTimeout(180_000); // axe over six long pages on a busy machine
    await signIn(page, huawei.email, huawei.password);
    const check = async (what: string) => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
    };
    await page.goto("/applications");
    await check("/applications");
    const first = page.locator('main a[href^="/applications/"]').filter({ hasNotText: /提交新应用/ }).first();
    await page.goto((await first.getAttribute("href"))!);
    await check("application detail");
    for (const path of ["/applications/new", "/organizations", "/organizations/huawei", "/organizations/huawei/edit"]) {
      await page.goto(path);
      await check(path);
    }
  });
});
