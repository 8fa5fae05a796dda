/**
 * Demands: writing, editing, submitting and withdrawing them, and reading
 * them for lists, detail pages and edit forms. Every state change is one
 * function here that checks who may do it, runs in one transaction and writes
 * its audit row and its search-outbox row there. Reads always go through the
 * one visibility rule (`demandVisibleTo`).
 */
import { and, asc, desc, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";

import type { Database } from "../../db/client";
import { ITEM_STATUSES, type CampaignStage, type ItemStatus } from "../../db/enums";
import {
  assistedIntakes,
  auditLog,
  campaigns,
  demands,
  demandTags,
  memberships,
  organizations,
  subdistricts,
  supports,
  tags,
  users,
} from "../../db/schema";
import { enqueueSearchUpdate } from "../../search/outbox";
import { writeAudit, type Executor } from "~/audit/audit.server";
import { timelinesFor, type TimelineEntry } from "~/audit/timeline.server";
import { assertCan, ForbiddenError, type Actor } from "~/auth/authorize.server";
import { can } from "~/auth/permissions";
import { demandVisibleTo, type Viewer } from "~/visibility/visibility.server";
import { MOVES, refusalFor, type MoveName } from "~/workflow/lifecycle";
import { transitionItems } from "~/workflow/transition.server";

import { DemandInputError, DemandNotFoundError, DemandTransitionError, StaleDemandError } from "./errors.server";
import { abbreviateResidentName } from "./resident-name";
import {
  demandCreateSchema,
  demandUpdateSchema,
  withdrawSchema,
  type DemandCreateInput,
  type DemandListQuery,
  type DemandUpdateInput,
} from "./schemas.server";

/** Statuses an author may still edit or withdraw (while the campaign collects): those the withdraw move leaves from. */
const EDITABLE: readonly ItemStatus[] = MOVES.withdraw.from;
/** Stages in which authors may still change their demands ("until screening starts"). */
const AUTHOR_STAGES: readonly CampaignStage[] = MOVES.withdraw.stages;
/** Statuses that can be supported: submitted and public. */
export const SUPPORTABLE: ItemStatus[] = ["submitted", "in_review", "scored", "shortlisted", "selected", "not_shortlisted"];

export const PAGE_SIZE = 20;

// ─── Helpers ────────────────────────────────────────────────────────────────

/** Parse with a schema of ./schemas.server, or throw the field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new DemandInputError(fieldErrors);
}

/** The demand rule only reads the viewer's id and roles. */
const asViewer = (actor: Actor): NonNullable<Viewer> => ({ id: actor.id, roles: actor.roles, organizationIds: [] });

/** Text with Chinese characters is Chinese; anything else English. */
export function detectLang(...texts: string[]): "zh-CN" | "en" {
  return texts.some((t) => /[\u3400-\u9fff]/u.test(t)) ? "zh-CN" : "en";
}

/**
 * A replayed form post: the transaction waits for any other one carrying the
 * same token, then finds the record the first one made (its audit row holds
 * the token). Returns that record's id, or null for a first post.
 */
export async function replayedEntity(tx: Executor, actorId: number, action: string, token: string): Promise<number | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${action}:${token}`}))`);
  const [hit] = await tx
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actorId), eq(auditLog.action, action), sql`${auditLog.data}->>'idempotencyKey' = ${token}`))
    .limit(1);
  return hit?.entityId ?? null;
}

/** The campaign must exist and be collecting; it is locked (shared) so its stage cannot move under us. */
export async function assertCampaignCollecting(tx: Executor, campaignId: number) {
  const [campaign] = await tx
    .select({ id: campaigns.id, stage: campaigns.stage })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .for("share");
  if (!campaign || campaign.stage !== "collecting") {
    throw new DemandInputError({ campaignId: ["demands:errors.campaignNotOpen"] });
  }
}

/** The subdistrict and every tag must exist, tags of the right kind. */
export async function assertReferences(
  tx: Executor,
  value: { subdistrictId: number; targetGroupIds: number[]; scenarioTagIds: number[] },
) {
  const errors: Record<string, string[]> = {};
  const [place] = await tx.select({ id: subdistricts.id }).from(subdistricts).where(eq(subdistricts.id, value.subdistrictId));
  if (!place) errors.subdistrictId = ["demands:errors.subdistrictUnknown"];
  const ids = [...new Set([...value.targetGroupIds, ...value.scenarioTagIds])];
  if (ids.length) {
    const found = await tx.select({ id: tags.id, kind: tags.kind }).from(tags).where(inArray(tags.id, ids));
    const kindOf = new Map(found.map((f) => [f.id, f.kind]));
    if (value.targetGroupIds.some((id) => kindOf.get(id) !== "target_group")) errors.targetGroupIds = ["demands:errors.targetGroupUnknown"];
    if (value.scenarioTagIds.some((id) => kindOf.get(id) !== "scenario")) errors.scenarioTagIds = ["demands:errors.scenarioUnknown"];
  }
  if (Object.keys(errors).length) throw new DemandInputError(errors);
}

export async function replaceTags(tx: Executor, demandId: number, tagIds: number[]) {
  await tx.delete(demandTags).where(eq(demandTags.demandId, demandId));
  const unique = [...new Set(tagIds)];
  if (unique.length) await tx.insert(demandTags).values(unique.map((tagId) => ({ demandId, tagId })));
}

/** The organisation a member raises a non-resident demand for: their first one, by id. */
async function actorOrganization(tx: Executor, userId: number): Promise<number | null> {
  const [row] = await tx
    .select({ id: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.organizationId))
    .limit(1);
  return row?.id ?? null;
}

type LockedDemand = {
  id: number;
  authorId: number | null;
  status: ItemStatus;
  version: number;
  title: string;
  description: string;
  updatedAt: Date;
  stage: CampaignStage;
};

/**
 * The demand the actor is about to change, locked for the transaction. Not
 * visible → not found (existence never leaks); visible but not theirs → forbidden.
 */
async function lockOwnDemand(tx: Executor, actor: Actor, demandId: number): Promise<LockedDemand> {
  const [row] = await tx
    .select({
      id: demands.id,
      authorId: demands.authorId,
      status: demands.status,
      version: demands.version,
      title: demands.title,
      description: demands.description,
      updatedAt: demands.updatedAt,
      stage: campaigns.stage,
    })
    .from(demands)
    .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
    .where(and(eq(demands.id, demandId), demandVisibleTo(asViewer(actor))))
    .for("update", { of: demands });
  if (!row) throw new DemandNotFoundError(demandId);
  if (row.authorId !== actor.id) throw new ForbiddenError("create:demand:own");
  return row;
}

/** The author's move must be open (lifecycle.ts) for the demand's status and campaign stage. */
function assertMoveOpen(move: MoveName, current: LockedDemand) {
  const refusal = refusalFor(move, current.status, current.stage);
  if (!refusal) return;
  throw new DemandTransitionError(refusal.code === "wrong_stage" ? "campaignClosed" : "wrongStatus", current.status);
}

/** Apply a life-cycle move (status, version, audit row, outbox row) and return the demand as it is now. */
async function applyMove(tx: Executor, actor: Actor, demandId: number, move: MoveName, reason?: string | null): Promise<DemandWriteResult> {
  await transitionItems(tx, { actorId: actor.id, itemType: "demand", ids: [demandId], move, reason: reason || null });
  const [row] = await tx.select({ id: demands.id, status: demands.status, version: demands.version }).from(demands).where(eq(demands.id, demandId));
  return { ...row, duplicate: false };
}

function assertVersion(current: LockedDemand, version: number | undefined) {
  if (version !== undefined && version !== current.version) {
    throw new StaleDemandError({
      version: current.version,
      title: current.title,
      description: current.description,
      updatedAt: current.updatedAt,
    });
  }
}

// ─── Transitions ────────────────────────────────────────────────────────────

export type DemandWriteResult = { id: number; status: ItemStatus; version: number; duplicate: boolean };

/**
 * A new demand by the actor, as a draft or straight away submitted. A post
 * replayed with the same `idempotencyKey` returns the first demand instead of
 * making a second.
 */
export async function createDemand(
  db: Database,
  actor: Actor,
  input: DemandCreateInput,
  options: { submit?: boolean; idempotencyKey?: string | null } = {},
): Promise<DemandWriteResult> {
  assertCan(actor, "create:demand:own");
  const value = parseOrThrow(demandCreateSchema, input);
  const key = options.idempotencyKey ?? null;
  return db.transaction(async (tx) => {
    if (key) {
      const earlier = await replayedEntity(tx, actor.id, "demand.create", key);
      if (earlier) {
        const [row] = await tx.select({ id: demands.id, status: demands.status, version: demands.version }).from(demands).where(eq(demands.id, earlier));
        if (row) return { ...row, duplicate: true };
      }
    }
    await assertCampaignCollecting(tx, value.campaignId);
    await assertReferences(tx, value);
    const status: ItemStatus = options.submit ? "submitted" : "draft";
    const organizationId = value.raisedBy === "resident" ? null : await actorOrganization(tx, actor.id);
    const [row] = await tx
      .insert(demands)
      .values({
        campaignId: value.campaignId,
        title: value.title,
        description: value.description,
        lang: detectLang(value.title, value.description),
        domain: value.domain,
        subdistrictId: value.subdistrictId,
        raisedBy: value.raisedBy,
        contactPreference: value.contactPreference,
        contactValue: value.contactValue,
        authorId: actor.id,
        organizationId,
        status,
        submittedAt: options.submit ? new Date() : null,
      })
      .returning({ id: demands.id, status: demands.status, version: demands.version });
    await replaceTags(tx, row.id, [...value.targetGroupIds, ...value.scenarioTagIds]);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "demand.create",
      entityType: "demand",
      entityId: row.id,
      toStatus: status,
      data: key ? { idempotencyKey: key } : null,
    });
    await enqueueSearchUpdate(tx, "demand", row.id);
    return { ...row, duplicate: false };
  });
}

/**
 * The author edits a draft or submitted demand while its campaign collects.
 * `version` is the one the author loaded; a newer one means someone saved in
 * between, and the edit is refused (StaleDemandError) with nothing changed.
 * `submit` also submits a draft, in the same transaction.
 */
export async function updateDemand(
  db: Database,
  actor: Actor,
  demandId: number,
  input: DemandUpdateInput & { version: number },
  options: { submit?: boolean } = {},
): Promise<DemandWriteResult> {
  assertCan(actor, "create:demand:own");
  const value = parseOrThrow(demandUpdateSchema, input);
  return db.transaction(async (tx) => {
    const current = await lockOwnDemand(tx, actor, demandId);
    if (!AUTHOR_STAGES.includes(current.stage)) throw new DemandTransitionError("campaignClosed", current.status);
    if (!EDITABLE.includes(current.status)) throw new DemandTransitionError("wrongStatus", current.status);
    assertVersion(current, input.version);
    await assertReferences(tx, value);
    const organizationId = value.raisedBy === "resident" ? null : await actorOrganization(tx, actor.id);
    const [row] = await tx
      .update(demands)
      .set({
        title: value.title,
        description: value.description,
        lang: detectLang(value.title, value.description),
        domain: value.domain,
        subdistrictId: value.subdistrictId,
        raisedBy: value.raisedBy,
        contactPreference: value.contactPreference,
        contactValue: value.contactValue,
        organizationId,
        version: sql`${demands.version} + 1`,
      })
      .where(eq(demands.id, demandId))
      .returning({ id: demands.id, status: demands.status, version: demands.version });
    await replaceTags(tx, demandId, [...value.targetGroupIds, ...value.scenarioTagIds]);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "demand.update",
      entityType: "demand",
      entityId: demandId,
      fromStatus: current.status,
      toStatus: current.status,
      data: { version: row.version },
    });
    await enqueueSearchUpdate(tx, "demand", demandId);
    if (options.submit && current.status === "draft") return applyMove(tx, actor, demandId, "submit");
    return { ...row, duplicate: false };
  });
}

/** The author submits a draft. Submitting a submitted demand again changes nothing. */
export async function submitDemand(
  db: Database,
  actor: Actor,
  demandId: number,
  options: { version?: number } = {},
): Promise<DemandWriteResult> {
  assertCan(actor, "create:demand:own");
  return db.transaction(async (tx) => {
    const current = await lockOwnDemand(tx, actor, demandId);
    if (current.status === "submitted") return { id: demandId, status: current.status, version: current.version, duplicate: true };
    assertMoveOpen("submit", current);
    assertVersion(current, options.version);
    return applyMove(tx, actor, demandId, "submit");
  });
}

/**
 * The author withdraws a draft or submitted demand, with an optional reason,
 * until screening starts. Withdrawing a withdrawn demand again changes nothing.
 */
export async function withdrawDemand(
  db: Database,
  actor: Actor,
  demandId: number,
  input: { reason?: string | null; version?: number } = {},
): Promise<DemandWriteResult> {
  assertCan(actor, "create:demand:own");
  const { reason } = parseOrThrow(withdrawSchema, { reason: input.reason ?? undefined });
  return db.transaction(async (tx) => {
    const current = await lockOwnDemand(tx, actor, demandId);
    if (current.status === "withdrawn") return { id: demandId, status: current.status, version: current.version, duplicate: true };
    assertMoveOpen("withdraw", current);
    assertVersion(current, input.version);
    return applyMove(tx, actor, demandId, "withdraw", reason);
  });
}

// ─── Reading: options for forms and filters ─────────────────────────────────

export type NamedOption = { id: number; slug: string; nameZh: string; nameEn: string };

/** Campaigns that take demands now (stage `collecting`), newest first. */
export async function openCampaigns(db: Database) {
  return db
    .select({ id: campaigns.id, slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn, closesAt: campaigns.closesAt })
    .from(campaigns)
    .where(eq(campaigns.stage, "collecting"))
    .orderBy(desc(campaigns.opensAt), desc(campaigns.id));
}

/** Subdistricts and the tags a demand form offers. */
export async function demandFormOptions(db: Database) {
  const [places, tagRows] = await Promise.all([
    db
      .select({ id: subdistricts.id, slug: subdistricts.slug, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn })
      .from(subdistricts)
      .orderBy(asc(subdistricts.sortOrder), asc(subdistricts.id)),
    db
      .select({ id: tags.id, kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
      .from(tags)
      .where(inArray(tags.kind, ["target_group", "scenario"]))
      .orderBy(asc(tags.id)),
  ]);
  const strip = ({ id, slug, nameZh, nameEn }: NamedOption) => ({ id, slug, nameZh, nameEn });
  return {
    subdistricts: places,
    targetGroups: tagRows.filter((t) => t.kind === "target_group").map(strip),
    scenarios: tagRows.filter((t) => t.kind === "scenario").map(strip),
  };
}

// ─── Reading: the public list ───────────────────────────────────────────────

const listColumns = {
  id: demands.id,
  title: demands.title,
  /** The language the title is written in (the page may be in the other one). */
  lang: demands.lang,
  domain: demands.domain,
  status: demands.status,
  raisedBy: demands.raisedBy,
  supportCount: demands.supportCount,
  submittedAt: demands.submittedAt,
  createdAt: demands.createdAt,
  subdistrictSlug: subdistricts.slug,
  subdistrictZh: subdistricts.nameZh,
  subdistrictEn: subdistricts.nameEn,
};

/** Target-group tags of many demands in one query. */
async function targetGroupsOf(db: Database, ids: number[]) {
  const byDemand = new Map<number, { slug: string; nameZh: string; nameEn: string }[]>();
  if (!ids.length) return byDemand;
  const rows = await db
    .select({ demandId: demandTags.demandId, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
    .from(demandTags)
    .innerJoin(tags, eq(tags.id, demandTags.tagId))
    .where(and(inArray(demandTags.demandId, ids), eq(tags.kind, "target_group")))
    .orderBy(asc(tags.id));
  for (const { demandId, ...tag } of rows) {
    let list = byDemand.get(demandId);
    if (!list) byDemand.set(demandId, (list = []));
    list.push(tag);
  }
  return byDemand;
}

/** One page of the demands the viewer may see, filtered and sorted as the URL says, with the total. */
export async function listDemands(db: Database, viewer: Viewer, query: DemandListQuery, pageSize = PAGE_SIZE) {
  const conditions: SQL[] = [demandVisibleTo(viewer)];
  if (query.domain) conditions.push(eq(demands.domain, query.domain));
  if (query.subdistrict) conditions.push(eq(subdistricts.slug, query.subdistrict));
  if (query.status && (ITEM_STATUSES as readonly string[]).includes(query.status)) {
    conditions.push(eq(demands.status, query.status as ItemStatus));
  }
  if (query.group) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(demandTags)
          .innerJoin(tags, eq(tags.id, demandTags.tagId))
          .where(and(eq(demandTags.demandId, demands.id), eq(tags.kind, "target_group"), eq(tags.slug, query.group))),
      ),
    );
  }
  const where = and(...conditions);
  const newest = [desc(sql`coalesce(${demands.submittedAt}, ${demands.createdAt})`), desc(demands.id)];
  const order = query.sort === "supported" ? [desc(demands.supportCount), ...newest] : newest;
  const [[{ total }], rows] = await Promise.all([
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(demands)
      .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
      .where(where),
    db
      .select(listColumns)
      .from(demands)
      .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((query.page - 1) * pageSize),
  ]);
  const groups = await targetGroupsOf(db, rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({
      ...r,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      targetGroups: groups.get(r.id) ?? [],
    })),
    total: Number(total),
    page: query.page,
    pageCount: Math.max(1, Math.ceil(Number(total) / pageSize)),
  };
}

// ─── Reading: one demand ────────────────────────────────────────────────────

export type IntakeView = {
  residentShortName: string;
  /** Full name and phone: only for officials and the worker who recorded it. */
  residentName: string | null;
  residentPhone: string | null;
  channel: string;
  consentMethod: string;
  consentAt: string;
  recordedByName: string | null;
};

export type DemandDetail = Awaited<ReturnType<typeof getDemandDetail>>;

/**
 * Everything the detail page shows, as the viewer may see it, or null when
 * the demand does not exist or is not visible to them.
 */
export async function getDemandDetail(db: Database, viewer: Viewer, demandId: number) {
  const [row] = await db
    .select({
      demand: demands,
      campaign: { id: campaigns.id, slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn, stage: campaigns.stage },
      subdistrict: { id: subdistricts.id, slug: subdistricts.slug, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn },
      organization: { nameZh: organizations.nameZh, nameEn: organizations.nameEn },
    })
    .from(demands)
    .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .leftJoin(organizations, eq(organizations.id, demands.organizationId))
    .where(and(eq(demands.id, demandId), demandVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const d = row.demand;
  const isAuthor = !!viewer && d.authorId === viewer.id;
  const isOfficial = !!viewer && viewer.roles.includes("official");

  const [tagRows, intakeRows, supportRows, timelines] = await Promise.all([
    db
      .select({ id: tags.id, kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
      .from(demandTags)
      .innerJoin(tags, eq(tags.id, demandTags.tagId))
      .where(eq(demandTags.demandId, d.id))
      .orderBy(asc(tags.id)),
    db
      .select({ intake: assistedIntakes, recordedByName: users.displayName })
      .from(assistedIntakes)
      .leftJoin(users, eq(users.id, assistedIntakes.recordedById))
      .where(eq(assistedIntakes.demandId, d.id)),
    viewer
      ? db.select({ one: sql`1` }).from(supports).where(and(eq(supports.demandId, d.id), eq(supports.userId, viewer.id)))
      : Promise.resolve([]),
    isAuthor || isOfficial ? timelinesFor(db, "demand", [d.id]) : Promise.resolve(null),
  ]);

  let intake: IntakeView | null = null;
  const found = intakeRows[0];
  if (found) {
    const mayContact = isOfficial || (!!viewer && found.intake.recordedById === viewer.id);
    intake = {
      residentShortName: abbreviateResidentName(found.intake.residentName),
      residentName: mayContact ? found.intake.residentName : null,
      residentPhone: mayContact ? found.intake.residentPhone : null,
      channel: found.intake.channel,
      consentMethod: found.intake.consentMethod,
      consentAt: found.intake.consentAt.toISOString(),
      recordedByName: found.recordedByName,
    };
  }

  const collecting = AUTHOR_STAGES.includes(row.campaign.stage);
  const supported = supportRows.length > 0;
  const canSupport = can(viewer, "support:demand:own") && !isAuthor && SUPPORTABLE.includes(d.status);
  const timeline: TimelineEntry[] | null = timelines ? (timelines.get(d.id) ?? []) : null;

  return {
    demand: {
      id: d.id,
      title: d.title,
      description: d.description,
      lang: d.lang,
      domain: d.domain,
      status: d.status,
      raisedBy: d.raisedBy,
      supportCount: d.supportCount,
      version: d.version,
      submittedAt: d.submittedAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    },
    /** Preferred contact: only for the author and officials. */
    contact: isAuthor || isOfficial ? { preference: d.contactPreference, value: d.contactValue } : null,
    campaign: row.campaign,
    subdistrict: row.subdistrict,
    organization: row.organization?.nameZh ? row.organization : null,
    targetGroups: tagRows.filter((t) => t.kind === "target_group"),
    scenarios: tagRows.filter((t) => t.kind === "scenario"),
    intake,
    timeline,
    viewer: {
      isAuthor,
      supported,
      canSupport: canSupport || (supported && !!viewer),
      canEdit: isAuthor && collecting && EDITABLE.includes(d.status),
      canSubmit: isAuthor && collecting && d.status === "draft",
      canWithdraw: isAuthor && collecting && EDITABLE.includes(d.status),
    },
  };
}

/**
 * The demand as its author's edit form needs it. Throws DemandNotFoundError
 * (not visible), ForbiddenError (someone else's) or DemandTransitionError
 * (no longer editable).
 */
export async function getDemandForEdit(db: Database, actor: Actor, demandId: number) {
  assertCan(actor, "create:demand:own");
  const [row] = await db
    .select({ demand: demands, stage: campaigns.stage, campaignTitleZh: campaigns.titleZh, campaignTitleEn: campaigns.titleEn })
    .from(demands)
    .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
    .where(and(eq(demands.id, demandId), demandVisibleTo(asViewer(actor))))
    .limit(1);
  if (!row) throw new DemandNotFoundError(demandId);
  const d = row.demand;
  if (d.authorId !== actor.id) throw new ForbiddenError("create:demand:own");
  if (!AUTHOR_STAGES.includes(row.stage)) throw new DemandTransitionError("campaignClosed", d.status);
  if (!EDITABLE.includes(d.status)) throw new DemandTransitionError("wrongStatus", d.status);
  const tagRows = await db
    .select({ id: tags.id, kind: tags.kind })
    .from(demandTags)
    .innerJoin(tags, eq(tags.id, demandTags.tagId))
    .where(eq(demandTags.demandId, d.id));
  return {
    id: d.id,
    status: d.status,
    version: d.version,
    campaign: { titleZh: row.campaignTitleZh, titleEn: row.campaignTitleEn },
    values: {
      title: d.title,
      description: d.description,
      domain: d.domain,
      subdistrictId: d.subdistrictId,
      raisedBy: d.raisedBy,
      contactPreference: d.contactPreference,
      contactValue: d.contactValue,
      targetGroupIds: tagRows.filter((t) => t.kind === "target_group").map((t) => t.id),
      scenarioTagIds: tagRows.filter((t) => t.kind === "scenario").map((t) => t.id),
    },
  };
}

/**
 * The demand a form post with this idempotency token already created, if
 * any (a replayed post should go straight to it).
 */
export async function demandCreatedWithToken(db: Database, actorId: number, token: string | null | undefined): Promise<number | null> {
  if (!token) return null;
  const [hit] = await db
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, actorId),
        inArray(auditLog.action, ["demand.create", "demand.intake"]),
        sql`${auditLog.data}->>'idempotencyKey' = ${token}`,
      ),
    )
    .limit(1);
  return hit?.entityId ?? null;
}
