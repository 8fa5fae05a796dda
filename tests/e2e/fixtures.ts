/**
 * Shared helpers for the end-to-end specs. Every test owns its data: it signs
 * up its own users with unique e-mail addresses and never relies on what
 * another test left behind. Everything goes through HTTP (the server is the
 * only process that opens its database).
 */
import crypto from "node:crypto";

import { expect, test, type APIResponse, type Page } from "@playwright/test";

export { expect, test };

export const PASSWORD = "Putuo-Lab-2024!";

/** A fresh address nobody has used, e.g. `resident-lq3k2a-4f9c1b2e@example.com`. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${crypto.randomBytes(4).toString("hex")}@example.com`;
}

/**
 * POSTs a form through the page's request context: cookies come from and go
 * to the browser context. Redirects are not followed. The connection is
 * closed afterwards: a reused keep-alive socket that the server times out at
 * the same moment would fail the test with ECONNRESET.
 */
export function postForm(page: Page, path: string, form: Record<string, string>): Promise<APIResponse> {
  return page.request.post(path, { form, headers: { connection: "close" }, maxRedirects: 0 });
}

/** True when the browser context holds a session that /account accepts. */
export async function isSignedIn(page: Page): Promise<boolean> {
  const response = await page.request.get("/account", { headers: { connection: "close" }, maxRedirects: 0 });
  return response.status() === 200;
}

/**
 * Signs in by posting the /login form through the page's request context, so
 * the session cookie lands in the browser context (fast: no page render).
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const response = await postForm(page, "/login", { email, password });
  expect(response.status(), `sign-in of ${email} should redirect, got ${response.status()}`).toBe(302);
  expect(await isSignedIn(page), `${email} should be signed in`).toBe(true);
}

export type Resident = { email: string; password: string; displayName: string };

/** Signs up a new resident through /signup (signed in afterwards). */
export async function newResident(page: Page, overrides: Partial<Resident> = {}): Promise<Resident> {
  const resident: Resident = {
    email: overrides.email ?? uniqueEmail("resident"),
    password: overrides.password ?? PASSWORD,
    displayName: overrides.displayName ?? `居民${crypto.randomBytes(2).toString("hex")}`,
  };
  const response = await postForm(page, "/signup", {
    email: resident.email,
    password: resident.password,
    confirmPassword: resident.password,
    displayName: resident.displayName,
    accountType: "resident",
  });
  expect(response.status(), `sign-up of ${resident.email} should redirect, got ${response.status()}`).toBe(302);
  if (!(await isSignedIn(page))) await signIn(page, resident.email, resident.password);
  return resident;
}
