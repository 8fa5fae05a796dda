/**
 * The programme in numbers, as the public may see them: for each campaign the
 * funnel from submission to selection and the progress of its review; public
 * items by domain, subdistrict and technology; how long submitters wait for a
 * first response; public matches by pipeline stage. One plain, serialisable
 * object read by the statistics page and the JSON API, computed in a fixed
 * number of grouped queries (eight) whatever the data size.
 *
 * Two kinds of number, two rules (the visibility rule is app/visibility):
 *   - Programme totals — the funnel, review progress and the screening times
 *     of applications — count every submitted item, as the district publishes
 *     them ("about 500 applications received, 100 selected"). They are counts
 *     only: no title, author or organisation ever comes out of them. Drafts
 *     and withdrawn items (their author took them back) never count.
 *   - Everything that describes items — domain, subdistrict, technology —
 *     and everything about demands' responses and matches counts only what an
 *     anonymous visitor may see: `publicDemand`, `publicApplication`, and the
 *     confirmed match stages (`PUBLIC_STAGES`) between public items.
 */
import { and, asc, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import { rowsOf } from "../../db/client";
import { DOMAINS, type Domain } from "../../db/enums";
import {
  applications,
  applicationTags,
  auditLog,
  campaigns,
  demands,
  demandTags,
  matches,
  reviewAssignments,
  reviews,
  subdistricts,
  tags,
  vendorResponses,
} from "../../db/schema";
import { matchVisibleTo, NO_SCOPE, PUBLIC_STAGES } from "../matching/scope.server";
import { publicApplication, publicDemand } from "../visibility/visibility.server";

import {
  FUNNEL_STAGES,
  RESPONSE_BUCKETS,
  type CampaignStats,
  type CampaignSummary,
  type FunnelCounts,
  type ProgrammeStats,
  type ResponseTimes,
  type ReviewCounts,
  type StatusCounts,
} from "./definitions";

export type { CampaignStats, CampaignSummary, FunnelCounts, ProgrammeStats, ResponseTimes, ReviewCounts, StatusCounts } from "./definitions";
export { CURRENT_STATUSES, FUNNEL_STAGES, RESPONSE_BUCKETS } from "./definitions";

/*
 * The funnel's stages (FUNNEL_STAGES in definitions.ts), each counting the
 * items that reached it, not only those there now:
 *   - submitted: every item submitted to the campaign, except drafts and
 *     withdrawn items;
 *   - passedScreening: every item that got past screening — any status after
 *     `submitted` other than `rejected` (not_shortlisted can only be reached
 *     from review, see app/workflow/lifecycle.ts);
 *   - scored: status scored, shortlisted or selected; or not shortlisted after
 *     being scored — the audit trail shows it was completed, shortlisted or
 *     cut from scored or shortlisted, or it holds the campaign's full set of
 *     submitted reviews (lists loaded without an audit trail keep their reviews);
 *   - shortlisted: status shortlisted or selected; or not shortlisted after
 *     being shortlisted (audit trail: shortlisted, or cut from shortlisted);
 *   - selected: status selected.
 */

type ItemKey = "applications" | "demands";
const itemKey = (itemType: string): ItemKey => (itemType === "demand" ? "demands" : "applications");

const zeroFunnel = (): FunnelCounts => ({ submitted: 0, passedScreening: 0, scored: 0, shortlisted: 0, selected: 0 });
const zeroStatus = (): StatusCounts => ({ awaitingScreening: 0, inReview: 0, scored: 0, shortlisted: 0, selected: 0, notShortlisted: 0, rejected: 0 });
const zeroReview = (): ReviewCounts => ({ assignments: 0, done: 0, pending: 0, recused: 0, reviews: 0, itemsComplete: 0, itemsToReview: 0 });

const n = (value: unknown) => Number(value ?? 0);
const days = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

/**
 * The statistics of the whole programme, or of one campaign (by slug).
 * Null when `campaignSlug` names no campaign.
 */
export async function programmeStats(db: Database, options: { campaignSlug?: string } = {}): Promise<ProgrammeStats | null> {
  const campaignRows = await db.select().from(campaigns).orderBy(sql`${campaigns.opensAt} desc`, asc(campaigns.id));
  const summaries = campaignRows.map(
    (c): CampaignSummary & { id: number } => ({
      id: c.id,
      slug: c.slug,
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      stage: c.stage,
      opensAt: c.opensAt.toISOString(),
      closesAt: c.closesAt.toISOString(),
      applicationQuota: c.applicationQuota,
      demandQuota: c.demandQuota,
      reviewersPerItem: c.reviewersPerItem,
    }),
  );
  const chosen = options.campaignSlug === undefined ? null : summaries.find((c) => c.slug === options.campaignSlug);
  if (chosen === undefined) return null;
  const inScope = chosen ? [chosen] : summaries;
  const inCampaign = (column: AnyColumn): SQL => (chosen ? sql`${column} = ${chosen.id}` : sql`true`);

  const [items, review, domains, places, technologies, responses, stages] = await Promise.all([
    funnelRows(db, inCampaign),
    reviewRows(db, inCampaign),
    domainRows(db, inCampaign),
    subdistrictRows(db, inCampaign),
    technologyRows(db, inCampaign),
    responseRows(db, inCampaign),
    matchStageRows(db, inCampaign),
  ]);

  const perCampaign = new Map(
    inScope.map((c) => [
      c.id,
      {
        funnel: { applications: zeroFunnel(), demands: zeroFunnel() },
        status: { applications: zeroStatus(), demands: zeroStatus() },
        review: { applications: zeroReview(), demands: zeroReview() },
      },
    ]),
  );
  for (const r of items) {
    const entry = perCampaign.get(Number(r.campaign_id));
    if (!entry) continue;
    const key = itemKey(r.item_type);
    entry.funnel[key] = {
      submitted: n(r.submitted),
      passedScreening: n(r.passed),
      scored: n(r.scored),
      shortlisted: n(r.shortlisted),
      selected: n(r.selected),
    };
    entry.status[key] = {
      awaitingScreening: n(r.now_submitted),
      inReview: n(r.now_in_review),
      scored: n(r.now_scored),
      shortlisted: n(r.now_shortlisted),
      selected: n(r.selected),
      notShortlisted: n(r.now_not_shortlisted),
      rejected: n(r.now_rejected),
    };
    entry.review[key].itemsComplete = n(r.items_complete);
    entry.review[key].itemsToReview = n(r.passed);
  }
  for (const r of review) {
    const entry = perCampaign.get(Number(r.campaign_id));
    if (!entry) continue;
    const counts = entry.review[itemKey(r.item_type)];
    Object.assign(counts, { assignments: n(r.assignments), done: n(r.done), pending: n(r.pending), recused: n(r.recused), reviews: n(r.reviews) });
  }

  const campaignStats: CampaignStats[] = inScope.map(({ id, ...summary }) => ({ ...summary, ...perCampaign.get(id)! }));
  const sumFunnel = (key: ItemKey) =>
    campaignStats.reduce((total, c) => {
      for (const stage of FUNNEL_STAGES) total[stage] += c.funnel[key][stage];
      return total;
    }, zeroFunnel());

  const stageCount = new Map(stages.map((r) => [r.stage, n(r.count)]));
  const matchesByStage = PUBLIC_STAGES.map((stage) => ({ stage, count: stageCount.get(stage) ?? 0 }));

  const domainCount = new Map(domains.map((r) => [`${r.item_type}:${r.domain}`, n(r.count)]));
  const strip = ({ id: _id, ...summary }: CampaignSummary & { id: number }): CampaignSummary => summary;

  return {
    asOf: new Date().toISOString(),
    campaign: chosen ? strip(chosen) : null,
    campaignOptions: summaries.map(strip),
    totals: {
      applications: sumFunnel("applications"),
      demands: sumFunnel("demands"),
      matched: matchesByStage.reduce((total, s) => total + s.count, 0),
      piloting: stageCount.get("piloting") ?? 0,
      deployed: stageCount.get("deployed") ?? 0,
    },
    campaigns: campaignStats,
    byDomain: DOMAINS.map((domain) => ({
      domain,
      demands: domainCount.get(`demand:${domain}`) ?? 0,
      applications: domainCount.get(`application:${domain}`) ?? 0,
    })),
    bySubdistrict: places.map((p) => ({
      slug: p.slug,
      nameZh: p.name_zh,
      nameEn: p.name_en,
      kind: p.kind,
      demands: n(p.demands),
      selectedDemands: n(p.selected),
    })),
    byTechnology: technologies.map((t) => ({ slug: t.slug, nameZh: t.name_zh, nameEn: t.name_en, demands: n(t.demands), applications: n(t.applications) })),
    responseTimes: {
      demands: responseTimesOf(responses.find((r) => r.item_type === "demand")),
      applications: responseTimesOf(responses.find((r) => r.item_type === "application")),
    },
    matchesByStage,
  };
}

type InCampaign = (column: AnyColumn) => SQL;

/** Not yet submitted, or taken back by the author: never part of the programme's numbers. */
const NOT_IN_PROGRAMME = sql.raw(`('draft', 'withdrawn')`);

/**
 * Funnel and current status per campaign and item type: one query over both
 * tables, joined by hash to the per-item counts of submitted reviews and to
 * the audit trail's evidence of the stages reached (no per-item subqueries,
 * so the cost grows with the data, not with the data times an index lookup).
 */
async function funnelRows(db: Database, inCampaign: InCampaign) {
  const item = (itemType: "demand" | "application") => {
    const table = itemType === "demand" ? demands : applications;
    return sql`
      select ${itemType}::text as item_type, ${table.id} as id, ${table.campaignId} as campaign_id, ${table.status} as status
      from ${table}
      where ${table.status} not in ${NOT_IN_PROGRAMME} and ${inCampaign(table.campaignId)}`;
  };
  const stageMoves = ["complete", "shortlist", "cut"].flatMap((move) => [`demand.${move}`, `application.${move}`]);
  return rowsOf<{
    item_type: string;
    campaign_id: number;
    submitted: number;
    passed: number;
    scored: number;
    shortlisted: number;
    selected: number;
    now_submitted: number;
    now_in_review: number;
    now_scored: number;
    now_shortlisted: number;
    now_not_shortlisted: number;
    now_rejected: number;
    items_complete: number;
  }>(
    await db.execute(sql`
      with items as (${item("demand")} union all ${item("application")}),
      reviewed as (
        select ${reviewAssignments.itemType} as item_type,
          coalesce(${reviewAssignments.demandId}, ${reviewAssignments.applicationId}) as item_id,
          count(*) as done
        from ${reviewAssignments}
        where ${reviewAssignments.status} = 'submitted' and ${inCampaign(reviewAssignments.campaignId)}
        group by 1, 2
      ),
      evidence as (
        select ${auditLog.entityType} as item_type, ${auditLog.entityId} as item_id,
          bool_or(${auditLog.action} like '%.complete' or ${auditLog.action} like '%.shortlist'
            or (${auditLog.action} like '%.cut' and ${auditLog.fromStatus} in ('scored', 'shortlisted'))) as scored,
          bool_or(${auditLog.action} like '%.shortlist' or (${auditLog.action} like '%.cut' and ${auditLog.fromStatus} = 'shortlisted')) as shortlisted
        from ${auditLog}
        where ${auditLog.action} in (${sql.join(
          stageMoves.map((a) => sql`${a}`),
          sql`, `,
        )})
        group by 1, 2
      ),
      flagged as (
        select i.item_type, i.campaign_id, i.status,
          coalesce(r.done, 0) >= c.reviewers_per_item as complete,
          i.status = 'not_shortlisted' and (coalesce(r.done, 0) >= c.reviewers_per_item or coalesce(e.scored, false)) as reached_scored,
          i.status = 'not_shortlisted' and coalesce(e.shortlisted, false) as reached_shortlisted
        from items i
        join ${campaigns} c on c.id = i.campaign_id
        left join reviewed r on r.item_type = i.item_type and r.item_id = i.id
        left join evidence e on e.item_type = i.item_type and e.item_id = i.id
      )
      select item_type, campaign_id,
        count(*)::int as submitted,
        count(*) filter (where status not in ('submitted', 'rejected'))::int as passed,
        count(*) filter (where status in ('scored', 'shortlisted', 'selected') or reached_scored)::int as scored,
        count(*) filter (where status in ('shortlisted', 'selected') or reached_shortlisted)::int as shortlisted,
        count(*) filter (where status = 'selected')::int as selected,
        count(*) filter (where status = 'submitted')::int as now_submitted,
        count(*) filter (where status = 'in_review')::int as now_in_review,
        count(*) filter (where status = 'scored')::int as now_scored,
        count(*) filter (where status = 'shortlisted')::int as now_shortlisted,
        count(*) filter (where status = 'not_shortlisted')::int as now_not_shortlisted,
        count(*) filter (where status = 'rejected')::int as now_rejected,
        count(*) filter (where complete)::int as items_complete
      from flagged
      group by item_type, campaign_id`),
  );
}

/** Reviewer assignments and submitted reviews per campaign and item type. */
async function reviewRows(db: Database, inCampaign: InCampaign) {
  return db
    .select({
      campaign_id: reviewAssignments.campaignId,
      item_type: reviewAssignments.itemType,
      assignments: sql<number>`count(*) filter (where ${reviewAssignments.status} <> 'recused')::int`,
      done: sql<number>`count(*) filter (where ${reviewAssignments.status} = 'submitted')::int`,
      pending: sql<number>`count(*) filter (where ${reviewAssignments.status} = 'assigned')::int`,
      recused: sql<number>`count(*) filter (where ${reviewAssignments.status} = 'recused')::int`,
      reviews: sql<number>`count(${reviews.assignmentId})::int`,
    })
    .from(reviewAssignments)
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(inCampaign(reviewAssignments.campaignId))
    .groupBy(reviewAssignments.campaignId, reviewAssignments.itemType);
}

async function domainRows(db: Database, inCampaign: InCampaign) {
  return rowsOf<{ item_type: string; domain: Domain; count: number }>(
    await db.execute(sql`
      select 'demand' as item_type, ${demands.domain} as domain, count(*)::int as count
        from ${demands} where ${publicDemand} and ${inCampaign(demands.campaignId)} group by ${demands.domain}
      union all
      select 'application' as item_type, ${applications.domain} as domain, count(*)::int as count
        from ${applications} where ${publicApplication} and ${inCampaign(applications.campaignId)} group by ${applications.domain}`),
  );
}

async function subdistrictRows(db: Database, inCampaign: InCampaign) {
  return rowsOf<{ slug: string; name_zh: string; name_en: string; kind: "subdistrict" | "town"; demands: number; selected: number }>(
    await db.execute(sql`
      select ${subdistricts.slug} as slug, ${subdistricts.nameZh} as name_zh, ${subdistricts.nameEn} as name_en, ${subdistricts.kind} as kind,
        count(${demands.id})::int as demands,
        count(${demands.id}) filter (where ${demands.status} = 'selected')::int as selected
      from ${subdistricts}
      left join ${demands} on ${demands.subdistrictId} = ${subdistricts.id} and ${publicDemand} and ${inCampaign(demands.campaignId)}
      group by ${subdistricts.id}
      order by ${subdistricts.sortOrder}, ${subdistricts.id}`),
  );
}

async function technologyRows(db: Database, inCampaign: InCampaign) {
  return rowsOf<{ slug: string; name_zh: string; name_en: string; demands: number; applications: number }>(
    await db.execute(sql`
      with d as (
        select ${demandTags.tagId} as tag_id, count(*)::int as n from ${demandTags}
          join ${demands} on ${demands.id} = ${demandTags.demandId}
          where ${publicDemand} and ${inCampaign(demands.campaignId)} group by ${demandTags.tagId}
      ), a as (
        select ${applicationTags.tagId} as tag_id, count(*)::int as n from ${applicationTags}
          join ${applications} on ${applications.id} = ${applicationTags.applicationId}
          where ${publicApplication} and ${inCampaign(applications.campaignId)} group by ${applicationTags.tagId}
      )
      select ${tags.slug} as slug, ${tags.nameZh} as name_zh, ${tags.nameEn} as name_en,
        coalesce(d.n, 0)::int as demands, coalesce(a.n, 0)::int as applications
      from ${tags}
      left join d on d.tag_id = ${tags.id}
      left join a on a.tag_id = ${tags.id}
      where ${tags.kind} = 'technology'
      order by coalesce(d.n, 0) + coalesce(a.n, 0) desc, ${tags.slug}`),
  );
}

type ResponseRow = {
  item_type: string;
  responded: number;
  waiting: number;
  undated: number;
  median: number | null;
  p90: number | null;
} & Record<`b${number}`, number>;

async function responseRows(db: Database, inCampaign: InCampaign) {
  const edges = [0, ...RESPONSE_BUCKETS];
  const buckets = sql.join(
    edges.map((from, i) => {
      const to = edges[i + 1];
      const range = to === undefined ? sql`days >= ${from}` : sql`days >= ${from} and days < ${to}`;
      return sql`count(*) filter (where ${range})::int as ${sql.raw(`b${i}`)}`;
    }),
    sql`, `,
  );
  return rowsOf<ResponseRow>(
    await db.execute(sql`
      with demand_firsts as (
        select demand_id, min(at) as first_at from (
          select ${vendorResponses.demandId} as demand_id, ${vendorResponses.createdAt} as at from ${vendorResponses}
          union all
          select ${matches.demandId}, ${matches.createdAt} from ${matches}
        ) x group by demand_id
      ), application_firsts as (
        select application_id, min(at) as first_at from (
          select ${auditLog.entityId} as application_id, ${auditLog.createdAt} as at from ${auditLog}
            where ${auditLog.entityType} = 'application' and ${auditLog.action} in ('application.pass', 'application.reject')
          union all
          select ${reviewAssignments.applicationId}, ${reviewAssignments.createdAt} from ${reviewAssignments}
            where ${reviewAssignments.applicationId} is not null
        ) x group by application_id
      ), items as (
        select 'demand' as item_type, ${demands.status} as status, f.first_at,
            coalesce(${demands.submittedAt}, ${demands.createdAt}) as submitted_at
          from ${demands} left join demand_firsts f on f.demand_id = ${demands.id}
          where ${publicDemand} and ${inCampaign(demands.campaignId)}
        union all
        select 'application', ${applications.status}, f.first_at, coalesce(${applications.submittedAt}, ${applications.createdAt})
          from ${applications} left join application_firsts f on f.application_id = ${applications.id}
          where ${applications.status} not in ${NOT_IN_PROGRAMME} and ${inCampaign(applications.campaignId)}
      ), timed as (
        select item_type, status, first_at,
          case when first_at is null then null
            else greatest(0, extract(epoch from (first_at - submitted_at)))::float8 / 86400 end as days
        from items
      )
      select item_type,
        count(first_at)::int as responded,
        count(*) filter (where first_at is null and (item_type = 'demand' or status = 'submitted'))::int as waiting,
        count(*) filter (where first_at is null and item_type = 'application' and status <> 'submitted')::int as undated,
        percentile_cont(0.5) within group (order by days) as median,
        percentile_cont(0.9) within group (order by days) as p90,
        ${buckets}
      from timed
      group by item_type`),
  );
}

function responseTimesOf(row: ResponseRow | undefined): ResponseTimes {
  const edges = [0, ...RESPONSE_BUCKETS];
  return {
    responded: n(row?.responded),
    waiting: n(row?.waiting),
    undated: n(row?.undated),
    medianDays: days(row?.median),
    p90Days: days(row?.p90),
    histogram: edges.map((fromDays, i) => ({ fromDays, toDays: edges[i + 1] ?? null, count: n(row?.[`b${i}`]) })),
  };
}

async function matchStageRows(db: Database, inCampaign: InCampaign) {
  return db
    .select({ stage: matches.stage, count: sql<number>`count(*)::int` })
    .from(matches)
    .innerJoin(demands, eq(demands.id, matches.demandId))
    .innerJoin(applications, eq(applications.id, matches.applicationId))
    .where(and(matchVisibleTo(null, NO_SCOPE), inCampaign(demands.campaignId)))
    .groupBy(matches.stage);
}
