/**
 * All interface text, by language and namespace. Chinese is the source; each
 * English namespace is typed against it, so a missing key fails the typecheck.
 * To add a namespace: a file in each language folder, registered below.
 */
import enCommon from "./en/common";
import enHome from "./en/home";
import zhCommon from "./zh-CN/common";
import zhHome from "./zh-CN/home";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export const resources = {
  "zh-CN": { common: zhCommon, home: zhHome },
  en: { common: enCommon, home: enHome },
} as const;

export const NAMESPACES = Object.keys(resources["zh-CN"]) as (keyof (typeof resources)["zh-CN"])[];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
