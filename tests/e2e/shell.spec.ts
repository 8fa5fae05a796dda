/**
 * The portal's shell: language, the 404 page and the health check, with
 * JavaScript on (project `js`) and off (project `no-js`). Elder mode has its
 * own spec (elder.spec.ts).
 */
import type { Page } from "@playwright/test";

import { expect, test } from "./fixtures";

const html = (page: Page) => page.locator("html");

test("the home page renders in Chinese by default", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "普陀数字化转型实验室" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();
});

test("the language switch changes to English, persists across a reload, and back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Putuo Lab" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();

  await page.reload();
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("button", { name: "中文" }).click();
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
});

test("an unknown URL gives the 404 page, in Chinese and in English", async ({ page }) => {
  const missing = "/no-such-page/at-all";
  const zh = await page.goto(missing);
  expect(zh?.status()).toBe(404);
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  await expect(page.getByRole("link", { name: "返回首页" })).toBeVisible();

  // The header still works on the error page: switch language from there.
  await page.getByRole("button", { name: "English" }).click();
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  const en = await page.goto(missing);
  expect(en?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to home" })).toBeVisible();
});

test("GET /healthz reports the embedded database as reachable", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name === "no-js", "an HTTP check: the browser's JavaScript setting is irrelevant");
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ status: "ok", database: { kind: "pglite", reachable: true } });
});
