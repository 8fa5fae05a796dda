/**
 * Test databases that each test (or file) owns. The database suite runs on
 * the embedded PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is
 * set — set but unreachable is a failure, never a skip.
 *
 * Migrating is slow on PGlite (~3 s), so each worker migrates one template and
 * copies it: PGlite by dumping and loading its data folder, PostgreSQL with
 * `CREATE DATABASE … TEMPLATE`.
 *
 *   describe.each(DB_KINDS)("thing on %s", (kind) => {
 *     let t: TestDatabase;
 *     beforeEach(async () => { t = await createTestDatabase(kind); });
 *     afterEach(() => t.drop());
 *   });
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import postgres from "postgres";

import { migrationsFolder, openDatabase, pgliteOf, type DatabaseHandle, type DatabaseKind } from "../../db/client";

export const DB_KINDS: DatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TestDatabase = DatabaseHandle & { drop(): Promise<void> };

let pgliteTemplate: Promise<Blob> | undefined;

function pgliteTemplateDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const handle = await openDatabase({ kind: "pglite", memory: true });
    await handle.migrate();
    const dump = await pgliteOf(handle)!.dumpDataDir("none");
    await handle.close();
    return dump;
  })();
  return pgliteTemplate;
}

/** A name that changes whenever a migration changes, so a stale template is never reused. */
function migrationsFingerprint(): string {
  const dir = migrationsFolder();
  const hash = crypto.createHash("sha256");
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  }
  return hash.digest("hex").slice(0, 12);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let postgresTemplate: Promise<string> | undefined;

async function ensurePostgresTemplate(adminUrl: string): Promise<string> {
  postgresTemplate ??= (async () => {
    const name = `putuo_tpl_${migrationsFingerprint()}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      // Several workers may race to build the template; one lock decides.
      await admin`select pg_advisory_lock(7315001)`;
      const [exists] = await admin`select 1 as one from pg_database where datname = ${name}`;
      if (!exists) {
        await admin.unsafe(`create database "${name}_building"`).catch(async () => {
          await admin.unsafe(`drop database if exists "${name}_building"`);
          await admin.unsafe(`create database "${name}_building"`);
        });
        const handle = await openDatabase({ kind: "postgres", url: withDatabase(adminUrl, `${name}_building`), poolMax: 1 });
        await handle.migrate();
        await handle.close();
        await admin.unsafe(`alter database "${name}_building" rename to "${name}"`);
      }
      await admin`select pg_advisory_unlock(7315001)`;
    } finally {
      await admin.end({ timeout: 5 });
    }
    return name;
  })();
  return postgresTemplate;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const handle = await openDatabase({ kind: "pglite", memory: true, loadDataDir: await pgliteTemplateDump() });
    return Object.assign(handle, { drop: () => handle.close() });
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set; the PostgreSQL suite cannot run");
  const template = await ensurePostgresTemplate(adminUrl);
  const name = `putuo_t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const handle = await openDatabase({ kind: "postgres", url: withDatabase(adminUrl, name), poolMax: 4 });
  return Object.assign(handle, {
    async drop() {
      await handle.close();
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end({ timeout: 5 });
      }
    },
  });
}
