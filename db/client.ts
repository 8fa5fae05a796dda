/**
 * Opening the database: PostgreSQL through the `postgres` driver when a URL is
 * given, otherwise the embedded PGlite kept in a data folder (or in memory for
 * tests). Both are returned as the same drizzle `Database` type so that every
 * query in the app runs unchanged on either.
 *
 * PGlite is one process, one connection: a lock file next to the data folder
 * stops a second process (a seed or import command while the server runs) from
 * opening it, with a message that says what to do instead.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = "postgres" | "pglite";

export type DatabaseHandle = {
  db: Database;
  kind: DatabaseKind;
  /** Where the data lives, safe to show (no password). */
  location: string;
  ping(): Promise<boolean>;
  migrate(): Promise<void>;
  /**
   * Run start-up work (migrate, seed) so that several app servers starting at
   * once on one PostgreSQL take turns; PGlite has one process anyway.
   */
  withStartupLock<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** A start-up problem the operator can fix; its message is one readable line. */
export class DatabaseStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseStartupError";
  }
}

export type OpenOptions =
  | { kind: "postgres"; url: string; poolMax?: number; connectTimeoutSeconds?: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite"; memory: true; loadDataDir?: Blob | File };

export function migrationsFolder(): string {
  const candidates = [
    fileURLToPath(new URL("./migrations", import.meta.url)),
    path.resolve(process.cwd(), "db/migrations"),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "meta/_journal.json")));
  if (!found) throw new DatabaseStartupError("Cannot find db/migrations (run from the project folder)");
  return found;
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "(unparseable URL)";
  }
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.kind === "postgres" ? openPostgres(options) : openPglite(options);
}

async function openPostgres(options: {
  url: string;
  poolMax?: number;
  connectTimeoutSeconds?: number;
}): Promise<DatabaseHandle> {
  const where = describeUrl(options.url);
  const client = postgres(options.url, {
    max: options.poolMax ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    idle_timeout: 30,
    onnotice: () => {},
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartupError(
      `Cannot connect to the database named by DATABASE_URL (${where}): ${reason}`,
    );
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    location: where,
    async ping() {
      try {
        await client`select 1`;
        return true;
      } catch {
        return false;
      }
    },
    async migrate() {
      await migratePostgres(drizzlePostgres(client, { schema }), {
        migrationsFolder: migrationsFolder(),
      });
    },
    async withStartupLock(work) {
      // A session-level advisory lock on one reserved connection.
      const reserved = await client.reserve();
      try {
        await reserved`select pg_advisory_lock(7315000)`;
        return await work();
      } finally {
        await reserved`select pg_advisory_unlock(7315000)`.catch(() => {});
        reserved.release();
      }
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(
  options: { dataDir: string } | { memory: true; loadDataDir?: Blob | File },
): Promise<DatabaseHandle> {
  let release = () => {};
  let client: PGlite;
  let location: string;
  if ("dataDir" in options) {
    const dataDir = path.resolve(options.dataDir);
    // PGlite only creates the last level of the folder.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    release = takeLock(dataDir);
    try {
      client = new PGlite({ dataDir, extensions: { pg_trgm } });
      await client.waitReady;
    } catch (error) {
      release();
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseStartupError(`Cannot open the embedded database in ${dataDir}: ${reason}`);
    }
    location = path.relative(process.cwd(), dataDir) || dataDir;
  } else {
    client = new PGlite({ extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
    await client.waitReady;
    location = "memory";
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    kind: "pglite",
    location,
    async ping() {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), {
        migrationsFolder: migrationsFolder(),
      });
    },
    withStartupLock: (work) => work(),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      release();
    },
    // Exposed for tests that snapshot a migrated database.
    ...({ pglite: client } as object),
  };
}

/** The raw PGlite of a handle, for dumping a migrated template in tests. */
export function pgliteOf(handle: DatabaseHandle): PGlite | undefined {
  return (handle as unknown as { pglite?: PGlite }).pglite;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Take `<dataDir>.lock`, holding our pid. A lock left by a dead process is
 * taken over; one held by a live process is refused with a clear message.
 */
function takeLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseStartupError(
          `The embedded database in ${path.relative(process.cwd(), dataDir) || dataDir} is in use by another process (pid ${holder}). ` +
            "Stop the portal first, or set DATABASE_URL to use PostgreSQL, which many processes can share.",
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseStartupError(`Cannot take the lock ${lockPath}`);
}

/**
 * Rows of a raw `db.execute(sql…)`: PGlite answers `{ rows }`, postgres.js an
 * array. Note that PostgreSQL's bigint (e.g. `count(*)`) arrives as a string
 * from postgres.js and as a number from PGlite: cast to int in SQL.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
