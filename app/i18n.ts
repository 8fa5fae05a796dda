/**
 * One i18next instance per server render and one in the browser, both built
 * from the bundled resources (both languages are small), so the first paint is
 * already translated and no translation files are fetched.
 */
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";

import { DEFAULT_LOCALE, NAMESPACES, resources, type Locale } from "./locales";

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources,
    ns: NAMESPACES,
    defaultNS: "common",
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
