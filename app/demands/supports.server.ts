/**
 * Supports ("me too"): one per user and demand. The `supports` row and the
 * demand's `support_count` change in one transaction, and the counter moves
 * in SQL (`support_count + 1`) only when the insert (or delete) really
 * happened, so parallel clicks never make it drift.
 */
import { and, eq, sql } from "drizzle-orm";

import type { Database } from "../../db/client";
import { demands, supports } from "../../db/schema";
import { enqueueSearchUpdate } from "../../search/outbox";
import { assertCan } from "~/auth/authorize.server";
import { demandVisibleTo, type Viewer } from "~/visibility/visibility.server";

import { SUPPORTABLE } from "./demands.server";
import { DemandNotFoundError, DemandTransitionError } from "./errors.server";

export type SupportResult = { supported: boolean; changed: boolean; supportCount: number };

/** Support a visible, submitted demand of someone else. A second support is a no-op. */
export async function supportDemand(db: Database, viewer: NonNullable<Viewer>, demandId: number): Promise<SupportResult> {
  assertCan(viewer, "support:demand:own");
  return db.transaction(async (tx) => {
    const [demand] = await tx
      .select({ id: demands.id, status: demands.status, authorId: demands.authorId, supportCount: demands.supportCount })
      .from(demands)
      .where(and(eq(demands.id, demandId), demandVisibleTo(viewer)));
    if (!demand) throw new DemandNotFoundError(demandId);
    if (!SUPPORTABLE.includes(demand.status)) throw new DemandTransitionError("notSupportable", demand.status);
    if (demand.authorId === viewer.id) throw new DemandTransitionError("ownDemand", demand.status);
    const inserted = await tx
      .insert(supports)
      .values({ demandId, userId: viewer.id })
      .onConflictDoNothing()
      .returning({ demandId: supports.demandId });
    if (inserted.length === 0) {
      const [now] = await tx.select({ supportCount: demands.supportCount }).from(demands).where(eq(demands.id, demandId));
      return { supported: true, changed: false, supportCount: now.supportCount };
    }
    const [updated] = await tx
      .update(demands)
      // A support is not an edit: neither the version nor updatedAt move.
      .set({ supportCount: sql`${demands.supportCount} + 1`, updatedAt: sql`${demands.updatedAt}` })
      .where(eq(demands.id, demandId))
      .returning({ supportCount: demands.supportCount });
    await enqueueSearchUpdate(tx, "demand", demandId);
    return { supported: true, changed: true, supportCount: updated.supportCount };
  });
}

/** Take a support back. Without a support it is a no-op. */
export async function unsupportDemand(db: Database, viewer: NonNullable<Viewer>, demandId: number): Promise<SupportResult> {
  assertCan(viewer, "support:demand:own");
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(supports)
      .where(and(eq(supports.demandId, demandId), eq(supports.userId, viewer.id)))
      .returning({ demandId: supports.demandId });
    if (deleted.length === 0) {
      const [demand] = await tx
        .select({ supportCount: demands.supportCount })
        .from(demands)
        .where(and(eq(demands.id, demandId), demandVisibleTo(viewer)));
      if (!demand) throw new DemandNotFoundError(demandId);
      return { supported: false, changed: false, supportCount: demand.supportCount };
    }
    const [updated] = await tx
      .update(demands)
      .set({ supportCount: sql`greatest(${demands.supportCount} - 1, 0)`, updatedAt: sql`${demands.updatedAt}` })
      .where(eq(demands.id, demandId))
      .returning({ supportCount: demands.supportCount });
    await enqueueSearchUpdate(tx, "demand", demandId);
    return { supported: false, changed: true, supportCount: updated.supportCount };
  });
}
