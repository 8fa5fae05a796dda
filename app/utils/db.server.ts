/**
 * The one database of this process, opened on first use from the environment
 * and migrated before it is handed out. Kept on `globalThis` so that a dev
 * rebuild does not open a second PGlite on the same folder.
 */
import { openDatabase, type Database, type DatabaseHandle } from "../../db/client";

import { env } from "./env.server";

const globalForDb = globalThis as unknown as { __putuoDb?: Promise<DatabaseHandle> };

export function databaseHandle(): Promise<DatabaseHandle> {
  globalForDb.__putuoDb ??= (async () => {
    const e = env();
    const handle = e.DATABASE_URL
      ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX })
      : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
    await handle.withStartupLock(() => handle.migrate());
    return handle;
  })();
  // A failed open must not be cached: the next call tries again.
  globalForDb.__putuoDb.catch(() => {
    globalForDb.__putuoDb = undefined;
  });
  return globalForDb.__putuoDb;
}

export async function db(): Promise<Database> {
  return (await databaseHandle()).db;
}

/** Used by tests to point the app at a database they own. */
export function useDatabaseHandle(handle: DatabaseHandle) {
  globalForDb.__putuoDb = Promise.resolve(handle);
}

export async function closeDatabase() {
  const pending = globalForDb.__putuoDb;
  globalForDb.__putuoDb = undefined;
  if (pending) await (await pending).close();
}
