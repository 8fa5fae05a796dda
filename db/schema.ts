/**
 * The drizzle schema: one source for the tables of PostgreSQL and PGlite alike.
 * Enums are stored as text with a CHECK constraint (easy to extend with a plain
 * migration); every foreign key says what happens on delete; indexes sit beside
 * their table.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

import {
  ASSIGNMENT_STATUSES,
  ATTACHMENT_MIME_TYPES,
  CAMPAIGN_STAGES,
  CONSENT_METHODS,
  CONTACT_PREFERENCES,
  COST_BANDS,
  DOMAINS,
  EMAIL_STATUSES,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  INTAKE_CHANNELS,
  ITEM_STATUSES,
  ITEM_TYPES,
  MATCH_STAGES,
  MATURITIES,
  ORGANIZATION_KINDS,
  OVERRIDE_DECISIONS,
  RAISED_BY,
  ROLES,
  SEARCH_ENTITY_TYPES,
  SUBDISTRICT_KINDS,
  TAG_KINDS,
  type RubricCriterion,
} from "./enums";

/** `CHECK (col IN ('a','b'))` for a text column holding one of `values`. */
function oneOf(column: { name: string }, values: readonly string[]) {
  return sql.raw(`"${column.name}" IN (${values.map((v) => `'${v}'`).join(", ")})`);
}

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();

// ─── People and organisations ────────────────────────────────────────────────

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    phone: text("phone"),
    /** Preferred interface language, `zh-CN` or `en`. */
    locale: text("locale").notNull().default("zh-CN"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    check("users_locale_check", oneOf(t.locale, ["zh-CN", "en"])),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token, hex; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    grantedById: integer("granted_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check("user_roles_role_check", oneOf(t.role, ROLES)),
  ],
);

export const subdistricts = pgTable(
  "subdistricts",
  {
    id: id(),
    /** Stable slug used in URLs, e.g. `ganquan-road`. */
    slug: text("slug").notNull().unique(),
    nameZh: text("name_zh").notNull().unique(),
    nameEn: text("name_en").notNull().unique(),
    kind: text("kind", { enum: SUBDISTRICT_KINDS }).notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [check("subdistricts_kind_check", oneOf(t.kind, SUBDISTRICT_KINDS))],
);

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    kind: text("kind", { enum: ORGANIZATION_KINDS }).notNull(),
    verified: boolean("verified").notNull().default(false),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedById: integer("verified_by_id").references(() => users.id, { onDelete: "set null" }),
    descriptionZh: text("description_zh").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    capabilities: text("capabilities").array().notNull().default(sql`'{}'::text[]`),
    website: text("website"),
    /** Subdistrict offices and neighbourhood committees belong to one subdistrict. */
    subdistrictId: integer("subdistrict_id").references(() => subdistricts.id, {
      onDelete: "set null",
    }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("organizations_name_zh_idx").on(t.nameZh),
    index("organizations_kind_idx").on(t.kind),
    check("organizations_kind_check", oneOf(t.kind, ORGANIZATION_KINDS)),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** `owner` may manage the profile and members; `member` may submit. */
    role: text("role", { enum: ["owner", "member"] }).notNull().default("member"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organizationId] }),
    index("memberships_org_idx").on(t.organizationId),
    check("memberships_role_check", oneOf(t.role, ["owner", "member"])),
  ],
);

// ─── Campaigns, demands, applications ────────────────────────────────────────

export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    slug: text("slug").notNull().unique(),
    titleZh: text("title_zh").notNull(),
    titleEn: text("title_en").notNull(),
    descriptionZh: text("description_zh").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    stage: text("stage", { enum: CAMPAIGN_STAGES }).notNull().default("collecting"),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    applicationQuota: integer("application_quota").notNull().default(100),
    demandQuota: integer("demand_quota").notNull().default(10),
    reviewersPerItem: integer("reviewers_per_item").notNull().default(3),
    /** Optional cap on shortlisted applications per vendor. */
    vendorCap: integer("vendor_cap"),
    rubric: jsonb("rubric").$type<RubricCriterion[]>().notNull(),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check("campaigns_stage_check", oneOf(t.stage, CAMPAIGN_STAGES)),
    check("campaigns_dates_check", sql`${t.closesAt} > ${t.opensAt}`),
    check("campaigns_quota_check", sql`${t.applicationQuota} >= 0 AND ${t.demandQuota} >= 0`),
    check("campaigns_reviewers_check", sql`${t.reviewersPerItem} BETWEEN 1 AND 10`),
  ],
);

export const demands = pgTable(
  "demands",
  {
    id: id(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "restrict" }),
    /** External reference from a bulk import; re-importing a ref updates. */
    ref: text("ref"),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Language the item was written in. */
    lang: text("lang").notNull().default("zh-CN"),
    domain: text("domain", { enum: DOMAINS }).notNull(),
    subdistrictId: integer("subdistrict_id")
      .notNull()
      .references(() => subdistricts.id, { onDelete: "restrict" }),
    raisedBy: text("raised_by", { enum: RAISED_BY }).notNull(),
    contactPreference: text("contact_preference", { enum: CONTACT_PREFERENCES })
      .notNull()
      .default("none"),
    /** Phone number or e-mail for the preferred contact; shown only to officials and the author. */
    contactValue: text("contact_value"),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    /** The organisation that raised it (company, committee, office), if any. */
    organizationId: integer("organization_id").references(() => organizations.id, {
      onDelete: "set null",
    }),
    status: text("status", { enum: ITEM_STATUSES }).notNull().default("draft"),
    supportCount: integer("support_count").notNull().default(0),
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("demands_campaign_ref_idx").on(t.campaignId, t.ref),
    index("demands_campaign_status_idx").on(t.campaignId, t.status),
    index("demands_subdistrict_idx").on(t.subdistrictId),
    index("demands_author_idx").on(t.authorId),
    index("demands_status_submitted_idx").on(t.status, t.submittedAt),
    check("demands_domain_check", oneOf(t.domain, DOMAINS)),
    check("demands_raised_by_check", oneOf(t.raisedBy, RAISED_BY)),
    check("demands_contact_check", oneOf(t.contactPreference, CONTACT_PREFERENCES)),
    check("demands_status_check", oneOf(t.status, ITEM_STATUSES)),
    check("demands_lang_check", oneOf(t.lang, ["zh-CN", "en"])),
  ],
);

export const applications = pgTable(
  "applications",
  {
    id: id(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "restrict" }),
    ref: text("ref"),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull(),
    lang: text("lang").notNull().default("zh-CN"),
    domain: text("domain", { enum: DOMAINS }).notNull(),
    maturity: text("maturity", { enum: MATURITIES }).notNull(),
    costBand: text("cost_band", { enum: COST_BANDS }),
    /** The firm chose to make it public from submission rather than from selection. */
    publicFromSubmission: boolean("public_from_submission").notNull().default(false),
    status: text("status", { enum: ITEM_STATUSES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("applications_campaign_ref_idx").on(t.campaignId, t.ref),
    index("applications_campaign_status_idx").on(t.campaignId, t.status),
    index("applications_org_idx").on(t.organizationId),
    index("applications_author_idx").on(t.authorId),
    index("applications_status_submitted_idx").on(t.status, t.submittedAt),
    check("applications_domain_check", oneOf(t.domain, DOMAINS)),
    check("applications_maturity_check", oneOf(t.maturity, MATURITIES)),
    check("applications_cost_band_check", oneOf(t.costBand, COST_BANDS)),
    check("applications_status_check", oneOf(t.status, ITEM_STATUSES)),
    check("applications_lang_check", oneOf(t.lang, ["zh-CN", "en"])),
  ],
);

/** Where an application already runs: a Putuo subdistrict, or a place elsewhere. */
export const applicationDeployments = pgTable(
  "application_deployments",
  {
    id: id(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    subdistrictId: integer("subdistrict_id").references(() => subdistricts.id, {
      onDelete: "set null",
    }),
    /** Free text when outside Putuo, e.g. "徐汇区" or "Hangzhou". */
    placeName: text("place_name"),
    since: date("since"),
  },
  (t) => [
    index("application_deployments_app_idx").on(t.applicationId),
    index("application_deployments_subdistrict_idx").on(t.subdistrictId),
    check(
      "application_deployments_place_check",
      sql`${t.subdistrictId} IS NOT NULL OR ${t.placeName} IS NOT NULL`,
    ),
  ],
);

/** The demands an application says it addresses. */
export const applicationDemands = pgTable(
  "application_demands",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    demandId: integer("demand_id")
      .notNull()
      .references(() => demands.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.demandId] }),
    index("application_demands_demand_idx").on(t.demandId),
  ],
);

// ─── Tags: technologies, scenarios, target groups ────────────────────────────

export const tags = pgTable(
  "tags",
  {
    id: id(),
    kind: text("kind", { enum: TAG_KINDS }).notNull(),
    slug: text("slug").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
  },
  (t) => [
    uniqueIndex("tags_kind_slug_idx").on(t.kind, t.slug),
    check("tags_kind_check", oneOf(t.kind, TAG_KINDS)),
  ],
);

export const demandTags = pgTable(
  "demand_tags",
  {
    demandId: integer("demand_id")
      .notNull()
      .references(() => demands.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.demandId, t.tagId] }), index("demand_tags_tag_idx").on(t.tagId)],
);

export const applicationTags = pgTable(
  "application_tags",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.tagId] }),
    index("application_tags_tag_idx").on(t.tagId),
  ],
);

// ─── Supports and audit ──────────────────────────────────────────────────────

export const supports = pgTable(
  "supports",
  {
    demandId: integer("demand_id")
      .notNull()
      .references(() => demands.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.demandId, t.userId] }), index("supports_user_idx").on(t.userId)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    actorId: integer("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** What happened, e.g. `demand.submit`, `role.grant`, `organization.verify`. */
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    reason: text("reason"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_created_idx").on(t.createdAt),
  ],
);

/**
 * A demand a community worker submitted on behalf of a resident who cannot use
 * apps. The resident's phone is shown only to officials and the worker.
 */
export const assistedIntakes = pgTable(
  "assisted_intakes",
  {
    demandId: integer("demand_id")
      .primaryKey()
      .references(() => demands.id, { onDelete: "cascade" }),
    residentName: text("resident_name").notNull(),
    residentPhone: text("resident_phone"),
    channel: text("channel", { enum: INTAKE_CHANNELS }).notNull(),
    consentMethod: text("consent_method", { enum: CONSENT_METHODS }).notNull(),
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    /** The community worker who recorded the consent. */
    recordedById: integer("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("assisted_intakes_recorded_by_idx").on(t.recordedById),
    check("assisted_intakes_channel_check", oneOf(t.channel, INTAKE_CHANNELS)),
    check("assisted_intakes_consent_check", oneOf(t.consentMethod, CONSENT_METHODS)),
  ],
);

/** Images and PDFs on demands and applications; the bytes live in the storage backend. */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    demandId: integer("demand_id").references(() => demands.id, { onDelete: "cascade" }),
    applicationId: integer("application_id").references(() => applications.id, {
      onDelete: "cascade",
    }),
    /** Key in the storage backend (e.g. a relative path in the local folder). */
    storageKey: text("storage_key").notNull().unique(),
    fileName: text("file_name").notNull(),
    /** Detected from the content, never from the name. */
    mimeType: text("mime_type", { enum: ATTACHMENT_MIME_TYPES }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedById: integer("uploaded_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("attachments_demand_idx").on(t.demandId),
    index("attachments_application_idx").on(t.applicationId),
    check("attachments_owner_check", sql`num_nonnulls(${t.demandId}, ${t.applicationId}) = 1`),
    check("attachments_mime_check", oneOf(t.mimeType, ATTACHMENT_MIME_TYPES)),
    check("attachments_size_check", sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 10485760`),
  ],
);

/** One bulk import (upload page or command line): its progress and its report. */
export const importRuns = pgTable(
  "import_runs",
  {
    id: id(),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("validating"),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    /** Row-level problems: `[{ row, column, message }]`. */
    problems: jsonb("problems").$type<{ row: number; column: string; message: string }[]>(),
    createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("import_runs_created_idx").on(t.createdAt),
    check("import_runs_kind_check", oneOf(t.kind, IMPORT_KINDS)),
    check("import_runs_status_check", oneOf(t.status, IMPORT_STATUSES)),
  ],
);

/**
 * The transactional outbox of the search index: every change to a searchable
 * item adds a row in the same transaction; a worker drains it into the engine.
 */
export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    entityType: text("entity_type", { enum: SEARCH_ENTITY_TYPES }).notNull(),
    entityId: integer("entity_id").notNull(),
    attempts: integer("attempts").notNull().default(0),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("search_outbox_pending_idx")
      .on(t.availableAt, t.id)
      .where(sql`${t.processedAt} IS NULL`),
    check("search_outbox_entity_check", oneOf(t.entityType, SEARCH_ENTITY_TYPES)),
  ],
);

// ─── Review: screening, assignment, scoring, shortlist, publication ─────────

/** Reusable reasons for rejecting an item at screening. */
export const screeningReasons = pgTable("screening_reasons", {
  id: id(),
  textZh: text("text_zh").notNull(),
  textEn: text("text_en").notNull(),
  active: boolean("active").notNull().default(true),
  ...timestamps,
});

/**
 * One reviewer assigned to one item. Exactly one of demandId/applicationId is
 * set, matching itemType. A recused assignment stays for the record.
 */
export const reviewAssignments = pgTable(
  "review_assignments",
  {
    id: id(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemType: text("item_type", { enum: ITEM_TYPES }).notNull(),
    demandId: integer("demand_id").references(() => demands.id, { onDelete: "cascade" }),
    applicationId: integer("application_id").references(() => applications.id, { onDelete: "cascade" }),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull().default("assigned"),
    /** Null when assigned automatically. */
    assignedById: integer("assigned_by_id").references(() => users.id, { onDelete: "set null" }),
    recusalReason: text("recusal_reason"),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("review_assignments_demand_reviewer_idx").on(t.demandId, t.reviewerId),
    uniqueIndex("review_assignments_application_reviewer_idx").on(t.applicationId, t.reviewerId),
    index("review_assignments_reviewer_idx").on(t.reviewerId, t.status),
    index("review_assignments_campaign_idx").on(t.campaignId, t.itemType),
    check("review_assignments_item_type_check", oneOf(t.itemType, ITEM_TYPES)),
    check("review_assignments_status_check", oneOf(t.status, ASSIGNMENT_STATUSES)),
    check(
      "review_assignments_item_check",
      sql`(${t.itemType} = 'demand' AND ${t.demandId} IS NOT NULL AND ${t.applicationId} IS NULL) OR (${t.itemType} = 'application' AND ${t.applicationId} IS NOT NULL AND ${t.demandId} IS NULL)`,
    ),
  ],
);

/** A reviewer's scores for one assignment: per criterion of the campaign's rubric. */
export const reviews = pgTable("reviews", {
  assignmentId: integer("assignment_id")
    .primaryKey()
    .references(() => reviewAssignments.id, { onDelete: "cascade" }),
  /** `{ criterionKey: score }`, each within 1..scaleMax of the rubric. */
  scores: jsonb("scores").$type<Record<string, number>>().notNull(),
  /** `{ criterionKey: comment }`; comments reach the submitter anonymised. */
  comments: jsonb("comments").$type<Record<string, string>>().notNull().default({}),
  overallComment: text("overall_comment").notNull().default(""),
  /** Σ weight × score / scaleMax, in 0..1: comparable across rubrics. */
  weightedScore: real("weighted_score").notNull(),
  submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  ...timestamps,
});

/** A reviewer's declared conflict with an organisation (beyond their own membership). */
export const reviewerConflicts = pgTable(
  "reviewer_conflicts",
  {
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.organizationId] })],
);

/** An official moving an item across the shortlist cut, with the reason. */
export const shortlistOverrides = pgTable(
  "shortlist_overrides",
  {
    id: id(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemType: text("item_type", { enum: ITEM_TYPES }).notNull(),
    itemId: integer("item_id").notNull(),
    decision: text("decision", { enum: OVERRIDE_DECISIONS }).notNull(),
    reason: text("reason").notNull(),
    decidedById: integer("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("shortlist_overrides_item_idx").on(t.campaignId, t.itemType, t.itemId),
    check("shortlist_overrides_item_type_check", oneOf(t.itemType, ITEM_TYPES)),
    check("shortlist_overrides_decision_check", oneOf(t.decision, OVERRIDE_DECISIONS)),
  ],
);

/** The published lists: a snapshot of rank and score at publication. */
export const publishedListEntries = pgTable(
  "published_list_entries",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    itemType: text("item_type", { enum: ITEM_TYPES }).notNull(),
    itemId: integer("item_id").notNull(),
    rank: integer("rank").notNull(),
    /** Mean normalised score (z-score scale) at publication. */
    score: real("score").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.itemType, t.itemId] }),
    uniqueIndex("published_list_rank_idx").on(t.campaignId, t.itemType, t.rank),
    check("published_list_item_type_check", oneOf(t.itemType, ITEM_TYPES)),
  ],
);

// ─── Notifications ───────────────────────────────────────────────────────────

/** In-app inbox. Text is rendered from `kind` + `params` in the reader's language. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

/**
 * Outgoing e-mail, written in the same transaction as the event; a sender
 * delivers it through SMTP, or marks it `local` when no SMTP is configured
 * (developers read those in the local mailbox page).
 */
export const outgoingEmails = pgTable(
  "outgoing_emails",
  {
    id: id(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: EMAIL_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outgoing_emails_status_idx").on(t.status, t.createdAt),
    check("outgoing_emails_status_check", oneOf(t.status, EMAIL_STATUSES)),
  ],
);

// ─── Matching vendors to subdistrict needs ───────────────────────────────────

/** A vendor answering a demand with one of its applications and a short proposal. */
export const vendorResponses = pgTable(
  "vendor_responses",
  {
    id: id(),
    demandId: integer("demand_id")
      .notNull()
      .references(() => demands.id, { onDelete: "cascade" }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id, { onDelete: "set null" }),
    approach: text("approach").notNull(),
    timeline: text("timeline").notNull(),
    costBand: text("cost_band", { enum: COST_BANDS }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("vendor_responses_demand_app_idx").on(t.demandId, t.applicationId),
    index("vendor_responses_org_idx").on(t.organizationId),
    check("vendor_responses_cost_band_check", oneOf(t.costBand, COST_BANDS)),
  ],
);

/**
 * A demand paired with an application (and so its vendor), moving along
 * suggested → proposed → accepted → piloting → deployed, or declined.
 */
export const matches = pgTable(
  "matches",
  {
    id: id(),
    demandId: integer("demand_id")
      .notNull()
      .references(() => demands.id, { onDelete: "cascade" }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    /** The vendor, kept here so permission checks need no join. */
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The subdistrict of the demand: who may move the match. */
    subdistrictId: integer("subdistrict_id")
      .notNull()
      .references(() => subdistricts.id, { onDelete: "restrict" }),
    stage: text("stage", { enum: MATCH_STAGES }).notNull().default("proposed"),
    /** Candidate score and reasons when proposed (a snapshot, for the record). */
    score: real("score"),
    reasons: jsonb("reasons").$type<{ code: string; weight: number; detail?: string }[]>(),
    proposedById: integer("proposed_by_id").references(() => users.id, { onDelete: "set null" }),
    responseId: integer("response_id").references(() => vendorResponses.id, { onDelete: "set null" }),
    pilotSite: text("pilot_site"),
    pilotStartOn: date("pilot_start_on"),
    pilotKpis: text("pilot_kpis"),
    outcome: text("outcome"),
    deployedOn: date("deployed_on"),
    declinedReason: text("declined_reason"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("matches_demand_app_idx").on(t.demandId, t.applicationId),
    index("matches_subdistrict_stage_idx").on(t.subdistrictId, t.stage),
    index("matches_org_idx").on(t.organizationId, t.stage),
    check("matches_stage_check", oneOf(t.stage, MATCH_STAGES)),
  ],
);

// ─── Search (the PostgreSQL engine's index) ──────────────────────────────────

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One searchable item as the PostgreSQL engine indexes it: the weighted
 * tsvector of our own tokens (search/tokenizer.ts), the filter and facet
 * fields, and the visibility fields derived from the one rule. Drafts are
 * never here. Rebuilt from the source tables by the outbox worker and reindex.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    entityType: text("entity_type", { enum: SEARCH_ENTITY_TYPES }).notNull(),
    entityId: integer("entity_id").notNull(),
    title: text("title").notNull(),
    /** Plain text the snippet is cut from (summary, description). */
    body: text("body").notNull(),
    lang: text("lang").notNull().default("zh-CN"),
    domain: text("domain"),
    status: text("status"),
    subdistrictIds: integer("subdistrict_ids").array().notNull().default(sql`'{}'::int[]`),
    technologyIds: integer("technology_ids").array().notNull().default(sql`'{}'::int[]`),
    organizationId: integer("organization_id"),
    campaignId: integer("campaign_id"),
    isPublic: boolean("is_public").notNull(),
    authorId: integer("author_id"),
    /** Applications: the firm whose members see it before it is public. */
    memberOrganizationId: integer("member_organization_id"),
    reviewerIds: integer("reviewer_ids").array().notNull().default(sql`'{}'::int[]`),
    supportCount: integer("support_count").notNull().default(0),
    sortDate: timestamp("sort_date", { withTimezone: true }),
    tsv: tsvector("tsv").notNull(),
    indexedAt: timestamp("indexed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entityType, t.entityId] }),
    index("search_documents_tsv_idx").using("gin", t.tsv),
    index("search_documents_subdistricts_idx").using("gin", t.subdistrictIds),
    index("search_documents_technologies_idx").using("gin", t.technologyIds),
    index("search_documents_filters_idx").on(t.entityType, t.domain, t.status),
    index("search_documents_org_idx").on(t.organizationId),
    index("search_documents_campaign_idx").on(t.campaignId),
    check("search_documents_entity_check", oneOf(t.entityType, SEARCH_ENTITY_TYPES)),
  ],
);

/** Latin words seen in the index, for "did you mean" through pg_trgm. */
export const searchTerms = pgTable(
  "search_terms",
  {
    term: text("term").primaryKey(),
    documentCount: integer("document_count").notNull().default(0),
  },
  (t) => [index("search_terms_trgm_idx").using("gin", sql`${t.term} gin_trgm_ops`)],
);

// ─── Infrastructure ──────────────────────────────────────────────────────────

/** Counters for rate-limiter-flexible's Drizzle store (failed sign-ins etc.). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

/** Free-form numeric facts about the database, e.g. the seed's scale. */
export const meta = pgTable("meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  number: real("number"),
  ...timestamps,
});
