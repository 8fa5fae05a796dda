/**
 * `npm run bench:match` — time to compute a demand's candidates at 100× the
 * demo data (50,000 applications, 5,000 demands): matchCandidates for about
 * 50 demands (the selected ones, then an even spread of the rest), as an
 * official (who may see every submitted application: the largest pool),
 * after a warm-up; prints p50, p95 and max, and how much of it the search
 * engine took. Also times the reverse list (demandsForApplication).
 *
 * Database: the same as `npm run bench:search` — BENCH_DATABASE_URL, else a
 * `putuo_bench` database next to TEST_DATABASE_URL, else an embedded PGlite
 * in ./data/bench-pglite; the seeded, indexed data is kept between runs and
 * shared with bench:search (marker `bench_scale` in the meta table).
 * Options: --demands N (default 50), --runs N (per demand, default 3),
 * --scale N (default 100), --reseed, --quality (also measure recall@10 and
 * precision@5 of the labelled fixture hidden among the 100× data, inside a
 * transaction that is rolled back: the benchmark data stays as it was).
 */
import { asc, eq, sql } from "drizzle-orm";

import { demandsForApplication, matchCandidates } from "../app/matching/candidates.server";
import type { DatabaseHandle } from "../db/client";
import { applications, demands, userRoles } from "../db/schema";
import { loadSearchDocuments } from "../search/documents";
import { PostgresSearchEngine } from "../search/engines/postgres";
import type { SearchEngine } from "../search/types";
import { FIXTURE_DEMANDS, insertFixture } from "../tests/integration/matching/fixture";

import { chooseTarget, describeTarget, ensureBenchData, flag, hasFlag, openTarget, percentile } from "./bench-database";

const DEMANDS = flag("demands", 50);
const RUNS = flag("runs", 3);
const SCALE = flag("scale", 100);
const RESEED = hasFlag("reseed");
const QUALITY = hasFlag("quality");

/** An engine that adds up the time spent in it. */
function timed(engine: SearchEngine) {
  let ms = 0;
  const wrapped: SearchEngine = Object.create(engine);
  wrapped.search = async (request, viewer) => {
    const t = performance.now();
    try {
      return await engine.search(request, viewer);
    } finally {
      ms += performance.now() - t;
    }
  };
  return { engine: wrapped, take: () => ((x) => ((ms = 0), x))(ms) };
}

const target = await chooseTarget();
console.log(`Database: ${describeTarget(target)}`);
const handle = await openTarget(target);
try {
  await ensureBenchData(handle, { scale: SCALE, reseed: RESEED });
  const db = handle.db;
  const [official] = await db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, "official")).limit(1);
  const viewer = { id: official.id, roles: ["official"] as ["official"], organizationIds: [] as number[] };

  // The selected demands first (the ones officials match), then an even spread of the rest.
  const all = await db.select({ id: demands.id, status: demands.status }).from(demands).orderBy(asc(demands.id));
  const selected = all.filter((d) => d.status === "selected").map((d) => d.id);
  const rest = all.filter((d) => d.status !== "selected" && d.status !== "draft").map((d) => d.id);
  const step = Math.max(1, Math.floor(rest.length / DEMANDS));
  const chosen = [...selected.slice(0, Math.ceil(DEMANDS / 5)), ...rest.filter((_, i) => i % step === 0)].slice(0, DEMANDS);
  const appIds = (await db.select({ id: applications.id }).from(applications).where(eq(applications.status, "selected")).orderBy(asc(applications.id))).map((a) => a.id);
  const chosenApps = appIds.filter((_, i) => i % Math.max(1, Math.floor(appIds.length / 20)) === 0).slice(0, 20);

  const { engine, take } = timed(new PostgresSearchEngine(db));
  console.log(`Timing matchCandidates for ${chosen.length} demands × ${RUNS} runs (after a warm-up), as an official…`);
  for (const id of chosen.slice(0, 5)) await matchCandidates(db, viewer, id, { engine, limit: 20 });
  take();
  const times: number[] = [];
  let poolSizes = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const id of chosen) {
      const t = performance.now();
      const r = await matchCandidates(db, viewer, id, { engine, limit: 20 });
      times.push(performance.now() - t);
      poolSizes += r?.candidates.length ?? 0;
    }
  }
  const engineMs = take();
  const reverse: number[] = [];
  for (const id of chosenApps) {
    const t = performance.now();
    await demandsForApplication(db, viewer, id, { engine, limit: 20 });
    reverse.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  reverse.sort((a, b) => a - b);
  const [{ apps }] = await db.select({ apps: sql<number>`count(*)::int` }).from(applications);
  console.log(`\n${"".padEnd(24)}${"n".padStart(6)}${"p50 ms".padStart(10)}${"p95 ms".padStart(10)}${"max ms".padStart(10)}`);
  const line = (label: string, xs: number[]) =>
    console.log(`${label.padEnd(24)}${String(xs.length).padStart(6)}${percentile(xs, 50).toFixed(1).padStart(10)}${percentile(xs, 95).toFixed(1).padStart(10)}${xs[xs.length - 1].toFixed(1).padStart(10)}`);
  line("matchCandidates", times);
  line("demandsForApplication", reverse);
  console.log(
    `\n${Number(apps).toLocaleString("en-US")} applications; ${(poolSizes / times.length).toFixed(1)} candidates returned on average; ` +
      `the search engine took ${((engineMs / times.reduce((a, b) => a + b, 0)) * 100).toFixed(0)}% of matchCandidates' time.`,
  );
  if (QUALITY) await quality(db, viewer);
} finally {
  await handle.close();
}

/** The labelled fixture among the 100× data: recall@10 and precision@5, then everything rolled back. */
async function quality(db: DatabaseHandle["db"], viewer: { id: number; roles: ["official"]; organizationIds: number[] }) {
  class Rollback extends Error {}
  await db
    .transaction(async (tx) => {
      const ids = await insertFixture(tx);
      const engine = new PostgresSearchEngine(tx);
      await engine.upsert(await loadSearchDocuments(tx, "demand", [...ids.demandIds.values()]));
      await engine.upsert(await loadSearchDocuments(tx, "application", [...ids.appIds.values()]));
      let recall = 0;
      let precision = 0;
      for (const d of FIXTURE_DEMANDS) {
        const r = await matchCandidates(tx, viewer, ids.demandIds.get(d.key)!, { engine, limit: 10 });
        const relevant = new Set(d.relevant.map((k) => ids.appIds.get(k)!));
        const ranked = r!.candidates.map((c) => c.id);
        recall += ranked.slice(0, 10).filter((id) => relevant.has(id)).length / relevant.size;
        precision += ranked.slice(0, 5).filter((id) => relevant.has(id)).length / 5;
      }
      console.log(
        `\nQuality among the ${SCALE}× data (labelled fixture, ${FIXTURE_DEMANDS.length} needs): ` +
          `recall@10 ${(recall / FIXTURE_DEMANDS.length).toFixed(3)}, precision@5 ${(precision / FIXTURE_DEMANDS.length).toFixed(3)} (ceiling 0.8)`,
      );
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}
