/** Translation on the server (meta titles, flash messages, validation text). */
import type { TFunction } from "i18next";

import { createI18n } from "~/i18n";
import type { Locale } from "~/locales";

import { getPreferences } from "./preferences.server";

const cache = new Map<Locale, TFunction>();

export function fixedT(locale: Locale): TFunction {
  let t = cache.get(locale);
  if (!t) {
    t = createI18n(locale).t;
    cache.set(locale, t);
  }
  return t;
}

export async function getT(request: Request): Promise<{ t: TFunction; locale: Locale }> {
  const { locale } = await getPreferences(request);
  return { t: fixedT(locale), locale };
}
