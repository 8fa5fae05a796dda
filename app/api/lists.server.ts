/**
 * The API's read side of the published lists, over app/review/lists.server.ts
 * (the same lists the /lists pages show, filtered by the visibility rule):
 * the campaigns that have published, and one list's entries — applications
 * first, then demands, each by rank. A list is bounded by its campaign's
 * quotas, so it is read whole and paged here.
 */
import type { Database } from "../../db/client";
import type { Domain, ItemType } from "../../db/enums";
import { publishedCampaigns, publishedList } from "~/review/lists.server";

import { offsetOf, type Paging } from "./params.server";
import { applicationLinks, demandLinks, listLinks } from "./refs.server";

export async function listPage(db: Database, paging: Paging) {
  const all = await publishedCampaigns(db);
  const rows = all.slice(offsetOf(paging), offsetOf(paging) + paging.perPage).map((c) => ({ ...c, ...listLinks(c.slug) }));
  return { total: all.length, rows };
}

export async function listEntriesPage(db: Database, slug: string, filters: { type?: ItemType }, paging: Paging) {
  const list = await publishedList(db, slug);
  if (!list) return null;
  const entries = [
    ...(filters.type === "demand" ? [] : list.applications.map((e) => ({ ...e, type: "application" as const, ...applicationLinks(e.id) }))),
    ...(filters.type === "application" ? [] : list.demands.map((e) => ({ ...e, type: "demand" as const, ...demandLinks(e.id) }))),
  ];
  return {
    campaign: { ...list.campaign, url: listLinks(slug).url },
    counts: { applications: list.applications.length, demands: list.demands.length },
    total: entries.length,
    rows: entries.slice(offsetOf(paging), offsetOf(paging) + paging.perPage).map((e) => ({
      type: e.type,
      rank: e.rank,
      id: e.id,
      title: e.title,
      summary: e.summary,
      domain: e.domain as Domain,
      organization: e.organization,
      subdistricts: e.subdistricts,
      url: e.url,
      api: e.api,
    })),
  };
}
