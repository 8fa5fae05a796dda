/**
 * The shapes of the JSON API's answers, as zod schemas. Every answer is built
 * through its schema (respond.server.ts parses it before sending) and the
 * OpenAPI document is generated from the same schemas (openapi.server.ts), so
 * the code and the document cannot drift apart.
 *
 * Field names are stable English. Items (demands, applications) are written
 * in one language, given by `lang`; names of places, campaigns, organisations
 * and tags come in both (`nameZh`/`nameEn`, `titleZh`/`titleEn`). `url` is the
 * item's page and `api` its API resource, both relative to the server.
 */
import { z } from "zod";
import "zod-openapi";

import {
  CAMPAIGN_STAGES,
  COST_BANDS,
  DOMAINS,
  ITEM_STATUSES,
  ITEM_TYPES,
  MATCH_STAGES,
  MATURITIES,
  ORGANIZATION_KINDS,
  RAISED_BY,
  SEARCH_ENTITY_TYPES,
  SUBDISTRICT_KINDS,
  TAG_KINDS,
} from "../../db/enums";
import type { ProgrammeStats } from "~/stats/stats.server";

// ─── Scalars ─────────────────────────────────────────────────────────────────

const id = z.number().int().positive();
const count = z.number().int().nonnegative();
const dateTime = z.iso.datetime({ offset: true }).meta({ description: "ISO 8601 date and time (UTC).", example: "2021-06-01T08:00:00.000Z" });
const day = z.iso.date().meta({ description: "ISO 8601 date.", example: "2021-09-15" });
const path = (example: string) => z.string().regex(/^\//).meta({ example });

export const domain = z.enum(DOMAINS).meta({ id: "Domain", description: "Area of urban digital transformation: economy, life or governance (经济 / 生活 / 治理数字化)." });
export const itemStatus = z.enum(ITEM_STATUSES).meta({ id: "ItemStatus", description: "Where the item is in the review workflow." });
export const matchStage = z.enum(MATCH_STAGES).meta({
  id: "MatchStage",
  description: "The match pipeline: suggested → proposed → accepted → piloting → deployed, or declined. The public sees accepted, piloting and deployed.",
});
const lang = z.enum(["zh-CN", "en"]).meta({ description: "The language the item was written in." });

// ─── References ──────────────────────────────────────────────────────────────

export const campaignRef = z
  .object({ slug: z.string(), titleZh: z.string(), titleEn: z.string() })
  .meta({ id: "CampaignRef", description: "A call for demands and applications (征集活动)." });

export const subdistrictRef = z
  .object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: "SubdistrictRef", description: "One of Putuo's eight subdistricts and two towns." });

export const organizationRef = z
  .object({ slug: z.string(), nameZh: z.string(), nameEn: z.string(), verified: z.boolean(), url: path("/organizations/huawei"), api: path("/api/v1/organizations/huawei") })
  .meta({ id: "OrganizationRef", description: "An organisation: a vendor, a subdistrict office, a committee, a department or an institute." });

export const tag = z
  .object({ kind: z.enum(TAG_KINDS), slug: z.string(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: "Tag", description: "A technology, scenario or target group." });

const itemRef = (kind: "demands" | "applications") =>
  z.object({ id, title: z.string(), lang, url: path(`/${kind}/12`), api: path(`/api/v1/${kind}/12`) });
export const demandRef = itemRef("demands").meta({ id: "DemandRef" });
export const applicationRef = itemRef("applications").meta({ id: "ApplicationRef" });

const listPlace = z
  .object({ slug: z.string(), rank: z.number().int().positive(), url: path("/lists/2021-scenario-call"), api: path("/api/v1/lists/2021-scenario-call") })
  .meta({ id: "ListPlace", description: "The item's rank on a published list." });

export const attachment = z
  .object({ id, fileName: z.string(), mimeType: z.string(), sizeBytes: count, url: path("/attachments/3") })
  .meta({ id: "Attachment" });

// ─── Problems (errors) ───────────────────────────────────────────────────────

export const PROBLEM_CODES = [
  "invalid_parameters",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "rate_limited",
  "internal_error",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const problem = z
  .object({
    error: z.enum(PROBLEM_CODES).meta({ description: "A stable code to branch on." }),
    message: z.string().meta({ description: "What went wrong, in English, for people." }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: "For `invalid_parameters`: each bad parameter and what it must be." }),
    retryAfterSeconds: z.number().int().positive().optional().meta({ description: "For `rate_limited`: seconds until the budget is renewed." }),
  })
  .meta({ id: "Problem", description: "Every error answer: a JSON object, never HTML." });
export type Problem = z.infer<typeof problem>;

// ─── Paging ──────────────────────────────────────────────────────────────────

/** `{ data: [...], page, perPage, total, totalPages }` plus any `extra` fields. */
export function pagedOf<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(item: T, extra?: E) {
  return z.object({
    ...(extra ?? ({} as E)),
    data: z.array(item),
    page: z.number().int().positive().meta({ description: "This page (1-based)." }),
    perPage: z.number().int().positive().meta({ description: "Items per page." }),
    total: count.meta({ description: "Items matching the filters, on all pages." }),
    totalPages: count.meta({ description: "Pages of `perPage` items (0 when nothing matches)." }),
  });
}

// ─── Demands ─────────────────────────────────────────────────────────────────

export const demandSummary = z
  .object({
    id,
    title: z.string(),
    lang,
    summary: z.string().meta({ description: "The start of the description (at most 140 characters)." }),
    domain,
    status: itemStatus,
    raisedBy: z.enum(RAISED_BY).meta({ description: "Who raised the need: a resident, a company, a community, urban management." }),
    supportCount: count.meta({ description: "People who said “me too”." }),
    submittedAt: dateTime.nullable(),
    updatedAt: dateTime,
    campaign: campaignRef,
    subdistrict: subdistrictRef,
    organization: organizationRef.nullable().meta({ description: "The organisation that raised it, if any (never a person)." }),
    tags: z.array(tag),
    url: path("/demands/12"),
    api: path("/api/v1/demands/12"),
  })
  .meta({ id: "Demand", description: "A need (需求) raised in a campaign." });

export const demandDetail = demandSummary
  .extend({
    description: z.string(),
    createdAt: dateTime,
    list: listPlace.nullable(),
    attachments: z.array(attachment),
    matches: path("/api/v1/matches?demand=12").meta({ description: "The demand's matches with vendors (those the caller may see)." }),
  })
  .meta({ id: "DemandDetail" });

// ─── Applications ────────────────────────────────────────────────────────────

export const applicationSummary = z
  .object({
    id,
    title: z.string(),
    lang,
    summary: z.string(),
    domain,
    maturity: z.enum(MATURITIES).meta({ description: "concept, pilot or deployed." }),
    costBand: z.enum(COST_BANDS).nullable().meta({ description: "Indicative cost in CNY." }),
    status: itemStatus,
    submittedAt: dateTime.nullable(),
    updatedAt: dateTime,
    campaign: campaignRef,
    organization: organizationRef.meta({ description: "The vendor." }),
    tags: z.array(tag),
    url: path("/applications/57"),
    api: path("/api/v1/applications/57"),
  })
  .meta({ id: "Application", description: "A solution (应用) a vendor proposed in a campaign." });

export const deployment = z
  .object({
    subdistrict: subdistrictRef.nullable().meta({ description: "Where in Putuo, or null for a place elsewhere." }),
    placeName: z.string().nullable().meta({ description: "A place outside Putuo, e.g. 徐汇区 or Hangzhou." }),
    since: day.nullable(),
  })
  .meta({ id: "Deployment", description: "Where the solution already runs." });

export const applicationDetail = applicationSummary
  .extend({
    description: z.string(),
    createdAt: dateTime,
    deployments: z.array(deployment),
    demands: z.array(demandRef).meta({ description: "The demands it says it addresses (those the caller may see)." }),
    list: listPlace.nullable(),
    attachments: z.array(attachment),
    matches: path("/api/v1/matches?application=57"),
  })
  .meta({ id: "ApplicationDetail" });

// ─── Organisations ───────────────────────────────────────────────────────────

export const organizationSummary = z
  .object({
    id: id.meta({ description: "Numeric id (the `organization` filter of /api/v1/search takes it); the slug is the stable name." }),
    slug: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(ORGANIZATION_KINDS),
    verified: z.boolean().meta({ description: "Checked by the district's officials." }),
    verifiedAt: dateTime.nullable(),
    descriptionZh: z.string(),
    descriptionEn: z.string(),
    capabilities: z.array(z.string()),
    website: z.string().nullable(),
    subdistrict: subdistrictRef.nullable().meta({ description: "For subdistrict offices and committees: the subdistrict they belong to." }),
    url: path("/organizations/huawei"),
    api: path("/api/v1/organizations/huawei"),
  })
  .meta({ id: "Organization" });

export const organizationDetail = organizationSummary
  .extend({
    applications: z
      .object({
        total: count.meta({ description: "Its applications the caller may see." }),
        selected: count.meta({ description: "Of those, selected on a published list." }),
        latest: z.array(applicationRef).meta({ description: "The latest 20 of them." }),
        api: path("/api/v1/applications?organization=huawei").meta({ description: "All of them, paged." }),
      }),
    matches: z.object({
      total: count.meta({ description: "Its matches the caller may see." }),
      api: path("/api/v1/matches?organization=huawei"),
    }),
  })
  .meta({ id: "OrganizationDetail" });

// ─── Published lists ─────────────────────────────────────────────────────────

export const listSummary = z
  .object({
    slug: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    publishedAt: dateTime.nullable(),
    applications: count.meta({ description: "Applications on the list." }),
    demands: count.meta({ description: "Demands on the list." }),
    url: path("/lists/2021-scenario-call"),
    api: path("/api/v1/lists/2021-scenario-call"),
  })
  .meta({ id: "PublishedList", description: "A campaign's published list (入选名单)." });

export const listEntry = z
  .object({
    type: z.enum(ITEM_TYPES),
    rank: z.number().int().positive(),
    id,
    title: z.string(),
    summary: z.string(),
    domain,
    organization: z
      .object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() })
      .nullable()
      .meta({ description: "The vendor of an application; the organisation that raised a demand." }),
    subdistricts: z.array(subdistrictRef).meta({ description: "A demand's subdistrict; the subdistricts where an application runs." }),
    url: path("/applications/57"),
    api: path("/api/v1/applications/57"),
  })
  .meta({ id: "ListEntry" });

export const listCampaign = z
  .object({ slug: z.string(), titleZh: z.string(), titleEn: z.string(), descriptionZh: z.string(), descriptionEn: z.string(), publishedAt: dateTime.nullable(), url: path("/lists/2021-scenario-call") })
  .meta({ id: "ListCampaign" });

// ─── Matches ─────────────────────────────────────────────────────────────────

export const match = z
  .object({
    id,
    stage: matchStage,
    score: z.number().min(0).max(1).nullable().meta({ description: "The candidate score (0..1) when the match was proposed." }),
    demand: demandRef,
    application: applicationRef,
    organization: organizationRef.meta({ description: "The vendor." }),
    subdistrict: subdistrictRef,
    pilot: z
      .object({ site: z.string().nullable(), startOn: day.nullable(), kpis: z.string().nullable() })
      .nullable()
      .meta({ description: "The pilot, once one is planned." }),
    outcome: z.string().nullable(),
    deployedOn: day.nullable(),
    declinedReason: z.string().nullable().meta({ description: "Why it was declined (stage `declined` only)." }),
    updatedAt: dateTime,
    url: path("/matches/7"),
  })
  .meta({ id: "Match", description: "A demand paired with an application (and so its vendor)." });

// ─── Statistics ──────────────────────────────────────────────────────────────

const funnel = z
  .object({
    submitted: count.meta({ description: "Submitted (drafts and withdrawn items never count)." }),
    passedScreening: count.meta({ description: "Got past screening." }),
    scored: count.meta({ description: "Completed review." }),
    shortlisted: count,
    selected: count.meta({ description: "Selected on the published list." }),
  })
  .meta({ id: "Funnel", description: "How many items reached each stage, from submission to selection." });

const statusCounts = z
  .object({ awaitingScreening: count, inReview: count, scored: count, shortlisted: count, selected: count, notShortlisted: count, rejected: count })
  .meta({ id: "StatusCounts", description: "Where the items stand now." });

const reviewCounts = z
  .object({
    assignments: count.meta({ description: "Reviewer assignments still standing (recused ones left out)." }),
    done: count,
    pending: count,
    recused: count,
    reviews: count.meta({ description: "Score sheets submitted." }),
    itemsComplete: count.meta({ description: "Items with the campaign's full set of reviews." }),
    itemsToReview: count.meta({ description: "Items that went to review." }),
  })
  .meta({ id: "ReviewProgress" });

const responseTimes = z
  .object({
    responded: count.meta({ description: "Items with a dated first response; the figures below are over these." }),
    waiting: count.meta({ description: "Items still without a response." }),
    undated: count,
    medianDays: z.number().nonnegative().nullable(),
    p90Days: z.number().nonnegative().nullable(),
    histogram: z.array(z.object({ fromDays: z.number().nonnegative(), toDays: z.number().positive().nullable(), count })),
  })
  .meta({ id: "ResponseTimes", description: "Days from submission to a first response (demands: a vendor response or a match proposal; applications: the screening decision)." });

const campaignSummary = z
  .object({
    slug: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    stage: z.enum(CAMPAIGN_STAGES),
    opensAt: dateTime,
    closesAt: dateTime,
    applicationQuota: count,
    demandQuota: count,
    reviewersPerItem: z.number().int().positive(),
  })
  .meta({ id: "CampaignSummary" });

const pair = <T extends z.ZodType>(of: T) => z.object({ applications: of, demands: of });

export const statsAnswer = z
  .object({
    asOf: dateTime.meta({ description: "When the numbers were read." }),
    campaign: campaignSummary.nullable().meta({ description: "The campaign the numbers are limited to, or null for the whole programme." }),
    campaignOptions: z.array(campaignSummary).meta({ description: "Every campaign, newest first." }),
    totals: z.object({
      applications: funnel,
      demands: funnel,
      matched: count.meta({ description: "Public matches confirmed by both sides (accepted, piloting, deployed)." }),
      piloting: count,
      deployed: count,
    }),
    campaigns: z.array(
      campaignSummary.extend({ funnel: pair(funnel), status: pair(statusCounts), review: pair(reviewCounts) }).meta({ id: "CampaignStats" }),
    ),
    byDomain: z.array(z.object({ domain, demands: count, applications: count })).meta({ description: "Public items by domain." }),
    bySubdistrict: z
      .array(z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string(), kind: z.enum(SUBDISTRICT_KINDS), demands: count, selectedDemands: count }))
      .meta({ description: "Public demands by subdistrict and town." }),
    byTechnology: z
      .array(z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string(), demands: count, applications: count }))
      .meta({ description: "Public items by technology, most used first." }),
    responseTimes: pair(responseTimes),
    matchesByStage: z.array(z.object({ stage: matchStage, count })).meta({ description: "Public matches by pipeline stage." }),
  })
  .meta({ id: "ProgrammeStats", description: "The programme in numbers. Totals count every submitted item (never titles or names); breakdowns count public items only." });

// ─── Search ──────────────────────────────────────────────────────────────────

const facetOption = z.object({ value: z.string(), label: z.string(), count });

export const searchAnswer = z.object({
  query: z.string(),
  correctedQuery: z.string().nullable().meta({ description: "Set when nothing matched and a spelling correction was searched instead." }),
  page: z.number().int().positive(),
  perPage: z.number().int().positive(),
  total: count,
  totalPages: count,
  hits: z.array(
    z.object({
      type: z.enum(SEARCH_ENTITY_TYPES),
      id,
      title: z.string(),
      snippet: z.string().meta({ description: "HTML-escaped text with <mark> around the matches." }),
      url: path("/applications/17"),
    }),
  ),
  facets: z.object({
    type: z.array(facetOption),
    domain: z.array(facetOption),
    subdistrict: z.array(facetOption),
    status: z.array(facetOption),
    technology: z.array(facetOption),
    organization: z.array(facetOption),
    campaign: z.array(facetOption),
  }),
  tookMs: count,
});

// ─── Matching candidates ─────────────────────────────────────────────────────

export const candidatesAnswer = z.object({
  demand: z.object({ id, title: z.string(), status: itemStatus, domain, subdistrict: z.object({ slug: z.string(), nameZh: z.string(), nameEn: z.string() }), url: path("/demands/1") }),
  weights: z.record(z.string(), z.number()).meta({ description: "What each signal counts; they sum to 1." }),
  candidates: z.array(
    z.object({
      rank: z.number().int().positive(),
      application: z.object({ id, title: z.string(), status: itemStatus, maturity: z.enum(MATURITIES), domain, url: path("/applications/57") }),
      vendor: z.object({ id, slug: z.string(), nameZh: z.string(), nameEn: z.string(), verified: z.boolean() }),
      score: z.number().min(0).max(1),
      reasons: z.array(z.object({ code: z.string(), weight: z.number(), detail: z.string().nullable(), text: z.string() })),
      match: z.object({ id, stage: matchStage, url: path("/matches/12") }).nullable(),
      responded: z.boolean().meta({ description: "The vendor answered the demand with this application." }),
    }),
  ),
  tookMs: count,
});

// ─── The document itself ─────────────────────────────────────────────────────

export const openApiAnswer = z
  .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) })
  .meta({ description: "This OpenAPI 3.1 document." });

// The statistics' schema is written from app/stats's exported type: this line
// stops the typecheck when one changes without the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const STATS_SCHEMA_FITS_TYPE: Same<z.infer<typeof statsAnswer>, ProgrammeStats> = true;
