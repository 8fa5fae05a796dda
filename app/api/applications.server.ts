/**
 * The API's read side of applications: a filtered, sorted page of the
 * applications the caller may see, and one application with where it runs
 * and the demands it addresses. Every query goes through the visibility rule
 * (`applicationVisibleTo`): the public sees selected applications, and those
 * their firm made public from submission — never drafts, withdrawn or
 * rejected ones.
 */
import { and, asc, desc, eq, exists, sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { CostBand, Domain, ItemStatus, Maturity } from "../../db/enums";
import {
  applicationDemands,
  applicationDeployments,
  applications,
  applicationTags,
  campaigns,
  demands,
  organizations,
  subdistricts,
  tags,
} from "../../db/schema";
import { applicationVisibleTo, demandVisibleTo, type Viewer } from "~/visibility/visibility.server";

import { offsetOf, pastTheEnd, type Paging } from "./params.server";
import { applicationLinks, attachmentsOf, demandLinks, iso, listPlacesOf, organizationRef, shorten, tagsOf } from "./refs.server";

export const APPLICATION_SORTS = ["newest", "oldest"] as const;

export type ApplicationFilters = {
  campaign?: string;
  domain?: Domain;
  organization?: string;
  status?: ItemStatus;
  maturity?: Maturity;
  technology?: string;
  sort: (typeof APPLICATION_SORTS)[number];
};

const columns = {
  id: applications.id,
  title: applications.title,
  lang: applications.lang,
  summary: applications.summary,
  description: applications.description,
  domain: applications.domain,
  maturity: applications.maturity,
  costBand: applications.costBand,
  status: applications.status,
  submittedAt: applications.submittedAt,
  createdAt: applications.createdAt,
  updatedAt: applications.updatedAt,
  campaign: { slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn },
  organization: { slug: organizations.slug, nameZh: organizations.nameZh, nameEn: organizations.nameEn, verified: organizations.verified },
};

type Row = {
  id: number;
  title: string;
  lang: string;
  summary: string;
  description: string;
  domain: Domain;
  maturity: Maturity;
  costBand: CostBand | null;
  status: ItemStatus;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  campaign: { slug: string; titleZh: string; titleEn: string };
  organization: { slug: string; nameZh: string; nameEn: string; verified: boolean };
};

function selectApplications(db: Database) {
  return db
    .select(columns)
    .from(applications)
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId));
}

function summaryOf(r: Row, tagMap: Awaited<ReturnType<typeof tagsOf>>) {
  return {
    id: r.id,
    title: r.title,
    lang: r.lang as "zh-CN" | "en",
    summary: shorten(r.summary),
    domain: r.domain,
    maturity: r.maturity,
    costBand: r.costBand,
    status: r.status,
    submittedAt: iso(r.submittedAt),
    updatedAt: r.updatedAt.toISOString(),
    campaign: r.campaign,
    organization: organizationRef(r.organization),
    tags: tagMap.get(r.id) ?? [],
    ...applicationLinks(r.id),
  };
}

export async function applicationPage(db: Database, viewer: Viewer, filters: ApplicationFilters, paging: Paging) {
  const conditions: SQL[] = [applicationVisibleTo(viewer)];
  if (filters.campaign) conditions.push(eq(campaigns.slug, filters.campaign));
  if (filters.domain) conditions.push(eq(applications.domain, filters.domain));
  if (filters.organization) conditions.push(eq(organizations.slug, filters.organization));
  if (filters.status) conditions.push(eq(applications.status, filters.status));
  if (filters.maturity) conditions.push(eq(applications.maturity, filters.maturity));
  if (filters.technology) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(applicationTags)
          .innerJoin(tags, eq(tags.id, applicationTags.tagId))
          .where(and(eq(applicationTags.applicationId, applications.id), eq(tags.kind, "technology"), eq(tags.slug, filters.technology))),
      ),
    );
  }
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(applications)
    .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(where);
  if (pastTheEnd(paging, Number(total))) return { total: Number(total), rows: [] };
  const when = sql`coalesce(${applications.submittedAt}, ${applications.createdAt})`;
  const order = filters.sort === "oldest" ? [asc(when), asc(applications.id)] : [desc(when), desc(applications.id)];
  const rows = await selectApplications(db)
    .where(where)
    .orderBy(...order)
    .limit(paging.perPage)
    .offset(offsetOf(paging));
  const tagMap = await tagsOf(db, "application", rows.map((r) => r.id));
  return { total: Number(total), rows: rows.map((r) => summaryOf(r, tagMap)) };
}

/** One application as the caller may see it, or null (not there, or not visible: the same answer). */
export async function applicationById(db: Database, viewer: Viewer, id: number) {
  const [row] = await selectApplications(db)
    .where(and(eq(applications.id, id), applicationVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const [tagMap, places, files, deployments, addressed] = await Promise.all([
    tagsOf(db, "application", [id]),
    listPlacesOf(db, "application", [id]),
    attachmentsOf(db, "application", id),
    db
      .select({
        placeName: applicationDeployments.placeName,
        since: applicationDeployments.since,
        slug: subdistricts.slug,
        nameZh: subdistricts.nameZh,
        nameEn: subdistricts.nameEn,
      })
      .from(applicationDeployments)
      .leftJoin(subdistricts, eq(subdistricts.id, applicationDeployments.subdistrictId))
      .where(eq(applicationDeployments.applicationId, id))
      .orderBy(asc(applicationDeployments.id)),
    db
      .select({ id: demands.id, title: demands.title, lang: demands.lang })
      .from(applicationDemands)
      .innerJoin(demands, eq(demands.id, applicationDemands.demandId))
      // A demand the caller may not see is not named, even here.
      .where(and(eq(applicationDemands.applicationId, id), demandVisibleTo(viewer)))
      .orderBy(asc(demands.id)),
  ]);
  return {
    ...summaryOf(row, tagMap),
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    deployments: deployments.map((d) => ({
      subdistrict: d.slug ? { slug: d.slug, nameZh: d.nameZh!, nameEn: d.nameEn! } : null,
      placeName: d.placeName,
      since: d.since,
    })),
    demands: addressed.map((d) => ({ id: d.id, title: d.title, lang: d.lang as "zh-CN" | "en", ...demandLinks(d.id) })),
    list: places.get(id) ?? null,
    attachments: files,
    matches: `/api/v1/matches?application=${id}`,
  };
}
