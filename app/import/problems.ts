/**
 * What can be wrong with an import, as codes with parameters. The message of
 * each code is interface text (`import:problems.<code>` in app/locales), so a
 * report can be shown in either language; the server also keeps the message
 * it rendered when the report was made.
 */
export const PROBLEM_CODES = [
  // The file as a whole (row 0).
  "fileMissing",
  "fileEmpty",
  "fileTooLarge",
  "fileType",
  "fileXls",
  "fileContentMismatch",
  "fileUnreadable",
  "csvMalformed",
  "jsonMalformed",
  "jsonNotArray",
  "noRows",
  "tooManyRows",
  // The form (row 0).
  "kindInvalid",
  "campaignMissing",
  "campaignUnknown",
  "campaignClosed",
  // The header row.
  "columnMissing",
  "columnUnknown",
  "columnDuplicate",
  // Cells.
  "rowNotObject",
  "extraCells",
  "notText",
  "required",
  "tooLong",
  "tooManyItems",
  "invalidValue",
  "unknownTechnology",
  "unknownScenario",
  "unknownTargetGroup",
  "unknownSubdistrict",
  "duplicateRef",
  // Writing (should not happen: validation runs first).
  "writeFailed",
  // The last entry of a stored report that was cut at REPORT_LIMIT: `count` problems in all.
  "moreProblems",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type ProblemParams = Record<string, string | number>;

/**
 * One problem: `row` as the user sees it (in a spreadsheet the header is row 1,
 * so the first data row is row 2; in JSON, the n-th object is row n; 0 is the
 * file or form as a whole), the column (the canonical name, or the heading as
 * written for header problems), and what is wrong.
 */
export type ImportProblem = {
  row: number;
  column: string;
  code: ProblemCode;
  params?: ProblemParams;
  /** The message rendered when the report was made (in the importer's language). */
  message: string;
};

export function problemKey(code: ProblemCode): string {
  return `import:problems.${code}`;
}

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === "string" && (PROBLEM_CODES as readonly string[]).includes(value);
}

/** A value quoted in a message, cut short so that a report stays readable. */
export function quoteValue(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
