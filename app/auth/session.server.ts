/**
 * Database sessions as in Lucia's current guide, built on @oslojs: the cookie
 * holds a random token, the table holds its SHA-256, so a leaked sessions
 * table cannot be replayed. 30-day sliding expiry: a session used in its last
 * 15 days is extended to 30 again.
 */
import { createCookie } from "@remix-run/node";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";

import type { Database } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { secureCookies } from "~/utils/cookies.server";

export const SESSION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_MS = SESSION_DAYS * DAY_MS;
const RENEW_WITHIN_MS = 15 * DAY_MS;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Database, userId: number, userAgent?: string | null) {
  const token = generateSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_MS);
  await db.insert(sessions).values({
    id: sessionIdFromToken(token),
    userId,
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export type ValidatedSession = {
  sessionId: string;
  userId: number;
  expiresAt: Date;
  /** True when the expiry moved and the cookie should be re-sent. */
  renewed: boolean;
};

export async function validateSessionToken(db: Database, token: string): Promise<ValidatedSession | null> {
  const sessionId = sessionIdFromToken(token);
  const [row] = await db
    .select({ id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt, disabledAt: users.disabledAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  let expiresAt = row.expiresAt;
  let renewed = false;
  if (expiresAt.getTime() - now < RENEW_WITHIN_MS) {
    expiresAt = new Date(now + SESSION_MS);
    renewed = true;
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
  }
  return { sessionId, userId: row.userId, expiresAt, renewed };
}

export async function invalidateSession(db: Database, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Database, userId: number) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

const COOKIE_NAME = "putuo_session";

function sessionCookie() {
  return createCookie(COOKIE_NAME, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
  });
}

export async function readSessionToken(request: Request): Promise<string | null> {
  try {
    const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
    return typeof value === "string" && /^[a-z2-7]{32}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function serializeSessionCookie(token: string, expiresAt: Date) {
  return sessionCookie().serialize(token, { expires: expiresAt });
}

export function serializeBlankSessionCookie() {
  return sessionCookie().serialize("", { maxAge: 0 });
}
