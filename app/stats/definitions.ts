/**
 * The vocabulary of the statistics, shared by the server (stats.server.ts,
 * which defines how each number is counted) and the charts in the browser.
 */
import type { CampaignStage, Domain, MatchStage } from "../../db/enums";

/** The funnel's stages, in order; stats.server.ts says what each one counts. */
export const FUNNEL_STAGES = ["submitted", "passedScreening", "scored", "shortlisted", "selected"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type FunnelCounts = Record<FunnelStage, number>;

/** Where the items stand now, by status (drafts and withdrawn items left out). */
export const CURRENT_STATUSES = ["awaitingScreening", "inReview", "scored", "shortlisted", "selected", "notShortlisted", "rejected"] as const;
export type CurrentStatus = (typeof CURRENT_STATUSES)[number];
export type StatusCounts = Record<CurrentStatus, number>;

export type ReviewCounts = {
  /** Reviewer assignments still standing (recused ones left out). */
  assignments: number;
  /** Assignments whose review has been submitted. */
  done: number;
  /** Assignments still waiting for their review. */
  pending: number;
  recused: number;
  /** Review score sheets submitted. */
  reviews: number;
  /** Items with the campaign's full set of submitted reviews (reviewers per item). */
  itemsComplete: number;
  /** Items that went to review (passed screening). */
  itemsToReview: number;
};

/** Upper bounds (exclusive, in days) of the response-time histogram's buckets; the last bucket is open. */
export const RESPONSE_BUCKETS = [1, 3, 7, 14, 30, 60] as const;

export type ResponseTimes = {
  /** Items with a dated first response; the figures below are over these. */
  responded: number;
  /** Items that have had no response yet. */
  waiting: number;
  /** Applications past screening without a dated record of it (always 0 for demands). */
  undated: number;
  /** In days, one decimal; null when nothing has been answered. */
  medianDays: number | null;
  p90Days: number | null;
  /** One count per bucket: [0, 1), [1, 3), … [30, 60), 60 days and more. */
  histogram: { fromDays: number; toDays: number | null; count: number }[];
};

export type CampaignSummary = {
  slug: string;
  titleZh: string;
  titleEn: string;
  stage: CampaignStage;
  opensAt: string;
  closesAt: string;
  applicationQuota: number;
  demandQuota: number;
  reviewersPerItem: number;
};

export type CampaignStats = CampaignSummary & {
  funnel: { applications: FunnelCounts; demands: FunnelCounts };
  status: { applications: StatusCounts; demands: StatusCounts };
  review: { applications: ReviewCounts; demands: ReviewCounts };
};

export type ProgrammeStats = {
  /** When the numbers were read (ISO 8601). */
  asOf: string;
  /** The campaign the numbers are limited to, or null for the whole programme. */
  campaign: CampaignSummary | null;
  /** Every campaign, newest first (to choose from). */
  campaignOptions: CampaignSummary[];
  /** Headline numbers over the campaigns in scope. */
  totals: {
    applications: FunnelCounts;
    demands: FunnelCounts;
    /** Public matches confirmed by both sides (accepted, piloting, deployed). */
    matched: number;
    piloting: number;
    deployed: number;
  };
  /** The campaigns in scope, newest first. */
  campaigns: CampaignStats[];
  /** Public items by domain, in the order of DOMAINS. */
  byDomain: { domain: Domain; demands: number; applications: number }[];
  /** Public demands by subdistrict and town, in the district's order. */
  bySubdistrict: { slug: string; nameZh: string; nameEn: string; kind: "subdistrict" | "town"; demands: number; selectedDemands: number }[];
  /** Public items by technology tag, most used first (every technology tag, zeros too). */
  byTechnology: { slug: string; nameZh: string; nameEn: string; demands: number; applications: number }[];
  /**
   * Time to a first response. Demands (public ones): from submission to the
   * first vendor response or match proposal. Applications (every submitted
   * one): from submission to the first screening decision (pass or reject, in
   * the audit trail) or, where the screening was not recorded, the first
   * reviewer assignment (which only follows a pass).
   */
  responseTimes: { demands: ResponseTimes; applications: ResponseTimes };
  /** Public matches by pipeline stage: only the stages the public sees. */
  matchesByStage: { stage: MatchStage; count: number }[];
};
