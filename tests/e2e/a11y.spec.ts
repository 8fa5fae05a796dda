/**
 * Accessibility of every public page and the main forms (tests/e2e/pages.ts
 * lists them; tests/unit/public-pages.test.ts keeps that list complete), each
 * in Chinese, in English and in elder mode:
 *
 * - axe (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA, and axe's best practices): no
 *   serious or critical violation; the others are printed with their
 *   targets. axe runs as a script in the page, so only in the `js` project.
 * - on English pages, Chinese text written by users carries lang="zh-CN"
 *   (checked on the lists, printed elsewhere);
 * - a form submitted with bad input (emptied, or with the entry's bad values)
 *   announces its errors, in both projects: every control marked
 *   aria-invalid points (aria-describedby) at a visible message, focus is on
 *   the first invalid control (or in an error summary), nothing is accepted;
 *   then axe again on the page with its errors showing.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";
import { entryTitle, openEntry, setPreferences, submitInvalid } from "./page-visits";
import { PUBLIC_PAGES, SIGNED_IN_PAGES, STAFF_PAGES, type PageEntry } from "./pages";

// axe's best practices (landmarks, heading order, …) too: mostly moderate, printed; a serious one fails like the rest.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

// Long pages (a published list has 110 entries) and axe on a busy machine take a while.
test.describe.configure({ timeout: 240_000 });

async function expectNoSeriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const describe = (v: (typeof violations)[number]) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`;
  const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of violations.filter((v) => !blocking.includes(v))) console.log(`axe, ${what}: ${describe(v)}`);
  expect(blocking.map(describe), `serious or critical axe violations on ${what}`).toEqual([]);
}

type ErrorReport = { unexplained: string[]; invalid: number; focus: string };

/** How the page announces its errors: what each invalid control points at, and where focus is. */
function errorReport(page: Page): Promise<ErrorReport> {
  return page.evaluate(() => {
    const name = (el: Element | null) =>
      el ? `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("name") ? ` name=${el.getAttribute("name")}` : ""}>` : "nothing";
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden" && !!el.textContent?.trim();
    };
    const main = document.querySelector("main")!;
    const marked = [...main.querySelectorAll('[aria-invalid="true"]')];
    const unexplained = marked
      .filter((el) => {
        // Error messages' ids end in "-error" (conform's `errorId`, and the forms that follow it); hints do not count.
        const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id.endsWith("-error"));
        return !ids.some((id) => {
          const target = document.getElementById(id);
          return !!target && shown(target);
        });
      })
      .map(name);
    // A control carries an error when it is marked, or sits in a marked group (a fieldset of radios).
    const controls = [...main.querySelectorAll("input, select, textarea")].filter(
      (c) => (c as HTMLInputElement).type !== "hidden" && !!c.closest('[aria-invalid="true"]'),
    );
    const active = document.activeElement;
    const focus =
      active && active === controls[0]
        ? "first invalid control"
        : active && controls.includes(active)
          ? `a later invalid control ${name(active)}`
          : active?.closest('[role="alert"]')
            ? "error summary"
            : name(active);
    return { unexplained, invalid: marked.length, focus };
  });
}

/**
 * Chinese text in <main> whose nearest `lang` is not Chinese: on an English
 * page a screen reader would read it with an English voice. Titles and
 * descriptions written by users carry the language they were written in.
 */
function chineseWithoutLang(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const main = document.querySelector("main");
    if (!main) return [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (!parent || !/\p{Script=Han}{2}/u.test(text) || !parent.checkVisibility()) continue;
      if (!(parent.closest("[lang]")?.getAttribute("lang") ?? "").startsWith("zh")) found.push(text.slice(0, 40));
    }
    return found;
  });
}

/**
 * Pages whose Chinese text on English pages is all marked: a test fails if
 * that changes. Elsewhere what is left is printed (user-written text that
 * is not marked yet).
 */
const LANG_MARKED = new Set(["demands._index", "applications._index", "lists.$slug", "organizations._index"]);

const MODES = [
  { name: "Chinese", prefs: { locale: "zh-CN", elder: false } },
  { name: "English", prefs: { locale: "en", elder: false } },
  { name: "elder mode", prefs: { locale: "zh-CN", elder: true } },
] as const;

function checkEntry(entry: PageEntry) {
  test(entryTitle(entry), async ({ page, javaScriptEnabled }) => {
    // axe needs JavaScript in the page; without it only a form's error state has something to check.
    test.skip(!javaScriptEnabled && !entry.form, "axe runs with JavaScript; no form to check without it");
    const url = await openEntry(page, entry);
    for (const mode of MODES) {
      await setPreferences(page, mode.prefs);
      const response = await page.goto(url);
      expect(response?.status(), `${url} in ${mode.name}`).toBe(entry.status ?? 200);
      await expect(page.locator("html")).toHaveAttribute("lang", mode.prefs.locale);
      await expect(page.locator("html")).toHaveAttribute("data-elder", mode.prefs.elder ? "1" : "0");
      if (javaScriptEnabled) await expectNoSeriousViolations(page, `${url} in ${mode.name}`);
      if (mode.prefs.locale === "en") {
        const unmarked = await chineseWithoutLang(page);
        if (LANG_MARKED.has(entry.route)) expect(unmarked, `Chinese text without lang="zh-CN" on ${url} in English`).toEqual([]);
        else if (unmarked.length) console.log(`lang, ${url}: ${unmarked.length} Chinese texts without lang, e.g. ${unmarked.slice(0, 3).join(" | ")}`);
      }
      if (!entry.form) continue;

      await submitInvalid(page, entry);
      const what = `${url} with errors, in ${mode.name}`;
      // With JavaScript the form moves focus once the server's answer arrives.
      await expect.poll(async () => (await errorReport(page)).focus, { message: `focus on ${what}` }).toMatch(/^(first invalid control|error summary)$/);
      const report = await errorReport(page);
      expect(report.invalid, `invalid controls on ${what}`).toBeGreaterThan(0);
      expect(report.unexplained, `controls marked invalid without a visible message on ${what}`).toEqual([]);
      if (javaScriptEnabled) await expectNoSeriousViolations(page, what);
    }
  });
}

test.describe("public pages", () => {
  for (const entry of PUBLIC_PAGES) checkEntry(entry);
});

test.describe("pages and forms of the signed-in", () => {
  for (const entry of SIGNED_IN_PAGES) checkEntry(entry);
});

test.describe("the staff's main pages and forms", () => {
  for (const entry of STAFF_PAGES) checkEntry(entry);
});
