/**
 * The published lists, for everybody: the campaigns that have published, and
 * per campaign the ranked applications and demands as they stood at
 * publication (published_list_entries), with vendor and subdistricts.
 * Entries are also filtered through the visibility rule, so a list can never
 * show an item the public may not see.
 */
import { and, asc, count, desc, eq, inArray, isNotNull } from "drizzle-orm";

import {
  applicationDeployments,
  applications,
  campaigns,
  demands,
  organizations,
  publishedListEntries,
  subdistricts,
} from "../../db/schema";
import { publicApplication, publicDemand } from "~/visibility/visibility.server";

import type { Database } from "./common.server";

const PUBLISHED = ["published", "closed"] as const;

export type PublishedCampaign = {
  slug: string;
  titleZh: string;
  titleEn: string;
  publishedAt: string | null;
  applications: number;
  demands: number;
};

export async function publishedCampaigns(db: Database): Promise<PublishedCampaign[]> {
  const rows = await db
    .select({ id: campaigns.id, slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn })
    .from(campaigns)
    .where(inArray(campaigns.stage, [...PUBLISHED]))
    .orderBy(desc(campaigns.opensAt));
  if (rows.length === 0) return [];
  const counts = await db
    .select({ campaignId: publishedListEntries.campaignId, itemType: publishedListEntries.itemType, n: count() })
    .from(publishedListEntries)
    .where(inArray(publishedListEntries.campaignId, rows.map((r) => r.id)))
    .groupBy(publishedListEntries.campaignId, publishedListEntries.itemType);
  const dates = await db
    .select({ campaignId: publishedListEntries.campaignId, at: publishedListEntries.publishedAt })
    .from(publishedListEntries)
    .where(and(inArray(publishedListEntries.campaignId, rows.map((r) => r.id)), eq(publishedListEntries.rank, 1)));
  return rows.map((r) => ({
    slug: r.slug,
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    publishedAt: dates.find((d) => d.campaignId === r.id)?.at.toISOString() ?? null,
    applications: Number(counts.find((c) => c.campaignId === r.id && c.itemType === "application")?.n ?? 0),
    demands: Number(counts.find((c) => c.campaignId === r.id && c.itemType === "demand")?.n ?? 0),
  }));
}

type Place = { slug: string; nameZh: string; nameEn: string };

export type ListEntry = {
  rank: number;
  id: number;
  title: string;
  summary: string;
  /** The language title and summary are written in (the page may be in the other one). */
  lang: string;
  domain: string;
  /** The vendor of an application; the organisation that raised a demand. */
  organization: { slug: string; nameZh: string; nameEn: string } | null;
  subdistricts: Place[];
};

export type PublishedList = {
  campaign: { slug: string; titleZh: string; titleEn: string; descriptionZh: string; descriptionEn: string; publishedAt: string | null };
  applications: ListEntry[];
  demands: ListEntry[];
};

/** Summary text for a list row: the first sentence-ish of a description. */
function shorten(text: string, max = 140): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

export async function publishedList(db: Database, slug: string): Promise<PublishedList | null> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
  if (!campaign || !(PUBLISHED as readonly string[]).includes(campaign.stage)) return null;

  const appRows = await db
    .select({
      rank: publishedListEntries.rank,
      publishedAt: publishedListEntries.publishedAt,
      id: applications.id,
      title: applications.title,
      summary: applications.summary,
      lang: applications.lang,
      domain: applications.domain,
      vendorSlug: organizations.slug,
      vendorZh: organizations.nameZh,
      vendorEn: organizations.nameEn,
    })
    .from(publishedListEntries)
    .innerJoin(applications, eq(applications.id, publishedListEntries.itemId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(eq(publishedListEntries.campaignId, campaign.id), eq(publishedListEntries.itemType, "application"), publicApplication))
    .orderBy(asc(publishedListEntries.rank));
  const deployments = appRows.length
    ? await db
        .selectDistinct({
          applicationId: applicationDeployments.applicationId,
          slug: subdistricts.slug,
          nameZh: subdistricts.nameZh,
          nameEn: subdistricts.nameEn,
          sortOrder: subdistricts.sortOrder,
        })
        .from(applicationDeployments)
        .innerJoin(subdistricts, eq(subdistricts.id, applicationDeployments.subdistrictId))
        .where(and(inArray(applicationDeployments.applicationId, appRows.map((r) => r.id)), isNotNull(applicationDeployments.subdistrictId)))
        .orderBy(asc(subdistricts.sortOrder))
    : [];

  const demandRows = await db
    .select({
      rank: publishedListEntries.rank,
      publishedAt: publishedListEntries.publishedAt,
      id: demands.id,
      title: demands.title,
      description: demands.description,
      lang: demands.lang,
      domain: demands.domain,
      orgSlug: organizations.slug,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      placeSlug: subdistricts.slug,
      placeZh: subdistricts.nameZh,
      placeEn: subdistricts.nameEn,
    })
    .from(publishedListEntries)
    .innerJoin(demands, eq(demands.id, publishedListEntries.itemId))
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .leftJoin(organizations, eq(organizations.id, demands.organizationId))
    .where(and(eq(publishedListEntries.campaignId, campaign.id), eq(publishedListEntries.itemType, "demand"), publicDemand))
    .orderBy(asc(publishedListEntries.rank));

  const publishedAt = appRows[0]?.publishedAt ?? demandRows[0]?.publishedAt ?? null;
  return {
    campaign: {
      slug: campaign.slug,
      titleZh: campaign.titleZh,
      titleEn: campaign.titleEn,
      descriptionZh: campaign.descriptionZh,
      descriptionEn: campaign.descriptionEn,
      publishedAt: publishedAt ? publishedAt.toISOString() : null,
    },
    applications: appRows.map((r) => ({
      rank: r.rank,
      id: r.id,
      title: r.title,
      summary: shorten(r.summary),
      lang: r.lang,
      domain: r.domain,
      organization: { slug: r.vendorSlug, nameZh: r.vendorZh, nameEn: r.vendorEn },
      subdistricts: deployments
        .filter((d) => d.applicationId === r.id)
        .map((d) => ({ slug: d.slug, nameZh: d.nameZh, nameEn: d.nameEn })),
    })),
    demands: demandRows.map((r) => ({
      rank: r.rank,
      id: r.id,
      title: r.title,
      summary: shorten(r.description),
      lang: r.lang,
      domain: r.domain,
      organization: r.orgSlug ? { slug: r.orgSlug, nameZh: r.orgZh!, nameEn: r.orgEn! } : null,
      subdistricts: [{ slug: r.placeSlug, nameZh: r.placeZh, nameEn: r.placeEn }],
    })),
  };
}
