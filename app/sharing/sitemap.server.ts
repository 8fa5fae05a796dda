/**
 * What the sitemaps list: the public pages, the published lists, the
 * subdistrict boards, the organisations, and the demands and applications the
 * public may see (the visibility rule, app/visibility) — nothing else. Files
 * are cut in id order, ITEMS_PER_SITEMAP pages each; `lastmod` comes from the
 * rows' updated_at.
 */
import { asc, sql, type SQL } from "drizzle-orm";

import { rowsOf, type Database } from "../../db/client";
import { applications, demands, organizations, subdistricts } from "../../db/schema";
import { publishedCampaigns } from "~/review/lists.server";
import { publicApplication, publicDemand } from "~/visibility/visibility.server";

import { ITEMS_PER_SITEMAP, sitemapPageCount, type SitemapFile, type SitemapKind, type SitemapPage } from "./sitemap";

/** The public pages that are not one item: the sections of the site's header. */
export const STATIC_PATHS = ["/", "/demands", "/applications", "/lists", "/organizations", "/subdistricts", "/stats", "/data", "/developers", "/search"] as const;

type ItemKind = Extract<SitemapKind, "organizations" | "demands" | "applications">;

/** The table and the public condition behind each item kind. */
function itemSource(kind: ItemKind): { table: typeof demands | typeof applications | typeof organizations; where: SQL; prefix: string } {
  if (kind === "demands") return { table: demands, where: publicDemand, prefix: "/demands/" };
  if (kind === "applications") return { table: applications, where: publicApplication, prefix: "/applications/" };
  return { table: organizations, where: sql`true`, prefix: "/organizations/" };
}

/** One file's rows of an item kind, in id order: the address key (id or slug) and the last change. */
async function itemRows(db: Database, kind: ItemKind, offset: number, limit: number): Promise<{ key: string; updatedAt: Date }[]> {
  if (kind === "organizations") {
    const rows = await db
      .select({ key: organizations.slug, updatedAt: organizations.updatedAt })
      .from(organizations)
      .orderBy(asc(organizations.id))
      .limit(limit)
      .offset(offset);
    return rows;
  }
  const table = kind === "demands" ? demands : applications;
  const rows = await db
    .select({ id: table.id, updatedAt: table.updatedAt })
    .from(table)
    .where(kind === "demands" ? publicDemand : publicApplication)
    .orderBy(asc(table.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ key: String(r.id), updatedAt: r.updatedAt }));
}

const isItemKind = (kind: SitemapKind): kind is ItemKind => kind === "organizations" || kind === "demands" || kind === "applications";

/** Per file of an item kind: its number and the latest change of its rows. */
async function itemFiles(db: Database, kind: ItemKind, perFile: number): Promise<SitemapFile[]> {
  const { table, where } = itemSource(kind);
  const rows = rowsOf<{ page: number | string; lastmod: Date | string | null }>(
    await db.execute(sql`
      select ((rn - 1) / ${perFile})::int + 1 as page, max(updated_at) as lastmod
      from (select ${table.updatedAt} as updated_at, row_number() over (order by ${table.id}) as rn from ${table} where ${where}) numbered
      group by 1 order by 1`),
  );
  return rows.map((r) => ({ kind, page: Number(r.page), lastmod: r.lastmod }));
}

/** Latest public change per subdistrict (its demands), for the boards' lastmod. */
async function boardChanges(db: Database): Promise<Map<number, Date>> {
  const rows = await db
    .select({ subdistrictId: demands.subdistrictId, lastmod: sql<Date | string>`max(${demands.updatedAt})` })
    .from(demands)
    .where(publicDemand)
    .groupBy(demands.subdistrictId);
  return new Map(rows.map((r) => [r.subdistrictId, new Date(r.lastmod)]));
}

const latest = (dates: readonly (Date | string | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => {
    const date = d ? new Date(d) : null;
    return date && !Number.isNaN(date.getTime()) && (!max || date > max) ? date : max;
  }, null);

/** The files the index names: one per kind that has pages, items cut into files of `perFile`. */
export async function sitemapFiles(db: Database, perFile = ITEMS_PER_SITEMAP): Promise<SitemapFile[]> {
  const [lists, boards, changes, orgs, demandFiles, applicationFiles] = await Promise.all([
    publishedCampaigns(db),
    db.select({ id: subdistricts.id }).from(subdistricts),
    boardChanges(db),
    itemFiles(db, "organizations", perFile),
    itemFiles(db, "demands", perFile),
    itemFiles(db, "applications", perFile),
  ]);
  const files: SitemapFile[] = [{ kind: "pages", page: 1, lastmod: latest([...demandFiles, ...applicationFiles].map((f) => f.lastmod)) }];
  for (let page = 1; page <= Math.ceil(lists.length / perFile); page++) {
    files.push({ kind: "lists", page, lastmod: latest(lists.slice((page - 1) * perFile, page * perFile).map((l) => l.publishedAt)) });
  }
  for (let page = 1; page <= Math.ceil(boards.length / perFile); page++) {
    files.push({ kind: "subdistricts", page, lastmod: latest(boards.slice((page - 1) * perFile, page * perFile).map((b) => changes.get(b.id))) });
  }
  return [...files, ...orgs, ...demandFiles, ...applicationFiles];
}

/** One file's pages, or null when the file does not exist (page beyond the last). */
export async function sitemapPages(db: Database, kind: SitemapKind, page: number, perFile = ITEMS_PER_SITEMAP): Promise<SitemapPage[] | null> {
  const offset = (page - 1) * perFile;
  let pages: SitemapPage[];
  let total: number;
  if (kind === "pages") {
    pages = page === 1 ? STATIC_PATHS.map((path) => ({ path })) : [];
    total = STATIC_PATHS.length;
  } else if (kind === "lists") {
    const lists = await publishedCampaigns(db);
    total = lists.length;
    pages = lists.slice(offset, offset + perFile).map((l) => ({ path: `/lists/${encodeURIComponent(l.slug)}`, lastmod: l.publishedAt }));
  } else if (kind === "subdistricts") {
    const [places, changes] = await Promise.all([
      db.select({ id: subdistricts.id, slug: subdistricts.slug }).from(subdistricts).orderBy(asc(subdistricts.sortOrder), asc(subdistricts.id)),
      boardChanges(db),
    ]);
    total = places.length;
    pages = places.slice(offset, offset + perFile).map((p) => ({ path: `/subdistricts/${encodeURIComponent(p.slug)}`, lastmod: changes.get(p.id) ?? null }));
  } else if (isItemKind(kind)) {
    const rows = await itemRows(db, kind, offset, perFile);
    const { prefix } = itemSource(kind);
    pages = rows.map((r) => ({ path: `${prefix}${encodeURIComponent(r.key)}`, lastmod: r.updatedAt }));
    // A file past the last one is a 404; the first always exists (maybe empty).
    total = page === 1 || rows.length > 0 ? offset + rows.length : 0;
  } else {
    return null;
  }
  if (page > sitemapPageCount(total, perFile)) return null;
  return pages;
}
