/**
 * "My submissions": the demands a user wrote (drafts included, and those they
 * took in on a resident's behalf) and the applications they wrote or that
 * belong to their organisations, each with its status and its timeline from
 * the audit log. A fixed number of queries, whatever the number of items.
 */
import { desc, eq, inArray, or } from "drizzle-orm";

import type { Database } from "../../db/client";
import { applications, assistedIntakes, campaigns, demands, organizations } from "../../db/schema";
import { timelinesFor } from "~/audit/timeline.server";

/** Enough for any one person or firm; beyond it the list says so. */
export const MY_LIMIT = 200;

export async function mySubmissions(db: Database, user: { id: number; organizationIds: readonly number[] }) {
  const orgIds = [...user.organizationIds];
  const [demandRows, applicationRows] = await Promise.all([
    db
      .select({
        id: demands.id,
        title: demands.title,
        status: demands.status,
        domain: demands.domain,
        supportCount: demands.supportCount,
        updatedAt: demands.updatedAt,
        campaignStage: campaigns.stage,
        onBehalf: assistedIntakes.demandId,
      })
      .from(demands)
      .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
      .leftJoin(assistedIntakes, eq(assistedIntakes.demandId, demands.id))
      .where(eq(demands.authorId, user.id))
      .orderBy(desc(demands.updatedAt), desc(demands.id))
      .limit(MY_LIMIT + 1),
    db
      .select({
        id: applications.id,
        title: applications.title,
        status: applications.status,
        domain: applications.domain,
        updatedAt: applications.updatedAt,
        organizationZh: organizations.nameZh,
        organizationEn: organizations.nameEn,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .where(
        orgIds.length
          ? or(eq(applications.authorId, user.id), inArray(applications.organizationId, orgIds))
          : eq(applications.authorId, user.id),
      )
      .orderBy(desc(applications.updatedAt), desc(applications.id))
      .limit(MY_LIMIT + 1),
  ]);
  const shownDemands = demandRows.slice(0, MY_LIMIT);
  const shownApplications = applicationRows.slice(0, MY_LIMIT);
  const [demandTimelines, applicationTimelines] = await Promise.all([
    timelinesFor(db, "demand", shownDemands.map((d) => d.id)),
    timelinesFor(db, "application", shownApplications.map((a) => a.id)),
  ]);
  return {
    demands: shownDemands.map(({ onBehalf, updatedAt, campaignStage, ...d }) => ({
      ...d,
      onBehalf: onBehalf != null,
      editable: campaignStage === "collecting" && (d.status === "draft" || d.status === "submitted"),
      updatedAt: updatedAt.toISOString(),
      timeline: demandTimelines.get(d.id) ?? [],
    })),
    applications: shownApplications.map(({ updatedAt, ...a }) => ({
      ...a,
      updatedAt: updatedAt.toISOString(),
      timeline: applicationTimelines.get(a.id) ?? [],
    })),
    moreDemands: demandRows.length > MY_LIMIT,
    moreApplications: applicationRows.length > MY_LIMIT,
  };
}
