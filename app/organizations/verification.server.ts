/**
 * Officials verify organisations: a firm that signed itself up is unverified
 * until an official checks it is real. Verifying or withdrawing it records
 * who and when on the organisation and writes an audit row, in one transaction.
 */
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";

import type { Database } from "../../db/client";
import { ORGANIZATION_KINDS, type OrganizationKind } from "../../db/enums";
import { memberships, organizations, users } from "../../db/schema";
import { writeAudit } from "~/audit/audit.server";
import { assertCan, type Actor } from "~/auth/authorize.server";
import { likePattern } from "~/utils/like-pattern.server";

export const ORGANIZATIONS_PAGE_SIZE = 25;
export const VERIFIED_FILTERS = ["all", "unverified", "verified"] as const;
export type VerifiedFilter = (typeof VERIFIED_FILTERS)[number];

export const verificationSchema = z.object({
  intent: z.enum(["verify", "unverify"], { error: "admin:errors.intentInvalid" }),
  organizationId: z.coerce.number({ error: "admin:errors.organizationNotFound" }).int().positive(),
  note: z.string().trim().max(500, "admin:errors.noteTooLong").optional(),
});

/** Filters from the query string; unknown values fall back to "all". */
export function parseOrganizationListQuery(params: URLSearchParams) {
  const kind = params.get("kind");
  const verified = params.get("verified");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    kind: (ORGANIZATION_KINDS as readonly string[]).includes(kind ?? "") ? (kind as OrganizationKind) : undefined,
    verified: (VERIFIED_FILTERS as readonly string[]).includes(verified ?? "") ? (verified as VerifiedFilter) : "all",
    q: (params.get("q") ?? "").trim().slice(0, 100),
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1,
  };
}

export type OrganizationRow = {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: OrganizationKind;
  verified: boolean;
  verifiedAt: Date | null;
  verifiedByName: string | null;
  createdAt: Date;
  members: number;
};

/** Organisations for the officials' queue: unverified first, newest first within each group. */
export async function listOrganizationsForVerification(
  db: Database,
  actor: Actor,
  options: { kind?: OrganizationKind; verified?: VerifiedFilter; q?: string; page?: number; pageSize?: number } = {},
): Promise<{ rows: OrganizationRow[]; total: number; page: number; pageCount: number }> {
  assertCan(actor, "verify:organization:any");
  const pageSize = options.pageSize ?? ORGANIZATIONS_PAGE_SIZE;
  const conditions: SQL[] = [];
  if (options.kind) conditions.push(eq(organizations.kind, options.kind));
  if (options.verified === "verified") conditions.push(eq(organizations.verified, true));
  if (options.verified === "unverified") conditions.push(eq(organizations.verified, false));
  if (options.q) {
    const pattern = likePattern(options.q);
    conditions.push(or(ilike(organizations.nameZh, pattern), ilike(organizations.nameEn, pattern))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;

  const [{ total }] = await db.select({ total: count() }).from(organizations).where(where);
  const pageCount = Math.max(1, Math.ceil(Number(total) / pageSize));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const verifier = alias(users, "verifier");
  const rows = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
      kind: organizations.kind,
      verified: organizations.verified,
      verifiedAt: organizations.verifiedAt,
      verifiedByName: verifier.displayName,
      createdAt: organizations.createdAt,
      members: sql<number>`(select count(*)::int from ${memberships} where ${memberships.organizationId} = ${organizations.id})`,
    })
    .from(organizations)
    .leftJoin(verifier, eq(verifier.id, organizations.verifiedById))
    .where(where)
    .orderBy(asc(organizations.verified), desc(organizations.createdAt), desc(organizations.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows: rows.map((r) => ({ ...r, members: Number(r.members) })), total: Number(total), page, pageCount };
}

export type VerificationResult = { ok: true; changed: boolean } | { ok: false; error: "organization_not_found" };

/**
 * Mark an organisation verified (or withdraw it), with an optional note kept
 * as the audit row's reason. Asking for the state it is already in changes nothing.
 */
export async function verifyOrganization(
  db: Database,
  actor: Actor,
  input: { organizationId: number; verified?: boolean; note?: string | null },
): Promise<VerificationResult> {
  assertCan(actor, "verify:organization:any");
  const verified = input.verified ?? true;
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ verified: organizations.verified })
      .from(organizations)
      .where(eq(organizations.id, input.organizationId))
      .limit(1);
    if (!org) return { ok: false, error: "organization_not_found" } as const;
    if (org.verified === verified) return { ok: true, changed: false } as const;
    await tx
      .update(organizations)
      .set(verified ? { verified: true, verifiedAt: new Date(), verifiedById: actor.id } : { verified: false, verifiedAt: null, verifiedById: null })
      .where(eq(organizations.id, input.organizationId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: verified ? "organization.verify" : "organization.unverify",
      entityType: "organization",
      entityId: input.organizationId,
      fromStatus: verified ? "unverified" : "verified",
      toStatus: verified ? "verified" : "unverified",
      reason: input.note || null,
    });
    return { ok: true, changed: true } as const;
  });
}

export function unverifyOrganization(db: Database, actor: Actor, input: { organizationId: number; note?: string | null }) {
  return verifyOrganization(db, actor, { ...input, verified: false });
}
