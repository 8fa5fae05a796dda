/**
 * The account routes' loaders and actions, called with plain Requests (a
 * form POST as a browser without JavaScript sends it), against a test
 * database installed as the app's database.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createSession, sessionIdFromToken } from "../../../app/auth/session.server";
import * as account from "../../../app/routes/account";
import * as adminUsers from "../../../app/routes/admin.users";
import * as login from "../../../app/routes/login";
import * as logout from "../../../app/routes/logout";
import * as officialOrganizations from "../../../app/routes/official.organizations";
import * as signup from "../../../app/routes/signup";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { auditLog, organizations, sessions, userRoles, users } from "../../../db/schema";
import { buildOrganization, buildUser, TEST_PASSWORD } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

const BASE = "http://putuo.test";

function post(path: string, fields: Record<string, string>, cookie?: string, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}), ...headers },
  });
}
const get = (path: string, cookie?: string) => new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

/** Run a loader or action; a thrown Response (redirect, 403) is returned like a returned one. */
async function call(fn: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown, request: Request) {
  try {
    return (await fn({ request, params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const sessionCookieOf = (res: Response) => {
  const set = res.headers.get("Set-Cookie") ?? "";
  const match = /putuo_session=([^;]*)/.exec(set);
  return match ? `putuo_session=${match[1]}` : null;
};

describe.each(DB_KINDS)("account routes on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
  });
  afterEach(async () => {
    await closeDatabase();
    await t.drop();
  });

  async function signedIn(roles: Parameters<typeof buildUser>[1] = {}) {
    const user = await buildUser(t.db, roles);
    const res = await call(login.action, post("/login", { email: user.email, password: TEST_PASSWORD }));
    expect(res.status).toBe(302);
    return { user, cookie: sessionCookieOf(res)! };
  }

  it("signs in, sets an HttpOnly SameSite=Lax cookie and redirects with a notice, keeping redirectTo on this site", async () => {
    const user = await buildUser(t.db, { email: "login@example.com" });
    const res = await call(login.action, post("/login", { email: "Login@Example.com", password: TEST_PASSWORD, redirectTo: "/account" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account?notice=signedIn");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/putuo_session=[^;]{20,}/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);

    const evil = await call(login.action, post("/login", { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/x" }));
    expect(evil.headers.get("Location")).toBe("/?notice=signedIn");
  });

  it("answers wrong credentials with one message and 400, never echoing the password", async () => {
    await buildUser(t.db, { email: "who@example.com" });
    for (const fields of [
      { email: "who@example.com", password: "wrong-password" },
      { email: "nobody@example.com", password: TEST_PASSWORD },
    ]) {
      const res = await call(login.action, post("/login", fields));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.result.error).toEqual({ "": ["auth:errors.invalidCredentials"] });
      expect(JSON.stringify(body)).not.toContain(fields.password);
    }
    const empty = await call(login.action, post("/login", {}));
    expect(empty.status).toBe(400);
    expect((await empty.json()).result.error).toMatchObject({ email: ["auth:errors.emailRequired"], password: ["auth:errors.passwordRequired"] });
  });

  it("rate-limits sign-in with 429, Retry-After and the minutes to wait", async () => {
    await buildUser(t.db, { email: "limited@example.com" });
    const headers = { "X-Forwarded-For": "203.0.113.9, 10.0.0.1" };
    for (let i = 0; i < 5; i++) {
      const res = await call(login.action, post("/login", { email: "limited@example.com", password: "wrong-password" }, undefined, headers));
      expect(res.status).toBe(400);
    }
    const res = await call(login.action, post("/login", { email: "limited@example.com", password: TEST_PASSWORD }, undefined, headers));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    const body = await res.json();
    expect(body.result.error).toEqual({ "": ["auth:errors.rateLimited"] });
    expect(body.retryMinutes).toBeGreaterThanOrEqual(1);
  });

  it("refuses a disabled user", async () => {
    await buildUser(t.db, { email: "off@example.com", disabledAt: new Date() });
    const res = await call(login.action, post("/login", { email: "off@example.com", password: TEST_PASSWORD }));
    expect(res.status).toBe(400);
    expect((await res.json()).result.error).toEqual({ "": ["auth:errors.accountDisabled"] });
  });

  it("signs up a resident and signs them in", async () => {
    const res = await call(
      signup.action,
      post("/signup", { email: "new@example.com", password: "a-long-password", confirmPassword: "a-long-password", displayName: "新居民", accountType: "resident" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/?notice=signedUp");
    const cookie = sessionCookieOf(res)!;
    const page = await call(account.loader, get("/account", cookie));
    expect(page.status).toBe(200);
    expect((await page.json()).profile.email).toBe("new@example.com");
  });

  it("answers a forged organisation id with a message beside the field and changes nothing", async () => {
    const office = await buildOrganization(t.db, { kind: "government_department" });
    const res = await call(
      signup.action,
      post("/signup", {
        email: "forger@example.com",
        password: "a-long-password",
        confirmPassword: "a-long-password",
        displayName: "伪造者",
        accountType: "firm_member",
        organizationId: String(office.id),
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.result.error).toEqual({ organizationId: ["auth:errors.organizationInvalid"] });
    expect(body.result.initialValue.password).toBeUndefined();
    expect(body.result.initialValue.email).toBe("forger@example.com");
    expect(await t.db.select().from(users)).toHaveLength(0);
  });

  it("offers only vendors on the sign-up page", async () => {
    await buildOrganization(t.db, { kind: "vendor", nameZh: "京东" });
    await buildOrganization(t.db, { kind: "subdistrict_office", nameZh: "长寿路街道" });
    const res = await call(signup.loader, get("/signup"));
    expect((await res.json()).vendors.map((v: { nameZh: string }) => v.nameZh)).toEqual(["京东"]);
  });

  it("signs out on POST only: the session row is deleted and the cookie cleared", async () => {
    const { user, cookie } = await signedIn();
    const viaGet = await call(logout.loader, get("/logout", cookie));
    expect(viaGet.status).toBe(302);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);

    const res = await call(logout.action, post("/logout", {}, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/?notice=signedOut");
    expect(res.headers.get("Set-Cookie")).toMatch(/putuo_session=;.*Max-Age=0/i);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    const after = await call(account.loader, get("/account", cookie));
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
  });

  it("gives a resident 403 on the admin and officials' pages, and sends visitors to sign in", async () => {
    const { cookie } = await signedIn({ roles: ["resident"] });
    for (const route of [adminUsers, officialOrganizations]) {
      expect((await call(route.loader, get("/x", cookie))).status).toBe(403);
      expect((await call(route.action, post("/x", { intent: "grant", userId: "1", role: "admin" }, cookie))).status).toBe(403);
    }
    const anonymous = await call(adminUsers.loader, get("/admin/users"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers");
  });

  it("lets an admin grant a role (audited) and refuses removing their own admin role", async () => {
    const { user: admin, cookie } = await signedIn({ roles: ["admin"] });
    const target = await buildUser(t.db, { roles: ["resident"] });
    const list = await call(adminUsers.loader, get("/admin/users?q=" + encodeURIComponent(target.email), cookie));
    expect((await list.json()).rows.map((r: { id: number }) => r.id)).toEqual([target.id]);

    const res = await call(adminUsers.action, post("/admin/users?q=x&notice=nothingChanged", { intent: "grant", userId: String(target.id), role: "reviewer" }, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/admin/users?q=x&notice=roleGranted");
    const roles = await t.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, target.id));
    expect(roles.map((r) => r.role).sort()).toEqual(["resident", "reviewer"]);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "role.grant"))).toHaveLength(1);

    const own = await call(adminUsers.action, post("/admin/users", { intent: "remove", userId: String(admin.id), role: "admin" }, cookie));
    expect(own.status).toBe(400);
    expect((await own.json()).result.error).toEqual({ "": ["admin:errors.ownAdmin"] });

    const bad = await call(adminUsers.action, post("/admin/users", { intent: "grant", userId: String(target.id), role: "emperor" }, cookie));
    expect(bad.status).toBe(400);
  });

  it("lets an official verify an organisation with a note", async () => {
    const { cookie } = await signedIn({ roles: ["official"] });
    const org = await buildOrganization(t.db, { verified: false });
    const res = await call(officialOrganizations.action, post("/official/organizations?verified=unverified", { intent: "verify", organizationId: String(org.id), note: "已核实" }, cookie));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/official/organizations?verified=unverified&notice=organizationVerified");
    const [row] = await t.db.select({ verified: organizations.verified }).from(organizations).where(eq(organizations.id, org.id));
    expect(row.verified).toBe(true);
    const missing = await call(officialOrganizations.action, post("/official/organizations", { intent: "verify", organizationId: "999999" }, cookie));
    expect(missing.status).toBe(400);
  });

  it("saves the profile (and the language preference) and changes the password, revoking other sessions", async () => {
    const { user, cookie } = await signedIn();
    const other = await createSession(t.db, user.id);
    const profile = await call(account.action, post("/account", { intent: "profile", displayName: "改名", phone: "13700001111", locale: "en" }, cookie));
    expect(profile.status).toBe(302);
    expect(profile.headers.get("Location")).toBe("/account?notice=profileSaved");
    expect(profile.headers.get("Set-Cookie")).toMatch(/putuo_prefs=/);
    const badPhone = await call(account.action, post("/account", { intent: "profile", displayName: "改名", phone: "12345", locale: "en" }, cookie));
    expect(badPhone.status).toBe(400);

    const wrong = await call(
      account.action,
      post("/account", { intent: "password", currentPassword: "not-the-password", newPassword: "another-long-one", confirmPassword: "another-long-one" }, cookie),
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).result.error).toEqual({ currentPassword: ["auth:errors.currentPasswordWrong"] });
    const ok = await call(
      account.action,
      post("/account", { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "another-long-one", confirmPassword: "another-long-one" }, cookie),
    );
    expect(ok.status).toBe(302);
    const left = await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.id)).not.toContain(sessionIdFromToken(other.token));
    expect(left).toHaveLength(1);
  });
});
