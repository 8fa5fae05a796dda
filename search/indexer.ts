/**
 * Draining the search outbox into the engine, and rebuilding the index.
 *
 * Several app servers may run a worker at once: a worker claims a batch with
 * `FOR UPDATE SKIP LOCKED` and, in the same statement, pushes the rows'
 * `available_at` into the future (a lease), so no two workers hold the same
 * event. It then loads the items fresh from the source tables, writes them to
 * the engine and marks the events processed. A failure (engine down) records
 * the error and retries later with exponential backoff; nothing is lost.
 */
import { and, count, isNotNull, isNull, lte, max, sql } from "drizzle-orm";

import type { Database } from "../db/client";
import { rowsOf } from "../db/client";
import { SEARCH_ENTITY_TYPES, type SearchEntityType } from "../db/enums";
import { searchOutbox } from "../db/schema";

import { allIds, countAll, loadSearchDocuments } from "./documents";
import type { SearchEngine } from "./types";

export const LEASE_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 300;

export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.max(0, attempts - 1));
}

type Claimed = { id: number; entity_type: SearchEntityType; entity_id: number; attempts: number };

/** Claim up to `limit` due events for this worker. */
export async function claimBatch(db: Database, limit: number): Promise<Claimed[]> {
  const rows = rowsOf<Claimed>(
    await db.execute(sql`UPDATE ${searchOutbox}
      SET attempts = attempts + 1, available_at = now() + ${`${LEASE_SECONDS} seconds`}::interval
      WHERE id IN (
        SELECT id FROM ${searchOutbox}
        WHERE processed_at IS NULL AND available_at <= now()
        ORDER BY id LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, entity_type, entity_id, attempts`),
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), entity_id: Number(r.entity_id), attempts: Number(r.attempts) }));
}

/** Index the items behind claimed events (each item once, however many events it has). */
export async function indexEvents(db: Database, engine: SearchEngine, events: Claimed[]) {
  for (const type of SEARCH_ENTITY_TYPES) {
    const ids = [...new Set(events.filter((e) => e.entity_type === type).map((e) => e.entity_id))];
    if (ids.length === 0) continue;
    const docs = await loadSearchDocuments(db, type, ids);
    await engine.upsert(docs);
    const present = new Set(docs.map((d) => d.id));
    const gone = ids.filter((id) => !present.has(id));
    if (gone.length) await engine.remove(gone.map((id) => ({ type, id })));
  }
}

export type DrainReport = { processed: number; failed: number; batches: number };

/**
 * Drain until no due event is left (or `maxBatches`). `onIndexed` is for tests
 * and metrics: it receives the ids of the events this worker completed.
 */
export async function drainOutbox(
  db: Database,
  engine: SearchEngine,
  opts: { batchSize?: number; maxBatches?: number; onIndexed?: (eventIds: number[]) => void } = {},
): Promise<DrainReport> {
  const report: DrainReport = { processed: 0, failed: 0, batches: 0 };
  const batchSize = opts.batchSize ?? 200;
  for (let i = 0; i < (opts.maxBatches ?? Infinity); i++) {
    const events = await claimBatch(db, batchSize);
    if (events.length === 0) break;
    report.batches++;
    const ids = events.map((e) => e.id);
    const idList = sql.raw(ids.map(Number).join(","));
    try {
      await indexEvents(db, engine, events);
      await db.execute(sql`UPDATE ${searchOutbox} SET processed_at = now(), last_error = NULL WHERE id IN (${idList})`);
      report.processed += events.length;
      opts.onIndexed?.(ids);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const attempts = Math.max(...events.map((e) => e.attempts));
      await db.execute(sql`UPDATE ${searchOutbox}
        SET last_error = ${message}, available_at = now() + ${`${backoffSeconds(attempts)} seconds`}::interval
        WHERE id IN (${idList})`);
      report.failed += events.length;
      break; // The engine is likely down: wait for the next tick rather than spin.
    }
  }
  return report;
}

export type OutboxStatus = {
  pending: number;
  failing: number;
  oldestPendingSeconds: number | null;
  lastError: string | null;
  processedLastHour: number;
};

/** What officials see: how far behind the index is, and what is failing. */
export async function outboxStatus(db: Database): Promise<OutboxStatus> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${searchOutbox.processedAt} is null)::int`,
      failing: sql<number>`count(*) filter (where ${searchOutbox.processedAt} is null and ${searchOutbox.lastError} is not null)::int`,
      oldest: sql<number | null>`extract(epoch from now() - min(${searchOutbox.createdAt}) filter (where ${searchOutbox.processedAt} is null))::float8`,
      processedLastHour: sql<number>`count(*) filter (where ${searchOutbox.processedAt} > now() - interval '1 hour')::int`,
    })
    .from(searchOutbox);
  const [last] = await db
    .select({ error: searchOutbox.lastError })
    .from(searchOutbox)
    .where(and(isNull(searchOutbox.processedAt), isNotNull(searchOutbox.lastError)))
    .orderBy(sql`${searchOutbox.id} desc`)
    .limit(1);
  return {
    pending: Number(row.pending),
    failing: Number(row.failing),
    oldestPendingSeconds: row.oldest === null ? null : Math.round(Number(row.oldest)),
    lastError: last?.error ?? null,
    processedLastHour: Number(row.processedLastHour),
  };
}

/**
 * Rebuild the whole index from the source tables. Events queued before the
 * rebuild started are covered by it and marked processed; later ones stay.
 */
export async function reindexAll(
  db: Database,
  engine: SearchEngine,
  onProgress?: (done: number, total: number) => void,
): Promise<{ documents: number; seconds: number }> {
  const started = performance.now();
  const [{ upTo }] = await db.select({ upTo: max(searchOutbox.id) }).from(searchOutbox);
  const total = await countAll(db);
  await engine.clear();
  let done = 0;
  let documents = 0;
  for (const type of SEARCH_ENTITY_TYPES) {
    for await (const ids of allIds(db, type, 1000)) {
      const docs = await loadSearchDocuments(db, type, ids);
      await engine.upsert(docs);
      documents += docs.length;
      done += ids.length;
      onProgress?.(done, total);
    }
  }
  if (upTo !== null) {
    await db
      .update(searchOutbox)
      .set({ processedAt: new Date(), lastError: null })
      .where(and(isNull(searchOutbox.processedAt), lte(searchOutbox.id, Number(upTo))));
  }
  return { documents, seconds: (performance.now() - started) / 1000 };
}

export async function pendingCount(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(searchOutbox).where(isNull(searchOutbox.processedAt));
  return Number(row.n);
}
