/**
 * Interface preferences kept in a cookie, so that they persist for visitors
 * without an account too: language (Chinese by default) and elder mode.
 */
import { createCookie } from "@remix-run/node";

import { DEFAULT_LOCALE, isLocale, type Locale } from "~/locales";
import { LANG_PARAM, localeFromParam } from "~/sharing/urls";

import { secureCookies } from "./cookies.server";

export type Preferences = { locale: Locale; elder: boolean };

const ONE_YEAR = 60 * 60 * 24 * 365;

function preferencesCookie() {
  return createCookie("putuo_prefs", {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: secureCookies(),
    maxAge: ONE_YEAR,
  });
}

/**
 * The visitor's preferences for this request. A `?lang=` in the address
 * (app/sharing/urls.ts) wins over the stored language, so a shared link opens
 * in its language; the root loader then stores it (`rememberUrlLanguage`).
 */
export async function getPreferences(request: Request): Promise<Preferences> {
  const stored = await storedPreferences(request);
  const fromUrl = localeFromParam(new URL(request.url).searchParams.get(LANG_PARAM));
  return fromUrl ? { ...stored, locale: fromUrl } : stored;
}

/**
 * The cookie that makes a `?lang=` choice stick, or null when the address
 * names no language or the same one as stored. Remembering it keeps the
 * links of a page opened in English in English (they carry no `lang`).
 */
export async function rememberUrlLanguage(request: Request): Promise<string | null> {
  const fromUrl = localeFromParam(new URL(request.url).searchParams.get(LANG_PARAM));
  if (!fromUrl) return null;
  const stored = await storedPreferences(request);
  return stored.locale === fromUrl ? null : serializePreferences({ ...stored, locale: fromUrl });
}

async function storedPreferences(request: Request): Promise<Preferences> {
  let raw: unknown = null;
  try {
    raw = await preferencesCookie().parse(request.headers.get("Cookie"));
  } catch {
    raw = null; // A tampered cookie is simply ignored.
  }
  const value = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  return {
    locale: isLocale(value.locale) ? value.locale : DEFAULT_LOCALE,
    elder: value.elder === true,
  };
}

export async function serializePreferences(prefs: Preferences): Promise<string> {
  return preferencesCookie().serialize(prefs);
}
