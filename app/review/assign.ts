/**
 * Choosing reviewers for items: a pure, deterministic algorithm (no database),
 * used by the automatic assignment, by the reassignment after a recusal and
 * by the demo seed.
 *
 * Eligibility. A reviewer may review an item unless
 *   - they belong to the item's organisation (the firm of an application, the
 *     organisation that raised a demand),
 *   - they declared a conflict with that organisation,
 *   - they wrote the item (demands raised by a person),
 *   - they are already on the item, or recused themselves from it.
 *
 * Procedure.
 *   1. Items in a fixed order (item type, then id); for each, the missing
 *      slots (k minus its active reviewers) go one at a time to the eligible
 *      reviewer with the lowest load, ties broken by a seeded hash of the
 *      reviewer's id, then by id. Load = active assignments in the campaign,
 *      counting the existing ones.
 *   2. Local improvement: while some new assignment (item i, reviewer r) can
 *      move to a reviewer s eligible for i, not on i, with
 *      load(s) + 1 < load(r), move it (to the least-loaded such s). Each move
 *      lowers Σ load², so this ends.
 *
 * Guarantees (tested with fast-check in tests/unit/review-assign.test.ts):
 *   - never an ineligible reviewer;
 *   - every item ends with min(k, active + eligible) active reviewers: as
 *     many as possible, and the shortfall is reported, never thrown;
 *   - no single new assignment could move to another eligible reviewer and
 *     narrow the spread: load(r) ≤ load(s) + 1 for every new (i, r) and every
 *     s eligible for i and not on i;
 *   - hence, when nobody is excluded from anything, no item has reviewers yet
 *     and the existing loads (from other items of the campaign) are within
 *     one of each other, max load − min load ≤ 1 over all reviewers;
 *   - the same input (in any order) gives the same output.
 */

export type AssignReviewer = {
  id: number;
  /** Organisations the reviewer is a member of. */
  organizationIds: readonly number[];
  /** Organisations the reviewer declared a conflict with. */
  conflictOrganizationIds: readonly number[];
  /** Active assignments the reviewer already holds in the campaign. */
  load: number;
};

export type AssignItem = {
  /** Unique within the input, e.g. `application:12`. */
  key: string;
  organizationId: number | null;
  authorId: number | null;
  /** Reviewers already on the item (assigned or submitted). */
  activeReviewerIds: readonly number[];
  /** Reviewers who recused themselves from the item (never again). */
  recusedReviewerIds: readonly number[];
};

export type AssignInput = {
  /** Reviewers per item. */
  k: number;
  /** Seeds the tie-break between equally loaded reviewers (e.g. the campaign id). */
  seed: number;
  reviewers: readonly AssignReviewer[];
  items: readonly AssignItem[];
};

export type AssignPlan = {
  assignments: { itemKey: string; reviewerId: number }[];
  /** Items that could not get k reviewers: how many they have in the end. */
  shortfalls: { itemKey: string; needed: number; assigned: number }[];
  /** Load of every reviewer after the plan. */
  loads: Map<number, number>;
};

export type ExclusionReason = "member" | "declared_conflict" | "author" | "already_assigned" | "recused";

/** Why `reviewer` may not review `item`, or null when they may. */
export function exclusionReason(
  reviewer: Pick<AssignReviewer, "id" | "organizationIds" | "conflictOrganizationIds">,
  item: Pick<AssignItem, "organizationId" | "authorId" | "activeReviewerIds" | "recusedReviewerIds">,
): ExclusionReason | null {
  if (item.organizationId !== null && reviewer.organizationIds.includes(item.organizationId)) return "member";
  if (item.organizationId !== null && reviewer.conflictOrganizationIds.includes(item.organizationId)) {
    return "declared_conflict";
  }
  if (item.authorId !== null && item.authorId === reviewer.id) return "author";
  if (item.recusedReviewerIds.includes(reviewer.id)) return "recused";
  if (item.activeReviewerIds.includes(reviewer.id)) return "already_assigned";
  return null;
}

/** A 32-bit mix of (seed, id): the seeded tie-break (murmur3's finaliser). */
export function tieBreak(seed: number, id: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(id | 0, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

function compareItemKeys(a: string, b: string): number {
  // `type:id` keys sort by type, then numerically by id; anything else as text.
  const [ta, ia] = a.split(":");
  const [tb, ib] = b.split(":");
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = Number(ia);
  const nb = Number(ib);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function planAssignments(input: AssignInput): AssignPlan {
  const k = Math.max(0, Math.floor(input.k));
  const reviewers = [...input.reviewers].sort((a, b) => a.id - b.id);
  const items = [...input.items].sort((a, b) => compareItemKeys(a.key, b.key));
  const loads = new Map<number, number>(reviewers.map((r) => [r.id, Math.max(0, r.load)]));
  const rank = new Map<number, number>(reviewers.map((r) => [r.id, tieBreak(input.seed, r.id)]));
  const better = (a: number, b: number) => {
    const la = loads.get(a)!;
    const lb = loads.get(b)!;
    if (la !== lb) return la < lb;
    const ra = rank.get(a)!;
    const rb = rank.get(b)!;
    if (ra !== rb) return ra < rb;
    return a < b;
  };

  // Reviewers on each item as the plan goes (existing active + new).
  const onItem = new Map<string, Set<number>>();
  const eligibleFor = new Map<string, number[]>();
  const newOn = new Map<string, number[]>();
  const shortfalls: AssignPlan["shortfalls"] = [];

  for (const item of items) {
    const active = new Set(item.activeReviewerIds);
    onItem.set(item.key, active);
    const eligible = reviewers.filter((r) => exclusionReason(r, item) === null).map((r) => r.id);
    eligibleFor.set(item.key, eligible);
    const picked: number[] = [];
    let missing = k - active.size;
    while (missing > 0) {
      let best: number | null = null;
      for (const id of eligible) {
        if (active.has(id)) continue;
        if (best === null || better(id, best)) best = id;
      }
      if (best === null) break;
      active.add(best);
      picked.push(best);
      loads.set(best, loads.get(best)! + 1);
      missing--;
    }
    newOn.set(item.key, picked);
    if (missing > 0) shortfalls.push({ itemKey: item.key, needed: k, assigned: active.size });
  }

  // Local improvement (see the header): move a new assignment from a reviewer
  // to one at least two below them, until no such move remains.
  let moved = true;
  while (moved) {
    moved = false;
    for (const item of items) {
      const picked = newOn.get(item.key)!;
      const active = onItem.get(item.key)!;
      for (let p = 0; p < picked.length; p++) {
        const from = picked[p];
        let best: number | null = null;
        for (const id of eligibleFor.get(item.key)!) {
          if (active.has(id)) continue;
          if (loads.get(id)! + 1 >= loads.get(from)!) continue;
          if (best === null || better(id, best)) best = id;
        }
        if (best === null) continue;
        active.delete(from);
        active.add(best);
        picked[p] = best;
        loads.set(from, loads.get(from)! - 1);
        loads.set(best, loads.get(best)! + 1);
        moved = true;
      }
    }
  }

  const assignments = items.flatMap((item) =>
    [...newOn.get(item.key)!].sort((a, b) => a - b).map((reviewerId) => ({ itemKey: item.key, reviewerId })),
  );
  return { assignments, shortfalls, loads };
}
