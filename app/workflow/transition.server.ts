/**
 * Moving demands and applications through their life cycle: one function for
 * every move of app/workflow/lifecycle.ts. It checks the move is open (status
 * and campaign stage), updates status and version, and writes an audit row
 * and a search-outbox row per item — all in the caller's transaction.
 * Who-may-do-it (author, official) is checked by the calling domain function.
 */
import { eq, inArray, sql } from "drizzle-orm";

import type { Executor } from "../audit/audit.server";
import { writeAudit } from "../audit/audit.server";
import type { CampaignStage, ItemStatus, ItemType } from "../../db/enums";
import { applications, campaigns, demands } from "../../db/schema";
import { enqueueSearchUpdate } from "../../search/outbox";

import { MOVES, refusalFor, type MoveName, type MoveRefusal } from "./lifecycle";

export class TransitionError extends Error {
  constructor(
    readonly itemType: ItemType,
    readonly itemId: number,
    readonly refusal: MoveRefusal | { code: "not_found" },
  ) {
    super(`Cannot move ${itemType} ${itemId}: ${refusal.code}`);
    this.name = "TransitionError";
  }
}

export const itemTable = (itemType: ItemType) => (itemType === "demand" ? demands : applications);

export type MovedItem = { id: number; from: ItemStatus; to: ItemStatus; campaignId: number };

/**
 * Apply `move` to every item in `ids` (all or none: the first refusal throws
 * a TransitionError and the caller's transaction rolls back).
 */
export async function transitionItems(
  tx: Executor,
  opts: { actorId: number | null; itemType: ItemType; ids: number[]; move: MoveName; reason?: string | null; data?: Record<string, unknown> },
): Promise<MovedItem[]> {
  const { itemType, move } = opts;
  const ids = [...new Set(opts.ids)];
  if (ids.length === 0) return [];
  const table = itemTable(itemType);
  const rows = await tx
    .select({ id: table.id, status: table.status, campaignId: table.campaignId, stage: campaigns.stage })
    .from(table)
    .innerJoin(campaigns, eq(campaigns.id, table.campaignId))
    .where(inArray(table.id, ids))
    .for("update", { of: table });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) throw new TransitionError(itemType, id, { code: "not_found" });
    const refusal = refusalFor(move, row.status, row.stage as CampaignStage, opts.reason);
    if (refusal) throw new TransitionError(itemType, id, refusal);
  }
  const to = MOVES[move].to;
  await tx
    .update(table)
    .set({
      status: to,
      version: sql`${table.version} + 1`,
      ...(move === "submit" ? { submittedAt: new Date() } : {}),
    })
    .where(inArray(table.id, ids));
  for (const id of ids) {
    const row = byId.get(id)!;
    await writeAudit(tx, {
      actorId: opts.actorId,
      action: `${itemType}.${move}`,
      entityType: itemType,
      entityId: id,
      fromStatus: row.status,
      toStatus: to,
      reason: opts.reason ?? null,
      data: opts.data ?? null,
    });
  }
  await enqueueSearchUpdate(tx, itemType, ids);
  return ids.map((id) => ({ id, from: byId.get(id)!.status, to, campaignId: byId.get(id)!.campaignId }));
}
