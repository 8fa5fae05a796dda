/**
 * The bulk-import file format, as data: the columns of each kind, the values
 * the closed columns accept (English value, Chinese label and a few everyday
 * synonyms), the list separator and the limits. Shared by the parser, the
 * validator, the templates and the upload page's help (no server code here).
 * docs/import.md describes the same format for people.
 */
import type { Domain, ImportKind, Maturity, RaisedBy, TagKind } from "../../db/enums";

export const APPLICATION_COLUMNS = [
  "ref",
  "title",
  "summary",
  "description",
  "organization",
  "domain",
  "technologies",
  "scenarios",
  "target_groups",
  "maturity",
  "deployed_in",
] as const;

export const DEMAND_COLUMNS = ["ref", "title", "description", "domain", "subdistrict", "raised_by", "target_groups"] as const;

export type ApplicationColumn = (typeof APPLICATION_COLUMNS)[number];
export type DemandColumn = (typeof DEMAND_COLUMNS)[number];
export type ImportColumn = ApplicationColumn | DemandColumn;

export const COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  applications: APPLICATION_COLUMNS,
  demands: DEMAND_COLUMNS,
};

/** Columns a file may leave out; then re-importing leaves that part of an item unchanged. */
export const OPTIONAL_COLUMNS: readonly ImportColumn[] = ["technologies", "scenarios", "target_groups", "deployed_in"];

/** List columns and the tag kind each holds (deployed_in holds places, not tags). */
export const TAG_COLUMNS: Partial<Record<ImportColumn, TagKind>> = {
  technologies: "technology",
  scenarios: "scenario",
  target_groups: "target_group",
};
export const LIST_COLUMNS: readonly ImportColumn[] = ["technologies", "scenarios", "target_groups", "deployed_in"];

/** Items of a list cell are separated by `;` (the full-width `；` of Chinese keyboards works too). */
export const LIST_SEPARATOR = ";";
export const LIST_SPLIT = /[;；]/;

/**
 * Chinese (and a few English) column headings accepted for each column, so a
 * sheet kept with Chinese headings can be imported as it is.
 */
export const HEADER_ALIASES: Record<ImportColumn, readonly string[]> = {
  ref: ["编号", "外部编号", "reference"],
  title: ["标题", "名称", "应用名称", "需求名称"],
  summary: ["摘要", "简介", "一句话介绍"],
  description: ["描述", "详细描述", "说明", "需求描述", "应用描述"],
  organization: ["单位", "企业", "申报单位", "企业名称", "organisation", "vendor"],
  domain: ["领域", "所属领域"],
  technologies: ["技术", "关键技术", "technology"],
  scenarios: ["场景", "应用场景", "scenario"],
  target_groups: ["服务对象", "服务人群", "受益人群", "target_group", "target groups"],
  maturity: ["成熟度", "阶段"],
  deployed_in: ["已部署地点", "部署地点", "落地地点", "deployed in", "deployments"],
  subdistrict: ["街道", "街镇", "所属街道", "街道镇"],
  raised_by: ["提出方", "需求来源", "raised by"],
};

/**
 * Closed columns: each value, its Chinese label (first) and other spellings
 * accepted. Matching ignores case, spaces and full/half-width differences.
 */
export const VALUE_ALIASES: {
  domain: Record<Domain, readonly string[]>;
  maturity: Record<Maturity, readonly string[]>;
  raised_by: Record<RaisedBy, readonly string[]>;
} = {
  domain: {
    economy: ["经济数字化", "经济", "数字经济", "digital economy"],
    life: ["生活数字化", "生活", "数字生活", "digital life"],
    governance: ["治理数字化", "治理", "数字治理", "digital governance"],
  },
  maturity: {
    concept: ["概念", "概念阶段", "概念验证", "方案"],
    pilot: ["试点", "试点阶段", "试点中", "试用"],
    deployed: ["已部署", "部署", "已落地", "落地", "已应用", "在用"],
  },
  raised_by: {
    resident: ["居民", "市民", "群众"],
    company: ["企业", "公司"],
    community: ["社区", "居委会", "居民委员会", "街道", "街镇"],
    urban_management: ["城市管理", "城管", "城市管理部门", "urban management"],
  },
};

export type ValueColumn = keyof typeof VALUE_ALIASES;

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** The report lists at most this many problems (and says how many there are in all). */
export const REPORT_LIMIT = 200;
/** Rows written per INSERT statement. */
export const BATCH_SIZE = 500;

export const IMPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Field length limits (characters). */
export const LIMITS = {
  ref: 100,
  title: 200,
  summary: 500,
  description: 20_000,
  organization: 200,
  place: 100,
  listItems: 30,
} as const;
