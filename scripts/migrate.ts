/**
 * `npm run db:migrate`: apply the committed migrations and the reference data
 * to the configured database (DATABASE_URL, or the embedded one), then exit.
 * The server does the same at start; this is for deploy pipelines.
 */
import { DatabaseStartupError, openDatabase } from "../db/client";
import { seedReference } from "../db/seed";
import { env, EnvError } from "../app/utils/env.server";

try {
  const e = env();
  const handle = e.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL, poolMax: 2 })
    : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
  await handle.withStartupLock(async () => {
    await handle.migrate();
    await seedReference(handle.db);
  });
  console.log(`Migrated ${handle.kind === "pglite" ? "the embedded database in" : "PostgreSQL at"} ${handle.location}.`);
  await handle.close();
} catch (error) {
  if (error instanceof DatabaseStartupError || error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
