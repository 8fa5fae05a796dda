/**
 * Building search documents from the source tables — the database is the
 * source of truth, the index only a copy. Drafts are never documents; public
 * visibility comes from the one rule in app/visibility (as SQL), so search
 * and pages can never disagree.
 */
import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";

import type { Database } from "../db/client";
import type { SearchEntityType } from "../db/enums";
import {
  applicationDeployments,
  applications,
  applicationTags,
  demands,
  demandTags,
  organizations,
  reviewAssignments,
  subdistricts,
  tags,
} from "../db/schema";
import { publicApplication, publicDemand } from "../app/visibility/visibility.server";

import type { SearchDocument } from "./types";

type TagRow = { ownerId: number; id: number; kind: string; nameZh: string; nameEn: string };

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

async function reviewersOf(db: Database, column: "demandId" | "applicationId", ids: number[]) {
  const rows = await db
    .select({ ownerId: reviewAssignments[column], reviewerId: reviewAssignments.reviewerId })
    .from(reviewAssignments)
    .where(and(inArray(reviewAssignments[column], ids), ne(reviewAssignments.status, "recused")));
  return groupBy(rows, (r) => r.ownerId as number);
}

const names = (rows: { nameZh: string; nameEn: string }[] | undefined) =>
  (rows ?? []).map((r) => `${r.nameZh} ${r.nameEn}`).join(" ");

async function demandDocuments(db: Database, ids: number[]): Promise<SearchDocument[]> {
  const rows = await db
    .select({
      id: demands.id,
      title: demands.title,
      description: demands.description,
      lang: demands.lang,
      domain: demands.domain,
      status: demands.status,
      subdistrictId: demands.subdistrictId,
      subdistrictZh: subdistricts.nameZh,
      subdistrictEn: subdistricts.nameEn,
      organizationId: demands.organizationId,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      campaignId: demands.campaignId,
      authorId: demands.authorId,
      supportCount: demands.supportCount,
      submittedAt: demands.submittedAt,
      isPublic: sql<boolean>`(${publicDemand})`,
    })
    .from(demands)
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .leftJoin(organizations, eq(organizations.id, demands.organizationId))
    .where(and(inArray(demands.id, ids), ne(demands.status, "draft")));
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const [tagRows, reviewers] = await Promise.all([
    db
      .select({ ownerId: demandTags.demandId, id: tags.id, kind: tags.kind, nameZh: tags.nameZh, nameEn: tags.nameEn })
      .from(demandTags)
      .innerJoin(tags, eq(tags.id, demandTags.tagId))
      .where(inArray(demandTags.demandId, found)),
    reviewersOf(db, "demandId", found),
  ]);
  const tagsBy = groupBy<TagRow, number>(tagRows, (t) => t.ownerId);
  return rows.map((r) => {
    const itemTags = tagsBy.get(r.id) ?? [];
    return {
      type: "demand",
      id: r.id,
      title: r.title,
      altTitle: "",
      summary: "",
      body: r.description,
      keywords: [names(itemTags), r.subdistrictZh, r.subdistrictEn, r.orgZh ?? "", r.orgEn ?? ""].join(" "),
      lang: r.lang,
      domain: r.domain,
      status: r.status,
      subdistrictIds: [r.subdistrictId],
      technologyIds: itemTags.filter((t) => t.kind === "technology").map((t) => t.id),
      organizationId: r.organizationId,
      campaignId: r.campaignId,
      isPublic: Boolean(r.isPublic),
      authorId: r.authorId,
      memberOrganizationId: null,
      reviewerIds: (reviewers.get(r.id) ?? []).map((x) => x.reviewerId),
      supportCount: r.supportCount,
      sortDate: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
    } satisfies SearchDocument;
  });
}

async function applicationDocuments(db: Database, ids: number[]): Promise<SearchDocument[]> {
  const rows = await db
    .select({
      id: applications.id,
      title: applications.title,
      summary: applications.summary,
      description: applications.description,
      lang: applications.lang,
      domain: applications.domain,
      status: applications.status,
      organizationId: applications.organizationId,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      campaignId: applications.campaignId,
      authorId: applications.authorId,
      submittedAt: applications.submittedAt,
      isPublic: sql<boolean>`(${publicApplication})`,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(and(inArray(applications.id, ids), ne(applications.status, "draft")));
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const [tagRows, places, reviewers] = await Promise.all([
    db
      .select({ ownerId: applicationTags.applicationId, id: tags.id, kind: tags.kind, nameZh: tags.nameZh, nameEn: tags.nameEn })
      .from(applicationTags)
      .innerJoin(tags, eq(tags.id, applicationTags.tagId))
      .where(inArray(applicationTags.applicationId, found)),
    db
      .select({
        ownerId: applicationDeployments.applicationId,
        subdistrictId: applicationDeployments.subdistrictId,
        placeName: applicationDeployments.placeName,
        nameZh: subdistricts.nameZh,
        nameEn: subdistricts.nameEn,
      })
      .from(applicationDeployments)
      .leftJoin(subdistricts, eq(subdistricts.id, applicationDeployments.subdistrictId))
      .where(inArray(applicationDeployments.applicationId, found)),
    reviewersOf(db, "applicationId", found),
  ]);
  const tagsBy = groupBy<TagRow, number>(tagRows, (t) => t.ownerId);
  const placesBy = groupBy(places, (p) => p.ownerId);
  return rows.map((r) => {
    const itemTags = tagsBy.get(r.id) ?? [];
    const itemPlaces = placesBy.get(r.id) ?? [];
    return {
      type: "application",
      id: r.id,
      title: r.title,
      altTitle: "",
      summary: r.summary,
      body: r.description,
      keywords: [
        names(itemTags),
        r.orgZh,
        r.orgEn,
        ...itemPlaces.map((p) => [p.nameZh, p.nameEn, p.placeName].filter(Boolean).join(" ")),
      ].join(" "),
      lang: r.lang,
      domain: r.domain,
      status: r.status,
      subdistrictIds: [...new Set(itemPlaces.map((p) => p.subdistrictId).filter((x): x is number => x !== null))],
      technologyIds: itemTags.filter((t) => t.kind === "technology").map((t) => t.id),
      organizationId: r.organizationId,
      campaignId: r.campaignId,
      isPublic: Boolean(r.isPublic),
      authorId: r.authorId,
      memberOrganizationId: r.organizationId,
      reviewerIds: (reviewers.get(r.id) ?? []).map((x) => x.reviewerId),
      supportCount: 0,
      sortDate: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
    } satisfies SearchDocument;
  });
}

async function organizationDocuments(db: Database, ids: number[]): Promise<SearchDocument[]> {
  const rows = await db
    .select({
      id: organizations.id,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
      verified: organizations.verified,
      descriptionZh: organizations.descriptionZh,
      descriptionEn: organizations.descriptionEn,
      capabilities: organizations.capabilities,
      subdistrictId: organizations.subdistrictId,
      subdistrictZh: subdistricts.nameZh,
      subdistrictEn: subdistricts.nameEn,
      createdAt: organizations.createdAt,
    })
    .from(organizations)
    .leftJoin(subdistricts, eq(subdistricts.id, organizations.subdistrictId))
    .where(inArray(organizations.id, ids));
  return rows.map((r) => ({
    type: "organization",
    id: r.id,
    title: r.nameZh,
    altTitle: r.nameEn,
    summary: r.capabilities.join(" "),
    body: [r.descriptionZh, r.descriptionEn].filter(Boolean).join("\n"),
    keywords: [r.subdistrictZh ?? "", r.subdistrictEn ?? ""].join(" "),
    lang: "zh-CN",
    domain: null,
    status: r.verified ? "verified" : "unverified",
    subdistrictIds: r.subdistrictId ? [r.subdistrictId] : [],
    technologyIds: [],
    organizationId: r.id,
    campaignId: null,
    isPublic: true,
    authorId: null,
    memberOrganizationId: null,
    reviewerIds: [],
    supportCount: 0,
    sortDate: new Date(r.createdAt).toISOString(),
  }));
}

/** The documents for these items; ids with no document (drafts, deleted) are absent. */
export async function loadSearchDocuments(db: Database, type: SearchEntityType, ids: number[]): Promise<SearchDocument[]> {
  if (ids.length === 0) return [];
  if (type === "demand") return demandDocuments(db, ids);
  if (type === "application") return applicationDocuments(db, ids);
  return organizationDocuments(db, ids);
}

/** Every id of a type, in pages, for a full reindex. */
export async function* allIds(db: Database, type: SearchEntityType, pageSize = 1000): AsyncGenerator<number[]> {
  const table = type === "demand" ? demands : type === "application" ? applications : organizations;
  let after = 0;
  for (;;) {
    const rows = await db.select({ id: table.id }).from(table).where(gt(table.id, after)).orderBy(asc(table.id)).limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows[rows.length - 1].id;
  }
}

export async function countAll(db: Database): Promise<number> {
  const [d] = await db.select({ n: sql<number>`count(*)::int` }).from(demands);
  const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(applications);
  const [o] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return d.n + a.n + o.n;
}
