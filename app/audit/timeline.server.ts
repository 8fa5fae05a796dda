/**
 * The history of records as their owners see it: who did what, when and why,
 * read from the audit log. One query for any number of records (no N+1).
 */
import { and, asc, eq, inArray } from "drizzle-orm";

import type { Database } from "../../db/client";
import { auditLog, users } from "../../db/schema";

export type TimelineEntry = {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  at: string;
  actorName: string | null;
};

/** Timelines of `ids` of one entity type, oldest entry first, by id. */
export async function timelinesFor(
  db: Database,
  entityType: string,
  ids: readonly number[],
): Promise<Map<number, TimelineEntry[]>> {
  const byId = new Map<number, TimelineEntry[]>();
  if (ids.length === 0) return byId;
  const rows = await db
    .select({
      id: auditLog.id,
      entityId: auditLog.entityId,
      action: auditLog.action,
      fromStatus: auditLog.fromStatus,
      toStatus: auditLog.toStatus,
      reason: auditLog.reason,
      createdAt: auditLog.createdAt,
      actorName: users.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, entityType), inArray(auditLog.entityId, [...new Set(ids)])))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
  for (const row of rows) {
    if (row.entityId == null) continue;
    let list = byId.get(row.entityId);
    if (!list) byId.set(row.entityId, (list = []));
    list.push({
      id: row.id,
      action: row.action,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      reason: row.reason,
      at: row.createdAt.toISOString(),
      actorName: row.actorName,
    });
  }
  return byId;
}
