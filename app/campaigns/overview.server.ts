/**
 * The programme at a glance, for the home page: the current campaign and its
 * stage, the other campaigns under way, the published lists, the headline
 * numbers, the latest public demands and the ten subdistricts and towns.
 * A fixed number of small queries whatever the data size.
 *
 * The headline numbers are programme totals over every campaign, and only
 * what may be published:
 *   - submitted: items that reached submission — never drafts, never those
 *     their author withdrew; those turned down at screening still count (they
 *     were received, and the figure shows no item);
 *   - shortlisted: items that reached a shortlist — shortlisted or selected
 *     now, or cut after being shortlisted (the audit trail says so);
 *   - selected: items on a published list (`selected`);
 *   - matched: demands with at least one confirmed match (accepted, piloting
 *     or deployed) that the public may see — the same rule as the subdistrict
 *     boards (matchVisibleTo of the public); with the number of those matches;
 *   - piloting: public matches whose pilot is under way; deployed alongside.
 * These are the totals of app/stats/stats.server.ts (`programmeStats`) for the
 * whole programme, counted here in three small queries rather than the
 * statistics page's eight; tests/integration/home/overview.test.ts checks
 * that the two agree.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";

import { rowsOf, type Database } from "../../db/client";
import type { CampaignStage, Domain, ItemStatus, Role } from "../../db/enums";
import { applications, auditLog, campaigns, demands, matches, subdistricts } from "../../db/schema";
import { can } from "../auth/permissions";
import { matchVisibleTo, NO_SCOPE } from "../matching/scope.server";
import { publishedCampaigns, type PublishedCampaign } from "../review/lists.server";
import { publicDemand } from "../visibility/visibility.server";

/** Statuses of an item that was submitted and not withdrawn. */
export const SUBMITTED_STATUSES: readonly ItemStatus[] = [
  "submitted",
  "in_review",
  "scored",
  "shortlisted",
  "selected",
  "not_shortlisted",
  "rejected",
];
export const SHORTLISTED_STATUSES: readonly ItemStatus[] = ["shortlisted", "selected"];

/** How many of the newest public demands the home page shows. */
export const LATEST_DEMANDS = 6;

const DAY = 86_400_000;

/** Stages in which a campaign is still being worked on (before its lists are out). */
const UNDER_WAY: readonly CampaignStage[] = ["collecting", "screening", "reviewing", "shortlisting"];

export type OverviewCampaign = {
  slug: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  stage: CampaignStage;
  opensAt: string;
  closesAt: string;
  /** Whole days until submissions close, while collecting and not yet past the date; else null. */
  daysLeft: number | null;
  applicationQuota: number;
  demandQuota: number;
};

export type ItemCounts = { submitted: number; shortlisted: number; selected: number };

export type HeadlineNumbers = {
  demands: ItemCounts;
  applications: ItemCounts;
  /** Demands with a public confirmed match (accepted, piloting or deployed). */
  matchedDemands: number;
  /** Those public confirmed matches (a demand may have more than one). */
  confirmedMatches: number;
  /** Public matches in the `piloting` stage. */
  piloting: number;
  /** Public matches in the `deployed` stage. */
  deployed: number;
};

export type LatestDemand = {
  id: number;
  title: string;
  lang: string;
  domain: Domain;
  supportCount: number;
  submittedAt: string;
  subdistrict: { slug: string; nameZh: string; nameEn: string };
};

export type Place = { slug: string; nameZh: string; nameEn: string; kind: "subdistrict" | "town"; demands: number };

export type ProgrammeOverview = {
  /** The campaign the home page features: the newest taking submissions, else the newest under way, else the newest. */
  campaign: OverviewCampaign | null;
  /** Other campaigns not yet published, newest first. */
  otherUnderWay: OverviewCampaign[];
  lists: PublishedCampaign[];
  numbers: HeadlineNumbers;
  latestDemands: LatestDemand[];
  subdistricts: Place[];
};

type CampaignRow = typeof campaigns.$inferSelect;

function presentCampaign(c: CampaignRow, now: Date): OverviewCampaign {
  const open = c.stage === "collecting" && c.closesAt.getTime() > now.getTime();
  return {
    slug: c.slug,
    titleZh: c.titleZh,
    titleEn: c.titleEn,
    descriptionZh: c.descriptionZh,
    descriptionEn: c.descriptionEn,
    stage: c.stage,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    daysLeft: open ? Math.ceil((c.closesAt.getTime() - now.getTime()) / DAY) : null,
    applicationQuota: c.applicationQuota,
    demandQuota: c.demandQuota,
  };
}

/** The featured campaign among all of them (newest first). */
export function featuredCampaign<T extends { stage: CampaignStage }>(newestFirst: readonly T[]): T | null {
  return (
    newestFirst.find((c) => c.stage === "collecting") ??
    newestFirst.find((c) => UNDER_WAY.includes(c.stage)) ??
    newestFirst[0] ??
    null
  );
}

type ItemKind = "demand" | "application";

/** How many items of each kind are in each status: one grouped pass over each table. */
function statusCountsSql() {
  return sql`
    select 'demand' as kind, ${demands.status} as status, count(*)::int as n from ${demands} group by ${demands.status}
    union all
    select 'application', ${applications.status}, count(*)::int from ${applications} group by ${applications.status}`;
}

/**
 * Items now not shortlisted that had been on the shortlist: the audit trail
 * holds their `shortlist` move, or their `cut` from `shortlisted`. Read from
 * those few audit rows, not by probing the trail of every item.
 */
function cutFromShortlistSql() {
  const part = (kind: ItemKind) => {
    const table = kind === "demand" ? demands : applications;
    return sql`
      select ${kind}::text as kind, count(distinct ${auditLog.entityId})::int as n
      from ${auditLog} join ${table} on ${table.id} = ${auditLog.entityId}
      where ${auditLog.entityType} = ${kind} and ${table.status} = 'not_shortlisted'
        and (${auditLog.action} = ${`${kind}.shortlist`} or (${auditLog.action} = ${`${kind}.cut`} and ${auditLog.fromStatus} = 'shortlisted'))`;
  };
  return sql`${part("demand")} union all ${part("application")}`;
}

/** The headline numbers (programme totals), in three queries. */
export async function headlineNumbers(db: Database): Promise<HeadlineNumbers> {
  const [statusResult, cutResult, [matchRow]] = await Promise.all([
    db.execute(statusCountsSql()),
    db.execute(cutFromShortlistSql()),
    db
      .select({
        matchedDemands: sql<number>`count(distinct ${matches.demandId})::int`,
        confirmedMatches: sql<number>`count(*)::int`,
        piloting: sql<number>`count(*) filter (where ${eq(matches.stage, "piloting")})::int`,
        deployed: sql<number>`count(*) filter (where ${eq(matches.stage, "deployed")})::int`,
      })
      .from(matches)
      .innerJoin(demands, eq(demands.id, matches.demandId))
      .innerJoin(applications, eq(applications.id, matches.applicationId))
      .where(matchVisibleTo(null, NO_SCOPE)),
  ]);
  const statusRows = rowsOf<{ kind: ItemKind; status: ItemStatus; n: number }>(statusResult);
  const cutRows = rowsOf<{ kind: ItemKind; n: number }>(cutResult);
  const countsOf = (kind: ItemKind): ItemCounts => {
    const inStatus = (statuses: readonly ItemStatus[]) =>
      statusRows.filter((r) => r.kind === kind && statuses.includes(r.status)).reduce((total, r) => total + Number(r.n), 0);
    return {
      submitted: inStatus(SUBMITTED_STATUSES),
      shortlisted: inStatus(SHORTLISTED_STATUSES) + Number(cutRows.find((r) => r.kind === kind)?.n ?? 0),
      selected: inStatus(["selected"]),
    };
  };
  return {
    demands: countsOf("demand"),
    applications: countsOf("application"),
    matchedDemands: Number(matchRow?.matchedDemands ?? 0),
    confirmedMatches: Number(matchRow?.confirmedMatches ?? 0),
    piloting: Number(matchRow?.piloting ?? 0),
    deployed: Number(matchRow?.deployed ?? 0),
  };
}

/** The newest demands the public may see, newest first (the order of /demands). */
export async function latestPublicDemands(db: Database, limit = LATEST_DEMANDS): Promise<LatestDemand[]> {
  const rows = await db
    .select({
      id: demands.id,
      title: demands.title,
      lang: demands.lang,
      domain: demands.domain,
      supportCount: demands.supportCount,
      submittedAt: demands.submittedAt,
      createdAt: demands.createdAt,
      slug: subdistricts.slug,
      nameZh: subdistricts.nameZh,
      nameEn: subdistricts.nameEn,
    })
    .from(demands)
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .where(publicDemand)
    .orderBy(desc(sql`coalesce(${demands.submittedAt}, ${demands.createdAt})`), desc(demands.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    lang: r.lang,
    domain: r.domain,
    supportCount: r.supportCount,
    submittedAt: (r.submittedAt ?? r.createdAt).toISOString(),
    subdistrict: { slug: r.slug, nameZh: r.nameZh, nameEn: r.nameEn },
  }));
}

/** The subdistricts and towns in their usual order, each with its number of public demands. */
async function placesWithDemands(db: Database): Promise<Place[]> {
  const rows = await db
    .select({
      slug: subdistricts.slug,
      nameZh: subdistricts.nameZh,
      nameEn: subdistricts.nameEn,
      kind: subdistricts.kind,
      demands: sql<number>`count(${demands.id})::int`,
    })
    .from(subdistricts)
    .leftJoin(demands, and(eq(demands.subdistrictId, subdistricts.id), publicDemand))
    .groupBy(subdistricts.id)
    .orderBy(asc(subdistricts.sortOrder), asc(subdistricts.id));
  return rows.map((r) => ({ ...r, demands: Number(r.demands) }));
}

export async function programmeOverview(db: Database, opts: { now?: Date } = {}): Promise<ProgrammeOverview> {
  const now = opts.now ?? new Date();
  const [campaignRows, lists, numbers, latestDemands, places] = await Promise.all([
    db.select().from(campaigns).orderBy(desc(campaigns.opensAt), desc(campaigns.id)),
    publishedCampaigns(db),
    headlineNumbers(db),
    latestPublicDemands(db),
    placesWithDemands(db),
  ]);
  const featured = featuredCampaign(campaignRows);
  return {
    campaign: featured ? presentCampaign(featured, now) : null,
    otherUnderWay: campaignRows.filter((c) => c !== featured && UNDER_WAY.includes(c.stage)).map((c) => presentCampaign(c, now)),
    lists,
    numbers,
    latestDemands,
    subdistricts: places,
  };
}

// ─── What the visitor is invited to do ──────────────────────────────────────

export type HomeAction =
  | "signup"
  | "raiseNeed"
  | "offerSolution"
  | "submitApplication"
  | "respondToDemands"
  | "intake"
  | "supportDemands"
  | "mySubmissions"
  | "review"
  | "runCampaigns"
  | "manageUsers"
  | "browseDemands"
  | "browseLists";

export const HOME_ACTION_PATHS: Record<HomeAction, string> = {
  signup: "/signup",
  raiseNeed: "/demands/new",
  offerSolution: "/applications/new",
  submitApplication: "/applications/new",
  respondToDemands: "/demands",
  intake: "/intake/new",
  supportDemands: "/demands?sort=supported",
  mySubmissions: "/my",
  review: "/review",
  runCampaigns: "/official/campaigns",
  manageUsers: "/admin/users",
  browseDemands: "/demands",
  browseLists: "/lists",
};

/**
 * The calls to action for this visitor, most important first (at most
 * three): what their roles let them do, and submitting only while a campaign
 * takes submissions. Anonymous visitors are invited to raise a need, offer a
 * solution (both pages ask them to sign in first) or sign up.
 */
export function homeActions(user: { roles: readonly Role[] } | null, collecting: boolean): HomeAction[] {
  if (!user) return collecting ? ["raiseNeed", "offerSolution", "signup"] : ["signup", "browseDemands", "browseLists"];
  const actions: HomeAction[] = [];
  if (can(user, "manage:campaign:any")) actions.push("runCampaigns");
  if (can(user, "review:item:assigned")) actions.push("review");
  if (can(user, "manage:roles:any")) actions.push("manageUsers");
  if (can(user, "create:application:own")) {
    // A firm: its applications first, then the needs it may answer.
    if (collecting) actions.push("submitApplication");
    actions.push("respondToDemands", "mySubmissions");
  } else if (can(user, "create:demand:on-behalf")) {
    // A community worker: registering needs for residents who cannot use the site.
    if (collecting) actions.push("intake", "raiseNeed");
    actions.push("mySubmissions");
  } else if (can(user, "create:demand:own") && !can(user, "manage:campaign:any")) {
    if (collecting) actions.push("raiseNeed");
    actions.push("supportDemands", "mySubmissions");
  }
  if (actions.length === 0) actions.push("browseDemands", "browseLists");
  return actions.slice(0, 3);
}
