/**
 * The home page with the demo data, JavaScript on (project `js`) and off
 * (`no-js`): every section is there and consistent, the search box leads to
 * results, the links lead to the lists, demands and subdistrict boards, the
 * English version and its page title, calls to action fitted to residents,
 * firms and community workers, a new demand among the latest, and the phone
 * layout with no serious accessibility problem.
 */
import crypto from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, newResident, postForm, signIn, test } from "./fixtures";

const account = (email: string) => DEMO_ACCOUNTS.find((a) => a.email === email)!;

const numberIn = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

async function headline(page: Page, id: string): Promise<{ value: number; detail: string }> {
  const figure = page.getByTestId(`headline-${id}`);
  return { value: numberIn(await figure.getByTestId(`headline-${id}-value`).textContent()), detail: (await figure.locator("dd").last().textContent()) ?? "" };
}

test.describe("home page", () => {
  test("shows the programme, the current campaign and its stage, the lists, the numbers, the latest demands and the places", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle("普陀数字化转型实验室 · 城市数字化转型场景征集");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /普陀区向居民、企业和社区征集/);
    await expect(page.getByRole("heading", { level: 1, name: "让数字化转型从身边的需求出发" })).toBeVisible();

    // Calls to action for a visitor who is not signed in.
    const actions = page.getByRole("navigation", { name: "参与方式" });
    await expect(actions.getByRole("link")).toHaveText(["提出需求", "提供解决方案", "注册账户"]);
    await expect(actions.getByRole("link", { name: "提出需求" })).toHaveAttribute("href", "/demands/new");
    await expect(actions.getByRole("link", { name: "注册账户" })).toHaveAttribute("href", "/signup");

    // The open call, its stage among all stages, dates, quotas and what to do now.
    const campaign = page.getByRole("region", { name: "当前征集" });
    await expect(campaign).toContainText("2026 普陀区城市数字化转型场景常态化征集");
    const steps = campaign.getByRole("list", { name: "征集进度" }).getByRole("listitem");
    await expect(steps).toHaveCount(6);
    await expect(steps.first()).toHaveAttribute("aria-current", "step");
    await expect(campaign.locator('[aria-current="step"]')).toHaveCount(1);
    await expect(campaign).toContainText("计划遴选 100 个应用、10 个需求");
    await expect(campaign).toContainText("正在接受申报");
    await expect(page.getByRole("region", { name: "其他正在进行的征集" })).toContainText("2023 海纳小镇数字化转型试点区场景征集（专家评审）");

    // The published list of 2021, with its counts.
    const lists = page.getByRole("region", { name: "入选名单" });
    await expect(lists.getByRole("link", { name: "2021 普陀区数字化转型场景征集" })).toHaveAttribute("href", "/lists/2021-scenario-call");
    await expect(lists).toContainText("入选应用 100 项、需求 10 项");

    // Headline numbers: each total is its demands plus its applications, and the funnel narrows.
    const submitted = await headline(page, "submitted");
    const shortlisted = await headline(page, "shortlisted");
    const selected = await headline(page, "selected");
    for (const figure of [submitted, shortlisted, selected]) {
      const [demands, applications] = [...figure.detail.matchAll(/\d[\d,]*/g)].map((m) => numberIn(m[0]));
      expect(demands + applications).toBe(figure.value);
    }
    expect(submitted.value).toBeGreaterThan(shortlisted.value);
    expect(shortlisted.value).toBeGreaterThanOrEqual(selected.value);
    expect(selected.value).toBeGreaterThanOrEqual(110);
    const matched = await headline(page, "matched");
    expect(matched.value).toBeGreaterThan(0);
    expect(matched.detail).toContain("已接受、试点中或已部署");
    expect((await headline(page, "piloting")).value).toBeGreaterThan(0);
    const numbers = page.getByRole("region", { name: "数据一览" });
    await expect(numbers.getByRole("link", { name: "更多数据" })).toHaveAttribute("href", "/stats");
    await expect(numbers.getByRole("link", { name: "开放数据" })).toHaveAttribute("href", "/data");

    // The latest public demands, each a link with its place, date and supporters.
    const latest = page.getByTestId("latest-demands").getByRole("listitem");
    await expect(latest).toHaveCount(6);
    for (const item of await latest.all()) {
      await expect(item.getByRole("link")).toHaveAttribute("href", /^\/demands\/\d+$/);
      await expect(item).toContainText(/人支持/);
      await expect(item).toContainText(/提出/);
    }
    await expect(page.getByRole("region", { name: "最新需求" }).getByRole("link", { name: "查看全部需求" })).toHaveAttribute("href", "/demands");

    // The ten subdistricts and towns, each a link to its board.
    const places = page.getByTestId("home-places").getByRole("link");
    await expect(places).toHaveCount(10);
    await expect(places.filter({ hasText: "甘泉路街道" })).toHaveAttribute("href", "/subdistricts/ganquan-road");
  });

  test("the search box leads to results", async ({ page }) => {
    await page.goto("/");
    const search = page.getByRole("search");
    await search.getByLabel("搜索需求、应用和机构").fill("独居老人");
    await search.getByRole("button", { name: "搜索" }).click();
    await expect(page).toHaveURL(/\/search\?q=%E7%8B%AC%E5%B1%85%E8%80%81%E4%BA%BA$/);
    await expect(page.getByRole("heading", { name: "搜索", level: 1 })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("独居老人");
    await expect(page.locator("mark").filter({ hasText: /独居|老人/ }).first()).toBeVisible();
  });

  test("its links lead to the published list, all demands and a subdistrict's board", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("region", { name: "入选名单" }).getByRole("link", { name: "2021 普陀区数字化转型场景征集" }).click();
    await expect(page).toHaveURL(/\/lists\/2021-scenario-call$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2021 普陀区数字化转型场景征集");

    await page.goto("/");
    const first = page.getByTestId("latest-demands").getByRole("link").first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(/\/demands\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

    await page.goto("/");
    await page.getByRole("link", { name: "查看全部需求" }).click();
    await expect(page).toHaveURL(/\/demands$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.goto("/");
    await page.getByTestId("home-places").getByRole("link", { name: /甘泉路街道/ }).click();
    await expect(page).toHaveURL(/\/subdistricts\/ganquan-road$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("甘泉路街道");
  });

  test("reads in English, with an English title and description", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle("Putuo Lab · Smart-city needs and solutions for Putuo District");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Putuo District gathers smart-city needs/);
    await expect(page.getByRole("heading", { level: 1, name: "Digital transformation that starts from real needs" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Take part" }).getByRole("link")).toHaveText(["Raise a need", "Offer a solution", "Sign up"]);
    const campaign = page.getByRole("region", { name: "Current campaign" });
    await expect(campaign).toContainText("2026 Putuo Open Call for Digital Transformation Scenarios");
    await expect(campaign.locator('[aria-current="step"]')).toContainText("Submissions");
    await expect(page.getByRole("region", { name: "Selected lists" }).getByRole("link", { name: "2021 Putuo Digital Transformation Scenario Call" })).toBeVisible();
    await expect(page.getByRole("region", { name: "At a glance" }).getByRole("link", { name: "More statistics" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Latest needs" })).toBeVisible();
    await expect(page.getByTestId("home-places").getByRole("link", { name: /Ganquan Road Subdistrict/ })).toBeVisible();
    await expect(page.getByRole("search").getByLabel("Search needs, applications and organisations")).toBeVisible();
  });

  test("a signed-in firm is invited to submit an application, not to sign up", async ({ page }) => {
    const huawei = account("huawei@putuo.example");
    await signIn(page, huawei.email, huawei.password);
    await page.goto("/");
    const actions = page.getByRole("navigation", { name: "参与方式" });
    await expect(actions.getByRole("link")).toHaveText(["提交应用", "查看需求，提出方案", "我的提交"]);
    await actions.getByRole("link", { name: "提交应用" }).click();
    await expect(page).toHaveURL(/\/applications\/new$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("a resident is invited to raise a need, a community worker to register one for a resident", async ({ page }) => {
    await newResident(page);
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "参与方式" }).getByRole("link")).toHaveText(["提出需求", "看看大家的需求", "我的提交"]);
    await expect(page.getByText("提出需求和提交方案需要先登录")).toHaveCount(0);

    await page.context().clearCookies();
    const worker = account("worker@putuo.example");
    await signIn(page, worker.email, worker.password);
    await page.goto("/");
    const actions = page.getByRole("navigation", { name: "参与方式" });
    await expect(actions.getByRole("link").first()).toHaveText("代居民登记需求");
    await expect(actions.getByRole("link").first()).toHaveAttribute("href", "/intake/new");
  });

  test("a newly submitted demand is among the latest", async ({ page }) => {
    await newResident(page);
    const form = await page.request.get("/demands/new");
    const html = await form.text();
    const campaignId = /name="campaignId" value="(\d+)"/.exec(html)?.[1];
    const subdistrictId = /<option value="(\d+)"[^>]*>长风新村街道/.exec(html)?.[1];
    expect(campaignId && subdistrictId, "the demand form offers the open call and the subdistricts").toBeTruthy();
    const title = `首页最新需求检查 ${crypto.randomBytes(3).toString("hex")}`;
    const response = await postForm(page, "/demands/new", {
      campaignId: campaignId!,
      title,
      description: "小区门口的公交站没有候车椅，老人等车要站很久，希望加装座椅和实时到站屏。",
      domain: "life",
      subdistrictId: subdistrictId!,
      raisedBy: "resident",
      contactPreference: "none",
      intent: "submit",
      skipSimilar: "1",
    });
    expect(response.status()).toBe(302);
    await page.context().clearCookies();
    await page.goto("/");
    const item = page.getByTestId("latest-demands").getByRole("listitem").filter({ hasText: title });
    await expect(item).toContainText("长风新村街道");
    await expect(item).toContainText("生活数字化");
    await expect(item).toContainText("0 人支持");
  });

  test("fits a phone screen, in elder mode too, without serious accessibility problems", async ({ page, javaScriptEnabled }) => {
    test.setTimeout(90_000); // axe is slow on a busy machine
    await page.setViewportSize({ width: 375, height: 812 });
    for (const elder of [false, true]) {
      if (elder) {
        const toggle = await postForm(page, "/preferences", { redirectTo: "/", elder: "1" });
        expect(toggle.status()).toBe(302);
      }
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("data-elder", elder ? "1" : "0");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
      // axe runs as a script inside the page: only with JavaScript on.
      if (!javaScriptEnabled) continue;
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
    // The calls to action and the search button are big enough to tap in elder mode.
    for (const control of await page.locator("main").getByRole("button").or(page.getByRole("navigation", { name: "参与方式" }).getByRole("link")).all()) {
      const box = await control.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
  });
});
