/**
 * Sharing, with JavaScript on and off:
 *
 * - every public page (tests/e2e/pages.ts), in Chinese and in English, has its
 *   own title in the one pattern "<page> · <site>", a description, the link
 *   preview tags (Open Graph, Twitter), an absolute canonical address without
 *   paging or filter noise, and hreflang alternates; titles differ from page
 *   to page; the 404 page is titled and kept out of indexes;
 * - a link carries its language: `?lang=en` opens English, the pages it links
 *   to stay English, and switching language there is not undone by the link;
 * - non-canonical spellings of an address answer 301 (trailing slash, capitals
 *   in slugs), odd ids 404;
 * - /sitemap.xml and its files parse as XML, list a public demand (in both
 *   languages, with alternates) and not a draft; every listed static page
 *   opens; /robots.txt names the sitemap.
 */
import crypto from "node:crypto";

import type { Page } from "@playwright/test";

import { expect, newResident, postForm, test } from "./fixtures";
import { entryTitle, gotoEntry } from "./page-visits";
import { PUBLIC_PAGES, type PageEntry } from "./pages";

const SITE = { "zh-CN": "普陀数字化转型实验室", en: "Putuo Lab" } as const;
type Locale = keyof typeof SITE;

test.describe.configure({ timeout: 240_000 });

type Head = {
  lang: string;
  title: string;
  description: string | null;
  robots: string | null;
  og: Record<string, string[]>;
  twitterCard: string | null;
  canonical: string[];
  alternates: { hreflang: string; href: string }[];
};

/** What a crawler or a chat app reads from the page's head (the live DOM, so after hydration with JavaScript). */
async function readHead(page: Page): Promise<Head> {
  const head = page.locator("head");
  const attr = async (selector: string, name: string) => (await head.locator(selector).count()) ? head.locator(selector).first().getAttribute(name) : null;
  const og: Record<string, string[]> = {};
  for (const el of await head.locator('meta[property^="og:"]').all()) {
    const property = (await el.getAttribute("property"))!;
    (og[property] ??= []).push((await el.getAttribute("content")) ?? "");
  }
  const alternates = [];
  for (const el of await head.locator('link[rel="alternate"][hreflang]').all()) {
    alternates.push({ hreflang: (await el.getAttribute("hreflang"))!, href: (await el.getAttribute("href"))! });
  }
  const canonical = [];
  for (const el of await head.locator('link[rel="canonical"]').all()) canonical.push((await el.getAttribute("href"))!);
  return {
    lang: (await page.locator("html").getAttribute("lang")) ?? "",
    title: await page.title(),
    description: await attr('meta[name="description"]', "content"),
    robots: await attr('meta[name="robots"]', "content"),
    og,
    twitterCard: await attr('meta[name="twitter:card"]', "content"),
    canonical,
    alternates,
  };
}

/** The path as the site spells it canonically: no trailing slash, lower case in the public sections. */
function canonicalPathOf(url: string): string {
  const path = new URL(url, "http://x").pathname.replace(/\/+$/, "") || "/";
  return /^\/(demands|applications|lists|organizations|subdistricts|search|stats|data|developers)(\/|$)/i.test(path) ? path.toLowerCase() : path;
}

function withLang(url: string, lang: Locale): string {
  const u = new URL(url, "http://x");
  u.searchParams.set("lang", lang);
  return `${u.pathname}${u.search}`;
}

const ARTICLES = new Set(["demands.$id", "applications.$id"]);

function expectPageHead(head: Head, entry: PageEntry, url: string, locale: Locale) {
  const where = `${entryTitle(entry)} (${locale})`;
  const other: Locale = locale === "en" ? "zh-CN" : "en";
  expect(head.lang, `${where}: html lang`).toBe(locale);
  expect(head.title, `${where}: a title naming the site`).toContain(SITE[locale]);
  expect(head.title.trim(), `${where}: more than the site's name`).not.toBe(SITE[locale]);
  expect(head.title.endsWith(` · ${SITE[locale]}`) || head.title.startsWith(`${SITE[locale]} · `), `${where}: "${head.title}" follows "<page> · <site>"`).toBe(true);
  expect(head.description?.trim(), `${where}: a description`).toBeTruthy();
  expect(Array.from(head.description!).length, `${where}: a description that fits a preview`).toBeLessThanOrEqual(150);
  expect(head.twitterCard, `${where}: twitter:card`).toBe("summary");
  expect(head.og["og:title"]?.[0], `${where}: og:title`).toBeTruthy();
  expect(head.og["og:description"], `${where}: og:description`).toEqual([head.description]);
  expect(head.og["og:site_name"], `${where}: og:site_name`).toEqual([SITE[locale]]);
  expect(head.og["og:locale"], `${where}: og:locale`).toEqual([locale === "en" ? "en_US" : "zh_CN"]);
  expect(head.og["og:locale:alternate"], `${where}: og:locale:alternate`).toEqual([other === "en" ? "en_US" : "zh_CN"]);

  if (entry.status === 404) {
    expect(head.robots, `${where}: an error page is not indexed`).toBe("noindex");
    expect(head.canonical, `${where}: an error page has no canonical address`).toEqual([]);
    return;
  }
  expect(head.og["og:type"], `${where}: og:type`).toEqual([ARTICLES.has(entry.route) ? "article" : "website"]);
  expect(head.canonical, `${where}: one canonical link`).toHaveLength(1);
  const canonical = new URL(head.canonical[0]);
  expect(canonical.protocol, `${where}: an absolute canonical address`).toMatch(/^https?:$/);
  expect(canonical.pathname, `${where}: canonical path`).toBe(canonicalPathOf(url));
  expect([...canonical.searchParams.entries()], `${where}: canonical names the language and nothing else`).toEqual([["lang", locale]]);
  expect(head.og["og:url"], `${where}: og:url`).toEqual(head.canonical);
  const origin = canonical.origin;
  const path = canonical.pathname;
  expect(head.alternates.map((a) => [a.hreflang, a.href]), `${where}: hreflang alternates`).toEqual([
    ["zh-CN", `${origin}${path}?lang=zh-CN`],
    ["en", `${origin}${path}?lang=en`],
    ["x-default", `${origin}${path}`],
  ]);
}

/** No two different addresses share a title (the same address listed twice may). */
function expectOwnTitle(seen: Map<string, string>, title: string, url: string) {
  const other = seen.get(title);
  expect(other === undefined || other === url, `"${title}" is the title of both ${other} and ${url}`).toBe(true);
  seen.set(title, url);
}

test.describe("every public page can be shared", () => {
  // Server-rendered head, addresses and XML: the same with JavaScript on or off, so checked once (no-js).
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, "server-rendered; checked in the no-js project");
  test("in Chinese: its own title, description, previews, canonical address and alternates", async ({ page }) => {
    const titles = new Map<string, string>();
    for (const entry of PUBLIC_PAGES) {
      const url = await gotoEntry(page, entry);
      const head = await readHead(page);
      expectPageHead(head, entry, url, "zh-CN");
      expectOwnTitle(titles, head.title, url);
    }
  });

  test("in English, opened with ?lang=en: the same, in English", async ({ page }) => {
    const titles = new Map<string, string>();
    for (const entry of PUBLIC_PAGES) {
      const url = await gotoEntry(page, entry);
      const response = await page.goto(withLang(url, "en"));
      expect(response?.status(), `${url}?lang=en answers`).toBe(entry.status ?? 200);
      const head = await readHead(page);
      expectPageHead(head, entry, url, "en");
      expectOwnTitle(titles, head.title, url);
    }
  });
});

test.describe("a link carries its language", () => {
  test("?lang=en opens English, and the pages it links to stay English", async ({ page }) => {
    await page.goto("/demands?lang=en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle(/ · Putuo Lab$/);
    await page.locator("header nav").getByRole("link", { name: "Selected lists" }).click();
    await expect(page).toHaveURL(/\/lists$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("main h1")).toHaveText("Selected lists");
  });

  test("?lang=zh-CN opens Chinese for a visitor who chose English", async ({ page }) => {
    await page.goto("/lists?lang=en");
    await page.goto("/lists");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/lists?lang=zh-CN");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page).toHaveTitle(/ · 普陀数字化转型实验室$/);
  });

  test("switching language on a page opened with ?lang is not undone by the link", async ({ page }) => {
    await page.goto("/subdistricts?lang=en");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.locator("header").getByRole("button", { name: /中文/ }).click();
    await expect(page).toHaveURL(/\/subdistricts$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});

test.describe("one address per page", () => {
  // Server-rendered head, addresses and XML: the same with JavaScript on or off, so checked once (no-js).
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, "server-rendered; checked in the no-js project");
  const get = (page: Page, path: string) => page.request.get(path, { maxRedirects: 0, headers: { connection: "close" } });

  test("a trailing slash or capitals in a public address answer 301 with the canonical one", async ({ page }) => {
    for (const [from, to] of [
      ["/demands/", "/demands"],
      ["/demands/?domain=life&page=2", "/demands?domain=life&page=2"],
      ["/Lists", "/lists"],
      ["/organizations/HUAWEI/", "/organizations/huawei"],
      ["/subdistricts/Ganquan-Road", "/subdistricts/ganquan-road"],
    ]) {
      const response = await get(page, from);
      expect(response.status(), `${from} redirects`).toBe(301);
      expect(new URL(response.headers().location, "http://x").pathname + new URL(response.headers().location, "http://x").search, `${from} → ${to}`).toBe(to);
    }
    const followed = await page.request.get("/organizations/HUAWEI/");
    expect(followed.status()).toBe(200);
    expect(followed.url()).toMatch(/\/organizations\/huawei$/);
  });

  test("odd ids and unknown slugs are a clean 404", async ({ page }) => {
    for (const path of ["/demands/abc", "/demands/0123", "/demands/12-some-title", "/applications/-1", "/lists/no-such-list", "/organizations/no-such-firm", "/subdistricts/nowhere"]) {
      const response = await get(page, path);
      expect(response.status(), path).toBe(404);
    }
    const odd = await page.request.get("/Lists/NO-SUCH-LIST/");
    expect(odd.status()).toBe(404);
  });
});

/** The <loc> texts of an XML sitemap (or index), parsed by the browser's XML parser; fails on malformed XML. */
async function parseLocs(page: Page, xml: string): Promise<{ locs: string[]; alternates: string[][] }> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.getElementsByTagName("parsererror")[0];
    if (error) throw new Error(`not XML: ${error.textContent}`);
    const ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const locs = Array.from(doc.getElementsByTagNameNS(ns, "loc")).map((el) => el.textContent ?? "");
    const alternates = Array.from(doc.getElementsByTagNameNS(ns, "url")).map((url) =>
      Array.from(url.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link")).map((l) => `${l.getAttribute("hreflang")} ${l.getAttribute("href")}`),
    );
    return { locs, alternates };
  }, xml);
}

const tag = () => crypto.randomBytes(3).toString("hex");

/** A demand of the signed-in resident through the form's own POST; returns its id. */
async function makeDemand(page: Page, intent: "draft" | "submit"): Promise<number> {
  const html = await (await page.request.get("/demands/new")).text();
  const campaignId = /<input[^>]*name="campaignId"[^>]*value="(\d+)"/.exec(html)?.[1];
  const subdistrictId = /<select[^>]*name="subdistrictId"[\s\S]*?<option[^>]*value="(\d+)"/.exec(html)?.[1];
  expect(campaignId && subdistrictId, "the demand form offers a campaign and a subdistrict").toBeTruthy();
  const response = await postForm(page, "/demands/new", {
    campaignId: campaignId!,
    title: `${intent === "draft" ? "分享检查草稿" : "分享检查需求"} ${tag()}`,
    description: "小区门口的公交站没有遮雨棚，老人下雨天等车很不方便，希望加装雨棚和座椅。",
    domain: "life",
    subdistrictId: subdistrictId!,
    raisedBy: "resident",
    contactPreference: "none",
    intent,
    skipSimilar: "1",
  });
  expect(response.status(), `the ${intent} is saved`).toBe(302);
  const id = /^\/demands\/(\d+)/.exec(new URL(response.headers().location, "http://x").pathname)?.[1];
  expect(id, "redirected to the demand").toBeTruthy();
  return Number(id);
}

test.describe("sitemaps and robots.txt", () => {
  // Server-rendered head, addresses and XML: the same with JavaScript on or off, so checked once (no-js).
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, "server-rendered; checked in the no-js project");
  test("the sitemap lists a public demand in both languages and not a draft; its static pages open", async ({ page }) => {
    await newResident(page);
    const visible = await makeDemand(page, "submit");
    const draft = await makeDemand(page, "draft");

    const index = await page.request.get("/sitemap.xml");
    expect(index.status()).toBe(200);
    expect(index.headers()["content-type"]).toBe("application/xml; charset=utf-8");
    expect(index.headers()["cache-control"]).toMatch(/^public/);
    const indexXml = await index.text();
    const files = (await parseLocs(page, indexXml)).locs;
    const paths = files.map((loc) => new URL(loc).pathname);
    for (const name of ["pages-1", "lists-1", "subdistricts-1", "organizations-1", "demands-1", "applications-1"]) {
      expect(paths, `the index names ${name}.xml`).toContain(`/sitemaps/${name}.xml`);
    }

    const demandsFile = await page.request.get("/sitemaps/demands-1.xml");
    expect(demandsFile.status()).toBe(200);
    const demandsXml = await demandsFile.text();
    const origin = new URL(files[0]).origin;
    const zh = `${origin}/demands/${visible}?lang=zh-CN`;
    const { locs, alternates } = await parseLocs(page, demandsXml);
    expect(locs).toContain(zh);
    expect(locs).toContain(`${origin}/demands/${visible}?lang=en`);
    expect(alternates[locs.indexOf(zh)]).toEqual([`zh-CN ${zh}`, `en ${origin}/demands/${visible}?lang=en`, `x-default ${origin}/demands/${visible}`]);
    expect(locs.some((loc) => new URL(loc).pathname === `/demands/${draft}`), "the draft is not listed").toBe(false);
    // The draft is really there (its author sees it), so its absence means something.
    expect((await page.request.get(`/demands/${draft}`)).status()).toBe(200);

    const pagesXml = await (await page.request.get("/sitemaps/pages-1.xml")).text();
    const staticPaths = [...new Set([...pagesXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1].replace(/&amp;/g, "&")).pathname))];
    expect(staticPaths).toEqual(expect.arrayContaining(["/", "/demands", "/applications", "/lists", "/organizations", "/subdistricts", "/search", "/stats", "/data", "/developers"]));
    for (const path of staticPaths) expect((await page.request.get(path, { maxRedirects: 0 })).status(), `${path} opens`).toBe(200);
  });

  test("robots.txt names the sitemap and keeps crawlers out of the staff areas", async ({ page }) => {
    const response = await page.request.get("/robots.txt");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^Sitemap: https?:\/\/[^\s]+\/sitemap\.xml$/m);
    expect(text).toMatch(/^Disallow: \/official$/m);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
  });
});
