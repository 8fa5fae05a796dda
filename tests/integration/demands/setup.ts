/**
 * The little world the demand tests need: a collecting campaign, two
 * subdistricts, target-group and scenario tags, and people in every role
 * that touches demands. Each test builds its own in its own database.
 */
import { eq } from "drizzle-orm";

import { createSession, serializeSessionCookie } from "../../../app/auth/session.server";
import type { DemandCreateInput } from "../../../app/demands/schemas.server";
import { viewerOf } from "../../../app/visibility/visibility.server";
import type { Database } from "../../../db/client";
import { auditLog, searchOutbox, tags } from "../../../db/schema";
import { buildCampaign, buildOrganization, buildSubdistrict, buildUser, seq } from "../../helpers/builders";

export async function buildTag(db: Database, kind: "target_group" | "scenario" | "technology", nameZh: string, slug?: string) {
  const [row] = await db
    .insert(tags)
    .values({ kind, slug: slug ?? `${kind}-${seq()}`, nameZh, nameEn: `${kind} ${nameZh}` })
    .returning();
  return row;
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld(db: Database) {
  const campaign = await buildCampaign(db);
  const place = await buildSubdistrict(db, { nameZh: `甘泉路街道${seq()}` });
  const otherPlace = await buildSubdistrict(db);
  const elderly = await buildTag(db, "target_group", "老年人", `elderly-${seq()}`);
  const disabled = await buildTag(db, "target_group", "残障人士");
  const scenario = await buildTag(db, "scenario", "出行");
  const technology = await buildTag(db, "technology", "人工智能");
  const office = await buildOrganization(db, { kind: "subdistrict_office", subdistrictId: place.id });
  const resident = await buildUser(db, { roles: ["resident"] });
  const neighbour = await buildUser(db, { roles: ["resident"] });
  const worker = await buildUser(db, { roles: ["community_worker"], organizationId: office.id });
  const otherWorker = await buildUser(db, { roles: ["community_worker"], organizationId: office.id });
  const official = await buildUser(db, { roles: ["official"] });
  const reviewer = await buildUser(db, { roles: ["reviewer"] });
  return { campaign, place, otherPlace, elderly, disabled, scenario, technology, office, resident, neighbour, worker, otherWorker, official, reviewer };
}

/** The actor/viewer shape domain functions take, for a built user. */
export function actor(user: { id: number; roles: readonly string[] }, organizationIds: number[] = []) {
  return viewerOf({ id: user.id, roles: user.roles as never, organizations: organizationIds.map((id) => ({ id })) })!;
}

/** A valid new demand in the world's campaign; override what the test is about. */
export function demandInput(w: World, over: Partial<DemandCreateInput> = {}): DemandCreateInput {
  return {
    campaignId: w.campaign.id,
    title: "希望老人打一个电话就能叫到出租车",
    description: "邵先生今年63岁，视力不好，每周要去医院，现在的打车软件太难用，希望打一个电话就能叫到车。",
    domain: "life",
    subdistrictId: w.place.id,
    targetGroupIds: [w.elderly.id],
    scenarioTagIds: [w.scenario.id],
    raisedBy: "resident",
    contactPreference: "phone",
    contactValue: "138 1234 5678",
    ...over,
  };
}

export async function auditRows(db: Database, demandId: number) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, demandId)).orderBy(auditLog.id);
}

export async function outboxRows(db: Database, demandId: number) {
  return db.select().from(searchOutbox).where(eq(searchOutbox.entityId, demandId));
}

/** A session cookie for a user, as a browser would send it. */
export async function cookieFor(db: Database, userId: number): Promise<string> {
  const { token, expiresAt } = await createSession(db, userId);
  const set = await serializeSessionCookie(token, expiresAt);
  return set.split(";")[0];
}
