/**
 * Sitemaps as search engines read them (sitemaps.org 0.9): an index at
 * /sitemap.xml naming one file per kind and page, /sitemaps/<kind>-<n>.xml.
 * Every page is listed once per language — its canonical address in that
 * language — with the hreflang alternates of app/sharing/urls.ts. A file holds
 * at most ITEMS_PER_SITEMAP pages (twice as many URLs), well under the
 * protocol's 50,000, so a file stays a few megabytes at the 100× seed.
 *
 * Pure text building; the queries are in sitemap.server.ts.
 */
import { LOCALES } from "~/locales";

import { pageUrls, siteUrl } from "./urls";

export const SITEMAP_KINDS = ["pages", "lists", "subdistricts", "organizations", "demands", "applications"] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

/** Pages per sitemap file; each page is two URLs (one per language). */
export const ITEMS_PER_SITEMAP = 5_000;
/** The protocol's limit of URLs per file. */
export const MAX_URLS_PER_SITEMAP = 50_000;

/** One page of the site: its path and when it last changed (if known). */
export type SitemapPage = { path: string; lastmod?: Date | string | null };

/** One file named in the index. */
export type SitemapFile = { kind: SitemapKind; page: number; lastmod?: Date | string | null };

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** W3C datetime, as the protocol wants (to the second, UTC). */
function w3cDate(value: Date | string): string | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function lastmodTag(value: Date | string | null | undefined, indent: string): string {
  const date = value ? w3cDate(value) : null;
  return date ? `\n${indent}<lastmod>${date}</lastmod>` : "";
}

/** How many files `total` pages need (at least one, so every kind has a file to fetch). */
export function sitemapPageCount(total: number, perFile = ITEMS_PER_SITEMAP): number {
  return Math.max(1, Math.ceil(total / perFile));
}

export function sitemapFileName(kind: SitemapKind, page: number): string {
  return `${kind}-${page}.xml`;
}

/** `demands-3.xml` → { kind: "demands", page: 3 }; anything else null (a 404). */
export function parseSitemapFileName(name: string | undefined): { kind: SitemapKind; page: number } | null {
  const match = /^([a-z]+)-([1-9]\d{0,5})\.xml$/.exec(name ?? "");
  if (!match || !(SITEMAP_KINDS as readonly string[]).includes(match[1])) return null;
  return { kind: match[1] as SitemapKind, page: Number(match[2]) };
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>';

export function sitemapIndexXml(publicUrl: string, files: readonly SitemapFile[]): string {
  const entries = files.map((f) => {
    const loc = siteUrl(publicUrl, `/sitemaps/${sitemapFileName(f.kind, f.page)}`);
    return `  <sitemap>\n    <loc>${escapeXml(loc)}</loc>${lastmodTag(f.lastmod, "    ")}\n  </sitemap>`;
  });
  return [XML_HEAD, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...entries, "</sitemapindex>", ""].join("\n");
}

export function urlsetXml(publicUrl: string, pages: readonly SitemapPage[]): string {
  if (pages.length * LOCALES.length > MAX_URLS_PER_SITEMAP) {
    throw new Error(`a sitemap file may list at most ${MAX_URLS_PER_SITEMAP} URLs`);
  }
  const entries: string[] = [];
  for (const page of pages) {
    for (const locale of LOCALES) {
      const urls = pageUrls(publicUrl, page.path, locale);
      const alternates = urls.alternates.map(
        (a) => `    <xhtml:link rel="alternate" hreflang="${a.hrefLang}" href="${escapeXml(a.href)}"/>`,
      );
      entries.push(
        [`  <url>`, `    <loc>${escapeXml(urls.canonical)}</loc>${lastmodTag(page.lastmod, "    ")}`, ...alternates, `  </url>`].join("\n"),
      );
    }
  }
  return [
    XML_HEAD,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    "</urlset>",
    "",
  ].join("\n");
}
