/**
 * Interface preferences kept in a cookie, so that they persist for visitors
 * without an account too: language (Chinese by default) and elder mode.
 */
import { createCookie } from "@remix-run/node";

import { DEFAULT_LOCALE, isLocale, type Locale } from "~/locales";

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

export async function getPreferences(request: Request): Promise<Preferences> {
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
