/**
 * The assignment algorithm (app/review/assign.ts), by properties over random
 * reviewers, organisations, memberships, declared conflicts, authors and
 * existing assignments. What is guaranteed, precisely:
 *
 *   1. no reviewer is ever given an item they are excluded from (member of
 *      the item's organisation, declared conflict, author, already on it,
 *      recused from it), and no pair (item, reviewer) twice;
 *   2. every item ends with exactly min(k, active + eligible) active
 *      reviewers — new ones only fill missing slots — and the items left
 *      under k are exactly the reported shortfalls;
 *   3. local balance: for every new assignment (i, r) and every reviewer s
 *      eligible for i and not on it, load(r) ≤ load(s) + 1;
 *   4. global balance: with no exclusions, no existing assignments on the
 *      items and starting loads within one of each other, max − min ≤ 1;
 *   5. determinism: the same input in any order gives the same plan.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { exclusionReason, planAssignments, tieBreak, type AssignInput, type AssignItem, type AssignReviewer } from "../../app/review/assign";

const ORGS = [1, 2, 3, 4, 5, 6];

const reviewerArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    organizationIds: fc.subarray(ORGS, { maxLength: 2 }),
    conflictOrganizationIds: fc.subarray(ORGS, { maxLength: 2 }),
    load: fc.integer({ min: 0, max: 4 }),
  });

const inputArb: fc.Arbitrary<AssignInput> = fc
  .record({
    reviewerCount: fc.integer({ min: 0, max: 12 }),
    itemCount: fc.integer({ min: 0, max: 30 }),
    k: fc.integer({ min: 1, max: 5 }),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
  })
  .chain(({ reviewerCount, itemCount, k, seed }) => {
    const ids = Array.from({ length: reviewerCount }, (_, i) => 100 + i * 7);
    const reviewers = fc.tuple(...ids.map(reviewerArb));
    const item = (n: number) =>
      fc
        .record({
          organizationId: fc.option(fc.constantFrom(...ORGS), { nil: null }),
          authorId: ids.length ? fc.option(fc.constantFrom(...ids, 9999), { nil: null }) : fc.constant(null),
          existing: fc.subarray(ids, { maxLength: Math.min(3, ids.length) }),
          recusedShare: fc.integer({ min: 0, max: 3 }),
        })
        .map(({ organizationId, authorId, existing, recusedShare }): AssignItem => ({
          key: `${n % 2 ? "demand" : "application"}:${n}`,
          organizationId,
          authorId,
          // Some of the reviewers on the item are recused, the others active.
          activeReviewerIds: existing.slice(recusedShare),
          recusedReviewerIds: existing.slice(0, recusedShare),
        }));
    const items = fc.tuple(...Array.from({ length: itemCount }, (_, n) => item(n + 1)));
    return fc.record({ k: fc.constant(k), seed: fc.constant(seed), reviewers, items }) as fc.Arbitrary<AssignInput>;
  });

function finalState(input: AssignInput) {
  const plan = planAssignments(input);
  const onItem = new Map(input.items.map((i) => [i.key, new Set(i.activeReviewerIds)]));
  for (const a of plan.assignments) onItem.get(a.itemKey)!.add(a.reviewerId);
  return { plan, onItem };
}

describe("planAssignments", () => {
  it("never assigns an excluded reviewer, nor the same pair twice", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { plan } = finalState(input);
        const byId = new Map(input.reviewers.map((r) => [r.id, r]));
        const items = new Map(input.items.map((i) => [i.key, i]));
        const seen = new Set<string>();
        for (const a of plan.assignments) {
          expect(exclusionReason(byId.get(a.reviewerId)!, items.get(a.itemKey)!)).toBeNull();
          const pair = `${a.itemKey}/${a.reviewerId}`;
          expect(seen.has(pair)).toBe(false);
          seen.add(pair);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives every item min(k, active + eligible) reviewers and reports exactly the short ones", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { plan, onItem } = finalState(input);
        const short = new Map(plan.shortfalls.map((s) => [s.itemKey, s]));
        for (const item of input.items) {
          const active = new Set(item.activeReviewerIds).size;
          const eligible = input.reviewers.filter((r) => exclusionReason(r, item) === null).length;
          const expected = Math.max(active, Math.min(input.k, active + eligible));
          expect(onItem.get(item.key)!.size).toBe(expected);
          if (expected < input.k) expect(short.get(item.key)).toEqual({ itemKey: item.key, needed: input.k, assigned: expected });
          else expect(short.has(item.key)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("is locally balanced: no new assignment could go to an eligible reviewer two or more below", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { plan, onItem } = finalState(input);
        const items = new Map(input.items.map((i) => [i.key, i]));
        for (const a of plan.assignments) {
          const item = items.get(a.itemKey)!;
          for (const s of input.reviewers) {
            if (onItem.get(a.itemKey)!.has(s.id)) continue;
            if (exclusionReason(s, item) !== null) continue;
            expect(plan.loads.get(a.reviewerId)!).toBeLessThanOrEqual(plan.loads.get(s.id)! + 1);
          }
        }
        // Loads are the starting loads plus the new assignments.
        for (const r of input.reviewers) {
          expect(plan.loads.get(r.id)).toBe(r.load + plan.assignments.filter((a) => a.reviewerId === r.id).length);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps max − min load ≤ 1 when nobody is excluded and starting loads are within one", () => {
    const arb = fc
      .record({
        reviewers: fc.integer({ min: 1, max: 15 }),
        items: fc.integer({ min: 0, max: 60 }),
        k: fc.integer({ min: 1, max: 6 }),
        base: fc.integer({ min: 0, max: 5 }),
        seed: fc.integer(),
      })
      .chain((p) =>
        fc.record({
          p: fc.constant(p),
          bumps: fc.array(fc.boolean(), { minLength: p.reviewers, maxLength: p.reviewers }),
        }),
      );
    fc.assert(
      fc.property(arb, ({ p, bumps }) => {
        const reviewers: AssignReviewer[] = bumps.map((bump, i) => ({
          id: i + 1,
          organizationIds: [],
          conflictOrganizationIds: [],
          load: p.base + (bump ? 1 : 0),
        }));
        const items: AssignItem[] = Array.from({ length: p.items }, (_, i) => ({
          key: `application:${i + 1}`,
          organizationId: null,
          authorId: null,
          activeReviewerIds: [],
          recusedReviewerIds: [],
        }));
        const plan = planAssignments({ k: p.k, seed: p.seed, reviewers, items });
        const loads = [...plan.loads.values()];
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(plan.assignments).toHaveLength(p.items * Math.min(p.k, p.reviewers));
      }),
      { numRuns: 150 },
    );
  });

  it("is deterministic and independent of input order", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, shuffleSeed) => {
        const shuffled = <T,>(xs: readonly T[]) =>
          [...xs].map((x, i) => ({ x, key: tieBreak(shuffleSeed, i) })).sort((a, b) => a.key - b.key).map((e) => e.x);
        const a = planAssignments(input);
        const b = planAssignments({ ...input, reviewers: shuffled(input.reviewers), items: shuffled(input.items) });
        expect(b.assignments).toEqual(a.assignments);
        expect(b.shortfalls).toEqual(a.shortfalls);
      }),
      { numRuns: 100 },
    );
  });

  it("breaks ties between equally loaded reviewers by the seed, not always by id", () => {
    const reviewers: AssignReviewer[] = [1, 2, 3, 4, 5, 6].map((id) => ({ id, organizationIds: [], conflictOrganizationIds: [], load: 0 }));
    const item: AssignItem = { key: "demand:1", organizationId: null, authorId: null, activeReviewerIds: [], recusedReviewerIds: [] };
    const firstPicks = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => planAssignments({ k: 1, seed, reviewers, items: [item] }).assignments[0].reviewerId));
    expect(firstPicks.size).toBeGreaterThan(1);
  });

  it("explains each exclusion", () => {
    const reviewer = { id: 7, organizationIds: [1], conflictOrganizationIds: [2] };
    const item = (over: Partial<AssignItem>): AssignItem => ({ key: "x:1", organizationId: null, authorId: null, activeReviewerIds: [], recusedReviewerIds: [], ...over });
    expect(exclusionReason(reviewer, item({ organizationId: 1 }))).toBe("member");
    expect(exclusionReason(reviewer, item({ organizationId: 2 }))).toBe("declared_conflict");
    expect(exclusionReason(reviewer, item({ authorId: 7 }))).toBe("author");
    expect(exclusionReason(reviewer, item({ recusedReviewerIds: [7] }))).toBe("recused");
    expect(exclusionReason(reviewer, item({ activeReviewerIds: [7] }))).toBe("already_assigned");
    expect(exclusionReason(reviewer, item({ organizationId: 3 }))).toBeNull();
  });
});
