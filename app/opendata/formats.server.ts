/**
 * Writing a dataset as a file: CSV, XLSX or JSON, as a stream of bytes.
 *
 * - CSV: UTF-8 with a byte-order mark (so Excel reads Chinese correctly),
 *   CRLF line ends and RFC 4180 quoting (papaparse). Text cells that begin
 *   with = + - @ tab or CR get a leading single quote, so a spreadsheet never
 *   runs them as formulas (CSV injection); numbers are written as numbers and
 *   need no such guard.
 * - XLSX: a data sheet (bold frozen header row, column widths by type, times
 *   as real dates in Beijing time) and a second sheet with the column
 *   dictionary. Cells are typed strings, never formulas. A workbook is a zip,
 *   so it is built whole in memory and sent as one chunk.
 * - JSON: `{ dataset, title, description, license, source, generatedAt,
 *   lastChanged, columns, rows }`, with one row per line, streamed.
 *
 * Times: CSV and JSON write ISO 8601 with the Beijing offset
 * (2021-06-01T16:00:00+08:00); `date` cells stay `YYYY-MM-DD`.
 * The header row of CSV and XLSX holds the stable column keys, or the
 * column names in Chinese or English when asked (`?lang=`).
 */
import Papa from "papaparse";
import writeExcelFile, { type Cell as SheetCell, type SheetData } from "write-excel-file/node";

import { env } from "~/utils/env.server";
import { fixedT } from "~/utils/i18n.server";

import type { Bilingual, Cell, Column, ColumnType, Dataset, Row } from "./datasets.server";
import type { Format } from "./paths";

export { FORMATS, isFormat, type Format } from "./paths";

export const CONTENT_TYPES: Record<Format, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

/** What the header row of a CSV or XLSX file holds. */
export type HeaderLanguage = "keys" | "zh-CN" | "en";

export const LICENSE = {
  id: "CC-BY-4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
  urlZh: "https://creativecommons.org/licenses/by/4.0/deed.zh-hans",
};

/** Text that a spreadsheet would take for a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

const BOM = "\uFEFF";
const CRLF = "\r\n";
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 2021-06-01T16:00:00+08:00 for 2021-06-01T08:00:00Z. */
export function beijingIso(date: Date): string {
  return `${new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function headerOf(column: Column, header: HeaderLanguage): string {
  return header === "keys" ? column.key : header === "en" ? column.label.en : column.label.zh;
}

/** A cell as CSV and JSON write it: dates as Beijing ISO text, the rest unchanged. */
function plain(value: Cell): string | number | boolean | null {
  return value instanceof Date ? beijingIso(value) : value;
}

// ─── CSV ─────────────────────────────────────────────────────────────────────

const csvOptions = { newline: CRLF, escapeFormulae: FORMULA_START } as const;

export function csvHeader(columns: Column[], header: HeaderLanguage): string {
  return `${BOM}${Papa.unparse([columns.map((c) => headerOf(c, header))], csvOptions)}${CRLF}`;
}

export function csvLines(columns: Column[], rows: Row[]): string {
  if (rows.length === 0) return "";
  const data = rows.map((row) => columns.map((c) => plain(row[c.key] ?? null)));
  return `${Papa.unparse(data, csvOptions)}${CRLF}`;
}

// ─── JSON ────────────────────────────────────────────────────────────────────

export type JsonColumn = {
  key: string;
  type: ColumnType;
  label: Bilingual;
  meaning: Bilingual;
  values?: { value: string; zh: string; en: string }[];
};

export function licenseOf(): { id: string; name: Bilingual; url: string; attribution: Bilingual } {
  const zh = fixedT("zh-CN");
  const en = fixedT("en");
  return {
    id: LICENSE.id,
    name: { zh: zh("opendata:license.name"), en: en("opendata:license.name") },
    url: LICENSE.url,
    attribution: { zh: zh("opendata:license.attribution"), en: en("opendata:license.attribution") },
  };
}

export function jsonOpening(dataset: Dataset, generatedAt: Date, lastChanged: Date | null): string {
  const head = {
    dataset: dataset.id,
    title: dataset.title,
    description: dataset.description,
    license: licenseOf(),
    source: `${env().PUBLIC_URL}/data`,
    generatedAt: beijingIso(generatedAt),
    lastChanged: lastChanged ? beijingIso(lastChanged) : null,
    columns: dataset.columns satisfies JsonColumn[],
  };
  const text = JSON.stringify(head);
  // Leave the object open for the rows.
  return `${text.slice(0, -1)},"rows":[`;
}

export function jsonRows(columns: Column[], rows: Row[], first: boolean): string {
  return rows
    .map((row, i) => {
      const object = Object.fromEntries(columns.map((c) => [c.key, plain(row[c.key] ?? null)]));
      return `${first && i === 0 ? "" : ","}\n${JSON.stringify(object)}`;
    })
    .join("");
}

export const JSON_CLOSING = "\n]}\n";

// ─── XLSX ────────────────────────────────────────────────────────────────────

// Characters XML 1.0 cannot hold; a workbook containing one will not open.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const WIDTHS: Record<ColumnType, number> = { integer: 10, number: 10, text: 30, list: 28, code: 16, date: 12, datetime: 18, boolean: 10, url: 40 };
const LONG_TEXT = new Set(["description", "summary", "description_zh", "description_en", "pilot_kpis", "outcome"]);

function widthOf(column: Column): number {
  if (LONG_TEXT.has(column.key)) return 60;
  if (column.key.endsWith("title") || column.key === "title") return 40;
  return WIDTHS[column.type];
}

function sheetCell(column: Column, value: Cell): SheetCell {
  if (value === null || value === undefined || value === "") return null;
  switch (column.type) {
    case "integer":
    case "number":
      return { value: Number(value), type: Number, ...(column.type === "number" ? { format: "0.000" } : {}) };
    case "boolean":
      return { value: Boolean(value), type: Boolean };
    case "datetime": {
      const date = value instanceof Date ? value : new Date(String(value));
      // Excel has no time zones: shift so that the sheet shows Beijing time.
      return { value: new Date(date.getTime() + BEIJING_OFFSET_MS), type: Date, format: "yyyy-mm-dd hh:mm" };
    }
    case "date":
      return { value: new Date(`${String(value)}T00:00:00Z`), type: Date, format: "yyyy-mm-dd" };
    default:
      return { value: String(value).replace(NOT_XML, ""), type: String };
  }
}

/** An enumerated column's codes with their names, one per line of the cell. */
function valuesText(column: Column): string {
  return (column.values ?? []).map((v) => `${v.value} = ${v.zh} / ${v.en}`).join("\n");
}

function dictionarySheet(columns: Column[], header: HeaderLanguage): SheetData {
  const t = fixedT(header === "en" ? "en" : "zh-CN");
  const headings =
    header === "keys"
      ? ["key", "type", "label_zh", "label_en", "meaning_zh", "meaning_en", "values"]
      : (["key", "type", "labelZh", "labelEn", "meaningZh", "meaningEn", "values"] as const).map((k) => t(`opendata:dictionary.${k}`));
  const bold = (value: string): SheetCell => ({ value, type: String, fontWeight: "bold" });
  return [
    headings.map(bold),
    ...columns.map((c) => [
      { value: c.key, type: String },
      { value: header === "keys" ? c.type : t(`opendata:types.${c.type}`), type: String },
      { value: c.label.zh, type: String },
      { value: c.label.en, type: String },
      { value: c.meaning.zh, type: String, wrap: true },
      { value: c.meaning.en, type: String, wrap: true },
      c.values ? { value: valuesText(c), type: String, wrap: true } : null,
    ] satisfies SheetCell[]),
  ];
}

export async function xlsxWorkbook(dataset: Dataset, rows: Row[], header: HeaderLanguage): Promise<Uint8Array<ArrayBuffer>> {
  const { columns } = dataset;
  const t = fixedT(header === "en" ? "en" : "zh-CN");
  const data: SheetData = [
    columns.map((c) => ({ value: headerOf(c, header), type: String, fontWeight: "bold" as const })),
    ...rows.map((row) => columns.map((c) => sheetCell(c, row[c.key] ?? null))),
  ];
  const names = header === "keys" ? { data: "data", columns: "columns" } : { data: t("opendata:sheets.data"), columns: t("opendata:sheets.columns") };
  const buffer = await writeExcelFile([
    { data, sheet: names.data, columns: columns.map((c) => ({ width: widthOf(c) })), stickyRowsCount: 1 },
    {
      data: dictionarySheet(columns, header),
      sheet: names.columns,
      columns: [{ width: 24 }, { width: 14 }, { width: 20 }, { width: 24 }, { width: 50 }, { width: 50 }, { width: 40 }],
      stickyRowsCount: 1,
    },
  ]).toBuffer();
  return new Uint8Array(buffer);
}

// ─── The stream ──────────────────────────────────────────────────────────────

export type RenderOptions = { header: HeaderLanguage; generatedAt?: Date; lastChanged?: Date | null };

/**
 * The file, as text chunks (CSV, JSON) or one workbook (XLSX). Pulling it
 * reads the next batch of rows; cancelling it stops reading.
 */
export async function* renderChunks(dataset: Dataset, batches: AsyncIterable<Row[]>, format: Format, options: RenderOptions): AsyncGenerator<string | Uint8Array> {
  const { columns } = dataset;
  if (format === "csv") {
    yield csvHeader(columns, options.header);
    for await (const batch of batches) yield csvLines(columns, batch);
  } else if (format === "json") {
    yield jsonOpening(dataset, options.generatedAt ?? new Date(), options.lastChanged ?? null);
    let first = true;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      yield jsonRows(columns, batch, first);
      first = false;
    }
    yield JSON_CLOSING;
  } else {
    const all: Row[] = [];
    for await (const batch of batches) for (const row of batch) all.push(row);
    yield await xlsxWorkbook(dataset, all, options.header);
  }
}

/** A web stream of the file's bytes. */
export function renderStream(dataset: Dataset, batches: AsyncIterable<Row[]>, format: Format, options: RenderOptions): ReadableStream<Uint8Array> {
  const chunks = renderChunks(dataset, batches, format, options);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      } catch (error) {
        console.error(`open data: writing ${dataset.id} as ${format} failed`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
