/**
 * A small, fully known world for the open-data tests: a published call and
 * an open one, demands and applications in every state that matters (public
 * ones, and drafts, withdrawn, rejected and private ones that must never
 * appear), a published list that also names a withdrawn demand and a private
 * application (they must be filtered out), matches at every stage, personal
 * data everywhere it can be (account e-mails and phones, demand contacts, an
 * assisted-intake resident) — and text made to look like spreadsheet
 * formulas.
 */
import type { Database } from "../../../db/client";
import {
  applicationDeployments,
  applicationTags,
  assistedIntakes,
  demandTags,
  matches,
  publishedListEntries,
  tags,
} from "../../../db/schema";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser, seq } from "../../helpers/builders";

/** Text that spreadsheets would run as formulas. */
export const FORMULAS = {
  equals: '=HYPERLINK("http://evil.example","点我")',
  plus: "+86 热线接入",
  minus: "-20℃ 冷链监测",
  at: "@SUM(A1:A9)",
  tab: "\t=1+1",
  carriageReturn: "\r=1+1",
};

/** Personal data planted in the world: none of it may appear in any file. */
export const SECRETS = {
  authorEmail: `author-${seq()}@secret.example`,
  authorPhone: "13800138000",
  vendorEmail: `vendor-${seq()}@secret.example`,
  contactPhone: "13912345678",
  contactEmail: `contact-${seq()}@secret.example`,
  residentName: "王秘密",
  residentPhone: "13700001111",
};

export type World = Awaited<ReturnType<typeof buildWorld>>;

async function tag(db: Database, kind: "target_group" | "scenario" | "technology", nameZh: string, nameEn: string) {
  const [row] = await db.insert(tags).values({ kind, slug: `${kind}-${seq()}`, nameZh, nameEn }).returning();
  return row;
}

export async function buildWorld(db: Database) {
  const published = await buildCampaign(db, { stage: "published", titleZh: "2021 测试征集", titleEn: "2021 Test Call" });
  const open = await buildCampaign(db, { stage: "collecting" });
  const place = await buildSubdistrict(db, { sortOrder: 1 });
  const otherPlace = await buildSubdistrict(db, { sortOrder: 2 });
  const elderly = await tag(db, "target_group", "老年人", "Elderly people");
  const taxi = await tag(db, "scenario", "一键叫车", "One-call taxi");
  const radar = await tag(db, "technology", "毫米波雷达", "mmWave radar");
  const iot = await tag(db, "technology", "物联网", "Internet of Things");

  const vendor = await buildOrganization(db, {
    kind: "vendor",
    verified: true,
    verifiedAt: new Date("2021-03-01T02:00:00Z"),
    descriptionZh: FORMULAS.equals,
    descriptionEn: "Sensors for safer homes",
    capabilities: ["毫米波雷达", "物联网"],
    website: "https://vendor.example",
  });
  const otherVendor = await buildOrganization(db, { kind: "vendor", verified: false, descriptionZh: "", descriptionEn: "" });
  const committee = await buildOrganization(db, { kind: "neighbourhood_committee", subdistrictId: place.id });

  const author = await buildUser(db, { roles: ["resident"], email: SECRETS.authorEmail, phone: SECRETS.authorPhone });
  const worker = await buildUser(db, { roles: ["community_worker"], organizationId: committee.id });
  await buildUser(db, { roles: ["firm_member"], organizationId: vendor.id, email: SECRETS.vendorEmail });

  const d = (over: Partial<Parameters<typeof buildDemand>[1]>) =>
    buildDemand(db, { campaignId: published.id, subdistrictId: place.id, authorId: author.id, ...over });
  const demands = {
    submitted: await d({
      title: FORMULAS.equals,
      description: `${FORMULAS.plus}，"引号"与逗号, 以及换行\n第二行`,
      contactPreference: "phone",
      contactValue: SECRETS.contactPhone,
      supportCount: 7,
      submittedAt: new Date("2021-05-10T02:30:00Z"),
    }),
    selected: await d({
      title: "独居老人一键叫车",
      status: "selected",
      domain: "life",
      raisedBy: "community",
      organizationId: committee.id,
      subdistrictId: otherPlace.id,
      contactPreference: "email",
      contactValue: SECRETS.contactEmail,
    }),
    notShortlisted: await d({ title: FORMULAS.minus, status: "not_shortlisted", domain: "economy", lang: "zh-CN" }),
    assisted: await d({ title: FORMULAS.at, description: FORMULAS.tab, status: "in_review", authorId: worker.id }),
    draft: await d({ title: "草稿需求不可见", status: "draft", submittedAt: null }),
    withdrawn: await d({ title: "已撤回需求不可见", status: "withdrawn" }),
    rejected: await d({ title: "初筛未通过需求不可见", status: "rejected" }),
    openCall: await d({ campaignId: open.id, title: "Need in English", lang: "en", description: FORMULAS.carriageReturn }),
  };
  await db.insert(demandTags).values([
    { demandId: demands.selected.id, tagId: elderly.id },
    { demandId: demands.selected.id, tagId: taxi.id },
  ]);
  await db.insert(assistedIntakes).values({
    demandId: demands.assisted.id,
    residentName: SECRETS.residentName,
    residentPhone: SECRETS.residentPhone,
    channel: "phone",
    consentMethod: "verbal_phone",
    consentAt: new Date("2021-05-01T01:00:00Z"),
    recordedById: worker.id,
  });

  const a = (over: Partial<Parameters<typeof buildApplication>[1]>) =>
    buildApplication(db, { campaignId: published.id, organizationId: vendor.id, ...over });
  const apps = {
    selected: await a({ title: "毫米波雷达跌倒监测", status: "selected", domain: "life", maturity: "deployed", costBand: "100k_500k" }),
    openFromSubmission: await a({ title: FORMULAS.plus, summary: FORMULAS.minus, status: "submitted", publicFromSubmission: true, organizationId: otherVendor.id }),
    private: await a({ title: "未公开应用不可见", status: "in_review" }),
    draft: await a({ title: "草稿应用不可见", status: "draft", publicFromSubmission: true, submittedAt: null }),
    withdrawn: await a({ title: "已撤回应用不可见", status: "withdrawn", publicFromSubmission: true }),
    rejected: await a({ title: "初筛未通过应用不可见", status: "rejected", publicFromSubmission: true }),
  };
  await db.insert(applicationTags).values([
    { applicationId: apps.selected.id, tagId: radar.id },
    { applicationId: apps.selected.id, tagId: iot.id },
    { applicationId: apps.selected.id, tagId: elderly.id },
  ]);
  await db.insert(applicationDeployments).values([
    { applicationId: apps.selected.id, subdistrictId: otherPlace.id, since: "2020-05-01" },
    { applicationId: apps.selected.id, subdistrictId: place.id, since: "2020-06-01" },
    { applicationId: apps.selected.id, placeName: "杭州市", since: "2019-01-01" },
  ]);

  const publishedAt = new Date("2021-07-01T02:00:00Z");
  await db.insert(publishedListEntries).values([
    { campaignId: published.id, itemType: "application", itemId: apps.selected.id, rank: 1, score: 1.23456, publishedAt },
    // Never public: the list must leave them out.
    { campaignId: published.id, itemType: "application", itemId: apps.private.id, rank: 2, score: 0.5, publishedAt },
    { campaignId: published.id, itemType: "demand", itemId: demands.selected.id, rank: 1, score: -0.4321, publishedAt },
    { campaignId: published.id, itemType: "demand", itemId: demands.withdrawn.id, rank: 2, score: -0.9, publishedAt },
  ]);

  const m = async (
    demandId: number,
    applicationId: number,
    organizationId: number,
    stage: "suggested" | "proposed" | "accepted" | "piloting" | "deployed" | "declined",
    over: Partial<typeof matches.$inferInsert> = {},
  ) => {
    const [row] = await db.insert(matches).values({ demandId, applicationId, organizationId, subdistrictId: place.id, stage, ...over }).returning();
    return row;
  };
  const matchRows = {
    accepted: await m(demands.submitted.id, apps.selected.id, vendor.id, "accepted"),
    piloting: await m(demands.selected.id, apps.openFromSubmission.id, otherVendor.id, "piloting", {
      subdistrictId: otherPlace.id,
      pilotSite: "长风新村街道 3 个小区",
      pilotStartOn: "2021-09-01",
      pilotKpis: FORMULAS.equals,
    }),
    deployed: await m(demands.selected.id, apps.selected.id, vendor.id, "deployed", { deployedOn: "2022-03-15", outcome: "跌倒后平均 2 分钟内通知到家属" }),
    // Not public: stage, or an item the public may not see.
    suggested: await m(demands.notShortlisted.id, apps.selected.id, vendor.id, "suggested"),
    proposed: await m(demands.assisted.id, apps.selected.id, vendor.id, "proposed"),
    declined: await m(demands.openCall.id, apps.selected.id, vendor.id, "declined", { declinedReason: "预算不足" }),
    privateApp: await m(demands.submitted.id, apps.private.id, vendor.id, "deployed"),
    withdrawnDemand: await m(demands.withdrawn.id, apps.selected.id, vendor.id, "piloting"),
  };

  return {
    published,
    open,
    place,
    otherPlace,
    vendor,
    otherVendor,
    committee,
    demands,
    apps,
    matches: matchRows,
    tags: { elderly, taxi, radar, iot },
    expected: {
      demands: [demands.submitted, demands.selected, demands.notShortlisted, demands.assisted, demands.openCall].map((x) => x.id).sort((x, y) => x - y),
      applications: [apps.selected, apps.openFromSubmission].map((x) => x.id).sort((x, y) => x - y),
      organizations: [vendor, otherVendor, committee].map((x) => x.id).sort((x, y) => x - y),
      matches: [matchRows.accepted, matchRows.piloting, matchRows.deployed].map((x) => x.id).sort((x, y) => x - y),
      list: [
        { item_type: "application", rank: 1, id: apps.selected.id },
        { item_type: "demand", rank: 1, id: demands.selected.id },
      ],
    },
  };
}
