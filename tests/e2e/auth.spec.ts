/**
 * Accounts through the browser, with JavaScript on (project `js`) and off
 * (project `no-js`): sign-up, sign-in, wrong password, sign-out, 403 pages and
 * bad sign-up input. Every test signs up its own users.
 */
import type { Locator, Page } from "@playwright/test";

import { expect, isSignedIn, newResident, PASSWORD, postForm, signIn, test, uniqueEmail } from "./fixtures";

const header = (page: Page) => page.getByRole("banner");
const signOutButton = (page: Page) => page.getByRole("button", { name: "退出登录" });

/**
 * Submits a form by pressing Enter in its last field, as many people do.
 *
 * With JavaScript, leaving a field makes conform validate it by posting the
 * form, and the form disables its submit button while any submission is under
 * way; a disabled default button also blocks Enter. So wait until the button
 * is enabled again, then press Enter (which, unlike a click, does not blur the
 * field and start another validation). A click right after typing can land on
 * the momentarily disabled button and be lost: reported to the form's owner.
 */
async function submitFrom(page: Page, lastField: Locator, button: string) {
  await expect(page.getByRole("button", { name: button, exact: true })).toBeEnabled();
  await lastField.press("Enter");
}

/**
 * The response to the form's submission (a fetch with JavaScript, a navigation
 * without). With JavaScript, conform also posts the form to validate a field
 * on blur (`__intent__` set); those are not the submission.
 */
function formPost(page: Page, path: string) {
  return page.waitForResponse(
    (r) =>
      r.request().method() === "POST" &&
      new URL(r.url()).pathname === path &&
      !(r.request().postData() ?? "").includes("__intent__"),
  );
}

test("signs up a resident through the form, signed in afterwards", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1, name: "注册账户" })).toBeVisible();
  await page.getByRole("radio", { name: /^居民/ }).check();
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("称呼").fill("张阿姨");
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await page.getByLabel("手机号码（选填）").fill("138 1234 5678");
  await submitFrom(page, page.getByLabel("手机号码（选填）"), "注册");

  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(signOutButton(page)).toBeVisible();
  await expect(header(page).getByRole("link", { name: "张阿姨" })).toBeVisible();

  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(email)).toBeVisible();
});

test("a visitor sent to sign in can sign up instead and still lands where they were going", async ({ page }) => {
  await page.goto("/demands/new");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdemands%2Fnew$/);
  await page.getByRole("main").getByRole("link", { name: /注册/ }).click();
  await expect(page).toHaveURL(/\/signup\?redirectTo=%2Fdemands%2Fnew$/);
  await page.getByRole("radio", { name: /^居民/ }).check();
  await page.getByLabel("电子邮箱").fill(uniqueEmail("signup-redirect"));
  await page.getByLabel("称呼").fill("李师傅");
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByLabel("再次输入密码").fill(PASSWORD);
  await submitFrom(page, page.getByLabel("再次输入密码"), "注册");
  await expect(page).toHaveURL((url) => url.pathname === "/demands/new");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("signs in with the login form and out with the header button", async ({ page }) => {
  const resident = await newResident(page);
  await page.context().clearCookies();

  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(resident.email);
  await page.getByLabel("密码").fill(resident.password);
  await submitFrom(page, page.getByLabel("密码"), "登录");
  await expect(signOutButton(page)).toBeVisible();
  await expect(header(page).getByRole("link", { name: resident.displayName })).toBeVisible();

  await signOutButton(page).click();
  await expect(header(page).getByRole("link", { name: "登录" })).toBeVisible();
  await expect(signOutButton(page)).toHaveCount(0);

  // A protected page now sends the visitor to sign in.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
  expect(await isSignedIn(page)).toBe(false);
});

test("the sign-out button is in English too", async ({ page }) => {
  await newResident(page);
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await isSignedIn(page)).toBe(false);
});

test("a wrong password shows an error beside the form, status 400, and does not sign in", async ({ page }) => {
  const resident = await newResident(page);
  await page.context().clearCookies();

  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(resident.email);
  await page.getByLabel("密码").fill("not-the-password-1");
  const posted = formPost(page, "/login");
  await submitFrom(page, page.getByLabel("密码"), "登录");
  expect((await posted).status()).toBe(400);

  await expect(page.getByRole("alert")).toContainText("邮箱或密码不正确。");
  await expect(page.getByLabel("电子邮箱")).toHaveValue(resident.email);
  await expect(header(page).getByRole("link", { name: "登录" })).toBeVisible();
  expect(await isSignedIn(page)).toBe(false);
});

test("a resident gets the 403 page on official and admin pages", async ({ page }) => {
  await newResident(page);
  for (const path of ["/official/organizations", "/admin/users"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "没有访问权限" })).toBeVisible();
  }
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Access denied" })).toBeVisible();
});

test("bad sign-up input gets messages beside the fields and creates nothing", async ({ page }) => {
  const email = uniqueEmail("bad-signup");
  const field = (label: string) => page.getByLabel(label, { exact: true });

  // 1. No e-mail, a short password.
  await page.goto("/signup");
  await page.getByRole("radio", { name: /^居民/ }).check();
  await field("称呼").fill("李先生");
  await field("密码").fill("short");
  await field("再次输入密码").fill("short");
  let posted = formPost(page, "/signup");
  await submitFrom(page, field("再次输入密码"), "注册");
  expect((await posted).status()).toBe(400);
  await expect(field("电子邮箱")).toHaveAttribute("aria-invalid", "true");
  await expect(field("电子邮箱")).toHaveAccessibleDescription(/请填写电子邮箱。/);
  await expect(field("密码")).toHaveAccessibleDescription(/密码至少需要 10 个字符。/);

  // 2. A valid e-mail and password, but the confirmation differs.
  await field("电子邮箱").fill(email);
  await field("称呼").fill("李先生");
  await field("密码").fill(PASSWORD);
  await field("再次输入密码").fill(`${PASSWORD}x`);
  posted = formPost(page, "/signup");
  await submitFrom(page, field("再次输入密码"), "注册");
  expect((await posted).status()).toBe(400);
  await expect(field("再次输入密码")).toHaveAttribute("aria-invalid", "true");
  await expect(field("再次输入密码")).toHaveAccessibleDescription(/两次输入的密码不一致。/);
  await expect(field("电子邮箱")).toHaveValue(email);
  await expect(field("电子邮箱")).not.toHaveAttribute("aria-invalid", "true");

  // 3. The same e-mail with a short password.
  await field("密码").fill("short");
  await field("再次输入密码").fill("short");
  posted = formPost(page, "/signup");
  await submitFrom(page, field("再次输入密码"), "注册");
  expect((await posted).status()).toBe(400);
  await expect(field("密码")).toHaveAccessibleDescription(/密码至少需要 10 个字符。/);

  // Nothing was created: still signed out, and that e-mail cannot sign in.
  await expect(signOutButton(page)).toHaveCount(0);
  for (const password of [PASSWORD, "short"]) {
    expect((await postForm(page, "/login", { email, password })).status()).toBe(400);
  }
  expect(await isSignedIn(page)).toBe(false);
});

test("the signIn fixture signs in through the request context", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "no-js", "checks the fixture, not the page");
  const resident = await newResident(page);
  await page.context().clearCookies();
  await signIn(page, resident.email, resident.password);
  await page.goto("/");
  await expect(signOutButton(page)).toBeVisible();
});
