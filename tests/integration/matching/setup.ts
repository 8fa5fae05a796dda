/**
 * The little world the matching tests need: a published campaign, two
 * subdistricts each with an office and a community worker, an official, a
 * resident, two vendors with members, a demand in each subdistrict (tagged),
 * applications in every state that matters (selected, not shortlisted and
 * private, a draft, withdrawn), a deployment — indexed for search.
 */
import { createSession, serializeSessionCookie } from "../../../app/auth/session.server";
import { viewerOf } from "../../../app/visibility/visibility.server";
import type { Database } from "../../../db/client";
import { applicationDeployments, applicationTags, demandTags, tags } from "../../../db/schema";
import { PostgresSearchEngine } from "../../../search/engines/postgres";
import { reindexAll } from "../../../search/indexer";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser, seq } from "../../helpers/builders";

async function tag(db: Database, kind: "target_group" | "scenario" | "technology", nameZh: string, nameEn: string) {
  const [row] = await db.insert(tags).values({ kind, slug: `${kind}-${seq()}`, nameZh, nameEn }).returning();
  return row;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld(db: Database) {
  const campaign = await buildCampaign(db, { stage: "published" });
  const place = await buildSubdistrict(db, { nameZh: `甘泉路街道${seq()}` });
  const otherPlace = await buildSubdistrict(db, { nameZh: `真如镇街道${seq()}` });
  const taxi = await tag(db, "scenario", "一键叫车", "One-call taxi");
  const elderly = await tag(db, "target_group", "老年人", "Elderly people");
  const voice = await tag(db, "technology", "语音交互", "Voice interaction");

  const office = await buildOrganization(db, { kind: "subdistrict_office", subdistrictId: place.id });
  const otherOffice = await buildOrganization(db, { kind: "subdistrict_office", subdistrictId: otherPlace.id });
  const vendor = await buildOrganization(db, { nameZh: `华测科技${seq()}`, nameEn: `Huace ${seq()}` });
  const rival = await buildOrganization(db, { nameZh: `三六测试${seq()}`, nameEn: `Rival ${seq()}` });

  const official = await buildUser(db, { roles: ["official"] });
  const worker = await buildUser(db, { roles: ["community_worker"], organizationId: office.id });
  const otherWorker = await buildUser(db, { roles: ["community_worker"], organizationId: otherOffice.id });
  const resident = await buildUser(db, { roles: ["resident"] });
  const vendorOwner = await buildUser(db, { roles: ["firm_member"], organizationId: vendor.id, membershipRole: "owner" });
  const vendorMember = await buildUser(db, { roles: ["firm_member"], organizationId: vendor.id });
  const rivalMember = await buildUser(db, { roles: ["firm_member"], organizationId: rival.id });

  const demand = await buildDemand(db, {
    campaignId: campaign.id,
    subdistrictId: place.id,
    title: "让行动不便的老人打一个电话就能叫到出租车",
    description: "邵老伯视力不好，每周去医院，打车软件太难用，希望拿起电话说一声就能叫到出租车，车到楼下电话通知。",
    status: "selected",
  });
  const otherDemand = await buildDemand(db, {
    campaignId: campaign.id,
    subdistrictId: otherPlace.id,
    title: "小区门岗人工登记负担重",
    description: "希望智能门岗，居民刷卡刷脸进出，老人可以用纸质二维码。",
    status: "not_shortlisted",
  });
  const withdrawnDemand = await buildDemand(db, { campaignId: campaign.id, subdistrictId: place.id, status: "withdrawn", authorId: resident.id });
  await db.insert(demandTags).values([taxi, elderly, voice].map((t) => ({ demandId: demand.id, tagId: t.id })));

  const taxiApp = await buildApplication(db, {
    campaignId: campaign.id,
    organizationId: vendor.id,
    title: "一键叫车助老出行服务",
    summary: "老人打一个电话就能叫到出租车。",
    description: "为老人开通专属叫车号码，来电识别住址，语音确认目的地后派单，车到楼下电话通知家属。",
    domain: "life",
    maturity: "pilot",
    status: "selected",
  });
  const privateApp = await buildApplication(db, {
    campaignId: campaign.id,
    organizationId: rival.id,
    title: "电话叫车终端",
    summary: "老人按键叫出租车。",
    description: "家中一键呼叫终端，接通坐席叫出租车。",
    domain: "life",
    maturity: "concept",
    status: "not_shortlisted",
  });
  const draftApp = await buildApplication(db, {
    campaignId: campaign.id,
    organizationId: rival.id,
    title: "草稿：出租车叫车小程序",
    summary: "尚未提交。",
    description: "老人叫出租车的草稿方案。",
    status: "draft",
  });
  const withdrawnApp = await buildApplication(db, {
    campaignId: campaign.id,
    organizationId: vendor.id,
    title: "已撤回的叫车方案",
    summary: "撤回了。",
    description: "老人叫出租车，已撤回。",
    status: "withdrawn",
  });
  const gateApp = await buildApplication(db, {
    campaignId: campaign.id,
    organizationId: vendor.id,
    title: "智能门岗系统",
    summary: "刷卡刷脸进出小区。",
    description: "居民刷卡、刷脸、扫码进出小区，老人可用纸质二维码。",
    maturity: "deployed",
    status: "selected",
  });
  await db.insert(applicationTags).values([taxi, elderly, voice].map((t) => ({ applicationId: taxiApp.id, tagId: t.id })));
  await db.insert(applicationTags).values({ applicationId: privateApp.id, tagId: taxi.id });
  await db.insert(applicationDeployments).values({ applicationId: taxiApp.id, subdistrictId: place.id, since: "2021-01-15" });
  await db.insert(applicationDeployments).values({ applicationId: gateApp.id, subdistrictId: otherPlace.id, since: "2020-03-01" });

  await reindexAll(db, new PostgresSearchEngine(db), () => {});
  return {
    campaign,
    place,
    otherPlace,
    office,
    otherOffice,
    vendor,
    rival,
    official,
    worker,
    otherWorker,
    resident,
    vendorOwner,
    vendorMember,
    rivalMember,
    demand,
    otherDemand,
    withdrawnDemand,
    taxiApp,
    privateApp,
    draftApp,
    withdrawnApp,
    gateApp,
    tags: { taxi, elderly, voice },
  };
}

/** The actor/viewer shape domain functions take, for a built user. */
export function actor(user: { id: number; roles: readonly string[] }, organizationIds: number[] = []) {
  return viewerOf({ id: user.id, roles: user.roles as never, organizations: organizationIds.map((id) => ({ id })) })!;
}

export function actors(w: World) {
  return {
    official: actor(w.official),
    worker: actor(w.worker, [w.office.id]),
    otherWorker: actor(w.otherWorker, [w.otherOffice.id]),
    resident: actor(w.resident),
    vendor: actor(w.vendorOwner, [w.vendor.id]),
    vendorMember: actor(w.vendorMember, [w.vendor.id]),
    rival: actor(w.rivalMember, [w.rival.id]),
  };
}

/** A session cookie for a user, as a browser would send it. */
export async function cookieFor(db: Database, userId: number): Promise<string> {
  const { token, expiresAt } = await createSession(db, userId);
  const set = await serializeSessionCookie(token, expiresAt);
  return set.split(";")[0];
}

export const RESPONSE = {
  approach: "为登记老人开通专属叫车号码，来电自动识别身份和常用地址，语音确认目的地后直接派单。",
  timeline: "签约后 2 周开通",
  costBand: "100k_500k" as const,
};
