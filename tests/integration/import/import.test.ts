/**
 * runImport end to end on PGlite (and PostgreSQL with TEST_DATABASE_URL):
 * validation first and all-or-nothing, upsert by ref, tags and deployments,
 * vendors created unverified, Chinese and English names, permissions.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import writeExcelFile from "write-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { getImportRun, importedItems, runImport } from "../../../app/import/import.server";
import { readProgress } from "../../../app/import/progress.server";
import { ForbiddenError } from "../../../app/auth/authorize.server";
import {
  applicationDeployments,
  applications,
  applicationTags,
  auditLog,
  demands,
  demandTags,
  importRuns,
  organizations,
  searchOutbox,
} from "../../../db/schema";
import { buildCampaign } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { APPLICATION_HEADER, applicationRow, csv, DEMAND_HEADER, demandRow, importFixtures } from "./fixtures";

describe.each(DB_KINDS)("bulk import on %s", (kind) => {
  let t: TestDatabase;
  let f: Awaited<ReturnType<typeof importFixtures>>;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    f = await importFixtures(t.db);
  });
  afterEach(async () => {
    await t.drop();
  });

  const importCsv = (bytes: Uint8Array, over: Partial<Parameters<typeof runImport>[2]> = {}) =>
    runImport(t.db, f.official, { kind: "applications", campaignSlug: f.campaign.slug, fileName: "apps.csv", bytes, ...over });

  const count = async (table: typeof applications | typeof demands) =>
    (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

  it("imports nothing when one row is bad, names the row, column and problem, then imports the corrected file", async () => {
    const rows = [APPLICATION_HEADER, applicationRow(1), applicationRow(2, { domain: "农业" }), applicationRow(3)];
    const bad = await importCsv(csv(rows));
    expect(bad.status).toBe("failed");
    if (bad.status !== "failed") return;
    expect(bad.problemCount).toBe(1);
    expect(bad.problems).toEqual([
      expect.objectContaining({ row: 3, column: "domain", code: "invalidValue", message: expect.stringContaining("农业") }),
    ]);
    expect(await count(applications)).toBe(0);
    expect(await t.db.select().from(organizations)).toHaveLength(1);
    const run = await getImportRun(t.db, f.official, bad.runId);
    expect(run).toMatchObject({ status: "failed", totalRows: 3, createdCount: 0, problemCount: 1 });
    expect(run!.problems[0]).toMatchObject({ row: 3, column: "domain" });

    rows[2] = applicationRow(2);
    const good = await importCsv(csv(rows));
    expect(good).toMatchObject({ status: "done", totalRows: 3, created: 3, updated: 0, organizationsCreated: 0 });
    const items = await t.db.select().from(applications).orderBy(asc(applications.ref));
    expect(items.map((a) => [a.ref, a.status, a.organizationId, a.domain, a.maturity, a.lang, a.version])).toEqual([
      ["APP-1", "submitted", f.huawei.id, "life", "pilot", "zh-CN", 1],
      ["APP-2", "submitted", f.huawei.id, "life", "pilot", "zh-CN", 1],
      ["APP-3", "submitted", f.huawei.id, "life", "pilot", "zh-CN", 1],
    ]);
    expect(items.every((a) => a.submittedAt instanceof Date && a.campaignId === f.campaign.id)).toBe(true);
    const links = await t.db.select().from(applicationTags).where(eq(applicationTags.applicationId, items[0].id));
    expect(links.map((l) => l.tagId).sort()).toEqual(
      [f.tag("ai").id, f.tag("iot").id, f.tag("fall-detection").id, f.tag("elderly").id].sort(),
    );
    const deployments = await t.db
      .select({ subdistrictId: applicationDeployments.subdistrictId, placeName: applicationDeployments.placeName })
      .from(applicationDeployments)
      .where(eq(applicationDeployments.applicationId, items[0].id))
      .orderBy(asc(applicationDeployments.id));
    expect(deployments).toEqual([
      { subdistrictId: f.place("ganquan-road").id, placeName: null },
      { subdistrictId: null, placeName: "徐汇区" },
    ]);
    // One audit row per item and one for the run; an outbox row per item.
    const audits = await t.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(audits.filter((a) => a.action === "application.import_create")).toHaveLength(3);
    expect(audits.find((a) => a.action === "import.run")).toMatchObject({
      actorId: f.official.id,
      entityId: good.runId!,
      data: expect.objectContaining({ created: 3, updated: 0, totalRows: 3 }),
    });
    const outbox = await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityType, "application"));
    expect(outbox.map((o) => o.entityId).sort()).toEqual(items.map((a) => a.id).sort());
    const done = await getImportRun(t.db, f.official, good.runId!);
    expect(done).toMatchObject({ status: "done", createdCount: 3, updatedCount: 0, processedRows: 3 });
    expect(await importedItems(t.db, f.official, { id: good.runId!, kind: "applications" })).toHaveLength(3);
  });

  it("updates on re-import of the same refs instead of duplicating, bumping the version and replacing tags", async () => {
    await importCsv(csv([APPLICATION_HEADER, applicationRow(1), applicationRow(2)]));
    const before = await t.db.select().from(applications).where(eq(applications.ref, "APP-1"));
    const again = await importCsv(
      csv([
        APPLICATION_HEADER,
        applicationRow(1, { title: "新标题", technologies: "物联网", scenarios: "", deployed_in: "长征镇", maturity: "deployed" }),
        applicationRow(2),
        applicationRow(3),
      ]),
    );
    expect(again).toMatchObject({ status: "done", created: 1, updated: 2 });
    expect(await count(applications)).toBe(3);
    const [after] = await t.db.select().from(applications).where(eq(applications.ref, "APP-1"));
    expect(after).toMatchObject({ id: before[0].id, title: "新标题", maturity: "deployed", version: 2, status: "submitted" });
    const links = await t.db.select({ tagId: applicationTags.tagId }).from(applicationTags).where(eq(applicationTags.applicationId, after.id));
    expect(links.map((l) => l.tagId).sort()).toEqual([f.tag("iot").id, f.tag("elderly").id].sort());
    const deployments = await t.db.select().from(applicationDeployments).where(eq(applicationDeployments.applicationId, after.id));
    expect(deployments.map((d) => d.subdistrictId)).toEqual([f.place("changzheng-town").id]);
    const updates = await t.db.select().from(auditLog).where(eq(auditLog.action, "application.import_update"));
    expect(updates).toHaveLength(2);
  });

  it("leaves tags and deployments alone when their optional columns are not in the file", async () => {
    await importCsv(csv([APPLICATION_HEADER, applicationRow(1)]));
    const header = APPLICATION_HEADER.filter((c) => !["technologies", "scenarios", "target_groups", "deployed_in"].includes(c));
    const row = applicationRow(1, { title: "只改标题" }).filter((_, i) => header.includes(APPLICATION_HEADER[i]));
    expect(await importCsv(csv([header, row]))).toMatchObject({ status: "done", updated: 1 });
    expect(await t.db.select().from(applicationTags)).toHaveLength(4);
    expect(await t.db.select().from(applicationDeployments)).toHaveLength(2);
  });

  it("creates a missing vendor once, unverified, and matches known ones by Chinese or English name", async () => {
    const result = await importCsv(
      csv([
        APPLICATION_HEADER,
        applicationRow(1, { organization: "huawei technologies" }),
        applicationRow(2, { organization: "上海普陀智联科技有限公司" }),
        applicationRow(3, { organization: "上海普陀智联科技有限公司 " }),
        applicationRow(4, { organization: "Acme Robotics Ltd." }),
      ]),
    );
    expect(result).toMatchObject({ status: "done", created: 4, organizationsCreated: 2 });
    const orgs = await t.db.select().from(organizations).orderBy(asc(organizations.id));
    expect(orgs).toHaveLength(3);
    const [, zh, acme] = orgs;
    expect(zh).toMatchObject({ nameZh: "上海普陀智联科技有限公司", kind: "vendor", verified: false });
    expect(zh.slug).toMatch(/^vendor-[0-9a-f]{8}$/);
    expect(acme).toMatchObject({ nameEn: "Acme Robotics Ltd.", slug: "acme-robotics-ltd", verified: false });
    const items = await t.db.select().from(applications).orderBy(asc(applications.ref));
    expect(items.map((a) => a.organizationId)).toEqual([f.huawei.id, zh.id, zh.id, acme.id]);
    expect(await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityType, "organization"))).toHaveLength(2);
  });

  it("matches subdistricts, tags and values by Chinese or English name, and reports unknown ones", async () => {
    const demandCsv = (rows: string[][]) =>
      runImport(t.db, f.official, { kind: "demands", campaignSlug: f.campaign.slug, fileName: "d.csv", bytes: csv([DEMAND_HEADER, ...rows]) });
    const good = await demandCsv([
      demandRow(1),
      demandRow(2, { subdistrict: "Ganquan Road", domain: "治理", raised_by: "community", target_groups: "Elderly people; CHILDREN" }),
      demandRow(3, { subdistrict: "长征", domain: "Digital economy", raised_by: "城市管理", target_groups: "" }),
      demandRow(4, { subdistrict: "zhenru town", raised_by: "企业", title: "English only title", description: "Plain English description." }),
    ]);
    expect(good).toMatchObject({ status: "done", created: 4 });
    const items = await t.db.select().from(demands).orderBy(asc(demands.ref));
    expect(items.map((d) => [d.ref, d.subdistrictId, d.domain, d.raisedBy, d.lang, d.status])).toEqual([
      ["DEM-1", f.place("ganquan-road").id, "life", "resident", "zh-CN", "submitted"],
      ["DEM-2", f.place("ganquan-road").id, "governance", "community", "zh-CN", "submitted"],
      ["DEM-3", f.place("changzheng-town").id, "economy", "urban_management", "zh-CN", "submitted"],
      ["DEM-4", f.place("zhenru-town").id, "life", "company", "en", "submitted"],
    ]);
    const links = await t.db.select().from(demandTags).where(eq(demandTags.demandId, items[1].id));
    expect(links.map((l) => l.tagId).sort()).toEqual([f.tag("elderly").id, f.tag("children").id].sort());

    const bad = await demandCsv([
      demandRow(5, { subdistrict: "浦东新区" }),
      demandRow(6, { target_groups: "老年人; 外星人", raised_by: "" }),
      demandRow(5),
    ]);
    expect(bad.status).toBe("failed");
    if (bad.status !== "failed") return;
    expect(bad.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, "subdistrict", "unknownSubdistrict"],
      [3, "raised_by", "required"],
      [3, "target_groups", "unknownTargetGroup"],
      [4, "ref", "duplicateRef"],
    ]);
    expect(bad.problems[2].message).toContain("外星人");
    expect(bad.problems[3].message).toContain("2");
    expect(await count(demands)).toBe(4);
  });

  it("reports missing and unknown columns once, at the header row", async () => {
    const header = ["ref", "title", "descripton", "domain", "subdistrict", "raised_by"];
    const result = await runImport(t.db, f.official, {
      kind: "demands",
      campaignSlug: f.campaign.slug,
      fileName: "d.csv",
      bytes: csv([header, ["D-1", "标题", "描述", "life", "甘泉路街道", "居民"]]),
      locale: "en",
    });
    expect(result.status).toBe("failed");
    if (result.status !== "failed") return;
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1, "descripton", "columnUnknown"],
      [1, "description", "columnMissing"],
    ]);
    expect(result.problems[1].message).toBe("The required column “description” is missing.");
  });

  it("accepts Chinese column headings", async () => {
    const header = ["编号", "标题", "描述", "领域", "街道", "提出方", "服务对象"];
    const result = await runImport(t.db, f.official, {
      kind: "demands",
      campaignSlug: f.campaign.slug,
      fileName: "d.csv",
      bytes: csv([header, demandRow(1)]),
    });
    expect(result).toMatchObject({ status: "done", created: 1 });
  });

  it("imports XLSX and JSON files", async () => {
    const sheet = await writeExcelFile([APPLICATION_HEADER, applicationRow(1), applicationRow(2)]).toBuffer();
    expect(await importCsv(sheet, { fileName: "apps.xlsx" })).toMatchObject({ status: "done", created: 2 });
    const json = JSON.stringify([
      { ref: "APP-3", title: "JSON 应用", summary: "摘要", description: "描述", organization: "Huawei Technologies", domain: "economy", technologies: ["ai", "物联网"], maturity: "concept", deployed_in: [] },
      { ref: "APP-1", title: "JSON 更新", summary: "摘要", description: "描述", organization: "华为技术有限公司", domain: "经济", maturity: "已部署" },
    ]);
    const result = await importCsv(new TextEncoder().encode(json), { fileName: "apps.json" });
    expect(result).toMatchObject({ status: "done", created: 1, updated: 1 });
    const [updated] = await t.db.select().from(applications).where(eq(applications.ref, "APP-1"));
    expect(updated).toMatchObject({ title: "JSON 更新", domain: "economy", maturity: "deployed", version: 2 });
    // The second object has no technologies key but the file has the column: its tags are cleared.
    const links = await t.db.select().from(applicationTags).where(eq(applicationTags.applicationId, updated.id));
    expect(links.map((l) => l.tagId).sort()).toEqual([f.tag("fall-detection").id, f.tag("elderly").id].sort());
  });

  it("refuses a resident, recording nothing", async () => {
    await expect(
      runImport(t.db, f.resident, { kind: "applications", campaignSlug: f.campaign.slug, fileName: "a.csv", bytes: csv([APPLICATION_HEADER, applicationRow(1)]) }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(runImport(t.db, null, { kind: "demands", campaignSlug: f.campaign.slug, fileName: "a.csv", bytes: csv([DEMAND_HEADER]) })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await t.db.select().from(importRuns)).toHaveLength(0);
    expect(await count(applications)).toBe(0);
  });

  it("rejects a wrong kind, an unknown or closed campaign and an empty file without recording a run", async () => {
    const bytes = csv([APPLICATION_HEADER, applicationRow(1)]);
    expect(await importCsv(bytes, { kind: "things" })).toMatchObject({ status: "rejected", problems: [expect.objectContaining({ column: "kind", code: "kindInvalid" })] });
    expect(await importCsv(bytes, { campaignSlug: "nope" })).toMatchObject({ status: "rejected", problems: [expect.objectContaining({ column: "campaign", code: "campaignUnknown" })] });
    const closed = await buildCampaign(t.db, { stage: "closed" });
    expect(await importCsv(bytes, { campaignSlug: closed.slug })).toMatchObject({ status: "rejected", problems: [expect.objectContaining({ code: "campaignClosed" })] });
    const published = await buildCampaign(t.db, { stage: "published" });
    expect(await importCsv(bytes, { campaignSlug: published.slug })).toMatchObject({ status: "done", created: 1 });
    expect(await importCsv(new Uint8Array(), {})).toMatchObject({ status: "rejected", problems: [expect.objectContaining({ column: "file", code: "fileEmpty" })] });
    expect(await importCsv(csv([APPLICATION_HEADER]))).toMatchObject({ status: "failed", problems: [expect.objectContaining({ code: "noRows" })] });
    expect(await t.db.select().from(importRuns)).toHaveLength(2);
  });

  it("keeps the same ref apart in different campaigns", async () => {
    const other = await buildCampaign(t.db);
    const bytes = csv([APPLICATION_HEADER, applicationRow(1)]);
    await importCsv(bytes);
    expect(await importCsv(bytes, { campaignSlug: other.slug })).toMatchObject({ status: "done", created: 1 });
    expect(await count(applications)).toBe(2);
  });

  it("reports progress to the caller and in the in-process map for the uploader only", async () => {
    const rows = [APPLICATION_HEADER, ...Array.from({ length: 1200 }, (_, i) => applicationRow(i + 1))];
    const events: string[] = [];
    const result = await importCsv(csv(rows), {
      progressKey: "k".repeat(20),
      progressOwner: "session-a",
      onProgress: (e) => events.push(`${e.phase}:${e.processed}/${e.total}`),
    });
    expect(result).toMatchObject({ status: "done", created: 1200 });
    expect(events).toContain("validating:1200/1200");
    expect(events).toEqual(expect.arrayContaining(["writing:500/1200", "writing:1000/1200", "writing:1200/1200"]));
    expect(readProgress({ key: "k".repeat(20) }, "session-a")).toMatchObject({ phase: "done", processed: 1200, total: 1200, runId: result.runId });
    expect(readProgress({ runId: result.runId }, "session-b")).toBeNull();
    const [run] = await t.db.select().from(importRuns).where(and(eq(importRuns.id, result.runId!)));
    expect(run.processedRows).toBe(1200);
  });

  it("leaves nothing behind when the database fails part-way through the writing", async () => {
    // A trigger that fails on a row of the third batch, after two batches were written.
    await t.db.execute(sql`create function import_boom() returns trigger language plpgsql as $$
      begin if new.ref = 'APP-1100' then raise exception 'simulated failure'; end if; return new; end $$`);
    await t.db.execute(sql`create trigger import_boom before insert on applications for each row execute function import_boom()`);
    const rows = [APPLICATION_HEADER, ...Array.from({ length: 1200 }, (_, i) => applicationRow(i + 1, i === 5 ? { organization: "新公司" } : {}))];
    const result = await importCsv(csv(rows));
    expect(result).toMatchObject({ status: "failed", problemCount: 1, problems: [expect.objectContaining({ code: "writeFailed" })] });
    if (result.status !== "failed") return;
    expect(result.problems[0].message).toContain("simulated failure");
    expect(result.problems[0].message).not.toContain("insert into");
    expect(await count(applications)).toBe(0);
    expect(await t.db.select().from(organizations)).toHaveLength(1);
    expect(await t.db.select().from(applicationTags)).toHaveLength(0);
    expect(await t.db.select().from(searchOutbox)).toHaveLength(0);
    expect(await t.db.select().from(auditLog)).toHaveLength(0);
    const run = await getImportRun(t.db, f.official, result.runId);
    expect(run).toMatchObject({ status: "failed", processedRows: 0, createdCount: 0 });
  });

  it("lists at most 200 problems but counts them all", async () => {
    const rows = [APPLICATION_HEADER, ...Array.from({ length: 150 }, (_, i) => applicationRow(i + 1, { title: "", maturity: "x" }))];
    const result = await importCsv(csv(rows));
    expect(result).toMatchObject({ status: "failed", problemCount: 300 });
    if (result.status !== "failed") return;
    expect(result.problems).toHaveLength(200);
    const run = await getImportRun(t.db, f.official, result.runId);
    expect(run).toMatchObject({ problemCount: 300 });
    expect(run!.problems).toHaveLength(200);
  });
});
