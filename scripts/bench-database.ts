/**
 * What the benchmarks share: the command-line flags, the database they run on
 * and the seeded 100× data kept in it between runs.
 *
 * Database: BENCH_DATABASE_URL, else a `putuo_bench` database next to
 * TEST_DATABASE_URL (created on first use), else an embedded PGlite in
 * ./data/bench-pglite. The data is seeded once at the scale asked for, indexed
 * for search and marked (`bench_scale` in the meta table), so every benchmark
 * reuses what another one left; `--reseed` starts again.
 */
import path from "node:path";

import cliProgress from "cli-progress";
import { sql } from "drizzle-orm";
import postgres from "postgres";

import { openDatabase, type DatabaseHandle } from "../db/client";
import { applications, demands, meta } from "../db/schema";
import { seedDemo, seedReference } from "../db/seed";
import { PostgresSearchEngine } from "../search/engines/postgres";
import { reindexAll } from "../search/indexer";

const args = process.argv.slice(2);

/** `--name N` as a positive whole number, or `fallback`; anything else stops with a message. */
export function flag(name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} needs a positive whole number`);
    process.exit(2);
  }
  return n;
}

/** A bare switch such as `--reseed`. */
export function hasFlag(name: string): boolean {
  return args.includes(`--${name}`);
}

export type Target = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export async function chooseTarget(): Promise<Target> {
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

export function describeTarget(t: Target): string {
  return t.kind === "postgres" ? "PostgreSQL" : "embedded PGlite";
}

export function openTarget(t: Target): Promise<DatabaseHandle> {
  return t.kind === "postgres" ? openDatabase({ kind: "postgres", url: t.url, poolMax: 4 }) : openDatabase({ kind: "pglite", dataDir: t.dataDir });
}

export function bar(label: string) {
  return new cliProgress.SingleBar({ format: `${label.padEnd(12)} [{bar}] {percentage}% | {value}/{total} | {duration}s`, hideCursor: true }, cliProgress.Presets.shades_classic);
}

/**
 * Migrates, then seeds `scale`× the demo data and indexes it for search,
 * unless data of that scale is already there (and `reseed` is false).
 */
export async function ensureBenchData(h: DatabaseHandle, { scale, reseed }: { scale: number; reseed: boolean }) {
  await h.migrate();
  const [row] = await h.db.select({ value: meta.value }).from(meta).where(sql`${meta.key} = 'bench_scale'`);
  const [{ apps }] = await h.db.select({ apps: sql<number>`count(*)::int` }).from(applications);
  if (!reseed && row?.value === String(scale) && Number(apps) > 0) {
    const [{ ds }] = await h.db.select({ ds: sql<number>`count(*)::int` }).from(demands);
    console.log(`Using the seeded data already there: ${apps} applications, ${ds} demands.`);
    return;
  }
  console.log(`Seeding ${scale}× the demo data (kept for later runs)…`);
  await h.db.execute(sql`DO $$ DECLARE r record; BEGIN
    FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
      EXECUTE 'TRUNCATE TABLE ' || quote_ident(r.tablename) || ' RESTART IDENTITY CASCADE';
    END LOOP; END $$`);
  await seedReference(h.db);
  const b = bar("seeding");
  let started = false;
  const summary = await seedDemo(h.db, {
    scale,
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
    .values({ key: "bench_scale", value: String(scale) })
    .onConflictDoUpdate({ target: meta.key, set: { value: String(scale) } });
}

/** The p-th percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
