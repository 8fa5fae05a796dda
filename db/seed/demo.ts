/**
 * Writing the demo plan into a database: one transaction (all or nothing, so
 * a failed run never leaves half a campaign behind), rows inserted in batches
 * of BATCH, progress reported per batch.
 */
import { sql } from "drizzle-orm";

import { hashPassword } from "../../app/auth/password.server";
import type { Database } from "../client";
import { DEFAULT_RUBRIC } from "../enums";
import {
  applicationDemands,
  applicationDeployments,
  applications,
  applicationTags,
  campaigns,
  demands,
  demandTags,
  memberships,
  meta,
  organizations,
  subdistricts,
  supports,
  tags,
  userRoles,
  users,
} from "../schema";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { APPLICATION_QUOTA, buildPlan, CAMPAIGN_CREATED_AT, CLOSES_AT, DECIDED_AT, DEMAND_QUOTA, OPENS_AT, type Plan } from "./plan";
import { seedReference } from "./reference";
import { seedMatchingDemo } from "./matching";
import { seedReviewDemo } from "./review";

export const CAMPAIGN_SLUG = "2021-scenario-call";
/** The campaign open for submissions in the demo. */
export const OPEN_CAMPAIGN_SLUG = "2026-open-call";
const BATCH = 1000;

export type SeedOptions = {
  scale?: number;
  onProgress?: (done: number, total: number, label: string) => void;
};

export type SeedSummary = {
  scale: number;
  organizations: number;
  users: number;
  campaigns: number;
  demands: number;
  selectedDemands: number;
  applications: number;
  selectedApplications: number;
  supports: number;
  demandTags: number;
  applicationTags: number;
  deployments: number;
  applicationDemands: number;
  /** Rows written in all. */
  rows: number;
  milliseconds: number;
};

/** True if any campaign exists (demo or real). */
export async function hasDemoData(db: Database): Promise<boolean> {
  const rows = await db.select({ id: campaigns.id }).from(campaigns).limit(1);
  return rows.length > 0;
}

export class DemoDataExistsError extends Error {
  constructor() {
    super("The database already holds a campaign; demo data is only seeded into an empty database.");
    this.name = "DemoDataExistsError";
  }
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Seed the 2021 scenario call with its organisations, people, demands and
 * applications. `scale` multiplies the items (1 → 500 applications and 50
 * demands; 100 → 50,000 and 5,000). Refuses if a campaign already exists.
 */
export async function seedDemo(db: Database, opts: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const scale = opts.scale ?? 1;
  const report = opts.onProgress ?? (() => {});
  const plan = buildPlan(scale);

  await seedReference(db);
  if (await hasDemoData(db)) throw new DemoDataExistsError();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const demandTagRows = plan.demands.reduce((n, d) => n + d.tags.length, 0);
  const supportRows = plan.demands.reduce((n, d) => n + d.supporters.length, 0);
  const appTagRows = plan.applications.reduce((n, a) => n + a.tags.length, 0);
  const deploymentRows = plan.applications.reduce((n, a) => n + a.deployments.length, 0);
  const answerRows = plan.applications.reduce((n, a) => n + a.answers.length, 0);
  const roleRows = plan.users.reduce((n, u) => n + u.roles.length, 0);
  const total =
    plan.users.length + roleRows + plan.organizations.length + plan.memberships.length + 1 +
    plan.demands.length + demandTagRows + supportRows +
    plan.applications.length + appTagRows + deploymentRows + answerRows;

  let done = 0;
  report(0, total, "starting");
  const step = (n: number, label: string) => {
    done += n;
    report(done, total, label);
  };

  await db.transaction(async (tx) => {
    const placeIds = new Map((await tx.select({ id: subdistricts.id, slug: subdistricts.slug }).from(subdistricts)).map((r) => [r.slug, r.id]));
    const tagIds = new Map((await tx.select({ id: tags.id, kind: tags.kind, slug: tags.slug }).from(tags)).map((r) => [`${r.kind}:${r.slug}`, r.id]));
    const tagId = (key: string) => {
      const id = tagIds.get(key);
      if (id === undefined) throw new Error(`seed: unknown tag ${key}`);
      return id;
    };

    const userIds = await insertUsers(tx, plan, passwordHash, step);
    const adminId = userIds.get(DEMO_ACCOUNTS.find((a) => a.role === "admin")!.email) ?? null;
    const orgIds = await insertOrganizations(tx, plan, placeIds, adminId, step);

    for (const batch of chunks(plan.memberships)) {
      await tx
        .insert(memberships)
        .values(batch.map((m) => ({ userId: userIds.get(m.email)!, organizationId: orgIds.get(m.organization)!, role: m.role, createdAt: new Date(Date.UTC(2020, 10, 19)) })))
        .onConflictDoNothing();
      step(batch.length, "memberships");
    }

    const [campaign] = await tx
      .insert(campaigns)
      .values({
        slug: CAMPAIGN_SLUG,
        titleZh: "2021 普陀区数字化转型场景征集",
        titleEn: "2021 Putuo Digital Transformation Scenario Call",
        descriptionZh:
          "面向企业、居民、居委会和城市管理者，征集经济、生活、治理三大领域的数字化转型应用场景与需求。共收到约500项智慧应用和50项需求，经评审遴选出100项创新应用和10项需求清单，推动“普陀数字实验室”建设。",
        descriptionEn:
          "An open call to firms, residents, neighbourhood committees and city managers for digital transformation applications and needs in the economy, daily life and governance. About 500 smart applications and 50 demands were received; 100 applications and 10 demands were selected to build the Putuo Lab.",
        stage: "published",
        opensAt: OPENS_AT,
        closesAt: CLOSES_AT,
        applicationQuota: APPLICATION_QUOTA,
        demandQuota: DEMAND_QUOTA,
        reviewersPerItem: 3,
        rubric: DEFAULT_RUBRIC,
        createdAt: CAMPAIGN_CREATED_AT,
        updatedAt: DECIDED_AT,
      })
      .returning({ id: campaigns.id });
    step(1, "campaign");

    // Demands, their tags and supports.
    const demandIds = new Map<string, number>();
    for (const batch of chunks(plan.demands)) {
      const rows = await tx
        .insert(demands)
        .values(
          batch.map((d) => ({
            campaignId: campaign.id,
            title: d.title,
            description: d.description,
            lang: d.lang,
            domain: d.domain,
            subdistrictId: placeIds.get(d.place)!,
            raisedBy: d.raisedBy,
            contactPreference: d.contactPreference,
            authorId: d.author ? (userIds.get(d.author) ?? null) : null,
            organizationId: d.organization ? (orgIds.get(d.organization) ?? null) : null,
            status: d.status,
            supportCount: d.supporters.length,
            submittedAt: d.submittedAt,
            createdAt: d.createdAt,
            updatedAt: d.updatedAt,
          })),
        )
        .returning({ id: demands.id, title: demands.title });
      for (const row of rows) demandIds.set(row.title, row.id);
      step(batch.length, "demands");
    }
    const demandTagValues = plan.demands.flatMap((d) => d.tags.map((t) => ({ demandId: demandIds.get(d.title)!, tagId: tagId(t) })));
    for (const batch of chunks(demandTagValues)) {
      await tx.insert(demandTags).values(batch);
      step(batch.length, "demand tags");
    }
    const supportValues = plan.demands.flatMap((d) =>
      d.supporters.map((s) => ({ demandId: demandIds.get(d.title)!, userId: userIds.get(s.email)!, createdAt: s.at })),
    );
    for (const batch of chunks(supportValues)) {
      await tx.insert(supports).values(batch);
      step(batch.length, "supports");
    }

    // Applications, their tags, deployments and the demands they answer.
    const appIds = new Map<string, number>();
    for (const batch of chunks(plan.applications)) {
      const rows = await tx
        .insert(applications)
        .values(
          batch.map((a) => ({
            campaignId: campaign.id,
            organizationId: orgIds.get(a.organization)!,
            authorId: a.author ? (userIds.get(a.author) ?? null) : null,
            title: a.title,
            summary: a.summary,
            description: a.description,
            lang: a.lang,
            domain: a.domain,
            maturity: a.maturity,
            costBand: a.costBand,
            publicFromSubmission: a.publicFromSubmission,
            status: a.status,
            submittedAt: a.submittedAt,
            createdAt: a.createdAt,
            updatedAt: a.updatedAt,
          })),
        )
        .returning({ id: applications.id, title: applications.title });
      for (const row of rows) appIds.set(row.title, row.id);
      step(batch.length, "applications");
    }
    const appTagValues = plan.applications.flatMap((a) => a.tags.map((t) => ({ applicationId: appIds.get(a.title)!, tagId: tagId(t) })));
    for (const batch of chunks(appTagValues)) {
      await tx.insert(applicationTags).values(batch);
      step(batch.length, "application tags");
    }
    const deploymentValues = plan.applications.flatMap((a) =>
      a.deployments.map((d) => ({
        applicationId: appIds.get(a.title)!,
        subdistrictId: d.place ? placeIds.get(d.place)! : null,
        placeName: d.placeName,
        since: d.since,
      })),
    );
    for (const batch of chunks(deploymentValues)) {
      await tx.insert(applicationDeployments).values(batch);
      step(batch.length, "deployments");
    }
    const answerValues = plan.applications.flatMap((a) =>
      a.answers.map((title) => ({ applicationId: appIds.get(a.title)!, demandId: demandIds.get(title)! })),
    );
    for (const batch of chunks(answerValues)) {
      await tx.insert(applicationDemands).values(batch).onConflictDoNothing();
      step(batch.length, "application ↔ demand links");
    }

    // The call that is open today, so residents and firms can submit into it.
    await tx.insert(campaigns).values({
      slug: OPEN_CAMPAIGN_SLUG,
      titleZh: "2026 普陀区城市数字化转型场景常态化征集",
      titleEn: "2026 Putuo Open Call for Digital Transformation Scenarios",
      descriptionZh:
        "常年开放的征集：居民、企业、居委会和城市管理者随时提出场景需求，科技企业随时提交解决方案。每季度初筛一次，优秀项目进入下一轮评审。",
      descriptionEn:
        "A standing call: residents, firms, neighbourhood committees and city managers raise needs at any time, and tech firms propose solutions. Screened every quarter; the best go on to review.",
      stage: "collecting",
      opensAt: new Date(Date.UTC(2026, 0, 1)),
      closesAt: new Date(Date.UTC(2027, 11, 31)),
      applicationQuota: APPLICATION_QUOTA,
      demandQuota: DEMAND_QUOTA,
      reviewersPerItem: 3,
      rubric: DEFAULT_RUBRIC,
      createdAt: new Date(Date.UTC(2025, 11, 15)),
      updatedAt: new Date(Date.UTC(2025, 11, 15)),
    });

    await tx
      .insert(meta)
      .values({ key: "seed.demo", value: CAMPAIGN_SLUG, number: scale })
      .onConflictDoUpdate({ target: meta.key, set: { value: CAMPAIGN_SLUG, number: scale, updatedAt: new Date() } });
  });

  // Reviews of the 2021 call (its published lists) and the 2023 Haina call in the middle of review.
  await seedReviewDemo(db, { onProgress: opts.onProgress });
  // Matches at every stage of the pipeline, with the pilots from the press.
  await seedMatchingDemo(db);

  return {
    scale,
    organizations: plan.organizations.length,
    users: plan.users.length,
    campaigns: 2,
    demands: plan.demands.length,
    selectedDemands: plan.demands.filter((d) => d.status === "selected").length,
    applications: plan.applications.length,
    selectedApplications: plan.applications.filter((a) => a.status === "selected").length,
    supports: supportRows,
    demandTags: demandTagRows,
    applicationTags: appTagRows,
    deployments: deploymentRows,
    applicationDemands: answerRows,
    rows: total,
    milliseconds: Math.round(performance.now() - started),
  };
}

async function insertUsers(tx: Tx, plan: Plan, passwordHash: string, step: (n: number, label: string) => void) {
  const ids = new Map<string, number>();
  for (const batch of chunks(plan.users)) {
    // A demo address may already exist (e.g. ADMIN_EMAIL = admin@putuo.example): keep that account.
    await tx
      .insert(users)
      .values(batch.map((u) => ({ email: u.email, passwordHash, displayName: u.displayName, locale: u.locale, createdAt: u.createdAt, updatedAt: u.createdAt })))
      .onConflictDoNothing();
    const rows = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(sql`lower(${users.email}) in (${sql.join(batch.map((u) => sql`${u.email}`), sql`, `)})`);
    for (const row of rows) ids.set(row.email.toLowerCase(), row.id);
    step(batch.length, "users");
  }
  const roleValues = plan.users.flatMap((u) => u.roles.map((role) => ({ userId: ids.get(u.email)!, role, createdAt: u.createdAt })));
  for (const batch of chunks(roleValues)) {
    await tx.insert(userRoles).values(batch).onConflictDoNothing();
    step(batch.length, "roles");
  }
  return ids;
}

async function insertOrganizations(
  tx: Tx,
  plan: Plan,
  placeIds: Map<string, number>,
  adminId: number | null,
  step: (n: number, label: string) => void,
) {
  const ids = new Map<string, number>();
  for (const batch of chunks(plan.organizations)) {
    const rows = await tx
      .insert(organizations)
      .values(
        batch.map((o) => ({
          slug: o.slug,
          nameZh: o.nameZh,
          nameEn: o.nameEn,
          kind: o.kind,
          verified: o.verified,
          verifiedAt: o.verified ? new Date(o.createdAt.getTime() + 3 * 86_400_000) : null,
          verifiedById: o.verified ? adminId : null,
          descriptionZh: o.descriptionZh,
          descriptionEn: o.descriptionEn,
          capabilities: o.capabilities,
          website: o.website,
          subdistrictId: o.place ? placeIds.get(o.place)! : null,
          createdAt: o.createdAt,
          updatedAt: o.createdAt,
        })),
      )
      .returning({ id: organizations.id, slug: organizations.slug });
    for (const row of rows) ids.set(row.slug, row.id);
    step(batch.length, "organisations");
  }
  return ids;
}
