/**
 * The review demo, seeded after the base demo (seedDemo):
 *
 *   (a) the 2021 scenario call (published): every selected and
 *       not-shortlisted item gets k = 3 submitted reviews from the expert
 *       reviewers, assigned by the real algorithm (app/review/assign.ts), with
 *       scores consistent with the outcome (selected items score higher,
 *       reviewers harsh or lenient, a few outlier reviews); the published
 *       lists are written from the computed normalised scores, and where the
 *       scores and the historical outcome disagree, an official's override
 *       with its reason records why;
 *   (b) the 2023 Haina Town pilot-zone call (stage reviewing): about 60
 *       applications and 12 demands in review, all assigned, about half the
 *       reviews submitted (items with k reviews are scored), two recusals
 *       with declared conflicts and reassignment.
 *
 * Deterministic (fixed dates, seeded generator), all in one transaction,
 * rows inserted in batches. Run it once after seedDemo; it does nothing the
 * second time (the Haina campaign exists).
 *
 *   await seedDemo(db, opts);
 *   await seedReviewDemo(db, { onProgress: opts.onProgress });
 */
import { and, eq, inArray, sql } from "drizzle-orm";

import { hashPassword } from "../../app/auth/password.server";
import { exclusionReason, planAssignments, type AssignItem, type AssignReviewer } from "../../app/review/assign";
import { cutShortlist, rankItems, weightedScore, type ReviewScore } from "../../app/review/ranking";
import type { Database } from "../client";
import type { ItemType, RubricCriterion } from "../enums";
import {
  applications,
  auditLog,
  campaigns,
  demands,
  memberships,
  notifications,
  organizations,
  publishedListEntries,
  reviewAssignments,
  reviewerConflicts,
  reviews,
  searchOutbox,
  shortlistOverrides,
  subdistricts,
  userRoles,
  users,
} from "../schema";

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { Rng } from "./random";
import { CRITERION_COMMENTS, EXPERTS, HAINA_DEMANDS, HAINA_THEMES, OVERALL_COMMENTS, RECUSAL_REASONS } from "./review-text";

export const HAINA_SLUG = "2023-haina-pilot-zone";
const SCENARIO_CALL_SLUG = "2021-scenario-call";
const BATCH = 1000;
const K = 3;

const HAINA_RUBRIC: RubricCriterion[] = [
  { key: "innovation", labelZh: "创新性", labelEn: "Innovation", weight: 0.25, scaleMax: 10 },
  { key: "feasibility", labelZh: "可行性", labelEn: "Feasibility", weight: 0.25, scaleMax: 10 },
  { key: "social_value", labelZh: "社会价值", labelEn: "Social value", weight: 0.2, scaleMax: 10 },
  { key: "pilot_fit", labelZh: "试点区契合度", labelEn: "Fit with the pilot zone", weight: 0.2, scaleMax: 10 },
  { key: "cost_effectiveness", labelZh: "性价比", labelEn: "Cost-effectiveness", weight: 0.1, scaleMax: 10 },
];

// 2021 dates: reviews between the close (31 March) and the decision (20 April 2021).
const REVIEW_2021_FROM = Date.UTC(2021, 3, 1, 1, 0, 0);
const DECIDED_2021 = new Date(Date.UTC(2021, 3, 20, 2, 0, 0));
// Haina: open March–May 2023, screened in June, reviewing since 12 June 2023.
const HAINA_OPENS = new Date(Date.UTC(2023, 1, 28, 16, 0, 0));
const HAINA_CLOSES = new Date(Date.UTC(2023, 4, 31, 15, 59, 59));
const HAINA_ASSIGNED = Date.UTC(2023, 5, 12, 2, 0, 0);

export type ReviewSeedContext = {
  onProgress?: (done: number, total: number, label: string) => void;
};

export type ReviewSeedSummary = {
  skipped: boolean;
  reviewers: number;
  scenarioCall: { reviews: number; entries: number; overrides: number } | null;
  haina: { applications: number; demands: number; assignments: number; submitted: number; recused: number; scored: number } | null;
  milliseconds: number;
};

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

type Reviewer = AssignReviewer & { email: string; bias: number };

type Item = { itemType: ItemType; id: number; organizationId: number | null; authorId: number | null; lang: string; quality: number };

/** Scores for one review of an item of latent quality q by a reviewer with a bias. */
function scoresFor(r: Rng, rubric: RubricCriterion[], q: number, bias: number, outlier: number) {
  const scores: Record<string, number> = {};
  for (const c of rubric) {
    const x = q + bias + outlier + (r.next() - 0.5) * 0.16;
    scores[c.key] = clamp(Math.round(x * c.scaleMax), 1, c.scaleMax);
  }
  return scores;
}

/** A phrase not yet used on this item (two reviewers never write the same sentence), or "". */
function fresh(r: Rng, options: string[], used: Set<string>): string {
  const left = options.filter((o) => !used.has(o));
  if (left.length === 0) return "";
  const pick = r.pick(left);
  used.add(pick);
  return pick;
}

function commentsFor(r: Rng, rubric: RubricCriterion[], scores: Record<string, number>, lang: string, used: Set<string>) {
  const bank = CRITERION_COMMENTS[lang === "en" ? "en" : "zh-CN"];
  const comments: Record<string, string> = {};
  for (const c of rubric) {
    const s = scores[c.key] / c.scaleMax;
    const level = s >= 0.8 ? "high" : s <= 0.4 ? "low" : "mid";
    // Not every criterion gets a comment: reviewers write where they have something to say.
    comments[c.key] = bank[c.key] && r.chance(0.55) ? fresh(r, bank[c.key][level], used) : "";
  }
  return comments;
}

function overallFor(r: Rng, weighted: number, lang: string, used: Set<string>) {
  const bank = OVERALL_COMMENTS[lang === "en" ? "en" : "zh-CN"];
  const level = weighted >= 0.75 ? "high" : weighted < 0.5 ? "low" : "mid";
  return r.chance(0.7) ? fresh(r, bank[level], used) : "";
}

/** Phrases used per item, for `fresh`. */
function usedPhrases() {
  const byItem = new Map<string, Set<string>>();
  return (key: string) => {
    let set = byItem.get(key);
    if (!set) byItem.set(key, (set = new Set()));
    return set;
  };
}

async function ensureExperts(tx: Tx, orgIds: Map<string, number>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const createdAt = new Date(Date.UTC(2020, 10, 18, 1, 30, 0));
  await tx
    .insert(users)
    .values(EXPERTS.map((e) => ({ email: e.email, passwordHash, displayName: e.displayName, createdAt, updatedAt: createdAt })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, EXPERTS.map((e) => e.email)));
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  await tx
    .insert(userRoles)
    .values(rows.map((r) => ({ userId: r.id, role: "reviewer" as const, createdAt })))
    .onConflictDoNothing();
  const member = EXPERTS.filter((e) => e.organization && orgIds.has(e.organization));
  if (member.length) {
    await tx
      .insert(memberships)
      .values(member.map((e) => ({ userId: idOf.get(e.email)!, organizationId: orgIds.get(e.organization!)!, role: "member" as const, createdAt })))
      .onConflictDoNothing();
  }
}

async function loadReviewers(tx: Tx, r: Rng): Promise<Reviewer[]> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "reviewer")))
    .orderBy(users.id);
  const ids = rows.map((x) => x.id);
  const memberRows = ids.length ? await tx.select().from(memberships).where(inArray(memberships.userId, ids)) : [];
  const conflictRows = ids.length ? await tx.select().from(reviewerConflicts).where(inArray(reviewerConflicts.reviewerId, ids)) : [];
  return rows.map((x) => ({
    id: x.id,
    email: x.email,
    organizationIds: memberRows.filter((m) => m.userId === x.id).map((m) => m.organizationId),
    conflictOrganizationIds: conflictRows.filter((c) => c.reviewerId === x.id).map((c) => c.organizationId),
    load: 0,
    // Harsh (negative) to lenient (positive), fixed per reviewer.
    bias: (r.next() - 0.5) * 0.2,
  }));
}

/** Plan k reviewers for items (the real algorithm), starting from the given loads. */
function plan(items: Item[], reviewers: Reviewer[], seed: number, loads: Map<number, number>) {
  const assignItems: AssignItem[] = items.map((i) => ({
    key: `${i.itemType}:${i.id}`,
    organizationId: i.organizationId,
    authorId: i.authorId,
    activeReviewerIds: [],
    recusedReviewerIds: [],
  }));
  const result = planAssignments({ k: K, seed, reviewers: reviewers.map((x) => ({ ...x, load: loads.get(x.id) ?? 0 })), items: assignItems });
  for (const [id, load] of result.loads) loads.set(id, load);
  return result.assignments.map((a) => {
    const [type, id] = a.itemKey.split(":");
    return { itemType: type as ItemType, itemId: Number(id), reviewerId: a.reviewerId };
  });
}

type AssignmentRow = { id: number; itemType: ItemType; itemId: number; reviewerId: number };

async function insertAssignments(
  tx: Tx,
  campaignId: number,
  rows: { itemType: ItemType; itemId: number; reviewerId: number; status: "assigned" | "submitted" | "recused"; recusalReason?: string; at: Date }[],
): Promise<AssignmentRow[]> {
  const out: AssignmentRow[] = [];
  for (const batch of chunks(rows)) {
    const inserted = await tx
      .insert(reviewAssignments)
      .values(
        batch.map((a) => ({
          campaignId,
          itemType: a.itemType,
          demandId: a.itemType === "demand" ? a.itemId : null,
          applicationId: a.itemType === "application" ? a.itemId : null,
          reviewerId: a.reviewerId,
          status: a.status,
          recusalReason: a.recusalReason ?? null,
          createdAt: a.at,
          updatedAt: a.at,
        })),
      )
      .returning({ id: reviewAssignments.id, demandId: reviewAssignments.demandId, applicationId: reviewAssignments.applicationId, reviewerId: reviewAssignments.reviewerId, itemType: reviewAssignments.itemType });
    out.push(...inserted.map((x) => ({ id: x.id, itemType: x.itemType, itemId: (x.demandId ?? x.applicationId)!, reviewerId: x.reviewerId })));
  }
  return out;
}

type ReviewRow = typeof reviews.$inferInsert;

async function insertReviews(tx: Tx, rows: ReviewRow[], step: (n: number, label: string) => void) {
  for (const batch of chunks(rows)) {
    await tx.insert(reviews).values(batch);
    step(batch.length, "reviews");
  }
}

/** Seed the review demo (see the header). Safe to call twice: the second call does nothing. */
export async function seedReviewDemo(db: Database, ctx: ReviewSeedContext = {}): Promise<ReviewSeedSummary> {
  const started = performance.now();
  const report = ctx.onProgress ?? (() => {});
  const [existing] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, HAINA_SLUG));
  if (existing) {
    return { skipped: true, reviewers: 0, scenarioCall: null, haina: null, milliseconds: Math.round(performance.now() - started) };
  }

  let done = 0;
  let total = 1;
  const step = (n: number, label: string) => {
    done += n;
    report(Math.min(done, total), total, label);
  };

  return db.transaction(async (tx) => {
    const r = new Rng(2023);
    const orgIds = new Map((await tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations)).map((o) => [o.slug, o.id]));
    await ensureExperts(tx, orgIds);
    const reviewers = await loadReviewers(tx, r.fork(1));
    const [scenario] = await tx.select().from(campaigns).where(eq(campaigns.slug, SCENARIO_CALL_SLUG));
    const scenarioItems = scenario ? await reviewedItemsOf(tx, scenario.id) : [];
    total = scenarioItems.length * K + 72 * K + 200;
    report(0, total, "reviews");

    const scenarioCall = scenario && reviewers.length ? await seedScenarioCall(tx, scenario, scenarioItems, reviewers, r.fork(2), step) : null;
    const haina = reviewers.length ? await seedHaina(tx, orgIds, reviewers, r.fork(3), step) : null;
    report(total, total, "reviews");
    return {
      skipped: false,
      reviewers: reviewers.length,
      scenarioCall,
      haina,
      milliseconds: Math.round(performance.now() - started),
    };
  });
}

// ─── (a) The 2021 scenario call ─────────────────────────────────────────────

async function reviewedItemsOf(tx: Tx, campaignId: number) {
  const apps = await tx
    .select({ id: applications.id, organizationId: applications.organizationId, authorId: applications.authorId, status: applications.status, lang: applications.lang })
    .from(applications)
    .where(and(eq(applications.campaignId, campaignId), inArray(applications.status, ["selected", "not_shortlisted"])))
    .orderBy(applications.id);
  const dems = await tx
    .select({ id: demands.id, organizationId: demands.organizationId, authorId: demands.authorId, status: demands.status, lang: demands.lang })
    .from(demands)
    .where(and(eq(demands.campaignId, campaignId), inArray(demands.status, ["selected", "not_shortlisted"])))
    .orderBy(demands.id);
  return [...apps.map((a) => ({ ...a, itemType: "application" as const })), ...dems.map((d) => ({ ...d, itemType: "demand" as const }))];
}

async function seedScenarioCall(
  tx: Tx,
  campaign: typeof campaigns.$inferSelect,
  rows: Awaited<ReturnType<typeof reviewedItemsOf>>,
  reviewers: Reviewer[],
  r: Rng,
  step: (n: number, label: string) => void,
) {
  const items: Item[] = rows.map((x) => ({
    itemType: x.itemType,
    id: x.id,
    organizationId: x.organizationId,
    authorId: x.authorId,
    lang: x.lang,
    // Selected items were better: their latent quality is higher.
    quality: x.status === "selected" ? 0.72 + r.next() * 0.22 : 0.28 + r.next() * 0.36,
  }));
  const selected = new Set(rows.filter((x) => x.status === "selected").map((x) => `${x.itemType}:${x.id}`));
  const planned = plan(items, reviewers, campaign.id, new Map());
  const assignedAt = new Date(REVIEW_2021_FROM);
  const inserted = await insertAssignments(
    tx,
    campaign.id,
    planned.map((p) => ({ ...p, status: "submitted" as const, at: assignedAt })),
  );
  const itemOf = new Map(items.map((i) => [`${i.itemType}:${i.id}`, i]));
  const biasOf = new Map(reviewers.map((x) => [x.id, x.bias]));
  const rubric = campaign.rubric;
  const reviewRows: ReviewRow[] = [];
  const scores: Record<ItemType, ReviewScore[]> = { application: [], demand: [] };
  const phrasesOf = usedPhrases();
  for (const a of inserted) {
    const item = itemOf.get(`${a.itemType}:${a.itemId}`)!;
    const outlier = r.chance(0.03) ? (r.chance(0.5) ? 0.3 : -0.3) : 0;
    const s = scoresFor(r, rubric, item.quality, biasOf.get(a.reviewerId)!, outlier);
    const w = weightedScore(rubric, s);
    const at = new Date(REVIEW_2021_FROM + r.int(1, 14 * 24 * 60) * 60_000);
    reviewRows.push({
      assignmentId: a.id,
      scores: s,
      comments: commentsFor(r, rubric, s, item.lang, phrasesOf(`${a.itemType}:${a.itemId}`)),
      overallComment: overallFor(r, w, item.lang, phrasesOf(`${a.itemType}:${a.itemId}`)),
      weightedScore: w,
      submittedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    scores[a.itemType].push({ id: a.id, itemId: a.itemId, reviewerId: a.reviewerId, weightedScore: w });
  }
  await insertReviews(tx, reviewRows, step);

  // The published lists, ranked by normalised score; where the score and the
  // historical outcome disagree, the official's override says why.
  const [official] = await tx.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNTS.find((a) => a.role === "official")!.email));
  let entries = 0;
  const overrides: (typeof shortlistOverrides.$inferInsert)[] = [];
  for (const itemType of ["application", "demand"] as const) {
    const ranked = rankItems(scores[itemType]);
    const vendorOf = new Map(items.filter((i) => i.itemType === itemType).map((i) => [i.id, i.organizationId]));
    const quota = itemType === "application" ? campaign.applicationQuota : campaign.demandQuota;
    const cut = cutShortlist(
      ranked.map((x) => ({ itemId: x.itemId, vendorId: itemType === "application" ? (vendorOf.get(x.itemId) ?? null) : null, normalisedScore: x.normalisedScore, rawScore: x.rawScore, complete: true })),
      { quota, vendorCap: itemType === "application" ? campaign.vendorCap : null },
    );
    for (const row of cut.rows) {
      const isSelected = selected.has(`${itemType}:${row.itemId}`);
      if (isSelected === row.insideCut) continue;
      overrides.push({
        campaignId: campaign.id,
        itemType,
        itemId: row.itemId,
        decision: isSelected ? "include" : "exclude",
        reason: isSelected
          ? "遴选小组讨论：该项目契合区重点扶持方向，且已有街道明确试点意向，调入名单。"
          : "遴选小组讨论：同类场景已有更成熟的入选方案，为避免重复建设，调出名单。",
        decidedById: official?.id ?? null,
        createdAt: DECIDED_2021,
        updatedAt: DECIDED_2021,
      });
    }
    const chosen = ranked.filter((x) => selected.has(`${itemType}:${x.itemId}`));
    const values = chosen.map((x, i) => ({ campaignId: campaign.id, itemType, itemId: x.itemId, rank: i + 1, score: x.normalisedScore, publishedAt: DECIDED_2021 }));
    for (const batch of chunks(values)) await tx.insert(publishedListEntries).values(batch).onConflictDoNothing();
    entries += values.length;
  }
  for (const batch of chunks(overrides)) await tx.insert(shortlistOverrides).values(batch).onConflictDoNothing();
  await tx.insert(auditLog).values({
    actorId: official?.id ?? null,
    action: "campaign.publish",
    entityType: "campaign",
    entityId: campaign.id,
    fromStatus: "shortlisting",
    toStatus: "published",
    data: { source: "seed", entries },
    createdAt: DECIDED_2021,
  });
  return { reviews: reviewRows.length, entries, overrides: overrides.length };
}

// ─── (b) The 2023 Haina Town pilot-zone call ────────────────────────────────

async function seedHaina(tx: Tx, orgIds: Map<string, number>, reviewers: Reviewer[], r: Rng, step: (n: number, label: string) => void) {
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      slug: HAINA_SLUG,
      titleZh: "2023 海纳小镇数字化转型试点区场景征集",
      titleEn: "2023 Haina Town Digital Transformation Pilot Zone Call",
      descriptionZh:
        "海纳小镇位于有千年历史的真如古镇（因宋代真如寺而兴），规划面积3.12平方公里，将建设成为普陀科创策源地和数字技术发展核心区、上海城市“西北客厅”。本次征集面向小镇试点区，重点征集无人值守服务中心、智慧养老、科创园区服务和古镇文旅等数字化场景与解决方案。",
      descriptionEn:
        "Haina Town covers 3.12 km² of the ancient Zhenru Town, which grew up around the Song-dynasty Zhenru Temple, and is to become Putuo's source of scientific innovation, a core area for digital technology and the city's “northwest sitting room”. This call for the pilot zone seeks digital scenarios and solutions such as unmanned service centres, intelligent senior care, services for the innovation park and culture and tourism in the old town.",
      stage: "reviewing",
      opensAt: HAINA_OPENS,
      closesAt: HAINA_CLOSES,
      applicationQuota: 20,
      demandQuota: 4,
      reviewersPerItem: K,
      vendorCap: 2,
      rubric: HAINA_RUBRIC,
      createdAt: new Date(Date.UTC(2023, 1, 20, 2, 0, 0)),
      updatedAt: new Date(HAINA_ASSIGNED),
    })
    .returning();

  const [place] = await tx.select({ id: subdistricts.id }).from(subdistricts).where(eq(subdistricts.slug, "zhenru-town"));
  const placeId = place?.id ?? (await tx.select({ id: subdistricts.id }).from(subdistricts).limit(1))[0].id;

  // Who writes: each vendor's owner (or any member), some residents, the office staff.
  const vendorRows = await tx
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.kind, "vendor"))
    .orderBy(organizations.id);
  const memberRows = await tx.select().from(memberships).where(inArray(memberships.organizationId, vendorRows.map((v) => v.id)));
  const reviewerIds = new Set(reviewers.map((x) => x.id));
  const authorOf = (orgId: number) => {
    const members = memberRows.filter((m) => m.organizationId === orgId && !reviewerIds.has(m.userId));
    return (members.find((m) => m.role === "owner") ?? members[0])?.userId ?? null;
  };
  const residentRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "resident")))
    .orderBy(users.id)
    .limit(60);
  const demoResident = residentRows.find((x) => x.email === DEMO_ACCOUNTS.find((a) => a.role === "resident")!.email);
  const staffOf = async (slug: string) => {
    const orgId = orgIds.get(slug);
    if (!orgId) return null;
    const [m] = await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.organizationId, orgId)).limit(1);
    return m?.userId ?? null;
  };

  // Applications: two per theme, from the theme's vendors (or any vendor if one is missing).
  const submittedAt = (i: number) => new Date(Date.UTC(2023, 2, 6, 2, 0, 0) + i * 19 * 3_600_000 + r.int(0, 600) * 60_000);
  const appValues: (typeof applications.$inferInsert)[] = [];
  HAINA_THEMES.forEach((theme, t) => {
    theme.vendors.forEach((slug, v) => {
      const orgId = orgIds.get(slug) ?? r.pick(vendorRows).id;
      const english = r.chance(0.15);
      const text = english ? theme.en : theme.zh;
      const at = submittedAt(appValues.length);
      appValues.push({
        campaignId: campaign.id,
        ref: `haina-app-${String(t * 2 + v + 1).padStart(3, "0")}`,
        organizationId: orgId,
        authorId: authorOf(orgId),
        title: text.titles[v],
        summary: text.summary,
        description: `${text.body}\n\n${english ? `Proposed for the Haina Town pilot zone (Zhenru Town, Putuo). Pilot period: ${r.int(3, 12)} months.` : `拟在海纳小镇试点区（普陀区真如镇街道）先行试点，试点周期约${r.int(3, 12)}个月。`}`,
        lang: english ? "en" : "zh-CN",
        domain: theme.domain,
        maturity: theme.maturity,
        costBand: r.pick(["under_100k", "100k_500k", "500k_2m", "over_2m"] as const),
        publicFromSubmission: r.chance(0.3),
        status: "in_review",
        submittedAt: at,
        createdAt: new Date(at.getTime() - r.int(1, 5) * 86_400_000),
        updatedAt: new Date(Date.UTC(2023, 5, 10, 2, 0, 0)),
      });
    });
  });
  const appRows = await tx
    .insert(applications)
    .values(appValues)
    .returning({ id: applications.id, organizationId: applications.organizationId, authorId: applications.authorId, lang: applications.lang });

  const demandValues: (typeof demands.$inferInsert)[] = [];
  for (const [i, d] of HAINA_DEMANDS.entries()) {
    const english = r.chance(0.15);
    const text = english ? d.en : d.zh;
    let authorId: number | null = null;
    let organizationId: number | null = null;
    if (d.raisedBy === "resident") {
      authorId = i === 0 && demoResident ? demoResident.id : (residentRows.length ? r.pick(residentRows).id : null);
    } else if (d.organization) {
      organizationId = orgIds.get(d.organization) ?? null;
      authorId = d.raisedBy === "company" && organizationId ? authorOf(organizationId) : await staffOf(d.organization);
    }
    const at = new Date(Date.UTC(2023, 2, 3, 1, 0, 0) + i * 5 * 86_400_000 + r.int(0, 600) * 60_000);
    demandValues.push({
      campaignId: campaign.id,
      ref: `haina-demand-${String(i + 1).padStart(3, "0")}`,
      title: text.title,
      description: text.description,
      lang: english ? "en" : "zh-CN",
      domain: d.domain,
      subdistrictId: placeId,
      raisedBy: d.raisedBy,
      authorId,
      organizationId,
      status: "in_review",
      supportCount: 0,
      submittedAt: at,
      createdAt: at,
      updatedAt: new Date(Date.UTC(2023, 5, 10, 2, 0, 0)),
    });
  }
  const demandRows = await tx
    .insert(demands)
    .values(demandValues)
    .returning({ id: demands.id, organizationId: demands.organizationId, authorId: demands.authorId, lang: demands.lang });
  await tx.insert(searchOutbox).values([
    ...appRows.map((a) => ({ entityType: "application" as const, entityId: a.id })),
    ...demandRows.map((d) => ({ entityType: "demand" as const, entityId: d.id })),
  ]);
  step(200, "Haina items");

  const items: Item[] = [
    ...appRows.map((a) => ({ itemType: "application" as const, id: a.id, organizationId: a.organizationId, authorId: a.authorId, lang: a.lang, quality: 0.4 + r.next() * 0.5 })),
    ...demandRows.map((d) => ({ itemType: "demand" as const, id: d.id, organizationId: d.organizationId, authorId: d.authorId, lang: d.lang, quality: 0.45 + r.next() * 0.45 })),
  ];

  // Assignments by the real algorithm; then two recusals, each reassigned.
  const loads = new Map<number, number>();
  const planned = plan(items, reviewers, campaign.id, loads);
  const demoReviewerEmail = DEMO_ACCOUNTS.find((a) => a.role === "reviewer")!.email;
  const demoReviewer = reviewers.find((x) => x.email === demoReviewerEmail);
  const itemOf = new Map(items.map((i) => [`${i.itemType}:${i.id}`, i]));
  type Planned = { itemType: ItemType; itemId: number; reviewerId: number; status: "assigned" | "submitted" | "recused"; recusalReason?: string; at: Date };
  const rows: Planned[] = planned.map((p) => ({ ...p, status: "assigned", at: new Date(HAINA_ASSIGNED) }));
  const recusals: Planned[] = [];
  const conflicts: (typeof reviewerConflicts.$inferInsert)[] = [];
  // Two applications whose (non-demo) reviewer steps aside.
  const candidates = rows.filter((x) => x.itemType === "application" && x.reviewerId !== demoReviewer?.id);
  for (const [n, victim] of [candidates[5], candidates[40]].filter(Boolean).entries()) {
    const item = itemOf.get(`${victim.itemType}:${victim.itemId}`)!;
    victim.status = "recused";
    victim.recusalReason = RECUSAL_REASONS[n % RECUSAL_REASONS.length];
    victim.at = new Date(HAINA_ASSIGNED + (n + 2) * 86_400_000);
    recusals.push(victim);
    if (item.organizationId !== null) {
      conflicts.push({ reviewerId: victim.reviewerId, organizationId: item.organizationId, reason: victim.recusalReason, createdAt: victim.at });
    }
    loads.set(victim.reviewerId, (loads.get(victim.reviewerId) ?? 1) - 1);
    const on = rows.filter((x) => x.itemType === item.itemType && x.itemId === item.id);
    const reviewerWith = (x: Reviewer): AssignReviewer =>
      item.organizationId !== null && x.id === victim.reviewerId ? { ...x, conflictOrganizationIds: [...x.conflictOrganizationIds, item.organizationId] } : x;
    const replacement = planAssignments({
      k: K,
      seed: campaign.id,
      reviewers: reviewers.map((x) => ({ ...reviewerWith(x), load: loads.get(x.id) ?? 0 })),
      items: [
        {
          key: `${item.itemType}:${item.id}`,
          organizationId: item.organizationId,
          authorId: item.authorId,
          activeReviewerIds: on.filter((x) => x.status !== "recused").map((x) => x.reviewerId),
          recusedReviewerIds: on.filter((x) => x.status === "recused").map((x) => x.reviewerId),
        },
      ],
    }).assignments[0];
    if (replacement) {
      loads.set(replacement.reviewerId, (loads.get(replacement.reviewerId) ?? 0) + 1);
      rows.push({ itemType: item.itemType, itemId: item.id, reviewerId: replacement.reviewerId, status: "assigned", at: victim.at });
    }
  }
  // Sanity: the plan never breaks the conflict rule.
  for (const row of rows) {
    const item = itemOf.get(`${row.itemType}:${row.itemId}`)!;
    const reviewer = reviewers.find((x) => x.id === row.reviewerId)!;
    const rule = exclusionReason(reviewer, { organizationId: item.organizationId, authorId: item.authorId, activeReviewerIds: [], recusedReviewerIds: [] });
    if (rule) throw new Error(`seedReviewDemo: ${row.reviewerId} may not review ${row.itemType} ${row.itemId} (${rule})`);
  }

  // About half the reviews submitted. The demo reviewer has submitted a third
  // of theirs and has pending items whose other reviewers have submitted.
  const demoItems = new Set(rows.filter((x) => x.reviewerId === demoReviewer?.id).map((x) => `${x.itemType}:${x.itemId}`));
  let demoCount = 0;
  for (const row of rows) {
    if (row.status === "recused") continue;
    const key = `${row.itemType}:${row.itemId}`;
    const submit =
      row.reviewerId === demoReviewer?.id ? demoCount++ % 3 === 0 : demoItems.has(key) ? r.chance(0.8) : r.chance(0.45);
    if (submit) row.status = "submitted";
  }
  const inserted = await insertAssignments(tx, campaign.id, rows);
  const biasOf = new Map(reviewers.map((x) => [x.id, x.bias]));
  const reviewRows: ReviewRow[] = [];
  const submittedPerItem = new Map<string, number>();
  const audits: (typeof auditLog.$inferInsert)[] = [];
  const phrasesOf = usedPhrases();
  inserted.forEach((a, i) => {
    const row = rows[i];
    const item = itemOf.get(`${a.itemType}:${a.itemId}`)!;
    audits.push({
      actorId: null,
      action: "review.assign",
      entityType: "review_assignment",
      entityId: a.id,
      toStatus: "assigned",
      data: { campaignId: campaign.id, itemType: a.itemType, itemId: a.itemId, reviewerId: a.reviewerId, auto: true, source: "seed" },
      createdAt: row.at,
    });
    if (row.status === "recused") {
      audits.push({
        actorId: a.reviewerId,
        action: "review.recuse",
        entityType: "review_assignment",
        entityId: a.id,
        fromStatus: "assigned",
        toStatus: "recused",
        reason: row.recusalReason ?? null,
        data: { campaignId: campaign.id, itemType: a.itemType, itemId: a.itemId, organizationId: item.organizationId },
        createdAt: row.at,
      });
    }
    if (row.status !== "submitted") return;
    const s = scoresFor(r, HAINA_RUBRIC, item.quality, biasOf.get(a.reviewerId)!, r.chance(0.04) ? -0.3 : 0);
    const w = weightedScore(HAINA_RUBRIC, s);
    const at = new Date(HAINA_ASSIGNED + r.int(1, 10 * 24 * 60) * 60_000);
    reviewRows.push({
      assignmentId: a.id,
      scores: s,
      comments: commentsFor(r, HAINA_RUBRIC, s, item.lang, phrasesOf(`${a.itemType}:${a.itemId}`)),
      overallComment: overallFor(r, w, item.lang, phrasesOf(`${a.itemType}:${a.itemId}`)),
      weightedScore: w,
      submittedAt: at,
      createdAt: at,
      updatedAt: at,
    });
    audits.push({
      actorId: a.reviewerId,
      action: "review.submit",
      entityType: "review_assignment",
      entityId: a.id,
      fromStatus: "assigned",
      toStatus: "submitted",
      data: { campaignId: campaign.id, itemType: a.itemType, itemId: a.itemId, weightedScore: w },
      createdAt: at,
    });
    const key = `${a.itemType}:${a.itemId}`;
    submittedPerItem.set(key, (submittedPerItem.get(key) ?? 0) + 1);
  });
  await insertReviews(tx, reviewRows, step);
  if (conflicts.length) await tx.insert(reviewerConflicts).values(conflicts).onConflictDoNothing();

  // Items with k submitted reviews are scored (the lifecycle move `complete`, by the system).
  const scored = [...submittedPerItem].filter(([, n]) => n >= K).map(([key]) => itemOf.get(key)!);
  const completeAt = new Date(HAINA_ASSIGNED + 11 * 86_400_000);
  for (const itemType of ["application", "demand"] as const) {
    const ids = scored.filter((i) => i.itemType === itemType).map((i) => i.id);
    if (ids.length === 0) continue;
    const table = itemType === "demand" ? demands : applications;
    await tx.update(table).set({ status: "scored", version: sql`${table.version} + 1` }).where(inArray(table.id, ids));
    for (const id of ids) {
      audits.push({ actorId: null, action: `${itemType}.complete`, entityType: itemType, entityId: id, fromStatus: "in_review", toStatus: "scored", createdAt: completeAt });
    }
    await tx.insert(searchOutbox).values(ids.map((entityId) => ({ entityType: itemType, entityId })));
  }
  for (const batch of chunks(audits)) await tx.insert(auditLog).values(batch);

  // Each reviewer was told about their Haina items (in-app; no e-mail for seeded history).
  const perReviewer = new Map<number, number>();
  for (const row of rows) perReviewer.set(row.reviewerId, (perReviewer.get(row.reviewerId) ?? 0) + 1);
  if (perReviewer.size) {
    await tx.insert(notifications).values(
      [...perReviewer].map(([userId, n]) => ({
        userId,
        kind: "reviewAssigned",
        params: { n, campaignZh: campaign.titleZh, campaignEn: campaign.titleEn },
        link: "/review",
        createdAt: new Date(HAINA_ASSIGNED),
      })),
    );
  }
  step(K * items.length - reviewRows.length, "Haina reviews");

  return {
    applications: appRows.length,
    demands: demandRows.length,
    assignments: inserted.length,
    submitted: reviewRows.length,
    recused: recusals.length,
    scored: scored.length,
  };
}
