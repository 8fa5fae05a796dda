/**
 * The read side of applications: the public list with its filters, the
 * detail page, and the options and defaults of the form. Every query goes
 * through the one visibility rule; related rows of a page are loaded in one
 * query per table (no N+1).
 */
import { and, asc, count, desc, eq, exists, inArray, notInArray, sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import {
  DOMAINS,
  ITEM_STATUSES,
  MATURITIES,
  type Domain,
  type ItemStatus,
  type Maturity,
  type TagKind,
} from "../../db/enums";
import {
  applicationDemands,
  applicationDeployments,
  applications,
  applicationTags,
  campaigns,
  demands,
  memberships,
  organizations,
  subdistricts,
  tags,
} from "../../db/schema";
import type { Actor } from "~/auth/authorize.server";
import { applicationVisibleTo, demandVisibleTo, type Viewer } from "~/visibility/visibility.server";

import { isEditable, mayChange, moveOpen, viewerFor } from "./applications.server";

export const APPLICATIONS_PAGE_SIZE = 20;
/** How many demands the form offers to pick from (the most supported first; chosen ones always). */
export const DEMAND_OPTIONS_LIMIT = 300;

export type ApplicationListQuery = {
  domain?: Domain;
  technology?: string;
  maturity?: Maturity;
  organization?: string;
  status?: ItemStatus;
  page: number;
};

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const slugOf = (value: string | null) => (value && /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined);

/** Filters from the query string; anything unknown is ignored rather than an error. */
export function parseApplicationListQuery(params: URLSearchParams): ApplicationListQuery {
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    domain: oneOf(DOMAINS, params.get("domain")),
    technology: slugOf(params.get("technology")),
    maturity: oneOf(MATURITIES, params.get("maturity")),
    organization: slugOf(params.get("organization")),
    status: oneOf(ITEM_STATUSES, params.get("status")),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
  };
}

export type TagRef = { id: number; kind: TagKind; slug: string; nameZh: string; nameEn: string };

async function tagsOf(db: Database, applicationIds: number[]): Promise<Map<number, TagRef[]>> {
  const byApp = new Map<number, TagRef[]>();
  if (!applicationIds.length) return byApp;
  const rows = await db
    .select({ applicationId: applicationTags.applicationId, id: tags.id, kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
    .from(applicationTags)
    .innerJoin(tags, eq(tags.id, applicationTags.tagId))
    .where(inArray(applicationTags.applicationId, applicationIds))
    .orderBy(asc(tags.kind), asc(tags.id));
  for (const { applicationId, ...tag } of rows) {
    const list = byApp.get(applicationId) ?? [];
    list.push(tag);
    byApp.set(applicationId, list);
  }
  return byApp;
}

/** The public list (or what this viewer may see), filtered, newest submissions first, 20 a page. */
export async function listApplications(db: Database, viewer: Viewer, query: ApplicationListQuery) {
  const conditions: SQL[] = [applicationVisibleTo(viewer)];
  if (query.domain) conditions.push(eq(applications.domain, query.domain));
  if (query.maturity) conditions.push(eq(applications.maturity, query.maturity));
  if (query.status) conditions.push(eq(applications.status, query.status));
  if (query.organization) conditions.push(eq(organizations.slug, query.organization));
  if (query.technology) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(applicationTags)
          .innerJoin(tags, eq(tags.id, applicationTags.tagId))
          .where(
            and(
              eq(applicationTags.applicationId, applications.id),
              eq(tags.kind, "technology"),
              eq(tags.slug, query.technology),
            ),
          ),
      ),
    );
  }
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: count() })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / APPLICATIONS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select({
      id: applications.id,
      title: applications.title,
      summary: applications.summary,
      /** The language title and summary are written in (the page may be in the other one). */
      lang: applications.lang,
      domain: applications.domain,
      maturity: applications.maturity,
      status: applications.status,
      submittedAt: applications.submittedAt,
      organization: {
        slug: organizations.slug,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        verified: organizations.verified,
      },
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(where)
    .orderBy(sql`${applications.submittedAt} desc nulls first`, desc(applications.id))
    .limit(APPLICATIONS_PAGE_SIZE)
    .offset((page - 1) * APPLICATIONS_PAGE_SIZE);
  const tagMap = await tagsOf(db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, tags: (tagMap.get(r.id) ?? []).filter((t) => t.kind === "technology") })),
    total: Number(total),
    page,
    pageCount,
  };
}

/** What the filter form offers: the technologies and the organisations that have applications. */
export async function listFilterOptions(db: Database) {
  const [technologies, vendors] = await Promise.all([
    db
      .select({ slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
      .from(tags)
      .where(eq(tags.kind, "technology"))
      .orderBy(asc(tags.id)),
    db
      .select({ slug: organizations.slug, nameZh: organizations.nameZh, nameEn: organizations.nameEn })
      .from(organizations)
      .where(eq(organizations.kind, "vendor"))
      .orderBy(desc(organizations.verified), asc(organizations.nameZh))
      .limit(500),
  ]);
  return { technologies, vendors };
}

/** One application with everything its page shows, or null when the viewer may not see it. */
export async function getApplication(db: Database, viewer: Viewer, id: number) {
  const [row] = await db
    .select({
      application: applications,
      organization: {
        id: organizations.id,
        slug: organizations.slug,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        verified: organizations.verified,
      },
      campaign: { id: campaigns.id, slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn, stage: campaigns.stage },
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .where(and(eq(applications.id, id), applicationVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const [tagMap, deployments, addressed] = await Promise.all([
    tagsOf(db, [id]),
    db
      .select({
        id: applicationDeployments.id,
        placeName: applicationDeployments.placeName,
        since: applicationDeployments.since,
        subdistrictId: applicationDeployments.subdistrictId,
        subdistrictZh: subdistricts.nameZh,
        subdistrictEn: subdistricts.nameEn,
      })
      .from(applicationDeployments)
      .leftJoin(subdistricts, eq(subdistricts.id, applicationDeployments.subdistrictId))
      .where(eq(applicationDeployments.applicationId, id))
      .orderBy(asc(applicationDeployments.id)),
    db
      .select({
        id: demands.id,
        title: demands.title,
        status: demands.status,
        subdistrictZh: subdistricts.nameZh,
        subdistrictEn: subdistricts.nameEn,
      })
      .from(applicationDemands)
      .innerJoin(demands, eq(demands.id, applicationDemands.demandId))
      .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
      // A demand the viewer may not see is not named, even here.
      .where(and(eq(applicationDemands.applicationId, id), demandVisibleTo(viewer)))
      .orderBy(asc(demands.id)),
  ]);
  return { ...row, tags: tagMap.get(id) ?? [], deployments, demands: addressed };
}

/** What the actor may do with an application they can see. */
export function permissionsOn(
  actor: Actor | null,
  memberOf: readonly number[],
  app: { organizationId: number; status: ItemStatus },
  stage: string,
) {
  const change = !!actor && mayChange(actor, memberOf, app.organizationId);
  const editable = change && isEditable(app.status, stage);
  return {
    canEdit: editable,
    canSubmit: change && moveOpen("submit", app.status, stage),
    canWithdraw: change && moveOpen("withdraw", app.status, stage),
  };
}

/**
 * The options of the application form: open campaigns, the actor's
 * organisations, tags by kind, subdistricts, and the submitted demands the
 * actor can see (the most supported first, plus any already chosen).
 */
export async function applicationFormOptions(db: Database, actor: Actor, chosenDemandIds: number[] = []) {
  const viewer = await viewerFor(db, actor);
  const visibleSubmitted = and(demandVisibleTo(viewer), notInArray(demands.status, ["draft", "withdrawn", "rejected"]));
  const demandColumns = {
    id: demands.id,
    title: demands.title,
    subdistrictZh: subdistricts.nameZh,
    subdistrictEn: subdistricts.nameEn,
  };
  const [openCampaigns, myOrganizations, allTags, places, topDemands, chosen] = await Promise.all([
    db
      .select({ id: campaigns.id, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn })
      .from(campaigns)
      .where(eq(campaigns.stage, "collecting"))
      .orderBy(desc(campaigns.opensAt)),
    db
      .select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, actor.id))
      .orderBy(asc(organizations.nameZh)),
    db
      .select({ id: tags.id, kind: tags.kind, nameZh: tags.nameZh, nameEn: tags.nameEn })
      .from(tags)
      .orderBy(asc(tags.kind), asc(tags.id)),
    db
      .select({ id: subdistricts.id, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn })
      .from(subdistricts)
      .orderBy(asc(subdistricts.sortOrder), asc(subdistricts.id)),
    db
      .select(demandColumns)
      .from(demands)
      .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
      .where(visibleSubmitted)
      .orderBy(desc(demands.supportCount), desc(demands.id))
      .limit(DEMAND_OPTIONS_LIMIT),
    chosenDemandIds.length
      ? db
          .select(demandColumns)
          .from(demands)
          .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
          .where(and(visibleSubmitted, inArray(demands.id, chosenDemandIds)))
      : Promise.resolve([]),
  ]);
  const seen = new Set(topDemands.map((d) => d.id));
  const demandOptions = [...chosen.filter((d) => !seen.has(d.id)), ...topDemands];
  return {
    campaigns: openCampaigns,
    organizations: myOrganizations,
    tags: {
      technology: allTags.filter((t) => t.kind === "technology"),
      scenario: allTags.filter((t) => t.kind === "scenario"),
      target_group: allTags.filter((t) => t.kind === "target_group"),
    },
    subdistricts: places,
    demands: demandOptions,
  };
}

/** The form's starting values for editing (field names as the form uses them). */
export function formDefaultsOf(app: NonNullable<Awaited<ReturnType<typeof getApplication>>>) {
  const ids = (kind: TagKind) => app.tags.filter((t) => t.kind === kind).map((t) => String(t.id));
  return {
    title: app.application.title,
    summary: app.application.summary,
    description: app.application.description,
    domain: app.application.domain,
    maturity: app.application.maturity,
    costBand: app.application.costBand ?? "",
    publicFromSubmission: app.application.publicFromSubmission ? "on" : undefined,
    technologyIds: ids("technology"),
    scenarioIds: ids("scenario"),
    targetGroupIds: ids("target_group"),
    demandIds: app.demands.map((d) => String(d.id)),
    deployments: app.deployments.map((d) => ({
      place: d.subdistrictId ? String(d.subdistrictId) : "other",
      placeName: d.placeName ?? "",
      since: d.since ? d.since.slice(0, 7) : "",
    })),
  };
}
