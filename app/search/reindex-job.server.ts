/**
 * A full reindex started from the officials' page, run in this process in
 * the background (the embedded database allows no second process), with its
 * progress kept here for the page to show.
 */
import { isNull, sql } from "drizzle-orm";

import { searchOutbox } from "../../db/schema";
import { reindexAll } from "../../search/indexer";
import { db } from "~/utils/db.server";

import { searchEngine } from "./search.server";

export type ReindexState =
  | { state: "idle" }
  | { state: "running"; done: number; total: number; startedAt: string }
  | { state: "done"; documents: number; seconds: number; finishedAt: string }
  | { state: "failed"; error: string; finishedAt: string };

const globalForJob = globalThis as unknown as { __putuoReindex?: ReindexState };

export function reindexState(): ReindexState {
  return globalForJob.__putuoReindex ?? { state: "idle" };
}

/** Start a reindex unless one is running; returns immediately. */
export function startReindex(): boolean {
  if (reindexState().state === "running") return false;
  globalForJob.__putuoReindex = { state: "running", done: 0, total: 0, startedAt: new Date().toISOString() };
  void (async () => {
    try {
      const result = await reindexAll(await db(), await searchEngine(), (done, total) => {
        globalForJob.__putuoReindex = { state: "running", done, total, startedAt: (reindexState() as { startedAt: string }).startedAt };
      });
      globalForJob.__putuoReindex = { state: "done", ...result, finishedAt: new Date().toISOString() };
    } catch (error) {
      globalForJob.__putuoReindex = { state: "failed", error: error instanceof Error ? error.message : String(error), finishedAt: new Date().toISOString() };
    }
  })();
  return true;
}

/** Make every failing event due now (after the engine came back). */
export async function retryFailedNow(): Promise<number> {
  const rows = await (await db())
    .update(searchOutbox)
    .set({ availableAt: sql`now()` })
    .where(sql`${isNull(searchOutbox.processedAt)} AND ${searchOutbox.lastError} IS NOT NULL`)
    .returning({ id: searchOutbox.id });
  return rows.length;
}
