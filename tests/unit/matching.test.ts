/**
 * The pure parts of matching: the weights, the score and its reasons, the
 * similarity query words, coverage, reasons in plain words, and who may do
 * what (the permission table).
 */
import { describe, expect, it } from "vitest";

import { can } from "../../app/auth/permissions";
import { describeReason } from "../../app/matching/reason-text";
import { blendText, scorePair, tagOverlap, textValue, type PairSignals } from "../../app/matching/score";
import { chineseSubjectWords, coverage, similarityQuery, similarityWords, weightedWords } from "../../app/matching/text";
import { READINESS_SIGNALS, RELEVANCE_SIGNALS, WEIGHTS } from "../../app/matching/weights";
import { fixedT } from "../../app/utils/i18n.server";

const base: PairSignals = {
  text: 1,
  words: ["一键叫车", "老人"],
  demandScenarios: ["one-call-taxi", "accessible-travel"],
  appScenarios: ["one-call-taxi"],
  demandTargets: ["elderly", "disabled", "patients"],
  appTargets: ["elderly", "disabled"],
  demandTechs: ["voice"],
  appTechs: ["voice", "5g"],
  demandDomain: "life",
  appDomain: "life",
  demandPlace: "ganquan-road",
  deployedIn: ["ganquan-road"],
  status: "selected",
  maturity: "deployed",
};

describe("weights", () => {
  it("sum to 1, and every signal is either relevance or readiness", () => {
    const sum = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 10);
    expect([...RELEVANCE_SIGNALS, ...READINESS_SIGNALS].sort()).toEqual(Object.keys(WEIGHTS).sort());
  });
});

describe("scorePair", () => {
  it("gives a perfect pair a perfect score, with a reason per signal", () => {
    const full = scorePair({ ...base, appScenarios: base.demandScenarios, appTargets: base.demandTargets });
    expect(full.score).toBe(1);
    expect(full.reasons.map((r) => r.code).sort()).toEqual(["deployed_here", "domain", "maturity", "scenario", "selected", "target_group", "technology", "text"]);
    expect(full.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1, 2);
  });

  it("lists reasons by the points they bring, with language-neutral details", () => {
    const r = scorePair(base);
    for (let i = 1; i < r.reasons.length; i++) expect(r.reasons[i - 1].weight).toBeGreaterThanOrEqual(r.reasons[i].weight);
    expect(r.reasons.find((x) => x.code === "scenario")!.detail).toBe("one-call-taxi");
    expect(r.reasons.find((x) => x.code === "deployed_here")!.detail).toBe("ganquan-road");
    expect(r.reasons.find((x) => x.code === "text")!.detail).toBe("一键叫车 · 老人");
  });

  it("says nothing about signals that did not count", () => {
    const r = scorePair({ ...base, appScenarios: [], appTechs: [], appDomain: "economy", deployedIn: [], status: "not_shortlisted", maturity: "concept" });
    expect(r.reasons.map((x) => x.code).sort()).toEqual(["target_group", "text"]);
  });

  it("counts readiness in proportion to relevance: a deployed, selected solution to another problem stays low", () => {
    const unrelated = scorePair({ ...base, text: 0, words: [], appScenarios: [], appTargets: [], appTechs: [], appDomain: "economy" });
    expect(unrelated.score).toBe(0);
    const fittingConcept = scorePair({ ...base, deployedIn: [], status: "not_shortlisted", maturity: "concept" });
    const readyButWeak = scorePair({ ...base, text: 0.2, appScenarios: [], appTargets: [], appTechs: [] });
    expect(fittingConcept.score).toBeGreaterThan(readyButWeak.score);
  });

  it("values a deployment elsewhere in Putuo less than one in the demand's subdistrict", () => {
    const here = scorePair(base);
    const elsewhere = scorePair({ ...base, deployedIn: ["wanli"] });
    expect(here.score).toBeGreaterThan(elsewhere.score);
    expect(elsewhere.reasons.find((x) => x.code === "deployed_district")!.detail).toBe("wanli");
  });

  it("tag overlap is the share of the demand's tags, counting at most two", () => {
    expect(tagOverlap(["a", "b", "c"], ["a", "b"]).value).toBe(1);
    expect(tagOverlap(["a", "b", "c"], ["a"]).value).toBe(0.5);
    expect(tagOverlap([], ["a"]).value).toBe(0);
    expect(tagOverlap(["a"], ["b"]).shared).toEqual([]);
  });

  it("text values: relative to the best, on a curve; blended with coverage", () => {
    expect(textValue(2, 2)).toBe(1);
    expect(textValue(0.5, 2)).toBe(0.5);
    expect(textValue(0, 2)).toBe(0);
    expect(textValue(1, 0)).toBe(0);
    expect(blendText(1, 1)).toBeCloseTo(1);
    expect(blendText(0, 0)).toBe(0);
  });
});

describe("similarity words", () => {
  it("keeps subject words of Chinese text, glues characters ICU splits off, drops grammar", () => {
    expect(chineseSubjectWords("共享单车乱停放占用盲道")).toEqual(["共享", "单车", "停放", "占用", "盲道"]);
    expect(chineseSubjectWords("智能门岗人脸识别窨井盖")).toEqual(expect.arrayContaining(["门岗", "人脸", "识别", "窨井盖"]));
  });

  it("prefers title words and drops words every submission uses", () => {
    const words = similarityWords([
      { text: "让行动不便的老人打一个电话就能叫到出租车", weight: 3 },
      { text: "居民希望有一个简单的办法，社区希望方案能记住老人的住址和常去的医院。", weight: 1 },
    ]);
    expect(words[0]).toBe("老人");
    expect(words).toEqual(expect.arrayContaining(["出租", "电话", "医院"]));
    for (const generic of ["希望", "居民", "社区", "方案", "一个"]) expect(words).not.toContain(generic);
  });

  it("handles English (stems, stop words) and stays within the 200 characters a query may have", () => {
    expect(similarityWords([{ text: "Noise from square dancing keeps the residents awake at night", weight: 1 }])).toEqual(
      expect.arrayContaining(["noise", "square", "dancing", "awake", "night"]),
    );
    const long = similarityQuery([{ text: Array.from({ length: 60 }, (_, i) => `supercalifragilistic${i}`).join(" "), weight: 1 }], 40);
    expect(long.length).toBeLessThanOrEqual(200);
  });

  it("coverage weighs rare words over common ones, and finds synonyms across languages", () => {
    const words = weightedWords([{ text: "请保姆照顾老人", weight: 1 }]);
    const docs = [
      { id: 1, title: "保姆信用档案", body: "为老人家庭查询保姆记录" },
      { id: 2, title: "老人助餐", body: "老人订餐" },
      { id: 3, title: "老人防走失", body: "老人手环" },
      { id: 4, title: "Elderly care", body: "for elderly people" },
    ];
    const c = coverage(words, docs);
    expect(c.get(1)!.value).toBeGreaterThan(c.get(2)!.value);
    expect(c.get(1)!.words[0]).toBe("保姆");
    expect(c.get(4)!.value).toBeGreaterThan(0); // elderly ↔ 老人
  });
});

describe("reasons in plain words", () => {
  const labels = {
    tags: { "scenario:one-call-taxi": { zh: "一键叫车", en: "One-call taxi" } },
    places: { "ganquan-road": { zh: "甘泉路街道", en: "Ganquan Road Subdistrict" } },
  };
  it("renders every code in Chinese and English", () => {
    const zh = fixedT("zh-CN");
    const en = fixedT("en");
    expect(describeReason(zh, labels, "zh-CN", { code: "scenario", weight: 0.1, detail: "one-call-taxi" })).toBe("同属应用场景：一键叫车");
    expect(describeReason(en, labels, "en", { code: "scenario", weight: 0.1, detail: "one-call-taxi" })).toBe("Same scenario: One-call taxi");
    expect(describeReason(en, labels, "en", { code: "deployed_here", weight: 0.1, detail: "ganquan-road" })).toBe("Already in use in Ganquan Road Subdistrict");
    expect(describeReason(zh, labels, "zh-CN", { code: "maturity", weight: 0.1, detail: "deployed" })).toBe("成熟度：已规模应用");
    expect(describeReason(en, labels, "en", { code: "text", weight: 0.1, detail: "taxi · elderly" })).toBe("Similar words in the need and the solution: taxi, elderly");
    for (const code of ["text", "domain", "selected", "shortlisted", "technology", "target_group", "deployed_district"] as const) {
      expect(describeReason(zh, labels, "zh-CN", { code, weight: 0.1, detail: "life" })).not.toMatch(/matching:/);
    }
  });
});

describe("permissions for matching", () => {
  it.each([
    ["official", "propose:match:subdistrict", true],
    ["community_worker", "propose:match:subdistrict", true],
    ["firm_member", "propose:match:subdistrict", false],
    ["resident", "propose:match:subdistrict", false],
    ["firm_member", "respond:demand:own", true],
    ["official", "respond:demand:own", false],
    ["community_worker", "respond:demand:own", false],
    ["reviewer", "respond:demand:own", false],
  ] as const)("%s → %s is %s", (role, permission, expected) => {
    expect(can({ roles: [role] }, permission)).toBe(expected);
  });
});
