/**
 * The open datasets on a small known world (world.ts): each holds exactly
 * the rows the anonymous public may see — no draft, withdrawn, rejected or
 * private item, no match at a non-public stage, no list entry for an item
 * that is not public — with names in both languages, absolute URLs and a
 * column dictionary for every column; and no e-mail address or phone number
 * reaches any file in any format. The files read back: CSV through
 * papaparse (BOM, quoting, formula cells neutralised), XLSX through
 * read-excel-file (both sheets, typed cells), JSON through JSON.parse.
 */
import Papa from "papaparse";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  BATCH_SIZE,
  FULL_DATASETS,
  fullDataset,
  listDatasets,
  publishedListDataset,
  type Dataset,
  type Row,
} from "../../../app/opendata/datasets.server";
import { beijingIso, FORMULA_START, renderStream, type Format } from "../../../app/opendata/formats.server";
import { env } from "../../../app/utils/env.server";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { buildWorld, FORMULAS, SECRETS, type World } from "./world";

async function rowsOf(t: TestDatabase, dataset: Dataset): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const batch of dataset.batches(t.db)) {
    expect(batch.length).toBeLessThanOrEqual(BATCH_SIZE);
    rows.push(...batch);
  }
  return rows;
}

async function bytesOf(t: TestDatabase, dataset: Dataset, format: Format, header: "keys" | "zh-CN" | "en" = "keys"): Promise<Uint8Array> {
  const response = new Response(renderStream(dataset, dataset.batches(t.db), format, { header }));
  return new Uint8Array(await response.arrayBuffer());
}

/** A CSV file's text after its byte-order mark (which it must have). */
function csvText(bytes: Uint8Array): string {
  expect([...bytes.slice(0, 3)], "a CSV file starts with a BOM").toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3));
}

/** What CSV and JSON make of a cell. */
const plain = (v: Row[string]) => (v instanceof Date ? beijingIso(v) : v);

/** Every text cell of a workbook, both sheets, joined. */
async function workbookText(bytes: Uint8Array): Promise<string> {
  const sheets = await readXlsxFile(Buffer.from(bytes));
  return sheets.flatMap((s) => s.data.flat().map((c) => (c === null ? "" : c instanceof Date ? c.toISOString() : String(c)))).join("\n");
}

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

describe.each(DB_KINDS)("open datasets on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  const base = () => env().PUBLIC_URL;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    w = await buildWorld(t.db);
  }, 120_000);
  afterAll(async () => {
    await t.drop();
  });

  it("demands: exactly the public ones, with names in both languages", async () => {
    const dataset = fullDataset("demands");
    const rows = await rowsOf(t, dataset);
    expect(rows.map((r) => r.id)).toEqual(w.expected.demands);
    const selected = rows.find((r) => r.id === w.demands.selected.id)!;
    expect(selected).toMatchObject({
      title: "独居老人一键叫车",
      title_language: "zh-CN",
      domain: "life",
      domain_zh: "生活数字化",
      domain_en: "Digital life",
      subdistrict_slug: w.otherPlace.slug,
      subdistrict_zh: w.otherPlace.nameZh,
      subdistrict_en: w.otherPlace.nameEn,
      raised_by: "community",
      organization_slug: w.committee.slug,
      organization_zh: w.committee.nameZh,
      organization_en: w.committee.nameEn,
      target_groups: w.tags.elderly.slug,
      target_groups_zh: "老年人",
      target_groups_en: "Elderly people",
      scenarios_zh: "一键叫车",
      status: "selected",
      campaign: w.published.slug,
      campaign_zh: "2021 测试征集",
      campaign_en: "2021 Test Call",
      url: `${base()}/demands/${w.demands.selected.id}`,
    });
    const submitted = rows.find((r) => r.id === w.demands.submitted.id)!;
    expect(submitted).toMatchObject({ support_count: 7, organization_slug: null, target_groups: null });
    expect((submitted.submitted_at as Date).toISOString()).toBe("2021-05-10T02:30:00.000Z");
    expect(rows.find((r) => r.id === w.demands.openCall.id)).toMatchObject({ title_language: "en", campaign: w.open.slug });
    expect(Object.keys(selected).sort()).toEqual(dataset.columns.map((c) => c.key).sort());
  });

  it("applications: the selected and the public-from-submission ones only, with tags and deployments", async () => {
    const dataset = fullDataset("applications");
    const rows = await rowsOf(t, dataset);
    expect(rows.map((r) => r.id)).toEqual(w.expected.applications);
    expect(rows.find((r) => r.id === w.apps.selected.id)).toMatchObject({
      title: "毫米波雷达跌倒监测",
      vendor_slug: w.vendor.slug,
      vendor_zh: w.vendor.nameZh,
      vendor_en: w.vendor.nameEn,
      technologies: `${w.tags.radar.slug}; ${w.tags.iot.slug}`,
      technologies_zh: "毫米波雷达; 物联网",
      technologies_en: "mmWave radar; Internet of Things",
      target_groups_en: "Elderly people",
      maturity: "deployed",
      cost_band: "100k_500k",
      // In the district's order, then the places elsewhere.
      deployed_subdistricts: `${w.place.slug}; ${w.otherPlace.slug}`,
      deployed_subdistricts_zh: `${w.place.nameZh}; ${w.otherPlace.nameZh}`,
      deployed_elsewhere: "杭州市",
      status: "selected",
      url: `${base()}/applications/${w.apps.selected.id}`,
    });
    expect(rows.find((r) => r.id === w.apps.openFromSubmission.id)).toMatchObject({ status: "submitted", vendor_slug: w.otherVendor.slug, technologies: null, cost_band: null });
  });

  it("organisations: public profile fields and counts of public applications", async () => {
    const rows = await rowsOf(t, fullDataset("organizations"));
    expect(rows.map((r) => r.id)).toEqual(w.expected.organizations);
    expect(rows.find((r) => r.id === w.vendor.id)).toMatchObject({
      slug: w.vendor.slug,
      kind: "vendor",
      verified: true,
      capabilities: "毫米波雷达; 物联网",
      website: "https://vendor.example",
      // The private, draft, withdrawn and rejected applications do not count.
      public_applications: 1,
      selected_applications: 1,
      url: `${base()}/organizations/${w.vendor.slug}`,
    });
    expect(rows.find((r) => r.id === w.otherVendor.id)).toMatchObject({ verified: false, verified_at: null, website: null, description_zh: null, public_applications: 1, selected_applications: 0 });
    expect(rows.find((r) => r.id === w.committee.id)).toMatchObject({ kind: "neighbourhood_committee", subdistrict_slug: w.place.slug, public_applications: 0 });
  });

  it("matches: only accepted, piloting and deployed ones between public items", async () => {
    const rows = await rowsOf(t, fullDataset("matches"));
    expect(rows.map((r) => r.id)).toEqual(w.expected.matches);
    expect(rows.find((r) => r.id === w.matches.piloting.id)).toMatchObject({
      stage: "piloting",
      demand_id: w.demands.selected.id,
      demand_url: `${base()}/demands/${w.demands.selected.id}`,
      application_id: w.apps.openFromSubmission.id,
      vendor_slug: w.otherVendor.slug,
      subdistrict_slug: w.otherPlace.slug,
      pilot_site: "长风新村街道 3 个小区",
      pilot_start_on: "2021-09-01",
    });
    expect(rows.find((r) => r.id === w.matches.deployed.id)).toMatchObject({ deployed_on: "2022-03-15", outcome: "跌倒后平均 2 分钟内通知到家属" });
  });

  it("the published list: ranked public entries only, applications first, without review scores", async () => {
    const lists = await listDatasets(t.db);
    expect(lists.map((l) => l.id)).toEqual([`lists/${w.published.slug}`]);
    expect(await publishedListDataset(t.db, w.open.slug)).toBeNull();
    expect(await publishedListDataset(t.db, "no-such-call")).toBeNull();
    const dataset = (await publishedListDataset(t.db, w.published.slug))!;
    expect(dataset.title.zh).toBe("2021 测试征集入选名单");
    expect(dataset.title.en).toContain("2021 Test Call");
    const rows = await rowsOf(t, dataset);
    expect(rows.map((r) => ({ item_type: r.item_type, rank: r.rank, id: r.id }))).toEqual(w.expected.list);
    expect(rows[0]).toMatchObject({ organization_slug: w.vendor.slug, subdistricts: `${w.place.slug}; ${w.otherPlace.slug}`, campaign: w.published.slug });
    expect(rows[1]).toMatchObject({ organization_slug: w.committee.slug, subdistricts_zh: w.otherPlace.nameZh, url: `${base()}/demands/${w.demands.selected.id}` });
    expect(rows.every((r) => !("score" in r))).toBe(true);
    expect((rows[1].published_at as Date).toISOString()).toBe("2021-07-01T02:00:00.000Z");
  });

  it("stat: row counts agree with the rows, and the fingerprint holds while nothing changes", async () => {
    const dataset = fullDataset("applications");
    const before = await dataset.stat(t.db);
    expect(before.rows).toBe(w.expected.applications.length);
    expect(before.lastChanged).toBeInstanceOf(Date);
    expect((await dataset.stat(t.db)).fingerprint).toBe(before.fingerprint);
    const list = (await publishedListDataset(t.db, w.published.slug))!;
    expect((await list.stat(t.db)).rows).toBe(2);
    expect((await fullDataset("matches").stat(t.db)).rows).toBe(3);
    expect((await fullDataset("organizations").stat(t.db)).rows).toBe(3);
    expect((await fullDataset("demands").stat(t.db)).rows).toBe(w.expected.demands.length);
  });

  it("every column has names and meanings in both languages, and enumerated codes are explained", () => {
    for (const name of FULL_DATASETS) {
      for (const c of fullDataset(name).columns) {
        expect(c.key).toMatch(/^[a-z][a-z0-9_]*$/);
        for (const text of [c.label.zh, c.label.en, c.meaning.zh, c.meaning.en]) {
          expect(text, `${name}.${c.key}`).toBeTruthy();
          expect(text, `${name}.${c.key} is translated`).not.toContain("opendata:");
          expect(text).not.toContain("columns.");
        }
        for (const v of c.values ?? []) expect(v.zh !== v.value && v.en.length > 0, `${name}.${c.key}=${v.value}`).toBe(true);
      }
    }
    expect(fullDataset("demands").columns.find((c) => c.key === "status")!.values!.map((v) => v.value)).not.toContain("draft");
    expect(fullDataset("matches").columns.find((c) => c.key === "stage")!.values!.map((v) => v.value)).toEqual(["accepted", "piloting", "deployed"]);
  });

  describe("files", () => {
    const all = async () => [...FULL_DATASETS.map((n) => fullDataset(n)), (await publishedListDataset(t.db, w.published.slug))!];

    it("CSV: BOM, CRLF, RFC 4180 quoting, reads back to the same rows with formula cells neutralised", async () => {
      for (const dataset of await all()) {
        const text = csvText(await bytesOf(t, dataset, "csv"));
        expect(text.endsWith("\r\n")).toBe(true);
        expect(text.replace(/"[^"]*"/g, "").split("\n").every((line, i, lines) => i === lines.length - 1 || line.endsWith("\r"))).toBe(true);
        const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
        expect(parsed.errors, dataset.id).toEqual([]);
        expect(parsed.meta.fields).toEqual(dataset.columns.map((c) => c.key));
        const rows = await rowsOf(t, dataset);
        expect(parsed.data).toHaveLength(rows.length);
        rows.forEach((row, i) => {
          for (const c of dataset.columns) {
            const value = plain(row[c.key]);
            const expected = value === null ? "" : typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
            expect(parsed.data[i][c.key], `${dataset.id} row ${i} ${c.key}`).toBe(expected);
          }
        });
      }
    });

    it("CSV: the formula-looking cells by name, and text with quotes, commas and line breaks intact", async () => {
      const text = csvText(await bytesOf(t, fullDataset("demands"), "csv"));
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      expect(byId.get(w.demands.submitted.id)!.title).toBe(`'${FORMULAS.equals}`);
      expect(byId.get(w.demands.submitted.id)!.description).toBe(`'${FORMULAS.plus}，"引号"与逗号, 以及换行\n第二行`);
      expect(byId.get(w.demands.notShortlisted.id)!.title).toBe(`'${FORMULAS.minus}`);
      expect(byId.get(w.demands.assisted.id)!.title).toBe(`'${FORMULAS.at}`);
      expect(byId.get(w.demands.assisted.id)!.description).toBe(`'${FORMULAS.tab}`);
      expect(byId.get(w.demands.openCall.id)!.description).toBe(`'${FORMULAS.carriageReturn}`);
      expect(byId.get(w.demands.submitted.id)!.submitted_at).toBe("2021-05-10T10:30:00+08:00");
      // No cell of the file starts with a formula sign outside quotes.
      for (const row of rows) for (const cell of Object.values(row)) expect(FORMULA_START.test(cell)).toBe(false);
      // Review scores are not published: the list page does not show them, nor does its file.
      const list = csvText(await bytesOf(t, (await publishedListDataset(t.db, w.published.slug))!, "csv"));
      expect(Papa.parse<Record<string, string>>(list, { header: true, skipEmptyLines: true }).meta.fields).not.toContain("score");
    });

    it("CSV and XLSX: the header row in Chinese or English on request", async () => {
      const dataset = fullDataset("demands");
      const zh = csvText(await bytesOf(t, dataset, "csv", "zh-CN"));
      expect(zh.slice(0, zh.indexOf("\r\n")).split(",").slice(0, 3)).toEqual(["编号", "标题", "语言"]);
      const en = csvText(await bytesOf(t, dataset, "csv", "en"));
      expect(en.slice(0, en.indexOf("\r\n")).split(",").slice(0, 3)).toEqual(["ID", "Title", "Language"]);
      const sheets = await readXlsxFile(Buffer.from(await bytesOf(t, dataset, "xlsx", "zh-CN")));
      expect(sheets.map((s) => s.sheet)).toEqual(["数据", "字段说明"]);
      expect(sheets[0].data[0].slice(0, 2)).toEqual(["编号", "标题"]);
    });

    it("XLSX: a data sheet with typed cells and a column dictionary sheet", async () => {
      for (const dataset of await all()) {
        const sheets = await readXlsxFile(Buffer.from(await bytesOf(t, dataset, "xlsx")), { trim: false });
        expect(sheets.map((s) => s.sheet)).toEqual(["data", "columns"]);
        const [header, ...data] = sheets[0].data;
        expect(header).toEqual(dataset.columns.map((c) => c.key));
        const rows = await rowsOf(t, dataset);
        expect(data).toHaveLength(rows.length);
        rows.forEach((row, i) => {
          dataset.columns.forEach((c, j) => {
            const cell = data[i][j] as unknown;
            const value = row[c.key];
            if (value === null || value === "") expect(cell ?? null, `${dataset.id} ${c.key}`).toBeNull();
            // Beijing time on the sheet; a serial day number keeps about a millisecond.
            else if (c.type === "datetime") expect(Math.abs((cell as Date).getTime() - 8 * 3600_000 - (value as Date).getTime())).toBeLessThan(5);
            else if (c.type === "date") expect((cell as Date).toISOString().slice(0, 10)).toBe(value);
            else if (c.type === "integer" || c.type === "number") expect(cell).toBe(value);
            else if (c.type === "boolean") expect(cell).toBe(value);
            // Text is text, formula-looking or not: a typed string cell is never run.
            else expect(cell, `${dataset.id} ${c.key}`).toBe(value);
          });
        });
        const [dictHeader, ...dictionary] = sheets[1].data;
        expect(dictHeader).toEqual(["key", "type", "label_zh", "label_en", "meaning_zh", "meaning_en", "values"]);
        expect(dictionary.map((r) => r[0])).toEqual(dataset.columns.map((c) => c.key));
      }
    });

    it("JSON: the dataset's description, licence, columns and the same rows", async () => {
      for (const dataset of await all()) {
        const body = JSON.parse(new TextDecoder().decode(await bytesOf(t, dataset, "json")));
        expect(Object.keys(body)).toEqual(expect.arrayContaining(["dataset", "description", "license", "generatedAt", "columns", "rows"]));
        expect(body.dataset).toBe(dataset.id);
        expect(body.description).toEqual(dataset.description);
        expect(body.license).toMatchObject({ id: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
        expect(body.license.attribution.zh).toContain("普陀");
        expect(body.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
        expect(body.columns.map((c: { key: string }) => c.key)).toEqual(dataset.columns.map((c) => c.key));
        const rows = await rowsOf(t, dataset);
        expect(body.rows).toEqual(rows.map((r) => Object.fromEntries(dataset.columns.map((c) => [c.key, plain(r[c.key])]))));
      }
    });

    it("no file holds an e-mail address, a phone number or a hidden item", async () => {
      const hidden = ["草稿需求不可见", "已撤回需求不可见", "初筛未通过需求不可见", "未公开应用不可见", "草稿应用不可见", "已撤回应用不可见", "初筛未通过应用不可见", "预算不足"];
      for (const dataset of await all()) {
        for (const format of ["csv", "xlsx", "json"] as const) {
          const bytes = await bytesOf(t, dataset, format);
          const text = format === "xlsx" ? await workbookText(bytes) : new TextDecoder().decode(bytes);
          for (const secret of [...Object.values(SECRETS), ...hidden]) expect(text, `${dataset.id}.${format}`).not.toContain(secret);
          expect(EMAIL.exec(text)?.[0] ?? null, `${dataset.id}.${format}`).toBeNull();
          expect(MOBILE.exec(text)?.[0] ?? null, `${dataset.id}.${format}`).toBeNull();
        }
      }
    });
  });
});
