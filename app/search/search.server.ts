/**
 * The app's door to search/: which engine this process uses (Meilisearch when
 * MEILISEARCH_URL is set, else PostgreSQL), reading a search request from a
 * URL, and the background worker that drains the outbox.
 */
import { z } from "zod";

import { SEARCH_ENTITY_TYPES } from "../../db/enums";
import { createSearchEngine } from "../../search";
import { drainOutbox } from "../../search/indexer";
import type { SearchEngine, SearchRequest, SearchViewer } from "../../search/types";
import type { CurrentUser } from "~/auth/current-user.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const globalForSearch = globalThis as unknown as { __putuoSearch?: Promise<SearchEngine>; __putuoSearchWorker?: NodeJS.Timeout };

export function searchEngine(): Promise<SearchEngine> {
  globalForSearch.__putuoSearch ??= (async () => createSearchEngine(await db(), env()))();
  return globalForSearch.__putuoSearch;
}

export function searchViewerOf(user: CurrentUser | null): SearchViewer {
  if (!user) return null;
  return { id: user.id, official: user.roles.includes("official"), organizationIds: user.organizations.map((o) => o.id) };
}

export const PER_PAGE = 20;

const positiveId = z.coerce.number().int().positive().max(2_147_483_647);

/** Query-string parameters; anything malformed is reported per parameter. */
export const SearchParamsSchema = z.object({
  q: z.string().max(200, "q: at most 200 characters").default(""),
  type: z.enum(SEARCH_ENTITY_TYPES).optional(),
  domain: z.enum(["economy", "life", "governance"]).optional(),
  subdistrict: positiveId.optional(),
  status: z.string().regex(/^[a-z_]{1,30}$/).optional(),
  technology: positiveId.optional(),
  organization: positiveId.optional(),
  campaign: positiveId.optional(),
  sort: z.enum(["relevance", "newest", "support"]).default("relevance"),
  page: z.coerce.number().int().min(1).max(500).default(1),
  perPage: z.coerce.number().int().min(1).max(50).default(PER_PAGE),
});

export type ParsedSearch = { request: SearchRequest; errors: Record<string, string> };

/**
 * The search request of a URL. For pages, bad parameters are dropped (the
 * search still runs); the API reports them (see `errors`).
 */
export function searchRequestFrom(params: URLSearchParams, opts: { prefix: boolean }): ParsedSearch {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(SearchParamsSchema.shape)) {
    const v = params.get(key);
    if (v !== null && v !== "") raw[key] = v;
  }
  const errors: Record<string, string> = {};
  const result = SearchParamsSchema.safeParse(raw);
  let data: z.infer<typeof SearchParamsSchema>;
  if (result.success) data = result.data;
  else {
    for (const issue of result.error.issues) errors[String(issue.path[0])] = issue.message;
    const cleaned = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in errors)));
    data = SearchParamsSchema.parse(cleaned);
  }
  return {
    errors,
    request: {
      q: data.q.trim(),
      filters: {
        type: data.type,
        domain: data.domain,
        subdistrict: data.subdistrict,
        status: data.status,
        technology: data.technology,
        organization: data.organization,
        campaign: data.campaign,
      },
      sort: data.sort,
      page: data.page,
      perPage: data.perPage,
      prefix: opts.prefix,
    },
  };
}

/** Drain the outbox now and then; several app servers may each run one. */
export function startSearchWorker(log: (line: string) => void = console.error) {
  const interval = env().SEARCH_WORKER_INTERVAL_MS;
  if (interval === 0 || globalForSearch.__putuoSearchWorker) return;
  let running = false;
  let lastError = "";
  globalForSearch.__putuoSearchWorker = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        const report = await drainOutbox(await db(), await searchEngine(), { batchSize: 200, maxBatches: 20 });
        if (report.failed && lastError !== "failed") log(`Search index: ${report.failed} updates failed; will retry with backoff.`);
        lastError = report.failed ? "failed" : "";
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) log(`Search worker: ${message}`);
        lastError = message;
      } finally {
        running = false;
      }
    })();
  }, interval);
  globalForSearch.__putuoSearchWorker.unref();
}

export function stopSearchWorker() {
  if (globalForSearch.__putuoSearchWorker) clearInterval(globalForSearch.__putuoSearchWorker);
  globalForSearch.__putuoSearchWorker = undefined;
}
