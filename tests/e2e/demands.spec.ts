/**
 * Demands end to end, with JavaScript on (project `js`) and off (`no-js`):
 * raising a demand, the similar-demands step without JavaScript (and the live
 * hint with it), assisted intake by a community worker, supporting and
 * taking a support back. Needs the seed's collecting campaign (2026 open call).
 */
import crypto from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, newResident, postForm, signIn, test } from "./fixtures";

/** A seeded demand (db/seed/demands.ts) that the similar-demands check must find. */
const SEEDED_TITLE = "让行动不便的老人打一个电话就能叫到出租车";
const worker = DEMO_ACCOUNTS.find((a) => a.role === "community_worker")!;

/** A title nothing else resembles (no bigram in common with any other): eight random Chinese characters. */
const uniqueTitle = () => Array.from({ length: 8 }, () => String.fromCodePoint(crypto.randomInt(0x4e00, 0x9fa6))).join("");
const DESCRIPTION = "我是独居老人，视力不好，每周要去医院，现在的打车软件太难用了，希望打一个电话就能叫到车。";

async function fillDemandForm(page: Page, title: string) {
  await page.getByLabel("需求标题").fill(title);
  await page.getByLabel("需求描述").fill(DESCRIPTION);
  await page.getByRole("radio", { name: "生活数字化" }).check();
  await page.getByLabel("所在街道（镇）").selectOption({ label: "甘泉路街道" });
  await page.getByRole("checkbox", { name: "老年人", exact: true }).check();
}

/** A submitted demand by a new resident in their own browser context; returns its id. */
async function demandByAnotherResident(browser: Browser, baseURL: string): Promise<number> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await newResident(page);
  const form = await page.request.get("/demands/new");
  const html = await form.text();
  const campaignId = /name="campaignId" value="(\d+)"/.exec(html)?.[1];
  expect(campaignId, "the seed should have a campaign collecting demands").toBeTruthy();
  const subdistrictId = /<option value="(\d+)"[^>]*>甘泉路街道/.exec(html)![1];
  const response = await postForm(page, "/demands/new", {
    campaignId: campaignId!,
    title: uniqueTitle(),
    description: DESCRIPTION,
    domain: "life",
    subdistrictId,
    raisedBy: "resident",
    contactPreference: "none",
    intent: "submit",
    skipSimilar: "1",
  });
  expect(response.status()).toBe(302);
  const id = Number(/\/demands\/(\d+)/.exec(response.headers().location ?? "")?.[1]);
  await context.close();
  return id;
}

test.describe("raising a demand", () => {
  test("a resident submits a demand and sees it, public, with its history", async ({ page }) => {
    await newResident(page);
    await page.goto("/demands/new");
    await expect(page.getByRole("heading", { level: 1, name: "提出需求" })).toBeVisible();
    const title = uniqueTitle();
    await fillDemandForm(page, title);
    await page.getByRole("button", { name: "提交需求" }).click();

    await expect(page).toHaveURL(/\/demands\/\d+/);
    await expect(page.getByText("需求已提交，已公开")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByTestId("demand-status")).toHaveText("已提交");
    await expect(page.getByRole("heading", { name: "办理记录" })).toBeVisible();

    // It is in the public list and in "my submissions".
    await page.goto("/my");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  });

  test("bad input is answered beside the fields and nothing is created", async ({ page }) => {
    await newResident(page);
    await page.goto("/demands/new");
    await page.getByLabel("需求标题").fill("长".repeat(81));
    await page.getByLabel("需求描述").fill("太短");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("标题不能超过 80 个字。")).toBeVisible();
    await expect(page.getByText("描述至少需要 20 个字，请多写一些。")).toBeVisible();
    await expect(page.getByLabel("需求标题")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/demands\/new$/);
    await page.goto("/my");
    await expect(page.getByText("您还没有提出需求。")).toBeVisible();
  });

  test("without JavaScript, similar demands are shown first: support that one, or submit mine anyway", async ({ page, javaScriptEnabled }) => {
    test.skip(javaScriptEnabled, "the step is the no-JavaScript path");
    await newResident(page);
    await page.goto("/demands/new");
    await fillDemandForm(page, SEEDED_TITLE);
    await page.getByRole("button", { name: "提交需求" }).click();

    const step = page.getByTestId("similar-step");
    await expect(step.getByRole("heading", { name: "提交前，请看看这些相似的需求" })).toBeVisible();
    await expect(step.getByRole("link", { name: SEEDED_TITLE })).toBeVisible();
    // The form still holds what was typed.
    await expect(page.getByLabel("需求标题")).toHaveValue(SEEDED_TITLE);
    await page.getByRole("button", { name: "我的需求不一样，继续提交" }).click();
    await expect(page).toHaveURL(/\/demands\/\d+\?notice=demandSubmitted/);
    await expect(page.getByRole("heading", { level: 1, name: SEEDED_TITLE })).toBeVisible();

    // Raising it again, this time supporting the existing one instead.
    await page.goto("/demands/new");
    await fillDemandForm(page, SEEDED_TITLE);
    await page.getByRole("button", { name: "提交需求" }).click();
    const seededRow = page.getByTestId("similar-step").getByRole("listitem").filter({ hasText: SEEDED_TITLE }).filter({ has: page.getByRole("button", { name: "支持这条" }) }).first();
    await seededRow.getByRole("button", { name: "支持这条" }).click();
    await expect(page.getByText("已支持：您也需要这条需求。")).toBeVisible();
    await expect(page.getByText("您已支持这条需求")).toBeVisible();
  });

  test("with JavaScript, similar demands appear while typing the title", async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "the live hint needs JavaScript");
    await newResident(page);
    await page.goto("/demands/new");
    await page.getByLabel("需求标题").pressSequentially("老人打一个电话就能叫到出租车", { delay: 20 });
    const live = page.getByTestId("similar-live");
    await expect(live.getByRole("link", { name: SEEDED_TITLE })).toBeVisible();
    await expect(live.getByRole("link", { name: "支持这条" }).first()).toBeVisible();
  });
});

test.describe("assisted intake", () => {
  test("a community worker records a resident's need; the phone is shown to the worker, not to the public", async ({ page, browser, baseURL }) => {
    await signIn(page, worker.email, worker.password);
    await page.goto("/intake/new");
    await expect(page.getByRole("heading", { level: 1, name: "代居民登记需求" })).toBeVisible();
    // Preset: the worker's subdistrict and "elderly".
    await expect(page.getByLabel("所在街道（镇）")).toHaveValue(/\d+/);
    await expect(page.getByRole("checkbox", { name: "老年人", exact: true })).toBeChecked();

    const phone = `139${String(crypto.randomInt(10_000_000, 99_999_999))}`;
    const title = `代登记：${uniqueTitle()}`;
    await page.getByLabel("居民姓名或称呼").fill("邵建国");
    await page.getByLabel("居民电话（选填）").fill(phone);
    await page.getByRole("radio", { name: "电话", exact: true }).check();
    await page.getByRole("radio", { name: "电话中口头同意" }).check();
    await page.getByLabel("需求标题").fill(title);
    await page.getByLabel("需求描述").fill(DESCRIPTION);
    await page.getByRole("radio", { name: "生活数字化" }).check();
    await page.getByRole("button", { name: "登记并提交" }).click();

    await expect(page).toHaveURL(/\/demands\/\d+\?notice=intakeRecorded/);
    await expect(page.getByTestId("intake-note")).toContainText("代居民 邵某 提交");
    await expect(page.getByTestId("intake-note")).toContainText(worker.displayName);
    await expect(page.getByTestId("intake-private")).toContainText(phone);
    await expect(page.getByTestId("demand-status")).toHaveText("已提交");

    const url = page.url().replace(/\?.*$/, "");
    const anonymous = await browser.newContext({ baseURL });
    const publicPage = await anonymous.newPage();
    await publicPage.goto(url);
    await expect(publicPage.getByTestId("intake-note")).toContainText("邵某");
    await expect(publicPage.getByTestId("intake-private")).toHaveCount(0);
    expect(await publicPage.content()).not.toContain(phone);
    await anonymous.close();
  });
});

test.describe("supports", () => {
  test("a resident supports another's demand and takes the support back", async ({ page, browser, baseURL }) => {
    const id = await demandByAnotherResident(browser, baseURL!);
    await newResident(page);
    await page.goto(`/demands/${id}`);
    const count = page.getByTestId("support-count");
    await expect(count).toHaveText("0 人支持");

    await page.getByRole("button", { name: "我也需要" }).click();
    await expect(count).toHaveText("1 人支持");
    await expect(page.getByText("您已支持这条需求")).toBeVisible();

    await page.getByRole("button", { name: "取消支持" }).click();
    await expect(count).toHaveText("0 人支持");
    await expect(page.getByRole("button", { name: "我也需要" })).toBeVisible();

    // The count survives a reload (it is the server's, not only the page's).
    await page.getByRole("button", { name: "我也需要" }).click();
    await expect(count).toHaveText("1 人支持");
    await page.goto(`/demands/${id}`);
    await expect(count).toHaveText("1 人支持");
  });

  test("the signed-out are invited to sign in instead", async ({ page, browser, baseURL }) => {
    const id = await demandByAnotherResident(browser, baseURL!);
    await page.goto(`/demands/${id}`);
    await expect(page.getByRole("link", { name: "登录后支持" })).toBeVisible();
    await expect(page.getByRole("button", { name: "我也需要" })).toHaveCount(0);
  });
});

test.describe("accessibility", () => {
  test("the demand pages pass axe's WCAG 2.1 AA checks, errors shown included", async ({ page, browser, baseURL, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "axe runs as a script inside the page");
    test.setTimeout(180_000); // axe is slow on a busy machine
    const id = await demandByAnotherResident(browser, baseURL!);
    await newResident(page);
    const check = async (what: string) => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
    };
    for (const path of ["/demands", `/demands/${id}`, "/demands/new", "/my"]) {
      await page.goto(path);
      await check(path);
    }
    await page.goto("/demands/new");
    await page.getByRole("button", { name: "提交需求" }).click();
    await expect(page.getByText("请填写需求标题。")).toBeVisible();
    await check("/demands/new with errors");
  });
});
