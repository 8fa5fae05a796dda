/**
 * Small pieces the review modules share: the campaign by slug, the item
 * tables by type, the reviewer accounts, and the result shapes.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { CampaignStage, ItemType } from "../../db/enums";
import { applications, campaigns, demands, memberships, reviewerConflicts, userRoles, users } from "../../db/schema";
import type { Executor } from "~/audit/audit.server";

export type Campaign = typeof campaigns.$inferSelect;

/** The campaign row, locked until the transaction ends (serialises assignment, shortlist, publication). */
export async function lockCampaign(tx: Executor, id: number): Promise<Campaign | null> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
  return row ?? null;
}

export const itemTableOf = (itemType: ItemType) => (itemType === "demand" ? demands : applications);

/** `application:12` — the key the pure modules use for an item. */
export const itemKey = (itemType: ItemType, id: number) => `${itemType}:${id}`;
export function parseItemKey(key: string): { itemType: ItemType; id: number } {
  const [type, id] = key.split(":");
  return { itemType: type as ItemType, id: Number(id) };
}

/** The item a route names (`application` or `demand`), or null. */
export function parseItemType(value: unknown): ItemType | null {
  return value === "application" || value === "demand" ? value : null;
}

/** A positive integer id from a URL or a form, or null. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

export type StageRefusal = { ok: false; reason: "wrong_stage"; stage: CampaignStage; allowed: readonly CampaignStage[] };

export function stageRefusal(campaign: Campaign, allowed: readonly CampaignStage[]): StageRefusal | null {
  return allowed.includes(campaign.stage) ? null : { ok: false, reason: "wrong_stage", stage: campaign.stage, allowed };
}

export type ReviewerAccount = {
  id: number;
  displayName: string;
  organizationIds: number[];
  conflictOrganizationIds: number[];
};

/** Every enabled account with the reviewer role, with memberships and declared conflicts. */
export async function reviewerAccounts(db: Executor): Promise<ReviewerAccount[]> {
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "reviewer")))
    .where(isNull(users.disabledAt))
    .orderBy(users.id);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Sequential on purpose: this also runs inside transactions (one connection).
  const memberRows = await db
    .select({ userId: memberships.userId, organizationId: memberships.organizationId })
    .from(memberships)
    .where(inArray(memberships.userId, ids));
  const conflictRows = await db
    .select({ userId: reviewerConflicts.reviewerId, organizationId: reviewerConflicts.organizationId })
    .from(reviewerConflicts)
    .where(inArray(reviewerConflicts.reviewerId, ids));
  const orgs = new Map<number, number[]>();
  for (const m of memberRows) orgs.set(m.userId, [...(orgs.get(m.userId) ?? []), m.organizationId]);
  const conflicts = new Map<number, number[]>();
  for (const c of conflictRows) conflicts.set(c.userId, [...(conflicts.get(c.userId) ?? []), c.organizationId]);
  return rows.map((r) => ({
    ...r,
    organizationIds: orgs.get(r.id) ?? [],
    conflictOrganizationIds: conflicts.get(r.id) ?? [],
  }));
}

export type { Database };
