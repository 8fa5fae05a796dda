/**
 * The API's read side of demands: a filtered, sorted page of the demands the
 * caller may see, and one demand. Every query goes through the visibility
 * rule (`demandVisibleTo`): the public never gets drafts, withdrawn or
 * rejected demands. Personal data (authors, contacts, the residents behind
 * assisted intake) is never part of an answer, whoever asks.
 */
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { Domain, ItemStatus, RaisedBy } from "../../db/enums";
import { campaigns, demands, organizations, subdistricts } from "../../db/schema";
import { demandVisibleTo, type Viewer } from "~/visibility/visibility.server";

import { offsetOf, pastTheEnd, type Paging } from "./params.server";
import { attachmentsOf, demandLinks, iso, listPlacesOf, organizationRef, shorten, tagsOf } from "./refs.server";

export const DEMAND_SORTS = ["newest", "oldest", "support"] as const;

export type DemandFilters = {
  campaign?: string;
  subdistrict?: string;
  domain?: Domain;
  status?: ItemStatus;
  raisedBy?: RaisedBy;
  sort: (typeof DEMAND_SORTS)[number];
};

const columns = {
  id: demands.id,
  title: demands.title,
  lang: demands.lang,
  description: demands.description,
  domain: demands.domain,
  status: demands.status,
  raisedBy: demands.raisedBy,
  supportCount: demands.supportCount,
  submittedAt: demands.submittedAt,
  createdAt: demands.createdAt,
  updatedAt: demands.updatedAt,
  campaign: { slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn },
  subdistrict: { slug: subdistricts.slug, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn },
  orgSlug: organizations.slug,
  orgZh: organizations.nameZh,
  orgEn: organizations.nameEn,
  orgVerified: organizations.verified,
};

type Row = {
  id: number;
  title: string;
  lang: string;
  description: string;
  domain: Domain;
  status: ItemStatus;
  raisedBy: RaisedBy;
  supportCount: number;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  campaign: { slug: string; titleZh: string; titleEn: string };
  subdistrict: { slug: string; nameZh: string; nameEn: string };
  orgSlug: string | null;
  orgZh: string | null;
  orgEn: string | null;
  orgVerified: boolean | null;
};

function selectDemands(db: Database) {
  return db
    .select(columns)
    .from(demands)
    .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .leftJoin(organizations, eq(organizations.id, demands.organizationId));
}

function summaryOf(r: Row, tags: Awaited<ReturnType<typeof tagsOf>>) {
  return {
    id: r.id,
    title: r.title,
    lang: r.lang as "zh-CN" | "en",
    summary: shorten(r.description),
    domain: r.domain,
    status: r.status,
    raisedBy: r.raisedBy,
    supportCount: r.supportCount,
    submittedAt: iso(r.submittedAt),
    updatedAt: r.updatedAt.toISOString(),
    campaign: r.campaign,
    subdistrict: r.subdistrict,
    organization: r.orgSlug ? organizationRef({ slug: r.orgSlug, nameZh: r.orgZh!, nameEn: r.orgEn!, verified: !!r.orgVerified }) : null,
    tags: tags.get(r.id) ?? [],
    ...demandLinks(r.id),
  };
}

export async function demandPage(db: Database, viewer: Viewer, filters: DemandFilters, paging: Paging) {
  const conditions: SQL[] = [demandVisibleTo(viewer)];
  if (filters.campaign) conditions.push(eq(campaigns.slug, filters.campaign));
  if (filters.subdistrict) conditions.push(eq(subdistricts.slug, filters.subdistrict));
  if (filters.domain) conditions.push(eq(demands.domain, filters.domain));
  if (filters.status) conditions.push(eq(demands.status, filters.status));
  if (filters.raisedBy) conditions.push(eq(demands.raisedBy, filters.raisedBy));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(demands)
    .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .where(where);
  if (pastTheEnd(paging, Number(total))) return { total: Number(total), rows: [] };
  const when = sql`coalesce(${demands.submittedAt}, ${demands.createdAt})`;
  const order =
    filters.sort === "oldest"
      ? [asc(when), asc(demands.id)]
      : filters.sort === "support"
        ? [desc(demands.supportCount), desc(when), desc(demands.id)]
        : [desc(when), desc(demands.id)];
  const rows = await selectDemands(db)
    .where(where)
    .orderBy(...order)
    .limit(paging.perPage)
    .offset(offsetOf(paging));
  const tags = await tagsOf(db, "demand", rows.map((r) => r.id));
  return { total: Number(total), rows: rows.map((r) => summaryOf(r, tags)) };
}

/** One demand as the caller may see it, or null (not there, or not visible: the same answer). */
export async function demandById(db: Database, viewer: Viewer, id: number) {
  const [row] = await selectDemands(db)
    .where(and(eq(demands.id, id), demandVisibleTo(viewer)))
    .limit(1);
  if (!row) return null;
  const [tags, places, files] = await Promise.all([tagsOf(db, "demand", [id]), listPlacesOf(db, "demand", [id]), attachmentsOf(db, "demand", id)]);
  return {
    ...summaryOf(row, tags),
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    list: places.get(id) ?? null,
    attachments: files,
    matches: `/api/v1/matches?demand=${id}`,
  };
}
