/**
 * Building sitemaps and robots.txt (app/sharing/sitemap.ts, robots.ts):
 * file names and splitting, one entry per language with hreflang alternates,
 * W3C dates, XML escaping of addresses, the protocol's 50,000-URL limit, and
 * the sitemap's absolute address in robots.txt.
 */
import { describe, expect, it } from "vitest";

import { robotsTxt } from "../../app/sharing/robots";
import {
  escapeXml,
  ITEMS_PER_SITEMAP,
  MAX_URLS_PER_SITEMAP,
  parseSitemapFileName,
  sitemapIndexXml,
  sitemapPageCount,
  urlsetXml,
} from "../../app/sharing/sitemap";

const BASE = "https://lab.example.org";

/** The text of every <tag>…</tag>, XML entities decoded. */
function texts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))].map((m) => unescape(m[1]));
}

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e]!);
}

/** No bare `&`, and `<`/`>` only in tags whose attribute values are quoted and clean: what an XML parser checks first. */
function wellEscaped(xml: string): boolean {
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(xml)) return false;
  const rest = xml.replace(/<\?xml[^?]*\?>|<\/?[a-zA-Z:]+(\s+[a-zA-Z:]+="[^"<>]*")*\s*\/?>/g, "");
  return !/[<>]/.test(rest);
}

describe("escapeXml", () => {
  it("escapes the five XML special characters", () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
    expect(escapeXml("普陀 /demands/1")).toBe("普陀 /demands/1");
  });
});

describe("sitemap files", () => {
  it("are named <kind>-<n>.xml; other names are not sitemaps", () => {
    expect(parseSitemapFileName("demands-1.xml")).toEqual({ kind: "demands", page: 1 });
    expect(parseSitemapFileName("applications-10.xml")).toEqual({ kind: "applications", page: 10 });
    for (const bad of [undefined, "", "demands.xml", "demands-0.xml", "demands-01.xml", "demands-1.xml.gz", "users-1.xml", "Demands-1.xml", "../demands-1.xml", "demands-1234567.xml"]) {
      expect(parseSitemapFileName(bad), String(bad)).toBeNull();
    }
  });

  it("split at ITEMS_PER_SITEMAP pages, so the 100× seed's 50,000 applications take ten files", () => {
    expect(sitemapPageCount(0)).toBe(1);
    expect(sitemapPageCount(ITEMS_PER_SITEMAP)).toBe(1);
    expect(sitemapPageCount(ITEMS_PER_SITEMAP + 1)).toBe(2);
    expect(sitemapPageCount(50_000)).toBe(10);
    expect(sitemapPageCount(7, 3)).toBe(3);
    // Two URLs per page (one per language) stay inside the protocol's limit.
    expect(ITEMS_PER_SITEMAP * 2).toBeLessThanOrEqual(MAX_URLS_PER_SITEMAP);
  });
});

describe("urlsetXml", () => {
  const xml = urlsetXml(BASE, [
    { path: "/demands/7", lastmod: new Date("2026-03-04T05:06:07.890Z") },
    { path: "/organizations/a&b<c>'d\"", lastmod: "2025-12-31T23:59:59Z" },
    { path: "/search" },
  ]);

  it("declares the sitemap and xhtml namespaces", () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')).toBe(true);
    expect(xml.trimEnd().endsWith("</urlset>")).toBe(true);
  });

  it("lists every page once per language, each with its three alternates", () => {
    expect(texts(xml, "loc")).toEqual([
      `${BASE}/demands/7?lang=zh-CN`,
      `${BASE}/demands/7?lang=en`,
      `${BASE}/organizations/a&b<c>'d"?lang=zh-CN`,
      `${BASE}/organizations/a&b<c>'d"?lang=en`,
      `${BASE}/search?lang=zh-CN`,
      `${BASE}/search?lang=en`,
    ]);
    const first = xml.slice(xml.indexOf("<url>"), xml.indexOf("</url>"));
    expect([...first.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1], m[2]])).toEqual([
      ["zh-CN", `${BASE}/demands/7?lang=zh-CN`],
      ["en", `${BASE}/demands/7?lang=en`],
      ["x-default", `${BASE}/demands/7`],
    ]);
  });

  it("escapes special characters in addresses, in text and in attributes", () => {
    expect(xml).toContain("<loc>https://lab.example.org/organizations/a&amp;b&lt;c&gt;&apos;d&quot;?lang=en</loc>");
    expect(xml).toContain('href="https://lab.example.org/organizations/a&amp;b&lt;c&gt;&apos;d&quot;"');
    expect(wellEscaped(xml)).toBe(true);
    // The check itself catches what raw addresses would break.
    for (const broken of ["<loc>a&b</loc>", "<loc>a<b</loc>", '<x:link href="a<b"/>', '<x:link href="a"b"/>']) expect(wellEscaped(broken), broken).toBe(false);
  });

  it("writes lastmod as a W3C datetime, and leaves it out when unknown", () => {
    expect(texts(xml, "lastmod")).toEqual(["2026-03-04T05:06:07Z", "2026-03-04T05:06:07Z", "2025-12-31T23:59:59Z", "2025-12-31T23:59:59Z"]);
    expect(urlsetXml(BASE, [{ path: "/x", lastmod: "not a date" }])).not.toContain("<lastmod>");
  });

  it("refuses more URLs than the protocol allows in one file", () => {
    const pages = Array.from({ length: MAX_URLS_PER_SITEMAP / 2 + 1 }, (_, i) => ({ path: `/demands/${i + 1}` }));
    expect(() => urlsetXml(BASE, pages)).toThrow(/50000/);
    expect(() => urlsetXml(BASE, pages.slice(1))).not.toThrow();
  });

  it("is an empty but valid urlset when a kind has no pages yet", () => {
    const empty = urlsetXml(BASE, []);
    expect(texts(empty, "loc")).toEqual([]);
    expect(empty).toContain("</urlset>");
  });
});

describe("sitemapIndexXml", () => {
  it("names each file with its absolute address and last change", () => {
    const xml = sitemapIndexXml(`${BASE}/`, [
      { kind: "pages", page: 1 },
      { kind: "demands", page: 1, lastmod: new Date("2026-01-02T03:04:05Z") },
      { kind: "demands", page: 2, lastmod: null },
    ]);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(texts(xml, "loc")).toEqual([`${BASE}/sitemaps/pages-1.xml`, `${BASE}/sitemaps/demands-1.xml`, `${BASE}/sitemaps/demands-2.xml`]);
    expect(texts(xml, "lastmod")).toEqual(["2026-01-02T03:04:05Z"]);
    expect(wellEscaped(xml)).toBe(true);
  });
});

describe("robotsTxt", () => {
  const txt = robotsTxt("https://lab.example.org");
  const rules = (kind: "Allow" | "Disallow") => txt.split("\n").filter((l) => l.startsWith(`${kind}: `)).map((l) => l.slice(kind.length + 2));

  it("names the sitemap by its absolute address", () => {
    expect(txt).toMatch(/^Sitemap: https:\/\/lab\.example\.org\/sitemap\.xml$/m);
    expect(txt).toMatch(/^User-agent: \*$/m);
  });

  it("keeps crawlers out of the signed-in, staff and API areas and the forms, not the public pages", () => {
    for (const p of ["/official", "/admin", "/review", "/my", "/inbox", "/account", "/dev/", "/api/", "/demands/new", "/demands/*/edit"]) {
      expect(rules("Disallow")).toContain(p);
    }
    const blocked = (path: string) => rules("Disallow").some((rule) => new RegExp(`^${rule.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^?]*")}`).test(path));
    for (const open of ["/", "/demands", "/demands/12", "/applications/3", "/lists/2021-call", "/organizations/huawei", "/subdistricts/ganquan-road", "/search", "/stats", "/data", "/developers", "/sitemap.xml"]) {
      expect(blocked(open), open).toBe(false);
    }
    expect(rules("Allow")).toContain("/api/v1/openapi.json");
  });
});
