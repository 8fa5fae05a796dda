/** What the officials' search status page shows: engine health, queue lag and failures, document counts. */
import { sql } from "drizzle-orm";

import { searchDocuments } from "../../db/schema";
import { outboxStatus } from "../../search/indexer";
import { db } from "~/utils/db.server";

import { reindexState } from "./reindex-job.server";
import { searchEngine } from "./search.server";

export async function searchStatus() {
  const database = await db();
  const engine = await searchEngine();
  const [status, health, counts] = await Promise.all([
    outboxStatus(database),
    engine.health(),
    engine.kind === "postgres"
      ? database
          .select({ type: searchDocuments.entityType, n: sql<number>`count(*)::int` })
          .from(searchDocuments)
          .groupBy(searchDocuments.entityType)
      : Promise.resolve([] as { type: string; n: number }[]),
  ]);
  return { engine: engine.kind, health, status, counts, job: reindexState() };
}
