import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { signIn, signOut } from "../../../app/auth/accounts.server";
import {
  createSession,
  SESSION_DAYS,
  sessionIdFromToken,
  validateSessionToken,
} from "../../../app/auth/session.server";
import { sessions, users } from "../../../db/schema";
import { buildUser, TEST_PASSWORD } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

const DAY = 24 * 60 * 60 * 1000;

describe.each(DB_KINDS)("sessions on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  it("stores the SHA-256 of the token, never the token", async () => {
    const user = await buildUser(t.db);
    const { token } = await createSession(t.db, user.id, "vitest");
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toBe(token);
    expect(rows[0].id).toBe(sessionIdFromToken(token));
    expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
    // The stored id is not itself a usable token.
    expect(await validateSessionToken(t.db, rows[0].id)).toBeNull();
  });

  it("lasts 30 days and slides: a session used with 10 days left is renewed to 30", async () => {
    const user = await buildUser(t.db);
    const { token, expiresAt } = await createSession(t.db, user.id);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan((SESSION_DAYS - 1) * DAY);
    const fresh = await validateSessionToken(t.db, token);
    expect(fresh?.renewed).toBe(false);

    await t.db.update(sessions).set({ expiresAt: new Date(Date.now() + 10 * DAY) }).where(eq(sessions.id, sessionIdFromToken(token)));
    const renewed = await validateSessionToken(t.db, token);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * DAY);
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, sessionIdFromToken(token)));
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(29.9 * DAY);
  });

  it("treats an expired session as none and deletes its row", async () => {
    const user = await buildUser(t.db);
    const { token } = await createSession(t.db, user.id);
    await t.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, sessionIdFromToken(token)));
    expect(await validateSessionToken(t.db, token)).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it("signing out revokes the session: its token no longer works", async () => {
    const user = await buildUser(t.db, { email: "out@example.com" });
    const result = await signIn(t.db, { email: "out@example.com", password: TEST_PASSWORD }, { ip: "local" });
    if (!result.ok) throw new Error("sign-in failed");
    const other = await createSession(t.db, user.id);
    await signOut(t.db, sessionIdFromToken(result.session.token));
    expect(await validateSessionToken(t.db, result.session.token)).toBeNull();
    expect(await validateSessionToken(t.db, other.token)).not.toBeNull(); // only that one session
  });

  it("ends the sessions of a disabled user", async () => {
    const user = await buildUser(t.db);
    const { token } = await createSession(t.db, user.id);
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    expect(await validateSessionToken(t.db, token)).toBeNull();
  });

  it("counts parallel wrong guesses atomically", async () => {
    await buildUser(t.db, { email: "race@example.com" });
    const limits = { maxFailures: 3, windowSeconds: 60 };
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => signIn(t.db, { email: "race@example.com", password: `parallel-guess-${i}` }, { ip: "3.3.3.3", limits })),
    );
    const invalid = results.filter((r) => !r.ok && r.reason === "invalid").length;
    const limited = results.filter((r) => !r.ok && r.reason === "rate_limited").length;
    expect(invalid).toBe(3);
    expect(limited).toBe(5);
  });
});
