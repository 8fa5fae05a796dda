/**
 * Builders for test data: each test makes exactly the rows it needs in its
 * own database. Defaults are valid; pass overrides for what the test is about.
 */
import { hashPassword } from "../../app/auth/password.server";
import type { Database } from "../../db/client";
import { DEFAULT_RUBRIC, type Role } from "../../db/enums";
import {
  applications,
  campaigns,
  demands,
  memberships,
  organizations,
  subdistricts,
  userRoles,
  users,
} from "../../db/schema";

let counter = 0;
export const seq = () => ++counter + Math.floor(Math.random() * 1e6) * 1000;

export const TEST_PASSWORD = "correct-horse-battery";
let testHash: Promise<string> | undefined;
const passwordHash = () => (testHash ??= hashPassword(TEST_PASSWORD));

export async function buildSubdistrict(db: Database, over: Partial<typeof subdistricts.$inferInsert> = {}) {
  const n = seq();
  const [row] = await db
    .insert(subdistricts)
    .values({ slug: `place-${n}`, nameZh: `测试街道${n}`, nameEn: `Test Subdistrict ${n}`, kind: "subdistrict", ...over })
    .returning();
  return row;
}

export async function buildOrganization(db: Database, over: Partial<typeof organizations.$inferInsert> = {}) {
  const n = seq();
  const [row] = await db
    .insert(organizations)
    .values({ slug: `org-${n}`, nameZh: `测试科技${n}有限公司`, nameEn: `Test Tech ${n}`, kind: "vendor", verified: true, ...over })
    .returning();
  return row;
}

export async function buildUser(
  db: Database,
  opts: { roles?: Role[]; organizationId?: number; membershipRole?: "owner" | "member" } & Partial<typeof users.$inferInsert> = {},
) {
  const { roles = ["resident"], organizationId, membershipRole = "member", ...over } = opts;
  const n = seq();
  const [user] = await db
    .insert(users)
    .values({ email: `user${n}@test.example`, passwordHash: await passwordHash(), displayName: `用户${n}`, ...over })
    .returning();
  if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role })));
  if (organizationId) await db.insert(memberships).values({ userId: user.id, organizationId, role: membershipRole });
  return { ...user, roles };
}

export async function buildCampaign(db: Database, over: Partial<typeof campaigns.$inferInsert> = {}) {
  const n = seq();
  const [row] = await db
    .insert(campaigns)
    .values({
      slug: `campaign-${n}`,
      titleZh: `测试征集${n}`,
      titleEn: `Test call ${n}`,
      stage: "collecting",
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: new Date("2027-12-31T00:00:00Z"),
      rubric: DEFAULT_RUBRIC,
      ...over,
    })
    .returning();
  return row;
}

export async function buildDemand(
  db: Database,
  over: Partial<typeof demands.$inferInsert> & { campaignId: number; subdistrictId: number },
) {
  const n = seq();
  const [row] = await db
    .insert(demands)
    .values({
      title: `测试需求${n}`,
      description: "一段足够长的需求描述，用于测试。",
      domain: "life",
      raisedBy: "resident",
      status: "submitted",
      submittedAt: new Date(),
      ...over,
    })
    .returning();
  return row;
}

export async function buildApplication(
  db: Database,
  over: Partial<typeof applications.$inferInsert> & { campaignId: number; organizationId: number },
) {
  const n = seq();
  const [row] = await db
    .insert(applications)
    .values({
      title: `测试应用${n}`,
      summary: "测试应用摘要",
      description: "一段足够长的应用描述，用于测试。",
      domain: "governance",
      maturity: "pilot",
      status: "submitted",
      submittedAt: new Date(),
      ...over,
    })
    .returning();
  return row;
}
