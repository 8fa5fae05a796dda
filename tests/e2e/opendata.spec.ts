/**
 * The open data in a real browser, with JavaScript on and off: the /data
 * page lists every dataset with its size and download links, the links
 * answer with the right file, the published 2021 list has the demo's 100
 * selected applications and 10 demands, a list page offers its own
 * downloads, and the page (column dictionaries open) has no serious
 * accessibility problem.
 */
import AxeBuilder from "@axe-core/playwright";
import Papa from "papaparse";

import { expect, test } from "./fixtures";

const CAMPAIGN = "2021-scenario-call";

test.describe("open data", () => {
  test("the /data page lists the datasets, each with its rows and CSV, XLSX and JSON links", async ({ page }) => {
    await page.goto("/data");
    await expect(page.getByRole("heading", { name: "开放数据", level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/开放数据/);
    const cards = page.getByTestId("dataset");
    for (const title of ["场景需求", "创新应用", "机构", "供需对接", "2021 普陀区数字化转型场景征集入选名单"]) {
      const card = cards.filter({ has: page.getByRole("heading", { name: title, exact: true, level: 3 }) });
      await expect(card, title).toHaveCount(1);
      await expect(card.getByTestId("dataset-rows")).toHaveText(/^共 [\d,]+ 条记录$/);
      for (const format of ["csv", "xlsx", "json"]) await expect(card.getByTestId(`download-${format}`)).toHaveAttribute("href", /^\/data\/.+\.(csv|xlsx|json)$/);
    }
    await expect(page.getByRole("link", { name: /OpenAPI/ })).toHaveAttribute("href", "/api/v1/openapi.json");
    await expect(page.getByRole("link", { name: "查看数据统计" })).toHaveAttribute("href", "/stats");
    await expect(page.getByText("CC BY 4.0").first()).toBeVisible();
  });

  test("a column dictionary opens from its summary, also without JavaScript", async ({ page }) => {
    await page.goto("/data");
    const card = page.getByTestId("dataset").filter({ has: page.getByRole("heading", { name: "场景需求", exact: true }) });
    const dictionary = card.getByRole("table", { name: "场景需求的字段" });
    await expect(dictionary).toBeHidden();
    await card.getByText(/^字段说明（\d+ 个字段）$/).click();
    await expect(dictionary).toBeVisible();
    await expect(dictionary.getByRole("rowheader", { name: /^subdistrict_zh\b/ })).toContainText("街道（镇）");
  });

  test("the download links answer with the right type, and the English page offers English headers", async ({ page }) => {
    await page.goto("/data");
    const card = page.getByTestId("dataset").filter({ has: page.getByRole("heading", { name: "创新应用", exact: true }) });
    const types = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", json: "application/json; charset=utf-8" };
    for (const [format, type] of Object.entries(types)) {
      const href = (await card.getByTestId(`download-${format}`).getAttribute("href"))!;
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
      expect(res.headers()["content-type"]).toBe(type);
      expect(res.headers()["content-disposition"]).toContain(`filename="putuo-lab-applications.${format}"`);
    }
    const json = await (await page.request.get("/data/applications.json")).json();
    expect(json.rows.length).toBeGreaterThanOrEqual(100);
    expect(json.rows.every((r: { url: string }) => /\/applications\/\d+$/.test(r.url))).toBe(true);

    await page.goto("/data?lang=en");
    await expect(page.getByRole("heading", { name: "Open data", level: 1 })).toBeVisible();
    const english = page.getByTestId("dataset").filter({ has: page.getByRole("heading", { name: "Demands", exact: true }) });
    const localized = english.getByRole("link", { name: /^CSV · English headers/ });
    await expect(localized).toHaveAttribute("href", "/data/demands.csv?lang=en");
    const csv = await (await page.request.get("/data/demands.csv?lang=en")).text();
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^ID,Title,Language,Description,Domain code,/);
  });

  test("the published 2021 list has the demo's 100 selected applications and 10 demands", async ({ page }) => {
    const res = await page.request.get(`/data/lists/${CAMPAIGN}.csv`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["etag"]).toBeTruthy();
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<Record<string, string>>(bytes.subarray(3).toString("utf8"), { header: true, skipEmptyLines: true }).data;
    const apps = rows.filter((r) => r.item_type === "application");
    const demands = rows.filter((r) => r.item_type === "demand");
    expect(apps).toHaveLength(100);
    expect(demands).toHaveLength(10);
    expect(apps.map((r) => Number(r.rank))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.campaign))).toEqual(new Set([CAMPAIGN]));
    // The same selection as the list page shows.
    await page.goto(`/lists/${CAMPAIGN}`);
    await expect(page.getByTestId("list-applications").getByTestId("list-entry")).toHaveCount(100);
    const firstTitle = (await page.getByTestId("list-applications").getByTestId("list-entry").first().getByRole("heading").textContent())!.trim();
    expect(apps[0].title.replace(/^'/, "")).toBe(firstTitle);

    const again = await page.request.get(`/data/lists/${CAMPAIGN}.csv`, { headers: { "If-None-Match": res.headers()["etag"] } });
    expect(again.status()).toBe(304);
    expect((await page.request.get("/data/lists/no-such-call.csv")).status()).toBe(404);
    expect((await page.request.get("/data/people.csv")).status()).toBe(404);
  });

  test("a published list's page offers its downloads", async ({ page }) => {
    await page.goto(`/lists/${CAMPAIGN}`);
    const downloads = page.getByTestId("list-downloads");
    await expect(downloads.getByRole("heading", { name: "下载本名单" })).toBeVisible();
    for (const format of ["csv", "xlsx", "json"]) {
      await expect(downloads.getByRole("link", { name: new RegExp(`^${format.toUpperCase()}`) })).toHaveAttribute("href", `/data/lists/${CAMPAIGN}.${format}`);
    }
    const xlsx = await page.request.get(`/data/lists/${CAMPAIGN}.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect([...(await xlsx.body()).subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    await downloads.getByRole("link", { name: "全部开放数据" }).click();
    await expect(page).toHaveURL(/\/data#lists$/);
  });

  test("has no serious accessibility problem with every column dictionary open", async ({ page, javaScriptEnabled }) => {
    // axe runs as a script inside the page: only with JavaScript on (the markup is the same without).
    test.skip(!javaScriptEnabled, "axe needs JavaScript");
    test.setTimeout(90_000);
    await page.goto("/data");
    for (const details of await page.locator("details").all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
