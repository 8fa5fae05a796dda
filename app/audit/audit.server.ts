/**
 * The audit log: who did what to which record, when and why. Call it with the
 * transaction that makes the change, so the record and its audit row commit
 * (or roll back) together.
 */
import type { Database } from "../../db/client";
import { auditLog } from "../../db/schema";

/** A database or an open transaction: both can insert. */
export type Executor = Pick<Database, "insert" | "select" | "update" | "delete" | "execute">;

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
};

export async function writeAudit(db: Executor, entry: AuditEntry) {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    data: entry.data ?? null,
  });
}
