/**
 * Live progress of the imports running in this process, in memory.
 *
 * The import writes everything in one transaction. On the embedded PGlite the
 * process has one connection, so while that transaction runs no other request
 * can read the database (not even to check a session), and on either database
 * the progress written inside the transaction is invisible until it commits.
 * So the status endpoint reads this map first: an entry is found by run id or
 * by the key the upload form sent, and is shown only to the session that
 * started the import (its owner), without touching the database.
 */
export type ImportPhase = "validating" | "writing" | "done" | "failed";

export type ImportProgress = {
  runId: number | null;
  phase: ImportPhase;
  processed: number;
  total: number;
  /** Opaque identity of whoever may read this entry (the session id of the uploader). */
  owner: string | null;
  updatedAt: number;
};

type Store = { byKey: Map<string, ImportProgress>; byRun: Map<number, ImportProgress> };

const globalStore = globalThis as unknown as { __putuoImportProgress?: Store };
const store = (globalStore.__putuoImportProgress ??= { byKey: new Map(), byRun: new Map() });

/** Finished entries are kept this long, so a last poll still sees "done". */
const KEEP_FINISHED_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 200;

/** A progress key from the upload form: random, URL-safe, not too long. */
export function isProgressKey(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(value);
}

export function newProgressKey(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

function prune(now: number) {
  const finished = (e: ImportProgress) => (e.phase === "done" || e.phase === "failed") && now - e.updatedAt > KEEP_FINISHED_MS;
  for (const [key, entry] of store.byKey) if (finished(entry) || store.byKey.size > MAX_ENTRIES) store.byKey.delete(key);
  for (const [runId, entry] of store.byRun) if (finished(entry) || store.byRun.size > MAX_ENTRIES) store.byRun.delete(runId);
}

/** A tracker for one import; every call replaces the shown numbers. */
export function trackImport(key: string | null, owner: string | null) {
  const entry: ImportProgress = { runId: null, phase: "validating", processed: 0, total: 0, owner, updatedAt: Date.now() };
  prune(entry.updatedAt);
  if (key) store.byKey.set(key, entry);
  return {
    setRun(runId: number) {
      entry.runId = runId;
      store.byRun.set(runId, entry);
    },
    update(phase: ImportPhase, processed: number, total: number) {
      entry.phase = phase;
      entry.processed = processed;
      entry.total = total;
      entry.updatedAt = Date.now();
    },
  };
}

/** The progress of a run (or of the import started with `key`), if `owner` may see it. */
export function readProgress(ref: { key?: string | null; runId?: number | null }, owner: string | null): ImportProgress | null {
  const entry = ref.key ? store.byKey.get(ref.key) : ref.runId ? store.byRun.get(ref.runId) : undefined;
  if (!entry || !owner || entry.owner !== owner) return null;
  return entry;
}
