/**
 * The in-app inbox of every signed-in user: unread first, newest first, one
 * page at a time; marking one, several or all as read. Every query is scoped
 * by the reader's id, so nobody reads or marks another's notices.
 */
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";

import type { Database } from "../../db/client";
import { notifications } from "../../db/schema";
import { resources, type Locale } from "~/locales";
import { fixedT } from "~/utils/i18n.server";

export const INBOX_PAGE_SIZE = 20;

export const markReadSchema = z.object({
  intent: z.enum(["read", "readAll"], { error: "inbox:errors.intentInvalid" }),
  ids: z.array(z.number().int().positive().max(2_147_483_647)).max(500).default([]),
});

/** How many unread notices `userId` has (for the header badge). */
export async function unreadCount(db: Database, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export type InboxEntry = {
  id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: Date;
};

/** A notice's text in `locale`, from its kind and params (a kind without text gets a plain fallback). */
export function renderNotice(locale: Locale, kind: string, params: Record<string, string | number>) {
  const t = fixedT(locale);
  const known = Object.prototype.hasOwnProperty.call(resources["zh-CN"].notifications, kind) && kind !== "linkLabel";
  return known
    ? { subject: t(`notifications:${kind}.subject`, params), body: t(`notifications:${kind}.body`, params) }
    : { subject: t("notifications:fallback.subject"), body: t("notifications:fallback.body") };
}

/** One page of `userId`'s notices rendered in `locale`, with the totals. */
export async function listInbox(db: Database, userId: number, locale: Locale, options: { page?: number } = {}) {
  const [[{ total }], unread] = await Promise.all([
    db.select({ total: count() }).from(notifications).where(eq(notifications.userId, userId)),
    unreadCount(db, userId),
  ]);
  const pageCount = Math.max(1, Math.ceil(Number(total) / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(sql`${notifications.readAt} is null desc`, desc(notifications.createdAt), desc(notifications.id))
    .limit(INBOX_PAGE_SIZE)
    .offset((page - 1) * INBOX_PAGE_SIZE);
  const entries: InboxEntry[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ...renderNotice(locale, r.kind, r.params),
    link: r.link,
    read: !!r.readAt,
    createdAt: r.createdAt,
  }));
  return { entries, total: Number(total), unread, page, pageCount };
}

/** Mark the reader's notices `ids` as read; returns how many changed. */
export async function markRead(db: Database, userId: number, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const changed = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, [...new Set(ids)]), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return changed.length;
}

export async function markAllRead(db: Database, userId: number): Promise<number> {
  const changed = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return changed.length;
}
