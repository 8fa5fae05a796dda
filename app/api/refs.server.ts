/**
 * Small pieces the API's read side shares: links to pages and resources,
 * references to organisations, the tags, attachments and published-list
 * places of many items in one query each (no N+1).
 */
import { and, asc, eq, inArray } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { ItemType, TagKind } from "../../db/enums";
import { applicationTags, attachments, campaigns, demandTags, publishedListEntries, tags } from "../../db/schema";

export const demandLinks = (id: number) => ({ url: `/demands/${id}`, api: `/api/v1/demands/${id}` });
export const applicationLinks = (id: number) => ({ url: `/applications/${id}`, api: `/api/v1/applications/${id}` });
export const organizationLinks = (slug: string) => ({ url: `/organizations/${slug}`, api: `/api/v1/organizations/${slug}` });
export const listLinks = (slug: string) => ({ url: `/lists/${slug}`, api: `/api/v1/lists/${slug}` });

export function organizationRef(o: { slug: string; nameZh: string; nameEn: string; verified: boolean }) {
  return { slug: o.slug, nameZh: o.nameZh, nameEn: o.nameEn, verified: o.verified, ...organizationLinks(o.slug) };
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The first stretch of a text, for list rows. */
export function shorten(text: string, max = 140): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join("")}…`;
}

export type TagOut = { kind: TagKind; slug: string; nameZh: string; nameEn: string };

function group<T extends { itemId: number }>(rows: T[]): Map<number, Omit<T, "itemId">[]> {
  const by = new Map<number, Omit<T, "itemId">[]>();
  for (const { itemId, ...rest } of rows) {
    const list = by.get(itemId) ?? [];
    list.push(rest);
    by.set(itemId, list);
  }
  return by;
}

export async function tagsOf(db: Database, itemType: ItemType, ids: number[]): Promise<Map<number, TagOut[]>> {
  if (!ids.length) return new Map();
  const link = itemType === "demand" ? { table: demandTags, item: demandTags.demandId, tag: demandTags.tagId } : { table: applicationTags, item: applicationTags.applicationId, tag: applicationTags.tagId };
  const rows = await db
    .select({ itemId: link.item, kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
    .from(link.table)
    .innerJoin(tags, eq(tags.id, link.tag))
    .where(inArray(link.item, ids))
    .orderBy(asc(tags.kind), asc(tags.id));
  return group(rows);
}

/** Where items stand on published lists (campaigns published or closed). */
export async function listPlacesOf(db: Database, itemType: ItemType, ids: number[]) {
  const by = new Map<number, { slug: string; rank: number; url: string; api: string }>();
  if (!ids.length) return by;
  const rows = await db
    .select({ itemId: publishedListEntries.itemId, slug: campaigns.slug, rank: publishedListEntries.rank })
    .from(publishedListEntries)
    .innerJoin(campaigns, eq(campaigns.id, publishedListEntries.campaignId))
    .where(and(eq(publishedListEntries.itemType, itemType), inArray(publishedListEntries.itemId, ids), inArray(campaigns.stage, ["published", "closed"])));
  for (const r of rows) by.set(r.itemId, { slug: r.slug, rank: r.rank, ...listLinks(r.slug) });
  return by;
}

/** An item's attachments; call only for an item the caller may see (the file route checks again). */
export async function attachmentsOf(db: Database, itemType: ItemType, id: number) {
  const rows = await db
    .select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes })
    .from(attachments)
    .where(eq(itemType === "demand" ? attachments.demandId : attachments.applicationId, id))
    .orderBy(asc(attachments.id));
  return rows.map((a) => ({ ...a, url: `/attachments/${a.id}` }));
}
