/**
 * The matching demo, seeded after the base demo and the review demo:
 * vendor responses and matches at every stage of the pipeline in several of
 * the ten subdistricts and towns, including the pilots the press reported —
 * safety kits for seniors living alone in Changshou Road, the intelligent
 * gate guards of about 50 neighbourhoods in Zhenru Town, the door, infrared
 * and smoke sensors of the Shiquan community, the one-call taxi for the
 * elderly of Ganquan Road. Each match has its audit history (who proposed,
 * accepted, started the pilot, recorded the deployment, when) and the score
 * and reasons of app/matching/score.ts as a snapshot; the demo accounts get
 * the notices of what awaits them (Huawei: a proposal to accept).
 *
 * Zhenru Town's gate guards answer a need the 2021 call did not list, so that
 * demand is added here (by the Zhenru Town office, not shortlisted, public).
 *
 * Deterministic (fixed texts and dates), one transaction, quick. Run it once
 * after seedDemo (and seedReviewDemo); it does nothing when matches exist or
 * when the 2021 scenario call is missing.
 *
 *   await seedDemo(db, opts);
 *   await seedReviewDemo(db, opts);
 *   await seedMatchingDemo(db);
 */
import { and, eq, inArray } from "drizzle-orm";

import { scorePair, type PairSignals } from "../../app/matching/score";
import { similarityWords } from "../../app/matching/text";
import type { Database } from "../client";
import type { CostBand, MatchStage } from "../enums";
import {
  applicationDeployments,
  applications,
  applicationTags,
  auditLog,
  campaigns,
  demands,
  demandTags,
  matches,
  memberships,
  notifications,
  organizations,
  searchOutbox,
  subdistricts,
  tags,
  users,
  vendorResponses,
} from "../schema";

import { DEMO_ACCOUNTS } from "./accounts";

const SCENARIO_CALL_SLUG = "2021-scenario-call";

export type MatchingSeedSummary = {
  skipped: boolean;
  responses: number;
  matches: number;
  byStage: Partial<Record<MatchStage, number>>;
  milliseconds: number;
};

/** Zhenru Town's gate-guard need (the article's ~50 neighbourhoods), added by this seed. */
export const ZHENRU_GATE_DEMAND = {
  title: "小区门岗靠人工登记，希望用智能门岗让居民进出更方便",
  description:
    "真如镇街道不少居民小区的门岗仍靠保安人工登记外来人员，高峰时段居民排队进出，疫情期间还要逐一核验健康码，保安和居委会干部工作量很大。我们希望建设智能门岗：居民可以刷卡、刷脸、扫二维码等多种方式进出，与健康码核验打通，异常情况自动提醒保安复核。同时要照顾不会用智能手机的老人，比如由居委会为他们打印纸质二维码。希望先在部分小区试点，再推广到全街道。",
  place: "zhenru-town",
  scenarios: ["smart-gate", "health-code"],
  targets: ["residents", "elderly", "property-staff"],
  techs: ["facial-recognition", "iot"],
};

type Response = { approach: string; timeline: string; costBand: CostBand | null; at: string };

type Spec = {
  demand: string;
  app: string;
  stage: MatchStage;
  /** Who proposed it: the district commission or the subdistrict's office. */
  proposer?: "official" | "office" | "worker";
  response?: Response;
  proposedAt?: string;
  acceptedAt?: string;
  pilot?: { site: string; startOn: string; kpis: string; at: string };
  deployment?: { outcome: string; deployedOn: string; at: string };
  /** For declined matches: at which stage, by which side, why, when. */
  declined?: { from: MatchStage; by: "vendor" | "official"; reason: string; at: string };
};

const FIRE = "降低居民楼的火灾风险";
const FALLS = "保护容易跌倒的独居老人";
const TAXI = "让行动不便的老人打一个电话就能叫到出租车";
const MISSING = "及时找到不告而别、走失的老人";

export const MATCH_SPECS: Spec[] = [
  // ── Changshou Road: safety kits and sensors for seniors living alone ──
  {
    demand: FIRE,
    app: "京东独居老人居家安全守护套件",
    stage: "deployed",
    proposer: "official",
    proposedAt: "2021-04-26T02:00:00Z",
    acceptedAt: "2021-04-28T06:30:00Z",
    pilot: {
      site: "江宁路、西康路沿线独居老人家中（首批 60 户）",
      startOn: "2021-05-10",
      kpis: "烟感、燃气告警 5 分钟内通知到社区工作者；误报经电话核实后不出警；老人无需任何操作",
      at: "2021-05-10T01:30:00Z",
    },
    deployment: {
      outcome: "试点 60 户运行五个月，共处置烟感、燃气告警 23 次，其中 2 次为真实险情、均在 10 分钟内到场。街道决定推广到辖区全部 300 余户独居老人家中。",
      deployedOn: "2021-10-15",
      at: "2021-10-15T03:00:00Z",
    },
  },
  {
    demand: FIRE,
    app: "长寿路街道特殊关爱群体信息管理系统",
    stage: "deployed",
    proposer: "office",
    proposedAt: "2021-04-27T02:00:00Z",
    acceptedAt: "2021-04-27T08:00:00Z",
    pilot: {
      site: "长寿路街道智慧管理平台大屏，江宁路居委会先行",
      startOn: "2021-05-06",
      kpis: "特殊关爱对象电子档案全覆盖；社工连续三天未探访自动提醒；传感器异常实时告警",
      at: "2021-05-06T02:00:00Z",
    },
    deployment: {
      outcome: "平台已覆盖街道全部特殊关爱对象，助餐送餐和社工探访记录都在大屏上可查，连续三天未探访的提醒已成为社工日常工作的一部分。",
      deployedOn: "2021-07-01",
      at: "2021-07-01T02:00:00Z",
    },
  },
  {
    demand: FIRE,
    app: "居民楼火灾隐患分级告警系统",
    stage: "piloting",
    proposer: "official",
    response: {
      approach: "在老旧住宅楼户内加装联网烟感和燃气探测器，楼道摄像头识别堆物和电动自行车进楼；告警分三级，先自动电话联系住户，无人接听再通知网格员上门，确认火情后联动消防。",
      timeline: "签约后 1 个月完成首批楼栋安装，试点 6 个月",
      costBand: "500k_2m",
      at: "2021-04-22T07:00:00Z",
    },
    proposedAt: "2021-04-29T02:00:00Z",
    acceptedAt: "2021-05-06T03:00:00Z",
    pilot: {
      site: "胶州路、常德路 8 幢老旧住宅楼",
      startOn: "2021-06-01",
      kpis: "无效出警次数下降 50%；楼道堆物发现后 24 小时内清理；电动自行车进楼告警准确率 90% 以上",
      at: "2021-06-01T02:00:00Z",
    },
  },
  // ── Zhenru Town: intelligent gate guards in about 50 neighbourhoods ──
  {
    demand: ZHENRU_GATE_DEMAND.title,
    app: "真如镇街道社区智能门岗系统",
    stage: "deployed",
    proposer: "office",
    response: {
      approach: "门岗支持刷卡、刷脸、二维码、支付宝、手机蓝牙和密码六种方式开门，与居民健康码关联，异常时提醒保安复核；居委会可为不会用智能手机的老人打印纸质二维码。",
      timeline: "每个小区安装调试约 1 周，先试点 5 个小区",
      costBand: "500k_2m",
      at: "2021-04-21T02:00:00Z",
    },
    proposedAt: "2021-04-23T02:00:00Z",
    acceptedAt: "2021-04-23T09:00:00Z",
    pilot: {
      site: "真北路、铜川路沿线 5 个居民小区",
      startOn: "2021-05-04",
      kpis: "门岗人工登记量下降 70%；老人纸质二维码全覆盖；高峰时段进出不排队",
      at: "2021-05-04T01:00:00Z",
    },
    deployment: {
      outcome: "智能门岗已在真如镇街道 50 个居民小区上线，居民可用六种方式进出；居委会为 1,200 多位老人打印了纸质二维码，门岗登记工作量大幅下降。",
      deployedOn: "2021-09-30",
      at: "2021-09-30T02:00:00Z",
    },
  },
  {
    demand: ZHENRU_GATE_DEMAND.title,
    app: "360智慧门岗平台",
    stage: "declined",
    proposer: "official",
    proposedAt: "2021-04-24T02:00:00Z",
    declined: { from: "proposed", by: "official", reason: "街道已选定与现有门禁设备兼容的方案，不再重复建设。", at: "2021-05-05T02:00:00Z" },
  },
  {
    demand: "铜川路450弄附近窨井盖松动，夜间行人容易踩空",
    app: "NB-IoT窨井盖异动监测系统",
    stage: "piloting",
    proposer: "official",
    proposedAt: "2021-05-12T02:00:00Z",
    acceptedAt: "2021-05-13T02:00:00Z",
    pilot: {
      site: "铜川路、真光路沿线 120 个窨井盖",
      startOn: "2021-06-15",
      kpis: "井盖移位 5 分钟内告警；养护人员 2 小时内到场；电池寿命不少于 5 年",
      at: "2021-06-15T02:00:00Z",
    },
  },
  // ── Shiquan Road: door, infrared and smoke sensors for seniors living alone ──
  {
    demand: FALLS,
    app: "石泉社区独居老人门磁、红外与烟感联动守护",
    stage: "deployed",
    proposer: "worker",
    proposedAt: "2021-04-25T02:00:00Z",
    acceptedAt: "2021-04-25T06:00:00Z",
    pilot: {
      site: "石泉社区 80 户独居老人家中",
      startOn: "2021-05-01",
      kpis: "异常先电话联系老人，无人接听 15 分钟内网格员上门；早上未按时起床当天发现",
      at: "2021-05-01T01:00:00Z",
    },
    deployment: {
      outcome: "门磁、红外和烟感数据已汇入街道城运平台，覆盖石泉社区全部独居老人；半年内两次夜间异常均在 20 分钟内上门处置。",
      deployedOn: "2021-11-01",
      at: "2021-11-01T02:00:00Z",
    },
  },
  {
    demand: FALLS,
    app: "毫米波雷达无感跌倒监测终端",
    stage: "piloting",
    proposer: "official",
    proposedAt: "2021-05-08T02:00:00Z",
    acceptedAt: "2021-05-10T02:00:00Z",
    pilot: {
      site: "石泉社区 30 户独居老人的卧室和卫生间",
      startOn: "2021-06-15",
      kpis: "跌倒识别准确率 95% 以上；确认跌倒 30 秒内通知家属和社区；不采集任何图像",
      at: "2021-06-15T02:00:00Z",
    },
  },
  {
    demand: FALLS,
    app: "京东独居老人居家安全守护套件",
    stage: "declined",
    proposer: "official",
    proposedAt: "2021-05-08T03:00:00Z",
    acceptedAt: "2021-05-11T02:00:00Z",
    declined: { from: "accepted", by: "official", reason: "石泉社区已有门磁、红外和烟感联动系统覆盖，不重复安装；跌倒监测改用无感雷达试点。", at: "2021-05-20T02:00:00Z" },
  },
  {
    demand: "街镇城运中心需要智能派单",
    app: "华为AI视频城市事件智能发现",
    stage: "accepted",
    proposer: "official",
    proposedAt: "2021-06-02T02:00:00Z",
    acceptedAt: "2021-06-04T02:00:00Z",
  },
  // ── Ganquan Road: a taxi with one phone call ──
  {
    demand: TAXI,
    app: "5G+一键叫车助老出行服务",
    stage: "piloting",
    proposer: "worker",
    response: {
      approach: "为登记老人开通专属叫车号码，来电自动识别身份和常用地址，语音确认目的地后直接派单；司机到楼下电话联系并协助上车，行程同步推送给家属和社区。",
      timeline: "签约后 2 周开通号码，先服务 200 位有就医需求的老人",
      costBand: "100k_500k",
      at: "2021-04-21T03:00:00Z",
    },
    proposedAt: "2021-04-22T02:00:00Z",
    acceptedAt: "2021-04-22T07:00:00Z",
    pilot: {
      site: "志丹路、黄陵路居委会辖区",
      startOn: "2021-05-20",
      kpis: "登记老人 200 人；30 秒内完成叫车；每月服务不少于 300 人次；老人满意度 90% 以上",
      at: "2021-05-20T01:00:00Z",
    },
  },
  {
    demand: TAXI,
    app: "基于语音的老年人一键叫车服务",
    stage: "suggested",
    response: {
      approach: "在老人家中安装一键呼叫终端，按键即可接通人工坐席叫车，坐席可看到老人登记的住址和常去医院。",
      timeline: "两个月内完成 100 户安装",
      costBand: "under_100k",
      at: "2021-05-03T02:00:00Z",
    },
  },
  {
    demand: "Know which papers to bring before visiting the service centre",
    app: "华为“一网通办”智能客服平台",
    stage: "proposed",
    proposer: "worker",
    proposedAt: "2021-06-08T02:00:00Z",
  },
  // ── Caoyang Xincun: finding seniors who go missing ──
  {
    demand: MISSING,
    app: "认知障碍老人防走失手环与社区协查平台",
    stage: "accepted",
    proposer: "office",
    proposedAt: "2021-05-06T02:00:00Z",
    acceptedAt: "2021-05-07T02:00:00Z",
  },
  {
    demand: MISSING,
    app: "京东NB-IoT认知障碍老人防走失系统",
    stage: "suggested",
    response: {
      approach: "NB-IoT 定位器可放在老人衣物或鞋中，无需充电即可工作一年；走失时社区、派出所和志愿者可同时看到位置。",
      timeline: "一个月内为 50 位认知障碍老人配发",
      costBand: "100k_500k",
      at: "2021-05-09T02:00:00Z",
    },
  },
  // ── Changfeng Xincun, Yichuan Road, Wanli, Taopu, Changzheng ──
  {
    demand: "楼宇内5G信号弱，影响企业远程会议和数据传输",
    app: "5G重点楼宇与产业园区专网服务",
    stage: "deployed",
    proposer: "official",
    proposedAt: "2021-04-28T02:00:00Z",
    acceptedAt: "2021-04-29T02:00:00Z",
    pilot: { site: "金沙江路沿线 6 幢商务楼宇", startOn: "2021-05-15", kpis: "地下室、电梯 5G 覆盖率 95% 以上；企业投诉下降一半", at: "2021-05-15T02:00:00Z" },
    deployment: {
      outcome: "6 幢楼宇完成室内分布系统改造，地下室和电梯实现 5G 连续覆盖；推广计划覆盖长风新村街道全部 18 幢重点楼宇。",
      deployedOn: "2021-08-20",
      at: "2021-08-20T02:00:00Z",
    },
  },
  {
    demand: "宜川路高层小区需要高空抛物监测",
    app: "社区高空抛物、违法搭建与垃圾满溢AI识别",
    stage: "proposed",
    proposer: "official",
    proposedAt: "2021-06-10T02:00:00Z",
  },
  {
    demand: "宜川路老人防诈骗预警",
    app: "360 Anti-Fraud Early Warning for Seniors",
    stage: "suggested",
    response: {
      approach: "经老人同意，对来电号码进行诈骗库比对并用人工智能识别可疑通话，发现风险即通知家属和居委会；每月用沪语讲解最新骗术。",
      timeline: "一个月内上线，先服务 300 位独居和高龄老人",
      costBand: "100k_500k",
      at: "2021-05-18T02:00:00Z",
    },
  },
  {
    demand: "阻止电动自行车进电梯、上楼充电",
    app: "居民楼火灾隐患分级告警系统",
    stage: "proposed",
    proposer: "official",
    proposedAt: "2021-06-03T02:00:00Z",
  },
  {
    demand: "Data on the district's talent gaps, and policies that reach the right people",
    app: "Dataway Talent Analytics for Putuo's Digital Economy",
    stage: "accepted",
    proposer: "office",
    proposedAt: "2021-05-17T02:00:00Z",
    acceptedAt: "2021-05-18T02:00:00Z",
  },
  {
    demand: "长者食堂能否预约订餐、送餐到家",
    app: "京东社区助餐与便民到家服务",
    stage: "suggested",
    response: {
      approach: "老人可通过电话、小程序或社区代下单订餐，按补贴等级自动结算；配送员送餐上门并拍照签收，家属手机可见。",
      timeline: "签约后 3 周在两家长者食堂上线",
      costBand: "100k_500k",
      at: "2021-05-12T02:00:00Z",
    },
  },
];

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

/** An offline text signal for the snapshot: the share of the demand's telling words found in the application. */
function offlineText(demandText: { title: string; description: string }, appText: string) {
  const words = similarityWords([
    { text: demandText.title, weight: 3 },
    { text: demandText.description, weight: 1 },
  ]);
  const haystack = appText.toLowerCase();
  const found = words.filter((w) => haystack.includes(w.toLowerCase()));
  return { value: words.length ? Math.min(1, (found.length / words.length) * 2) : 0, words: found.slice(0, 5) };
}

export async function seedMatchingDemo(db: Database): Promise<MatchingSeedSummary> {
  const started = performance.now();
  const done = (s: Omit<MatchingSeedSummary, "milliseconds">) => ({ ...s, milliseconds: Math.round(performance.now() - started) });
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, SCENARIO_CALL_SLUG));
  const [anyMatch] = await db.select({ id: matches.id }).from(matches).limit(1);
  if (!campaign || anyMatch) return done({ skipped: true, responses: 0, matches: 0, byStage: {} });

  return db.transaction(async (tx) => {
    const places = new Map((await tx.select().from(subdistricts)).map((p) => [p.slug, p]));
    const placeById = new Map([...places.values()].map((p) => [p.id, p]));
    const tagRows = await tx.select().from(tags);
    const tagId = (kind: string, slug: string) => tagRows.find((t) => t.kind === kind && t.slug === slug)?.id;
    const orgBySlug = new Map((await tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations)).map((o) => [o.slug, o.id]));
    const emailIds = new Map((await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email.toLowerCase(), u.id]));
    const official = emailIds.get(DEMO_ACCOUNTS.find((a) => a.role === "official")!.email) ?? null;
    const demoWorker = emailIds.get(DEMO_ACCOUNTS.find((a) => a.role === "community_worker")!.email) ?? null;

    // The Zhenru Town gate-guard demand (added once).
    const gatePlace = places.get(ZHENRU_GATE_DEMAND.place)!;
    const officeId = orgBySlug.get(`${gatePlace.slug}-office`) ?? null;
    const officeStaff = emailIds.get(`${gatePlace.slug}-office@community.example`) ?? null;
    const [gateExists] = await tx
      .select({ id: demands.id })
      .from(demands)
      .where(and(eq(demands.campaignId, campaign.id), eq(demands.title, ZHENRU_GATE_DEMAND.title)));
    const [gate] = gateExists
      ? []
      : await tx
        .insert(demands)
        .values({
          campaignId: campaign.id,
          title: ZHENRU_GATE_DEMAND.title,
          description: ZHENRU_GATE_DEMAND.description,
          lang: "zh-CN",
          domain: "life",
          subdistrictId: gatePlace.id,
          raisedBy: "community",
          contactPreference: "in_person",
          authorId: officeStaff,
          organizationId: officeId,
          status: "not_shortlisted",
          supportCount: 0,
          submittedAt: new Date("2021-03-22T02:30:00Z"),
          createdAt: new Date("2021-03-22T02:00:00Z"),
          updatedAt: new Date("2021-04-20T02:00:00Z"),
        })
        .returning({ id: demands.id });
    if (gate) {
      const ids = [
        ...ZHENRU_GATE_DEMAND.scenarios.map((s) => tagId("scenario", s)),
        ...ZHENRU_GATE_DEMAND.targets.map((s) => tagId("target_group", s)),
        ...ZHENRU_GATE_DEMAND.techs.map((s) => tagId("technology", s)),
      ].filter((x): x is number => x !== undefined);
      if (ids.length) await tx.insert(demandTags).values(ids.map((id) => ({ demandId: gate.id, tagId: id })));
      await tx.insert(auditLog).values({
        actorId: officeStaff,
        action: "demand.submit",
        entityType: "demand",
        entityId: gate.id,
        fromStatus: "draft",
        toStatus: "submitted",
        createdAt: new Date("2021-03-22T02:30:00Z"),
      });
      await tx.insert(searchOutbox).values({ entityType: "demand", entityId: gate.id });
    }

    // The demands and applications the specs name.
    const demandRows = await tx
      .select({ id: demands.id, title: demands.title, description: demands.description, domain: demands.domain, subdistrictId: demands.subdistrictId })
      .from(demands)
      .where(and(eq(demands.campaignId, campaign.id), inArray(demands.title, [...new Set(MATCH_SPECS.map((s) => s.demand))])));
    const appRows = await tx
      .select({
        id: applications.id,
        title: applications.title,
        summary: applications.summary,
        description: applications.description,
        domain: applications.domain,
        maturity: applications.maturity,
        status: applications.status,
        organizationId: applications.organizationId,
      })
      .from(applications)
      .where(and(eq(applications.campaignId, campaign.id), inArray(applications.title, [...new Set(MATCH_SPECS.map((s) => s.app))])));
    const demandBy = new Map(demandRows.map((d) => [d.title, d]));
    const appBy = new Map(appRows.map((a) => [a.title, a]));

    const demandTagRows = await tx
      .select({ ownerId: demandTags.demandId, kind: tags.kind, slug: tags.slug })
      .from(demandTags)
      .innerJoin(tags, eq(tags.id, demandTags.tagId))
      .where(inArray(demandTags.demandId, demandRows.map((d) => d.id).concat(0)));
    const appTagRows = await tx
      .select({ ownerId: applicationTags.applicationId, kind: tags.kind, slug: tags.slug })
      .from(applicationTags)
      .innerJoin(tags, eq(tags.id, applicationTags.tagId))
      .where(inArray(applicationTags.applicationId, appRows.map((a) => a.id).concat(0)));
    const deploymentRows = await tx
      .select({ appId: applicationDeployments.applicationId, subdistrictId: applicationDeployments.subdistrictId })
      .from(applicationDeployments)
      .where(inArray(applicationDeployments.applicationId, appRows.map((a) => a.id).concat(0)));
    const tagsOfDemand = groupBy(demandTagRows, (r) => r.ownerId);
    const tagsOfApp = groupBy(appTagRows, (r) => r.ownerId);
    const deployedOf = groupBy(deploymentRows, (r) => r.appId);
    const slugs = (rows: { kind: string; slug: string }[] | undefined, kind: string) => (rows ?? []).filter((r) => r.kind === kind).map((r) => r.slug);

    // People: a member of each vendor; the community staff of each subdistrict office.
    const memberRows = await tx
      .select({ userId: memberships.userId, organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .where(inArray(memberships.organizationId, [...new Set(appRows.map((a) => a.organizationId))].concat(0)));
    const membersOf = groupBy(memberRows, (m) => m.organizationId);
    const vendorActor = (orgId: number) => {
      const members = membersOf.get(orgId) ?? [];
      return (members.find((m) => m.role === "owner") ?? members[0])?.userId ?? null;
    };
    const officeActor = (subdistrictId: number) => {
      const slug = placeById.get(subdistrictId)!.slug;
      if (slug === "ganquan-road" && demoWorker) return demoWorker;
      return emailIds.get(`${slug}-office@community.example`) ?? official;
    };

    const byStage: Partial<Record<MatchStage, number>> = {};
    let responseCount = 0;
    let matchCount = 0;
    const notices: (typeof notifications.$inferInsert)[] = [];

    for (const spec of MATCH_SPECS) {
      const demand = demandBy.get(spec.demand);
      const app = appBy.get(spec.app);
      if (!demand || !app) continue; // The base demo changed: leave this pair out rather than fail.
      const vendor = vendorActor(app.organizationId);
      const proposer = spec.proposer === "official" ? official : spec.proposer ? officeActor(demand.subdistrictId) : null;
      const place = placeById.get(demand.subdistrictId)!;

      let responseId: number | null = null;
      if (spec.response) {
        const [row] = await tx
          .insert(vendorResponses)
          .values({
            demandId: demand.id,
            applicationId: app.id,
            organizationId: app.organizationId,
            authorId: vendor,
            approach: spec.response.approach,
            timeline: spec.response.timeline,
            costBand: spec.response.costBand,
            createdAt: new Date(spec.response.at),
            updatedAt: new Date(spec.response.at),
          })
          .returning({ id: vendorResponses.id });
        responseId = row.id;
        responseCount++;
      }

      const text = offlineText(demand, `${app.title} ${app.summary} ${app.description}`);
      const signals: PairSignals = {
        text: text.value,
        words: text.words,
        demandScenarios: slugs(tagsOfDemand.get(demand.id), "scenario"),
        appScenarios: slugs(tagsOfApp.get(app.id), "scenario"),
        demandTargets: slugs(tagsOfDemand.get(demand.id), "target_group"),
        appTargets: slugs(tagsOfApp.get(app.id), "target_group"),
        demandTechs: slugs(tagsOfDemand.get(demand.id), "technology"),
        appTechs: slugs(tagsOfApp.get(app.id), "technology"),
        demandDomain: demand.domain,
        appDomain: app.domain,
        demandPlace: place.slug,
        deployedIn: (deployedOf.get(app.id) ?? []).map((d) => (d.subdistrictId ? placeById.get(d.subdistrictId)?.slug ?? "" : "")).filter(Boolean),
        status: app.status,
        maturity: app.maturity,
      };
      const scored = scorePair(signals);

      // The history, oldest first, and the stage reached.
      type Step = { action: string; from: MatchStage | null; to: MatchStage; actor: number | null; at: string; reason?: string; data?: Record<string, unknown> };
      const steps: Step[] = [];
      if (spec.response) steps.push({ action: "match.suggest", from: null, to: "suggested", actor: vendor, at: spec.response.at, data: { responseId } });
      if (spec.proposedAt) {
        steps.push({ action: "match.propose", from: spec.response ? "suggested" : null, to: "proposed", actor: proposer, at: spec.proposedAt, data: { score: scored.score } });
      }
      if (spec.acceptedAt) steps.push({ action: "match.accept", from: "proposed", to: "accepted", actor: vendor, at: spec.acceptedAt });
      if (spec.pilot) {
        steps.push({ action: "match.startPilot", from: "accepted", to: "piloting", actor: officeActor(demand.subdistrictId), at: spec.pilot.at, data: { site: spec.pilot.site, startOn: spec.pilot.startOn } });
      }
      if (spec.deployment) {
        steps.push({ action: "match.recordDeployment", from: "piloting", to: "deployed", actor: official, at: spec.deployment.at, data: { deployedOn: spec.deployment.deployedOn } });
      }
      if (spec.declined) {
        const by = spec.declined.by === "vendor" ? vendor : official;
        steps.push({ action: "match.decline", from: spec.declined.from, to: "declined", actor: by, at: spec.declined.at, reason: spec.declined.reason });
      }
      const last = steps[steps.length - 1];
      const stage = last?.to ?? "suggested";
      if (stage !== spec.stage) {
        throw new Error(`seedMatchingDemo: the steps of "${spec.demand}" × "${spec.app}" end at ${stage}, not ${spec.stage}`);
      }

      const [match] = await tx
        .insert(matches)
        .values({
          demandId: demand.id,
          applicationId: app.id,
          organizationId: app.organizationId,
          subdistrictId: demand.subdistrictId,
          stage,
          score: spec.proposedAt ? scored.score : null,
          reasons: spec.proposedAt ? scored.reasons : null,
          proposedById: spec.proposedAt ? proposer : null,
          responseId,
          pilotSite: spec.pilot?.site ?? null,
          pilotStartOn: spec.pilot?.startOn ?? null,
          pilotKpis: spec.pilot?.kpis ?? null,
          outcome: spec.deployment?.outcome ?? null,
          deployedOn: spec.deployment?.deployedOn ?? null,
          declinedReason: spec.declined?.reason ?? null,
          version: steps.length,
          createdAt: new Date(steps[0].at),
          updatedAt: new Date(last.at),
        })
        .returning({ id: matches.id });
      if (spec.response) {
        await tx.insert(auditLog).values({
          actorId: vendor,
          action: "vendor_response.create",
          entityType: "vendor_response",
          entityId: responseId,
          data: { demandId: demand.id, applicationId: app.id, costBand: spec.response.costBand },
          createdAt: new Date(spec.response.at),
        });
      }
      await tx.insert(auditLog).values(
        steps.map((s) => ({
          actorId: s.actor,
          action: s.action,
          entityType: "match",
          entityId: match.id,
          fromStatus: s.from,
          toStatus: s.to,
          reason: s.reason ?? null,
          data: { demandId: demand.id, applicationId: app.id, ...s.data },
          createdAt: new Date(s.at),
        })),
      );
      matchCount++;
      byStage[stage] = (byStage[stage] ?? 0) + 1;

      // What awaits the demo accounts in their inbox.
      const params = { demandTitle: demand.title, applicationTitle: app.title, subdistrictZh: place.nameZh, subdistrictEn: place.nameEn };
      const [org] = await tx.select({ nameZh: organizations.nameZh, nameEn: organizations.nameEn, slug: organizations.slug }).from(organizations).where(eq(organizations.id, app.organizationId));
      const full = { ...params, vendorZh: org.nameZh, vendorEn: org.nameEn };
      const demoMembers = (membersOf.get(app.organizationId) ?? []).map((m) => m.userId).filter((id) => DEMO_ACCOUNTS.some((a) => emailIds.get(a.email) === id));
      if (stage === "proposed") for (const userId of demoMembers) notices.push({ userId, kind: "matchProposed", params: full, link: `/matches/${match.id}`, createdAt: new Date(last.at) });
      if (stage === "suggested" && place.slug === "ganquan-road" && demoWorker) {
        notices.push({ userId: demoWorker, kind: "matchResponded", params: full, link: `/demands/${demand.id}/matches`, createdAt: new Date(last.at) });
      }
      if (stage === "declined") for (const userId of demoMembers) notices.push({ userId, kind: "matchDeclined", params: { ...full, reason: spec.declined!.reason }, link: `/matches/${match.id}`, createdAt: new Date(last.at) });
    }
    if (notices.length) await tx.insert(notifications).values(notices);
    return done({ skipped: false, responses: responseCount, matches: matchCount, byStage });
  });
}
