/**
 * The head of every page — title, description, link previews (Open Graph,
 * Twitter), the canonical address and its language alternates — from the
 * loader's translated `meta` and the root's locale and public address:
 *
 *   export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);
 *
 * Loaders give the page's own title ("登录", "{{title}} · 场景需求"); the
 * site's name is added here, once, so every title reads "<page> · <site>".
 * Error pages (403, 404, 500) get their own title and are kept out of indexes.
 */
import { isRouteErrorResponse, type MetaDescriptor } from "@remix-run/react";

import { DEFAULT_LOCALE, isLocale, LOCALES, resources, type Locale } from "~/locales";
import { excerpt } from "~/sharing/excerpt";
import { ogLocale, pageUrls } from "~/sharing/urls";

/** What a loader returns as `meta`, translated. */
export type PageMeta = {
  title: string;
  description?: string;
  /** `article` for a single demand or application; `website` otherwise. */
  type?: "website" | "article";
};

/** The parts of Remix's meta arguments this needs (any route's `MetaArgs` fits). */
export type PageMetaArgs = {
  data: unknown;
  location: { pathname: string };
  matches: readonly { id: string; data: unknown }[];
  error?: unknown;
};

type RootFacts = { locale: Locale; publicUrl: string | null };

function rootFacts(matches: PageMetaArgs["matches"]): RootFacts {
  const data = matches.find((m) => m.id === "root")?.data as { locale?: unknown; publicUrl?: unknown } | undefined;
  return {
    locale: isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE,
    publicUrl: typeof data?.publicUrl === "string" ? data.publicUrl : null,
  };
}

function site(locale: Locale) {
  return resources[locale].common.site;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The page's own title, without a site name it may already carry. */
export function pageTitleOnly(title: string, locale: Locale): string {
  const { name, short } = site(locale);
  return title.replace(new RegExp(` · (${escapeRegExp(name)}|${escapeRegExp(short)})$`), "").trim();
}

/** "<page> · <site>" (a title that already names the site, like the home page's, is kept). */
export function fullTitle(title: string, locale: Locale): string {
  const { name } = site(locale);
  const page = pageTitleOnly(title, locale);
  if (!page) return name;
  return page.includes(name) ? page : `${page} · ${name}`;
}

function isPageMeta(value: unknown): value is PageMeta {
  return !!value && typeof value === "object" && typeof (value as PageMeta).title === "string";
}

function isMetaArgs(value: unknown): value is PageMetaArgs {
  return !!value && typeof value === "object" && "location" in value && "matches" in value;
}

function errorMeta(error: unknown, locale: Locale): MetaDescriptor[] {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const errors = resources[locale].common.errors;
  const [title, body] =
    status === 403 ? [errors.title403, errors.body403]
    : status === 404 ? [errors.title404, errors.body404]
    : status >= 500 ? [errors.title500, errors.body500]
    : [errors.titleOther, ""];
  const description = body || site(locale).tagline;
  return [
    { title: fullTitle(title, locale) },
    { name: "description", content: description },
    { name: "robots", content: "noindex" },
    ...previewTags({ title, description, type: "website" }, locale),
  ];
}

/** Open Graph and Twitter tags (without the address, which only a page that exists has). */
function previewTags(meta: Required<PageMeta>, locale: Locale): MetaDescriptor[] {
  return [
    { property: "og:title", content: meta.title },
    { property: "og:description", content: meta.description },
    { property: "og:type", content: meta.type },
    { property: "og:site_name", content: site(locale).name },
    { property: "og:locale", content: ogLocale(locale) },
    ...LOCALES.filter((l) => l !== locale).map((l) => ({ property: "og:locale:alternate", content: ogLocale(l) })),
    { name: "twitter:card", content: "summary" },
  ];
}

/**
 * Every tag of a page's head. Pass the route's meta arguments; passing only the
 * loader's `meta` (the older form) still gives the title, description and
 * preview texts, but no canonical address or alternates.
 */
export function pageMeta(input: PageMetaArgs | PageMeta | undefined): MetaDescriptor[] {
  const args = isMetaArgs(input) ? input : null;
  const facts = args ? rootFacts(args.matches) : { locale: DEFAULT_LOCALE, publicUrl: null };
  const { locale, publicUrl } = facts;
  if (args?.error) return errorMeta(args.error, locale);

  const own = args ? (args.data as { meta?: unknown } | undefined)?.meta : input;
  const meta: PageMeta = isPageMeta(own) ? own : { title: site(locale).name, description: site(locale).tagline };
  const title = pageTitleOnly(meta.title, locale) || site(locale).name;
  const description = excerpt(meta.description) || site(locale).tagline;

  const tags: MetaDescriptor[] = [
    { title: fullTitle(meta.title, locale) },
    { name: "description", content: description },
    ...previewTags({ title, description, type: meta.type ?? "website" }, locale),
  ];
  if (args && publicUrl) {
    const urls = pageUrls(publicUrl, args.location.pathname, locale);
    tags.push(
      { property: "og:url", content: urls.canonical },
      { tagName: "link", rel: "canonical", href: urls.canonical },
      ...urls.alternates.map((a) => ({ tagName: "link", rel: "alternate", hrefLang: a.hrefLang, href: a.href })),
    );
  }
  return tags;
}
