/**
 * What happens to the database when the portal starts, after migrations:
 * reference data (the ten subdistricts and the tags) always; a first admin
 * when ADMIN_EMAIL and ADMIN_PASSWORD are set; the demo data when SEED_DEMO=1
 * and the database holds no campaign yet.
 */
import type { DatabaseHandle } from "../../db/client";
import { DEMO_ACCOUNTS, ensureFirstAdmin, hasDemoData, seedDemo, seedReference } from "../../db/seed";
import { reindexAll } from "../../search/indexer";
import { searchEngine } from "~/search/search.server";

import { env } from "./env.server";

export type StartupReport = { seededDemo: boolean; admin: "created" | "exists" | null };

export async function prepareDatabase(handle: DatabaseHandle, log: (line: string) => void = console.log): Promise<StartupReport> {
  const e = env();
  return handle.withStartupLock(async () => {
    await seedReference(handle.db);
    let admin: StartupReport["admin"] = null;
    if (e.ADMIN_EMAIL && e.ADMIN_PASSWORD) {
      admin = await ensureFirstAdmin(handle.db, e.ADMIN_EMAIL, e.ADMIN_PASSWORD);
      if (admin === "created") log(`Created the first admin account ${e.ADMIN_EMAIL}.`);
    }
    let seededDemo = false;
    if (e.SEED_DEMO === "1" && !(await hasDemoData(handle.db))) {
      log("The database is empty: loading the Putuo demo data (about a minute on the embedded database)…");
      const started = Date.now();
      let lastTenth = -1;
      await seedDemo(handle.db, {
        onProgress(done, total, label) {
          const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
          if (tenth !== lastTenth) {
            lastTenth = tenth;
            log(`  ${String(tenth * 10).padStart(3)}%  ${label}`);
          }
        },
      });
      log(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      // The seed writes rows directly, not through the outbox: index them now.
      const indexed = await reindexAll(handle.db, await searchEngine());
      log(`Search index built: ${indexed.documents} documents in ${indexed.seconds.toFixed(1)} s.`);
      seededDemo = true;
    }
    return { seededDemo, admin };
  });
}

/** The demo accounts as printable lines, for the console after start. */
export function demoAccountLines(): string[] {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  return [
    "Demo accounts (all share the password shown):",
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(17)} ${a.email.padEnd(width)}  ${a.password}   ${a.note}`),
  ];
}
