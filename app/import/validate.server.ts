/**
 * Validating parsed rows before anything is written: the header against the
 * kind's columns, then every row with a zod schema whose fields also resolve
 * the closed values (domain, maturity, raised_by: English value or Chinese
 * label), the tags (slug, Chinese or English name), the subdistricts (Chinese
 * or English name, with or without 街道/镇 · Subdistrict/Town) and the vendor
 * organisations (Chinese or English name; unknown ones will be created).
 *
 * Lookups are loaded once into maps: no query per row.
 */
import { z } from "zod";

import type { Database } from "../../db/client";
import { DOMAINS, MATURITIES, RAISED_BY, type Domain, type ImportKind, type Maturity, type RaisedBy, type TagKind } from "../../db/enums";
import { organizations, subdistricts, tags } from "../../db/schema";
import type { Locale } from "~/locales";
import { fixedT } from "~/utils/i18n.server";

import {
  COLUMNS,
  HEADER_ALIASES,
  LIMITS,
  LIST_SPLIT,
  OPTIONAL_COLUMNS,
  REPORT_LIMIT,
  VALUE_ALIASES,
  type ImportColumn,
  type ValueColumn,
} from "./columns";
import { NOT_TEXT, type ParsedImport, type ProblemDraft, type RawValue } from "./parse.server";
import { problemKey, quoteValue, type ImportProblem, type ProblemCode, type ProblemParams } from "./problems";

/** Case, width and spacing do not matter when matching names and values. */
export function matchKey(value: string): string {
  return value.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

function headingKey(value: string): string {
  return matchKey(value).replace(/[\s-]+/g, "_");
}

// ─── Lookups ─────────────────────────────────────────────────────────────────

export type OrganizationRef = { id: number } | { newName: string; key: string };
export type Placement = { subdistrictId: number | null; placeName: string | null };

type Lookups = {
  tags: Record<TagKind, Map<string, number>>;
  subdistricts: Map<string, number>;
  organizations: Map<string, number>;
};

/** Every way a subdistrict may be written: names, slug, and names without 街道/镇 or Subdistrict/Town. */
function subdistrictKeys(s: { slug: string; nameZh: string; nameEn: string }): string[] {
  const keys = [s.slug, s.nameZh, s.nameEn].map(matchKey);
  const zhShort = s.nameZh.replace(/(街道|镇)$/u, "");
  const enShort = s.nameEn.replace(/\s+(subdistrict|town)$/i, "");
  if (zhShort.length >= 2) keys.push(matchKey(zhShort));
  if (enShort.length >= 2) keys.push(matchKey(enShort));
  return [...new Set(keys)];
}

async function loadLookups(db: Database, kind: ImportKind): Promise<Lookups> {
  const [tagRows, placeRows, orgRows] = await Promise.all([
    db.select({ id: tags.id, kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn }).from(tags),
    db.select({ id: subdistricts.id, slug: subdistricts.slug, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn }).from(subdistricts),
    kind === "applications"
      ? db.select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn }).from(organizations).orderBy(organizations.id)
      : Promise.resolve([]),
  ]);
  const tagMaps: Lookups["tags"] = { technology: new Map(), scenario: new Map(), target_group: new Map() };
  for (const tag of tagRows) {
    for (const key of [tag.slug, tag.nameZh, tag.nameEn].map(matchKey)) {
      if (!tagMaps[tag.kind].has(key)) tagMaps[tag.kind].set(key, tag.id);
    }
  }
  // A short form shared by two places is ambiguous and matches neither; full names always match.
  const owners = new Map<string, Set<number>>();
  for (const place of placeRows) {
    for (const key of subdistrictKeys(place)) owners.set(key, (owners.get(key) ?? new Set()).add(place.id));
  }
  const placeMap = new Map<string, number>();
  for (const [key, ids] of owners) if (ids.size === 1) placeMap.set(key, [...ids][0]);
  for (const place of placeRows) {
    for (const key of [place.nameZh, place.nameEn, place.slug].map(matchKey)) placeMap.set(key, place.id);
  }
  const orgMap = new Map<string, number>();
  for (const org of orgRows) {
    for (const key of [org.nameZh, org.nameEn].map(matchKey)) if (!orgMap.has(key)) orgMap.set(key, org.id);
  }
  return { tags: tagMaps, subdistricts: placeMap, organizations: orgMap };
}

// ─── Row schemas ─────────────────────────────────────────────────────────────

type Issue = { code: ProblemCode; params?: ProblemParams };
type Ctx = z.RefinementCtx;

function fail(ctx: Ctx, issue: Issue): typeof z.NEVER {
  ctx.addIssue({ code: "custom", message: issue.code, params: issue });
  return z.NEVER;
}

/** A cell as text: absent and blank are "", a JSON list or object is not text. */
function asText(value: unknown, ctx: Ctx): string | typeof z.NEVER {
  if (value === undefined) return "";
  if (value === NOT_TEXT || Array.isArray(value)) return fail(ctx, { code: "notText" });
  return String(value).trim();
}

const requiredText = (max: number) =>
  z.unknown().transform((value, ctx) => {
    const text = asText(value, ctx);
    if (text === z.NEVER) return z.NEVER;
    if (text === "") return fail(ctx, { code: "required" });
    if ([...text].length > max) return fail(ctx, { code: "tooLong", params: { max } });
    return text;
  });

function allowedText(column: ValueColumn): string {
  const table = VALUE_ALIASES[column] as Record<string, readonly string[]>;
  return Object.entries(table)
    .map(([value, labels]) => `${value} (${labels[0]})`)
    .join(", ");
}

function valueMap<V extends string>(column: ValueColumn, values: readonly V[]): Map<string, V> {
  const table = VALUE_ALIASES[column] as Record<V, readonly string[]>;
  const map = new Map<string, V>();
  for (const value of values) {
    for (const spelling of [value, value.replace(/_/g, " "), ...table[value]]) map.set(matchKey(spelling), value);
  }
  return map;
}

const DOMAIN_VALUES = valueMap<Domain>("domain", DOMAINS);
const MATURITY_VALUES = valueMap<Maturity>("maturity", MATURITIES);
const RAISED_BY_VALUES = valueMap<RaisedBy>("raised_by", RAISED_BY);

const closedValue = <V extends string>(column: ValueColumn, values: Map<string, V>) =>
  z.unknown().transform((value, ctx): V => {
    const text = asText(value, ctx);
    if (text === z.NEVER) return z.NEVER;
    if (text === "") return fail(ctx, { code: "required" });
    const found = values.get(matchKey(text));
    if (!found) return fail(ctx, { code: "invalidValue", params: { value: quoteValue(text), allowed: allowedText(column) } });
    return found;
  });

/** A list cell: `a; b；c` or (JSON) an array. Undefined when the column is absent from the file. */
function listItems(value: unknown, ctx: Ctx): string[] | undefined | typeof z.NEVER {
  if (value === undefined) return undefined;
  if (value === NOT_TEXT) return fail(ctx, { code: "notText" });
  const parts = Array.isArray(value) ? value.map(String) : String(value).split(LIST_SPLIT);
  const seen = new Set<string>();
  const items: string[] = [];
  for (const part of parts) {
    const item = part.trim();
    if (!item || seen.has(matchKey(item))) continue;
    seen.add(matchKey(item));
    items.push(item);
  }
  if (items.length > LIMITS.listItems) return fail(ctx, { code: "tooManyItems", params: { max: LIMITS.listItems } });
  return items;
}

const UNKNOWN_TAG: Record<TagKind, ProblemCode> = {
  technology: "unknownTechnology",
  scenario: "unknownScenario",
  target_group: "unknownTargetGroup",
};

const tagList = (kind: TagKind, lookups: Lookups) =>
  z.unknown().transform((value, ctx): number[] | undefined => {
    const items = listItems(value, ctx);
    if (items === undefined) return undefined;
    if (items === z.NEVER) return z.NEVER;
    const ids: number[] = [];
    let bad = false;
    for (const item of items) {
      const id = lookups.tags[kind].get(matchKey(item));
      if (id === undefined) {
        bad = true;
        ctx.addIssue({ code: "custom", message: UNKNOWN_TAG[kind], params: { code: UNKNOWN_TAG[kind], params: { value: quoteValue(item) } } });
      } else if (!ids.includes(id)) ids.push(id);
    }
    return bad ? z.NEVER : ids;
  });

const placeList = (lookups: Lookups) =>
  z.unknown().transform((value, ctx): Placement[] | undefined => {
    const items = listItems(value, ctx);
    if (items === undefined) return undefined;
    if (items === z.NEVER) return z.NEVER;
    const places: Placement[] = [];
    for (const item of items) {
      if ([...item].length > LIMITS.place) return fail(ctx, { code: "tooLong", params: { max: LIMITS.place } });
      const id = lookups.subdistricts.get(matchKey(item));
      if (id !== undefined) {
        if (!places.some((p) => p.subdistrictId === id)) places.push({ subdistrictId: id, placeName: null });
      } else places.push({ subdistrictId: null, placeName: item });
    }
    return places;
  });

const subdistrictField = (lookups: Lookups) =>
  z.unknown().transform((value, ctx): number => {
    const text = asText(value, ctx);
    if (text === z.NEVER) return z.NEVER;
    if (text === "") return fail(ctx, { code: "required" });
    const id = lookups.subdistricts.get(matchKey(text));
    if (id === undefined) return fail(ctx, { code: "unknownSubdistrict", params: { value: quoteValue(text) } });
    return id;
  });

const organizationField = (lookups: Lookups) =>
  requiredText(LIMITS.organization).transform((name): OrganizationRef => {
    const key = matchKey(name);
    const id = lookups.organizations.get(key);
    return id !== undefined ? { id } : { newName: name.replace(/\s+/g, " "), key };
  });

function applicationRowSchema(lookups: Lookups) {
  return z.object({
    ref: requiredText(LIMITS.ref),
    title: requiredText(LIMITS.title),
    summary: requiredText(LIMITS.summary),
    description: requiredText(LIMITS.description),
    organization: organizationField(lookups),
    domain: closedValue("domain", DOMAIN_VALUES),
    technologies: tagList("technology", lookups).optional(),
    scenarios: tagList("scenario", lookups).optional(),
    target_groups: tagList("target_group", lookups).optional(),
    maturity: closedValue("maturity", MATURITY_VALUES),
    deployed_in: placeList(lookups).optional(),
  });
}

function demandRowSchema(lookups: Lookups) {
  return z.object({
    ref: requiredText(LIMITS.ref),
    title: requiredText(LIMITS.title),
    description: requiredText(LIMITS.description),
    domain: closedValue("domain", DOMAIN_VALUES),
    subdistrict: subdistrictField(lookups),
    raised_by: closedValue("raised_by", RAISED_BY_VALUES),
    target_groups: tagList("target_group", lookups).optional(),
  });
}

// ─── Normalised rows ─────────────────────────────────────────────────────────

/** Tag ids by kind; a kind is missing when its column is not in the file (left unchanged on update). */
export type TagIds = Partial<Record<TagKind, number[]>>;

export type ApplicationImportRow = {
  kind: "applications";
  row: number;
  ref: string;
  title: string;
  summary: string;
  description: string;
  lang: "zh-CN" | "en";
  domain: Domain;
  maturity: Maturity;
  organization: OrganizationRef;
  tagIds: TagIds;
  /** Undefined when the file has no deployed_in column. */
  deployments: Placement[] | undefined;
};

export type DemandImportRow = {
  kind: "demands";
  row: number;
  ref: string;
  title: string;
  description: string;
  lang: "zh-CN" | "en";
  domain: Domain;
  subdistrictId: number;
  raisedBy: RaisedBy;
  tagIds: TagIds;
};

export type NormalisedRow = ApplicationImportRow | DemandImportRow;

const HAN = /\p{Script=Han}/u;
const languageOf = (...texts: string[]): "zh-CN" | "en" => (texts.some((t) => HAN.test(t)) ? "zh-CN" : "en");

function tagIdsOf(parsed: { technologies?: number[]; scenarios?: number[]; target_groups?: number[] }): TagIds {
  const ids: TagIds = {};
  if (parsed.technologies) ids.technology = parsed.technologies;
  if (parsed.scenarios) ids.scenario = parsed.scenarios;
  if (parsed.target_groups) ids.target_group = parsed.target_groups;
  return ids;
}

// ─── Validation ──────────────────────────────────────────────────────────────

export type ValidationResult =
  | { ok: NormalisedRow[]; columns: ImportColumn[] }
  | { problems: ImportProblem[]; problemCount: number };

export type ValidateOptions = {
  locale?: Locale;
  onProgress?: (processed: number, total: number) => void;
};

/** Render drafts into problems with messages in `locale`. */
export function renderProblems(drafts: ProblemDraft[], locale: Locale = "zh-CN"): ImportProblem[] {
  const t = fixedT(locale);
  return drafts.map((d) => ({ ...d, message: t(problemKey(d.code), { ...d.params, column: d.column, row: d.row }) }));
}

/** Map headings to the kind's columns; problems for unknown, duplicate and missing required ones. */
function mapHeader(kind: ImportKind, file: ParsedImport): { columns: Map<string, ImportColumn>; problems: ProblemDraft[] } {
  const allowed = COLUMNS[kind];
  const byKey = new Map<string, ImportColumn>();
  for (const column of allowed) {
    byKey.set(headingKey(column), column);
    for (const alias of HEADER_ALIASES[column]) byKey.set(headingKey(alias), column);
  }
  const columns = new Map<string, ImportColumn>();
  const problems: ProblemDraft[] = [];
  const taken = new Map<ImportColumn, string>();
  for (const heading of file.headers) {
    const column = byKey.get(headingKey(heading));
    if (!column) {
      problems.push({ row: file.headerRow, column: heading, code: "columnUnknown", params: { expected: allowed.join(", ") } });
    } else if (taken.has(column)) {
      problems.push({ row: file.headerRow, column: heading, code: "columnDuplicate", params: { other: taken.get(column)! } });
    } else {
      taken.set(column, heading);
      columns.set(heading, column);
    }
  }
  for (const column of allowed) {
    if (!taken.has(column) && !OPTIONAL_COLUMNS.includes(column)) {
      problems.push({ row: file.headerRow, column, code: "columnMissing" });
    }
  }
  return { columns, problems };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Validate every row. Either all rows are good (`ok`, normalised and ready to
 * write) or `problems` lists the first REPORT_LIMIT problems in file order and
 * `problemCount` counts them all.
 */
export async function validateImportRows(
  db: Database,
  kind: ImportKind,
  file: ParsedImport,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const locale = options.locale ?? "zh-CN";
  const header = mapHeader(kind, file);
  if (header.problems.length) {
    return { problems: renderProblems(header.problems.slice(0, REPORT_LIMIT), locale), problemCount: header.problems.length };
  }
  if (file.rows.length === 0) {
    return { problems: renderProblems([{ row: 0, column: "file", code: "noRows" }], locale), problemCount: 1 };
  }

  const lookups = await loadLookups(db, kind);
  const schema = kind === "applications" ? applicationRowSchema(lookups) : demandRowSchema(lookups);
  const present = new Set(header.columns.values());
  const drafts: ProblemDraft[] = [];
  let problemCount = 0;
  const add = (problem: ProblemDraft) => {
    problemCount++;
    if (drafts.length < REPORT_LIMIT) drafts.push(problem);
  };
  const refRows = new Map<string, number>();
  const ok: NormalisedRow[] = [];
  const total = file.rows.length;

  for (let i = 0; i < total; i++) {
    const raw = file.rows[i];
    if (raw.notObject) {
      add({ row: raw.row, column: "file", code: "rowNotObject" });
      continue;
    }
    const input: Record<string, RawValue | undefined> = {};
    for (const [heading, value] of Object.entries(raw.values)) {
      const column = header.columns.get(heading);
      if (column) input[column] = value;
    }
    // A column the file has but this (JSON) row leaves out is blank, not "absent".
    for (const column of present) if (!(column in input)) input[column] = "";
    if (raw.extraCells > 0) add({ row: raw.row, column: "file", code: "extraCells", params: { count: raw.extraCells } });

    const result = schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? "file");
        const custom = issue.code === "custom" ? (issue.params as Issue | undefined) : undefined;
        add({ row: raw.row, column, code: custom?.code ?? "required", ...(custom?.params ? { params: custom.params } : {}) });
      }
    }
    // The ref must be unique within the file, whatever else is wrong with the row.
    const ref = typeof input.ref === "string" ? input.ref.trim() : "";
    if (ref) {
      const first = refRows.get(ref);
      if (first !== undefined) add({ row: raw.row, column: "ref", code: "duplicateRef", params: { value: quoteValue(ref), otherRow: first } });
      else refRows.set(ref, raw.row);
    }
    if (result.success && problemCount === 0) {
      const d = result.data;
      if ("summary" in d) {
        ok.push({
          kind: "applications",
          row: raw.row,
          ref: d.ref,
          title: d.title,
          summary: d.summary,
          description: d.description,
          lang: languageOf(d.title, d.summary, d.description),
          domain: d.domain,
          maturity: d.maturity,
          organization: d.organization,
          tagIds: tagIdsOf(d),
          deployments: d.deployed_in,
        });
      } else {
        ok.push({
          kind: "demands",
          row: raw.row,
          ref: d.ref,
          title: d.title,
          description: d.description,
          lang: languageOf(d.title, d.description),
          domain: d.domain,
          subdistrictId: d.subdistrict,
          raisedBy: d.raised_by,
          tagIds: tagIdsOf(d),
        });
      }
    }
    if ((i + 1) % 250 === 0 || i + 1 === total) {
      options.onProgress?.(i + 1, total);
      await yieldToEventLoop();
    }
  }

  if (problemCount > 0) return { problems: renderProblems(drafts, locale), problemCount };
  return { ok, columns: [...present] };
}
