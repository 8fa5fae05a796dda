/**
 * The outbox: changes reach the index through it, an engine that is down
 * loses nothing, and two workers on one PostgreSQL index every event exactly once.
 */
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { openDatabase, rowsOf, type DatabaseHandle } from "../../../db/client";
import { searchOutbox } from "../../../db/schema";
import { PostgresSearchEngine } from "../../../search/engines/postgres";
import { drainOutbox, outboxStatus, reindexAll } from "../../../search/indexer";
import { enqueueSearchUpdate } from "../../../search/outbox";
import type { SearchEngine, SearchRequest } from "../../../search/types";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

const query = (q: string): SearchRequest => ({ q, filters: {}, sort: "relevance", page: 1, perPage: 50, prefix: false });

/** An engine whose writes fail while `down` is true, as a real unreachable engine would. */
class FlakyEngine implements SearchEngine {
  readonly kind = "postgres" as const;
  down = true;
  constructor(private readonly inner: SearchEngine) {}
  private check() {
    if (this.down) throw new Error("connect ECONNREFUSED (engine down)");
  }
  async upsert(d: Parameters<SearchEngine["upsert"]>[0]) {
    this.check();
    return this.inner.upsert(d);
  }
  async remove(r: Parameters<SearchEngine["remove"]>[0]) {
    this.check();
    return this.inner.remove(r);
  }
  search: SearchEngine["search"] = (r, v) => this.inner.search(r, v);
  clear = () => this.inner.clear();
  health = async () => ({ ok: !this.down });
}

describe.each(DB_KINDS)("search outbox on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  it("indexes submitted items from the source tables, never drafts", async () => {
    const campaign = await buildCampaign(t.db);
    const place = await buildSubdistrict(t.db);
    const org = await buildOrganization(t.db, { nameZh: "普陀数据科技", nameEn: "Putuo Data Tech" });
    const shown = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, title: "老人一键叫车服务" });
    const draft = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, title: "老人草稿需求", status: "draft", submittedAt: null });
    const app = await buildApplication(t.db, { campaignId: campaign.id, organizationId: org.id, title: "叫车热线", status: "selected" });
    await enqueueSearchUpdate(t.db, "demand", [shown.id, draft.id]);
    await enqueueSearchUpdate(t.db, "application", app.id);
    await enqueueSearchUpdate(t.db, "organization", org.id);
    const engine = new PostgresSearchEngine(t.db);
    const report = await drainOutbox(t.db, engine);
    expect(report).toMatchObject({ processed: 4, failed: 0 });
    const hits = (await engine.search(query("老人"), null)).hits.map((h) => h.id);
    expect(hits).toEqual([shown.id]);
    expect((await engine.search(query("叫车"), null)).total).toBe(2);
    expect((await engine.search(query("Putuo Data"), null)).hits[0]).toMatchObject({ type: "organization", id: org.id });
    expect((await outboxStatus(t.db)).pending).toBe(0);
  });

  it("keeps events while the engine is down and catches up when it returns", async () => {
    const campaign = await buildCampaign(t.db);
    const place = await buildSubdistrict(t.db);
    const d = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, title: "窨井盖位移报警" });
    await enqueueSearchUpdate(t.db, "demand", d.id);
    const engine = new FlakyEngine(new PostgresSearchEngine(t.db));
    const failed = await drainOutbox(t.db, engine);
    expect(failed).toMatchObject({ processed: 0, failed: 1 });
    const status = await outboxStatus(t.db);
    expect(status).toMatchObject({ pending: 1, failing: 1 });
    expect(status.lastError).toMatch(/ECONNREFUSED/);
    engine.down = false;
    // The retry is scheduled with backoff; make it due now rather than wait.
    await t.db.update(searchOutbox).set({ availableAt: new Date(0) });
    expect(await drainOutbox(t.db, engine)).toMatchObject({ processed: 1, failed: 0 });
    expect((await engine.search(query("井盖"), null)).total).toBe(1);
  });

  it("rebuilds the index from the source tables and settles the queue", async () => {
    const campaign = await buildCampaign(t.db);
    const place = await buildSubdistrict(t.db);
    for (let i = 0; i < 5; i++) await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, title: `第${i}个智慧停车需求` });
    await enqueueSearchUpdate(t.db, "demand", [1, 2]);
    const engine = new PostgresSearchEngine(t.db);
    const seen: number[] = [];
    const { documents } = await reindexAll(t.db, engine, (done) => seen.push(done));
    expect(documents).toBeGreaterThanOrEqual(5);
    expect(seen.length).toBeGreaterThan(0);
    expect((await engine.search(query("停车"), null)).total).toBe(5);
    expect((await outboxStatus(t.db)).pending).toBe(0);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("two outbox workers on one PostgreSQL", () => {
  let t: TestDatabase;
  const handles: DatabaseHandle[] = [];
  beforeEach(async () => {
    t = await createTestDatabase("postgres");
  });
  afterEach(async () => {
    await Promise.all(handles.splice(0).map((h) => h.close()));
    await t.drop();
  });

  it("indexes every event exactly once", async () => {
    const campaign = await buildCampaign(t.db);
    const place = await buildSubdistrict(t.db);
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push((await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, title: `并发索引需求${i}` })).id);
    }
    // 400 events: every demand changed ten times.
    for (let round = 0; round < 10; round++) await enqueueSearchUpdate(t.db, "demand", ids);

    // Two app servers: two separate connection pools on the same database.
    const [{ name }] = rowsOf<{ name: string }>(await t.db.execute(sql`select current_database() as name`));
    const base = new URL(process.env.TEST_DATABASE_URL!);
    base.pathname = `/${name}`;
    for (let i = 0; i < 2; i++) handles.push(await openDatabase({ kind: "postgres", url: base.toString(), poolMax: 3 }));

    const handledBy = new Map<number, number>();
    const duplicates: number[] = [];
    await Promise.all(
      handles.map((h, worker) =>
        drainOutbox(h.db, new PostgresSearchEngine(h.db), {
          batchSize: 7,
          onIndexed: (eventIds) => {
            for (const id of eventIds) {
              if (handledBy.has(id)) duplicates.push(id);
              handledBy.set(id, worker);
            }
          },
        }),
      ),
    );
    expect(duplicates).toEqual([]);
    expect(handledBy.size).toBe(400);
    const workers = new Set(handledBy.values());
    expect(workers.size).toBe(2); // both took part
    expect((await outboxStatus(t.db)).pending).toBe(0);
    const engine = new PostgresSearchEngine(t.db);
    expect((await engine.search(query("并发索引需求"), null)).total).toBe(40);
  });
});
