/**
 * Bulk import end to end, with JavaScript on (project `js`) and off (`no-js`):
 * an official uploads a CSV with one bad row (the report names the row and
 * nothing is imported), then the corrected file (everything is created);
 * a wrong file type gets its message beside the field; residents get 403.
 * Needs the seed's collecting campaign `2026-open-call` and its tags.
 */
import crypto from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { DEMO_ACCOUNTS } from "../../db/seed/index";

import { expect, newResident, signIn, test } from "./fixtures";

const official = DEMO_ACCOUNTS.find((a) => a.role === "official")!;
const CAMPAIGN = "2026-open-call";
const HEADER = "ref,title,description,domain,subdistrict,raised_by,target_groups";

/** Two demands with refs and titles no other test uses; `badDomain` spoils the second row's domain. */
function demandsCsv(tag: string, badDomain = false): Buffer {
  const rows = [
    HEADER,
    `E2E-${tag}-1,导入测试 ${tag} 一键叫车,老人不会用手机软件打车，希望按一个按钮就能叫到出租车。,生活数字化,甘泉路街道,居民,老年人`,
    `E2E-${tag}-2,导入测试 ${tag} 井盖监测,井盖被移动或丢失时希望能自动报警，避免行人跌落。,${badDomain ? "农业" : "治理数字化"},Changzheng Town,城市管理,`,
  ];
  return Buffer.from(`\uFEFF${rows.join("\r\n")}\r\n`, "utf8");
}

async function upload(page: Page, file: { name: string; buffer: Buffer; mimeType?: string }) {
  await page.goto("/official/import");
  await page.getByRole("radio", { name: "需求（场景需求）" }).check();
  await page.getByLabel("征集活动").selectOption(CAMPAIGN);
  await page.getByLabel("文件", { exact: true }).setInputFiles({ mimeType: "text/csv", ...file });
  await page.getByRole("button", { name: "检查并导入" }).click();
}

/** axe runs inside the page, so only with JavaScript on (the markup is the same without). */
async function expectNoAxeViolations(page: Page, what: string, javaScriptEnabled: boolean) {
  if (!javaScriptEnabled) return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
}

test("an official imports a CSV: one bad row imports nothing and is named; the corrected file imports", async ({ page, javaScriptEnabled }) => {
  test.setTimeout(120_000);
  const tag = crypto.randomBytes(4).toString("hex");
  await signIn(page, official.email, official.password);

  await upload(page, { name: `demands-${tag}.csv`, buffer: demandsCsv(tag, true) });
  await expect(page).toHaveURL(/\/official\/import\/\d+$/);
  await expect(page.getByRole("heading", { name: "没有导入任何内容" })).toBeVisible();
  const problems = page.getByTestId("import-problems");
  const row = problems.getByRole("row").filter({ hasText: "农业" });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(0)).toHaveText("3");
  await expect(row.getByRole("cell").nth(1)).toHaveText("domain");
  await expect(page.getByTestId("import-problem-count")).toContainText("1");
  await expectNoAxeViolations(page, "the report", javaScriptEnabled);

  // Nothing of the bad file was imported: the corrected one creates both rows.
  await upload(page, { name: `demands-${tag}.csv`, buffer: demandsCsv(tag) });
  await expect(page).toHaveURL(/\/official\/import\/\d+$/);
  await expect(page.getByRole("heading", { name: "导入成功" })).toBeVisible();
  await expect(page.getByTestId("import-counts")).toHaveText("共 2 行：新建 2 条，更新 0 条。");

  // The items are there, submitted and public.
  await page.getByRole("link", { name: `导入测试 ${tag} 一键叫车` }).click();
  await expect(page).toHaveURL(/\/demands\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`导入测试 ${tag} 一键叫车`);

  // Importing the same file again updates instead of duplicating.
  await upload(page, { name: `demands-${tag}.csv`, buffer: demandsCsv(tag) });
  await expect(page.getByTestId("import-counts")).toHaveText("共 2 行：新建 0 条，更新 2 条。");
});

test("a file of the wrong type is refused beside the file field, nothing recorded", async ({ page, javaScriptEnabled }) => {
  await signIn(page, official.email, official.password);
  await upload(page, { name: "notes.txt", buffer: Buffer.from("hello"), mimeType: "text/plain" });
  await expect(page).toHaveURL(/\/official\/import(\?index)?$/);
  const file = page.getByLabel("文件", { exact: true });
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("不支持 .txt 文件：请上传 CSV、XLSX 或 JSON 文件。")).toBeVisible();
  await expectNoAxeViolations(page, "the upload page with an error", javaScriptEnabled);
});

test("a resident gets 403 on the import pages", async ({ page }) => {
  await newResident(page);
  for (const path of ["/official/import", "/official/import/template?kind=demands&format=csv"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await page.goto("/official/import");
  await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
});

test("an official downloads a template", async ({ page }) => {
  await signIn(page, official.email, official.password);
  const response = await page.request.get("/official/import/template?kind=applications&format=csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const text = (await response.body()).toString("utf8");
  expect(text.startsWith("\uFEFFref,title,summary,description,organization,domain")).toBe(true);
  expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
});
