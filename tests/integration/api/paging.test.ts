/**
 * Paging through the API: totals and page counts, the RFC 8288 Link header
 * (absolute URLs keeping the other parameters; prev and next only where
 * there is a page), the last page, a page past the end (empty, not an
 * error), and the same on every paged endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as demandsRoute from "../../../app/routes/api.v1.demands._index";
import * as listRoute from "../../../app/routes/api.v1.lists.$slug";
import * as organizationsRoute from "../../../app/routes/api.v1.organizations._index";
import * as searchRoute from "../../../app/routes/api.v1.search";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { resetEnvCache } from "../../../app/utils/env.server";
import { publishedListEntries } from "../../../db/schema";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { BASE, get } from "./setup";

/** `{ rel: url }` from a Link header. */
function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(/,\s*(?=<)/)) {
    const m = /^<([^>]+)>;\s*rel="([a-z]+)"$/.exec(part.trim());
    if (m) out[m[2]] = m[1];
  }
  return out;
}

const pageIn = (url: string) => Number(new URL(url).searchParams.get("page"));

describe.each(DB_KINDS)("API paging on %s", (kind) => {
  let t: TestDatabase;
  let campaignSlug: string;
  const TOTAL = 23;

  beforeAll(async () => {
    process.env.API_RATE_LIMIT = "100000";
    resetEnvCache();
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
    (globalThis as { __putuoSearch?: unknown }).__putuoSearch = undefined;
    const campaign = await buildCampaign(t.db, { stage: "published" });
    campaignSlug = campaign.slug;
    const place = await buildSubdistrict(t.db);
    const vendor = await buildOrganization(t.db);
    for (let i = 0; i < TOTAL; i++) {
      await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, domain: "life", submittedAt: new Date(Date.UTC(2021, 5, 1, 0, i)) });
    }
    // Drafts in the same campaign never count.
    await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, status: "draft", submittedAt: null });
    const apps = [];
    for (let i = 0; i < 5; i++) apps.push(await buildApplication(t.db, { campaignId: campaign.id, organizationId: vendor.id, status: "selected" }));
    await t.db.insert(publishedListEntries).values(apps.map((a, i) => ({ campaignId: campaign.id, itemType: "application" as const, itemId: a.id, rank: i + 1, score: 1 - i / 10 })));
  }, 300_000);
  afterAll(async () => {
    (globalThis as { __putuoSearch?: unknown }).__putuoSearch = undefined;
    await closeDatabase();
    await t.drop();
    delete process.env.API_RATE_LIMIT;
    resetEnvCache();
  });

  const demandsPage = (query: string) => get(demandsRoute.loader, `/api/v1/demands?campaign=${campaignSlug}&domain=life&${query}`);

  it("counts the pages and links first, next and last from page 1", async () => {
    const res = await demandsPage("perPage=10");
    const body = await res.json();
    expect(body).toMatchObject({ page: 1, perPage: 10, total: TOTAL, totalPages: 3 });
    expect(body.data).toHaveLength(10);
    const l = links(res.headers.get("Link"));
    expect(Object.keys(l).sort()).toEqual(["first", "last", "next"]);
    expect(pageIn(l.first)).toBe(1);
    expect(pageIn(l.next)).toBe(2);
    expect(pageIn(l.last)).toBe(3);
    // Absolute, and the other parameters kept.
    const next = new URL(l.next);
    expect(next.origin).toBe(BASE);
    expect(next.pathname).toBe("/api/v1/demands");
    expect(Object.fromEntries(next.searchParams)).toEqual({ campaign: campaignSlug, domain: "life", perPage: "10", page: "2" });
  });

  it("walks the pages: every item once, newest first, the last page short and without next", async () => {
    const seen: number[] = [];
    let url = `/api/v1/demands?campaign=${campaignSlug}&perPage=10`;
    for (let n = 1; n <= 3; n++) {
      const res = await get(demandsRoute.loader, url);
      const body = await res.json();
      expect(body.page).toBe(n);
      seen.push(...body.data.map((d: { id: number }) => d.id));
      const l = links(res.headers.get("Link"));
      if (n > 1) expect(pageIn(l.prev)).toBe(n - 1);
      else expect(l.prev).toBeUndefined();
      if (n === 3) {
        expect(body.data).toHaveLength(TOTAL - 20);
        expect(l.next).toBeUndefined();
      } else {
        const next = new URL(l.next);
        url = `${next.pathname}${next.search}`;
      }
    }
    expect(new Set(seen).size).toBe(TOTAL);
    const all = await (await demandsPage("perPage=100")).json();
    expect(all.data.map((d: { id: number }) => d.id)).toEqual(seen);
    const dates = all.data.map((d: { submittedAt: string }) => d.submittedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("a page past the end is an empty page, not an error, with prev pointing at the last page", async () => {
    for (const page of [4, 99, 99999999999]) {
      const res = await demandsPage(`perPage=10&page=${page}`);
      expect(res.status, String(page)).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ data: [], page, total: TOTAL, totalPages: 3 });
      const l = links(res.headers.get("Link"));
      expect(pageIn(l.prev)).toBe(3);
      expect(pageIn(l.last)).toBe(3);
      expect(l.next).toBeUndefined();
    }
  });

  it("nothing found: zero pages, links to page 1", async () => {
    const res = await get(demandsRoute.loader, `/api/v1/demands?campaign=${campaignSlug}&domain=economy`);
    const body = await res.json();
    expect(body).toEqual({ data: [], page: 1, perPage: 20, total: 0, totalPages: 0 });
    const l = links(res.headers.get("Link"));
    expect(pageIn(l.first)).toBe(1);
    expect(pageIn(l.last)).toBe(1);
    expect(l.next).toBeUndefined();
  });

  it("defaults to 20 a page and pages the other endpoints the same way", async () => {
    const body = await (await demandsPage("")).json();
    expect(body).toMatchObject({ page: 1, perPage: 20, totalPages: 2 });
    expect(body.data).toHaveLength(20);

    const list = await get(listRoute.loader, `/api/v1/lists/${campaignSlug}?perPage=2&page=3`, { params: { slug: campaignSlug } });
    const listBody = await list.json();
    expect(listBody).toMatchObject({ page: 3, perPage: 2, total: 5, totalPages: 3, counts: { applications: 5, demands: 0 } });
    expect(listBody.data.map((e: { rank: number }) => e.rank)).toEqual([5]);
    expect(links(list.headers.get("Link")).next).toBeUndefined();

    const orgs = await get(organizationsRoute.loader, "/api/v1/organizations?perPage=1");
    expect((await orgs.json()).data).toHaveLength(1);
    expect(links(orgs.headers.get("Link")).first).toMatch(/^http:\/\/putuo\.test\/api\/v1\/organizations\?perPage=1&page=1$/);

    const search = await get(searchRoute.loader, "/api/v1/search?perPage=1");
    expect(search.status).toBe(200);
    expect(links(search.headers.get("Link")).first).toContain("page=1");
  });
});
