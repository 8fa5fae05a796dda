/**
 * The address rules of app/sharing/urls.ts: `?lang` spellings, the canonical
 * path (and the 301s server.js sends for other spellings), the language
 * alternates, and dropping `lang` when a visitor switches language.
 */
import { describe, expect, it } from "vitest";

import { canonicalPath, canonicalRedirect, localeFromParam, pageUrls, withoutLangParam } from "../../app/sharing/urls";

describe("localeFromParam", () => {
  it("reads the usual spellings of both languages", () => {
    for (const v of ["en", "EN", "en-US", "en-gb"]) expect(localeFromParam(v)).toBe("en");
    for (const v of ["zh-CN", "zh-cn", "zh", "zh-Hans"]) expect(localeFromParam(v)).toBe("zh-CN");
  });

  it("ignores anything else", () => {
    for (const v of [null, undefined, "", "fr", "english", "zh-TW", "en_US", "<script>"]) expect(localeFromParam(v)).toBeNull();
  });
});

describe("canonicalPath and canonicalRedirect", () => {
  it("keeps canonical paths as they are", () => {
    for (const p of ["/", "/demands", "/demands/123", "/lists/2021-digital-transformation", "/search"]) {
      expect(canonicalPath(p)).toBe(p);
      expect(canonicalRedirect(p, "?q=1")).toBeNull();
    }
  });

  it("drops trailing slashes and collapses doubled ones, keeping the query", () => {
    expect(canonicalRedirect("/demands/", "?domain=life&page=2")).toBe("/demands?domain=life&page=2");
    expect(canonicalRedirect("/demands//123///")).toBe("/demands/123");
    expect(canonicalRedirect("/official/campaigns/")).toBe("/official/campaigns");
  });

  it("never redirects to another host", () => {
    expect(canonicalRedirect("//evil.example/")).toBe("/evil.example");
    expect(canonicalRedirect("///evil.example")).toBe("/evil.example");
    expect(canonicalRedirect("/\\evil.example/")).toBeNull();
    expect(canonicalRedirect("http://evil.example/")).toBeNull();
  });

  it("lower-cases the public sections, but not percent escapes nor other areas", () => {
    expect(canonicalRedirect("/Lists/2021-Call")).toBe("/lists/2021-call");
    expect(canonicalRedirect("/ORGANIZATIONS/Huawei/")).toBe("/organizations/huawei");
    expect(canonicalPath("/subdistricts/%E7%94%98Q")).toBe("/subdistricts/%E7%94%98q");
    // Tokens and file names elsewhere may be case-sensitive.
    expect(canonicalRedirect("/attachments/12")).toBeNull();
    expect(canonicalRedirect("/dev/mailbox/AbC")).toBeNull();
  });
});

describe("pageUrls", () => {
  it("names the shown language in the canonical address and lists both languages and x-default", () => {
    const zh = pageUrls("https://lab.example.org", "/demands/7", "zh-CN");
    expect(zh.canonical).toBe("https://lab.example.org/demands/7?lang=zh-CN");
    expect(zh.alternates).toEqual([
      { hrefLang: "zh-CN", href: "https://lab.example.org/demands/7?lang=zh-CN" },
      { hrefLang: "en", href: "https://lab.example.org/demands/7?lang=en" },
      { hrefLang: "x-default", href: "https://lab.example.org/demands/7" },
    ]);
    const en = pageUrls("https://lab.example.org/", "/Demands/7/", "en");
    expect(en.canonical).toBe("https://lab.example.org/demands/7?lang=en");
    expect(en.alternates.map((a) => a.href)).toEqual(zh.alternates.map((a) => a.href));
  });

  it("gives the home page its own alternates", () => {
    expect(pageUrls("http://localhost:3000", "/", "en").alternates.at(-1)).toEqual({ hrefLang: "x-default", href: "http://localhost:3000/" });
  });
});

describe("withoutLangParam", () => {
  it("removes lang and keeps every other parameter and the fragment", () => {
    expect(withoutLangParam("/demands?lang=en")).toBe("/demands");
    expect(withoutLangParam("/demands?domain=life&lang=zh-CN&page=2#list")).toBe("/demands?domain=life&page=2#list");
    expect(withoutLangParam("/search?q=%E5%85%BB%E8%80%81&lang=en")).toBe("/search?q=%E5%85%BB%E8%80%81");
  });

  it("leaves paths without lang untouched", () => {
    expect(withoutLangParam("/")).toBe("/");
    expect(withoutLangParam("/demands?domain=life#x")).toBe("/demands?domain=life#x");
  });
});
