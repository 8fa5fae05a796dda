import { describe, expect, it } from "vitest";

import { parseQuery, toTsquery } from "../../search/query";
import { bigrams, chineseQueryWords, indexTokens, queryTerms } from "../../search/tokenizer";

describe("tokenizer", () => {
  it("indexes Chinese runs as overlapping bigrams so sub-words are findable", () => {
    expect(indexTokens("中国农业发展银行")).toEqual(["中国", "国农", "农业", "业发", "发展", "展银", "银行"]);
    expect(indexTokens("中国农业发展银行")).toContain("农业");
    expect(bigrams("井")).toEqual(["井"]);
    // A Latin run never swallows the Chinese that follows it.
    expect(indexTokens("第0个智慧停车5G基站")).toEqual(["第", "0", "个智", "智慧", "慧停", "停车", "5g", "基站"]);
  });

  it("stems English, folds case and width, drops stop words", () => {
    expect(indexTokens("The Inspections of CAMERAS")).toEqual(["inspect", "camera"]);
    expect(indexTokens("ＡＩ　ｃａｍｅｒａ")).toEqual(["ai", "camera"]);
  });

  it("segments Chinese queries into words and glues single characters", () => {
    expect(chineseQueryWords("独居老人")).toEqual(["独居", "老人"]);
    expect(chineseQueryWords("人脸识别")).toEqual(["人脸", "识别"]);
    expect(chineseQueryWords("窨井盖")).toEqual(["窨井盖"]);
    expect(queryTerms("独居老人").map((t) => t.all)).toEqual([["独居"], ["老人"]]);
  });

  it("lets the last Latin word match as a prefix while typing", () => {
    const [term] = queryTerms("camer");
    expect(term.prefix).toBe("camer");
    expect(queryTerms("camer", { prefixLast: false })[0].prefix).toBeUndefined();
  });

  it("expands synonyms across languages, also for phrases split by the segmenter", () => {
    const [elderly] = parseQuery("老人");
    expect(elderly.alternatives.map((a) => a.tokens.join(" "))).toEqual(
      expect.arrayContaining(["老人", "长者", "老年 年人", "elderli", "senior"]),
    );
    const [face] = parseQuery("人脸识别");
    expect(face.alternatives.map((a) => a.tokens.join(" "))).toContain("facial recognit");
    const [phrase] = parseQuery("facial recognition");
    expect(phrase.alternatives.map((a) => a.tokens.join(" "))).toContain("人脸 识别");
  });

  it("compiles to a tsquery with AND between words and OR between synonyms", () => {
    expect(toTsquery(parseQuery("农业"))).toBe("('农业')");
    expect(toTsquery(parseQuery("一键叫车"))).toBe("('一键' & '键叫' & '叫车')");
    expect(toTsquery(parseQuery("   "))).toBeNull();
    expect(toTsquery(parseQuery("it's"))).not.toContain("''s"); // quotes never break the query
  });
});
