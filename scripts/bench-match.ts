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
import path from "node:path";

import cliProgress from "cli-progress";
import { asc, eq, sql } from "drizzle-orm";
import postgres from "postgres";

import { demandsForApplication, matchCandidates } from "../app/matching/candidates.server";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { applications, demands, meta, userRoles } from "../db/schema";
import { seedDemo, seedReference } from "../db/seed";
import { loadSearchDocuments } from "../search/documents";
import { PostgresSearchEngine } from "../search/engines/postgres";
import { reindexAll } from "../search/indexer";
import type { SearchEngine } from "../search/types";
import { FIXTURE_DEMANDS, insertFixture } from "../tests/integration/matching/fixture";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} needs a positive whole number`);
    process.exit(2);
  }
  return n;
};
const DEMANDS = flag("demands", 50);
const RUNS = flag("runs", 3);
const SCALE = flag("scale", 100);
const RESEED = args.includes("--reseed");
const QUALITY = args.includes("--quality");

type Target = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

async function chooseTarget(): Promise<Target> {
  if (process.env.BENCH_DATABASE_URL) return { kind: "postgres", url: process.env.BENCH_DATABASE_URL };
  if (process.env.TEST_DATABASE_URL) {
    const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      const [exists] = await admin`select 1 from pg_database where datname = 'putuo_bench'`;
      if (!exists) await admin.unsafe(`create database putuo_bench`);
      const u = new URL(process.env.TEST_DATABASE_URL);
      u.pathname = "/putuo_bench";
      return { kind: "postgres", url: u.toString() };
    } finally {
      await admin.end({ timeout: 5 });
    }
  }
  return { kind: "pglite", dataDir: path.resolve("data/bench-pglite") };
}

function bar(label: string) {
  return new cliProgress.SingleBar({ format: `${label.padEnd(12)} [{bar}] {percentage}% | {value}/{total} | {duration}s`, hideCursor: true }, cliProgress.Presets.shades_classic);
}

/** The same seeding as bench:search, so either benchmark reuses what the other left. */
async function ensureData(h: DatabaseHandle) {
  await h.migrate();
  const [row] = await h.db.select({ value: meta.value }).from(meta).where(sql`${meta.key} = 'bench_scale'`);
  const [{ apps }] = await h.db.select({ apps: sql<number>`count(*)::int` }).from(applications);
  if (!RESEED && row?.value === String(SCALE) && Number(apps) > 0) {
    const [{ ds }] = await h.db.select({ ds: sql<number>`count(*)::int` }).from(demands);
    console.log(`Using the seeded data already there: ${apps} applications, ${ds} demands.`);
    return;
  }
  console.log(`Seeding ${SCALE}× the demo data (kept for later runs)…`);
  await h.db.execute(sql`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
      EXECUTE 'TRUNCATE TABLE ' || quote_ident(r.tablename) || ' RESTART IDENTITY CASCADE';
    END LOOP; END $$`);
  await seedReference(h.db);
  const b = bar("seeding");
  let started = false;
  const summary = await seedDemo(h.db, {
    scale: SCALE,
    onProgress: (done, total) => {
      if (!started) {
        b.start(total, 0);
        started = true;
      }
      b.setTotal(total);
      b.update(done);
    },
  });
  if (started) b.stop();
  console.log(JSON.stringify(summary));
  const r = bar("indexing");
  let rStarted = false;
  const indexed = await reindexAll(h.db, new PostgresSearchEngine(h.db), (done, total) => {
    if (!rStarted) {
      r.start(total, 0);
      rStarted = true;
    }
    r.update(done);
  });
  if (rStarted) r.stop();
  console.log(`Indexed ${indexed.documents} documents in ${indexed.seconds.toFixed(1)} s.`);
  await h.db.execute(sql`ANALYZE`);
  await h.db
    .insert(meta)
    .values({ key: "bench_scale", value: String(SCALE) })
    .onConflictDoUpdate({ target: meta.key, set: { value: String(SCALE) } });
}

function percentile(sorted: number[], p: number) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

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
console.log(`Database: ${target.kind === "postgres" ? "PostgreSQL" : "embedded PGlite"}`);
const handle = target.kind === "postgres" ? await openDatabase({ kind: "postgres", url: target.url, poolMax: 4 }) : await openDatabase({ kind: "pglite", dataDir: target.dataDir });
try {
  await ensureData(handle);
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
