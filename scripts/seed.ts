/**
 * Load the demo data into the database the portal uses:
 *
 *   npm run seed                     # 500 applications, 50 demands
 *   npm run seed -- --scale 100      # 50,000 applications, 5,000 demands
 *   npm run seed -- --reset          # empty the data tables first
 *
 * DATABASE_URL set → PostgreSQL; otherwise the embedded PGlite in
 * PGLITE_DATA_DIR (which must not be held by a running portal).
 * Exit codes: 0 done, 1 database problem or data already present, 2 bad flags.
 */
import cliProgress from "cli-progress";
import { sql } from "drizzle-orm";

import { env, EnvError } from "../app/utils/env.server";
import { DatabaseStartupError, openDatabase, rowsOf, type Database, type DatabaseHandle } from "../db/client";
import { DEMO_ACCOUNTS, hasDemoData, seedDemo, seedReference, type SeedSummary } from "../db/seed";
import { createSearchEngine } from "../search";
import { reindexAll } from "../search/indexer";

const USAGE = "Usage: npm run seed -- [--scale N] [--reset]   (N: whole number from 1 to 1000, default 1)";

class UsageError extends Error {}

type Args = { scale: number; reset: boolean };

function parseArgs(argv: string[]): Args | "help" {
  const args: Args = { scale: 1, reset: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--reset") {
      args.reset = true;
      continue;
    }
    if (arg === "--scale" || arg.startsWith("--scale=")) {
      const value = arg === "--scale" ? argv[++i] : arg.slice("--scale=".length);
      if (value === undefined || value === "") throw new UsageError("--scale needs a number, e.g. --scale 100");
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000) {
        throw new UsageError(`--scale must be a whole number from 1 to 1000, not "${value}"`);
      }
      args.scale = Number(value);
      continue;
    }
    throw new UsageError(`Unknown option "${arg}"`);
  }
  return args;
}

/** Empty every table of the app (not the migrations journal, which lives in the drizzle schema). */
async function truncateAll(db: Database) {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`),
  ).map((t) => `"public"."${t.name.replace(/"/g, '""')}"`);
  if (tables.length > 0) await db.execute(sql.raw(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`));
  return tables.length;
}

function printSummary(s: SeedSummary, seconds: number) {
  const n = (x: number) => x.toLocaleString("en-US");
  console.log(
    [
      `Seeded the 2021 Putuo scenario call at scale ${s.scale} in ${seconds.toFixed(1)} s:`,
      `  ${n(s.applications)} applications (${s.selectedApplications} selected), ${n(s.demands)} demands (${s.selectedDemands} selected)`,
      `  ${n(s.organizations)} organisations, ${n(s.users)} users, ${n(s.supports)} supports`,
      `  ${n(s.applicationTags + s.demandTags)} tag links, ${n(s.deployments)} deployments, ${n(s.applicationDemands)} application–demand links`,
      `  ${n(s.rows)} rows in all`,
      "",
      "Demo accounts (password for all: " + DEMO_ACCOUNTS[0].password + "):",
      ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(17)} ${a.email}`),
    ].join("\n"),
  );
}

async function main(): Promise<number> {
  let args: Args | "help";
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`seed: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }
  const { scale, reset } = args;

  const started = performance.now();
  let handle: DatabaseHandle | undefined;
  try {
    const e = env();
    handle = e.DATABASE_URL
      ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL, poolMax: 4 })
      : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
    const db = handle.db;
    const where = handle.kind === "pglite" ? `embedded PGlite in ${handle.location}` : `PostgreSQL at ${handle.location}`;
    console.log(`Database: ${where}`);
    await handle.migrate();

    const outcome = await handle.withStartupLock(async () => {
      if (reset) {
        const count = await truncateAll(db);
        console.log(`Reset: emptied ${count} tables.`);
      } else if (await hasDemoData(db)) {
        return "exists" as const;
      }
      await seedReference(db);

      const bar = new cliProgress.SingleBar(
        {
          format: "  {bar} {percentage}% | {value}/{total} rows | {label}",
          hideCursor: true,
          clearOnComplete: false,
          // Without a terminal (CI logs), a plain line every ten seconds.
          noTTYOutput: true,
          notTTYSchedule: 10_000,
        },
        cliProgress.Presets.shades_classic,
      );
      let startedBar = false;
      const summary = await seedDemo(db, {
        scale,
        onProgress(done, total, label) {
          if (!startedBar) {
            bar.start(total, 0, { label });
            startedBar = true;
          }
          bar.setTotal(total);
          bar.update(done, { label });
        },
      });
      if (startedBar) bar.stop();
      // The seed writes rows directly, not through the outbox: build the search index.
      const indexed = await reindexAll(db, createSearchEngine(db, e));
      console.log(`Search index: ${indexed.documents} documents in ${indexed.seconds.toFixed(1)} s.`);
      return summary;
    });

    if (outcome === "exists") {
      console.error("seed: the database already holds demo data (a campaign exists); run with --reset to replace it.");
      return 1;
    }
    printSummary(outcome, (performance.now() - started) / 1000);
    return 0;
  } catch (error) {
    if (error instanceof DatabaseStartupError || error instanceof EnvError) {
      console.error(`seed: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await handle?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
