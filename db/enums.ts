/**
 * The closed vocabularies of the domain. Stored as text with CHECK constraints
 * (see schema.ts); the same arrays drive zod validation and the UI's options.
 */

export const ROLES = [
  "resident",
  "community_worker",
  "firm_member",
  "reviewer",
  "official",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = [
  "vendor",
  "subdistrict_office",
  "neighbourhood_committee",
  "government_department",
  "research_institute",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const SUBDISTRICT_KINDS = ["subdistrict", "town"] as const;

/** Shanghai's three areas of urban digital transformation. */
export const DOMAINS = ["economy", "life", "governance"] as const;
export type Domain = (typeof DOMAINS)[number];

export const CAMPAIGN_STAGES = [
  "collecting",
  "screening",
  "reviewing",
  "shortlisting",
  "published",
  "closed",
] as const;
export type CampaignStage = (typeof CAMPAIGN_STAGES)[number];

/** The shared life cycle of demands and applications (see DESIGN.md). */
export const ITEM_STATUSES = [
  "draft",
  "submitted",
  "in_review",
  "scored",
  "shortlisted",
  "selected",
  "not_shortlisted",
  "rejected",
  "withdrawn",
] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const RAISED_BY = ["resident", "company", "community", "urban_management"] as const;
export type RaisedBy = (typeof RAISED_BY)[number];

export const CONTACT_PREFERENCES = ["none", "phone", "email", "in_person"] as const;

export const MATURITIES = ["concept", "pilot", "deployed"] as const;
export type Maturity = (typeof MATURITIES)[number];

/** Indicative cost of a solution, in CNY. */
export const COST_BANDS = ["under_100k", "100k_500k", "500k_2m", "over_2m"] as const;
export type CostBand = (typeof COST_BANDS)[number];

export const TAG_KINDS = ["technology", "scenario", "target_group"] as const;
export type TagKind = (typeof TAG_KINDS)[number];

export type RubricCriterion = {
  key: string;
  labelZh: string;
  labelEn: string;
  /** Relative weight; weights of a rubric sum to 1. */
  weight: number;
  /** Scores run from 1 to scaleMax. */
  scaleMax: number;
};

export const DEFAULT_RUBRIC: RubricCriterion[] = [
  { key: "innovation", labelZh: "创新性", labelEn: "Innovation", weight: 0.3, scaleMax: 10 },
  { key: "feasibility", labelZh: "可行性", labelEn: "Feasibility", weight: 0.25, scaleMax: 10 },
  { key: "social_value", labelZh: "社会价值", labelEn: "Social value", weight: 0.3, scaleMax: 10 },
  { key: "cost_effectiveness", labelZh: "性价比", labelEn: "Cost-effectiveness", weight: 0.15, scaleMax: 10 },
];

/** How a need reached the community worker in assisted intake. */
export const INTAKE_CHANNELS = ["phone", "in_person", "paper"] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** How the resident's consent to submit on their behalf was recorded. */
export const CONSENT_METHODS = ["verbal_phone", "verbal_in_person", "signed_form"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const ATTACHMENT_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf"] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_ITEM = 5;

export const IMPORT_KINDS = ["applications", "demands"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ["validating", "failed", "importing", "done"] as const;

export const SEARCH_ENTITY_TYPES = ["demand", "application", "organization"] as const;
export type SearchEntityType = (typeof SEARCH_ENTITY_TYPES)[number];

/** The two kinds of item that go through review. */
export const ITEM_TYPES = ["demand", "application"] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ASSIGNMENT_STATUSES = ["assigned", "submitted", "recused"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const OVERRIDE_DECISIONS = ["include", "exclude"] as const;
export type OverrideDecision = (typeof OVERRIDE_DECISIONS)[number];

export const EMAIL_STATUSES = ["pending", "sent", "failed", "local"] as const;

/** The match pipeline, from a computed suggestion to a deployment. */
export const MATCH_STAGES = ["suggested", "proposed", "accepted", "piloting", "deployed", "declined"] as const;
export type MatchStage = (typeof MATCH_STAGES)[number];
