/**
 * Assisted intake: a community worker submits a resident's need on their
 * behalf (the resident cannot use the app), recording how the need arrived
 * and how the resident consented. One transaction makes the submitted
 * demand, its `assisted_intakes` row, its tags, the audit row and the outbox row.
 */
import { asc, eq, isNotNull, and } from "drizzle-orm";

import type { Database } from "../../db/client";
import { assistedIntakes, demands, memberships, organizations } from "../../db/schema";
import { enqueueSearchUpdate } from "../../search/outbox";
import { writeAudit } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";

import {
  assertCampaignCollecting,
  assertReferences,
  detectLang,
  parseOrThrow,
  replaceTags,
  replayedEntity,
  type DemandWriteResult,
} from "./demands.server";
import { intakeInputSchema, type IntakeInput } from "./schemas.server";

export async function createAssistedIntake(
  db: Database,
  actor: Actor,
  input: IntakeInput,
  options: { idempotencyKey?: string | null } = {},
): Promise<DemandWriteResult> {
  assertCan(actor, "create:demand:on-behalf");
  const value = parseOrThrow(intakeInputSchema, input);
  const key = options.idempotencyKey ?? null;
  return db.transaction(async (tx) => {
    if (key) {
      const earlier = await replayedEntity(tx, actor.id, "demand.intake", key);
      if (earlier) {
        const [row] = await tx.select({ id: demands.id, status: demands.status, version: demands.version }).from(demands).where(eq(demands.id, earlier));
        if (row) return { ...row, duplicate: true };
      }
    }
    await assertCampaignCollecting(tx, value.campaignId);
    await assertReferences(tx, value);
    const now = new Date();
    const [row] = await tx
      .insert(demands)
      .values({
        campaignId: value.campaignId,
        title: value.title,
        description: value.description,
        lang: detectLang(value.title, value.description),
        domain: value.domain,
        subdistrictId: value.subdistrictId,
        raisedBy: "resident",
        contactPreference: "none",
        authorId: actor.id,
        status: "submitted",
        submittedAt: now,
      })
      .returning({ id: demands.id, status: demands.status, version: demands.version });
    await tx.insert(assistedIntakes).values({
      demandId: row.id,
      residentName: value.residentName,
      residentPhone: value.residentPhone,
      channel: value.channel,
      consentMethod: value.consentMethod,
      consentAt: value.consentAt,
      recordedById: actor.id,
    });
    await replaceTags(tx, row.id, [...value.targetGroupIds, ...value.scenarioTagIds]);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "demand.intake",
      entityType: "demand",
      entityId: row.id,
      toStatus: "submitted",
      data: {
        channel: value.channel,
        consentMethod: value.consentMethod,
        ...(key ? { idempotencyKey: key } : {}),
      },
    });
    await enqueueSearchUpdate(tx, "demand", row.id);
    return { ...row, duplicate: false };
  });
}

/** The subdistrict of the worker's organisation (their first one that has one), for the form's default. */
export async function workerSubdistrictId(db: Database, userId: number): Promise<number | null> {
  const [row] = await db
    .select({ subdistrictId: organizations.subdistrictId })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNotNull(organizations.subdistrictId)))
    .orderBy(asc(memberships.organizationId))
    .limit(1);
  return row?.subdistrictId ?? null;
}
