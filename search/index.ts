/**
 * Which engine: Meilisearch when a URL is configured, else PostgreSQL
 * full-text search on the app's own database. The one place this is decided.
 */
import type { Database } from "../db/client";

import { MeilisearchEngine } from "./engines/meilisearch";
import { PostgresSearchEngine } from "./engines/postgres";
import type { SearchEngine } from "./types";

export type EngineConfig = { MEILISEARCH_URL?: string; MEILISEARCH_KEY?: string; MEILISEARCH_INDEX_PREFIX?: string };

export function createSearchEngine(db: Database, config: EngineConfig): SearchEngine {
  if (config.MEILISEARCH_URL) {
    return new MeilisearchEngine({ url: config.MEILISEARCH_URL, apiKey: config.MEILISEARCH_KEY, indexPrefix: config.MEILISEARCH_INDEX_PREFIX });
  }
  return new PostgresSearchEngine(db);
}
