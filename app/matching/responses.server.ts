/**
 * Vendor responses: a firm member answers a demand with one of the firm's
 * applications and a short proposal (approach, timeline, cost band). One
 * response per demand and application (answering again updates it). A new
 * response also puts the pair in the match pipeline as `suggested`, so the
 * demand's side sees it beside the computed candidates and can propose it.
 * The demand's side (officials, the subdistrict's community workers) is told.
 */
import { and, desc, eq, inArray, not, sql } from "drizzle-orm";

import { writeAudit } from "../audit/audit.server";
import { assertCan } from "../auth/authorize.server";
import type { Database } from "../../db/client";
import type { CostBand, ItemStatus, MatchStage } from "../../db/enums";
import { applications, demands, matches, organizations, subdistricts, users, vendorResponses } from "../../db/schema";
import { notify } from "../notifications/notify.server";
import { demandVisibleTo, publicDemand } from "../visibility/visibility.server";

import { CLOSED_STATUSES } from "./candidates.server";
import { MatchInputError, MatchNotFoundError } from "./errors.server";
import { responseSchema, fieldErrorsOf, type ResponseInput } from "./schemas.server";
import { demandSide, proposerScope, serves, type MatchActor } from "./scope.server";

export type VendorResponse = {
  id: number;
  demandId: number;
  application: { id: number; title: string; lang: string; status: ItemStatus };
  organization: { id: number; slug: string; nameZh: string; nameEn: string };
  authorName: string | null;
  approach: string;
  timeline: string;
  costBand: CostBand | null;
  createdAt: string;
  updatedAt: string;
  /** The pair's match, if any, and its stage. */
  matchId: number | null;
  matchStage: MatchStage | null;
};

/** The applications of the actor's firms that can answer a demand (submitted and still in the running). */
export async function respondableApplications(db: Database, actor: MatchActor) {
  if (actor.organizationIds.length === 0) return [];
  return db
    .select({
      id: applications.id,
      title: applications.title,
      lang: applications.lang,
      status: applications.status,
      organizationId: applications.organizationId,
    })
    .from(applications)
    .where(and(inArray(applications.organizationId, [...actor.organizationIds]), not(inArray(applications.status, CLOSED_STATUSES))))
    .orderBy(desc(sql`${applications.status} = 'selected'`), applications.title)
    .limit(200);
}

/**
 * Answer (or update the answer to) a demand. Refuses with 404 when the
 * demand is not open to vendors (not visible, a draft, withdrawn or
 * rejected); with a field error when the application is not one of the
 * actor's firms' live applications.
 */
export async function respondToDemand(
  db: Database,
  actor: MatchActor,
  demandId: number,
  input: ResponseInput | Record<string, unknown>,
): Promise<{ responseId: number; matchId: number | null; created: boolean }> {
  assertCan(actor, "respond:demand:own");
  const parsed = responseSchema.safeParse(input);
  if (!parsed.success) throw new MatchInputError(fieldErrorsOf(parsed.error));
  const value = parsed.data;

  const [demand] = await db
    .select({ id: demands.id, title: demands.title, subdistrictId: demands.subdistrictId, status: demands.status })
    .from(demands)
    .where(and(eq(demands.id, demandId), demandVisibleTo(actor), publicDemand))
    .limit(1);
  if (!demand) throw new MatchNotFoundError("demand", demandId);

  const [app] = await db
    .select({ id: applications.id, title: applications.title, organizationId: applications.organizationId, status: applications.status })
    .from(applications)
    .where(eq(applications.id, value.applicationId))
    .limit(1);
  if (!app || !actor.organizationIds.includes(app.organizationId) || CLOSED_STATUSES.includes(app.status)) {
    throw new MatchInputError({ applicationId: ["matching:errors.applicationNotYours"] });
  }

  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: vendorResponses.id })
      .from(vendorResponses)
      .where(and(eq(vendorResponses.demandId, demand.id), eq(vendorResponses.applicationId, app.id)))
      .for("update");
    let responseId: number;
    if (existing) {
      await tx
        .update(vendorResponses)
        .set({ approach: value.approach, timeline: value.timeline, costBand: value.costBand, authorId: actor.id })
        .where(eq(vendorResponses.id, existing.id));
      responseId = existing.id;
    } else {
      const [row] = await tx
        .insert(vendorResponses)
        .values({
          demandId: demand.id,
          applicationId: app.id,
          organizationId: app.organizationId,
          authorId: actor.id,
          approach: value.approach,
          timeline: value.timeline,
          costBand: value.costBand,
        })
        .returning({ id: vendorResponses.id });
      responseId = row.id;
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: existing ? "vendor_response.update" : "vendor_response.create",
      entityType: "vendor_response",
      entityId: responseId,
      data: { demandId: demand.id, applicationId: app.id, costBand: value.costBand },
    });

    // The pair enters the pipeline as a suggestion, unless it is there already.
    const [match] = await tx
      .select({ id: matches.id, responseId: matches.responseId })
      .from(matches)
      .where(and(eq(matches.demandId, demand.id), eq(matches.applicationId, app.id)))
      .for("update");
    let matchId: number | null = match?.id ?? null;
    if (!match) {
      const [row] = await tx
        .insert(matches)
        .values({
          demandId: demand.id,
          applicationId: app.id,
          organizationId: app.organizationId,
          subdistrictId: demand.subdistrictId,
          stage: "suggested",
          responseId,
        })
        .returning({ id: matches.id });
      matchId = row.id;
      await writeAudit(tx, {
        actorId: actor.id,
        action: "match.suggest",
        entityType: "match",
        entityId: row.id,
        toStatus: "suggested",
        data: { demandId: demand.id, applicationId: app.id, responseId },
      });
    } else if (match.responseId === null) {
      await tx.update(matches).set({ responseId }).where(eq(matches.id, match.id));
    }

    const [vendor] = await tx
      .select({ nameZh: organizations.nameZh, nameEn: organizations.nameEn })
      .from(organizations)
      .where(eq(organizations.id, app.organizationId));
    const recipients = (await demandSide(tx, demand.subdistrictId)).filter((id) => id !== actor.id);
    await notify(tx, {
      userIds: recipients,
      kind: "matchResponded",
      params: { demandTitle: demand.title, applicationTitle: app.title, vendorZh: vendor.nameZh, vendorEn: vendor.nameEn },
      link: `/demands/${demand.id}/matches`,
    });
    return { responseId, matchId, created: !existing };
  });
}

/**
 * The responses to a demand the actor may read: all of them for the demand's
 * side (officials, community workers of its subdistrict), a vendor's own for
 * its members, none for anyone else.
 */
export async function responsesForDemand(db: Database, viewer: MatchActor | null, demandId: number): Promise<VendorResponse[]> {
  if (!viewer) return [];
  const [demand] = await db.select({ subdistrictId: demands.subdistrictId }).from(demands).where(eq(demands.id, demandId)).limit(1);
  if (!demand) return [];
  const scope = await proposerScope(db, viewer);
  const all = serves(scope, demand.subdistrictId);
  if (!all && viewer.organizationIds.length === 0) return [];
  const rows = await db
    .select({
      id: vendorResponses.id,
      demandId: vendorResponses.demandId,
      appId: applications.id,
      appTitle: applications.title,
      appLang: applications.lang,
      appStatus: applications.status,
      orgId: organizations.id,
      orgSlug: organizations.slug,
      orgZh: organizations.nameZh,
      orgEn: organizations.nameEn,
      authorName: users.displayName,
      approach: vendorResponses.approach,
      timeline: vendorResponses.timeline,
      costBand: vendorResponses.costBand,
      createdAt: vendorResponses.createdAt,
      updatedAt: vendorResponses.updatedAt,
      matchId: matches.id,
      matchStage: matches.stage,
    })
    .from(vendorResponses)
    .innerJoin(applications, eq(applications.id, vendorResponses.applicationId))
    .innerJoin(organizations, eq(organizations.id, vendorResponses.organizationId))
    .leftJoin(users, eq(users.id, vendorResponses.authorId))
    .leftJoin(matches, and(eq(matches.demandId, vendorResponses.demandId), eq(matches.applicationId, vendorResponses.applicationId)))
    .where(
      and(
        eq(vendorResponses.demandId, demandId),
        all ? undefined : inArray(vendorResponses.organizationId, [...viewer.organizationIds]),
      ),
    )
    .orderBy(desc(vendorResponses.updatedAt), desc(vendorResponses.id));
  return rows.map((r) => ({
    id: r.id,
    demandId: r.demandId,
    application: { id: r.appId, title: r.appTitle, lang: r.appLang, status: r.appStatus },
    organization: { id: r.orgId, slug: r.orgSlug, nameZh: r.orgZh, nameEn: r.orgEn },
    authorName: r.authorName,
    approach: r.approach,
    timeline: r.timeline,
    costBand: r.costBand,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    matchId: r.matchId ?? null,
    matchStage: r.matchStage ?? null,
  }));
}

/** The demand as the respond page shows it (visible and open to vendors), or null. */
export async function demandToRespond(db: Database, viewer: MatchActor, demandId: number) {
  const [row] = await db
    .select({
      id: demands.id,
      title: demands.title,
      description: demands.description,
      lang: demands.lang,
      domain: demands.domain,
      status: demands.status,
      subdistrictSlug: subdistricts.slug,
      subdistrictZh: subdistricts.nameZh,
      subdistrictEn: subdistricts.nameEn,
    })
    .from(demands)
    .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
    .where(and(eq(demands.id, demandId), demandVisibleTo(viewer), publicDemand))
    .limit(1);
  return row ?? null;
}
