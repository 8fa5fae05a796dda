/**
 * Review end to end, with JavaScript on (project `js`) and off (`no-js`), on
 * the seeded demo (the 2021 lists are published; the 2023 Haina call is in
 * review): the public reads the 2021 lists (100 applications, 10 demands); a
 * reviewer cannot see the other experts' scores before submitting, then
 * scores a Haina item and sees them anonymised; a firm member gets 403 on the
 * reviewers' pages. Each project scores a different item, so the two never
 * touch the same review.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, signIn, test } from "./fixtures";

const reviewer = DEMO_ACCOUNTS.find((a) => a.role === "reviewer")!;
const firm = DEMO_ACCOUNTS.find((a) => a.role === "firm_member")!;
const HAINA = "2023 海纳小镇数字化转型试点区场景征集";

// Pages with a hundred entries and an accessibility scan take a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** axe runs inside the page, so only where JavaScript is on (the no-js project checks the same HTML). */
async function expectAccessible(page: Page, what: string) {
  if (test.info().project.name === "no-js") return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
}

/** The links to the reviewer's pending Haina assignments, in page order. */
async function pendingHaina(page: Page): Promise<string[]> {
  await page.goto("/review");
  const section = page.getByTestId("review-campaign").filter({ has: page.getByRole("heading", { name: HAINA }) });
  await expect(section).toBeVisible();
  const rows = section.locator('[data-testid="assignment-row"][data-status="assigned"] a');
  return rows.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
}

test("the public reads the published 2021 lists: 100 applications and 10 demands", async ({ page }) => {
  await page.goto("/lists");
  await page.getByRole("link", { name: "2021 普陀区数字化转型场景征集" }).click();
  await expect(page).toHaveURL(/\/lists\/2021-scenario-call$/);
  await expect(page.getByTestId("list-applications").getByTestId("list-entry")).toHaveCount(100);
  await expect(page.getByTestId("list-demands").getByTestId("list-entry")).toHaveCount(10);
  const first = page.getByTestId("list-applications").getByTestId("list-entry").first();
  await expect(first.getByRole("link").first()).toHaveAttribute("href", /^\/applications\/\d+$/);
  await expect(first.getByRole("link", { name: /有限公司|集团|Huawei|JD/ }).first()).toHaveAttribute("href", /^\/organizations\/[a-z0-9-]+$/);
  await expectAccessible(page, "/lists/2021-scenario-call");
});

test("a reviewer cannot see the others' scores before submitting", async ({ page }) => {
  await signIn(page, reviewer.email, reviewer.password);
  const pending = await pendingHaina(page);
  expect(pending.length, "the demo reviewer has pending Haina items").toBeGreaterThanOrEqual(3);
  // The first pending item is never scored by these tests.
  await page.goto(pending[0]);
  await expect(page.getByTestId("others-hidden")).toBeVisible();
  await expect(page.getByTestId("other-review")).toHaveCount(0);
  await expectAccessible(page, "review page");
});

test("a reviewer scores a Haina item and then sees the others' scores, anonymised", async ({ page }, testInfo) => {
  await signIn(page, reviewer.email, reviewer.password);
  const pending = await pendingHaina(page);
  // js takes the last pending item, no-js the one before: never the same, never the first.
  const target = pending[pending.length - (testInfo.project.name === "no-js" ? 2 : 1)];
  await page.goto(target);
  await expect(page.getByRole("button", { name: "提交评分" })).toBeVisible();

  // Leave one criterion out first: the message appears beside it and nothing is saved.
  const criteria = page.locator("fieldset[data-criterion]");
  const count = await criteria.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 1; i < count; i++) await criteria.nth(i).locator("label").filter({ hasText: /^7$/ }).click();
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(criteria.first().getByText("请为这一项打分")).toBeVisible();
  await expect(page.getByTestId("my-score")).toHaveCount(0);

  // Now every criterion, with a comment.
  for (let i = 0; i < count; i++) await criteria.nth(i).locator("label").filter({ hasText: /^8$/ }).click();
  await page.getByLabel("评语（选填）").first().fill("端到端测试：方案清晰，建议试点。");
  await page.getByLabel("总体意见（选填）").fill("端到端测试的总体意见。");
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("评分已保存。")).toBeVisible();
  await expect(page.getByTestId("my-score")).toContainText("80.0");
  await expect(page.getByTestId("others-hidden")).toHaveCount(0);
  // Others (if any have submitted) appear as "专家 A/B", never by name.
  const others = page.getByTestId("other-review");
  if ((await others.count()) > 0) await expect(others.first()).toContainText(/专家 [A-Z]/);
  await expect(page.getByTestId("other-reviews")).not.toContainText("周建华");

  // The scores can still be changed while the campaign is reviewing.
  await expect(page.getByRole("button", { name: "保存修改" })).toBeVisible();
});

test("a firm member gets 403 on the reviewers' pages", async ({ page }) => {
  await signIn(page, firm.email, firm.password);
  for (const path of ["/review", "/review/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await expect(page.getByRole("heading", { level: 1, name: "没有访问权限" })).toBeVisible();
});
