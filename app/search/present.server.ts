/**
 * Turning an engine's result into what pages and the API show: each hit's
 * URL, and readable labels for facet values (names of subdistricts,
 * technologies, vendors and campaigns in the reader's language) — one query
 * per kind of label, whatever the number of hits.
 */
import { inArray } from "drizzle-orm";

import type { Database } from "../../db/client";
import { campaigns, organizations, subdistricts, tags } from "../../db/schema";
import type { FacetName, SearchHit, SearchResult } from "../../search/types";
import type { Locale } from "~/locales";

export type PresentedHit = SearchHit & { url: string; organization?: string };
export type FacetOption = { value: string; label: string; count: number };
export type PresentedResult = Omit<SearchResult, "hits" | "facets"> & {
  hits: PresentedHit[];
  facets: Record<FacetName, FacetOption[]>;
};

const ids = (values: { value: string }[]) => values.map((v) => Number(v.value)).filter((n) => Number.isInteger(n) && n > 0);

export async function presentResult(db: Database, result: SearchResult, locale: Locale): Promise<PresentedResult> {
  const en = locale === "en";
  const orgIds = [...new Set([...ids(result.facets.organization), ...result.hits.filter((h) => h.type === "organization").map((h) => h.id)])];
  const [places, techs, orgs, calls] = await Promise.all([
    result.facets.subdistrict.length
      ? db.select({ id: subdistricts.id, zh: subdistricts.nameZh, en: subdistricts.nameEn }).from(subdistricts).where(inArray(subdistricts.id, ids(result.facets.subdistrict)))
      : [],
    result.facets.technology.length
      ? db.select({ id: tags.id, zh: tags.nameZh, en: tags.nameEn }).from(tags).where(inArray(tags.id, ids(result.facets.technology)))
      : [],
    orgIds.length
      ? db.select({ id: organizations.id, zh: organizations.nameZh, en: organizations.nameEn, slug: organizations.slug }).from(organizations).where(inArray(organizations.id, orgIds))
      : [],
    result.facets.campaign.length
      ? db.select({ id: campaigns.id, zh: campaigns.titleZh, en: campaigns.titleEn }).from(campaigns).where(inArray(campaigns.id, ids(result.facets.campaign)))
      : [],
  ]);
  const label = (rows: { id: number; zh: string; en: string }[]) => {
    const map = new Map(rows.map((r) => [String(r.id), en ? r.en : r.zh]));
    return (v: string) => map.get(v) ?? v;
  };
  const orgSlug = new Map(orgs.map((o) => [o.id, o.slug]));
  const labelled = (name: FacetName, toLabel: (v: string) => string): FacetOption[] =>
    result.facets[name].map((f) => ({ ...f, label: toLabel(f.value) }));
  const same = (v: string) => v;
  return {
    ...result,
    hits: result.hits.map((h) => ({
      ...h,
      url: h.type === "demand" ? `/demands/${h.id}` : h.type === "application" ? `/applications/${h.id}` : `/organizations/${orgSlug.get(h.id) ?? h.id}`,
    })),
    facets: {
      type: labelled("type", same),
      domain: labelled("domain", same),
      status: labelled("status", same),
      subdistrict: labelled("subdistrict", label(places)),
      technology: labelled("technology", label(techs)),
      organization: labelled("organization", label(orgs)),
      campaign: labelled("campaign", label(calls)),
    },
  };
}
