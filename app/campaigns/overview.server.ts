/**
 * The public overview of the programme: the current campaign and its headline
 * numbers, the subdistricts. Counts are computed in one query per table.
 */
import { desc, sql } from "drizzle-orm";

import { applications, campaigns, demands, subdistricts } from "../../db/schema";
import type { Database } from "../../db/client";

/** Statuses that mean "made it through submission", for the public counts. */
const SUBMITTED = sql.raw(
  `('submitted','in_review','scored','shortlisted','selected','not_shortlisted','rejected')`,
);
const SELECTED = sql.raw(`('selected')`);
const SHORTLISTED = sql.raw(`('shortlisted','selected')`);

export async function programmeOverview(db: Database) {
  const [current] = await db.select().from(campaigns).orderBy(desc(campaigns.opensAt)).limit(1);
  const [demandCounts] = await db
    .select({
      submitted: sql<number>`count(*) filter (where ${demands.status} in ${SUBMITTED})::int`,
      shortlisted: sql<number>`count(*) filter (where ${demands.status} in ${SHORTLISTED})::int`,
      selected: sql<number>`count(*) filter (where ${demands.status} in ${SELECTED})::int`,
    })
    .from(demands);
  const [applicationCounts] = await db
    .select({
      submitted: sql<number>`count(*) filter (where ${applications.status} in ${SUBMITTED})::int`,
      shortlisted: sql<number>`count(*) filter (where ${applications.status} in ${SHORTLISTED})::int`,
      selected: sql<number>`count(*) filter (where ${applications.status} in ${SELECTED})::int`,
    })
    .from(applications);
  const places = await db
    .select({ slug: subdistricts.slug, nameZh: subdistricts.nameZh, nameEn: subdistricts.nameEn, kind: subdistricts.kind })
    .from(subdistricts)
    .orderBy(subdistricts.sortOrder);
  return {
    campaign: current
      ? { slug: current.slug, titleZh: current.titleZh, titleEn: current.titleEn, stage: current.stage, applicationQuota: current.applicationQuota, demandQuota: current.demandQuota }
      : null,
    demands: demandCounts,
    applications: applicationCounts,
    subdistricts: places,
  };
}
