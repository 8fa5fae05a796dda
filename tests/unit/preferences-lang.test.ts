/**
 * `?lang=` on any page (app/utils/preferences.server.ts): it wins over the
 * stored language for that request, is remembered (the cookie the root
 * loader sets) only when it differs, keeps elder mode; and switching
 * language from a page opened with `?lang=` lands on the page without it,
 * so the old link cannot undo the choice.
 */
import { describe, expect, it } from "vitest";

import { action as preferencesAction } from "../../app/routes/preferences";
import { getPreferences, rememberUrlLanguage, serializePreferences } from "../../app/utils/preferences.server";

const URL_BASE = "http://putuo.test";

async function cookieHeader(prefs: { locale: "zh-CN" | "en"; elder: boolean }): Promise<string> {
  return (await serializePreferences(prefs)).split(";")[0];
}

function get(path: string, cookie?: string) {
  return new Request(`${URL_BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

describe("?lang", () => {
  it("overrides the stored language for the request, and nothing else", async () => {
    const stored = await cookieHeader({ locale: "zh-CN", elder: true });
    expect(await getPreferences(get("/demands?lang=en", stored))).toEqual({ locale: "en", elder: true });
    expect(await getPreferences(get("/demands?lang=zh-CN", await cookieHeader({ locale: "en", elder: false })))).toEqual({ locale: "zh-CN", elder: false });
    expect(await getPreferences(get("/demands", stored))).toEqual({ locale: "zh-CN", elder: true });
  });

  it("is ignored when it names no language we have", async () => {
    const stored = await cookieHeader({ locale: "en", elder: false });
    for (const lang of ["fr", "", "zh-TW", "%3Cscript%3E"]) {
      expect((await getPreferences(get(`/demands?lang=${lang}`, stored))).locale).toBe("en");
      expect(await rememberUrlLanguage(get(`/demands?lang=${lang}`, stored))).toBeNull();
    }
    expect((await getPreferences(get("/?lang=fr"))).locale).toBe("zh-CN");
  });

  it("is remembered when it differs from what is stored, keeping elder mode", async () => {
    const stored = await cookieHeader({ locale: "zh-CN", elder: true });
    const setCookie = await rememberUrlLanguage(get("/lists?lang=en", stored));
    expect(setCookie).toMatch(/^putuo_prefs=/);
    const next = get("/lists", setCookie!.split(";")[0]);
    expect(await getPreferences(next)).toEqual({ locale: "en", elder: true });
  });

  it("sets no cookie when it repeats the stored language, or the default for a new visitor", async () => {
    expect(await rememberUrlLanguage(get("/?lang=en", await cookieHeader({ locale: "en", elder: false })))).toBeNull();
    expect(await rememberUrlLanguage(get("/?lang=zh-CN"))).toBeNull();
    expect(await rememberUrlLanguage(get("/"))).toBeNull();
    expect(await rememberUrlLanguage(get("/?lang=en"))).not.toBeNull();
  });
});

describe("switching language on a page opened with ?lang", () => {
  async function post(fields: Record<string, string>, cookie?: string): Promise<Response> {
    const request = new Request(`${URL_BASE}/preferences`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    });
    return (await preferencesAction({ request, params: {}, context: {} })) as Response;
  }

  it("goes back to the page without lang, keeping its other parameters", async () => {
    const response = await post({ locale: "zh-CN", redirectTo: "/demands?domain=life&lang=en&page=2" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/demands?domain=life&page=2");
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0];
    expect((await getPreferences(get("/demands", cookie))).locale).toBe("zh-CN");
  });

  it("leaves the address alone when only elder mode changes", async () => {
    const response = await post({ elder: "1", redirectTo: "/demands?lang=en" });
    expect(response.headers.get("Location")).toBe("/demands?lang=en");
  });

  it("still refuses to leave the site", async () => {
    const response = await post({ locale: "en", redirectTo: "//evil.example/?lang=en" });
    expect(response.headers.get("Location")).toBe("/");
  });
});
