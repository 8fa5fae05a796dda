/**
 * Reading an import file into rows: CSV (comma-separated, header row, UTF-8
 * with or without BOM; GB18030 as saved by Chinese Excel is recognised too),
 * XLSX (the first sheet, header row) or JSON (an array of objects). The format
 * is taken from the file name and checked against the content, so a workbook
 * renamed to .csv gets a clear message instead of garbage rows.
 *
 * Row numbers are those the user sees: in a sheet, the row of the spreadsheet
 * (header usually row 1, so the first data row is 2; blank rows are skipped
 * but keep their numbers); in JSON, the position of the object (1 = first).
 */
import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";

import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportFormat } from "./columns";
import type { ImportProblem } from "./problems";

/** A JSON value that is neither text, a number, a boolean nor a list of those. */
export const NOT_TEXT = Symbol("not text");
export type RawValue = string | string[] | typeof NOT_TEXT;

export type RawRow = {
  row: number;
  /** Cells by heading as written in the file (trimmed). */
  values: Record<string, RawValue>;
  /** Non-empty cells without a heading (beyond the last heading, or under a blank one). */
  extraCells: number;
  /** JSON only: the element is not an object. */
  notObject?: true;
};

export type ParsedImport = {
  format: ImportFormat;
  /** Headings as written, in file order (trimmed, blanks left out). */
  headers: string[];
  /** Row number of the header (sheets) or 0 (JSON). */
  headerRow: number;
  rows: RawRow[];
};

export type ProblemDraft = Omit<ImportProblem, "message">;
export type ParseResult = { ok: true; file: ParsedImport } | { ok: false; problem: ProblemDraft };

const fileProblem = (code: ProblemDraft["code"], params?: ProblemDraft["params"], row = 0): ParseResult => ({
  ok: false,
  problem: { row, column: "file", code, ...(params ? { params } : {}) },
});

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}
const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
const isOleDocument = (bytes: Uint8Array) => startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]);

/** What the content looks like, for a message when it does not match the name. */
function sniff(bytes: Uint8Array): "xlsx" | "xls" | "binary" | "text" {
  if (isZip(bytes)) return "xlsx";
  if (isOleDocument(bytes)) return "xls";
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return "binary";
  return "text";
}

function extensionOf(fileName: string): string {
  const base = fileName.trim().split(/[/\\]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** UTF-8 (BOM stripped); if the bytes are not valid UTF-8, GB18030 (what Chinese Excel writes). */
function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}

/** Text of a spreadsheet cell or JSON scalar. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value);
}

/** Rows of cells (CSV records or sheet rows) → header + data rows. */
function fromGrid(format: ImportFormat, grid: unknown[][]): ParseResult {
  const isBlank = (cells: unknown[]) => cells.every((c) => cellText(c).trim() === "");
  const headerIndex = grid.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) return fileProblem("fileEmpty");
  const headerCells = grid[headerIndex].map((c) => cellText(c).replace(/^\uFEFF/, "").trim());
  const headers = headerCells.filter((h) => h !== "");
  const rows: RawRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells = grid[i];
    if (isBlank(cells)) continue;
    const values: Record<string, RawValue> = {};
    let extraCells = 0;
    cells.forEach((cell, c) => {
      const text = cellText(cell);
      const heading = headerCells[c];
      if (heading) values[heading] = text;
      else if (text.trim() !== "") extraCells++;
    });
    rows.push({ row: i + 1, values, extraCells });
    if (rows.length > MAX_IMPORT_ROWS) return fileProblem("tooManyRows", { max: MAX_IMPORT_ROWS });
  }
  return { ok: true, file: { format, headers, headerRow: headerIndex + 1, rows } };
}

function parseCsv(bytes: Uint8Array): ParseResult {
  const text = decodeText(bytes);
  if (text === null) return fileProblem("fileUnreadable", { format: "CSV" });
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return fileProblem("fileEmpty");
  // The delimiter is fixed: `;` separates list items inside a cell, so guessing could pick it.
  const result = Papa.parse<string[]>(body, { delimiter: ",", skipEmptyLines: false, header: false });
  const quoteError = result.errors.find((e) => e.type === "Quotes");
  if (quoteError) {
    return fileProblem("csvMalformed", { detail: quoteError.message }, (quoteError.row ?? 0) + 1);
  }
  return fromGrid("csv", result.data);
}

async function parseXlsx(bytes: Uint8Array): Promise<ParseResult> {
  let grid: unknown[][];
  try {
    grid = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return fileProblem("fileUnreadable", { format: "XLSX" });
  }
  return fromGrid("xlsx", grid);
}

function jsonCell(value: unknown): RawValue {
  if (Array.isArray(value)) {
    if (value.some((v) => v !== null && typeof v === "object")) return NOT_TEXT;
    return value.map(cellText);
  }
  if (value !== null && typeof value === "object") return NOT_TEXT;
  return cellText(value);
}

function parseJson(bytes: Uint8Array): ParseResult {
  const text = decodeText(bytes);
  if (text === null) return fileProblem("fileUnreadable", { format: "JSON" });
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return fileProblem("fileEmpty");
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return fileProblem("jsonMalformed", { detail: error instanceof Error ? error.message : String(error) });
  }
  if (!Array.isArray(data)) return fileProblem("jsonNotArray");
  if (data.length > MAX_IMPORT_ROWS) return fileProblem("tooManyRows", { max: MAX_IMPORT_ROWS });
  const headers: string[] = [];
  const seen = new Set<string>();
  const rows: RawRow[] = data.map((item, index) => {
    const row = index + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      return { row, values: {}, extraCells: 0, notObject: true };
    }
    const values: Record<string, RawValue> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const heading = key.trim();
      if (!heading) continue;
      if (!seen.has(heading)) {
        seen.add(heading);
        headers.push(heading);
      }
      values[heading] = jsonCell(value);
    }
    return { row, values, extraCells: 0 };
  });
  return { ok: true, file: { format: "json", headers, headerRow: 0, rows } };
}

/**
 * Parse an uploaded file. Never throws for bad input: an unknown type, an
 * empty or unreadable file is one problem naming the file.
 */
export async function parseImportFile(bytes: Uint8Array, fileName: string): Promise<ParseResult> {
  if (bytes.byteLength === 0) return fileProblem("fileEmpty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return fileProblem("fileTooLarge", { maxMb: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) });
  }
  const ext = extensionOf(fileName);
  const content = sniff(bytes);
  if (ext === "xls" || (content === "xls" && ["csv", "xlsx", "json"].includes(ext))) return fileProblem("fileXls");
  if (ext === "xlsx") {
    if (content !== "xlsx") return fileProblem("fileContentMismatch", { expected: "XLSX", found: content.toUpperCase() });
    return parseXlsx(bytes);
  }
  if (ext === "csv" || ext === "json") {
    if (content !== "text") return fileProblem("fileContentMismatch", { expected: ext.toUpperCase(), found: content.toUpperCase() });
    return ext === "csv" ? parseCsv(bytes) : parseJson(bytes);
  }
  return fileProblem("fileType", { ext: ext ? `.${ext}` : "—" });
}
