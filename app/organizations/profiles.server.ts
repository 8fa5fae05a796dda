/**
 * Vendor profiles: the public directory of organisations, one organisation's
 * public profile (its applications and deployments as the viewer may see
 * them), and the profile edit its owners make. Verification is
 * app/organizations/verification.server.ts (officials).
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import type { Database } from "../../db/client";
import { ORGANIZATION_KINDS, type OrganizationKind } from "../../db/enums";
import { applicationDeployments, applications, memberships, organizations, subdistricts } from "../../db/schema";
import { enqueueSearchUpdate } from "../../search/outbox";
import { writeAudit } from "~/audit/audit.server";
import { ForbiddenError, type Actor } from "~/auth/authorize.server";
import { likePattern } from "~/utils/like-pattern.server";
import { applicationVisibleTo, type Viewer } from "~/visibility/visibility.server";

export const DIRECTORY_PAGE_SIZE = 20;
export const PROFILE_APPLICATIONS_LIMIT = 50;
export const DESCRIPTION_MAX = 2000;
export const CAPABILITY_MAX = 40;
export const CAPABILITIES_MAX = 20;
export const WEBSITE_MAX = 200;

export type DirectoryQuery = { kind: OrganizationKind | "all"; q: string; page: number };

/** Filters from the query string: vendors by default, unknown values ignored. */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const kind = params.get("kind");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    kind: kind === "all" ? "all" : (ORGANIZATION_KINDS as readonly string[]).includes(kind ?? "") ? (kind as OrganizationKind) : "vendor",
    q: (params.get("q") ?? "").trim().slice(0, 100),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1,
  };
}

/** The directory: verified first, then by name; searched by either name. */
export async function listOrganizations(db: Database, query: DirectoryQuery) {
  const conditions: SQL[] = [];
  if (query.kind !== "all") conditions.push(eq(organizations.kind, query.kind));
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(or(ilike(organizations.nameZh, pattern), ilike(organizations.nameEn, pattern))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(organizations).where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / DIRECTORY_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
      verified: organizations.verified,
      descriptionZh: organizations.descriptionZh,
      descriptionEn: organizations.descriptionEn,
      capabilities: organizations.capabilities,
    })
    .from(organizations)
    .where(where)
    .orderBy(desc(organizations.verified), asc(organizations.nameZh), asc(organizations.id))
    .limit(DIRECTORY_PAGE_SIZE)
    .offset((page - 1) * DIRECTORY_PAGE_SIZE);
  return { rows, total: Number(total), page, pageCount };
}

/**
 * May the user edit the organisation's profile? Its owners may (a membership
 * with role `owner`, see db/schema.ts); plain members submit applications but
 * do not speak for the organisation.
 */
async function mayEditProfile(db: Pick<Database, "select">, userId: number, organizationId: number) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)))
    .limit(1);
  return !!row;
}

/**
 * One organisation's public profile: the organisation, the applications the
 * viewer may see, and where those run. Null when no organisation has the slug.
 */
export async function getOrganizationProfile(db: Database, viewer: Viewer, slug: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
  if (!org) return null;
  const visible = and(eq(applications.organizationId, org.id), applicationVisibleTo(viewer));
  const apps = await db
    .select({
      id: applications.id,
      title: applications.title,
      summary: applications.summary,
      domain: applications.domain,
      maturity: applications.maturity,
      status: applications.status,
    })
    .from(applications)
    .where(visible)
    .orderBy(sql`${applications.submittedAt} desc nulls first`, desc(applications.id))
    .limit(PROFILE_APPLICATIONS_LIMIT);
  const appIds = apps.map((a) => a.id);
  const deployments = appIds.length
    ? await db
        .select({
          id: applicationDeployments.id,
          applicationId: applicationDeployments.applicationId,
          placeName: applicationDeployments.placeName,
          since: applicationDeployments.since,
          subdistrictZh: subdistricts.nameZh,
          subdistrictEn: subdistricts.nameEn,
        })
        .from(applicationDeployments)
        .leftJoin(subdistricts, eq(subdistricts.id, applicationDeployments.subdistrictId))
        .where(inArray(applicationDeployments.applicationId, appIds))
        .orderBy(sql`${applicationDeployments.since} desc nulls last`, asc(applicationDeployments.id))
    : [];
  const titleOf = new Map(apps.map((a) => [a.id, a.title]));
  const canEdit = !!viewer && (await mayEditProfile(db, viewer.id, org.id));
  return {
    organization: {
      id: org.id,
      slug: org.slug,
      nameZh: org.nameZh,
      nameEn: org.nameEn,
      kind: org.kind,
      verified: org.verified,
      verifiedAt: org.verifiedAt,
      descriptionZh: org.descriptionZh,
      descriptionEn: org.descriptionEn,
      capabilities: org.capabilities,
      website: org.website,
    },
    applications: apps,
    deployments: deployments.map((d) => ({ ...d, applicationTitle: titleOf.get(d.applicationId) ?? "" })),
    canEdit,
  };
}

// ─── Editing ─────────────────────────────────────────────────────────────────

const website = z
  .string()
  .trim()
  .max(WEBSITE_MAX, "organizations:errors.websiteTooLong")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "organizations:errors.websiteInvalid");

export const profileSchema = z.object({
  descriptionZh: z.string().trim().max(DESCRIPTION_MAX, "organizations:errors.descriptionTooLong").default(""),
  descriptionEn: z.string().trim().max(DESCRIPTION_MAX, "organizations:errors.descriptionTooLong").default(""),
  /** One capability per line in the form. */
  capabilities: z
    .string()
    .max(CAPABILITIES_MAX * (CAPABILITY_MAX + 2), "organizations:errors.capabilitiesTooMany")
    .default("")
    .transform((text, ctx) => {
      const list = [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
      if (list.length > CAPABILITIES_MAX) ctx.addIssue({ code: "custom", message: "organizations:errors.capabilitiesTooMany" });
      if (list.some((l) => [...l].length > CAPABILITY_MAX)) ctx.addIssue({ code: "custom", message: "organizations:errors.capabilityTooLong" });
      return list;
    }),
  website: website.optional().transform((v) => v ?? null),
  /** The profile's `updated_at` when the form was loaded: a stale edit is refused. */
  loadedAt: z.string({ error: "organizations:errors.formExpired" }).min(1, "organizations:errors.formExpired").max(64),
});

export type ProfileInput = z.output<typeof profileSchema>;

/** The profile as the edit form starts from it; ForbiddenError for anyone but its owners. */
export async function getProfileForEdit(db: Database, actor: Actor, slug: string) {
  const [org] = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
      descriptionZh: organizations.descriptionZh,
      descriptionEn: organizations.descriptionEn,
      capabilities: organizations.capabilities,
      website: organizations.website,
      loadedAt: sql<string>`${organizations.updatedAt}::text`,
    })
    .from(organizations)
    .where(eq(organizations.slug, slug))
    .limit(1);
  if (!org) return null;
  if (!(await mayEditProfile(db, actor.id, org.id))) throw new ForbiddenError("update:organization:own");
  return org;
}

export type ProfileResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict" };

/** An owner edits description, capabilities and website; one transaction with audit and search outbox. */
export async function updateOrganizationProfile(
  db: Database,
  actor: Actor,
  slug: string,
  input: ProfileInput,
): Promise<ProfileResult> {
  const value = profileSchema.parse({ ...input, capabilities: input.capabilities.join("\n"), website: input.website ?? undefined });
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({
        id: organizations.id,
        descriptionZh: organizations.descriptionZh,
        descriptionEn: organizations.descriptionEn,
        capabilities: organizations.capabilities,
        website: organizations.website,
        loadedAt: sql<string>`${organizations.updatedAt}::text`,
      })
      .from(organizations)
      .where(eq(organizations.slug, slug))
      .for("update")
      .limit(1);
    if (!org) return { ok: false, reason: "not_found" } as const;
    if (!(await mayEditProfile(tx, actor.id, org.id))) throw new ForbiddenError("update:organization:own");
    if (org.loadedAt !== value.loadedAt) return { ok: false, reason: "conflict" } as const;
    const next = {
      descriptionZh: value.descriptionZh,
      descriptionEn: value.descriptionEn,
      capabilities: value.capabilities,
      website: value.website,
    };
    const changedFields = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(org[k]),
    );
    if (!changedFields.length) return { ok: true, changed: false } as const;
    await tx.update(organizations).set(next).where(eq(organizations.id, org.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "organization.update",
      entityType: "organization",
      entityId: org.id,
      data: { fields: changedFields },
    });
    await enqueueSearchUpdate(tx, "organization", org.id);
    return { ok: true, changed: true } as const;
  });
}
