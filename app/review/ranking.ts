/**
 * Scores, normalisation, outliers and the shortlist cut: pure functions over
 * numbers, shared by the server (ranking.server.ts), the seed and the tests.
 *
 * Weighted score of a review: Σ weight × score / scaleMax over the rubric's
 * criteria (weights sum to 1, so it lies in 0..1).
 *
 * Normalisation per reviewer, within one campaign and one item type: the
 * z-score of each of the reviewer's weighted scores,
 *     z = (x − μ) / σ,   μ and σ the mean and the population standard
 *                        deviation (divide by n) of that reviewer's scores.
 * A reviewer with a single review, or whose scores are all equal (σ < 1e-9),
 * gives z = 0 to each: their review says nothing about the item relative to
 * the others they saw. An item's normalised score is the mean of its reviews'
 * z-scores; its raw score, the mean of the weighted scores, is kept beside it.
 *
 * Outliers: a review is flagged when its weighted score differs from the mean
 * of the item's other reviews by more than OUTLIER_THRESHOLD (0.25 on the
 * 0..1 scale, i.e. 2.5 points on a ten-point rubric). A single review on an
 * item is never an outlier. An absolute threshold was chosen over "2 standard
 * deviations" because items have only k ≈ 3 reviews, too few for a spread.
 *
 * Ranking: normalised score descending, then raw score descending, then id
 * ascending (so the order is total and repeatable).
 */
import type { RubricCriterion } from "../../db/enums";

export const OUTLIER_THRESHOLD = 0.25;
/** Two normalised scores closer than this are equal (a tie). */
export const TIE_EPSILON = 1e-9;
const ZERO_SPREAD = 1e-9;

export function weightedScore(rubric: readonly RubricCriterion[], scores: Record<string, number>): number {
  let total = 0;
  for (const c of rubric) total += (c.weight * (scores[c.key] ?? 0)) / c.scaleMax;
  return total;
}

export type ReviewScore = {
  /** The review (its assignment id). */
  id: number;
  itemId: number;
  reviewerId: number;
  weightedScore: number;
};

/** z-score of every review, by review id (see the header for the rule). */
export function reviewerZScores(reviews: readonly ReviewScore[]): Map<number, number> {
  const byReviewer = new Map<number, ReviewScore[]>();
  for (const r of reviews) {
    const list = byReviewer.get(r.reviewerId);
    if (list) list.push(r);
    else byReviewer.set(r.reviewerId, [r]);
  }
  const z = new Map<number, number>();
  for (const list of byReviewer.values()) {
    const n = list.length;
    const mean = list.reduce((s, r) => s + r.weightedScore, 0) / n;
    const sd = Math.sqrt(list.reduce((s, r) => s + (r.weightedScore - mean) ** 2, 0) / n);
    for (const r of list) z.set(r.id, n < 2 || sd < ZERO_SPREAD ? 0 : (r.weightedScore - mean) / sd);
  }
  return z;
}

export type RankedReview<T extends ReviewScore = ReviewScore> = T & {
  z: number;
  /** Weighted score minus the mean of the item's other reviews (null if it is alone). */
  delta: number | null;
  outlier: boolean;
};

export type RankedItem<T extends ReviewScore = ReviewScore> = {
  itemId: number;
  reviewCount: number;
  rawScore: number;
  normalisedScore: number;
  reviews: RankedReview<T>[];
  hasOutlier: boolean;
};

export function compareRanked(
  a: { itemId: number; normalisedScore: number; rawScore: number },
  b: { itemId: number; normalisedScore: number; rawScore: number },
): number {
  if (Math.abs(a.normalisedScore - b.normalisedScore) > TIE_EPSILON) return b.normalisedScore - a.normalisedScore;
  if (a.rawScore !== b.rawScore) return b.rawScore - a.rawScore;
  return a.itemId - b.itemId;
}

/** Items (of one campaign and one item type) with their scores, best first. */
export function rankItems<T extends ReviewScore>(reviews: readonly T[], threshold = OUTLIER_THRESHOLD): RankedItem<T>[] {
  const z = reviewerZScores(reviews);
  const byItem = new Map<number, T[]>();
  for (const r of reviews) {
    const list = byItem.get(r.itemId);
    if (list) list.push(r);
    else byItem.set(r.itemId, [r]);
  }
  const items: RankedItem<T>[] = [];
  for (const [itemId, list] of byItem) {
    const sum = list.reduce((s, r) => s + r.weightedScore, 0);
    const ranked = [...list]
      .sort((a, b) => a.id - b.id)
      .map((r): RankedReview<T> => {
        const others = list.length - 1;
        const delta = others > 0 ? r.weightedScore - (sum - r.weightedScore) / others : null;
        return { ...r, z: z.get(r.id)!, delta, outlier: delta !== null && Math.abs(delta) > threshold };
      });
    items.push({
      itemId,
      reviewCount: list.length,
      rawScore: sum / list.length,
      normalisedScore: ranked.reduce((s, r) => s + r.z, 0) / list.length,
      reviews: ranked,
      hasOutlier: ranked.some((r) => r.outlier),
    });
  }
  return items.sort(compareRanked);
}

// ─── The shortlist cut ───────────────────────────────────────────────────────

export type Candidate = {
  itemId: number;
  /** The vendor (applications), for the per-vendor cap; null for demands. */
  vendorId: number | null;
  normalisedScore: number;
  rawScore: number;
  /** Fully reviewed (status `scored` or later); only these can be shortlisted. */
  complete: boolean;
};

export type CutStatus =
  /** Inside the cut on its score. */
  | "inside"
  /** Moved inside by an official. */
  | "included"
  /** Moved outside by an official. */
  | "excluded"
  /** Would be inside, but its vendor already has `vendorCap` items inside. */
  | "capped"
  | "below"
  /** Not fully reviewed: cannot be shortlisted. */
  | "incomplete";

export type CutRow = Candidate & { position: number; status: CutStatus; insideCut: boolean; tieAtCut: boolean };

export type CutResult = {
  rows: CutRow[];
  /** Normalised score of the last item inside on its score (null if none). */
  cutScore: number | null;
  insideCount: number;
  /** Some item below the cut has the same score as the last one inside. */
  tie: boolean;
};

/**
 * Rank `candidates` and cut at `quota`:
 *   1. order: complete items by compareRanked, then incomplete ones by id;
 *   2. items an official included take their slots first (they also count
 *      towards their vendor's cap), excluded items never get one;
 *   3. the remaining slots go down the order, skipping an item whose vendor
 *      already has `vendorCap` items inside (shown as capped);
 *   4. a tie at the cut is any item outside (below) whose normalised score
 *      equals, within TIE_EPSILON, the last one inside on its score — those
 *      and the inside ones with that score are flagged; the order between
 *      them falls to raw score then id, and an official may override it.
 */
export function cutShortlist(
  candidates: readonly Candidate[],
  options: { quota: number; vendorCap?: number | null; overrides?: ReadonlyMap<number, "include" | "exclude"> },
): CutResult {
  const quota = Math.max(0, Math.floor(options.quota));
  const cap = options.vendorCap ?? null;
  const overrides = options.overrides ?? new Map();
  const complete = candidates.filter((c) => c.complete).sort(compareRanked);
  const incomplete = candidates.filter((c) => !c.complete).sort((a, b) => a.itemId - b.itemId);
  const ordered = [...complete, ...incomplete];

  const status = new Map<number, CutStatus>();
  const vendorCount = new Map<number, number>();
  const countVendor = (c: Candidate) => {
    if (c.vendorId !== null) vendorCount.set(c.vendorId, (vendorCount.get(c.vendorId) ?? 0) + 1);
  };
  for (const c of incomplete) status.set(c.itemId, "incomplete");
  for (const c of complete) {
    if (overrides.get(c.itemId) === "include") {
      status.set(c.itemId, "included");
      countVendor(c);
    } else if (overrides.get(c.itemId) === "exclude") {
      status.set(c.itemId, "excluded");
    }
  }
  let slots = Math.max(0, quota - [...status.values()].filter((s) => s === "included").length);
  let lastInside: Candidate | null = null;
  for (const c of complete) {
    if (status.has(c.itemId)) continue;
    if (slots === 0) {
      status.set(c.itemId, "below");
      continue;
    }
    if (cap !== null && c.vendorId !== null && (vendorCount.get(c.vendorId) ?? 0) >= cap) {
      status.set(c.itemId, "capped");
      continue;
    }
    status.set(c.itemId, "inside");
    countVendor(c);
    lastInside = c;
    slots--;
  }

  const cutScore = lastInside ? lastInside.normalisedScore : null;
  const same = (c: Candidate) => cutScore !== null && Math.abs(c.normalisedScore - cutScore) <= TIE_EPSILON;
  const tie = complete.some((c) => status.get(c.itemId) === "below" && same(c));
  const rows = ordered.map((c, i): CutRow => {
    const s = status.get(c.itemId)!;
    return {
      ...c,
      position: i + 1,
      status: s,
      insideCut: s === "inside" || s === "included",
      tieAtCut: tie && (s === "inside" || s === "below") && same(c),
    };
  });
  return { rows, cutScore, insideCount: rows.filter((r) => r.insideCut).length, tie };
}
