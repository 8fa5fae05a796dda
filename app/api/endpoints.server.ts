/**
 * Every endpoint of the JSON API, described once: its path, parameters
 * (zod, with their documentation), answer schema, an example request and
 * answer, and how it is cached. Routes build their loaders from these
 * (`apiLoader(spec, handler)` in respond.server.ts), the OpenAPI document is
 * generated from them (openapi.server.ts) and so is the /developers page.
 * A new endpoint is added here first; tests/integration/api checks that
 * every api.v1.* route is in the document and that every example fits its
 * schema.
 */
import { z } from "zod";
import "zod-openapi";

import { DOMAINS, ITEM_TYPES, MATCH_STAGES, MATURITIES, ORGANIZATION_KINDS, RAISED_BY, type ItemStatus } from "../../db/enums";
import { MAX_LIMIT, DEFAULT_LIMIT } from "~/matching/weights";
import { SearchParamsSchema } from "~/search/search.server";

import { APPLICATION_SORTS } from "./applications.server";
import { DEMAND_SORTS } from "./demands.server";
import { booleanParam, choiceParam, enumParam, idParam, idPath, pagingParams, slugParam, slugPath } from "./params.server";
import {
  applicationDetail,
  applicationSummary,
  candidatesAnswer,
  demandDetail,
  demandSummary,
  listCampaign,
  listEntry,
  listSummary,
  match,
  openApiAnswer,
  organizationDetail,
  organizationSummary,
  pagedOf,
  searchAnswer,
  statsAnswer,
} from "./schemas.server";

export type ApiTag = "search" | "demands" | "applications" | "organizations" | "lists" | "matches" | "stats" | "documentation";

export type EndpointSpec<Q extends z.ZodObject = z.ZodObject, P extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> = {
  /** As in the OpenAPI document, e.g. `/api/v1/demands/{id}`. */
  path: `/api/v1/${string}`;
  operationId: string;
  tag: ApiTag;
  summary: string;
  description: string;
  /** What a 404 names, e.g. "Demand". */
  resource: string;
  query: Q;
  params: P;
  response: R;
  example: { request: string; answer: z.input<R> };
  /** Answers `{ data, page, perPage, total, totalPages }` with a Link header. */
  paged: boolean;
  /** "required": a signed-in session cookie (401 without). */
  session: "optional" | "required";
  /** Seconds an anonymous answer may be cached. */
  maxAge: number;
  /** Answers 404 for an unknown slug or id. */
  notFound: boolean;
};

const endpoint = <Q extends z.ZodObject, P extends z.ZodObject, R extends z.ZodType>(spec: EndpointSpec<Q, P, R>) => spec;

const noParams = z.object({});
const MAX_AGE = 60;

/** The statuses the public can see an item in (drafts, withdrawn and rejected items are never public). */
export const PUBLIC_STATUSES = ["submitted", "in_review", "scored", "shortlisted", "selected", "not_shortlisted"] as const satisfies readonly ItemStatus[];

// ─── Examples (checked against their schemas by the tests) ───────────────────

const campaign2021 = { slug: "2021-scenario-call", titleZh: "2021 普陀区数字化转型场景征集", titleEn: "2021 Putuo Digital Transformation Scenario Call" };
const ganquan = { slug: "ganquan-road", nameZh: "甘泉路街道", nameEn: "Ganquan Road Subdistrict" };
const chinaMobile = { slug: "china-mobile-shanghai", nameZh: "中国移动通信集团上海有限公司", nameEn: "China Mobile Shanghai", verified: true, url: "/organizations/china-mobile-shanghai", api: "/api/v1/organizations/china-mobile-shanghai" };
const elderlyTag = { kind: "target_group" as const, slug: "elderly", nameZh: "老年人", nameEn: "Elderly people" };
const taxiTag = { kind: "scenario" as const, slug: "one-call-taxi", nameZh: "一键叫车", nameEn: "One-call taxi" };
const voiceTag = { kind: "technology" as const, slug: "voice", nameZh: "语音交互", nameEn: "Voice interaction" };
const listPlace2021 = (rank: number) => ({ slug: "2021-scenario-call", rank, url: "/lists/2021-scenario-call", api: "/api/v1/lists/2021-scenario-call" });

const demandExample = {
  id: 1,
  title: "让行动不便的老人打一个电话就能叫到出租车",
  lang: "zh-CN" as const,
  summary: "邵老伯视力不好，每周去医院，打车软件太难用，希望拿起电话说一声就能叫到出租车，车到楼下电话通知。",
  domain: "life" as const,
  status: "selected" as const,
  raisedBy: "resident" as const,
  supportCount: 37,
  submittedAt: "2021-06-03T02:15:00.000Z",
  updatedAt: "2021-09-15T08:00:00.000Z",
  campaign: campaign2021,
  subdistrict: ganquan,
  organization: null,
  tags: [taxiTag, elderlyTag],
  url: "/demands/1",
  api: "/api/v1/demands/1",
};

const applicationExample = {
  id: 57,
  title: "5G+一键叫车助老出行服务",
  lang: "zh-CN" as const,
  summary: "老人拿起电话说一声就能叫到出租车，车到楼下电话通知家属。",
  domain: "life" as const,
  maturity: "pilot" as const,
  costBand: "100k_500k" as const,
  status: "selected" as const,
  submittedAt: "2021-06-20T06:30:00.000Z",
  updatedAt: "2021-09-15T08:00:00.000Z",
  campaign: campaign2021,
  organization: chinaMobile,
  tags: [voiceTag, taxiTag],
  url: "/applications/57",
  api: "/api/v1/applications/57",
};

const matchExample = {
  id: 12,
  stage: "piloting" as const,
  score: 0.87,
  demand: { id: 1, title: demandExample.title, lang: "zh-CN" as const, url: "/demands/1", api: "/api/v1/demands/1" },
  application: { id: 57, title: applicationExample.title, lang: "zh-CN" as const, url: "/applications/57", api: "/api/v1/applications/57" },
  organization: chinaMobile,
  subdistrict: ganquan,
  pilot: { site: "甘泉路街道 志丹路居民区", startOn: "2021-11-01", kpis: "每月叫车成功率 ≥ 95%" },
  outcome: null,
  deployedOn: null,
  declinedReason: null,
  updatedAt: "2021-11-01T01:00:00.000Z",
  url: "/matches/12",
};

const huawei = {
  id: 1,
  slug: "huawei",
  nameZh: "华为技术有限公司",
  nameEn: "Huawei Technologies",
  kind: "vendor" as const,
  verified: true,
  verifiedAt: "2021-05-20T02:00:00.000Z",
  descriptionZh: "全球领先的ICT基础设施和智能终端提供商。",
  descriptionEn: "A leading provider of ICT infrastructure and smart devices.",
  capabilities: ["云计算", "大数据", "人工智能"],
  website: "https://www.huawei.com",
  subdistrict: null,
  url: "/organizations/huawei",
  api: "/api/v1/organizations/huawei",
};

// ─── Search ──────────────────────────────────────────────────────────────────

const s = SearchParamsSchema.shape;
export const searchQuery = z.object({
  q: s.q.meta({ description: "The query, at most 200 characters; empty browses everything, newest first.", example: "独居老人" }),
  type: s.type.meta({ description: "Only demands, applications or organisations." }),
  domain: s.domain.meta({ description: "Only this domain." }),
  subdistrict: s.subdistrict.meta({ description: "Subdistrict id (see the `subdistrict` facet for ids and names)." }),
  status: s.status.meta({ description: "Item status (organisations: verified or unverified)." }),
  technology: s.technology.meta({ description: "Technology tag id (see the `technology` facet)." }),
  organization: s.organization.meta({ description: "Vendor organisation id." }),
  campaign: s.campaign.meta({ description: "Campaign id (see the `campaign` facet)." }),
  sort: s.sort.meta({ description: "relevance (default), newest, or support (most supported demands first)." }),
  page: s.page.meta({ description: "The page, 1–500." }),
  perPage: s.perPage.meta({ description: "Hits per page, 1–50 (default 20)." }),
  prefix: z.enum(["0", "1"], { error: "prefix: 0 or 1" }).optional().meta({ description: "1 treats the last word as a prefix (search-as-you-type)." }),
  lang: z.enum(["zh-CN", "en"], { error: "lang: zh-CN or en" }).optional().meta({ description: "The language of facet labels (default: the caller's preference)." }),
});

export const SEARCH = endpoint({
  path: "/api/v1/search",
  operationId: "search",
  tag: "search",
  summary: "Search demands, applications and organisations",
  description:
    "Full-text search in Chinese and English: Chinese is matched on two-character sub-words (农业 finds 中国农业发展银行), English is stemmed, synonyms apply across languages (老人 ↔ 长者 ↔ elderly), and a query that finds nothing is retried with a spelling correction (`correctedQuery`). Facets count the hits by type, domain, subdistrict, status, technology, organisation and campaign.",
  resource: "Search",
  query: searchQuery,
  params: noParams,
  response: searchAnswer,
  example: {
    request: "/api/v1/search?q=独居老人&type=application&perPage=1",
    answer: {
      query: "独居老人",
      correctedQuery: null,
      page: 1,
      perPage: 1,
      total: 42,
      totalPages: 42,
      hits: [{ type: "application", id: 17, title: "独居老人安全守护套装", snippet: "…为长寿路街道<mark>独居老人</mark>提供全天候安全守护…", url: "/applications/17" }],
      facets: {
        type: [{ value: "application", label: "application", count: 42 }],
        domain: [{ value: "life", label: "生活数字化", count: 40 }],
        subdistrict: [{ value: "3", label: "长寿路街道", count: 9 }],
        status: [],
        technology: [],
        organization: [],
        campaign: [],
      },
      tookMs: 18,
    },
  },
  paged: true,
  session: "optional",
  maxAge: 30,
  notFound: false,
});

// ─── Demands ─────────────────────────────────────────────────────────────────

export const demandsQuery = z.object({
  ...pagingParams,
  campaign: slugParam("campaign", "Only this campaign (its slug).", "2021-scenario-call"),
  subdistrict: slugParam("subdistrict", "Only this subdistrict (its slug).", "ganquan-road"),
  domain: enumParam("domain", DOMAINS, "Only this domain."),
  status: enumParam("status", PUBLIC_STATUSES, "Only this status."),
  raisedBy: enumParam("raisedBy", RAISED_BY, "Only needs raised by residents, companies, communities or urban management."),
  sort: choiceParam("sort", DEMAND_SORTS, "newest", "newest (default: latest submitted first), oldest, or support (most “me too” first)."),
});

export const DEMANDS = endpoint({
  path: "/api/v1/demands",
  operationId: "listDemands",
  tag: "demands",
  summary: "List demands",
  description: "The demands the caller may see: anonymous callers get the public ones (never drafts, withdrawn or rejected demands). Paged; filter by campaign, subdistrict, domain, status and who raised them.",
  resource: "Demand",
  query: demandsQuery,
  params: noParams,
  response: pagedOf(demandSummary),
  example: {
    request: "/api/v1/demands?subdistrict=ganquan-road&domain=life&perPage=1",
    answer: { data: [demandExample], page: 1, perPage: 1, total: 6, totalPages: 6 },
  },
  paged: true,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: false,
});

export const DEMAND = endpoint({
  path: "/api/v1/demands/{id}",
  operationId: "getDemand",
  tag: "demands",
  summary: "One demand",
  description: "A demand with its full description, tags, attachments and place on a published list. 404 for a demand that does not exist or that the caller may not see (the two are not told apart).",
  resource: "Demand",
  query: z.object({}),
  params: z.object({ id: idPath }),
  response: demandDetail,
  example: {
    request: "/api/v1/demands/1",
    answer: {
      ...demandExample,
      description: demandExample.summary,
      createdAt: "2021-06-03T02:10:00.000Z",
      list: listPlace2021(1),
      attachments: [],
      matches: "/api/v1/matches?demand=1",
    },
  },
  paged: false,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: true,
});

export const candidatesQuery = z.object({
  limit: z.coerce
    .number({ error: `limit: a whole number from 1 to ${MAX_LIMIT}` })
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .meta({ description: `How many candidates, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}).` }),
  lang: z.enum(["zh-CN", "en"], { error: "lang: zh-CN or en" }).optional().meta({ description: "The language of the reasons' `text` (default: the caller's preference)." }),
});

export const DEMAND_CANDIDATES = endpoint({
  path: "/api/v1/demands/{id}/matches",
  operationId: "demandCandidates",
  tag: "matches",
  summary: "Candidate applications for a demand (the demand's side)",
  description:
    "The applications that could serve a demand, best first, each with a score in 0..1 and the reasons behind it (see docs/matching.md). For the demand's side only: officials, and the community workers of the demand's subdistrict, signed in with their session cookie — 401 without a session, 403 for anyone else.",
  resource: "Demand",
  query: candidatesQuery,
  params: z.object({ id: idPath }),
  response: candidatesAnswer,
  example: {
    request: "/api/v1/demands/1/matches?limit=1&lang=en",
    answer: {
      demand: { id: 1, title: demandExample.title, status: "selected", domain: "life", subdistrict: ganquan, url: "/demands/1" },
      weights: { text: 0.34, scenario: 0.16, targetGroup: 0.1, technology: 0.06, domain: 0.06, deployment: 0.12, selection: 0.08, maturity: 0.08 },
      candidates: [
        {
          rank: 1,
          application: { id: 57, title: applicationExample.title, status: "selected", maturity: "pilot", domain: "life", url: "/applications/57" },
          vendor: { id: 4, slug: "china-mobile-shanghai", nameZh: chinaMobile.nameZh, nameEn: chinaMobile.nameEn, verified: true },
          score: 0.96,
          reasons: [{ code: "scenario", weight: 0.16, detail: "one-call-taxi", text: "Same scenario: One-call taxi" }],
          match: { id: 12, stage: "piloting", url: "/matches/12" },
          responded: true,
        },
      ],
      tookMs: 85,
    },
  },
  paged: false,
  session: "required",
  maxAge: 0,
  notFound: true,
});

// ─── Applications ────────────────────────────────────────────────────────────

export const applicationsQuery = z.object({
  ...pagingParams,
  campaign: slugParam("campaign", "Only this campaign (its slug).", "2021-scenario-call"),
  domain: enumParam("domain", DOMAINS, "Only this domain."),
  organization: slugParam("organization", "Only this vendor (its slug).", "huawei"),
  status: enumParam("status", PUBLIC_STATUSES, "Only this status."),
  maturity: enumParam("maturity", MATURITIES, "Only concepts, pilots or deployed solutions."),
  technology: slugParam("technology", "Only solutions using this technology (tag slug).", "ai"),
  sort: choiceParam("sort", APPLICATION_SORTS, "newest", "newest (default: latest submitted first) or oldest."),
});

export const APPLICATIONS = endpoint({
  path: "/api/v1/applications",
  operationId: "listApplications",
  tag: "applications",
  summary: "List applications",
  description: "The applications the caller may see: anonymous callers get the selected ones and those their vendor made public from submission. Paged; filter by campaign, domain, vendor, status, maturity and technology.",
  resource: "Application",
  query: applicationsQuery,
  params: noParams,
  response: pagedOf(applicationSummary),
  example: {
    request: "/api/v1/applications?organization=china-mobile-shanghai&status=selected&perPage=1",
    answer: { data: [applicationExample], page: 1, perPage: 1, total: 9, totalPages: 9 },
  },
  paged: true,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: false,
});

export const APPLICATION = endpoint({
  path: "/api/v1/applications/{id}",
  operationId: "getApplication",
  tag: "applications",
  summary: "One application",
  description: "An application with its description, tags, where it already runs, the demands it addresses, attachments and place on a published list. 404 for one that does not exist or that the caller may not see.",
  resource: "Application",
  query: z.object({}),
  params: z.object({ id: idPath }),
  response: applicationDetail,
  example: {
    request: "/api/v1/applications/57",
    answer: {
      ...applicationExample,
      description: "为登记老人开通专属叫车号码，来电自动识别身份和常用地址，语音确认目的地后直接派单，车到楼下电话通知家属。",
      createdAt: "2021-06-18T03:00:00.000Z",
      deployments: [{ subdistrict: ganquan, placeName: null, since: "2021-01-15" }],
      demands: [{ id: 1, title: demandExample.title, lang: "zh-CN", url: "/demands/1", api: "/api/v1/demands/1" }],
      list: listPlace2021(4),
      attachments: [{ id: 3, fileName: "方案介绍.pdf", mimeType: "application/pdf", sizeBytes: 482113, url: "/attachments/3" }],
      matches: "/api/v1/matches?application=57",
    },
  },
  paged: false,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: true,
});

// ─── Organisations ───────────────────────────────────────────────────────────

export const organizationsQuery = z.object({
  ...pagingParams,
  kind: enumParam("kind", ORGANIZATION_KINDS, "Only vendors, subdistrict offices, neighbourhood committees, government departments or research institutes."),
  verified: booleanParam("verified", "true: only organisations the district has verified; false: only the others."),
});

export const ORGANIZATIONS = endpoint({
  path: "/api/v1/organizations",
  operationId: "listOrganizations",
  tag: "organizations",
  summary: "List organisations",
  description: "The directory of organisations, verified first, then by Chinese name. Paged; filter by kind and verification.",
  resource: "Organisation",
  query: organizationsQuery,
  params: noParams,
  response: pagedOf(organizationSummary),
  example: { request: "/api/v1/organizations?kind=vendor&verified=true&perPage=1", answer: { data: [huawei], page: 1, perPage: 1, total: 24, totalPages: 24 } },
  paged: true,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: false,
});

export const ORGANIZATION = endpoint({
  path: "/api/v1/organizations/{slug}",
  operationId: "getOrganization",
  tag: "organizations",
  summary: "One organisation",
  description: "An organisation's profile, how many of its applications the caller may see (and how many were selected), the latest of them, and its matches count, with links to the full lists.",
  resource: "Organisation",
  query: z.object({}),
  params: z.object({ slug: slugPath("huawei") }),
  response: organizationDetail,
  example: {
    request: "/api/v1/organizations/huawei",
    answer: {
      ...huawei,
      applications: {
        total: 23,
        selected: 6,
        latest: [{ id: 88, title: "城市运行数字孪生平台", lang: "zh-CN", url: "/applications/88", api: "/api/v1/applications/88" }],
        api: "/api/v1/applications?organization=huawei",
      },
      matches: { total: 5, api: "/api/v1/matches?organization=huawei" },
    },
  },
  paged: false,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: true,
});

// ─── Published lists ─────────────────────────────────────────────────────────

export const LISTS = endpoint({
  path: "/api/v1/lists",
  operationId: "listPublishedLists",
  tag: "lists",
  summary: "Published lists",
  description: "The campaigns that have published their lists of selected applications and demands, newest first, with how many of each.",
  resource: "List",
  query: z.object({ ...pagingParams }),
  params: noParams,
  response: pagedOf(listSummary),
  example: {
    request: "/api/v1/lists",
    answer: {
      data: [{ ...campaign2021, publishedAt: "2021-09-15T08:00:00.000Z", applications: 100, demands: 10, url: "/lists/2021-scenario-call", api: "/api/v1/lists/2021-scenario-call" }],
      page: 1,
      perPage: 20,
      total: 1,
      totalPages: 1,
    },
  },
  paged: true,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: false,
});

export const LIST = endpoint({
  path: "/api/v1/lists/{slug}",
  operationId: "getPublishedList",
  tag: "lists",
  summary: "One published list",
  description: "A campaign's published list: applications first, then demands, each by rank as published. Paged; `type` keeps one kind. 404 for a campaign that does not exist or has not published.",
  resource: "Published list",
  query: z.object({ ...pagingParams, type: enumParam("type", ITEM_TYPES, "Only applications or only demands.") }),
  params: z.object({ slug: slugPath("2021-scenario-call") }),
  response: pagedOf(listEntry, {
    campaign: listCampaign,
    counts: z.object({ applications: z.number().int().nonnegative(), demands: z.number().int().nonnegative() }).meta({ description: "Entries of each kind on the whole list." }),
  }),
  example: {
    request: "/api/v1/lists/2021-scenario-call?type=demand&perPage=1",
    answer: {
      campaign: {
        ...campaign2021,
        descriptionZh: "面向企业、居民、居委会和城市管理者，征集经济、生活、治理三大领域的数字化转型应用场景与需求。",
        descriptionEn: "An open call to firms, residents, neighbourhood committees and city managers for digital transformation applications and needs.",
        publishedAt: "2021-09-15T08:00:00.000Z",
        url: "/lists/2021-scenario-call",
      },
      counts: { applications: 100, demands: 10 },
      data: [
        {
          type: "demand",
          rank: 1,
          id: 1,
          title: demandExample.title,
          summary: demandExample.summary,
          domain: "life",
          organization: null,
          subdistricts: [ganquan],
          url: "/demands/1",
          api: "/api/v1/demands/1",
        },
      ],
      page: 1,
      perPage: 1,
      total: 10,
      totalPages: 10,
    },
  },
  paged: true,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: true,
});

// ─── Matches ─────────────────────────────────────────────────────────────────

export const matchesQuery = z.object({
  ...pagingParams,
  subdistrict: slugParam("subdistrict", "Only matches for demands in this subdistrict (its slug).", "ganquan-road"),
  stage: enumParam("stage", MATCH_STAGES, "Only this pipeline stage. Anonymous callers see accepted, piloting and deployed matches only, so other stages answer an empty list for them."),
  organization: slugParam("organization", "Only this vendor's matches (its slug).", "china-mobile-shanghai"),
  demand: idParam("demand", "Only this demand's matches (its id)."),
  application: idParam("application", "Only this application's matches (its id).", 57),
});

export const MATCHES = endpoint({
  path: "/api/v1/matches",
  operationId: "listMatches",
  tag: "matches",
  summary: "List matches",
  description:
    "Demands paired with vendors' applications and where each pair stands in the pipeline, latest change first. Anonymous callers see confirmed matches (accepted, piloting, deployed); a session of the demand's side or of the vendor also sees suggested, proposed and declined ones.",
  resource: "Match",
  query: matchesQuery,
  params: noParams,
  response: pagedOf(match),
  example: { request: "/api/v1/matches?subdistrict=ganquan-road&stage=piloting&perPage=1", answer: { data: [matchExample], page: 1, perPage: 1, total: 2, totalPages: 2 } },
  paged: true,
  session: "optional",
  maxAge: MAX_AGE,
  notFound: false,
});

// ─── Statistics ──────────────────────────────────────────────────────────────

const funnelExample = (submitted: number, passed: number, scored: number, shortlisted: number, selected: number) => ({ submitted, passedScreening: passed, scored, shortlisted, selected });
const campaignSummaryExample = {
  ...campaign2021,
  stage: "published" as const,
  opensAt: "2021-05-10T00:00:00.000Z",
  closesAt: "2021-07-31T15:59:59.000Z",
  applicationQuota: 100,
  demandQuota: 10,
  reviewersPerItem: 3,
};
const responseExample = (responded: number, waiting: number, medianDays: number, p90Days: number) => ({
  responded,
  waiting,
  undated: 0,
  medianDays,
  p90Days,
  histogram: [
    { fromDays: 0, toDays: 1, count: Math.round(responded * 0.1) },
    { fromDays: 1, toDays: 3, count: Math.round(responded * 0.2) },
    { fromDays: 3, toDays: 7, count: Math.round(responded * 0.3) },
    { fromDays: 7, toDays: 14, count: Math.round(responded * 0.2) },
    { fromDays: 14, toDays: 30, count: Math.round(responded * 0.1) },
    { fromDays: 30, toDays: 60, count: Math.round(responded * 0.1) },
    { fromDays: 60, toDays: null, count: 0 },
  ],
});

export const STATS = endpoint({
  path: "/api/v1/stats",
  operationId: "programmeStats",
  tag: "stats",
  summary: "The programme in numbers",
  description:
    "For each campaign the funnel from submission to selection (e.g. ~500 applications → 100 selected, ~50 demands → 10) and the progress of its review; the headline totals (submitted, shortlisted, selected, matched, piloting); public items by domain, subdistrict and technology; days from submission to a first response; public matches by pipeline stage. The same for every caller: totals count every submitted item but never name one, breakdowns count public items only. `campaign` limits the numbers to one campaign (404 for an unknown slug).",
  resource: "Campaign",
  query: z.object({ campaign: slugParam("campaign", "Only this campaign (its slug); without it, the whole programme.", "2021-scenario-call") }),
  params: noParams,
  response: statsAnswer,
  example: {
    request: "/api/v1/stats?campaign=2021-scenario-call",
    answer: {
      asOf: "2026-03-01T08:00:00.000Z",
      campaign: campaignSummaryExample,
      campaignOptions: [campaignSummaryExample],
      totals: { applications: funnelExample(502, 431, 431, 100, 100), demands: funnelExample(51, 44, 44, 10, 10), matched: 23, piloting: 7, deployed: 5 },
      campaigns: [
        {
          ...campaignSummaryExample,
          funnel: { applications: funnelExample(502, 431, 431, 100, 100), demands: funnelExample(51, 44, 44, 10, 10) },
          status: {
            applications: { awaitingScreening: 0, inReview: 0, scored: 0, shortlisted: 0, selected: 100, notShortlisted: 331, rejected: 71 },
            demands: { awaitingScreening: 0, inReview: 0, scored: 0, shortlisted: 0, selected: 10, notShortlisted: 34, rejected: 7 },
          },
          review: {
            applications: { assignments: 1293, done: 1293, pending: 0, recused: 4, reviews: 1293, itemsComplete: 431, itemsToReview: 431 },
            demands: { assignments: 132, done: 132, pending: 0, recused: 0, reviews: 132, itemsComplete: 44, itemsToReview: 44 },
          },
        },
      ],
      byDomain: [
        { domain: "economy", demands: 12, applications: 31 },
        { domain: "life", demands: 22, applications: 45 },
        { domain: "governance", demands: 10, applications: 24 },
      ],
      bySubdistrict: [{ ...ganquan, kind: "subdistrict", demands: 6, selectedDemands: 2 }],
      byTechnology: [{ slug: "ai", nameZh: "人工智能", nameEn: "Artificial intelligence", demands: 9, applications: 41 }],
      responseTimes: { demands: responseExample(30, 14, 9.5, 41.2), applications: responseExample(502, 0, 12, 20.5) },
      matchesByStage: [
        { stage: "accepted", count: 11 },
        { stage: "piloting", count: 7 },
        { stage: "deployed", count: 5 },
      ],
    },
  },
  paged: false,
  session: "optional",
  maxAge: 300,
  notFound: true,
});

// ─── The document ────────────────────────────────────────────────────────────

export const OPENAPI = endpoint({
  path: "/api/v1/openapi.json",
  operationId: "openApiDocument",
  tag: "documentation",
  summary: "This OpenAPI document",
  description: "The OpenAPI 3.1 description of the API, generated from the same schemas that shape the answers.",
  resource: "Document",
  query: z.object({}),
  params: noParams,
  response: openApiAnswer,
  example: { request: "/api/v1/openapi.json", answer: { openapi: "3.1.0", info: { title: "Putuo Lab API", version: "1.0.0" }, paths: {} } },
  paged: false,
  session: "optional",
  maxAge: 3600,
  notFound: false,
});

/** Every endpoint, in the order the document and the developer page list them. */
export function apiEndpoints(): EndpointSpec[] {
  return [SEARCH, DEMANDS, DEMAND, DEMAND_CANDIDATES, APPLICATIONS, APPLICATION, ORGANIZATIONS, ORGANIZATION, LISTS, LIST, MATCHES, STATS, OPENAPI] as unknown as EndpointSpec[];
}
