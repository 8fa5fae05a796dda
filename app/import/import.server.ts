/**
 * Bulk import of demands or applications into a campaign, for officials, from
 * the upload page and the command line.
 *
 *   runImport(db, actor, { kind, campaignSlug, fileName, bytes, onProgress })
 *
 * 1. checks the permission (`import:item:any`), the kind and the campaign
 *    (it must exist and not be closed) and reads the file; a problem here is
 *    returned as `rejected` and nothing is recorded;
 * 2. records an `import_runs` row and validates every row; any problem fails
 *    the run with a report (row, column, problem) and nothing is imported;
 * 3. otherwise writes everything in ONE transaction, in batches of multi-row
 *    statements: upsert by (campaign, ref) — a new ref is created `submitted`,
 *    a known one is updated (fields, tags, deployments; `version` + 1, status
 *    kept) — missing vendor organisations created unverified, one audit row
 *    per item and one `import.run` row with the counts, search outbox rows for
 *    every item and new organisation. A failure part-way leaves nothing.
 */
import crypto from "node:crypto";

import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";

import { rowsOf, type Database } from "../../db/client";
import { IMPORT_KINDS, type ImportKind, type TagKind } from "../../db/enums";
import { applications, auditLog, campaigns, demands, importRuns, organizations, users } from "../../db/schema";
import type { Executor } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";
import type { Locale } from "~/locales";

import { BATCH_SIZE, type ImportColumn } from "./columns";
import { parseImportFile, type ProblemDraft } from "./parse.server";
import type { ImportProblem } from "./problems";
import { trackImport, type ImportPhase } from "./progress.server";
import {
  renderProblems,
  validateImportRows,
  type ApplicationImportRow,
  type DemandImportRow,
  type NormalisedRow,
  type Placement,
} from "./validate.server";

export type ImportProgressEvent = { phase: Exclude<ImportPhase, "done" | "failed">; processed: number; total: number };

export type RunImportInput = {
  kind: string;
  campaignSlug: string;
  fileName: string;
  bytes: Uint8Array;
  /** Language of the report's messages (default Chinese). */
  locale?: Locale;
  onProgress?: (event: ImportProgressEvent) => void;
  /** Publish progress in the in-process map under this key, readable by `progressOwner`. */
  progressKey?: string | null;
  progressOwner?: string | null;
};

export type ImportOutcome =
  /** The form or the file as a whole is wrong: nothing recorded. */
  | { status: "rejected"; runId: null; problems: ImportProblem[] }
  /** Some rows are wrong: the run and its report are recorded, nothing imported. */
  | { status: "failed"; runId: number; totalRows: number; problems: ImportProblem[]; problemCount: number }
  | {
      status: "done";
      runId: number;
      totalRows: number;
      created: number;
      updated: number;
      organizationsCreated: number;
      /** Milliseconds for the whole import (reading, validating, writing). */
      ms: number;
    };

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

const isImportKind = (value: string): value is ImportKind => (IMPORT_KINDS as readonly string[]).includes(value);

/** Campaigns that accept imports: every stage but `closed`. */
export async function importableCampaigns(db: Database) {
  return db
    .select({ id: campaigns.id, slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn, stage: campaigns.stage })
    .from(campaigns)
    .where(ne(campaigns.stage, "closed"))
    .orderBy(desc(campaigns.opensAt), asc(campaigns.id));
}

export async function runImport(db: Database, actor: Actor | null | undefined, input: RunImportInput): Promise<ImportOutcome> {
  assertCan(actor, "import:item:any");
  const started = Date.now();
  const locale = input.locale ?? "zh-CN";
  const rejected = (draft: ProblemDraft): ImportOutcome => ({ status: "rejected", runId: null, problems: renderProblems([draft], locale) });

  const kind = input.kind.trim();
  if (!isImportKind(kind)) return rejected({ row: 0, column: "kind", code: "kindInvalid" });
  const slug = input.campaignSlug.trim();
  if (!slug) return rejected({ row: 0, column: "campaign", code: "campaignMissing" });
  const [campaign] = await db
    .select({ id: campaigns.id, slug: campaigns.slug, stage: campaigns.stage })
    .from(campaigns)
    .where(eq(campaigns.slug, slug))
    .limit(1);
  if (!campaign) return rejected({ row: 0, column: "campaign", code: "campaignUnknown", params: { value: slug.slice(0, 60) } });
  if (campaign.stage === "closed") return rejected({ row: 0, column: "campaign", code: "campaignClosed" });

  const parsed = await parseImportFile(input.bytes, input.fileName);
  if (!parsed.ok) return rejected(parsed.problem);
  const file = parsed.file;
  const totalRows = file.rows.length;

  const tracker = trackImport(input.progressKey ?? null, input.progressOwner ?? null);
  const progress = (phase: ImportProgressEvent["phase"], processed: number) => {
    tracker.update(phase, processed, totalRows);
    input.onProgress?.({ phase, processed, total: totalRows });
  };

  const [run] = await db
    .insert(importRuns)
    .values({
      kind,
      campaignId: campaign.id,
      fileName: input.fileName.trim().slice(0, 255) || "import",
      status: "validating",
      totalRows,
      createdById: actor.id,
    })
    .returning({ id: importRuns.id });
  tracker.setRun(run.id);
  progress("validating", 0);

  try {
    const validation = await validateImportRows(db, kind, file, {
      locale,
      onProgress: (processed) => progress("validating", processed),
    });
    if ("problems" in validation) {
      const stored =
        validation.problemCount > validation.problems.length
          ? [
              ...validation.problems,
              ...renderProblems(
                [{ row: 0, column: "file", code: "moreProblems", params: { count: validation.problemCount, shown: validation.problems.length } }],
                locale,
              ),
            ]
          : validation.problems;
      await db
        .update(importRuns)
        .set({ status: "failed", problems: stored, finishedAt: new Date() })
        .where(eq(importRuns.id, run.id));
      tracker.update("failed", totalRows, totalRows);
      return { status: "failed", runId: run.id, totalRows, problems: validation.problems, problemCount: validation.problemCount };
    }

    await db.update(importRuns).set({ status: "importing" }).where(eq(importRuns.id, run.id));
    progress("writing", 0);
    const counts = await db.transaction(async (tx) => {
      const context: WriteContext = {
        tx,
        actorId: actor.id,
        runId: run.id,
        campaignId: campaign.id,
        columns: validation.columns,
        onBatch: async (processed) => {
          await tx.update(importRuns).set({ processedRows: processed }).where(eq(importRuns.id, run.id));
          progress("writing", processed);
          // PGlite runs each statement on this thread: let waiting requests (progress polls) in.
          await yieldToEventLoop();
        },
      };
      const result =
        kind === "applications"
          ? await writeApplications(context, validation.ok as ApplicationImportRow[])
          : await writeDemands(context, validation.ok as DemandImportRow[]);
      await tx
        .update(importRuns)
        .set({
          status: "done",
          processedRows: totalRows,
          createdCount: result.created,
          updatedCount: result.updated,
          problems: [],
          finishedAt: new Date(),
        })
        .where(eq(importRuns.id, run.id));
      await tx.insert(auditLog).values({
        actorId: actor.id,
        action: "import.run",
        entityType: "import_run",
        entityId: run.id,
        data: {
          kind,
          campaign: campaign.slug,
          fileName: input.fileName,
          format: file.format,
          totalRows,
          created: result.created,
          updated: result.updated,
          organizationsCreated: result.organizationsCreated,
        },
      });
      return result;
    });
    tracker.update("done", totalRows, totalRows);
    return { status: "done", runId: run.id, totalRows, ...counts, ms: Date.now() - started };
  } catch (error) {
    // Not the file's fault (validation ran first): a database problem. The transaction rolled back.
    // A query error is logged by its reason (drizzle's message carries the whole SQL and its data).
    if ((error as { cause?: unknown } | null)?.cause instanceof Error) console.error(`Import run ${run.id} failed: ${databaseReason(error)}`);
    else console.error(`Import run ${run.id} failed:`, error);
    const problems = renderProblems([{ row: 0, column: "file", code: "writeFailed", params: { detail: databaseReason(error) } }], locale);
    await db
      .update(importRuns)
      .set({ status: "failed", problems, processedRows: 0, finishedAt: new Date() })
      .where(eq(importRuns.id, run.id))
      .catch(() => {});
    tracker.update("failed", totalRows, totalRows);
    return { status: "failed", runId: run.id, totalRows, problems, problemCount: 1 };
  }
}

/** The database's own words (not drizzle's "Failed query: <the whole SQL>"), short. */
function databaseReason(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").slice(0, 200);
}

// ─── Writing ─────────────────────────────────────────────────────────────────
//
// Each batch is written by a few statements whose rows travel as ONE JSON
// parameter (`jsonb_to_recordset`), rather than thousands of bind parameters:
// on PGlite that is several times faster, and it is the same SQL on PostgreSQL.
// Identifiers in the SQL below are constants of this module, never user input.

type WriteContext = {
  tx: Executor;
  actorId: number;
  runId: number;
  campaignId: number;
  columns: ImportColumn[];
  onBatch: (processed: number) => Promise<void>;
};

type WriteCounts = { created: number; updated: number; organizationsCreated: number };

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows as one jsonb parameter (sent as text: both drivers pass it through unchanged). */
const jsonRows = (rows: unknown[]) => sql`${JSON.stringify(rows)}::text::jsonb`;

/** The columns an item table takes from a row, besides campaign_id and ref. */
type ItemSpec = {
  table: "applications" | "demands";
  entityType: "application" | "demand";
  tagTable: "application_tags" | "demand_tags";
  foreignKey: "application_id" | "demand_id";
  fields: readonly { column: string; type: "text" | "int" }[];
};

const APPLICATION_SPEC: ItemSpec = {
  table: "applications",
  entityType: "application",
  tagTable: "application_tags",
  foreignKey: "application_id",
  fields: [
    { column: "organization_id", type: "int" },
    { column: "title", type: "text" },
    { column: "summary", type: "text" },
    { column: "description", type: "text" },
    { column: "lang", type: "text" },
    { column: "domain", type: "text" },
    { column: "maturity", type: "text" },
  ],
};

const DEMAND_SPEC: ItemSpec = {
  table: "demands",
  entityType: "demand",
  tagTable: "demand_tags",
  foreignKey: "demand_id",
  fields: [
    { column: "title", type: "text" },
    { column: "description", type: "text" },
    { column: "lang", type: "text" },
    { column: "domain", type: "text" },
    { column: "subdistrict_id", type: "int" },
    { column: "raised_by", type: "text" },
  ],
};

type BatchRow = { ref: string; values: Record<string, string | number>; tagIds: number[]; deployments?: Placement[] };
type Upserted = { id: number; ref: string; inserted: boolean };

/**
 * Write one batch: remove the replaced tags (and deployments) of refs that
 * already exist, then one statement upserts the items by (campaign, ref) and,
 * from what it returns, writes their tags, deployments, audit rows and search
 * outbox rows. Foreign keys are checked at the end of the statement, so the
 * links may point at rows the same statement creates.
 */
async function writeBatch(
  ctx: WriteContext,
  spec: ItemSpec,
  batch: BatchRow[],
  replace: { tagKinds: TagKind[]; deployments: boolean },
): Promise<Upserted[]> {
  const { tx } = ctx;
  const table = sql.raw(spec.table);
  const tagTable = sql.raw(spec.tagTable);
  const fk = sql.raw(spec.foreignKey);
  const existing = sql`select id from ${table} where campaign_id = ${ctx.campaignId}::int
    and ref in (select jsonb_array_elements_text(${jsonRows(batch.map((r) => r.ref))}))`;
  if (replace.tagKinds.length) {
    const kinds = sql.join(replace.tagKinds.map((k) => sql`${k}`), sql`, `);
    await tx.execute(sql`delete from ${tagTable} where ${fk} in (${existing})
      and tag_id in (select id from tags where kind in (${kinds}))`);
  }
  if (replace.deployments) {
    await tx.execute(sql`delete from application_deployments where application_id in (${existing})`);
  }

  const columns = spec.fields.map((f) => f.column);
  const recordType = sql.raw(["ref text", ...spec.fields.map((f) => `${f.column} ${f.type}`)].join(", "));
  const insertColumns = sql.raw(columns.join(", "));
  const updates = sql.raw(
    [...columns.map((c) => `${c} = excluded.${c}`), `version = ${spec.table}.version + 1`, "updated_at = now()"].join(", "),
  );
  const items = batch.map((r) => ({ ref: r.ref, ...r.values }));
  const links = batch.flatMap((r) => r.tagIds.map((tagId) => ({ ref: r.ref, tag_id: tagId })));
  const deployments = replace.deployments
    ? batch.flatMap((r) => (r.deployments ?? []).map((d) => ({ ref: r.ref, subdistrict_id: d.subdistrictId, place_name: d.placeName })))
    : [];
  const entity = spec.entityType;

  const result = await tx.execute(sql`
    with upserted as (
      insert into ${table} (campaign_id, ref, ${insertColumns}, status, submitted_at)
      select ${ctx.campaignId}::int, ref, ${insertColumns}, 'submitted', now()
      from jsonb_to_recordset(${jsonRows(items)}) as r(${recordType})
      on conflict (campaign_id, ref) do update set ${updates}
      returning id, ref, (xmax = 0) as inserted
    ),
    tag_links as (
      insert into ${tagTable} (${fk}, tag_id)
      select u.id, l.tag_id from upserted u
      join jsonb_to_recordset(${jsonRows(links)}) as l(ref text, tag_id int) on l.ref = u.ref
      on conflict do nothing
    ),
    deployments as (
      insert into application_deployments (application_id, subdistrict_id, place_name)
      select u.id, d.subdistrict_id, d.place_name from upserted u
      join rows from (jsonb_to_recordset(${jsonRows(deployments)}) as (ref text, subdistrict_id int, place_name text))
        with ordinality as d(ref, subdistrict_id, place_name, n) on d.ref = u.ref
      order by d.n
    ),
    audit as (
      insert into audit_log (actor_id, action, entity_type, entity_id, to_status, data)
      select ${ctx.actorId}::int,
        case when inserted then ${`${entity}.import_create`} else ${`${entity}.import_update`} end,
        ${entity}, id, case when inserted then 'submitted' end,
        jsonb_build_object('runId', ${ctx.runId}::int, 'ref', ref)
      from upserted
    ),
    outbox as (
      insert into search_outbox (entity_type, entity_id) select ${entity}, id from upserted
    )
    select id, ref, inserted from upserted`);
  return rowsOf<Upserted>(result);
}

/** A URL slug for a new organisation: its ASCII words, or a short hash for a Chinese name. */
function organizationSlug(name: string, taken: Set<string>): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  const base = ascii.length >= 3 ? ascii : `vendor-${crypto.createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** Create the vendors the file names but the database does not know (unverified), with audit and outbox rows. */
async function createMissingOrganizations(ctx: WriteContext, rows: ApplicationImportRow[]): Promise<Map<string, number>> {
  const wanted = new Map<string, string>();
  for (const row of rows) {
    if ("newName" in row.organization && !wanted.has(row.organization.key)) wanted.set(row.organization.key, row.organization.newName);
  }
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const taken = new Set((await ctx.tx.select({ slug: organizations.slug }).from(organizations)).map((r) => r.slug));
  const values = [...wanted].map(([key, name]) => ({ key, slug: organizationSlug(name, taken), name }));
  for (const batch of chunks(values, BATCH_SIZE)) {
    const result = await ctx.tx.execute(sql`
      with created as (
        insert into organizations (slug, name_zh, name_en, kind, verified)
        select slug, name, name, 'vendor', false from jsonb_to_recordset(${jsonRows(batch)}) as r(slug text, name text)
        returning id, slug
      ),
      audit as (
        insert into audit_log (actor_id, action, entity_type, entity_id, data)
        select ${ctx.actorId}::int, 'organization.import_create', 'organization', id,
          jsonb_build_object('runId', ${ctx.runId}::int, 'verified', false)
        from created
      ),
      outbox as (
        insert into search_outbox (entity_type, entity_id) select 'organization', id from created
      )
      select id, slug from created`);
    const bySlug = new Map(rowsOf<{ id: number; slug: string }>(result).map((c) => [c.slug, c.id]));
    for (const org of batch) ids.set(org.key, bySlug.get(org.slug)!);
  }
  return ids;
}

/** Tag kinds whose column is in the file: their links are replaced on update. */
function tagKindsOf(rows: NormalisedRow[]): TagKind[] {
  return rows.length ? (Object.keys(rows[0].tagIds) as TagKind[]) : [];
}

const allTagIds = (row: NormalisedRow) => [...new Set(Object.values(row.tagIds).flat())];

async function writeRows(ctx: WriteContext, spec: ItemSpec, rows: BatchRow[], replace: { tagKinds: TagKind[]; deployments: boolean }) {
  let created = 0;
  let updated = 0;
  let processed = 0;
  for (const batch of chunks(rows, BATCH_SIZE)) {
    const upserted = await writeBatch(ctx, spec, batch, replace);
    const inserted = upserted.filter((u) => u.inserted).length;
    created += inserted;
    updated += upserted.length - inserted;
    processed += batch.length;
    await ctx.onBatch(processed);
  }
  return { created, updated };
}

async function writeApplications(ctx: WriteContext, rows: ApplicationImportRow[]): Promise<WriteCounts> {
  const newOrgIds = await createMissingOrganizations(ctx, rows);
  const batchRows: BatchRow[] = rows.map((r) => ({
    ref: r.ref,
    values: {
      organization_id: "id" in r.organization ? r.organization.id : newOrgIds.get(r.organization.key)!,
      title: r.title,
      summary: r.summary,
      description: r.description,
      lang: r.lang,
      domain: r.domain,
      maturity: r.maturity,
    },
    tagIds: allTagIds(r),
    deployments: r.deployments,
  }));
  const counts = await writeRows(ctx, APPLICATION_SPEC, batchRows, {
    tagKinds: tagKindsOf(rows),
    deployments: ctx.columns.includes("deployed_in"),
  });
  return { ...counts, organizationsCreated: newOrgIds.size };
}

async function writeDemands(ctx: WriteContext, rows: DemandImportRow[]): Promise<WriteCounts> {
  const batchRows: BatchRow[] = rows.map((r) => ({
    ref: r.ref,
    values: {
      title: r.title,
      description: r.description,
      lang: r.lang,
      domain: r.domain,
      subdistrict_id: r.subdistrictId,
      raised_by: r.raisedBy,
    },
    tagIds: allTagIds(r),
  }));
  const counts = await writeRows(ctx, DEMAND_SPEC, batchRows, { tagKinds: tagKindsOf(rows), deployments: false });
  return { ...counts, organizationsCreated: 0 };
}

// ─── Reading runs ────────────────────────────────────────────────────────────

export type ImportRunView = {
  id: number;
  kind: ImportKind;
  status: "validating" | "failed" | "importing" | "done";
  fileName: string;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  problems: ImportProblem[];
  problemCount: number;
  createdAt: Date;
  finishedAt: Date | null;
  createdByName: string | null;
  campaign: { slug: string; titleZh: string; titleEn: string };
};

/** One run with its report. Officials see every run. */
export async function getImportRun(db: Database, actor: Actor | null | undefined, runId: number): Promise<ImportRunView | null> {
  assertCan(actor, "import:item:any");
  const [row] = await db
    .select({
      run: importRuns,
      campaign: { slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn },
      createdByName: users.displayName,
    })
    .from(importRuns)
    .innerJoin(campaigns, eq(campaigns.id, importRuns.campaignId))
    .leftJoin(users, eq(users.id, importRuns.createdById))
    .where(eq(importRuns.id, runId))
    .limit(1);
  if (!row) return null;
  const stored = (row.run.problems ?? []) as ImportProblem[];
  const summary = stored.find((p) => p.code === "moreProblems");
  const problems = stored.filter((p) => p !== summary);
  return {
    id: row.run.id,
    kind: row.run.kind,
    status: row.run.status,
    fileName: row.run.fileName,
    totalRows: row.run.totalRows,
    processedRows: row.run.processedRows,
    createdCount: row.run.createdCount,
    updatedCount: row.run.updatedCount,
    problems,
    problemCount: summary ? Number(summary.params?.count ?? problems.length) : problems.length,
    createdAt: row.run.createdAt,
    finishedAt: row.run.finishedAt,
    createdByName: row.createdByName,
    campaign: row.campaign,
  };
}

/** The items a finished run created or updated (first `limit`), for links on the result page. */
export async function importedItems(db: Database, actor: Actor | null | undefined, run: { id: number; kind: ImportKind }, limit = 50) {
  assertCan(actor, "import:item:any");
  const entityType = run.kind === "applications" ? "application" : "demand";
  const table = run.kind === "applications" ? applications : demands;
  const rows = await db
    .select({ id: table.id, ref: table.ref, title: table.title, created: sql<boolean>`${auditLog.action} like '%.import_create'` })
    .from(auditLog)
    .innerJoin(table, eq(table.id, auditLog.entityId))
    .where(
      and(
        eq(auditLog.entityType, entityType),
        inArray(auditLog.action, [`${entityType}.import_create`, `${entityType}.import_update`]),
        sql`(${auditLog.data}->>'runId') = ${String(run.id)}`,
      ),
    )
    .orderBy(asc(auditLog.id))
    .limit(limit);
  return rows;
}

/** The latest runs, for the upload page. */
export async function recentImportRuns(db: Database, actor: Actor | null | undefined, limit = 10) {
  assertCan(actor, "import:item:any");
  return db
    .select({
      id: importRuns.id,
      kind: importRuns.kind,
      status: importRuns.status,
      fileName: importRuns.fileName,
      totalRows: importRuns.totalRows,
      createdCount: importRuns.createdCount,
      updatedCount: importRuns.updatedCount,
      createdAt: importRuns.createdAt,
      campaignSlug: campaigns.slug,
    })
    .from(importRuns)
    .innerJoin(campaigns, eq(campaigns.id, importRuns.campaignId))
    .orderBy(desc(importRuns.id))
    .limit(limit);
}

/** Status of a run from the database (when the in-process map does not know it). */
export async function importRunStatus(db: Database, actor: Actor | null | undefined, runId: number) {
  assertCan(actor, "import:item:any");
  const [row] = await db
    .select({ status: importRuns.status, processed: importRuns.processedRows, total: importRuns.totalRows })
    .from(importRuns)
    .where(eq(importRuns.id, runId))
    .limit(1);
  return row ?? null;
}
