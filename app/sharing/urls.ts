/**
 * The site's public addresses: one canonical form per page, in each language.
 *
 * - A page's address is its path: lower case, single slashes, no trailing slash
 *   (the server answers other spellings with a 301 to this one).
 * - The language travels in `?lang=zh-CN` / `?lang=en`. It overrides the
 *   visitor's stored preference for that request (and is then remembered, see
 *   app/utils/preferences.server.ts), so a shared link opens in the language
 *   it was shared in.
 * - The canonical address of a page names the language it is shown in; the
 *   hreflang alternates name both, and `x-default` is the bare path (the
 *   visitor's own preference, Chinese by default).
 * - Paging, filters, notices and tracking parameters are not part of a
 *   canonical address: they show a view of the same page.
 *
 * Pure and shared by the server (sitemaps, redirects) and the browser (meta).
 */
import { LOCALES, type Locale } from "~/locales";

export const LANG_PARAM = "lang";

/** `?lang=` value → locale. Accepts the usual spellings (`en`, `EN`, `en-US`, `zh`, `zh-cn`, `zh-Hans`). */
export function localeFromParam(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v === "en" || /^en-[a-z]{2,4}$/.test(v)) return "en";
  if (v === "zh" || v === "zh-cn" || v === "zh-hans" || v === "zh-hans-cn") return "zh-CN";
  return null;
}

/** The public sections whose addresses are lower case throughout (their slugs are). */
const LOWER_CASE_SECTIONS = new Set(["demands", "applications", "lists", "organizations", "subdistricts", "search", "stats", "data", "developers", "sitemaps"]);

/**
 * The canonical spelling of a path: runs of slashes collapsed and the trailing
 * slash dropped (except for "/"); in the public sections, ASCII letters
 * lower-cased outside percent escapes (`/Lists/2021-Call` → `/lists/2021-call`,
 * `%E5` stays). Other areas may carry case-sensitive segments and keep theirs.
 */
export function canonicalPath(pathname: string): string {
  let path = `/${pathname}`.replace(/\/{2,}/g, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "") || "/";
  const section = path.split("/")[1]?.toLowerCase() ?? "";
  if (!LOWER_CASE_SECTIONS.has(section)) return path;
  return path.replace(/%[0-9A-Fa-f]{2}|[A-Z]+/g, (part) => (part.startsWith("%") ? part : part.toLowerCase()));
}

/**
 * Where a GET for `pathname` + `search` should be sent permanently, or null
 * when it is already canonical (or too odd to touch: a backslash could turn
 * the redirect into another host). The query string is kept as it is.
 */
export function canonicalRedirect(pathname: string, search = ""): string | null {
  if (pathname.includes("\\") || !pathname.startsWith("/")) return null;
  const path = canonicalPath(pathname);
  if (path === pathname) return null;
  return `${path}${search}`;
}

/** `path` on the public site, optionally pinned to a language. */
export function siteUrl(publicUrl: string, path: string, locale?: Locale | null): string {
  const base = publicUrl.replace(/\/+$/, "");
  return `${base}${path}${locale ? `?${LANG_PARAM}=${locale}` : ""}`;
}

export type Alternate = { hrefLang: Locale | "x-default"; href: string };

export type PageUrls = { canonical: string; alternates: Alternate[] };

/** The canonical URL of a page shown in `locale`, and its language alternates. */
export function pageUrls(publicUrl: string, pathname: string, locale: Locale): PageUrls {
  const path = canonicalPath(pathname);
  return {
    canonical: siteUrl(publicUrl, path, locale),
    alternates: [
      ...LOCALES.map((l) => ({ hrefLang: l, href: siteUrl(publicUrl, path, l) })),
      { hrefLang: "x-default" as const, href: siteUrl(publicUrl, path) },
    ],
  };
}

/**
 * A same-site path with its `lang` parameter removed: where to send a visitor
 * back to after they switched language, so the old link's language does not
 * override the choice they just made.
 */
export function withoutLangParam(pathWithSearch: string): string {
  const hash = pathWithSearch.indexOf("#");
  const beforeHash = hash === -1 ? pathWithSearch : pathWithSearch.slice(0, hash);
  const fragment = hash === -1 ? "" : pathWithSearch.slice(hash);
  const q = beforeHash.indexOf("?");
  if (q === -1) return pathWithSearch;
  const params = new URLSearchParams(beforeHash.slice(q + 1));
  if (!params.has(LANG_PARAM)) return pathWithSearch;
  params.delete(LANG_PARAM);
  const rest = params.toString();
  return `${beforeHash.slice(0, q)}${rest ? `?${rest}` : ""}${fragment}`;
}

/** Open Graph's spelling of a locale. */
export function ogLocale(locale: Locale): string {
  return locale === "en" ? "en_US" : "zh_CN";
}
