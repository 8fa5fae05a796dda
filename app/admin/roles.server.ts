/**
 * Administration of accounts: the searchable user list, granting and removing
 * roles, disabling and enabling accounts. Each change checks the actor's
 * permission itself and writes its audit row in the same transaction.
 */
import { and, count, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { z } from "zod";

import type { Database } from "../../db/client";
import { ROLES, type Role } from "../../db/enums";
import { sessions, userRoles, users } from "../../db/schema";
import { writeAudit } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";
import { likePattern } from "~/utils/like-pattern.server";

export const USERS_PAGE_SIZE = 25;

export const roleChangeSchema = z.object({
  intent: z.enum(["grant", "remove"], { error: "admin:errors.intentInvalid" }),
  userId: z.coerce.number({ error: "admin:errors.userNotFound" }).int().positive(),
  role: z.enum(ROLES, { error: "admin:errors.roleRequired" }),
});

export const accountStatusSchema = z.object({
  intent: z.enum(["disable", "enable"], { error: "admin:errors.intentInvalid" }),
  userId: z.coerce.number({ error: "admin:errors.userNotFound" }).int().positive(),
});

/** `q` and `page` from the list's query string; anything malformed falls back to the defaults. */
export function parseUserListQuery(params: URLSearchParams) {
  const q = (params.get("q") ?? "").trim().slice(0, 100);
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return { q, page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1 };
}

export type UserListRow = {
  id: number;
  email: string;
  displayName: string;
  disabled: boolean;
  createdAt: Date;
  roles: Role[];
};

/** One page of users (newest first), optionally matching `q` in e-mail or name, with their roles. */
export async function listUsers(
  db: Database,
  actor: Actor,
  options: { q?: string; page?: number; pageSize?: number } = {},
): Promise<{ rows: UserListRow[]; total: number; page: number; pageCount: number }> {
  assertCan(actor, "manage:roles:any");
  const pageSize = options.pageSize ?? USERS_PAGE_SIZE;
  const q = options.q?.trim();
  const where: SQL | undefined = q ? or(ilike(users.email, likePattern(q)), ilike(users.displayName, likePattern(q))) : undefined;

  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const found = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, disabledAt: users.disabledAt, createdAt: users.createdAt })
    .from(users)
    .where(where)
    .orderBy(desc(users.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // One query for the roles of the whole page (no N+1).
  const roleRows = found.length
    ? await db
        .select({ userId: userRoles.userId, role: userRoles.role })
        .from(userRoles)
        .where(inArray(userRoles.userId, found.map((u) => u.id)))
    : [];
  const rolesOf = new Map<number, Role[]>();
  for (const r of roleRows) rolesOf.set(r.userId, [...(rolesOf.get(r.userId) ?? []), r.role]);
  const order = (role: Role) => ROLES.indexOf(role);
  return {
    rows: found.map((u) => ({
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      disabled: !!u.disabledAt,
      createdAt: u.createdAt,
      roles: (rolesOf.get(u.id) ?? []).sort((a, b) => order(a) - order(b)),
    })),
    total: Number(total),
    page,
    pageCount,
  };
}

export type AdminResult =
  | { ok: true; changed: boolean }
  | { ok: false; error: "user_not_found" | "own_admin" | "own_account" };

async function userExists(db: Pick<Database, "select">, userId: number) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
  return !!row;
}

/** Give `role` to a user. Already held: nothing changes and nothing is logged. */
export async function grantRole(db: Database, actor: Actor, input: { userId: number; role: Role }): Promise<AdminResult> {
  assertCan(actor, "manage:roles:any");
  return db.transaction(async (tx) => {
    if (!(await userExists(tx, input.userId))) return { ok: false, error: "user_not_found" } as const;
    const inserted = await tx
      .insert(userRoles)
      .values({ userId: input.userId, role: input.role, grantedById: actor.id })
      .onConflictDoNothing()
      .returning({ role: userRoles.role });
    if (!inserted.length) return { ok: true, changed: false } as const;
    await writeAudit(tx, {
      actorId: actor.id,
      action: "role.grant",
      entityType: "user",
      entityId: input.userId,
      data: { role: input.role },
    });
    return { ok: true, changed: true } as const;
  });
}

/** Take `role` from a user. Nobody removes their own `admin` role (so the last admin cannot lock everyone out). */
export async function removeRole(db: Database, actor: Actor, input: { userId: number; role: Role }): Promise<AdminResult> {
  assertCan(actor, "manage:roles:any");
  if (input.userId === actor.id && input.role === "admin") return { ok: false, error: "own_admin" };
  return db.transaction(async (tx) => {
    if (!(await userExists(tx, input.userId))) return { ok: false, error: "user_not_found" } as const;
    const removed = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, input.userId), eq(userRoles.role, input.role)))
      .returning({ role: userRoles.role });
    if (!removed.length) return { ok: true, changed: false } as const;
    await writeAudit(tx, {
      actorId: actor.id,
      action: "role.remove",
      entityType: "user",
      entityId: input.userId,
      data: { role: input.role },
    });
    return { ok: true, changed: true } as const;
  });
}

/** Disable (and sign out everywhere) or re-enable an account. Nobody disables their own. */
export async function setUserDisabled(
  db: Database,
  actor: Actor,
  input: { userId: number; disabled: boolean },
): Promise<AdminResult> {
  assertCan(actor, "manage:users:any");
  if (input.userId === actor.id && input.disabled) return { ok: false, error: "own_account" };
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) return { ok: false, error: "user_not_found" } as const;
    if (!!user.disabledAt === input.disabled) return { ok: true, changed: false } as const;
    await tx
      .update(users)
      .set({ disabledAt: input.disabled ? new Date() : null })
      .where(eq(users.id, input.userId));
    let revokedSessions = 0;
    if (input.disabled) {
      revokedSessions = (await tx.delete(sessions).where(eq(sessions.userId, input.userId)).returning({ id: sessions.id })).length;
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: input.disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: input.userId,
      fromStatus: input.disabled ? "active" : "disabled",
      toStatus: input.disabled ? "disabled" : "active",
      data: input.disabled ? { revokedSessions } : null,
    });
    return { ok: true, changed: true } as const;
  });
}
