/**
 * Elder mode (长者模式), with JavaScript on (`js`) and off (`no-js`): switched
 * on with the header's toggle, it persists across pages, reloads, a change of
 * language and signing in; and on every public page and the main forms
 * (tests/e2e/pages.ts), in Chinese and in English:
 *
 * - the base text is at least 18px: the body, and every paragraph, list
 *   item, label, legend, table cell and description in <main>;
 * - every visible control is at least 44×44px: buttons, inputs (a radio
 *   button or checkbox through its label, which is its target), selects,
 *   text areas, summaries, links in a navigation, and every other link
 *   except links inside running text. WCAG 2.5.8 exempts a target "in a
 *   sentence or … constrained by the line-height of non-target text"; a link
 *   counts as such when it is laid out inline (computed display `inline`)
 *   and the block it flows in holds other text besides it. A link alone in
 *   its paragraph, heading, list item or cell, a flex or grid item, or one
 *   laid out as a box (block, inline-block) is a target and must be large.
 */
import type { Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, postForm, test } from "./fixtures";
import { entryTitle, openEntry, setPreferences } from "./page-visits";
import { PUBLIC_PAGES, SIGNED_IN_PAGES, STAFF_PAGES, type PageEntry } from "./pages";

const MIN_TEXT = 18;
const MIN_TARGET = 44;

test.describe.configure({ timeout: 180_000 });

const html = (page: Page) => page.locator("html");
const elderToggle = (page: Page) => page.getByRole("banner").getByRole("button", { name: /长者模式|elder mode/i });

type Measurements = { body: number; smallText: string[]; smallTargets: string[]; targets: number };

/** Text sizes and target sizes of the page as laid out now. */
function measure(page: Page, limits = { text: MIN_TEXT, target: MIN_TARGET }): Promise<Measurements> {
  return page.evaluate(({ text, target }) => {
    const describe = (el: Element, box: DOMRect) => {
      const label = ((el as HTMLElement).innerText || el.getAttribute("aria-label") || el.getAttribute("name") || "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `<${el.tagName.toLowerCase()}> "${label}" ${Math.round(box.width)}×${Math.round(box.height)}`;
    };
    const isShown = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Visually hidden (sr-only: a 1px box) and undisplayed elements are not targets.
      return box.width > 1 && box.height > 1 && style.visibility !== "hidden" && style.opacity !== "0";
    };
    const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());

    // Base text.
    const smallText: string[] = [];
    for (const el of document.querySelectorAll("main :is(p, li, label, legend, td, th, dd, dt, figcaption, caption, blockquote)")) {
      if (!isShown(el) || !ownText(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < text) smallText.push(`${describe(el, el.getBoundingClientRect())} at ${size}px`);
    }

    // Targets.
    const squashed = (s: string) => s.replace(/\s+/g, "");
    const inRunningText = (a: HTMLElement) => {
      if (getComputedStyle(a).display !== "inline") return false;
      let block = a.parentElement;
      while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
      if (!block || /flex|grid/.test(getComputedStyle(block).display)) return false;
      return squashed(block.innerText).length > squashed(a.innerText).length;
    };
    const smallTargets: string[] = [];
    let targets = 0;
    const seen = new Set<Element>();
    const controls = document.querySelectorAll("button, input:not([type=hidden]), select, textarea, summary, a[href], [role=button], [role=link]");
    for (const control of controls) {
      let el: Element = control;
      if (control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox")) {
        el = control.labels?.[0] ?? control.closest("label") ?? control;
      }
      if (seen.has(el) || !isShown(el)) continue;
      seen.add(el);
      if (el instanceof HTMLAnchorElement && !el.closest("nav") && inRunningText(el)) continue;
      targets++;
      const box = el.getBoundingClientRect();
      if (box.width < target - 0.5 || box.height < target - 0.5) smallTargets.push(describe(el, box));
    }
    return { body: parseFloat(getComputedStyle(document.body).fontSize), smallText, smallTargets, targets };
  }, limits);
}

async function expectElderSized(page: Page, what: string) {
  // Without JavaScript the toggle and the language switch load a new page: measure it whole.
  await page.waitForLoadState("load");
  // Polled: without JavaScript the page was just loaded and its stylesheet may still be arriving.
  await expect.poll(async () => (await measure(page)).body, { message: `body text on ${what}` }).toBeGreaterThanOrEqual(MIN_TEXT);
  const m = await measure(page);
  expect(m.smallText, `text under ${MIN_TEXT}px on ${what}`).toEqual([]);
  expect(m.targets, `controls on ${what}`).toBeGreaterThan(0);
  expect(m.smallTargets, `controls under ${MIN_TARGET}×${MIN_TARGET}px on ${what}`).toEqual([]);
}

async function switchLanguage(page: Page, to: "en" | "zh-CN") {
  await page.getByRole("banner").getByRole("button", { name: to === "en" ? "English" : "中文" }).click();
  await expect(html(page)).toHaveAttribute("lang", to);
}

test("the toggle turns elder mode on and off; it persists across reloads and languages", async ({ page }) => {
  await page.goto("/");
  // A toggle with one name in both states; aria-pressed carries the state.
  await expect(elderToggle(page)).toHaveAttribute("aria-pressed", "false");
  expect((await measure(page)).body).toBeLessThan(MIN_TEXT);

  await elderToggle(page).click();
  await expect(elderToggle(page)).toHaveAttribute("aria-pressed", "true");
  await expect(html(page)).toHaveAttribute("data-elder", "1");
  await expectElderSized(page, "/ after switching on");

  await page.reload();
  await expect(elderToggle(page)).toHaveAttribute("aria-pressed", "true");
  await expectElderSized(page, "/ reloaded");

  // Still on in English, where the toggle reads "Elder mode".
  await switchLanguage(page, "en");
  await expect(elderToggle(page)).toHaveAttribute("aria-pressed", "true");
  await expectElderSized(page, "/ in English");

  await elderToggle(page).click();
  await expect(elderToggle(page)).toHaveAttribute("aria-pressed", "false");
  await expect(html(page)).toHaveAttribute("data-elder", "0");
  await expect.poll(async () => (await measure(page)).body).toBeLessThan(MIN_TEXT);
});

test("elder mode stays on from page to page and through signing in and out", async ({ page }) => {
  const resident = DEMO_ACCOUNTS.find((a) => a.email === "resident@putuo.example")!;
  await page.goto("/demands");
  await elderToggle(page).click();
  await expect(html(page)).toHaveAttribute("data-elder", "1");

  const nav = page.getByRole("navigation", { name: "主导航" });
  for (const [link, path] of [["应用", "/applications"], ["入选名单", "/lists"], ["搜索", "/search"]] as const) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(html(page)).toHaveAttribute("data-elder", "1");
  }

  await page.getByRole("banner").getByRole("link", { name: "登录" }).click();
  await expect(html(page)).toHaveAttribute("data-elder", "1");
  await expectElderSized(page, "/login");
  await page.getByLabel("电子邮箱").fill(resident.email);
  await page.getByLabel("密码", { exact: true }).fill(resident.password);
  await page.getByRole("main").getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("banner").getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(html(page)).toHaveAttribute("data-elder", "1");
  await expect(elderToggle(page)).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("navigation", { name: "我的工作" }).getByRole("link", { name: "提出需求" }).click();
  await expect(page).toHaveURL(/\/demands\/new$/);
  await expect(html(page)).toHaveAttribute("data-elder", "1");

  await page.getByRole("banner").getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
  await expect(html(page)).toHaveAttribute("data-elder", "1");
});

function checkEntry(entry: PageEntry) {
  test(entryTitle(entry), async ({ page }) => {
    const url = await openEntry(page, entry);
    await setPreferences(page, { locale: "zh-CN", elder: false });
    await page.goto(url);
    await elderToggle(page).click();
    await expect(html(page)).toHaveAttribute("data-elder", "1");
    expect(new URL(page.url()).pathname, "the toggle stays on the page").toBe(new URL(url, "http://x").pathname);
    await expectElderSized(page, `${url} in Chinese`);
    await switchLanguage(page, "en");
    await expect(html(page)).toHaveAttribute("data-elder", "1");
    await expectElderSized(page, `${url} in English`);
  });
}

test.describe("every public page", () => {
  // Sizes come from the stylesheet, the same with JavaScript on or off; the sweep runs once, with JavaScript (as most visitors have it).
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "stylesheet sizes; swept in the js project");
  for (const entry of PUBLIC_PAGES) checkEntry(entry);
});

test.describe("the pages and forms of the signed-in", () => {
  // Sizes come from the stylesheet, the same with JavaScript on or off; the sweep runs once, with JavaScript (as most visitors have it).
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "stylesheet sizes; swept in the js project");
  for (const entry of SIGNED_IN_PAGES) checkEntry(entry);
});

test.describe("the staff's main pages and forms", () => {
  // Sizes come from the stylesheet, the same with JavaScript on or off; the sweep runs once, with JavaScript (as most visitors have it).
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "stylesheet sizes; swept in the js project");
  for (const entry of STAFF_PAGES) checkEntry(entry);
});

test("the measurements catch small text and small targets", async ({ page }) => {
  // The same page measured against limits it cannot meet in normal mode: the checks are not vacuous.
  await postForm(page, "/preferences", { elder: "0", redirectTo: "/" });
  await page.goto("/login");
  const m = await measure(page, { text: 100, target: 100 });
  expect(m.smallText.length).toBeGreaterThan(0);
  expect(m.smallTargets.length).toBe(m.targets);
});
