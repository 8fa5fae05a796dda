/**
 * The home page's overview, on both databases, over a small world whose
 * every number is known: the featured campaign and the others under way, the
 * published lists, the headline numbers (drafts, withdrawn items and
 * non-public match stages left out; a match counts only between public
 * items), the latest public demands in the order of /demands, the places with
 * their public demands — and that the numbers agree with the statistics page.
 * Also the calls to action for each kind of visitor.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { featuredCampaign, homeActions, LATEST_DEMANDS, programmeOverview } from "../../../app/campaigns/overview.server";
import { listDemands } from "../../../app/demands/demands.server";
import { demandListQuerySchema } from "../../../app/demands/schemas.server";
import { programmeStats } from "../../../app/stats/stats.server";
import type { Database } from "../../../db/client";
import type { ItemStatus, MatchStage, Role } from "../../../db/enums";
import { auditLog, matches, publishedListEntries } from "../../../db/schema";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 2, 1, 2, 0, 0);
/** Submission dates: a larger n is newer. */
const at = (n: number) => new Date(BASE + n * DAY);

async function buildHomeWorld(db: Database) {
  const caoyang = await buildSubdistrict(db, { slug: "h-caoyang", nameZh: "曹杨新村街道", nameEn: "Caoyang Xincun Subdistrict", sortOrder: 1 });
  const taopu = await buildSubdistrict(db, { slug: "h-taopu", nameZh: "桃浦镇", nameEn: "Taopu Town", kind: "town", sortOrder: 2 });
  const vendor = await buildOrganization(db);
  const otherVendor = await buildOrganization(db);
  const author = await buildUser(db);

  const published = await buildCampaign(db, { slug: "h-2021", stage: "published", opensAt: new Date("2021-01-01T00:00:00Z"), closesAt: new Date("2021-03-01T00:00:00Z") });
  const closed = await buildCampaign(db, { slug: "h-2019", stage: "closed", opensAt: new Date("2019-01-01T00:00:00Z"), closesAt: new Date("2019-03-01T00:00:00Z") });
  const shortlisting = await buildCampaign(db, { slug: "h-2023", stage: "shortlisting", opensAt: new Date("2023-01-01T00:00:00Z"), closesAt: new Date("2023-03-01T00:00:00Z") });
  const collecting = await buildCampaign(db, { slug: "h-2026", stage: "collecting", opensAt: new Date("2026-01-01T00:00:00Z"), closesAt: new Date("2027-12-31T00:00:00Z") });

  const demand = (campaignId: number, status: ItemStatus, day: number | null, subdistrictId = caoyang.id, over: { supportCount?: number } = {}) =>
    buildDemand(db, {
      campaignId,
      subdistrictId,
      status,
      authorId: author.id,
      submittedAt: day === null ? null : at(day),
      title: `需求-${status}-${day ?? "draft"}`,
      ...over,
    });
  const d = {
    selected: await demand(published.id, "selected", 1, caoyang.id, { supportCount: 12 }),
    notShortlisted: await demand(published.id, "not_shortlisted", 2, taopu.id),
    rejected: await demand(published.id, "rejected", 3, taopu.id),
    withdrawn: await demand(collecting.id, "withdrawn", 30, taopu.id),
    draftOld: await demand(published.id, "draft", null),
    shortlisted: await demand(shortlisting.id, "shortlisted", 10, taopu.id),
    inReview: await demand(shortlisting.id, "in_review", 11, taopu.id),
    scored: await demand(shortlisting.id, "scored", 12),
    cutFromShortlist: await demand(shortlisting.id, "not_shortlisted", 13),
    submitted1: await demand(collecting.id, "submitted", 20),
    submitted2: await demand(collecting.id, "submitted", 21, taopu.id),
    submitted3: await demand(collecting.id, "submitted", 22),
    // The newest row of all, but a draft: never on the home page.
    draftNew: await demand(collecting.id, "draft", null, taopu.id),
  };

  const application = (campaignId: number, status: ItemStatus, over: { publicFromSubmission?: boolean; organizationId?: number } = {}) =>
    buildApplication(db, { campaignId, organizationId: vendor.id, status, submittedAt: status === "draft" ? null : at(5), ...over });
  const a = {
    selected: await application(published.id, "selected"),
    selected2: await application(published.id, "selected", { organizationId: otherVendor.id }),
    privateNotShortlisted: await application(published.id, "not_shortlisted"),
    publicNotShortlisted: await application(published.id, "not_shortlisted", { publicFromSubmission: true }),
    rejected: await application(published.id, "rejected", { publicFromSubmission: true }),
    cutFromShortlist: await application(shortlisting.id, "not_shortlisted"),
    cutFromScored: await application(shortlisting.id, "not_shortlisted"),
    shortlisted: await application(shortlisting.id, "shortlisted"),
    submitted: await application(collecting.id, "submitted", { publicFromSubmission: true }),
    withdrawn: await application(collecting.id, "withdrawn"),
    draft: await application(collecting.id, "draft"),
  };

  // The audit trail says which not-shortlisted items had been on the shortlist.
  await db.insert(auditLog).values([
    { action: "demand.shortlist", entityType: "demand", entityId: d.cutFromShortlist.id, fromStatus: "scored", toStatus: "shortlisted" },
    { action: "demand.cut", entityType: "demand", entityId: d.cutFromShortlist.id, fromStatus: "shortlisted", toStatus: "not_shortlisted" },
    { action: "application.cut", entityType: "application", entityId: a.cutFromShortlist.id, fromStatus: "shortlisted", toStatus: "not_shortlisted" },
    { action: "application.cut", entityType: "application", entityId: a.cutFromScored.id, fromStatus: "scored", toStatus: "not_shortlisted" },
  ]);

  const match = (demandRow: { id: number; subdistrictId: number }, app: { id: number; organizationId: number }, stage: MatchStage) =>
    db.insert(matches).values({ demandId: demandRow.id, applicationId: app.id, organizationId: app.organizationId, subdistrictId: demandRow.subdistrictId, stage });
  await match(d.selected, a.selected, "piloting"); // public
  await match(d.selected, a.selected2, "accepted"); // public, same demand
  await match(d.notShortlisted, a.publicNotShortlisted, "deployed"); // public
  await match(d.submitted1, a.submitted, "piloting"); // public
  await match(d.shortlisted, a.privateNotShortlisted, "piloting"); // the application is not public
  await match(d.rejected, a.selected, "deployed"); // the demand is not public
  await match(d.scored, a.selected, "proposed"); // not a public stage
  await match(d.inReview, a.selected2, "suggested"); // not a public stage
  await match(d.submitted2, a.selected2, "declined"); // not a public stage

  const publishedAt = new Date("2021-06-01T02:00:00Z");
  await db.insert(publishedListEntries).values([
    { campaignId: published.id, itemType: "application", itemId: a.selected.id, rank: 1, score: 1.2, publishedAt },
    { campaignId: published.id, itemType: "application", itemId: a.selected2.id, rank: 2, score: 0.9, publishedAt },
    { campaignId: published.id, itemType: "demand", itemId: d.selected.id, rank: 1, score: 1.1, publishedAt },
  ]);

  return { caoyang, taopu, published, closed, shortlisting, collecting, d, a, publishedAt };
}

describe.each(DB_KINDS)("home overview on %s", (kind) => {
  let t: TestDatabase;
  let w: Awaited<ReturnType<typeof buildHomeWorld>>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    w = await buildHomeWorld(t.db);
  }, 300_000);
  afterAll(async () => {
    await t.drop();
  });

  it("features the campaign taking submissions, with its dates, quotas and days left; other calls under way beside it", async () => {
    const now = new Date(w.collecting.closesAt.getTime() - 2.5 * DAY);
    const o = await programmeOverview(t.db, { now });
    expect(o.campaign).toMatchObject({
      slug: "h-2026",
      stage: "collecting",
      opensAt: "2026-01-01T00:00:00.000Z",
      closesAt: "2027-12-31T00:00:00.000Z",
      daysLeft: 3,
      applicationQuota: 100,
      demandQuota: 10,
    });
    expect(o.otherUnderWay.map((c) => c.slug)).toEqual(["h-2023"]);
    // Past the closing date nothing is counted down, though the stage has not moved yet.
    const late = await programmeOverview(t.db, { now: new Date(w.collecting.closesAt.getTime() + DAY) });
    expect(late.campaign?.daysLeft).toBeNull();
  });

  it("lists the published and closed campaigns with their list counts, newest first", async () => {
    const o = await programmeOverview(t.db);
    expect(o.lists).toEqual([
      expect.objectContaining({ slug: "h-2021", applications: 2, demands: 1, publishedAt: w.publishedAt.toISOString() }),
      expect.objectContaining({ slug: "h-2019", applications: 0, demands: 0, publishedAt: null }),
    ]);
  });

  it("counts submissions without drafts and withdrawn items, shortlists as reached, and only public confirmed matches", async () => {
    const { numbers } = await programmeOverview(t.db);
    // Demands: 10 submitted (3 + 4 + 3 in the three campaigns; the rejected one was received too).
    // Shortlisted: selected, shortlisted, and the one cut from the shortlist.
    expect(numbers.demands).toEqual({ submitted: 10, shortlisted: 3, selected: 1 });
    // Applications: 9 submitted; shortlisted: 2 selected, 1 shortlisted, 1 cut from the shortlist (not the one cut when scored).
    expect(numbers.applications).toEqual({ submitted: 9, shortlisted: 4, selected: 2 });
    expect(numbers.matchedDemands).toBe(3);
    expect(numbers.confirmedMatches).toBe(4);
    expect(numbers.piloting).toBe(2);
    expect(numbers.deployed).toBe(1);
  });

  it("agrees with the statistics page's totals", async () => {
    const [{ numbers, subdistricts }, stats] = await Promise.all([programmeOverview(t.db), programmeStats(t.db)]);
    expect(stats).not.toBeNull();
    const totals = stats!.totals;
    for (const key of ["demands", "applications"] as const) {
      expect(numbers[key], key).toEqual({
        submitted: totals[key].submitted,
        shortlisted: totals[key].shortlisted,
        selected: totals[key].selected,
      });
    }
    expect(numbers.confirmedMatches).toBe(totals.matched);
    expect(numbers.piloting).toBe(totals.piloting);
    expect(numbers.deployed).toBe(totals.deployed);
    expect(subdistricts.map((s) => [s.slug, s.demands])).toEqual(stats!.bySubdistrict.map((s) => [s.slug, s.demands]));
  });

  it("shows the newest public demands first, never a draft, withdrawn or rejected one, in the order of /demands", async () => {
    const { latestDemands } = await programmeOverview(t.db);
    const expected = [w.d.submitted3, w.d.submitted2, w.d.submitted1, w.d.cutFromShortlist, w.d.scored, w.d.inReview];
    expect(latestDemands).toHaveLength(LATEST_DEMANDS);
    expect(latestDemands.map((x) => x.id)).toEqual(expected.map((x) => x.id));
    expect(latestDemands[1]).toEqual({
      id: w.d.submitted2.id,
      title: w.d.submitted2.title,
      lang: "zh-CN",
      domain: "life",
      supportCount: 0,
      submittedAt: at(21).toISOString(),
      subdistrict: { slug: "h-taopu", nameZh: "桃浦镇", nameEn: "Taopu Town" },
    });
    const list = await listDemands(t.db, null, demandListQuerySchema.parse({}));
    expect(list.items.slice(0, LATEST_DEMANDS).map((x) => x.id)).toEqual(expected.map((x) => x.id));
  });

  it("gives each place its number of public demands, in the district's order", async () => {
    const { subdistricts } = await programmeOverview(t.db);
    expect(subdistricts).toEqual([
      { slug: "h-caoyang", nameZh: "曹杨新村街道", nameEn: "Caoyang Xincun Subdistrict", kind: "subdistrict", demands: 5 },
      { slug: "h-taopu", nameZh: "桃浦镇", nameEn: "Taopu Town", kind: "town", demands: 4 },
    ]);
  });

  it("changes with the data: a draft changes nothing, a submission is counted and shown first", async () => {
    const before = await programmeOverview(t.db);
    await buildDemand(t.db, { campaignId: w.collecting.id, subdistrictId: w.taopu.id, status: "draft", submittedAt: null, title: "新的草稿" });
    const withDraft = await programmeOverview(t.db);
    expect(withDraft.numbers).toEqual(before.numbers);
    expect(withDraft.latestDemands).toEqual(before.latestDemands);

    const fresh = await buildDemand(t.db, { campaignId: w.collecting.id, subdistrictId: w.taopu.id, status: "submitted", submittedAt: at(40), title: "刚提交的需求" });
    const after = await programmeOverview(t.db);
    expect(after.numbers.demands.submitted).toBe(before.numbers.demands.submitted + 1);
    expect(after.latestDemands[0].id).toBe(fresh.id);
    expect(after.subdistricts.find((s) => s.slug === "h-taopu")!.demands).toBe(before.subdistricts.find((s) => s.slug === "h-taopu")!.demands + 1);
  });
});

describe("the featured campaign", () => {
  const c = (slug: string, stage: "collecting" | "screening" | "reviewing" | "shortlisting" | "published" | "closed") => ({ slug, stage });
  it("is the newest taking submissions, else the newest under way, else the newest", () => {
    expect(featuredCampaign([c("a", "published"), c("b", "reviewing"), c("c", "collecting"), c("d", "collecting")])?.slug).toBe("c");
    expect(featuredCampaign([c("a", "published"), c("b", "reviewing"), c("c", "screening")])?.slug).toBe("b");
    expect(featuredCampaign([c("a", "closed"), c("b", "published")])?.slug).toBe("a");
    expect(featuredCampaign([])).toBeNull();
  });
});

describe("calls to action", () => {
  const as = (...roles: Role[]) => ({ roles });
  it("invites anonymous visitors to raise a need, offer a solution or sign up while a call is open", () => {
    expect(homeActions(null, true)).toEqual(["raiseNeed", "offerSolution", "signup"]);
    expect(homeActions(null, false)).toEqual(["signup", "browseDemands", "browseLists"]);
  });
  it("fits each role, and offers submitting only while a campaign collects", () => {
    expect(homeActions(as("resident"), true)).toEqual(["raiseNeed", "supportDemands", "mySubmissions"]);
    expect(homeActions(as("resident"), false)).toEqual(["supportDemands", "mySubmissions"]);
    expect(homeActions(as("firm_member"), true)).toEqual(["submitApplication", "respondToDemands", "mySubmissions"]);
    expect(homeActions(as("firm_member"), false)).toEqual(["respondToDemands", "mySubmissions"]);
    expect(homeActions(as("community_worker"), true)).toEqual(["intake", "raiseNeed", "mySubmissions"]);
    expect(homeActions(as("reviewer"), true)).toEqual(["review"]);
    expect(homeActions(as("official"), true)).toEqual(["runCampaigns"]);
    expect(homeActions(as("admin"), true)).toEqual(["manageUsers"]);
    expect(homeActions(as("reviewer", "resident"), true)).toEqual(["review", "raiseNeed", "supportDemands"]);
    expect(homeActions({ roles: [] }, true)).toEqual(["browseDemands", "browseLists"]);
  });
});
