/**
 * Reading import files: CSV (BOM, CRLF, quoted cells, blank rows keep their
 * numbers, GB18030), XLSX (first sheet), JSON (array of objects), and one clear
 * problem for an empty, unknown, mislabelled or unreadable file.
 */
import writeExcelFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";

import { NOT_TEXT, parseImportFile } from "../../../app/import/parse.server";

import { csv } from "./fixtures";

const text = (s: string) => new TextEncoder().encode(s);

describe("parseImportFile", () => {
  it("reads a CSV with BOM and CRLF, quoted cells with commas and line breaks, numbering rows as a spreadsheet does", async () => {
    const bytes = csv(
      [
        ["ref", "title", "technologies"],
        ["A-1", "标题, 带逗号", "人工智能; 物联网"],
        ["", "", ""],
        ["A-2", "两行\n标题", ""],
      ],
      { bom: true, eol: "\r\n" },
    );
    const result = await parseImportFile(bytes, "list.CSV");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.format).toBe("csv");
    expect(result.file.headers).toEqual(["ref", "title", "technologies"]);
    expect(result.file.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(result.file.rows[0].values).toEqual({ ref: "A-1", title: "标题, 带逗号", technologies: "人工智能; 物联网" });
    expect(result.file.rows[1].values.title).toBe("两行\n标题");
  });

  it("counts cells that have no heading", async () => {
    const result = await parseImportFile(text("ref,title\nA-1,x,extra\n"), "a.csv");
    expect(result.ok && result.file.rows[0].extraCells).toBe(1);
  });

  it("reads a CSV saved by Chinese Excel in GB18030", async () => {
    const gb = Buffer.from("7265662c7469746c650d0a412d312cc4e3bac30d0a", "hex"); // "ref,title\r\nA-1,你好\r\n"
    const result = await parseImportFile(gb, "gbk.csv");
    expect(result.ok && result.file.rows[0].values.title).toBe("你好");
  });

  it("reads the first sheet of an XLSX, with numbers and dates as text", async () => {
    const buffer = await writeExcelFile(
      [
        [null, null, null],
        ["ref", "title", "since"],
        ["X-1", "标题", new Date("2024-03-05T00:00:00Z")],
        [null, null, null],
        [42, "数字编号", null],
      ],
      { dateFormat: "yyyy-mm-dd" },
    ).toBuffer();
    const result = await parseImportFile(buffer, "sheet.xlsx");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.format).toBe("xlsx");
    expect(result.file.headerRow).toBe(2);
    expect(result.file.rows.map((r) => [r.row, r.values.ref, r.values.since])).toEqual([
      [3, "X-1", "2024-03-05"],
      [5, "42", ""],
    ]);
  });

  it("reads a JSON array of objects, keeping lists and flagging nested objects", async () => {
    const json = JSON.stringify([
      { ref: "J-1", title: "标题", technologies: ["人工智能", "物联网"], extra: { a: 1 } },
      { ref: 2, title: null },
      "not an object",
    ]);
    const result = await parseImportFile(text(json), "items.json");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.headers).toEqual(["ref", "title", "technologies", "extra"]);
    expect(result.file.rows[0].values.technologies).toEqual(["人工智能", "物联网"]);
    expect(result.file.rows[0].values.extra).toBe(NOT_TEXT);
    expect(result.file.rows[1]).toMatchObject({ row: 2, values: { ref: "2", title: "" } });
    expect(result.file.rows[2]).toMatchObject({ row: 3, notObject: true });
  });

  it.each([
    ["an empty file", new Uint8Array(), "a.csv", "fileEmpty"],
    ["a CSV of blank lines", text("\n\n ,\n"), "a.csv", "fileEmpty"],
    ["an unknown type", text("ref\nA"), "notes.txt", "fileType"],
    ["an old .xls workbook", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "old.xls", "fileXls"],
    ["a workbook named .csv", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "list.csv", "fileContentMismatch"],
    ["text named .xlsx", text("ref,title\nA,B\n"), "list.xlsx", "fileContentMismatch"],
    ["a broken zip named .xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]), "broken.xlsx", "fileUnreadable"],
    ["invalid JSON", text("[{\"ref\": 1,]"), "a.json", "jsonMalformed"],
    ["JSON that is not an array", text("{\"ref\": 1}"), "a.json", "jsonNotArray"],
    ["an unclosed quote", text('ref,title\nA,"open\n'), "a.csv", "csvMalformed"],
  ])("rejects %s with one problem", async (_name, bytes, fileName, code) => {
    const result = await parseImportFile(bytes, fileName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ column: "file", code });
  });
});
