/**
 * The open datasets: what anybody may download from /data, as flat rows with
 * stable English snake_case column keys (names in both languages where the
 * data has them). Five kinds: each published list, all public demands, all
 * public applications, the organisations' public profiles, and the matches
 * at public stages.
 *
 * Everything is read as the anonymous public sees it (app/visibility, and
 * scope.server.ts for matches), so a file is the same for everyone and can be
 * cached. Nothing personal is ever selected: no author, no contact, no
 * e-mail or phone, no assisted-intake resident.
 *
 * Rows come in keyset-paged batches (`BATCH_SIZE`, by id or rank) with one
 * query per side table per batch, so a dataset of 50,000 rows streams in
 * bounded memory and never waits on one giant query. `stat` is the cheap
 * summary — row count, last change and a fingerprint of the state — that the
 * page shows and the ETag is made from.
 */
import { createHash } from "node:crypto";

import { and, asc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";

import type { Database } from "../../db/client";
import { COST_BANDS, DOMAINS, ITEM_STATUSES, ITEM_TYPES, MATURITIES, ORGANIZATION_KINDS, RAISED_BY } from "../../db/enums";
import {
  applicationDeployments,
  applications,
  applicationTags,
  campaigns,
  demands,
  demandTags,
  matches,
  organizations,
  publishedListEntries,
  subdistricts,
  tags,
} from "../../db/schema";
import { matchVisibleTo, NO_SCOPE, PUBLIC_STAGES } from "~/matching/scope.server";
import { publishedCampaigns } from "~/review/lists.server";
import { env } from "~/utils/env.server";
import { fixedT } from "~/utils/i18n.server";
import { publicApplication, publicDemand } from "~/visibility/visibility.server";

export const BATCH_SIZE = 2000;

/** The datasets that are not a published list, in the order the page shows them. */
export const FULL_DATASETS = ["demands", "applications", "organizations", "matches"] as const;
export type FullDatasetName = (typeof FULL_DATASETS)[number];

/** Separates the values of a multi-valued cell (documented on the page). */
export const LIST_SEPARATOR = "; ";

export type Bilingual = { zh: string; en: string };
export type ColumnType = "integer" | "number" | "text" | "list" | "code" | "date" | "datetime" | "boolean" | "url";
export type ColumnValue = { value: string } & Bilingual;
export type Column = { key: string; type: ColumnType; label: Bilingual; meaning: Bilingual; values?: ColumnValue[] };
/** A cell: dates of type `date` are `YYYY-MM-DD` strings, `datetime` cells are Dates. */
export type Cell = string | number | boolean | Date | null;
export type Row = Record<string, Cell>;

export type DatasetStat = {
  rows: number;
  /** The latest change to anything the rows show; null for an empty dataset. */
  lastChanged: Date | null;
  /** Changes whenever the rows may have changed (the ETag is made from it). */
  fingerprint: string;
};

export type Dataset = {
  /** `demands`, `applications`, `organizations`, `matches` or `lists/<campaign slug>`. */
  id: string;
  kind: "full" | "list";
  /** The ASCII file name without extension, e.g. `putuo-lab-demands`. */
  fileStem: string;
  /** Path of a download without the extension, e.g. `/data/demands`. */
  path: string;
  title: Bilingual;
  description: Bilingual;
  columns: Column[];
  stat(db: Database): Promise<DatasetStat>;
  /** The rows, in batches of at most BATCH_SIZE, in a stable order. */
  batches(db: Database): AsyncGenerator<Row[]>;
};

// ─── Text in both languages ──────────────────────────────────────────────────

const zhT = () => fixedT("zh-CN");
const enT = () => fixedT("en");

const names = new Map<string, Bilingual>();

/** A text in both languages; a plain key (a code's name, asked for on every row) is looked up once. */
function both(key: string, options?: Record<string, unknown>): Bilingual {
  if (options) return { zh: String(zhT()(key, options)), en: String(enT()(key, options)) };
  let found = names.get(key);
  if (!found) {
    found = { zh: String(zhT()(key)), en: String(enT()(key)) };
    names.set(key, found);
  }
  return found;
}

/** A closed vocabulary and the translation key of each code's name. */
type Enum = { codes: readonly string[]; key: (code: string) => string };
const DOMAIN: Enum = { codes: DOMAINS, key: (code) => `common:domains.${code}` };
const statusKey = (code: string) => `workflow:statuses.${code}`;

/** Statuses a public demand or application can have (the visibility rule hides the others). */
const PUBLIC_STATUSES = ITEM_STATUSES.filter((s) => !["draft", "withdrawn", "rejected"].includes(s));

function column(key: string, type: ColumnType, values?: Enum): Column {
  return {
    key,
    type,
    label: both(`opendata:columns.${key}.label`),
    meaning: both(`opendata:columns.${key}.meaning`),
    ...(values ? { values: values.codes.map((code) => ({ value: code, ...both(values.key(code)) })) } : {}),
  };
}

/** `<key>`, `<key>_zh`, `<key>_en`: a list of codes and their names. */
function namedList(key: string): Column[] {
  return [column(key, "list"), column(`${key}_zh`, "list"), column(`${key}_en`, "list")];
}

const domainColumns = () => [column("domain", "code", DOMAIN), column("domain_zh", "text"), column("domain_en", "text")];
const subdistrictColumns = () => [column("subdistrict_slug", "code"), column("subdistrict_zh", "text"), column("subdistrict_en", "text")];
const campaignColumns = () => [column("campaign", "code"), column("campaign_zh", "text"), column("campaign_en", "text")];

// ─── Cell helpers ────────────────────────────────────────────────────────────

const baseUrl = () => env().PUBLIC_URL;

function joined(values: readonly string[]): string | null {
  return values.length ? values.join(LIST_SEPARATOR) : null;
}

function domainCells(domain: string): Row {
  const name = both(DOMAIN.key(domain));
  return { domain, domain_zh: name.zh, domain_en: name.en };
}

type Named = { slug: string; nameZh: string; nameEn: string };

function namedCells(key: string, items: readonly Named[]): Row {
  return {
    [key]: joined(items.map((i) => i.slug)),
    [`${key}_zh`]: joined(items.map((i) => i.nameZh)),
    [`${key}_en`]: joined(items.map((i) => i.nameEn)),
  };
}

/** Milliseconds since 1970 of a timestamp expression, the same number on both drivers. */
function epochMs(expression: SQL): SQL<number | null> {
  return sql<number | null>`(extract(epoch from ${expression}) * 1000)::float8`;
}

function dateOf(ms: number | string | null | undefined): Date | null {
  return ms === null || ms === undefined ? null : new Date(Number(ms));
}

function latest(...dates: (Date | null)[]): Date | null {
  const known = dates.filter((d): d is Date => d !== null);
  return known.length ? new Date(Math.max(...known.map((d) => d.getTime()))) : null;
}

function fingerprintOf(...parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 32);
}

/** Batches by ascending id: `fetch(after)` returns up to BATCH_SIZE rows with id > after. */
async function* byId<T extends { id: number }>(fetch: (after: number) => Promise<T[]>, toRows: (batch: T[]) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let after = 0;
  for (;;) {
    const batch = await fetch(after);
    if (batch.length === 0) return;
    yield await toRows(batch);
    if (batch.length < BATCH_SIZE) return;
    after = batch[batch.length - 1].id;
  }
}

type Tag = { kind: string } & Named;

async function demandTagsOf(db: Database, ids: number[]): Promise<Map<number, Tag[]>> {
  const rows = ids.length
    ? await db
        .select({ itemId: demandTags.demandId, kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
        .from(demandTags)
        .innerJoin(tags, eq(tags.id, demandTags.tagId))
        .where(inArray(demandTags.demandId, ids))
        .orderBy(asc(demandTags.demandId), asc(tags.id))
    : [];
  return groupBy(rows);
}

async function applicationTagsOf(db: Database, ids: number[]): Promise<Map<number, Tag[]>> {
  const rows = ids.length
    ? await db
        .select({ itemId: applicationTags.applicationId, kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh, nameEn: tags.nameEn })
        .from(applicationTags)
        .innerJoin(tags, eq(tags.id, applicationTags.tagId))
        .where(inArray(applicationTags.applicationId, ids))
        .orderBy(asc(applicationTags.applicationId), asc(tags.id))
    : [];
  return groupBy(rows);
}

type Deployment = { subdistrict: Named | null; placeName: string | null };

/** Where each application runs: Putuo subdistricts (in the district's order) and places elsewhere. */
async function deploymentsOf(db: Database, ids: number[]): Promise<Map<number, Deployment[]>> {
  const rows = ids.length
    ? await db
        .select({
          itemId: applicationDeployments.applicationId,
          slug: subdistricts.slug,
          nameZh: subdistricts.nameZh,
          nameEn: subdistricts.nameEn,
          placeName: applicationDeployments.placeName,
        })
        .from(applicationDeployments)
        .leftJoin(subdistricts, eq(subdistricts.id, applicationDeployments.subdistrictId))
        .where(inArray(applicationDeployments.applicationId, ids))
        .orderBy(asc(applicationDeployments.applicationId), sql`${subdistricts.sortOrder} nulls last`, asc(applicationDeployments.id))
    : [];
  return groupBy(
    rows.map((r) => ({
      itemId: r.itemId,
      subdistrict: r.slug ? { slug: r.slug, nameZh: r.nameZh!, nameEn: r.nameEn! } : null,
      placeName: r.placeName,
    })),
  );
}

function groupBy<T extends { itemId: number }>(rows: T[]): Map<number, Omit<T, "itemId">[]> {
  const map = new Map<number, Omit<T, "itemId">[]>();
  for (const { itemId, ...rest } of rows) {
    const list = map.get(itemId) ?? [];
    list.push(rest);
    map.set(itemId, list);
  }
  return map;
}

/** The Putuo subdistricts among the deployments, each once, in the district's order. */
function putuoPlaces(list: Deployment[]): Named[] {
  const places: Named[] = [];
  for (const d of list) if (d.subdistrict && !places.some((p) => p.slug === d.subdistrict!.slug)) places.push(d.subdistrict);
  return places;
}

function deploymentCells(list: Deployment[]): Row {
  const elsewhere = [...new Set(list.filter((d) => !d.subdistrict && d.placeName).map((d) => d.placeName!))];
  return { ...namedCells("deployed_subdistricts", putuoPlaces(list)), deployed_elsewhere: joined(elsewhere) };
}

const ofKind = (list: Tag[] | undefined, kind: string) => (list ?? []).filter((t) => t.kind === kind);

// ─── Demands ─────────────────────────────────────────────────────────────────

function demandsDataset(): Dataset {
  const from = (db: Database) =>
    db
      .select({
        id: demands.id,
        title: demands.title,
        lang: demands.lang,
        description: demands.description,
        domain: demands.domain,
        raisedBy: demands.raisedBy,
        status: demands.status,
        supportCount: demands.supportCount,
        submittedAt: demands.submittedAt,
        updatedAt: demands.updatedAt,
        placeSlug: subdistricts.slug,
        placeZh: subdistricts.nameZh,
        placeEn: subdistricts.nameEn,
        campaignSlug: campaigns.slug,
        campaignZh: campaigns.titleZh,
        campaignEn: campaigns.titleEn,
        orgSlug: organizations.slug,
        orgZh: organizations.nameZh,
        orgEn: organizations.nameEn,
      })
      .from(demands)
      .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
      .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
      .leftJoin(organizations, eq(organizations.id, demands.organizationId));
  return {
    id: "demands",
    kind: "full",
    fileStem: "putuo-lab-demands",
    path: "/data/demands",
    title: both("opendata:datasets.demands.title"),
    description: both("opendata:datasets.demands.description"),
    columns: [
      column("id", "integer"),
      column("title", "text"),
      column("title_language", "code"),
      column("description", "text"),
      ...domainColumns(),
      ...subdistrictColumns(),
      column("raised_by", "code", { codes: RAISED_BY, key: (code) => `demands:raisedBy.${code}` }),
      column("organization_slug", "code"),
      column("organization_zh", "text"),
      column("organization_en", "text"),
      ...namedList("target_groups"),
      ...namedList("scenarios"),
      column("support_count", "integer"),
      column("status", "code", { codes: PUBLIC_STATUSES, key: statusKey }),
      ...campaignColumns(),
      column("submitted_at", "datetime"),
      column("updated_at", "datetime"),
      column("url", "url"),
    ],
    async stat(db) {
      const [row] = await db
        .select({
          n: sql<number>`count(*)::int`,
          supports: sql<number>`coalesce(sum(${demands.supportCount}), 0)::int`,
          last: epochMs(sql`max(greatest(${demands.updatedAt}, ${campaigns.updatedAt}, ${organizations.updatedAt}))`),
        })
        .from(demands)
        .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
        .leftJoin(organizations, eq(organizations.id, demands.organizationId))
        .where(publicDemand);
      const lastChanged = dateOf(row.last);
      return { rows: Number(row.n), lastChanged, fingerprint: fingerprintOf(row.n, row.supports, lastChanged?.getTime()) };
    },
    batches(db) {
      return byId(
        (after) => from(db).where(and(publicDemand, gt(demands.id, after))).orderBy(asc(demands.id)).limit(BATCH_SIZE),
        async (batch) => {
          const tagsBy = await demandTagsOf(db, batch.map((d) => d.id));
          return batch.map((d) => ({
            id: d.id,
            title: d.title,
            title_language: d.lang,
            description: d.description,
            ...domainCells(d.domain),
            subdistrict_slug: d.placeSlug,
            subdistrict_zh: d.placeZh,
            subdistrict_en: d.placeEn,
            raised_by: d.raisedBy,
            organization_slug: d.orgSlug,
            organization_zh: d.orgZh,
            organization_en: d.orgEn,
            ...namedCells("target_groups", ofKind(tagsBy.get(d.id), "target_group")),
            ...namedCells("scenarios", ofKind(tagsBy.get(d.id), "scenario")),
            support_count: d.supportCount,
            status: d.status,
            campaign: d.campaignSlug,
            campaign_zh: d.campaignZh,
            campaign_en: d.campaignEn,
            submitted_at: d.submittedAt,
            updated_at: d.updatedAt,
            url: `${baseUrl()}/demands/${d.id}`,
          }));
        },
      );
    },
  };
}

// ─── Applications ────────────────────────────────────────────────────────────

function applicationsDataset(): Dataset {
  const from = (db: Database) =>
    db
      .select({
        id: applications.id,
        title: applications.title,
        lang: applications.lang,
        summary: applications.summary,
        description: applications.description,
        domain: applications.domain,
        maturity: applications.maturity,
        costBand: applications.costBand,
        status: applications.status,
        submittedAt: applications.submittedAt,
        updatedAt: applications.updatedAt,
        vendorSlug: organizations.slug,
        vendorZh: organizations.nameZh,
        vendorEn: organizations.nameEn,
        campaignSlug: campaigns.slug,
        campaignZh: campaigns.titleZh,
        campaignEn: campaigns.titleEn,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId))
      .innerJoin(campaigns, eq(campaigns.id, applications.campaignId));
  return {
    id: "applications",
    kind: "full",
    fileStem: "putuo-lab-applications",
    path: "/data/applications",
    title: both("opendata:datasets.applications.title"),
    description: both("opendata:datasets.applications.description"),
    columns: [
      column("id", "integer"),
      column("title", "text"),
      column("title_language", "code"),
      column("summary", "text"),
      column("description", "text"),
      ...domainColumns(),
      column("vendor_slug", "code"),
      column("vendor_zh", "text"),
      column("vendor_en", "text"),
      ...namedList("technologies"),
      ...namedList("scenarios"),
      ...namedList("target_groups"),
      column("maturity", "code", { codes: MATURITIES, key: (code) => `applications:maturity.${code}` }),
      column("cost_band", "code", { codes: COST_BANDS, key: (code) => `applications:costBands.${code}` }),
      ...namedList("deployed_subdistricts"),
      column("deployed_elsewhere", "list"),
      column("status", "code", { codes: PUBLIC_STATUSES, key: statusKey }),
      ...campaignColumns(),
      column("submitted_at", "datetime"),
      column("updated_at", "datetime"),
      column("url", "url"),
    ],
    async stat(db) {
      const [row] = await db
        .select({
          n: sql<number>`count(*)::int`,
          last: epochMs(sql`max(greatest(${applications.updatedAt}, ${organizations.updatedAt}, ${campaigns.updatedAt}))`),
        })
        .from(applications)
        .innerJoin(organizations, eq(organizations.id, applications.organizationId))
        .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
        .where(publicApplication);
      const lastChanged = dateOf(row.last);
      return { rows: Number(row.n), lastChanged, fingerprint: fingerprintOf(row.n, lastChanged?.getTime()) };
    },
    batches(db) {
      return byId(
        (after) => from(db).where(and(publicApplication, gt(applications.id, after))).orderBy(asc(applications.id)).limit(BATCH_SIZE),
        async (batch) => {
          const ids = batch.map((a) => a.id);
          const [tagsBy, deployments] = await Promise.all([applicationTagsOf(db, ids), deploymentsOf(db, ids)]);
          return batch.map((a) => ({
            id: a.id,
            title: a.title,
            title_language: a.lang,
            summary: a.summary,
            description: a.description,
            ...domainCells(a.domain),
            vendor_slug: a.vendorSlug,
            vendor_zh: a.vendorZh,
            vendor_en: a.vendorEn,
            ...namedCells("technologies", ofKind(tagsBy.get(a.id), "technology")),
            ...namedCells("scenarios", ofKind(tagsBy.get(a.id), "scenario")),
            ...namedCells("target_groups", ofKind(tagsBy.get(a.id), "target_group")),
            maturity: a.maturity,
            cost_band: a.costBand,
            ...deploymentCells(deployments.get(a.id) ?? []),
            status: a.status,
            campaign: a.campaignSlug,
            campaign_zh: a.campaignZh,
            campaign_en: a.campaignEn,
            submitted_at: a.submittedAt,
            updated_at: a.updatedAt,
            url: `${baseUrl()}/applications/${a.id}`,
          }));
        },
      );
    },
  };
}

// ─── Organisations ───────────────────────────────────────────────────────────

/** Public and selected applications per organisation, for the organisations in `ids`. */
async function applicationCountsOf(db: Database, ids: number[]) {
  const rows = ids.length
    ? await db
        .select({
          organizationId: applications.organizationId,
          total: sql<number>`count(*)::int`,
          selected: sql<number>`count(*) filter (where ${applications.status} = 'selected')::int`,
        })
        .from(applications)
        .where(and(inArray(applications.organizationId, ids), publicApplication))
        .groupBy(applications.organizationId)
    : [];
  return new Map(rows.map((r) => [r.organizationId, { total: Number(r.total), selected: Number(r.selected) }]));
}

function organizationsDataset(): Dataset {
  return {
    id: "organizations",
    kind: "full",
    fileStem: "putuo-lab-organizations",
    path: "/data/organizations",
    title: both("opendata:datasets.organizations.title"),
    description: both("opendata:datasets.organizations.description"),
    columns: [
      column("id", "integer"),
      column("slug", "code"),
      column("name_zh", "text"),
      column("name_en", "text"),
      column("kind", "code", { codes: ORGANIZATION_KINDS, key: (code) => `common:orgKinds.${code}` }),
      column("verified", "boolean"),
      column("verified_at", "datetime"),
      column("description_zh", "text"),
      column("description_en", "text"),
      column("capabilities", "list"),
      column("website", "url"),
      ...subdistrictColumns(),
      column("public_applications", "integer"),
      column("selected_applications", "integer"),
      column("updated_at", "datetime"),
      column("url", "url"),
    ],
    async stat(db) {
      const [orgs] = await db
        .select({ n: sql<number>`count(*)::int`, last: epochMs(sql`max(${organizations.updatedAt})`) })
        .from(organizations);
      // The counts of public applications are part of the rows too.
      const [apps] = await db
        .select({
          n: sql<number>`count(*)::int`,
          selected: sql<number>`count(*) filter (where ${applications.status} = 'selected')::int`,
          last: epochMs(sql`max(${applications.updatedAt})`),
        })
        .from(applications)
        .where(publicApplication);
      const lastChanged = latest(dateOf(orgs.last), dateOf(apps.last));
      return {
        rows: Number(orgs.n),
        lastChanged,
        fingerprint: fingerprintOf(orgs.n, apps.n, apps.selected, lastChanged?.getTime()),
      };
    },
    batches(db) {
      return byId(
        (after) =>
          db
            .select({
              id: organizations.id,
              slug: organizations.slug,
              nameZh: organizations.nameZh,
              nameEn: organizations.nameEn,
              kind: organizations.kind,
              verified: organizations.verified,
              verifiedAt: organizations.verifiedAt,
              descriptionZh: organizations.descriptionZh,
              descriptionEn: organizations.descriptionEn,
              capabilities: organizations.capabilities,
              website: organizations.website,
              updatedAt: organizations.updatedAt,
              placeSlug: subdistricts.slug,
              placeZh: subdistricts.nameZh,
              placeEn: subdistricts.nameEn,
            })
            .from(organizations)
            .leftJoin(subdistricts, eq(subdistricts.id, organizations.subdistrictId))
            .where(gt(organizations.id, after))
            .orderBy(asc(organizations.id))
            .limit(BATCH_SIZE),
        async (batch) => {
          const counts = await applicationCountsOf(db, batch.map((o) => o.id));
          return batch.map((o) => ({
            id: o.id,
            slug: o.slug,
            name_zh: o.nameZh,
            name_en: o.nameEn,
            kind: o.kind,
            verified: o.verified,
            verified_at: o.verified ? o.verifiedAt : null,
            description_zh: o.descriptionZh || null,
            description_en: o.descriptionEn || null,
            capabilities: joined(o.capabilities),
            website: o.website || null,
            subdistrict_slug: o.placeSlug,
            subdistrict_zh: o.placeZh,
            subdistrict_en: o.placeEn,
            public_applications: counts.get(o.id)?.total ?? 0,
            selected_applications: counts.get(o.id)?.selected ?? 0,
            updated_at: o.updatedAt,
            url: `${baseUrl()}/organizations/${o.slug}`,
          }));
        },
      );
    },
  };
}

// ─── Matches ─────────────────────────────────────────────────────────────────

/** Matches the anonymous public may see: confirmed ones between public items. */
const publicMatch = () => matchVisibleTo(null, NO_SCOPE);

function matchesDataset(): Dataset {
  return {
    id: "matches",
    kind: "full",
    fileStem: "putuo-lab-matches",
    path: "/data/matches",
    title: both("opendata:datasets.matches.title"),
    description: both("opendata:datasets.matches.description"),
    columns: [
      column("id", "integer"),
      column("stage", "code", { codes: PUBLIC_STAGES, key: (code) => `matching:stageShort.${code}` }),
      column("demand_id", "integer"),
      column("demand_title", "text"),
      column("demand_url", "url"),
      column("application_id", "integer"),
      column("application_title", "text"),
      column("application_url", "url"),
      column("vendor_slug", "code"),
      column("vendor_zh", "text"),
      column("vendor_en", "text"),
      ...subdistrictColumns(),
      ...domainColumns(),
      column("pilot_site", "text"),
      column("pilot_start_on", "date"),
      column("pilot_kpis", "text"),
      column("outcome", "text"),
      column("deployed_on", "date"),
      column("updated_at", "datetime"),
    ],
    async stat(db) {
      const [row] = await db
        .select({
          n: sql<number>`count(*)::int`,
          last: epochMs(sql`max(greatest(${matches.updatedAt}, ${demands.updatedAt}, ${applications.updatedAt}, ${organizations.updatedAt}))`),
        })
        .from(matches)
        .innerJoin(demands, eq(demands.id, matches.demandId))
        .innerJoin(applications, eq(applications.id, matches.applicationId))
        .innerJoin(organizations, eq(organizations.id, matches.organizationId))
        .where(publicMatch());
      const lastChanged = dateOf(row.last);
      return { rows: Number(row.n), lastChanged, fingerprint: fingerprintOf(row.n, lastChanged?.getTime()) };
    },
    batches(db) {
      return byId(
        (after) =>
          db
            .select({
              id: matches.id,
              stage: matches.stage,
              demandId: demands.id,
              demandTitle: demands.title,
              domain: demands.domain,
              applicationId: applications.id,
              applicationTitle: applications.title,
              vendorSlug: organizations.slug,
              vendorZh: organizations.nameZh,
              vendorEn: organizations.nameEn,
              placeSlug: subdistricts.slug,
              placeZh: subdistricts.nameZh,
              placeEn: subdistricts.nameEn,
              pilotSite: matches.pilotSite,
              pilotStartOn: matches.pilotStartOn,
              pilotKpis: matches.pilotKpis,
              outcome: matches.outcome,
              deployedOn: matches.deployedOn,
              updatedAt: matches.updatedAt,
            })
            .from(matches)
            .innerJoin(demands, eq(demands.id, matches.demandId))
            .innerJoin(applications, eq(applications.id, matches.applicationId))
            .innerJoin(organizations, eq(organizations.id, matches.organizationId))
            .innerJoin(subdistricts, eq(subdistricts.id, matches.subdistrictId))
            .where(and(publicMatch(), gt(matches.id, after)))
            .orderBy(asc(matches.id))
            .limit(BATCH_SIZE),
        async (batch) =>
          batch.map((m) => ({
            id: m.id,
            stage: m.stage,
            demand_id: m.demandId,
            demand_title: m.demandTitle,
            demand_url: `${baseUrl()}/demands/${m.demandId}`,
            application_id: m.applicationId,
            application_title: m.applicationTitle,
            application_url: `${baseUrl()}/applications/${m.applicationId}`,
            vendor_slug: m.vendorSlug,
            vendor_zh: m.vendorZh,
            vendor_en: m.vendorEn,
            subdistrict_slug: m.placeSlug,
            subdistrict_zh: m.placeZh,
            subdistrict_en: m.placeEn,
            ...domainCells(m.domain),
            pilot_site: m.pilotSite,
            pilot_start_on: m.pilotStartOn,
            pilot_kpis: m.pilotKpis,
            outcome: m.outcome,
            deployed_on: m.deployedOn,
            updated_at: m.updatedAt,
          })),
      );
    },
  };
}

// ─── Published lists ─────────────────────────────────────────────────────────

type ListCampaign = { id: number; slug: string; titleZh: string; titleEn: string; updatedAt: Date };

/** A text about a call, naming the call in the text's own language. */
function perLanguage(key: string, campaign: ListCampaign): Bilingual {
  return { zh: String(zhT()(key, { campaign: campaign.titleZh })), en: String(enT()(key, { campaign: campaign.titleEn })) };
}

/** The columns of every published list. */
export function listColumns(): Column[] {
  return [
    column("item_type", "code", { codes: ITEM_TYPES, key: (code) => `workflow:itemTypes.${code}` }),
    column("rank", "integer"),
    column("id", "integer"),
    column("title", "text"),
    column("title_language", "code"),
    column("summary", "text"),
    ...domainColumns(),
    column("organization_slug", "code"),
    column("organization_zh", "text"),
    column("organization_en", "text"),
    ...namedList("subdistricts"),
    ...campaignColumns(),
    column("published_at", "datetime"),
    column("url", "url"),
  ];
}

function listDataset(campaign: ListCampaign): Dataset {
  const entryOf = (itemType: "application" | "demand") =>
    and(eq(publishedListEntries.campaignId, campaign.id), eq(publishedListEntries.itemType, itemType));
  const campaignCells = { campaign: campaign.slug, campaign_zh: campaign.titleZh, campaign_en: campaign.titleEn };

  async function* applicationBatches(db: Database): AsyncGenerator<Row[]> {
    let after = 0;
    for (;;) {
      const batch = await db
        .select({
          rank: publishedListEntries.rank,
          publishedAt: publishedListEntries.publishedAt,
          id: applications.id,
          title: applications.title,
          lang: applications.lang,
          summary: applications.summary,
          domain: applications.domain,
          orgSlug: organizations.slug,
          orgZh: organizations.nameZh,
          orgEn: organizations.nameEn,
        })
        .from(publishedListEntries)
        .innerJoin(applications, eq(applications.id, publishedListEntries.itemId))
        .innerJoin(organizations, eq(organizations.id, applications.organizationId))
        .where(and(entryOf("application"), publicApplication, gt(publishedListEntries.rank, after)))
        .orderBy(asc(publishedListEntries.rank))
        .limit(BATCH_SIZE);
      if (batch.length === 0) return;
      const deployments = await deploymentsOf(db, batch.map((a) => a.id));
      yield batch.map((a) => ({
          item_type: "application",
          rank: a.rank,
          id: a.id,
          title: a.title,
          title_language: a.lang,
          summary: a.summary,
          ...domainCells(a.domain),
          organization_slug: a.orgSlug,
          organization_zh: a.orgZh,
          organization_en: a.orgEn,
          ...namedCells("subdistricts", putuoPlaces(deployments.get(a.id) ?? [])),
          ...campaignCells,
          published_at: a.publishedAt,
          url: `${baseUrl()}/applications/${a.id}`,
        }));
      if (batch.length < BATCH_SIZE) return;
      after = batch[batch.length - 1].rank;
    }
  }

  async function* demandBatches(db: Database): AsyncGenerator<Row[]> {
    let after = 0;
    for (;;) {
      const batch = await db
        .select({
          rank: publishedListEntries.rank,
          publishedAt: publishedListEntries.publishedAt,
          id: demands.id,
          title: demands.title,
          lang: demands.lang,
          description: demands.description,
          domain: demands.domain,
          orgSlug: organizations.slug,
          orgZh: organizations.nameZh,
          orgEn: organizations.nameEn,
          placeSlug: subdistricts.slug,
          placeZh: subdistricts.nameZh,
          placeEn: subdistricts.nameEn,
        })
        .from(publishedListEntries)
        .innerJoin(demands, eq(demands.id, publishedListEntries.itemId))
        .innerJoin(subdistricts, eq(subdistricts.id, demands.subdistrictId))
        .leftJoin(organizations, eq(organizations.id, demands.organizationId))
        .where(and(entryOf("demand"), publicDemand, gt(publishedListEntries.rank, after)))
        .orderBy(asc(publishedListEntries.rank))
        .limit(BATCH_SIZE);
      if (batch.length === 0) return;
      yield batch.map((d) => ({
        item_type: "demand",
        rank: d.rank,
        id: d.id,
        title: d.title,
        title_language: d.lang,
        summary: d.description,
        ...domainCells(d.domain),
        organization_slug: d.orgSlug,
        organization_zh: d.orgZh,
        organization_en: d.orgEn,
        ...namedCells("subdistricts", [{ slug: d.placeSlug, nameZh: d.placeZh, nameEn: d.placeEn }]),
        ...campaignCells,
        published_at: d.publishedAt,
        url: `${baseUrl()}/demands/${d.id}`,
      }));
      if (batch.length < BATCH_SIZE) return;
      after = batch[batch.length - 1].rank;
    }
  }

  return {
    id: `lists/${campaign.slug}`,
    kind: "list",
    fileStem: `putuo-lab-list-${campaign.slug}`,
    path: `/data/lists/${campaign.slug}`,
    title: perLanguage("opendata:datasets.list.title", campaign),
    description: perLanguage("opendata:datasets.list.description", campaign),
    columns: listColumns(),
    async stat(db) {
      const [apps] = await db
        .select({
          n: sql<number>`count(*)::int`,
          last: epochMs(sql`max(greatest(${publishedListEntries.publishedAt}, ${applications.updatedAt}, ${organizations.updatedAt}))`),
        })
        .from(publishedListEntries)
        .innerJoin(applications, eq(applications.id, publishedListEntries.itemId))
        .innerJoin(organizations, eq(organizations.id, applications.organizationId))
        .where(and(entryOf("application"), publicApplication));
      const [ds] = await db
        .select({
          n: sql<number>`count(*)::int`,
          last: epochMs(sql`max(greatest(${publishedListEntries.publishedAt}, ${demands.updatedAt}, ${organizations.updatedAt}))`),
        })
        .from(publishedListEntries)
        .innerJoin(demands, eq(demands.id, publishedListEntries.itemId))
        .leftJoin(organizations, eq(organizations.id, demands.organizationId))
        .where(and(entryOf("demand"), publicDemand));
      const rows = Number(apps.n) + Number(ds.n);
      const lastChanged = rows ? latest(dateOf(apps.last), dateOf(ds.last), campaign.updatedAt) : null;
      return { rows, lastChanged, fingerprint: fingerprintOf(apps.n, ds.n, lastChanged?.getTime(), campaign.updatedAt.getTime()) };
    },
    async *batches(db) {
      yield* applicationBatches(db);
      yield* demandBatches(db);
    },
  };
}

// ─── Finding datasets ────────────────────────────────────────────────────────

const FACTORIES: Record<FullDatasetName, () => Dataset> = {
  demands: demandsDataset,
  applications: applicationsDataset,
  organizations: organizationsDataset,
  matches: matchesDataset,
};

export function isFullDatasetName(name: string): name is FullDatasetName {
  return (FULL_DATASETS as readonly string[]).includes(name);
}

const cache = new Map<FullDatasetName, Dataset>();

/** One of the full datasets (its definition; nothing is read yet). */
export function fullDataset(name: FullDatasetName): Dataset {
  let found = cache.get(name);
  if (!found) {
    found = FACTORIES[name]();
    cache.set(name, found);
  }
  return found;
}

/** The published lists as datasets, newest call first. */
export async function listDatasets(db: Database): Promise<Dataset[]> {
  const published = await publishedCampaigns(db);
  if (published.length === 0) return [];
  const rows = await db
    .select({ id: campaigns.id, slug: campaigns.slug, titleZh: campaigns.titleZh, titleEn: campaigns.titleEn, updatedAt: campaigns.updatedAt })
    .from(campaigns)
    .where(inArray(campaigns.slug, published.map((p) => p.slug)));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return published.flatMap((p) => (bySlug.has(p.slug) ? [listDataset(bySlug.get(p.slug)!)] : []));
}

/** The published list of the call with this slug, or null when there is none (not published, or no such call). */
export async function publishedListDataset(db: Database, slug: string): Promise<Dataset | null> {
  return (await listDatasets(db)).find((d) => d.id === `lists/${slug}`) ?? null;
}
