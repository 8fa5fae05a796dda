/** Pure helpers of the demand domain: title similarity, resident names, phone numbers, times. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { abbreviateResidentName } from "../../../app/demands/resident-name";
import { normalizePhone, parseShanghaiLocal, toShanghaiLocal } from "../../../app/demands/schemas.server";
import { gramContainment, gramDice, titleGrams, titleSimilarity } from "../../../app/demands/text-similarity";

describe("titleGrams", () => {
  it("makes overlapping Chinese bigrams, skipping filler bigrams, and whole Latin words", () => {
    expect(titleGrams("一键叫车")).toEqual(["一键", "键叫", "叫车"]);
    expect(titleGrams("希望一键叫车")).toEqual(["望一", "一键", "键叫", "叫车"]);
    expect(titleGrams("Call a TAXI, 5G基站")).toEqual(["call", "taxi", "5g", "基站"]);
    expect(titleGrams("车")).toEqual(["车"]);
    expect(titleGrams("，。！")).toEqual([]);
  });

  it("scores a near-duplicate well above an unrelated title", () => {
    const q = titleGrams("老人一键叫出租车");
    const near = titleSimilarity(q, titleGrams("帮助老年人一键叫出租车"), 0);
    const far = titleSimilarity(q, titleGrams("社区食堂线上订餐"), 0);
    expect(near).toBeGreaterThan(0.6);
    expect(far).toBe(0);
  });

  it("keeps scores in 0..1 and symmetric Dice", () => {
    const text = fc.string({ unit: fc.constantFrom(..."老人叫车出租一键社区食堂abc ".split("")), maxLength: 20 });
    fc.assert(
      fc.property(text, text, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, trigram) => {
        const ga = titleGrams(a);
        const gb = titleGrams(b);
        expect(gramDice(ga, gb)).toBeCloseTo(gramDice(gb, ga));
        const s = titleSimilarity(ga, gb, trigram);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(gramContainment(ga, gb)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("abbreviateResidentName", () => {
  it.each([
    ["邵建国", "邵某"],
    ["邵先生", "邵先生"],
    ["邵建国先生", "邵先生"],
    ["欧阳修", "欧阳某"],
    ["王阿姨", "王阿姨"],
    ["老邵", "老邵"],
    ["Mr Shao", "Mr S."],
    ["mrs. jane smith", "Mrs S."],
    ["Jane Smith", "J. S."],
    ["  ", ""],
  ])("%s → %s", (full, short) => {
    expect(abbreviateResidentName(full)).toBe(short);
  });

  it("never shows a Chinese given name", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."邵王李张建国华明丽".split("")), minLength: 2, maxLength: 4 }), (name) => {
        const short = abbreviateResidentName(name);
        expect(short.length).toBeLessThanOrEqual(name.length);
        if (name.length >= 2 && !/^[老小]/.test(name)) expect(short.slice(1)).not.toBe(name.slice(1));
      }),
    );
  });
});

describe("normalizePhone", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["+86 138-1234-5678", "13812345678"],
    ["021-62541234", "02162541234"],
    ["62541234", "62541234"],
    ["12345", null],
    ["1381234567", null],
    ["abc", null],
  ])("%s → %s", (raw, normalised) => {
    expect(normalizePhone(raw)).toBe(normalised);
  });
});

describe("Shanghai local times", () => {
  it("reads datetime-local text as Shanghai time and back", () => {
    expect(parseShanghaiLocal("2026-03-05T09:30")!.toISOString()).toBe("2026-03-05T01:30:00.000Z");
    expect(toShanghaiLocal(new Date("2026-03-05T01:30:00Z"))).toBe("2026-03-05T09:30");
    expect(parseShanghaiLocal("yesterday")).toBeNull();
    expect(parseShanghaiLocal("2026-13-45T99:99")).toBeNull();
  });
});
