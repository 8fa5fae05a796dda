/**
 * The little world the application, profile and attachment tests need: a
 * collecting campaign, subdistricts, tags of every kind, two firms with
 * members (Ann owns Huawei's profile, Alice is a plain member; Bob owns JD's),
 * an official, a resident with a submitted and a draft demand.
 */
import { and, eq } from "drizzle-orm";

import type { CreateInput } from "../../../app/applications/applications.server";
import { createSession, serializeSessionCookie } from "../../../app/auth/session.server";
import type { Database } from "../../../db/client";
import { auditLog, searchOutbox, tags } from "../../../db/schema";
import { buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser, seq } from "../../helpers/builders";

export async function buildTag(db: Database, kind: "target_group" | "scenario" | "technology", nameZh: string) {
  const n = seq();
  const [row] = await db
    .insert(tags)
    .values({ kind, slug: `${kind.replace("_", "-")}-${n}`, nameZh: `${nameZh}${n}`, nameEn: `${kind} ${n}` })
    .returning();
  return row;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld(db: Database) {
  const campaign = await buildCampaign(db);
  const closedCampaign = await buildCampaign(db, { stage: "screening" });
  const ganquan = await buildSubdistrict(db);
  const changfeng = await buildSubdistrict(db);
  const ai = await buildTag(db, "technology", "人工智能");
  const iot = await buildTag(db, "technology", "物联网");
  const elderCare = await buildTag(db, "scenario", "养老");
  const elderly = await buildTag(db, "target_group", "老年人");
  const huawei = await buildOrganization(db, { nameZh: `华为测试${seq()}`, nameEn: `Huawei Test ${seq()}` });
  const jd = await buildOrganization(db, { nameZh: `京东测试${seq()}`, nameEn: `JD Test ${seq()}`, verified: false });
  const alice = await buildUser(db, { roles: ["firm_member"], organizationId: huawei.id });
  const ann = await buildUser(db, { roles: ["firm_member"], organizationId: huawei.id, membershipRole: "owner" });
  const bob = await buildUser(db, { roles: ["firm_member"], organizationId: jd.id, membershipRole: "owner" });
  const official = await buildUser(db, { roles: ["official"] });
  const resident = await buildUser(db, { roles: ["resident"] });
  const demand = await buildDemand(db, { campaignId: campaign.id, subdistrictId: ganquan.id, authorId: resident.id });
  const draftDemand = await buildDemand(db, {
    campaignId: campaign.id,
    subdistrictId: ganquan.id,
    authorId: resident.id,
    status: "draft",
    submittedAt: null,
  });
  return { campaign, closedCampaign, ganquan, changfeng, ai, iot, elderCare, elderly, huawei, jd, alice, ann, bob, official, resident, demand, draftDemand };
}

/** A valid application for Huawei in the world's campaign; override what the test is about. */
export function applicationInput(w: World, over: Partial<CreateInput> = {}): CreateInput {
  return {
    campaignId: w.campaign.id,
    organizationId: w.huawei.id,
    title: "独居老人跌倒智能预警",
    summary: "毫米波雷达感知独居老人跌倒，自动通知家属和社区。",
    description: "在独居老人家中安装毫米波雷达，不拍摄画面、保护隐私；检测到跌倒后自动呼叫家属和居委会。已在两个街道试点。",
    domain: "life",
    maturity: "deployed",
    costBand: "100k_500k",
    publicFromSubmission: false,
    technologyIds: [w.ai.id],
    scenarioIds: [w.elderCare.id],
    targetGroupIds: [w.elderly.id],
    demandIds: [w.demand.id],
    deployments: [
      { subdistrictId: w.ganquan.id, placeName: null, since: "2024-05" },
      { subdistrictId: null, placeName: "杭州市", since: null },
    ],
    ...over,
  };
}

export async function auditOf(db: Database, entityType: string, entityId: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
}

export async function outboxOf(db: Database, entityType: "application" | "organization" | "demand", entityId: number) {
  return db
    .select()
    .from(searchOutbox)
    .where(and(eq(searchOutbox.entityType, entityType), eq(searchOutbox.entityId, entityId)));
}

/** A session cookie for a user, as a browser would send it. */
export async function cookieFor(db: Database, userId: number): Promise<string> {
  const { token, expiresAt } = await createSession(db, userId);
  const set = await serializeSessionCookie(token, expiresAt);
  return set.split(";")[0];
}

export const BASE = "http://putuo.test";

/** Run a loader or action; a thrown Response (redirect, 403, 404) is returned like a returned one. */
export async function call(
  fn: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function formPost(path: string, fields: [string, string][] | Record<string, string>, cookie?: string) {
  const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields));
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export const get = (path: string, cookie?: string) => new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
