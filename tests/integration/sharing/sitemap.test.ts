/**
 * The sitemaps list exactly what the public may see, on both databases: the
 * public demands and applications (drafts, withdrawn and rejected items, and
 * applications not yet public are absent), every organisation and
 * subdistrict board, the published lists only; files cut at the size asked
 * for, none past the last; lastmod from updated_at. Then the routes
 * themselves: /sitemap.xml, /sitemaps/<file>.xml (404s for bad names) and
 * /robots.txt, as a crawler receives them.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as robotsRoute from "../../../app/routes/robots[.]txt";
import * as indexRoute from "../../../app/routes/sitemap[.]xml";
import * as fileRoute from "../../../app/routes/sitemaps.$file";
import { sitemapFileName, type SitemapKind } from "../../../app/sharing/sitemap";
import { sitemapFiles, sitemapPages, STATIC_PATHS } from "../../../app/sharing/sitemap.server";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { env } from "../../../app/utils/env.server";
import type { Database } from "../../../db/client";
import { demands, publishedListEntries } from "../../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict } from "../../helpers/builders";

type World = {
  publicDemands: number[];
  hiddenDemands: number[];
  publicApplications: number[];
  hiddenApplications: number[];
  orgSlugs: string[];
  placeSlugs: string[];
  publishedSlug: string;
  openSlug: string;
  editedDemand: { id: number; updatedAt: Date };
};

async function buildWorld(db: Database): Promise<World> {
  const [place, otherPlace] = [await buildSubdistrict(db), await buildSubdistrict(db, { sortOrder: 1 })];
  const vendor = await buildOrganization(db);
  const office = await buildOrganization(db, { kind: "subdistrict_office", verified: false, subdistrictId: place.id });
  const open = await buildCampaign(db);
  const published = await buildCampaign(db, { stage: "published", opensAt: new Date("2021-01-01T00:00:00Z"), closesAt: new Date("2021-06-30T00:00:00Z") });
  const demand = (status: (typeof demands.$inferInsert)["status"]) => buildDemand(db, { campaignId: open.id, subdistrictId: place.id, status });
  const app = (status: (typeof demands.$inferInsert)["status"], publicFromSubmission = false) =>
    buildApplication(db, { campaignId: open.id, organizationId: vendor.id, status, publicFromSubmission });

  const publicDemands = [await demand("submitted"), await demand("in_review"), await demand("selected"), await demand("not_shortlisted")];
  const hiddenDemands = [await demand("draft"), await demand("withdrawn"), await demand("rejected")];
  const publicApplications = [await app("selected"), await app("submitted", true), await app("in_review", true)];
  const hiddenApplications = [await app("draft"), await app("draft", true), await app("submitted"), await app("in_review"), await app("rejected", true), await app("withdrawn", true)];

  const selectedApp = publicApplications[0];
  await db.insert(publishedListEntries).values({
    campaignId: published.id,
    itemType: "application",
    itemId: selectedApp.id,
    rank: 1,
    score: 1.2,
    publishedAt: new Date("2021-07-01T08:00:00Z"),
  });

  // One demand changed after the others (a day ahead, to the second): its lastmod must follow.
  const editedAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 86_400_000);
  const [edited] = await db.update(demands).set({ updatedAt: editedAt }).where(eq(demands.id, publicDemands[2].id)).returning();

  return {
    publicDemands: publicDemands.map((d) => d.id),
    hiddenDemands: hiddenDemands.map((d) => d.id),
    publicApplications: publicApplications.map((a) => a.id),
    hiddenApplications: hiddenApplications.map((a) => a.id),
    orgSlugs: [vendor.slug, office.slug],
    placeSlugs: [place.slug, otherPlace.slug],
    publishedSlug: published.slug,
    openSlug: open.slug,
    editedDemand: { id: edited.id, updatedAt: edited.updatedAt },
  };
}

/** Every page of a kind, reading files until the first missing one. */
async function allPages(db: Database, kind: SitemapKind, perFile: number) {
  const pages = [];
  for (let n = 1; ; n++) {
    const file = await sitemapPages(db, kind, n, perFile);
    if (!file) return { pages, files: n - 1 };
    pages.push(...file);
  }
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

async function call(loader: (args: never) => unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return (await loader({ request, params, context: {} } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const get = (path: string) => new Request(`http://putuo.test${path}`);

describe.each(DB_KINDS)("sitemaps on %s", (kind) => {
  let t: TestDatabase;
  let w: World;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
    w = await buildWorld(t.db);
  }, 300_000);
  afterAll(async () => {
    await closeDatabase();
    await t.drop();
  });

  it("lists exactly the public demands and applications, in id order", async () => {
    const demandPages = await sitemapPages(t.db, "demands", 1);
    expect(demandPages!.map((p) => p.path)).toEqual(sorted(w.publicDemands).map((id) => `/demands/${id}`));
    const appPages = await sitemapPages(t.db, "applications", 1);
    expect(appPages!.map((p) => p.path)).toEqual(sorted(w.publicApplications).map((id) => `/applications/${id}`));
    for (const id of w.hiddenDemands) expect(demandPages!.map((p) => p.path)).not.toContain(`/demands/${id}`);
    for (const id of w.hiddenApplications) expect(appPages!.map((p) => p.path)).not.toContain(`/applications/${id}`);
  });

  it("lists every organisation and subdistrict board, the published lists only, and the public pages", async () => {
    expect((await sitemapPages(t.db, "organizations", 1))!.map((p) => p.path).sort()).toEqual(w.orgSlugs.map((s) => `/organizations/${s}`).sort());
    expect((await sitemapPages(t.db, "subdistricts", 1))!.map((p) => p.path)).toEqual(w.placeSlugs.map((s) => `/subdistricts/${s}`));
    expect((await sitemapPages(t.db, "lists", 1))!.map((p) => [p.path, new Date(p.lastmod!).toISOString()])).toEqual([
      [`/lists/${w.publishedSlug}`, "2021-07-01T08:00:00.000Z"],
    ]);
    expect((await sitemapPages(t.db, "pages", 1))!.map((p) => p.path)).toEqual([...STATIC_PATHS]);
  });

  it("takes lastmod from updated_at", async () => {
    const page = (await sitemapPages(t.db, "demands", 1))!.find((p) => p.path === `/demands/${w.editedDemand.id}`);
    expect(new Date(page!.lastmod!).toISOString()).toBe(w.editedDemand.updatedAt.toISOString());
    // A board changes when its public demands do.
    const board = (await sitemapPages(t.db, "subdistricts", 1))!;
    expect(new Date(board[0].lastmod!).toISOString()).toBe(w.editedDemand.updatedAt.toISOString());
    expect(board[1].lastmod).toBeNull();
  });

  it("cuts files at the size asked for, with nothing lost, repeated, or past the last file", async () => {
    const demandsBy3 = await allPages(t.db, "demands", 3);
    expect(demandsBy3.files).toBe(2);
    expect(demandsBy3.pages.map((p) => p.path)).toEqual(sorted(w.publicDemands).map((id) => `/demands/${id}`));
    const appsBy1 = await allPages(t.db, "applications", 1);
    expect(appsBy1.files).toBe(w.publicApplications.length);
    expect(appsBy1.pages.map((p) => p.path)).toEqual(sorted(w.publicApplications).map((id) => `/applications/${id}`));
    expect(await sitemapPages(t.db, "pages", 2)).toBeNull();
    expect(await sitemapPages(t.db, "lists", 2)).toBeNull();
  });

  it("names in its index one file per page of each kind, with the latest change in each", async () => {
    const files = await sitemapFiles(t.db, 3);
    const names = files.map((f) => sitemapFileName(f.kind, f.page));
    expect(names).toEqual(["pages-1.xml", "lists-1.xml", "subdistricts-1.xml", "organizations-1.xml", "demands-1.xml", "demands-2.xml", "applications-1.xml"]);
    const demandFiles = files.filter((f) => f.kind === "demands");
    // The edited demand is the third public one: in the first file of three.
    expect(new Date(demandFiles[0].lastmod!).toISOString()).toBe(w.editedDemand.updatedAt.toISOString());
    expect(new Date(demandFiles[1].lastmod!).getTime()).toBeLessThan(w.editedDemand.updatedAt.getTime());
  });

  it("serves the index and the files as cacheable XML with absolute addresses", async () => {
    const base = env().PUBLIC_URL;
    const index = await call(indexRoute.loader, get("/sitemap.xml"));
    expect(index.status).toBe(200);
    expect(index.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    expect(index.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+/);
    const indexXml = await index.text();
    expect(indexXml).toContain(`<loc>${base}/sitemaps/demands-1.xml</loc>`);
    expect(indexXml).toContain(`<loc>${base}/sitemaps/lists-1.xml</loc>`);

    const file = await call(fileRoute.loader, get("/sitemaps/demands-1.xml"), { file: "demands-1.xml" });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await file.text();
    const draft = w.hiddenDemands[0];
    const visible = w.publicDemands[0];
    expect(xml).toContain(`<loc>${base}/demands/${visible}?lang=zh-CN</loc>`);
    expect(xml).toContain(`<loc>${base}/demands/${visible}?lang=en</loc>`);
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${base}/demands/${visible}"/>`);
    expect(xml).not.toContain(`/demands/${draft}?`);
  });

  it("answers 404 for names that are not sitemap files and for pages past the last", async () => {
    for (const name of ["users-1.xml", "demands-0.xml", "demands.xml", "demands-2.xml", "pages-2.xml", "x"]) {
      const response = await call(fileRoute.loader, get(`/sitemaps/${name}`), { file: name });
      expect(response.status, name).toBe(404);
    }
  });

  it("names the sitemap in robots.txt", async () => {
    const response = await call(robotsRoute.loader, get("/robots.txt"));
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toContain(`Sitemap: ${env().PUBLIC_URL}/sitemap.xml`);
  });
});
