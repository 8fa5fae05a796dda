/**
 * Bulk import from the command line (the same rules as the upload page):
 *
 *   npm run import -- FILE --kind applications|demands --campaign SLUG [--as EMAIL] [--lang zh-CN|en]
 *
 * FILE is CSV, XLSX or JSON (see docs/import.md). Every row is checked first;
 * any problem means nothing is imported and each row, column and problem is
 * printed. Acts as the official given by --as, else the first official.
 * DATABASE_URL set → PostgreSQL; otherwise the embedded PGlite in
 * PGLITE_DATA_DIR, which must not be held by a running portal.
 * Exit codes: 0 imported, 1 problems in the file or with the database, 2 bad flags.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import cliProgress from "cli-progress";
import { and, asc, eq, isNull, sql } from "drizzle-orm";

import { ForbiddenError } from "../app/auth/authorize.server";
import { permissionsOf } from "../app/auth/permissions";
import { MAX_IMPORT_BYTES } from "../app/import/columns";
import { runImport, type ImportProgressEvent } from "../app/import/import.server";
import type { ImportProblem } from "../app/import/problems";
import { isLocale, type Locale } from "../app/locales";
import { env, EnvError } from "../app/utils/env.server";
import { DatabaseStartupError, openDatabase, type Database, type DatabaseHandle } from "../db/client";
import { IMPORT_KINDS, ROLES, type Role } from "../db/enums";
import { userRoles, users } from "../db/schema";

const USAGE = `Usage: npm run import -- FILE --kind applications|demands --campaign SLUG [--as EMAIL] [--lang zh-CN|en]

  FILE        a .csv (UTF-8), .xlsx or .json file; the format is described in docs/import.md
  --kind      what the file holds: applications or demands
  --campaign  the campaign's slug, e.g. 2026-open-call (any stage but closed)
  --as        the e-mail of the official to act as (default: the first official)
  --lang      language of the report (default: from $LANG, else English)`;

class UsageError extends Error {}

type Args = { file: string; kind: string; campaign: string; as?: string; lang: Locale };

function defaultLang(): Locale {
  return /^zh/i.test(process.env.LC_ALL || process.env.LANG || "") ? "zh-CN" : "en";
}

function parseCommandLine(argv: string[]): Args | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kind: { type: "string" },
        campaign: { type: "string" },
        as: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length !== 1) throw new UsageError(positionals.length ? "give exactly one FILE" : "FILE is missing");
  if (!values.kind || !(IMPORT_KINDS as readonly string[]).includes(values.kind)) {
    throw new UsageError(`--kind must be applications or demands${values.kind ? `, not "${values.kind}"` : ""}`);
  }
  if (!values.campaign?.trim()) throw new UsageError("--campaign SLUG is missing");
  if (values.lang !== undefined && !isLocale(values.lang)) throw new UsageError(`--lang must be zh-CN or en, not "${values.lang}"`);
  if (values.as !== undefined && !values.as.includes("@")) throw new UsageError(`--as needs an e-mail address, not "${values.as}"`);
  return {
    file: positionals[0],
    kind: values.kind,
    campaign: values.campaign.trim(),
    as: values.as,
    lang: (values.lang as Locale | undefined) ?? defaultLang(),
  };
}

const IMPORTER_ROLES = ROLES.filter((r) => permissionsOf([r]).has("import:item:any"));

type ActingUser = { id: number; email: string; displayName: string; roles: Role[] };

/** The user to act as: the one named, else the first enabled official (by id). */
async function actingUser(db: Database, email?: string): Promise<ActingUser | string> {
  const roleList = sql<Role[]>`coalesce(array_agg(${userRoles.role} order by ${userRoles.role}) filter (where ${userRoles.role} is not null), '{}')`;
  const base = db
    .select({ id: users.id, email: users.email, displayName: users.displayName, roles: roleList })
    .from(users)
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.id));
  if (email) {
    const [user] = await base.where(and(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`, isNull(users.disabledAt))).limit(1);
    if (!user) return `no active account has the e-mail ${email}`;
    return user;
  }
  const [first] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(sql`${userRoles.role} in ${IMPORTER_ROLES}`, isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .limit(1);
  if (!first) return `no official account exists (roles that may import: ${IMPORTER_ROLES.join(", ")}); create one or pass --as EMAIL`;
  const [user] = await base.where(eq(users.id, first.id)).limit(1);
  return user;
}

function printProblems(problems: ImportProblem[]) {
  for (const p of problems) {
    const where = p.row > 0 ? `row ${p.row}, column ${p.column}` : p.column === "file" ? "file" : p.column;
    console.error(`  ${where}: ${p.message}`);
  }
}

const PHASE_LABEL: Record<ImportProgressEvent["phase"], string> = { validating: "Checking", writing: "Writing " };

async function main(): Promise<number> {
  let args: Args | "help";
  try {
    args = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`import: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }

  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(args.file);
    if (!stat.isFile()) throw new Error("not a file");
    if (stat.size > MAX_IMPORT_BYTES) {
      console.error(`import: ${args.file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it and import the parts.`);
      return 1;
    }
    bytes = fs.readFileSync(args.file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    console.error(`import: cannot read ${args.file}: ${reason}`);
    return 1;
  }

  let handle: DatabaseHandle | undefined;
  const bar = new cliProgress.SingleBar(
    {
      format: "  {phase} {bar} {percentage}% | {value}/{total} rows",
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
    },
    cliProgress.Presets.shades_classic,
  );
  let barPhase: string | null = null;
  try {
    const e = env();
    handle = e.DATABASE_URL
      ? await openDatabase({ kind: "postgres", url: e.DATABASE_URL, poolMax: 2 })
      : await openDatabase({ kind: "pglite", dataDir: e.PGLITE_DATA_DIR });
    const database = handle;
    console.log(`Database: ${handle.kind === "pglite" ? `embedded PGlite in ${handle.location}` : `PostgreSQL at ${handle.location}`}`);
    await handle.withStartupLock(() => database.migrate());

    const actor = await actingUser(handle.db, args.as);
    if (typeof actor === "string") {
      console.error(`import: ${actor}`);
      return 1;
    }
    console.log(`Acting as: ${actor.displayName} <${actor.email}> (${actor.roles.join(", ") || "no role"})${args.as ? "" : " — the first official; choose another with --as EMAIL"}`);
    console.log(`Importing ${path.basename(args.file)} as ${args.kind} into campaign ${args.campaign}…`);

    const outcome = await runImport(handle.db, actor, {
      kind: args.kind,
      campaignSlug: args.campaign,
      fileName: path.basename(args.file),
      bytes,
      locale: args.lang,
      onProgress({ phase, processed, total }) {
        if (barPhase !== phase) {
          if (barPhase) bar.stop();
          bar.start(total, processed, { phase: PHASE_LABEL[phase] });
          barPhase = phase;
        }
        bar.update(processed);
      },
    });
    if (barPhase) bar.stop();
    barPhase = null;

    if (outcome.status === "rejected") {
      console.error("Nothing was imported:");
      printProblems(outcome.problems);
      return 1;
    }
    if (outcome.status === "failed") {
      const shown = outcome.problems.length < outcome.problemCount ? ` (the first ${outcome.problems.length} are listed)` : "";
      console.error(
        `Nothing was imported: ${outcome.problemCount} problem${outcome.problemCount === 1 ? "" : "s"} in ${outcome.totalRows} rows${shown}. Import run #${outcome.runId}.`,
      );
      printProblems(outcome.problems);
      return 1;
    }
    const n = (x: number) => x.toLocaleString("en-US");
    console.log(
      `Imported ${n(outcome.totalRows)} rows in ${(outcome.ms / 1000).toFixed(1)} s: ${n(outcome.created)} created (submitted), ${n(outcome.updated)} updated` +
        (outcome.organizationsCreated ? `, ${n(outcome.organizationsCreated)} new organisations (unverified)` : "") +
        `. Import run #${outcome.runId}.`,
    );
    return 0;
  } catch (error) {
    if (barPhase) bar.stop();
    if (error instanceof DatabaseStartupError || error instanceof EnvError) {
      console.error(`import: ${error.message}`);
      return 1;
    }
    if (error instanceof ForbiddenError) {
      console.error("import: this account may not import (only officials hold import:item:any); pass --as with an official's e-mail.");
      return 1;
    }
    throw error;
  } finally {
    await handle?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
