/**
 * pageMeta (app/utils/meta.ts): the whole head of a page from the loader's
 * meta and the root's locale and public address — one title pattern, a
 * description cut to size, link previews, the canonical address without
 * paging or tracking noise, hreflang alternates, and titled error pages kept
 * out of indexes. Also the description excerpt it relies on.
 */
import { describe, expect, it } from "vitest";

import { excerpt } from "../../app/sharing/excerpt";
import { pageMeta, type PageMetaArgs } from "../../app/utils/meta";

const PUBLIC_URL = "https://lab.example.org";

function args(over: { locale?: string; path?: string; search?: string; meta?: unknown; error?: unknown; publicUrl?: string | null } = {}): PageMetaArgs {
  const { locale = "zh-CN", path = "/demands/42", search = "", meta, error, publicUrl = PUBLIC_URL } = over;
  return {
    data: error ? undefined : { meta },
    location: { pathname: path, search } as { pathname: string },
    matches: [
      { id: "root", data: { locale, publicUrl } },
      { id: "routes/demands.$id", data: error ? undefined : { meta } },
    ],
    error,
  };
}

type Tag = Record<string, unknown>;
const tags = (list: ReturnType<typeof pageMeta>) => list as Tag[];
const titleOf = (list: Tag[]) => list.find((t) => "title" in t)?.title;
const named = (list: Tag[], name: string) => list.filter((t) => t.name === name).map((t) => t.content);
const property = (list: Tag[], name: string) => list.filter((t) => t.property === name).map((t) => t.content);
const links = (list: Tag[], rel: string) => list.filter((t) => t.tagName === "link" && t.rel === rel);

describe("pageMeta", () => {
  it("gives a Chinese page its title, description, previews, canonical address and alternates", () => {
    const list = tags(pageMeta(args({ meta: { title: "加装电梯 · 场景需求", description: "老小区加装电梯的需求。", type: "article" } })));
    expect(titleOf(list)).toBe("加装电梯 · 场景需求 · 普陀数字化转型实验室");
    expect(named(list, "description")).toEqual(["老小区加装电梯的需求。"]);
    expect(property(list, "og:title")).toEqual(["加装电梯 · 场景需求"]);
    expect(property(list, "og:description")).toEqual(["老小区加装电梯的需求。"]);
    expect(property(list, "og:type")).toEqual(["article"]);
    expect(property(list, "og:site_name")).toEqual(["普陀数字化转型实验室"]);
    expect(property(list, "og:locale")).toEqual(["zh_CN"]);
    expect(property(list, "og:locale:alternate")).toEqual(["en_US"]);
    expect(property(list, "og:url")).toEqual([`${PUBLIC_URL}/demands/42?lang=zh-CN`]);
    expect(named(list, "twitter:card")).toEqual(["summary"]);
    expect(links(list, "canonical")).toEqual([{ tagName: "link", rel: "canonical", href: `${PUBLIC_URL}/demands/42?lang=zh-CN` }]);
    expect(links(list, "alternate").map((l) => [l.hrefLang, l.href])).toEqual([
      ["zh-CN", `${PUBLIC_URL}/demands/42?lang=zh-CN`],
      ["en", `${PUBLIC_URL}/demands/42?lang=en`],
      ["x-default", `${PUBLIC_URL}/demands/42`],
    ]);
  });

  it("speaks English on an English page", () => {
    const list = tags(pageMeta(args({ locale: "en", path: "/lists", meta: { title: "Published lists", description: "The lists." } })));
    expect(titleOf(list)).toBe("Published lists · Putuo Lab");
    expect(property(list, "og:site_name")).toEqual(["Putuo Lab"]);
    expect(property(list, "og:locale")).toEqual(["en_US"]);
    expect(property(list, "og:locale:alternate")).toEqual(["zh_CN"]);
    expect(property(list, "og:type")).toEqual(["website"]);
    expect(links(list, "canonical")[0].href).toBe(`${PUBLIC_URL}/lists?lang=en`);
  });

  it("adds the site name once: not again, and in place of the short name", () => {
    expect(titleOf(tags(pageMeta(args({ meta: { title: "登录 · 普陀数字化转型实验室" } }))))).toBe("登录 · 普陀数字化转型实验室");
    expect(titleOf(tags(pageMeta(args({ meta: { title: "入选名单 · 普陀 Lab" } }))))).toBe("入选名单 · 普陀数字化转型实验室");
    expect(titleOf(tags(pageMeta(args({ meta: { title: "普陀数字化转型实验室 · 城市数字化转型场景征集" } }))))).toBe(
      "普陀数字化转型实验室 · 城市数字化转型场景征集",
    );
    expect(titleOf(tags(pageMeta(args({ locale: "en", meta: { title: "Sign in · Putuo Lab" } }))))).toBe("Sign in · Putuo Lab");
  });

  it("leaves paging, filters, notices and tracking out of the canonical address, and tidies the path", () => {
    const list = tags(pageMeta(args({ path: "/Demands/", search: "?page=3&domain=life&utm_source=wechat&notice=saved&lang=en", meta: { title: "场景需求" } })));
    expect(links(list, "canonical")[0].href).toBe(`${PUBLIC_URL}/demands?lang=zh-CN`);
    expect(property(list, "og:url")).toEqual([`${PUBLIC_URL}/demands?lang=zh-CN`]);
  });

  it("cuts a long description and falls back to the site's tagline when there is none", () => {
    const long = "社区里的老人".repeat(60);
    const [description] = named(tags(pageMeta(args({ meta: { title: "长描述", description: long } }))), "description") as string[];
    expect(Array.from(description).length).toBeLessThanOrEqual(150);
    expect(description.endsWith("…")).toBe(true);
    expect(named(tags(pageMeta(args({ meta: { title: "无描述" } }))), "description")).toEqual(["汇集城市数字化转型的场景需求与创新应用"]);
    expect(named(tags(pageMeta(args({ locale: "en", meta: { title: "x", description: "   " } }))), "description")).toEqual([
      "Smart-city demands and solutions for Putuo District",
    ]);
  });

  it("titles error pages by their status and keeps them out of indexes, without a canonical address", () => {
    const notFound = { status: 404, statusText: "Not Found", internal: false, data: "Not Found" };
    const list = tags(pageMeta(args({ error: notFound })));
    expect(titleOf(list)).toBe("页面不存在 · 普陀数字化转型实验室");
    expect(named(list, "robots")).toEqual(["noindex"]);
    expect(named(list, "description")[0]).toMatch(/不存在/);
    expect(links(list, "canonical")).toEqual([]);
    expect(property(list, "og:locale")).toEqual(["zh_CN"]);
    expect(property(list, "og:title")).toEqual(["页面不存在"]);

    const forbidden = tags(pageMeta(args({ locale: "en", error: { status: 403, statusText: "Forbidden", internal: false, data: "" } })));
    expect(titleOf(forbidden)).toBe("Access denied · Putuo Lab");
    const crash = tags(pageMeta(args({ locale: "en", error: new Error("boom") })));
    expect(titleOf(crash)).toBe("Something went wrong · Putuo Lab");
    expect(named(crash, "robots")).toEqual(["noindex"]);
  });

  it("without the root's data (its loader failed) still titles the page, in Chinese, with no canonical address", () => {
    const list = tags(pageMeta({ data: undefined, location: { pathname: "/x" }, matches: [{ id: "root", data: undefined }], error: new Error("db down") }));
    expect(titleOf(list)).toBe("服务器出错了 · 普陀数字化转型实验室");
    const noUrl = tags(pageMeta(args({ publicUrl: null, meta: { title: "搜索" } })));
    expect(titleOf(noUrl)).toBe("搜索 · 普陀数字化转型实验室");
    expect(links(noUrl, "canonical")).toEqual([]);
  });

  it("accepts the older form (only the loader's meta): texts, but no addresses", () => {
    const list = tags(pageMeta({ title: "搜索", description: "在需求和应用中搜索。" }));
    expect(titleOf(list)).toBe("搜索 · 普陀数字化转型实验室");
    expect(property(list, "og:description")).toEqual(["在需求和应用中搜索。"]);
    expect(links(list, "canonical")).toEqual([]);
    expect(titleOf(tags(pageMeta(undefined)))).toBe("普陀数字化转型实验室");
  });
});

describe("excerpt", () => {
  it("keeps short text whole, on one line", () => {
    expect(excerpt("  楼道灯\n经常不亮。 ")).toBe("楼道灯 经常不亮。");
    expect(excerpt(null)).toBe("");
  });

  it("ends at a sentence when one ends late enough", () => {
    const text = `${"老人上下楼不方便".repeat(12)}。${"希望加装电梯".repeat(20)}`;
    const cut = excerpt(text, 150);
    expect(cut.endsWith("。")).toBe(true);
    expect(Array.from(cut).length).toBeLessThanOrEqual(150);
  });

  it("ends at a word in English, with an ellipsis", () => {
    const text = "Residents of old estates without lifts ask for a shared service that helps elderly people up and down the stairs every day ".repeat(3);
    const cut = excerpt(text, 80);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.slice(0, -1).endsWith(" ")).toBe(false);
  });

  it("never splits a character outside the basic plane", () => {
    const cut = excerpt("𠮷".repeat(200), 10);
    expect(Array.from(cut)).toEqual([..."𠮷".repeat(9), "…"]);
  });
});
