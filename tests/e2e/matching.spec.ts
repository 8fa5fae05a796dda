/**
 * Matching vendors to subdistrict needs, end to end, with JavaScript on
 * (project `js`) and off (`no-js`), on the seeded demo: Huawei responds to a
 * Ganquan Road demand with one of its applications (bad input first: the
 * message appears beside the field), an official proposes the match from the
 * responses beside the candidates, 360 cannot see or accept Huawei's match,
 * Huawei accepts, the Ganquan Road community worker records the pilot, and
 * the Ganquan Road board shows the pilot under way. Then the permission
 * cases: nobody moves a match of a subdistrict they do not serve, a resident
 * sees no candidates and the API refuses them. Each project uses its own
 * demands, so the two never touch the same match.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, postForm, signIn, test } from "./fixtures";

const account = (role: string, org?: string) => DEMO_ACCOUNTS.find((a) => a.role === role && (!org || a.organization === org))!;
const official = account("official");
const worker = account("community_worker");
const huawei = account("firm_member", "huawei");
const rival = account("firm_member", "360-security");
const resident = account("resident");

/** Demands of the seed at scale 1 (db/seed/plan.ts), one set per project. */
const CASES = {
  js: { ganquan: "慢病复诊配药能否在社区完成", zhenru: "屋顶违法搭建和群租要能早发现、早处置", app: "华为云城市数字底座：普陀城市智能中枢" },
  "no-js": { ganquan: "中小外贸企业需要一站式数字贸易服务", zhenru: "垃圾箱房满了没人清，夏天气味难闻", app: "华为AI视频城市事件智能发现" },
} as const;
const SITE = "志丹路居委会辖区 6 个楼组";

async function as(page: Page, who: { email: string; password: string }) {
  await postForm(page, "/logout", {});
  await signIn(page, who.email, who.password);
}

/**
 * WCAG 2.1 AA by axe, with JavaScript on only: the server renders the same
 * HTML either way, and axe does not finish on these long pages when the
 * page's JavaScript is disabled (its queue waits on timers that never fire).
 */
async function expectAccessible(page: Page, what: string) {
  if (test.info().project.name !== "js") return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
}

/** The id of a demand on a subdistrict's board, by its title. */
async function demandOnBoard(page: Page, slug: string, title: string): Promise<number> {
  await page.goto(`/subdistricts/${slug}`);
  const href = await page.getByTestId("board-demands").getByRole("link", { name: title, exact: true }).getAttribute("href");
  return Number(/\/demands\/(\d+)/.exec(href ?? "")![1]);
}

test("a vendor responds, an official proposes, the vendor accepts, a pilot is recorded, the board shows it", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const c = CASES[testInfo.project.name as keyof typeof CASES];

  // Huawei responds to a Ganquan Road demand, from the demand's page.
  await signIn(page, huawei.email, huawei.password);
  const demandId = await demandOnBoard(page, "ganquan-road", c.ganquan);
  await page.goto(`/demands/${demandId}`);
  await page.getByTestId("matching-links").getByRole("link", { name: "用我们的方案响应这条需求" }).click();
  await expect(page).toHaveURL(new RegExp(`/demands/${demandId}/respond$`));
  await page.getByLabel("用哪个方案响应").selectOption({ label: c.app });
  await page.getByLabel("时间安排").fill("签约后 3 个月完成试点");
  await page.getByRole("button", { name: "提交响应" }).click();
  // Nothing said about the approach: the message is beside it, nothing is saved.
  await expect(page.getByText("请填写这一项")).toBeVisible();
  await expect(page.getByLabel("实施思路")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "respond page with an error");
  await page.getByLabel("实施思路").fill("在社区卫生服务中心部署云端平台，医生远程复诊、处方流转，药品配送到社区服务站。");
  await page.getByLabel("费用区间（选填）").selectOption({ label: "50–200 万元" });
  await page.getByRole("button", { name: "提交响应" }).click();
  await expect(page).toHaveURL(new RegExp(`/demands/${demandId}/matches\\?notice=matchResponseSaved`));
  await expect(page.getByText("响应已提交")).toBeVisible();
  await expect(page.getByTestId("response").filter({ hasText: c.app })).toBeVisible();
  // A vendor never sees the candidates list.
  await expect(page.getByTestId("candidates")).toHaveCount(0);

  // An official sees the response beside the candidates and proposes it.
  await as(page, official);
  await page.goto(`/demands/${demandId}/matches`);
  await expect(page.getByTestId("candidates").getByTestId("candidate").first()).toBeVisible();
  await expect(page.getByTestId("candidate").first().getByTestId("match-reasons").locator("li").first()).toBeVisible();
  await expectAccessible(page, "demand matches page");
  await page.getByTestId("response").filter({ hasText: c.app }).getByRole("button", { name: /^提议匹配/ }).click();
  await expect(page).toHaveURL(/\/matches\/\d+\?notice=matchProposed$/);
  const matchPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("match-stage").first()).toHaveAttribute("data-stage", "proposed");

  // 360 cannot see Huawei's proposal, let alone accept it.
  await as(page, rival);
  expect((await page.goto(matchPath))!.status()).toBe(404);
  expect((await postForm(page, matchPath, { intent: "accept" })).status()).toBe(404);

  // Huawei accepts.
  await as(page, huawei);
  await page.goto(matchPath);
  await expect(page.getByTestId("your-turn")).toBeVisible();
  await page.getByRole("button", { name: "接受匹配" }).click();
  await expect(page.getByText("您已接受匹配")).toBeVisible();
  await expect(page.getByTestId("match-stage").first()).toHaveAttribute("data-stage", "accepted");
  await expectAccessible(page, "match page");

  // The Ganquan Road community worker records the pilot.
  await as(page, worker);
  await page.goto(matchPath);
  await page.getByLabel("试点地点").fill(SITE);
  await page.getByLabel("试点开始日期").fill("2021-06-01");
  await page.getByLabel("考核指标").fill("每月服务 200 人次；复诊配药等待不超过 2 天");
  await page.getByRole("button", { name: "记录试点开始" }).click();
  await expect(page.getByText("试点已记录")).toBeVisible();
  await expect(page.getByTestId("match-stage").first()).toHaveAttribute("data-stage", "piloting");
  await expect(page.getByTestId("pilot")).toContainText(SITE);

  // The board shows the pilot under way, to anyone.
  await postForm(page, "/logout", {});
  await page.goto("/subdistricts/ganquan-road");
  const pilot = page.getByTestId("board-pilots").getByTestId("board-match").filter({ hasText: c.app });
  await expect(pilot).toBeVisible();
  await expect(pilot).toContainText(SITE);
  await expectAccessible(page, "subdistrict board");
  await page.goto("/subdistricts");
  await expect(page.getByTestId("subdistrict-card")).toHaveCount(10);
  await expectAccessible(page, "district overview");
});

test("nobody moves a match of a subdistrict they do not serve; residents see no candidates", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const c = CASES[testInfo.project.name as keyof typeof CASES];

  // Huawei's application id, from its respond form.
  await signIn(page, huawei.email, huawei.password);
  const zhenruDemand = await demandOnBoard(page, "zhenru-town", c.zhenru);
  const form = await (await page.request.get(`/demands/${zhenruDemand}/respond`)).text();
  const appId = new RegExp(`<option value="(\\d+)"[^>]*>${c.app}<`).exec(form)![1];

  // An official proposes a Zhenru Town match; Huawei accepts it.
  await as(page, official);
  const proposed = await postForm(page, `/demands/${zhenruDemand}/matches`, { intent: "propose", applicationId: appId });
  expect(proposed.status()).toBe(302);
  const matchPath = new URL(proposed.headers().location!, "http://x").pathname;
  await as(page, huawei);
  expect((await postForm(page, matchPath, { intent: "accept" })).status()).toBe(302);

  // The Ganquan Road worker may see the (now public) match but not record its pilot, nor propose in Zhenru Town.
  await as(page, worker);
  await page.goto(matchPath);
  await expect(page.getByRole("button", { name: "记录试点开始" })).toHaveCount(0);
  const refused = await postForm(page, matchPath, { intent: "startPilot", site: SITE, startOn: "2021-06-01", kpis: "不应记录" });
  expect(refused.status()).toBe(403);
  expect((await postForm(page, `/demands/${zhenruDemand}/matches`, { intent: "propose", applicationId: appId })).status()).toBe(403);
  await page.goto(`/demands/${zhenruDemand}/matches`);
  await expect(page.getByTestId("candidates")).toHaveCount(0);
  await expect(page.getByText("只有区科委工作人员和真如镇街道的社区工作者可以查看候选方案")).toBeVisible();
  // 360 cannot decline Huawei's match either.
  await as(page, rival);
  expect((await postForm(page, matchPath, { intent: "decline", reason: "不是我们的" })).status()).toBe(403);

  // A resident: no candidates on the page, 403 from the API.
  await as(page, resident);
  await page.goto(`/demands/${zhenruDemand}/matches`);
  await expect(page.getByTestId("candidates")).toHaveCount(0);
  const api = await page.request.get(`/api/v1/demands/${zhenruDemand}/matches`);
  expect(api.status()).toBe(403);
  // The official gets the candidates as JSON, with score and reasons.
  await as(page, official);
  const ok = await page.request.get(`/api/v1/demands/${zhenruDemand}/matches?limit=5&lang=en`);
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.candidates.length).toBeGreaterThan(0);
  expect(body.candidates[0].reasons[0].text).toEqual(expect.any(String));
});
