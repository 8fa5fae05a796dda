/**
 * Reusable reasons for rejecting an item at screening, in both languages.
 * Officials add and edit them; a reason no longer wanted is deactivated (it
 * stays for the record, out of the picker).
 */
import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";

import type { Database } from "../../db/client";
import { screeningReasons } from "../../db/schema";
import { writeAudit } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";

export const REASON_TEXT_MAX = 300;

const reasonText = z
  .string({ error: "screening:errors.reasonTextRequired" })
  .trim()
  .min(1, { error: "screening:errors.reasonTextRequired" })
  .max(REASON_TEXT_MAX, { error: "screening:errors.tooLong" });

export const reasonCreateSchema = z.object({ textZh: reasonText, textEn: reasonText });

export const reasonUpdateSchema = z.object({
  id: z.number({ error: "screening:errors.reasonNotFound" }).int().positive().max(2_147_483_647, { error: "screening:errors.reasonNotFound" }),
  textZh: reasonText,
  textEn: reasonText,
  active: z.boolean().default(false),
});

export type ScreeningReason = typeof screeningReasons.$inferSelect;

/** All reasons (active first) for the management page. */
export async function listScreeningReasons(db: Database, actor: Actor): Promise<ScreeningReason[]> {
  assertCan(actor, "manage:campaign:any");
  return db.select().from(screeningReasons).orderBy(desc(screeningReasons.active), asc(screeningReasons.id));
}

/** The active reasons, for the reject picker. */
export async function activeScreeningReasons(db: Database) {
  return db
    .select({ id: screeningReasons.id, textZh: screeningReasons.textZh, textEn: screeningReasons.textEn })
    .from(screeningReasons)
    .where(eq(screeningReasons.active, true))
    .orderBy(asc(screeningReasons.id));
}

export async function createScreeningReason(db: Database, actor: Actor, input: z.output<typeof reasonCreateSchema>) {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(screeningReasons).values({ textZh: input.textZh, textEn: input.textEn }).returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: "screening_reason.create",
      entityType: "screening_reason",
      entityId: row.id,
      data: { textZh: row.textZh, textEn: row.textEn },
    });
    return row;
  });
}

/** Edit the texts and the active flag; false when the reason does not exist. */
export async function updateScreeningReason(db: Database, actor: Actor, input: z.output<typeof reasonUpdateSchema>) {
  assertCan(actor, "manage:campaign:any");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(screeningReasons).where(eq(screeningReasons.id, input.id)).for("update");
    if (!before) return false;
    if (before.textZh === input.textZh && before.textEn === input.textEn && before.active === input.active) return true;
    await tx
      .update(screeningReasons)
      .set({ textZh: input.textZh, textEn: input.textEn, active: input.active })
      .where(eq(screeningReasons.id, input.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: before.active && !input.active ? "screening_reason.deactivate" : "screening_reason.update",
      entityType: "screening_reason",
      entityId: input.id,
      fromStatus: before.active ? "active" : "inactive",
      toStatus: input.active ? "active" : "inactive",
      data: { textZh: input.textZh, textEn: input.textEn },
    });
    return true;
  });
}
