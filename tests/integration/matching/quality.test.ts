/**
 * Matching quality, measured: the labelled fixture (fixture.ts: ten needs in
 * Chinese and English, each with four applications that truly serve it, and
 * look-alikes that do not) hidden among the demo data at scale 1 (500
 * applications, 50 demands), indexed by the search engine; matchCandidates
 * is asked for each need as an official would.
 *
 *   recall@10    share of the true answers found in the first ten, averaged
 *   precision@5  share of the first five that are true answers, averaged
 *                (four true answers per need: 0.8 is the ceiling)
 *   reverse      for each true answer, is its need among the first five
 *                demands demandsForApplication gives?
 *
 * The figures are printed; the thresholds below keep them from sliding back.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { demandsForApplication, matchCandidates } from "../../../app/matching/candidates.server";
import { publicApplication } from "../../../app/visibility/visibility.server";
import { applications, users } from "../../../db/schema";
import { seedDemo } from "../../../db/seed";
import { PostgresSearchEngine } from "../../../search/engines/postgres";
import { reindexAll } from "../../../search/indexer";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { FIXTURE_DEMANDS, insertFixture } from "./fixture";

export const MIN_RECALL_AT_10 = 0.8;
export const MIN_PRECISION_AT_5 = 0.5;
export const MIN_REVERSE_HIT_AT_5 = 0.85;

describe.each(DB_KINDS)("matching quality on the labelled fixture, %s", (kind) => {
  let t: TestDatabase;
  let ids: Awaited<ReturnType<typeof insertFixture>>;
  let official: { id: number; roles: ["official"]; organizationIds: number[] };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedDemo(t.db, { scale: 1 });
    ids = await insertFixture(t.db);
    await reindexAll(t.db, new PostgresSearchEngine(t.db), () => {});
    const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "official@putuo.example"));
    official = { id: row.id, roles: ["official"], organizationIds: [] };
  }, 600_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("finds the applications that truly serve each need (recall@10, precision@5) and the way back", async () => {
    let recall = 0;
    let precision = 0;
    let reverseHits = 0;
    let reverseTotal = 0;
    const lines: string[] = [];
    for (const d of FIXTURE_DEMANDS) {
      const result = await matchCandidates(t.db, official, ids.demandIds.get(d.key)!, { limit: 10 });
      expect(result).not.toBeNull();
      const ranked = result!.candidates.map((c) => c.id);
      const relevant = new Set(d.relevant.map((k) => ids.appIds.get(k)!));
      const top10 = ranked.slice(0, 10).filter((id) => relevant.has(id)).length;
      const top5 = ranked.slice(0, 5).filter((id) => relevant.has(id)).length;
      recall += top10 / relevant.size;
      precision += top5 / 5;
      // Every candidate carries its reasons, in codes the UI renders.
      for (const c of result!.candidates) expect(c.reasons.length).toBeGreaterThan(0);

      for (const key of d.relevant) {
        const back = await demandsForApplication(t.db, official, ids.appIds.get(key)!, { limit: 5 });
        reverseTotal++;
        if (back!.candidates.some((c) => c.id === ids.demandIds.get(d.key))) reverseHits++;
      }
      lines.push(`  ${d.key.padEnd(10)} ${d.lang.padEnd(6)} recall@10 ${top10}/${relevant.size}  precision@5 ${top5}/5`);
    }
    const n = FIXTURE_DEMANDS.length;
    const figures = { recallAt10: recall / n, precisionAt5: precision / n, reverseHitAt5: reverseHits / reverseTotal };
    console.log(
      [
        `Matching quality (${kind}, ${n} needs hidden among the scale-1 demo):`,
        ...lines,
        `  recall@10 ${figures.recallAt10.toFixed(3)} · precision@5 ${figures.precisionAt5.toFixed(3)} (ceiling 0.8) · reverse hit@5 ${figures.reverseHitAt5.toFixed(3)}`,
      ].join("\n"),
    );
    expect(figures.recallAt10).toBeGreaterThanOrEqual(MIN_RECALL_AT_10);
    expect(figures.precisionAt5).toBeGreaterThanOrEqual(MIN_PRECISION_AT_5);
    expect(figures.reverseHitAt5).toBeGreaterThanOrEqual(MIN_REVERSE_HIT_AT_5);
  }, 300_000);

  it("never offers what the viewer may not see: a resident gets only public applications", async () => {
    const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "resident@putuo.example"));
    const resident = { id: row.id, roles: ["resident" as const], organizationIds: [] };
    const d = FIXTURE_DEMANDS[0];
    const result = await matchCandidates(t.db, resident, ids.demandIds.get(d.key)!, { limit: 50 });
    // The fixture's not-shortlisted applications are not public (they did not choose so).
    const hidden = new Set(["bikes-en", "bikes-ai", "bikes-dispatch"].map((k) => ids.appIds.get(k)!));
    expect(result!.candidates.some((c) => hidden.has(c.id))).toBe(false);
    const shown = result!.candidates.map((c) => c.id);
    const publicOnes = await t.db.select({ id: applications.id }).from(applications).where(and(inArray(applications.id, shown), publicApplication));
    expect(publicOnes.length).toBe(shown.length);
  }, 120_000);
});
