import crypto from "node:crypto";

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyPassword } from "../../app/auth/password.server";
import { rowsOf, type Database } from "../../db/client";
import { ROLES } from "../../db/enums";
import { applications, campaigns, demands, organizations, subdistricts, tags, userRoles, users } from "../../db/schema";
import {
  buildPlan,
  DEMO_ACCOUNTS,
  DemoDataExistsError,
  ensureFirstAdmin,
  hasDemoData,
  PLACES,
  seedDemo,
  seedReference,
  TAGS,
  type SeedSummary,
} from "../../db/seed";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../helpers/db";

/** Titles and statuses of everything seeded, in id order, hashed. */
async function digest(db: Database): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const row of await db.select({ t: demands.title, s: demands.status, n: demands.supportCount }).from(demands).orderBy(demands.id)) {
    hash.update(`D|${row.t}|${row.s}|${row.n}\n`);
  }
  for (const row of await db.select({ t: applications.title, s: applications.status, d: applications.description }).from(applications).orderBy(applications.id)) {
    hash.update(`A|${row.t}|${row.s}|${row.d}\n`);
  }
  for (const row of await db.select({ s: organizations.slug, n: organizations.nameZh }).from(organizations).orderBy(organizations.id)) {
    hash.update(`O|${row.s}|${row.n}\n`);
  }
  return hash.digest("hex");
}

const count = async (db: Database, query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(query))[0].n);

describe.each(DB_KINDS)("seed on %s", (kind) => {
  let t: TestDatabase;
  let summary: SeedSummary;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    summary = await seedDemo(t.db);
  }, 180_000);

  afterAll(async () => {
    await t?.drop();
  });

  it("upserts the reference data idempotently", async () => {
    await seedReference(t.db);
    await seedReference(t.db);
    const places = await t.db.select().from(subdistricts).orderBy(subdistricts.sortOrder);
    expect(places).toHaveLength(10);
    expect(places.map((p) => p.slug)).toEqual(PLACES.map((p) => p.slug));
    expect(places.find((p) => p.slug === "zhenru-town")?.kind).toBe("subdistrict");
    expect(places.filter((p) => p.kind === "town").map((p) => p.nameZh)).toEqual(["长征镇", "桃浦镇"]);
    expect(await count(t.db, sql`select count(*)::int as n from ${tags}`)).toBe(TAGS.length);
  });

  it("seeds about 500 applications and 50 demands, exactly 100 and 10 selected", async () => {
    expect(summary).toMatchObject({ applications: 500, demands: 50, selectedApplications: 100, selectedDemands: 10 });
    // The 2021 call holds the ~500 and ~50; the review seed adds the 2023 Haina call beside it.
    const in2021 = (table: typeof applications | typeof demands, extra = sql``) =>
      count(t.db, sql`select count(*)::int as n from ${table} t join ${campaigns} c on c.id = t.campaign_id where c.slug = '2021-scenario-call' ${extra}`);
    expect(await in2021(applications)).toBe(500);
    // 50 from the call, plus Zhenru Town's gate-guard need that the matching demo adds.
    expect(await in2021(demands)).toBe(51);
    expect(await in2021(applications, sql`and t.status = 'selected'`)).toBe(100);
    expect(await in2021(demands, sql`and t.status = 'selected'`)).toBe(10);
    expect(await count(t.db, sql`select count(*)::int as n from ${applications} where status = 'selected'`)).toBe(100);
    // A published campaign: only final statuses, some rejected at screening, all submitted in the window.
    for (const table of [applications, demands]) {
      const statuses = rowsOf<{ status: string }>(
        await t.db.execute(sql`select distinct t.status from ${table} t join ${campaigns} c on c.id = t.campaign_id where c.slug = '2021-scenario-call' order by 1`),
      ).map((r) => r.status);
      expect(statuses.every((s) => ["selected", "not_shortlisted", "rejected"].includes(s))).toBe(true);
      expect(statuses).toContain("rejected");
      expect(
        await count(
          t.db,
          sql`select count(*)::int as n from ${table} t join ${campaigns} c on c.id = t.campaign_id
              where t.submitted_at is null or t.submitted_at < c.opens_at or t.submitted_at > c.closes_at`,
        ),
      ).toBe(0);
    }
    const [campaign] = await t.db.select().from(campaigns).where(eq(campaigns.slug, "2021-scenario-call"));
    expect(campaign).toMatchObject({ slug: "2021-scenario-call", stage: "published", applicationQuota: 100, demandQuota: 10, reviewersPerItem: 3 });
    // And a call open today, for new submissions.
    const [open] = await t.db.select().from(campaigns).where(eq(campaigns.slug, "2026-open-call"));
    expect(open).toMatchObject({ stage: "collecting" });
    expect(await hasDemoData(t.db)).toBe(true);
  });

  it("has the vendors from the press, verified, with capabilities", async () => {
    const named = await t.db.select().from(organizations).where(sql`${organizations.slug} in ('huawei', '360-security', 'jd', 'china-mobile-shanghai', 'shanghai-united-media-group', 'dataway')`);
    expect(named).toHaveLength(6);
    expect(named.every((o) => o.kind === "vendor" && o.verified && o.descriptionZh && o.descriptionEn)).toBe(true);
    const offices = await t.db.select().from(organizations).where(eq(organizations.kind, "subdistrict_office"));
    expect(offices).toHaveLength(10);
    expect(offices.every((o) => o.subdistrictId !== null)).toBe(true);
    expect(await count(t.db, sql`select count(*)::int as n from ${organizations} where kind = 'vendor' and not verified`)).toBeGreaterThan(0);
    expect(await count(t.db, sql`select count(*)::int as n from ${organizations} where name_zh = '普陀区科学技术委员会'`)).toBe(1);
    const [smartCampus] = await t.db.select().from(applications).where(eq(applications.title, "360智慧校园安全管理系统"));
    expect(smartCampus?.status).toBe("selected");
  });

  it("uses all three domains and all ten subdistricts, in two languages", async () => {
    for (const table of [applications, demands]) {
      expect(await count(t.db, sql`select count(distinct domain)::int as n from ${table}`)).toBe(3);
      expect(await count(t.db, sql`select count(distinct lang)::int as n from ${table}`)).toBe(2);
    }
    expect(await count(t.db, sql`select count(distinct subdistrict_id)::int as n from ${demands}`)).toBe(10);
    expect(await count(t.db, sql`select count(distinct subdistrict_id)::int as n from application_deployments where subdistrict_id is not null`)).toBe(10);
    const english = await count(t.db, sql`select count(*)::int as n from ${applications} where lang = 'en'`);
    expect(english).toBeGreaterThan(60);
    expect(english).toBeLessThan(140);
  });

  it("gives every item a unique title", async () => {
    const titles = rowsOf<{ title: string }>(await t.db.execute(sql`select title from ${applications} union all select title from ${demands}`)).map((r) => r.title);
    // 550 in the 2021 call and the Haina call's items: never two alike.
    expect(titles.length).toBeGreaterThanOrEqual(550);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("keeps supportCount equal to the supports rows", async () => {
    expect(
      await count(t.db, sql`select count(*)::int as n from ${demands} d where d.support_count <> (select count(*) from supports s where s.demand_id = d.id)`),
    ).toBe(0);
    expect(await count(t.db, sql`select count(*)::int as n from supports`)).toBe(summary.supports);
    expect(summary.supports).toBeGreaterThan(500);
  });

  it("has a demo account for every role, found by e-mail, with the demo password", async () => {
    for (const role of ROLES) expect(DEMO_ACCOUNTS.some((a) => a.role === role)).toBe(true);
    for (const account of DEMO_ACCOUNTS) {
      const found = await t.db
        .select({ id: users.id, role: userRoles.role })
        .from(users)
        .innerJoin(userRoles, eq(userRoles.userId, users.id))
        .where(sql`lower(${users.email}) = ${account.email.toLowerCase()}`);
      expect(found.map((f) => f.role)).toContain(account.role);
    }
    const [admin] = await t.db.select().from(users).where(eq(users.email, "admin@putuo.example"));
    expect(await verifyPassword(admin.passwordHash, DEMO_ACCOUNTS[0].password)).toBe(true);
    expect(await count(t.db, sql`select count(*)::int as n from ${users} where email like '%@residents.example'`)).toBeGreaterThanOrEqual(200);
  });

  it("refuses to seed the demo twice", async () => {
    await expect(seedDemo(t.db)).rejects.toBeInstanceOf(DemoDataExistsError);
  });

  it("is deterministic: a second fresh database gets the same data", async () => {
    const other = await createTestDatabase(kind);
    try {
      await seedDemo(other.db);
      expect(await digest(other.db)).toBe(await digest(t.db));
    } finally {
      await other.drop();
    }
  }, 180_000);

  it("creates the first admin once, then reports that it exists", async () => {
    const fresh = await createTestDatabase(kind);
    try {
      expect(await ensureFirstAdmin(fresh.db, "Boss@Example.org", "correct horse battery")).toBe("created");
      expect(await ensureFirstAdmin(fresh.db, "boss@example.org", "another password")).toBe("exists");
      const rows = await fresh.db.select({ email: users.email, hash: users.passwordHash, role: userRoles.role }).from(users).innerJoin(userRoles, eq(userRoles.userId, users.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ email: "boss@example.org", role: "admin" });
      expect(await verifyPassword(rows[0].hash, "correct horse battery")).toBe(true);
      // An existing account named as admin is granted the role.
      await fresh.db.insert(users).values({ email: "later@example.org", passwordHash: "x", displayName: "Later" });
      expect(await ensureFirstAdmin(fresh.db, "later@example.org", "whatever-long")).toBe("exists");
      expect(await count(fresh.db, sql`select count(*)::int as n from ${userRoles} where role = 'admin'`)).toBe(2);
      await expect(ensureFirstAdmin(fresh.db, "not-an-email", "long enough password")).rejects.toThrow();
    } finally {
      await fresh.drop();
    }
  }, 60_000);
});

describe("demo plan at scale 100", () => {
  it("keeps every title unique and the quotas exact", () => {
    const plan = buildPlan(100);
    expect(plan.applications).toHaveLength(50_000);
    expect(plan.demands).toHaveLength(5_000);
    const titles = [...plan.applications.map((a) => a.title), ...plan.demands.map((d) => d.title)];
    expect(new Set(titles).size).toBe(titles.length);
    expect(plan.applications.filter((a) => a.status === "selected")).toHaveLength(100);
    expect(plan.demands.filter((d) => d.status === "selected")).toHaveLength(10);
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(plan.organizations.map((o) => o.slug))).toBe(true);
    expect(unique(plan.organizations.map((o) => o.nameZh))).toBe(true);
    expect(unique(plan.organizations.map((o) => o.nameEn))).toBe(true);
    expect(unique(plan.users.map((u) => u.email))).toBe(true);
  }, 120_000);
});
