/**
 * Applications: the solutions a firm proposes to a campaign. Every change is
 * one function here — create, update, submit, withdraw — that checks who may
 * do it (members of the firm, and officials), runs in one transaction with its
 * audit row and its search-outbox row, and refuses a stale edit (`version`).
 *
 * Who may see what is the visibility rule's business
 * (`applicationVisibleTo`/`demandVisibleTo`); nothing here redefines it. An
 * application the actor may not see is "not found", so a refusal never
 * reveals that it exists.
 */
import { and, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { CampaignStage, ItemStatus, TagKind } from "../../db/enums";
import {
  applicationDemands,
  applicationDeployments,
  applications,
  applicationTags,
  auditLog,
  campaigns,
  demands,
  memberships,
  subdistricts,
  tags,
} from "../../db/schema";
import { enqueueSearchUpdate } from "../../search/outbox";
import { writeAudit, type Executor } from "~/audit/audit.server";
import { assertCan, ForbiddenError, type Actor } from "~/auth/authorize.server";
import { can } from "~/auth/permissions";
import { applicationVisibleTo, demandVisibleTo, type Viewer } from "~/visibility/visibility.server";
import { refusalFor, type MoveName } from "~/workflow/lifecycle";
import { transitionItems } from "~/workflow/transition.server";

import { applicationContentSchema, type ApplicationContent, type ApplicationContentInput } from "./schema.server";

// ─── Results ─────────────────────────────────────────────────────────────────

/** Field errors are translation keys by field name (as the form names them). */
export type FieldErrors = Record<string, string[]>;

export type Failure =
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors; formErrors: string[] }
  /** Someone changed the application since the user loaded it. */
  | { ok: false; reason: "conflict"; currentVersion: number }
  /** Its status or its campaign's stage no longer allows the change. */
  | { ok: false; reason: "not_editable"; status: ItemStatus }
  /** It does not exist, or the actor may not see it. */
  | { ok: false; reason: "not_found" };

export type Success = { ok: true; id: number; version: number; status: ItemStatus; changed: boolean };
export type Result = Success | Failure;

const invalid = (fieldErrors: FieldErrors, formErrors: string[] = []): Failure => ({
  ok: false,
  reason: "invalid",
  fieldErrors,
  formErrors,
});

// ─── Rules ───────────────────────────────────────────────────────────────────

/** Statuses in which the firm may still edit (while the campaign collects). */
export const EDITABLE_STATUSES: readonly ItemStatus[] = ["draft", "submitted"];

/** Is the life-cycle move (app/workflow/lifecycle.ts) open for this status and stage? */
export function moveOpen(move: MoveName, status: ItemStatus, stage: string): boolean {
  return refusalFor(move, status, stage as CampaignStage) === null;
}

/** Officials may change any application; they hold the campaign-management permission. */
export function isOfficialActor(actor: Actor | null | undefined): boolean {
  return can(actor, "manage:campaign:any");
}

/** The organisations the user belongs to, read from the database (never from the caller). */
export async function organizationIdsOf(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.select({ id: memberships.organizationId }).from(memberships).where(eq(memberships.userId, userId));
  return rows.map((r) => r.id);
}

export async function viewerFor(db: Executor, actor: Actor): Promise<NonNullable<Viewer>> {
  return { id: actor.id, roles: actor.roles, organizationIds: await organizationIdsOf(db, actor.id) };
}

/** May this actor change applications of this organisation (content, attachments, status)? */
export function mayChange(actor: Actor, memberOf: readonly number[], organizationId: number): boolean {
  return (memberOf.includes(organizationId) && can(actor, "create:application:own")) || isOfficialActor(actor);
}

export function isEditable(status: ItemStatus, stage: string): boolean {
  return EDITABLE_STATUSES.includes(status) && stage === "collecting";
}

function detectLang(text: string): "zh-CN" | "en" {
  return /[\u3400-\u9fff]/.test(text) ? "zh-CN" : "en";
}

function firstMonth(since: string | null): string | null {
  return since ? `${since}-01` : null;
}

// ─── Validation against the database ─────────────────────────────────────────

const TAG_FIELDS: [field: "technologyIds" | "scenarioIds" | "targetGroupIds", kind: TagKind][] = [
  ["technologyIds", "technology"],
  ["scenarioIds", "scenario"],
  ["targetGroupIds", "target_group"],
];

function parseContent(input: ApplicationContentInput): { ok: true; content: ApplicationContent } | Failure {
  const parsed = applicationContentSchema.safeParse(input);
  if (parsed.success) return { ok: true, content: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.reduce<string>(
      (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
      "",
    );
    const message = issue.message.startsWith("applications:") ? issue.message : "applications:errors.invalid";
    (fieldErrors[name || "form"] ??= []).push(message);
  }
  return invalid(fieldErrors);
}

/** Tags of the right kind, visible submitted demands and real subdistricts — or field errors. */
async function checkReferences(tx: Executor, viewer: NonNullable<Viewer>, content: ApplicationContent): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const tagIds = TAG_FIELDS.flatMap(([field]) => content[field]);
  if (tagIds.length) {
    const found = await tx.select({ id: tags.id, kind: tags.kind }).from(tags).where(inArray(tags.id, tagIds));
    const kindOf = new Map(found.map((t) => [t.id, t.kind]));
    for (const [field, kind] of TAG_FIELDS) {
      if (content[field].some((id) => kindOf.get(id) !== kind)) errors[field] = ["applications:errors.tagInvalid"];
    }
  }
  if (content.demandIds.length) {
    const found = await tx
      .select({ id: demands.id })
      .from(demands)
      .where(and(inArray(demands.id, content.demandIds), demandVisibleTo(viewer), sql`${demands.status} <> 'draft'`));
    const ok = new Set(found.map((d) => d.id));
    if (content.demandIds.some((id) => !ok.has(id))) errors.demandIds = ["applications:errors.demandInvalid"];
  }
  const placeIds = content.deployments.map((d) => d.subdistrictId).filter((id): id is number => id !== null);
  if (placeIds.length) {
    const found = await tx.select({ id: subdistricts.id }).from(subdistricts).where(inArray(subdistricts.id, placeIds));
    const ok = new Set(found.map((s) => s.id));
    content.deployments.forEach((d, i) => {
      if (d.subdistrictId !== null && !ok.has(d.subdistrictId)) {
        errors[`deployments[${i}].place`] = ["applications:errors.subdistrictInvalid"];
      }
    });
  }
  return errors;
}

async function writeChildren(tx: Executor, applicationId: number, content: ApplicationContent, replace: boolean) {
  if (replace) {
    await tx.delete(applicationTags).where(eq(applicationTags.applicationId, applicationId));
    await tx.delete(applicationDemands).where(eq(applicationDemands.applicationId, applicationId));
    await tx.delete(applicationDeployments).where(eq(applicationDeployments.applicationId, applicationId));
  }
  const tagIds = [...new Set(TAG_FIELDS.flatMap(([field]) => content[field]))];
  if (tagIds.length) await tx.insert(applicationTags).values(tagIds.map((tagId) => ({ applicationId, tagId })));
  if (content.demandIds.length) {
    await tx.insert(applicationDemands).values(content.demandIds.map((demandId) => ({ applicationId, demandId })));
  }
  if (content.deployments.length) {
    await tx.insert(applicationDeployments).values(
      content.deployments.map((d) => ({
        applicationId,
        subdistrictId: d.subdistrictId,
        placeName: d.placeName,
        since: firstMonth(d.since),
      })),
    );
  }
}

function columnsOf(content: ApplicationContent) {
  return {
    title: content.title,
    summary: content.summary,
    description: content.description,
    lang: detectLang(`${content.title}${content.summary}`),
    domain: content.domain,
    maturity: content.maturity,
    costBand: content.costBand,
    publicFromSubmission: content.publicFromSubmission,
  };
}

// ─── Transitions ─────────────────────────────────────────────────────────────

export type CreateInput = ApplicationContentInput & {
  campaignId: number;
  organizationId: number;
  /** From the form's hidden field: a second POST with the same key returns the first application. */
  idempotencyKey?: string | null;
  /** Submit at once instead of keeping a draft. */
  submit?: boolean;
};

/** A firm member creates an application for one of their organisations (a draft, or submitted at once). */
export async function createApplication(db: Database, actor: Actor, input: CreateInput): Promise<Result> {
  assertCan(actor, "create:application:own");
  const parsed = parseContent(input);
  if (!parsed.ok) return parsed;
  const content = parsed.content;

  return db.transaction(async (tx) => {
    if (input.idempotencyKey) {
      // One key, one application: concurrent duplicates wait here, then find the first.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`application.create:${input.idempotencyKey}`}))`);
      const [previous] = await tx
        .select({ id: auditLog.entityId })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.actorId, actor.id),
            eq(auditLog.action, "application.create"),
            sql`${auditLog.data}->>'idempotencyKey' = ${input.idempotencyKey}`,
          ),
        )
        .limit(1);
      if (previous?.id) {
        const [existing] = await tx
          .select({ id: applications.id, version: applications.version, status: applications.status })
          .from(applications)
          .where(eq(applications.id, previous.id));
        if (existing) return { ok: true, id: existing.id, version: existing.version, status: existing.status, changed: false } as const;
      }
    }

    const viewer = await viewerFor(tx, actor);
    const errors: FieldErrors = {};
    if (!viewer.organizationIds.includes(input.organizationId)) errors.organizationId = ["applications:errors.notMember"];
    const [campaign] = await tx
      .select({ id: campaigns.id, stage: campaigns.stage })
      .from(campaigns)
      .where(eq(campaigns.id, input.campaignId))
      .for("share"); // its stage cannot move under us
    if (!campaign || campaign.stage !== "collecting") errors.campaignId = ["applications:errors.campaignNotOpen"];
    Object.assign(errors, await checkReferences(tx, viewer, content));
    if (Object.keys(errors).length) return invalid(errors);

    const [row] = await tx
      .insert(applications)
      .values({
        campaignId: input.campaignId,
        organizationId: input.organizationId,
        authorId: actor.id,
        ...columnsOf(content),
        status: "draft",
      })
      .returning({ id: applications.id, version: applications.version });
    await writeChildren(tx, row.id, content, false);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "application.create",
      entityType: "application",
      entityId: row.id,
      toStatus: "draft",
      data: { organizationId: input.organizationId, campaignId: input.campaignId, idempotencyKey: input.idempotencyKey ?? null },
    });
    await enqueueSearchUpdate(tx, "application", row.id);
    if (!input.submit) return { ok: true, id: row.id, version: row.version, status: "draft", changed: true } as const;
    // Submitted at once: the same move (and audit row) as submitting the draft later.
    await transitionItems(tx, { actorId: actor.id, itemType: "application", ids: [row.id], move: "submit" });
    return { ok: true, id: row.id, version: row.version + 1, status: "submitted", changed: true } as const;
  });
}

type Loaded = {
  id: number;
  organizationId: number;
  status: ItemStatus;
  version: number;
  stage: string;
};

/**
 * The application as the actor may act on it: not found when it does not
 * exist or they may not see it; ForbiddenError when they see it but may not
 * change it.
 */
async function loadForChange(tx: Executor, actor: Actor, id: number): Promise<{ row: Loaded; viewer: NonNullable<Viewer> } | Failure> {
  const viewer = await viewerFor(tx, actor);
  const [row] = await tx
    .select({
      id: applications.id,
      organizationId: applications.organizationId,
      status: applications.status,
      version: applications.version,
      stage: campaigns.stage,
    })
    .from(applications)
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .where(and(eq(applications.id, id), applicationVisibleTo(viewer)))
    .for("update", { of: applications });
  if (!row) return { ok: false, reason: "not_found" };
  if (!mayChange(actor, viewer.organizationIds, row.organizationId)) throw new ForbiddenError("create:application:own");
  return { row, viewer };
}

export type UpdateInput = ApplicationContentInput & {
  id: number;
  /** The version the user's form was loaded at. */
  expectedVersion: number;
  /** Submit in the same step (a draft only). */
  submit?: boolean;
};

/** Edit the content of a draft or submitted application while its campaign collects. */
export async function updateApplication(db: Database, actor: Actor, input: UpdateInput): Promise<Result> {
  const parsed = parseContent(input);
  if (!parsed.ok) return parsed;
  const content = parsed.content;

  return db.transaction(async (tx) => {
    const loaded = await loadForChange(tx, actor, input.id);
    if ("ok" in loaded) return loaded;
    const { row, viewer } = loaded;
    if (row.version !== input.expectedVersion) return { ok: false, reason: "conflict", currentVersion: row.version } as const;
    if (!isEditable(row.status, row.stage)) return { ok: false, reason: "not_editable", status: row.status } as const;
    const errors = await checkReferences(tx, viewer, content);
    if (Object.keys(errors).length) return invalid(errors);

    const submitting = !!input.submit && moveOpen("submit", row.status, row.stage);
    const [updated] = await tx
      .update(applications)
      .set({ ...columnsOf(content), version: sql`${applications.version} + 1` })
      .where(and(eq(applications.id, row.id), eq(applications.version, input.expectedVersion)))
      .returning({ version: applications.version });
    if (!updated) return { ok: false, reason: "conflict", currentVersion: row.version } as const;
    await writeChildren(tx, row.id, content, true);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "application.update",
      entityType: "application",
      entityId: row.id,
      fromStatus: row.status,
      toStatus: row.status,
      data: { version: updated.version },
    });
    await enqueueSearchUpdate(tx, "application", row.id);
    if (!submitting) return { ok: true, id: row.id, version: updated.version, status: row.status, changed: true } as const;
    await transitionItems(tx, { actorId: actor.id, itemType: "application", ids: [row.id], move: "submit" });
    return { ok: true, id: row.id, version: updated.version + 1, status: "submitted", changed: true } as const;
  });
}

async function transition(
  db: Database,
  actor: Actor,
  input: { id: number; expectedVersion?: number; reason?: string | null },
  move: "submit" | "withdraw",
): Promise<Result> {
  return db.transaction(async (tx) => {
    const loaded = await loadForChange(tx, actor, input.id);
    if ("ok" in loaded) return loaded;
    const { row } = loaded;
    const to: ItemStatus = move === "submit" ? "submitted" : "withdrawn";
    // Asking twice (a double click, a resent form) is not an error: it is already done.
    if (row.status === to) return { ok: true, id: row.id, version: row.version, status: row.status, changed: false } as const;
    if (input.expectedVersion !== undefined && row.version !== input.expectedVersion) {
      return { ok: false, reason: "conflict", currentVersion: row.version } as const;
    }
    if (!moveOpen(move, row.status, row.stage)) return { ok: false, reason: "not_editable", status: row.status } as const;
    await transitionItems(tx, { actorId: actor.id, itemType: "application", ids: [row.id], move, reason: input.reason ?? null });
    return { ok: true, id: row.id, version: row.version + 1, status: to, changed: true } as const;
  });
}

/** Draft → submitted, while the campaign collects (the `submit` move). */
export function submitApplication(db: Database, actor: Actor, input: { id: number; expectedVersion?: number }) {
  return transition(db, actor, input, "submit");
}

/** Draft or submitted → withdrawn, while the campaign collects (the `withdraw` move). */
export function withdrawApplication(
  db: Database,
  actor: Actor,
  input: { id: number; expectedVersion?: number; reason?: string | null },
) {
  return transition(db, actor, input, "withdraw");
}
