/**
 * A resident raises a demand with the keyboard alone, with JavaScript on
 * (`js`) and off (`no-js`): from the home page — the skip link is the first
 * Tab stop and moves focus to the content — to the sign-in form, through the
 * header's "提出需求", filling every required field (typing, radio buttons with
 * Space and the arrows, the district with the arrows, a checkbox with Space),
 * a failed submission (title left empty: focus lands on the title and what
 * was typed stays), the similar-demands step if it appears, and the new
 * demand's page with its confirmation. Only page.keyboard moves focus and
 * acts; after every Tab the focused element must be on screen and show a
 * focus indicator (an outline or a box-shadow).
 */
import crypto from "node:crypto";

import type { Locator, Page } from "@playwright/test";

import { expect, newResident, test } from "./fixtures";

type Focus = {
  /** Short description for messages: tag, name, text. */
  what: string;
  onScreen: boolean;
  indicator: boolean;
};

/** The focused element: what it is, whether it is on screen and shows a focus indicator. */
function focusState(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const text = (el.getAttribute("aria-label") || el.innerText || (el as HTMLInputElement).labels?.[0]?.innerText || "").trim().replace(/\s+/g, " ").slice(0, 40);
    const what = `<${el.tagName.toLowerCase()}${el.getAttribute("type") ? ` type=${el.getAttribute("type")}` : ""}${el.getAttribute("name") ? ` name=${el.getAttribute("name")}` : ""}> "${text}"`;
    const box = el.getBoundingClientRect();
    const onScreen = box.width > 1 && box.height > 1 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth && getComputedStyle(el).visibility !== "hidden";
    const shows = (node: Element) => {
      const style = getComputedStyle(node);
      return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    };
    return { what, onScreen, indicator: shows(el) };
  });
}

/** Presses Tab (or Shift+Tab); the element it lands on must be on screen and visibly focused. */
async function tab(page: Page, backwards = false): Promise<Focus> {
  await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  const focus = await focusState(page);
  expect(focus, "Tab lands on an element").not.toBeNull();
  expect(focus!.onScreen, `${focus!.what} is on screen when focused`).toBe(true);
  expect(focus!.indicator, `${focus!.what} shows a focus indicator`).toBe(true);
  return focus!;
}

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Tabs to `target`, forwards or backwards — the way it lies on the page from
 * the current focus — checking every stop on the way.
 */
async function tabTo(page: Page, target: Locator, what: string, maxStops = 80) {
  await expect(target, what).toBeVisible();
  const backwards = await target.evaluate((el) => {
    const from = document.activeElement;
    if (!from || from === document.body) return false;
    return !!(from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  });
  const trail: string[] = [];
  for (let i = 0; i < maxStops; i++) {
    trail.push((await tab(page, backwards)).what);
    if (await isFocused(target)) return;
  }
  throw new Error(`${what} not reached with ${backwards ? "Shift+Tab" : "Tab"} in ${maxStops} stops: ${trail.join(" → ")}`);
}

/** Enter on a link or a submit button; without JavaScript that loads a new page, which is waited for. */
async function activate(page: Page) {
  await page.keyboard.press("Enter");
  await page.waitForLoadState("load");
}

async function expectFocused(target: Locator, what: string) {
  await expect.poll(() => isFocused(target), { message: `${what} has focus` }).toBe(true);
}

test("a resident raises a demand with the keyboard alone", async ({ page, browser, baseURL, javaScriptEnabled }) => {
  test.setTimeout(180_000);
  // The account exists beforehand; the browser under test starts signed out.
  const setup = await browser.newContext({ baseURL });
  const resident = await newResident(await setup.newPage());
  await setup.close();

  const main = page.locator("main#main");
  const header = page.getByRole("banner");

  // 1. Home: the skip link is the first stop, shown when focused, and moves focus to the content.
  await page.goto("/");
  const skip = await tab(page);
  expect(skip.what).toContain("跳到主要内容");
  await page.keyboard.press("Enter");
  await expectFocused(main, "main, after the skip link");

  // 2. Back up to the header's sign-in link.
  await tabTo(page, header.getByRole("link", { name: "登录", exact: true }), "the sign-in link");
  await activate(page);
  await expect(page).toHaveURL(/\/login/);

  // 3. Sign in: Tab to the e-mail field, type, Tab, type, Enter.
  const email = main.getByLabel("电子邮箱");
  await tabTo(page, email, "the e-mail field");
  await page.keyboard.type(resident.email);
  await tab(page);
  await expectFocused(main.getByLabel("密码", { exact: true }), "the password field");
  await page.keyboard.type(resident.password);
  await activate(page);
  await expect(header.getByRole("button", { name: "退出登录" })).toBeVisible();

  // A client-side navigation puts focus on the new page's content, as a fresh page load starts at its top.
  if (javaScriptEnabled) await expectFocused(main, "main, after signing in");

  // 4. "提出需求" in the header's second row.
  await tabTo(page, page.getByRole("navigation", { name: "我的工作" }).getByRole("link", { name: "提出需求" }), "提出需求 in the header");
  await activate(page);
  await expect(page).toHaveURL(/\/demands\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // 5. Everything but the title, then submit: the title is refused, focus goes to it, nothing typed is lost.
  const form = main.locator("form#demand-form");
  const title = form.getByLabel("需求标题");
  const description = form.getByLabel("需求描述");
  const descriptionText = "小区里不少老人不会用手机打车，去医院要在路边等很久。希望有一个电话就能叫车的服务，由社区帮忙登记。";
  await tabTo(page, description, "the description");
  await page.keyboard.type(descriptionText);

  // A radio group is one stop: Space picks the first choice, the arrows move the choice.
  const domains = form.getByRole("group", { name: /所属领域/ });
  await tabTo(page, domains.getByRole("radio").first(), "the first domain");
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await expect(domains.getByRole("radio", { name: "生活数字化" })).toBeChecked();
  await expectFocused(domains.getByRole("radio", { name: "生活数字化" }), "the chosen domain");

  const subdistrict = form.getByLabel("所在街道（镇）");
  await tabTo(page, subdistrict, "the subdistrict");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(subdistrict).not.toHaveValue("");

  const firstGroup = form.getByRole("group", { name: /服务对象/ }).getByRole("checkbox").first();
  await tabTo(page, firstGroup, "the first target group");
  await page.keyboard.press("Space");
  await expect(firstGroup).toBeChecked();

  const submit = form.getByRole("button", { name: "提交需求" });
  await tabTo(page, submit, "the submit button");
  await activate(page);
  await expect(form.getByText("请填写需求标题。")).toBeVisible();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expectFocused(title, "the title, refused");
  await expect(description).toHaveValue(descriptionText);
  await expect(form.getByRole("radio", { name: "生活数字化" })).toBeChecked();
  await expect(subdistrict).not.toHaveValue("");
  await expect(firstGroup).toBeChecked();

  // 6. Type the title where focus already is, and submit.
  const demandTitle = `老人一个电话就能叫到出租车 ${crypto.randomBytes(3).toString("hex")}`;
  await page.keyboard.type(demandTitle);
  await tabTo(page, submit, "the submit button");
  await activate(page);

  // 7. Without JavaScript, similar demands may be shown first: go on with this one.
  const onward = page.getByRole("button", { name: "我的需求不一样，继续提交" });
  await expect(page.getByRole("heading", { level: 1, name: demandTitle }).or(onward)).toBeVisible();
  if (await onward.isVisible()) {
    await tabTo(page, onward, "“submit mine anyway”");
    await activate(page);
  }

  // 8. The demand's own page, with the confirmation.
  await expect(page).toHaveURL(/\/demands\/\d+\?notice=demandSubmitted$/);
  await expect(page.getByRole("heading", { level: 1, name: demandTitle })).toBeVisible();
  await expect(page.locator('[data-notice="demandSubmitted"]')).toBeVisible();
});
