/**
 * 5,000 application rows (tags, deployments, 50 new vendors) import in one
 * go, then again as updates. Correctness is asserted; the times are printed,
 * not asserted (our machines are shared).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runImport } from "../../../app/import/import.server";
import { applications, applicationTags, organizations, searchOutbox } from "../../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { APPLICATION_HEADER, applicationRow, csv, importFixtures } from "./fixtures";

const ROWS = 5000;

describe.each(DB_KINDS)(`importing ${ROWS} rows on %s`, (kind) => {
  let t: TestDatabase;
  let f: Awaited<ReturnType<typeof importFixtures>>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    f = await importFixtures(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  const file = (title: string) =>
    csv([
      APPLICATION_HEADER,
      ...Array.from({ length: ROWS }, (_, i) =>
        applicationRow(i + 1, { title: `${title} ${i + 1}`, ...(i % 100 === 0 ? { organization: `新供应商${i / 100}号科技有限公司` } : {}) }),
      ),
    ]);
  const n = async (table: typeof applications | typeof applicationTags | typeof organizations | typeof searchOutbox) =>
    (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

  it(`creates ${ROWS} applications, then updates them`, { timeout: 300_000 }, async () => {
    const bytes = file("批量导入应用");
    // Process CPU time too: on PGlite the database runs in this process, so it is the whole cost
    // (wall time on our shared machines mostly measures the other jobs).
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let started = Date.now();
    let cpuStarted = cpuMs();
    const first = await runImport(t.db, f.official, { kind: "applications", campaignSlug: f.campaign.slug, fileName: "big.csv", bytes });
    const createMs = Date.now() - started;
    const createCpu = cpuMs() - cpuStarted;
    expect(first).toMatchObject({ status: "done", totalRows: ROWS, created: ROWS, updated: 0, organizationsCreated: 50 });
    expect(await n(applications)).toBe(ROWS);
    expect(await n(applicationTags)).toBe(ROWS * 4);
    expect(await n(organizations)).toBe(51);
    expect(await n(searchOutbox)).toBe(ROWS + 50);

    started = Date.now();
    cpuStarted = cpuMs();
    const second = await runImport(t.db, f.official, { kind: "applications", campaignSlug: f.campaign.slug, fileName: "big.csv", bytes: file("更新后的应用") });
    const updateMs = Date.now() - started;
    const updateCpu = cpuMs() - cpuStarted;
    expect(second).toMatchObject({ status: "done", created: 0, updated: ROWS, organizationsCreated: 0 });
    expect(await n(applications)).toBe(ROWS);
    expect(await n(applicationTags)).toBe(ROWS * 4);
    const [versions] = await t.db
      .select({ min: sql<number>`min(version)::int`, renamed: sql<number>`count(*) filter (where title like '更新后的应用%')::int` })
      .from(applications);
    expect(versions).toEqual({ min: 2, renamed: ROWS });
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `[import scale] ${kind}: ${ROWS} rows created in ${s(createMs)} (process CPU ${s(createCpu)}), updated in ${s(updateMs)} (CPU ${s(updateCpu)})`,
    );
  });
});
