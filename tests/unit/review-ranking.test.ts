/**
 * Scores, normalisation, outliers and the shortlist cut (app/review/ranking.ts)
 * against examples computed by hand (the numbers are written out below).
 */
import { describe, expect, it } from "vitest";

import { DEFAULT_RUBRIC } from "../../db/enums";
import { cutShortlist, OUTLIER_THRESHOLD, rankItems, reviewerZScores, weightedScore, type Candidate, type ReviewScore } from "../../app/review/ranking";

describe("weightedScore", () => {
  it("is Σ weight × score / scaleMax", () => {
    // 0.30 × 8/10 + 0.25 × 6/10 + 0.30 × 9/10 + 0.15 × 5/10 = 0.24 + 0.15 + 0.27 + 0.075 = 0.735
    expect(weightedScore(DEFAULT_RUBRIC, { innovation: 8, feasibility: 6, social_value: 9, cost_effectiveness: 5 })).toBeCloseTo(0.735, 12);
    expect(weightedScore(DEFAULT_RUBRIC, { innovation: 10, feasibility: 10, social_value: 10, cost_effectiveness: 10 })).toBeCloseTo(1, 12);
  });
});

/*
 * The hand-computed example. Four reviewers, three items (weighted scores):
 *
 *            item 1   item 2   item 3
 *   R1        0.90     0.60     0.60     lenient
 *   R2        0.50     0.40     0.30     harsh
 *   R3        0.85       —        —      a single review
 *   R4          —      0.66     0.66     all the same
 *
 * R1: mean 0.7; deviations +0.2, −0.1, −0.1; variance (0.04+0.01+0.01)/3 = 0.02;
 *     σ = 0.1414214; z = +1.4142136, −0.7071068, −0.7071068.
 * R2: mean 0.4; deviations +0.1, 0, −0.1; variance 0.02/3 = 0.0066667;
 *     σ = 0.0816497; z = +1.2247449, 0, −1.2247449.
 * R3: one review → z = 0.   R4: zero spread → z = 0 and 0.
 *
 * Item 1: raw (0.90+0.50+0.85)/3 = 0.75;      normalised (1.4142136+1.2247449+0)/3 = +0.8796528
 * Item 2: raw (0.60+0.40+0.66)/3 = 0.5533333; normalised (−0.7071068+0+0)/3    = −0.2357023
 * Item 3: raw (0.60+0.30+0.66)/3 = 0.52;      normalised (−0.7071068−1.2247449+0)/3 = −0.6439506
 *
 * Outliers (|score − mean of the item's others| > 0.25):
 *   item 1: R1 0.90 − (0.50+0.85)/2 = +0.225 no; R2 0.50 − (0.90+0.85)/2 = −0.375 YES; R3 0.85 − 0.70 = +0.15 no
 *   item 2: R1 +0.07, R2 0.40 − 0.63 = −0.23, R4 +0.16: none
 *   item 3: R2 0.30 − (0.60+0.66)/2 = −0.33 YES; R1 +0.12; R4 +0.21
 */
const example: ReviewScore[] = [
  { id: 1, itemId: 1, reviewerId: 1, weightedScore: 0.9 },
  { id: 2, itemId: 2, reviewerId: 1, weightedScore: 0.6 },
  { id: 3, itemId: 3, reviewerId: 1, weightedScore: 0.6 },
  { id: 4, itemId: 1, reviewerId: 2, weightedScore: 0.5 },
  { id: 5, itemId: 2, reviewerId: 2, weightedScore: 0.4 },
  { id: 6, itemId: 3, reviewerId: 2, weightedScore: 0.3 },
  { id: 7, itemId: 1, reviewerId: 3, weightedScore: 0.85 },
  { id: 8, itemId: 2, reviewerId: 4, weightedScore: 0.66 },
  { id: 9, itemId: 3, reviewerId: 4, weightedScore: 0.66 },
];

describe("normalisation and ranking", () => {
  it("gives each reviewer's scores their z-score; one review or no spread gives 0", () => {
    const z = reviewerZScores(example);
    expect(z.get(1)).toBeCloseTo(1.4142136, 6);
    expect(z.get(2)).toBeCloseTo(-0.7071068, 6);
    expect(z.get(3)).toBeCloseTo(-0.7071068, 6);
    expect(z.get(4)).toBeCloseTo(1.2247449, 6);
    expect(z.get(5)).toBeCloseTo(0, 9);
    expect(z.get(6)).toBeCloseTo(-1.2247449, 6);
    expect(z.get(7)).toBe(0);
    expect(z.get(8)).toBe(0);
    expect(z.get(9)).toBe(0);
  });

  it("ranks items by the mean z-score and keeps the raw mean", () => {
    const ranked = rankItems(example);
    expect(ranked.map((r) => r.itemId)).toEqual([1, 2, 3]);
    expect(ranked[0].rawScore).toBeCloseTo(0.75, 9);
    expect(ranked[0].normalisedScore).toBeCloseTo(0.8796528, 6);
    expect(ranked[1].rawScore).toBeCloseTo(0.5533333, 6);
    expect(ranked[1].normalisedScore).toBeCloseTo(-0.2357023, 6);
    expect(ranked[2].rawScore).toBeCloseTo(0.52, 9);
    expect(ranked[2].normalisedScore).toBeCloseTo(-0.6439506, 6);
    expect(ranked.map((r) => r.reviewCount)).toEqual([3, 3, 3]);
  });

  it("flags a review far from the item's other reviews", () => {
    expect(OUTLIER_THRESHOLD).toBe(0.25);
    const ranked = new Map(rankItems(example).map((r) => [r.itemId, r]));
    const flagged = (itemId: number) => ranked.get(itemId)!.reviews.filter((r) => r.outlier).map((r) => r.reviewerId);
    expect(flagged(1)).toEqual([2]);
    expect(flagged(2)).toEqual([]);
    expect(flagged(3)).toEqual([2]);
    expect(ranked.get(1)!.reviews.find((r) => r.reviewerId === 2)!.delta).toBeCloseTo(-0.375, 9);
    expect(ranked.get(1)!.hasOutlier).toBe(true);
    expect(ranked.get(2)!.hasOutlier).toBe(false);
  });

  it("never flags a lone review", () => {
    const [only] = rankItems([{ id: 1, itemId: 5, reviewerId: 1, weightedScore: 0.1 }]);
    expect(only.reviews[0].delta).toBeNull();
    expect(only.reviews[0].outlier).toBe(false);
  });

  it("lets normalisation undo a harsh reviewer", () => {
    // Item A is reviewed by a harsh reviewer only, item B by a lenient one only.
    // Both are each reviewer's best item: raw scores differ, normalised ones do not.
    const reviews: ReviewScore[] = [
      { id: 1, itemId: 10, reviewerId: 1, weightedScore: 0.5 }, // harsh: 0.5, 0.3
      { id: 2, itemId: 11, reviewerId: 1, weightedScore: 0.3 },
      { id: 3, itemId: 20, reviewerId: 2, weightedScore: 0.9 }, // lenient: 0.9, 0.7
      { id: 4, itemId: 21, reviewerId: 2, weightedScore: 0.7 },
    ];
    const ranked = new Map(rankItems(reviews).map((r) => [r.itemId, r]));
    expect(ranked.get(10)!.normalisedScore).toBeCloseTo(1, 9);
    expect(ranked.get(20)!.normalisedScore).toBeCloseTo(1, 9);
    expect(ranked.get(10)!.rawScore).toBeLessThan(ranked.get(20)!.rawScore);
  });
});

const c = (itemId: number, normalisedScore: number, over: Partial<Candidate> = {}): Candidate => ({
  itemId,
  vendorId: null,
  normalisedScore,
  rawScore: 0.5,
  complete: true,
  ...over,
});

describe("cutShortlist", () => {
  it("cuts at the quota, best first", () => {
    const result = cutShortlist([c(1, 0.1), c(2, 0.9), c(3, -0.5), c(4, 0.4), c(5, 0.2)], { quota: 3 });
    expect(result.rows.map((r) => r.itemId)).toEqual([2, 4, 5, 1, 3]);
    expect(result.rows.filter((r) => r.insideCut).map((r) => r.itemId)).toEqual([2, 4, 5]);
    expect(result.rows.map((r) => r.status)).toEqual(["inside", "inside", "inside", "below", "below"]);
    expect(result.cutScore).toBe(0.2);
    expect(result.insideCount).toBe(3);
    expect(result.tie).toBe(false);
  });

  it("shows a tie at the cut (equal to 1e-9) and orders the tied by raw score, then id", () => {
    const result = cutShortlist(
      [c(1, 2), c(2, 1), c(3, 0.5, { rawScore: 0.6 }), c(4, 0.5 + 1e-12, { rawScore: 0.7 }), c(5, 0.5, { rawScore: 0.6 }), c(6, -1)],
      { quota: 3 },
    );
    expect(result.rows.map((r) => r.itemId)).toEqual([1, 2, 4, 3, 5, 6]);
    expect(result.tie).toBe(true);
    expect(result.rows.filter((r) => r.tieAtCut).map((r) => r.itemId)).toEqual([4, 3, 5]);
    expect(result.rows.find((r) => r.itemId === 4)!.insideCut).toBe(true);
    expect(result.rows.find((r) => r.itemId === 3)!.insideCut).toBe(false);
    expect(result.rows.find((r) => r.itemId === 1)!.tieAtCut).toBe(false);
  });

  it("does not call equal scores a tie when they are all inside", () => {
    const result = cutShortlist([c(1, 0.5), c(2, 0.5), c(3, 0.1)], { quota: 2 });
    expect(result.tie).toBe(false);
    expect(result.rows.some((r) => r.tieAtCut)).toBe(false);
  });

  it("skips a vendor's items beyond the cap and shows them as capped", () => {
    const result = cutShortlist(
      [c(1, 0.9, { vendorId: 7 }), c(2, 0.8, { vendorId: 7 }), c(3, 0.7, { vendorId: 7 }), c(4, 0.6, { vendorId: 8 }), c(5, 0.5, { vendorId: 9 })],
      { quota: 3, vendorCap: 2 },
    );
    expect(result.rows.map((r) => [r.itemId, r.status])).toEqual([
      [1, "inside"],
      [2, "inside"],
      [3, "capped"],
      [4, "inside"],
      [5, "below"],
    ]);
  });

  it("moves items across the cut by override: an include takes a slot first, an exclude frees one", () => {
    const candidates = [c(1, 0.9), c(2, 0.8), c(3, 0.7), c(4, 0.6), c(5, 0.5)];
    const included = cutShortlist(candidates, { quota: 3, overrides: new Map([[5, "include" as const]]) });
    expect(included.rows.filter((r) => r.insideCut).map((r) => r.itemId)).toEqual([1, 2, 5]);
    expect(included.rows.find((r) => r.itemId === 5)!.status).toBe("included");
    expect(included.rows.find((r) => r.itemId === 3)!.status).toBe("below");

    const excluded = cutShortlist(candidates, { quota: 3, overrides: new Map([[2, "exclude" as const]]) });
    expect(excluded.rows.filter((r) => r.insideCut).map((r) => r.itemId)).toEqual([1, 3, 4]);
    expect(excluded.rows.find((r) => r.itemId === 2)!.status).toBe("excluded");
  });

  it("counts an included item towards its vendor's cap", () => {
    const result = cutShortlist([c(1, 0.9, { vendorId: 7 }), c(2, 0.8, { vendorId: 8 }), c(3, 0.1, { vendorId: 7 })], {
      quota: 2,
      vendorCap: 1,
      overrides: new Map([[3, "include" as const]]),
    });
    expect(result.rows.map((r) => [r.itemId, r.status])).toEqual([
      [1, "capped"],
      [2, "inside"],
      [3, "included"],
    ]);
  });

  it("never puts an item whose review is incomplete inside", () => {
    const result = cutShortlist([c(1, 0, { complete: false }), c(2, -2), c(3, -3)], { quota: 2 });
    expect(result.rows.map((r) => [r.itemId, r.status])).toEqual([
      [2, "inside"],
      [3, "inside"],
      [1, "incomplete"],
    ]);
  });

  it("handles a quota of zero and more slots than items", () => {
    expect(cutShortlist([c(1, 1)], { quota: 0 }).insideCount).toBe(0);
    expect(cutShortlist([c(1, 1), c(2, 0)], { quota: 10 }).insideCount).toBe(2);
  });
});
