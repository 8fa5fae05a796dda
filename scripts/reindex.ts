/**
 * `npm run search:reindex`: rebuild the search index from the database, with
 * a progress bar. On the embedded database the portal must be stopped first
 * (one process per data folder) — or use the "Rebuild index" button on the
 * officials' search status page, which runs it inside the server.
 */
import cliProgress from "cli-progress";

import { DatabaseStartupError, openDatabase } from "../db/client";
import { createSearchEngine } from "../search";
import { reindexAll } from "../search/indexer";
import { env, EnvError } from "../app/utils/env.server";

try {
  const e = env();
  const handle = e.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL, poolMax: 4 })
    : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
  await handle.withStartupLock(() => handle.migrate());
  const engine = createSearchEngine(handle.db, e);
  const health = await engine.health();
  if (!health.ok) throw new DatabaseStartupError(`The search engine at MEILISEARCH_URL is unreachable: ${health.detail}`);
  const bar = new cliProgress.SingleBar(
    { format: "Reindexing [{bar}] {percentage}% | {value}/{total} items | {duration}s", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const result = await reindexAll(handle.db, engine, (done, total) => {
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    bar.update(done);
  });
  if (started) bar.stop();
  console.log(`Indexed ${result.documents} documents into ${engine.kind} in ${result.seconds.toFixed(1)} s.`);
  await handle.close();
} catch (error) {
  if (error instanceof DatabaseStartupError || error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
