/**
 * Screening: officials go through the submitted demands and applications of
 * a campaign in stage `screening` and pass them on to review or reject them
 * with a reason. One call moves any number of items (a bulk selection) in one
 * transaction through `transitionItems` (audit + search outbox) and tells each
 * submitter what happened (`notify`: inbox and e-mail).
 */
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import type { Database } from "../../db/client";
import { DOMAINS, ITEM_TYPES, type Domain, type ItemType } from "../../db/enums";
import { applications, campaigns, demands, memberships, organizations, screeningReasons, subdistricts, users } from "../../db/schema";
import type { Executor } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";
import { notify } from "~/notifications/notify.server";
import { MOVES } from "~/workflow/lifecycle";
import { stageRefusal, type Refusal } from "~/workflow/refusal";
import { itemTable, TransitionError, transitionItems } from "~/workflow/transition.server";

export const QUEUE_PAGE_SIZE = 50;
/** Ids are PostgreSQL integers: anything larger is refused as bad input, not sent to the database. */
export const MAX_ID = 2_147_483_647;
const dbId = z.number().int().positive().max(MAX_ID);
export const REJECT_NOTE_MAX = 500;

/** The queue's query string; anything malformed falls back to "no filter". */
export function parseQueueQuery(params: URLSearchParams) {
  const type = params.get("type");
  const domain = params.get("domain");
  const num = (name: string) => {
    const n = Number.parseInt(params.get(name) ?? "", 10);
    return Number.isFinite(n) && n > 0 && n <= MAX_ID ? n : undefined;
  };
  return {
    itemType: (ITEM_TYPES as readonly string[]).includes(type ?? "") ? (type as ItemType) : ("application" as ItemType),
    domain: (DOMAINS as readonly string[]).includes(domain ?? "") ? (domain as Domain) : undefined,
    subdistrictId: num("subdistrict"),
    organizationId: num("vendor"),
    page: Math.min(num("page") ?? 1, 10_000),
  };
}

export type QueueQuery = ReturnType<typeof parseQueueQuery>;

export type QueueRow = {
  id: number;
  title: string;
  domain: Domain;
  submittedAt: Date | null;
  /** Subdistrict (demands) or vendor (applications), both languages. */
  placeZh: string;
  placeEn: string;
  authorName: string | null;
};

type Option = { id: number; nameZh: string; nameEn: string };

/**
 * One page of a campaign's submitted items of one type, oldest submission
 * first (first come, first screened), with the options of the filters and
 * how many wait in each tab.
 */
export async function listScreeningQueue(db: Database, actor: Actor, campaignId: number, query: QueueQuery) {
  assertCan(actor, "manage:campaign:any");
  const { itemType } = query;
  const [waiting, places] = await Promise.all([waitingCounts(db, campaignId), filterOptions(db, campaignId, itemType)]);

  let where: SQL;
  let rows: QueueRow[];
  let total: number;
  const offset = (p: number) => (p - 1) * QUEUE_PAGE_SIZE;
  if (itemType === "demand") {
    where = and(
      eq(demands.campaignId, campaignId),
      eq(demands.status, "submitted"),
      query.domain ? eq(demands.domain, query.domain) : undefined,
      query.subdistrictId ? eq(demands.subdistrictId, query.subdistrictId) : undefined,
    )!;
    [{ total }] = await db.select({ total: count() }).from(demands).where(where);
    const page = clampPage(query.page, total);
    rows = await db
      .select({
        id: demands.id,
        title: demands.title,
        domain: demands.domain,
        submittedAt: demands.submittedAt,
        placeZh: subdistricts.nameZh,
        placeEn: subdistricts.nameEn,
        authorName: users.displayName,
      })
      .from(demands)
      .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
      .leftJoin(users, eq(users.id, demands.authorId))
      .where(where)
      .orderBy(asc(demands.submittedAt), asc(demands.id))
      .limit(QUEUE_PAGE_SIZE)
      .offset(offset(page));
    return { rows, total: Number(total), page, pageCount: pageCount(total), waiting, places };
  }
  where = and(
    eq(applications.campaignId, campaignId),
    eq(applications.status, "submitted"),
    query.domain ? eq(applications.domain, query.domain) : undefined,
    query.organizationId ? eq(applications.organizationId, query.organizationId) : undefined,
  )!;
  [{ total }] = await db.select({ total: count() }).from(applications).where(where);
  const page = clampPage(query.page, total);
  rows = await db
    .select({
      id: applications.id,
      title: applications.title,
      domain: applications.domain,
      submittedAt: applications.submittedAt,
      placeZh: organizations.nameZh,
      placeEn: organizations.nameEn,
      authorName: users.displayName,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(users, eq(users.id, applications.authorId))
    .where(where)
    .orderBy(asc(applications.submittedAt), asc(applications.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset(offset(page));
  return { rows, total: Number(total), page, pageCount: pageCount(total), waiting, places };
}

const pageCount = (total: number) => Math.max(1, Math.ceil(Number(total) / QUEUE_PAGE_SIZE));
const clampPage = (page: number, total: number) => Math.min(Math.max(1, page), pageCount(total));

async function waitingCounts(db: Database, campaignId: number): Promise<Record<ItemType, number>> {
  const [[d], [a]] = await Promise.all([
    db.select({ n: count() }).from(demands).where(and(eq(demands.campaignId, campaignId), eq(demands.status, "submitted"))),
    db.select({ n: count() }).from(applications).where(and(eq(applications.campaignId, campaignId), eq(applications.status, "submitted"))),
  ]);
  return { demand: Number(d.n), application: Number(a.n) };
}

/** Subdistricts (for demands) or the vendors with items waiting (for applications). */
async function filterOptions(db: Database, campaignId: number, itemType: ItemType): Promise<Option[]> {
  if (itemType === "demand") {
    return db
      .select({ id: subdistricts.id, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn })
      .from(subdistricts)
      .orderBy(asc(subdistricts.sortOrder), asc(subdistricts.id));
  }
  return db
    .selectDistinct({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn })
    .from(organizations)
    .innerJoin(applications, eq(applications.organizationId, organizations.id))
    .where(and(eq(applications.campaignId, campaignId), eq(applications.status, "submitted")))
    .orderBy(asc(organizations.nameZh), asc(organizations.id));
}

// ─── Decisions ───────────────────────────────────────────────────────────────

/**
 * The screening form: which button (`pass`, `reject`, or one row's
 * `pass:<id>` / `reject:<id>`), the ticked items, and for a rejection a
 * template reason and/or a note.
 */
export const screeningDecisionSchema = z.object({
  intent: z
    .string({ error: "screening:errors.intentInvalid" })
    .regex(/^(pass|reject)(:[1-9]\d{0,9})?$/, { error: "screening:errors.intentInvalid" })
    .refine((v) => Number(v.split(":")[1] ?? 0) <= MAX_ID, { error: "screening:errors.intentInvalid" }),
  itemType: z.enum(ITEM_TYPES, { error: "screening:errors.intentInvalid" }),
  ids: z.array(dbId, { error: "screening:errors.intentInvalid" }).max(1000, { error: "screening:errors.intentInvalid" }).default([]),
  reasonId: z
    .number({ error: "screening:errors.reasonNotFound" })
    .int({ error: "screening:errors.reasonNotFound" })
    .positive({ error: "screening:errors.reasonNotFound" })
    .max(MAX_ID, { error: "screening:errors.reasonNotFound" })
    .optional(),
  reasonText: z.string().trim().max(REJECT_NOTE_MAX, { error: "screening:errors.tooLong" }).optional(),
});

/** The decision a parsed form asks for: one row's button wins over the ticked boxes. */
export function decisionOf(value: z.output<typeof screeningDecisionSchema>) {
  const [decision, one] = value.intent.split(":");
  return {
    decision: decision as "pass" | "reject",
    ids: one ? [Number(one)] : [...new Set(value.ids)],
  };
}

export type ScreeningResult =
  | { ok: true; moved: number }
  | { ok: false; error: "nothing_selected" }
  | { ok: false; error: "reason_not_found" }
  | { ok: false; error: "refused"; refusal: Refusal; itemId?: number };

type DecisionInput = { campaignId: number; itemType: ItemType; ids: number[] };

/** Pass `ids` on to review. */
export function passItems(db: Database, actor: Actor, input: DecisionInput): Promise<ScreeningResult> {
  return decide(db, actor, { ...input, move: "pass" });
}

/** Reject `ids` with a template reason (`reasonId`), a note (`reasonText`), or both. */
export function rejectItems(
  db: Database,
  actor: Actor,
  input: DecisionInput & { reasonId?: number | null; reasonText?: string | null },
): Promise<ScreeningResult> {
  return decide(db, actor, { ...input, move: "reject" });
}

type Reason = { audit: string; zh: string; en: string; reasonId: number | null };

async function resolveReason(db: Executor, reasonId?: number | null, note?: string | null): Promise<Reason | "not_found" | null> {
  const text = note?.trim() ?? "";
  let template: { textZh: string; textEn: string } | undefined;
  if (reasonId) {
    [template] = await db
      .select({ textZh: screeningReasons.textZh, textEn: screeningReasons.textEn })
      .from(screeningReasons)
      .where(and(eq(screeningReasons.id, reasonId), eq(screeningReasons.active, true)))
      .limit(1);
    if (!template) return "not_found";
  }
  if (!template && !text) return null;
  const join = (a: string | undefined, sep: string) => [a, text].filter(Boolean).join(sep);
  const zh = join(template?.textZh, "；");
  const en = join(template?.textEn, "; ");
  const templatePart = template ? (template.textZh === template.textEn ? template.textZh : `${template.textZh} / ${template.textEn}`) : "";
  return { audit: [templatePart, text].filter(Boolean).join(" — "), zh, en, reasonId: reasonId ?? null };
}

async function decide(
  db: Database,
  actor: Actor,
  input: DecisionInput & { move: "pass" | "reject"; reasonId?: number | null; reasonText?: string | null },
): Promise<ScreeningResult> {
  assertCan(actor, "manage:campaign:any");
  const ids = [...new Set(input.ids)];
  if (ids.length === 0) return { ok: false, error: "nothing_selected" };
  const [campaign] = await db
    .select({ id: campaigns.id, stage: campaigns.stage, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn })
    .from(campaigns)
    .where(eq(campaigns.id, input.campaignId))
    .limit(1);
  if (!campaign) return { ok: false, error: "refused", refusal: { code: "not_found" } };
  const outOfStage = stageRefusal(campaign.stage, MOVES[input.move].stages);
  if (outOfStage) return { ok: false, error: "refused", refusal: outOfStage };

  let reason: Reason | null = null;
  if (input.move === "reject") {
    const resolved = await resolveReason(db, input.reasonId, input.reasonText);
    if (resolved === "not_found") return { ok: false, error: "reason_not_found" };
    if (!resolved) return { ok: false, error: "refused", refusal: { code: "reason_required" } };
    reason = resolved;
  }

  try {
    const moved = await db.transaction(async (tx) => {
      const table = itemTable(input.itemType);
      const found = await tx
        .select({ id: table.id, title: table.title, authorId: table.authorId })
        .from(table)
        .where(and(inArray(table.id, ids), eq(table.campaignId, campaign.id)));
      const missing = ids.find((id) => !found.some((f) => f.id === id));
      if (missing !== undefined) throw new TransitionError(input.itemType, missing, { code: "not_found" });

      const result = await transitionItems(tx, {
        actorId: actor.id,
        itemType: input.itemType,
        ids,
        move: input.move,
        reason: reason?.audit ?? null,
        data: reason ? { reasonId: reason.reasonId, reasonZh: reason.zh, reasonEn: reason.en } : undefined,
      });
      const recipients = await submittersOf(tx, input.itemType, found);
      for (const item of found) {
        await notify(tx, {
          userIds: recipients.get(item.id) ?? [],
          kind: input.move === "pass" ? "itemPassedScreening" : "itemRejected",
          params: {
            title: item.title,
            itemTypeZh: input.itemType === "demand" ? "需求" : "应用",
            itemTypeEn: input.itemType,
            campaignZh: campaign.titleZh,
            campaignEn: campaign.titleEn,
            ...(reason ? { reasonZh: reason.zh, reasonEn: reason.en } : {}),
          },
          link: `/${input.itemType === "demand" ? "demands" : "applications"}/${item.id}`,
        });
      }
      return result.length;
    });
    return { ok: true, moved };
  } catch (error) {
    if (error instanceof TransitionError) {
      return { ok: false, error: "refused", refusal: error.refusal, itemId: error.itemId };
    }
    throw error;
  }
}

/** Who hears about an item: a demand's author; an application's firm (all members) and its author. */
async function submittersOf(
  tx: Executor,
  itemType: ItemType,
  items: { id: number; authorId: number | null }[],
): Promise<Map<number, number[]>> {
  const byItem = new Map<number, number[]>(items.map((i) => [i.id, i.authorId ? [i.authorId] : []]));
  if (itemType === "application" && items.length) {
    const rows = await tx
      .select({ id: applications.id, userId: memberships.userId })
      .from(applications)
      .innerJoin(memberships, eq(memberships.organizationId, applications.organizationId))
      .where(inArray(applications.id, items.map((i) => i.id)));
    for (const row of rows) byItem.get(row.id)?.push(row.userId);
  }
  for (const [id, userIds] of byItem) byItem.set(id, [...new Set(userIds)]);
  return byItem;
}

/** How far screening has come in a campaign: per type, waiting / passed / rejected. */
export async function screeningTally(db: Database, campaignId: number) {
  const tally = async (itemType: ItemType) => {
    const table = itemTable(itemType);
    const [row] = await db
      .select({
        waiting: sql<number>`count(*) filter (where ${table.status} = 'submitted')::int`,
        rejected: sql<number>`count(*) filter (where ${table.status} = 'rejected')::int`,
        passed: sql<number>`count(*) filter (where ${table.status} in ('in_review','scored','shortlisted','selected','not_shortlisted'))::int`,
      })
      .from(table)
      .where(eq(table.campaignId, campaignId));
    return { waiting: Number(row.waiting), passed: Number(row.passed), rejected: Number(row.rejected) };
  };
  const [demand, application] = await Promise.all([tally("demand"), tally("application")]);
  return { demand, application };
}
