/**
 * The signed-in user of a request, and the one place where loaders and
 * actions demand a sign-in or a permission. Looked up once per request.
 */
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";

import type { Role } from "../../db/enums";
import { memberships, organizations, userRoles, users } from "../../db/schema";
import { db } from "~/utils/db.server";

import { can, type Permission } from "./permissions";
import { readSessionToken, serializeSessionCookie, validateSessionToken } from "./session.server";

export type CurrentUser = {
  id: number;
  email: string;
  displayName: string;
  locale: string;
  roles: Role[];
  sessionId: string;
  organizations: { id: number; slug: string; nameZh: string; nameEn: string; verified: boolean; role: "owner" | "member" }[];
};

type Lookup = { user: CurrentUser | null; setCookie: string | null };
const perRequest = new WeakMap<Request, Promise<Lookup>>();

async function lookup(request: Request): Promise<Lookup> {
  const token = await readSessionToken(request);
  if (!token) return { user: null, setCookie: null };
  const database = await db();
  const session = await validateSessionToken(database, token);
  if (!session) return { user: null, setCookie: null };
  const [row] = await database
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(eq(users.id, session.userId))
    .limit(1);
  if (!row) return { user: null, setCookie: null };
  const [roleRows, orgRows] = await Promise.all([
    database.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, row.id)),
    database
      .select({
        id: organizations.id,
        slug: organizations.slug,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        verified: organizations.verified,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, row.id)),
  ]);
  return {
    user: { ...row, roles: roleRows.map((r) => r.role), sessionId: session.sessionId, organizations: orgRows },
    setCookie: session.renewed ? await serializeSessionCookie(token, session.expiresAt) : null,
  };
}

function cachedLookup(request: Request): Promise<Lookup> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = lookup(request);
    perRequest.set(request, pending);
  }
  return pending;
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  return (await cachedLookup(request)).user;
}

/** The Set-Cookie value when the session's sliding expiry moved (root loader sends it). */
export async function sessionRenewalCookie(request: Request): Promise<string | null> {
  return (await cachedLookup(request)).setCookie;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

/** Signed in and holding `permission`, or a 403 the error boundary renders. */
export async function requireUserWithPermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

export async function requireAnonymous(request: Request) {
  if (await getCurrentUser(request)) throw redirect("/");
}
