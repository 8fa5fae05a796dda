/**
 * The audit browser for officials and administrators: every row of the
 * audit log (transitions, assignments, overrides, publications, role
 * changes …), filtered by action, entity, actor and date range, newest first,
 * one page at a time. One query per page (actor and campaign joined in).
 */
import { aliasedTable, and, count, desc, eq, gte, ilike, like, lt, or, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import { auditLog, campaigns, users } from "../../db/schema";
import { can } from "~/auth/permissions";
import { likePattern } from "~/utils/like-pattern.server";
import { ForbiddenError, type Actor } from "~/auth/authorize.server";

export const AUDIT_PAGE_SIZE = 50;

/** Officials (running campaigns) and administrators (roles and accounts) read the log. */
export function canReadAudit(user: { roles: Actor["roles"] } | null | undefined): boolean {
  return can(user, "manage:campaign:any") || can(user, "manage:roles:any");
}

export type AuditQuery = {
  action?: string;
  entityType?: string;
  entityId?: number;
  actor?: string;
  from?: string;
  to?: string;
  page: number;
};

export type AuditFilterErrors = Partial<Record<"action" | "entityType" | "entityId" | "actor" | "from" | "to", string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const shanghaiDay = (d: string) => new Date(`${d}T00:00:00+08:00`);
const validDay = (d: string) => DATE.test(d) && !Number.isNaN(shanghaiDay(d).getTime()) && new Date(shanghaiDay(d).getTime() + 8 * 3600_000).toISOString().startsWith(d);

/**
 * The filters from the query string. A malformed value is dropped from the
 * query and reported (a translation key) so the page can say so beside the field.
 */
export function parseAuditQuery(params: URLSearchParams): { query: AuditQuery; values: Record<string, string>; errors: AuditFilterErrors } {
  const values: Record<string, string> = {};
  for (const name of ["action", "entityType", "entityId", "actor", "from", "to"]) values[name] = (params.get(name) ?? "").trim();
  const errors: AuditFilterErrors = {};
  const query: AuditQuery = { page: 1 };
  const text = (name: "action" | "entityType" | "actor", max: number) => {
    const v = values[name];
    if (!v) return undefined;
    if (v.length > max) {
      errors[name] = "audit:errors.tooLong";
      return undefined;
    }
    return v;
  };
  query.action = text("action", 100);
  query.entityType = text("entityType", 50);
  query.actor = text("actor", 200);
  if (values.entityId) {
    if (/^\d{1,9}$/.test(values.entityId)) query.entityId = Number(values.entityId);
    else errors.entityId = "audit:errors.entityId";
  }
  for (const name of ["from", "to"] as const) {
    if (!values[name]) continue;
    if (validDay(values[name])) query[name] = values[name];
    else errors[name] = "audit:errors.date";
  }
  if (query.from && query.to && query.to < query.from) {
    errors.to = "audit:errors.toBeforeFrom";
    query.to = undefined;
  }
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  query.page = Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1;
  return { query, values, errors };
}

const actors = aliasedTable(users, "actor");

function whereOf(q: AuditQuery): SQL | undefined {
  return and(
    q.action ? or(eq(auditLog.action, q.action), like(auditLog.action, `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`)) : undefined,
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId !== undefined ? eq(auditLog.entityId, q.entityId) : undefined,
    q.actor ? or(ilike(actors.email, likePattern(q.actor)), ilike(actors.displayName, likePattern(q.actor))) : undefined,
    q.from ? gte(auditLog.createdAt, shanghaiDay(q.from)) : undefined,
    q.to ? lt(auditLog.createdAt, new Date(shanghaiDay(q.to).getTime() + 24 * 3600_000)) : undefined,
  );
}

export type AuditRow = {
  id: number;
  createdAt: Date;
  actorId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: number | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  /** Set for campaign rows: the campaign's slug, for its link. */
  campaignSlug: string | null;
};

export async function searchAuditLog(db: Database, actor: Actor, q: AuditQuery) {
  if (!canReadAudit(actor)) throw new ForbiddenError("manage:campaign:any");
  const where = whereOf(q);
  const [{ total }] = await db
    .select({ total: count() })
    .from(auditLog)
    .leftJoin(actors, eq(actors.id, auditLog.actorId))
    .where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / AUDIT_PAGE_SIZE));
  const page = Math.min(q.page, pageCount);
  const rows: AuditRow[] = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: actors.displayName,
      actorEmail: actors.email,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      fromStatus: auditLog.fromStatus,
      toStatus: auditLog.toStatus,
      reason: auditLog.reason,
      data: auditLog.data,
      campaignSlug: campaigns.slug,
    })
    .from(auditLog)
    .leftJoin(actors, eq(actors.id, auditLog.actorId))
    .leftJoin(campaigns, and(eq(auditLog.entityType, "campaign"), eq(campaigns.id, auditLog.entityId)))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.map((r) => ({ ...r, id: Number(r.id) })), total: Number(total), page, pageCount };
}

/** The actions and entity types present in the log, for the filter pickers. */
export async function auditVocabulary(db: Database) {
  const [actions, entityTypes] = await Promise.all([
    db.select({ v: auditLog.action }).from(auditLog).groupBy(auditLog.action).orderBy(auditLog.action).limit(300),
    db.select({ v: auditLog.entityType }).from(auditLog).groupBy(auditLog.entityType).orderBy(auditLog.entityType).limit(100),
  ]);
  return { actions: actions.map((a) => a.v), entityTypes: entityTypes.map((e) => e.v) };
}

export { entityHref } from "./links";
