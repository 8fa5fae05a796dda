/**
 * Existing demands whose titles look like the one being typed, so that a
 * resident can support a need that is already there instead of raising it
 * twice. PostgreSQL's trigram similarity (pg_trgm) is combined with Chinese
 * bigram overlap, because trigrams say little about short Chinese titles.
 * Candidates are found in SQL (visible demands sharing a bigram or a trigram
 * match) and ranked here (see titleSimilarity).
 */
import { and, desc, ne, or, sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { ItemStatus } from "../../db/enums";
import { demands } from "../../db/schema";
import { demandVisibleTo, type Viewer } from "~/visibility/visibility.server";

import { SUPPORTABLE } from "./demands.server";
import { titleGrams, titleSimilarity } from "./text-similarity";

export type SimilarDemand = {
  id: number;
  title: string;
  status: ItemStatus;
  supportCount: number;
  /** The viewer could support it (submitted, public, not their own). */
  supportable: boolean;
  score: number;
};

/** Below this a title is not shown as similar. */
export const MIN_SIMILARITY = 0.3;
const CANDIDATES = 50;
const MAX_GRAMS = 40;

export async function findSimilarDemands(
  db: Database,
  viewer: Viewer,
  title: string,
  options: { limit?: number; excludeId?: number; minScore?: number } = {},
): Promise<SimilarDemand[]> {
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 20);
  const query = title.normalize("NFKC").trim().slice(0, 200);
  if ([...query].length < 2) return [];
  const grams = titleGrams(query).slice(0, MAX_GRAMS);

  const trigram = sql<number>`similarity(${demands.title}, ${query})`;
  const gramHits: SQL<number> = grams.length
    ? sql<number>`(select count(*) from unnest(ARRAY[${sql.join(
        grams.map((g) => sql`${g}`),
        sql`, `,
      )}]::text[]) as g(x) where strpos(lower(${demands.title}), g.x) > 0)`
    : sql<number>`0`;
  const matches = or(sql`${trigram} > 0.2`, sql`${gramHits} > 0`)!;
  const conditions: SQL[] = [demandVisibleTo(viewer), matches];
  if (options.excludeId) conditions.push(ne(demands.id, options.excludeId));

  const rows = await db
    .select({
      id: demands.id,
      title: demands.title,
      status: demands.status,
      supportCount: demands.supportCount,
      authorId: demands.authorId,
      trigram: sql<number>`${trigram}::float8`,
    })
    .from(demands)
    .where(and(...conditions))
    .orderBy(desc(sql`${gramHits}::float8 / ${Math.max(grams.length, 1)} + ${trigram}`), desc(demands.supportCount), desc(demands.id))
    .limit(CANDIDATES);

  const minScore = options.minScore ?? MIN_SIMILARITY;
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      supportCount: r.supportCount,
      supportable: SUPPORTABLE.includes(r.status) && (!viewer || r.authorId !== viewer.id),
      score: Math.round(titleSimilarity(grams, titleGrams(r.title), Number(r.trigram)) * 1000) / 1000,
    }))
    .filter((r) => r.score >= minScore)
    .sort((a, b) => b.score - a.score || b.supportCount - a.supportCount || b.id - a.id)
    .slice(0, limit);
}
