/**
 * The little world the API tests need, and how they call a route: a
 * published campaign with its list, an open one, two subdistricts, vendors
 * (verified and not) with members, a community worker, a resident with a
 * draft, demands and applications in public and non-public states, and a
 * match at every pipeline stage — indexed for search.
 */
import { createSession, serializeSessionCookie } from "../../../app/auth/session.server";
import type { Database } from "../../../db/client";
import type { MatchStage } from "../../../db/enums";
import { applicationDemands, applicationDeployments, applicationTags, demandTags, matches, publishedListEntries, tags } from "../../../db/schema";
import { PostgresSearchEngine } from "../../../search/engines/postgres";
import { reindexAll } from "../../../search/indexer";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser, seq } from "../../helpers/builders";

export const BASE = "http://putuo.test";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

/** GET a route's loader as the server would, with an address (the anonymous rate-limit key) and an optional session. */
export async function get(
  loader: Loader,
  path: string,
  opts: { params?: Record<string, string>; cookie?: string; ip?: string; method?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "X-Forwarded-For": opts.ip ?? "203.0.113.1" };
  if (opts.cookie) headers.Cookie = opts.cookie;
  const request = new Request(`${BASE}${path}`, { method: opts.method ?? "GET", headers });
  try {
    return (await loader({ request, params: opts.params ?? {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** A session cookie for a user, as a browser would send it. */
export async function cookieFor(db: Database, userId: number): Promise<string> {
  const { token, expiresAt } = await createSession(db, userId);
  return (await serializeSessionCookie(token, expiresAt)).split(";")[0];
}

async function tag(db: Database, kind: "target_group" | "scenario" | "technology", nameZh: string, nameEn: string) {
  const [row] = await db.insert(tags).values({ kind, slug: `${kind.replace("_", "-")}-${seq()}`, nameZh, nameEn }).returning();
  return row;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld(db: Database) {
  const published = await buildCampaign(db, { stage: "published", opensAt: new Date("2021-05-01T00:00:00Z"), closesAt: new Date("2021-08-01T00:00:00Z") });
  const open = await buildCampaign(db, { stage: "collecting" });
  const place = await buildSubdistrict(db);
  const otherPlace = await buildSubdistrict(db, { kind: "town" });
  const elderly = await tag(db, "target_group", "老年人", "Elderly people");
  const ai = await tag(db, "technology", "人工智能", "Artificial intelligence");

  const office = await buildOrganization(db, { kind: "subdistrict_office", subdistrictId: place.id });
  const vendor = await buildOrganization(db, { verified: true });
  const rival = await buildOrganization(db, { verified: false });

  const official = await buildUser(db, { roles: ["official"] });
  const worker = await buildUser(db, { roles: ["community_worker"], organizationId: office.id });
  const resident = await buildUser(db, { roles: ["resident"] });
  const vendorMember = await buildUser(db, { roles: ["firm_member"], organizationId: vendor.id });

  const d = (over: Parameters<typeof buildDemand>[1]) => buildDemand(db, over);
  const demands = {
    selected: await d({ campaignId: published.id, subdistrictId: place.id, status: "selected", organizationId: office.id, description: "独居老人需要每天有人问候。".repeat(20) }),
    notShortlisted: await d({ campaignId: published.id, subdistrictId: otherPlace.id, status: "not_shortlisted", domain: "governance" }),
    submitted: await d({ campaignId: open.id, subdistrictId: place.id, status: "submitted", authorId: resident.id, supportCount: 9 }),
    inReview: await d({ campaignId: open.id, subdistrictId: otherPlace.id, status: "in_review", raisedBy: "company" }),
    draft: await d({ campaignId: open.id, subdistrictId: place.id, status: "draft", submittedAt: null, authorId: resident.id, title: "草稿需求，不应公开" }),
    withdrawn: await d({ campaignId: open.id, subdistrictId: place.id, status: "withdrawn", authorId: resident.id }),
    rejected: await d({ campaignId: published.id, subdistrictId: place.id, status: "rejected" }),
  };
  await db.insert(demandTags).values({ demandId: demands.selected.id, tagId: elderly.id });

  const a = (over: Parameters<typeof buildApplication>[1]) => buildApplication(db, over);
  const apps = {
    selected: await a({ campaignId: published.id, organizationId: vendor.id, status: "selected", domain: "life", costBand: "100k_500k" }),
    publicEarly: await a({ campaignId: open.id, organizationId: rival.id, status: "submitted", publicFromSubmission: true }),
    privateSubmitted: await a({ campaignId: open.id, organizationId: vendor.id, status: "submitted", title: "未公开的应用" }),
    notShortlisted: await a({ campaignId: published.id, organizationId: vendor.id, status: "not_shortlisted" }),
    draft: await a({ campaignId: open.id, organizationId: vendor.id, status: "draft", submittedAt: null, title: "草稿应用，不应公开" }),
    withdrawnEarly: await a({ campaignId: open.id, organizationId: rival.id, status: "withdrawn", publicFromSubmission: true }),
    rejectedEarly: await a({ campaignId: published.id, organizationId: rival.id, status: "rejected", publicFromSubmission: true }),
  };
  await db.insert(applicationTags).values({ applicationId: apps.selected.id, tagId: ai.id });
  await db.insert(applicationDeployments).values([
    { applicationId: apps.selected.id, subdistrictId: place.id, since: "2021-01-15" },
    { applicationId: apps.selected.id, placeName: "杭州", since: null },
  ]);
  await db.insert(applicationDemands).values([
    { applicationId: apps.selected.id, demandId: demands.selected.id },
    { applicationId: apps.selected.id, demandId: demands.draft.id },
  ]);
  await db.insert(publishedListEntries).values([
    { campaignId: published.id, itemType: "application", itemId: apps.selected.id, rank: 1, score: 1.2 },
    { campaignId: published.id, itemType: "demand", itemId: demands.selected.id, rank: 1, score: 0.9 },
  ]);

  // A match at every stage: the public ones (accepted, piloting, deployed) between public items.
  const m = (stage: MatchStage, demand: { id: number; subdistrictId: number }, app: { id: number; organizationId: number }, extra = {}) =>
    db
      .insert(matches)
      .values({ demandId: demand.id, applicationId: app.id, organizationId: app.organizationId, subdistrictId: demand.subdistrictId, stage, score: 0.5, ...extra })
      .returning()
      .then((rows) => rows[0]);
  const matchesByStage = {
    suggested: await m("suggested", demands.submitted, apps.selected),
    proposed: await m("proposed", demands.inReview, apps.selected),
    accepted: await m("accepted", demands.notShortlisted, apps.selected),
    piloting: await m("piloting", demands.selected, apps.selected, { pilotSite: "居委会活动室", pilotStartOn: "2021-11-01", pilotKpis: "每周回访" }),
    deployed: await m("deployed", demands.submitted, apps.publicEarly, { deployedOn: "2022-03-01", outcome: "全街道推广" }),
    declined: await m("declined", demands.selected, apps.publicEarly, { declinedReason: "预算不足" }),
    // Confirmed, but with an application the public may not see: hidden from the public too.
    hiddenApp: await m("piloting", demands.selected, apps.privateSubmitted),
  };

  await reindexAll(db, new PostgresSearchEngine(db), () => {});
  return { published, open, place, otherPlace, office, vendor, rival, official, worker, resident, vendorMember, demands, apps, matches: matchesByStage, tags: { elderly, ai } };
}

export const PUBLIC_MATCH_STAGES = ["accepted", "piloting", "deployed"];
