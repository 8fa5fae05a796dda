/**
 * The demo data as plain rows, computed without touching a database: the same
 * scale always gives exactly the same plan. References between rows use
 * natural keys (e-mail, slug, title) that demo.ts turns into ids on insert.
 */
import { fakerEN, fakerZH_CN } from "@faker-js/faker";

import type { CONTACT_PREFERENCES, CostBand, Domain, ItemStatus, Maturity, RaisedBy, Role } from "../enums";

import { DEMO_ACCOUNTS } from "./accounts";
import { ARCHETYPE_BY_KEY, ARCHETYPES, FIXED_DEMANDS, SELECTED_ARCHETYPES, type DemandText } from "./demands";
import { FAMILY_BY_KEY, type Family } from "./families";
import {
  committeeDefs,
  officeDefs,
  PROFILE_BY_KEY,
  PUBLIC_BODIES,
  vendorDefs,
  vendorDescription,
  type VendorDef,
} from "./organizations";
import { Rng } from "./random";
import { PLACES, type Place } from "./reference";
import { SHOWCASE } from "./showcase";
import { cap, makeCtx, techPhrase, techShort, type Lang } from "./text";

type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

export const SEED = 2021;
export const BASE_APPLICATIONS = 500;
export const BASE_DEMANDS = 50;
export const APPLICATION_QUOTA = 100;
export const DEMAND_QUOTA = 10;
export const BASE_RESIDENTS = 200;

const DAY = 86_400_000;
/** 2020-12-01 00:00 in Shanghai. */
export const OPENS_AT = new Date(Date.UTC(2020, 10, 30, 16, 0, 0));
/** 2021-03-31 23:59:59 in Shanghai. */
export const CLOSES_AT = new Date(Date.UTC(2021, 2, 31, 15, 59, 59));
/** When the lists were decided and published: 2021-04-20 10:00 in Shanghai. */
export const DECIDED_AT = new Date(Date.UTC(2021, 3, 20, 2, 0, 0));
export const CAMPAIGN_CREATED_AT = new Date(Date.UTC(2020, 10, 20, 2, 0, 0));
const ACCOUNTS_CREATED_AT = new Date(Date.UTC(2020, 10, 18, 1, 30, 0));

export type PlanUser = {
  email: string;
  displayName: string;
  locale: "zh-CN" | "en";
  roles: Role[];
  createdAt: Date;
};

export type PlanOrganization = {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: "vendor" | "subdistrict_office" | "neighbourhood_committee" | "government_department" | "research_institute";
  verified: boolean;
  descriptionZh: string;
  descriptionEn: string;
  capabilities: string[];
  website: string | null;
  place: string | null;
  createdAt: Date;
};

export type PlanMembership = { email: string; organization: string; role: "owner" | "member" };

export type PlanDemand = {
  title: string;
  description: string;
  lang: Lang;
  domain: Domain;
  place: string;
  raisedBy: RaisedBy;
  contactPreference: ContactPreference;
  author: string | null;
  organization: string | null;
  status: ItemStatus;
  submittedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  tags: string[];
  supporters: { email: string; at: Date }[];
  family: string;
  archetype: string;
};

export type PlanApplication = {
  title: string;
  summary: string;
  description: string;
  lang: Lang;
  domain: Domain;
  maturity: Maturity;
  costBand: CostBand | null;
  publicFromSubmission: boolean;
  status: ItemStatus;
  organization: string;
  author: string | null;
  submittedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  tags: string[];
  deployments: { place: string | null; placeName: string | null; since: string }[];
  /** Titles of the demands it says it addresses. */
  answers: string[];
};

export type Plan = {
  scale: number;
  users: PlanUser[];
  organizations: PlanOrganization[];
  memberships: PlanMembership[];
  demands: PlanDemand[];
  applications: PlanApplication[];
};

const PLACE_BY_SLUG = new Map(PLACES.map((p) => [p.slug, p]));
const place = (slug: string): Place => PLACE_BY_SLUG.get(slug)!;

const tagKey = (kind: "technology" | "scenario" | "target_group", slug: string) => `${kind}:${slug}`;

/** A moment in the campaign window, more of them near the deadline; working hours. */
function submissionTime(r: Rng, earliest = OPENS_AT.getTime()): Date {
  const days = Math.floor((CLOSES_AT.getTime() - earliest) / DAY);
  const day = Math.min(days, Math.floor(Math.pow(r.next(), 0.7) * (days + 1)));
  const minutes = r.int(8 * 60, 22 * 60 + 59);
  return new Date(earliest + day * DAY + minutes * 60_000);
}

function before(r: Rng, t: Date, maxDays: number, floor = OPENS_AT): Date {
  const ms = t.getTime() - r.int(10, maxDays * 24 * 60) * 60_000;
  return new Date(Math.max(floor.getTime(), ms));
}

function between(r: Rng, a: Date, b: Date): Date {
  const lo = a.getTime();
  const hi = Math.max(lo, b.getTime());
  return new Date(lo + Math.floor(r.next() * (hi - lo)));
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The variants that belong to a story (theme index), or all of them. */
function themed<T>(items: T[], themes: number[] | undefined, theme: number): T[] {
  if (!themes || theme < 0) return items;
  const picked = items.filter((_, i) => themes[i] === -1 || themes[i] === theme);
  return picked.length > 0 ? picked : items;
}

/** Weighted choice over a fixed list, by binary search over cumulative weights. */
function weightedPicker<T>(items: T[], weights: number[]): (r: Rng) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w));
  return (r) => {
    const x = r.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

function sentences(parts: string[], lang: Lang): string {
  return lang === "zh-CN" ? parts.join("") : parts.join(" ");
}

// ─── People and organisations ────────────────────────────────────────────────

function buildOrganizations(r: Rng, scale: number) {
  const vendors = vendorDefs(r.fork(1), scale);
  const orgs: PlanOrganization[] = [];
  const created = (i: number) => new Date(Date.UTC(2020, 9, 1, 2, 0, 0) + (i % 50) * DAY);
  vendors.forEach((v, i) => {
    const d = vendorDescription(r, v);
    const profiles = v.profiles.map((k) => PROFILE_BY_KEY.get(k)!);
    const techs = [...new Set(profiles.flatMap((p) => p.techs))].slice(0, 5);
    const scenarios = [...new Set(profiles.flatMap((p) => p.families.map((f) => FAMILY_BY_KEY.get(f)!.scenarios[0])))].slice(0, 5);
    orgs.push({
      slug: v.slug,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      kind: "vendor",
      verified: v.verified,
      descriptionZh: d.zh,
      descriptionEn: d.en,
      capabilities: [...techs, ...scenarios],
      website: v.website ?? null,
      place: null,
      createdAt: created(i),
    });
  });
  const publicOrgs = [...officeDefs(r), ...committeeDefs(scale), ...PUBLIC_BODIES];
  publicOrgs.forEach((o, i) => {
    orgs.push({
      slug: o.slug,
      nameZh: o.nameZh,
      nameEn: o.nameEn,
      kind: o.kind,
      verified: true,
      descriptionZh: o.descriptionZh,
      descriptionEn: o.descriptionEn,
      capabilities: o.capabilities,
      website: o.website ?? null,
      place: o.place?.slug ?? null,
      createdAt: created(i),
    });
  });
  return { vendors, orgs };
}

function buildPeople(r: Rng, scale: number, orgs: PlanOrganization[], vendors: VendorDef[]) {
  fakerZH_CN.seed(SEED);
  fakerEN.seed(SEED);
  const users: PlanUser[] = [];
  const memberships: PlanMembership[] = [];
  const joined = () => new Date(Date.UTC(2020, 9, 1, 0, 0, 0) + r.int(0, 60 * 24 * 60) * 60_000);

  for (const a of DEMO_ACCOUNTS) {
    users.push({ email: a.email, displayName: a.displayName, locale: "zh-CN", roles: [a.role], createdAt: ACCOUNTS_CREATED_AT });
    if (a.organization) memberships.push({ email: a.email, organization: a.organization, role: a.membership ?? "member" });
  }

  // One contact per vendor (the named demo accounts stand for Huawei and 360).
  const vendorAuthor = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) if (a.role === "firm_member" && a.organization) vendorAuthor.set(a.organization, a.email);
  for (const v of vendors) {
    if (vendorAuthor.has(v.slug)) continue;
    const email = `${v.slug}@vendors.example`;
    users.push({ email, displayName: fakerZH_CN.person.fullName(), locale: "zh-CN", roles: ["firm_member"], createdAt: joined() });
    memberships.push({ email, organization: v.slug, role: "owner" });
    vendorAuthor.set(v.slug, email);
  }

  // Staff of offices, committees and the urban operations centre.
  const staffOf = new Map<string, string>();
  for (const o of orgs) {
    if (o.kind !== "subdistrict_office" && o.kind !== "neighbourhood_committee" && o.slug !== "putuo-urban-operations") continue;
    const email = `${o.slug}@community.example`;
    const role: Role = o.slug === "putuo-urban-operations" ? "official" : "community_worker";
    users.push({ email, displayName: fakerZH_CN.person.fullName(), locale: "zh-CN", roles: [role], createdAt: joined() });
    memberships.push({ email, organization: o.slug, role: "member" });
    staffOf.set(o.slug, email);
  }

  // Residents: supporters and authors of demands; a few write in English.
  const residents: string[] = [];
  const englishResidents: string[] = [];
  const count = BASE_RESIDENTS * Math.min(scale, 10);
  const width = String(count).length;
  for (let i = 1; i <= count; i++) {
    const english = r.chance(0.06);
    const email = `resident${String(i).padStart(width, "0")}@residents.example`;
    const displayName = english
      ? `${fakerEN.person.firstName()} ${fakerEN.person.lastName()}`
      : fakerZH_CN.person.fullName();
    users.push({ email, displayName, locale: english ? "en" : "zh-CN", roles: ["resident"], createdAt: joined() });
    residents.push(email);
    if (english) englishResidents.push(email);
  }
  return { users, memberships, vendorAuthor, staffOf, residents, englishResidents };
}

// ─── Demands ─────────────────────────────────────────────────────────────────

type DemandSlot = { archetype: string; place: string; selected: boolean };

function demandTitle(r: Rng, text: DemandText, lang: Lang, p: Place, used: Set<string>) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const c = makeCtx(r, lang, p);
    const title = r.pick(text.titles)(c);
    if (!used.has(title)) return { title, c };
  }
  // Then name the place, then the street.
  for (let attempt = 0; ; attempt++) {
    const c = makeCtx(r, lang, p);
    const base = r.pick(text.titles)(c);
    const where = attempt < 4 && !base.includes(c.ps) ? c.ps : c.site;
    const title = lang === "zh-CN" ? `${base}（${where}）` : `${base} (${where})`;
    if (!used.has(title)) return { title, c };
  }
}

function buildDemands(
  r: Rng,
  scale: number,
  people: ReturnType<typeof buildPeople>,
  orgs: PlanOrganization[],
  vendors: VendorDef[],
  usedTitles: Set<string>,
): PlanDemand[] {
  const total = BASE_DEMANDS * scale;
  const demands: PlanDemand[] = [];
  const committeesOf = new Map<string, string[]>();
  for (const o of orgs) {
    if (o.kind === "neighbourhood_committee" && o.place) committeesOf.set(o.place, [...(committeesOf.get(o.place) ?? []), o.slug]);
  }
  const pool = [...people.residents];
  const demoResident = DEMO_ACCOUNTS.find((a) => a.role === "resident")!.email;
  const demoWorker = DEMO_ACCOUNTS.find((a) => a.role === "community_worker")!.email;

  const supportersFor = (n: number, author: string | null, submittedAt: Date, withDemo: boolean) => {
    const chosen = r.sample(pool, Math.min(n, pool.length - 1)).filter((e) => e !== author);
    if (withDemo && author !== demoResident) chosen.unshift(demoResident);
    return chosen.map((email) => ({ email, at: between(r, new Date(submittedAt.getTime() + 3_600_000), CLOSES_AT) }));
  };

  const tagsFor = (scenarios: string[], targets: string[], techs: string[]) => [
    ...scenarios.map((s) => tagKey("scenario", s)),
    ...targets.map((t) => tagKey("target_group", t)),
    ...techs.map((t) => tagKey("technology", t)),
  ];

  // The four needs from the press.
  for (const f of FIXED_DEMANDS) {
    const p = place(f.place);
    const submittedAt = submissionTime(r);
    let organization: string;
    let author: string;
    if (f.raisedThrough === "urban") {
      organization = "putuo-urban-operations";
      author = people.staffOf.get(organization)!;
    } else if (f.raisedThrough === "committee") {
      organization = committeesOf.get(p.slug)![0];
      author = people.staffOf.get(organization)!;
    } else {
      organization = `${p.slug}-office`;
      author = p.slug === "ganquan-road" ? demoWorker : people.staffOf.get(organization)!;
    }
    usedTitles.add(f.title);
    demands.push({
      title: f.title,
      description: f.description,
      lang: "zh-CN",
      domain: f.domain,
      place: f.place,
      raisedBy: f.raisedBy,
      contactPreference: f.contact,
      author,
      organization,
      status: "selected",
      submittedAt,
      createdAt: before(r, submittedAt, 5),
      updatedAt: DECIDED_AT,
      tags: tagsFor(f.scenarios, f.targets, f.techs),
      supporters: supportersFor(f.supporters + r.int(-8, 8), author, submittedAt, f.key === "one-call-taxi-ganquan"),
      family: f.family,
      archetype: f.key,
    });
  }

  // Slots for the rest: six more selected ones, then archetypes × places in turn.
  const slots: DemandSlot[] = SELECTED_ARCHETYPES.map(([archetype, p]) => ({ archetype, place: p, selected: true }));
  let archetypeOrder: string[] = [];
  let placeOrder: string[] = [];
  while (slots.length < total - FIXED_DEMANDS.length) {
    if (archetypeOrder.length === 0) archetypeOrder = r.shuffle(ARCHETYPES.map((a) => a.key));
    if (placeOrder.length === 0) placeOrder = r.shuffle(PLACES.map((p) => p.slug));
    slots.push({ archetype: archetypeOrder.pop()!, place: placeOrder.pop()!, selected: false });
  }

  let demoResidentAuthored = 0;
  let demoResidentSupports = 0;
  for (const slot of slots) {
    const a = ARCHETYPE_BY_KEY.get(slot.archetype)!;
    const p = place(slot.place);
    const lang: Lang = a.en && r.chance(0.3) ? "en" : "zh-CN";
    const text = lang === "en" ? a.en! : a.zh;
    const { title, c } = demandTitle(r, text, lang, p, usedTitles);
    usedTitles.add(title);

    const parts = text.context.length > 1 && r.chance(0.25) ? text.context.map((t) => t(c)) : [r.pick(text.context)(c)];
    parts.push(r.pick(text.need)(c));
    if (r.chance(0.7)) parts.push(r.pick(text.hope)(c));
    const description = sentences(parts, lang);

    const raisedBy = r.pick(a.raisedBy);
    let author: string | null = null;
    let organization: string | null = null;
    let contactPreference: ContactPreference = "none";
    if (raisedBy === "resident") {
      const englishPool = people.englishResidents.length > 0 ? people.englishResidents : pool;
      author = lang === "en" ? r.pick(englishPool) : r.pick(pool);
      if (lang === "zh-CN" && !slot.selected && demoResidentAuthored < 2) {
        author = demoResident;
        demoResidentAuthored++;
      }
      contactPreference = r.weighted<ContactPreference>(["none", "phone", "email"], [5, 3, 2]);
    } else if (raisedBy === "community") {
      const committees = committeesOf.get(p.slug) ?? [];
      organization = committees.length > 0 && r.chance(0.5) ? r.pick(committees) : `${p.slug}-office`;
      author = organization === "ganquan-road-office" && r.chance(0.5) ? demoWorker : people.staffOf.get(organization)!;
      contactPreference = r.weighted<ContactPreference>(["in_person", "phone"], [3, 2]);
    } else if (raisedBy === "company") {
      const v = r.pick(vendors);
      organization = v.slug;
      author = people.vendorAuthor.get(v.slug) ?? null;
      contactPreference = r.weighted<ContactPreference>(["email", "phone"], [3, 1]);
    } else {
      organization = r.chance(0.6) ? "putuo-urban-operations" : `${p.slug}-office`;
      author = people.staffOf.get(organization) ?? null;
      contactPreference = "in_person";
    }

    const submittedAt = submissionTime(r);
    // About one in twelve of the others was turned down at screening.
    const status: ItemStatus = slot.selected ? "selected" : demands.length % 12 === 7 ? "rejected" : "not_shortlisted";
    const supportCount = slot.selected
      ? r.int(40, 150)
      : status === "rejected"
        ? r.int(0, 4)
        : Math.floor(Math.pow(r.next(), 1.8) * 46);
    const withDemo = author !== demoResident && demoResidentSupports < 12 && (slot.selected || r.chance(0.2));
    if (withDemo) demoResidentSupports++;
    demands.push({
      title,
      description,
      lang,
      domain: a.domain,
      place: p.slug,
      raisedBy,
      contactPreference,
      author,
      organization,
      status,
      submittedAt,
      createdAt: before(r, submittedAt, 7),
      updatedAt: status === "rejected" ? new Date(Math.min(submittedAt.getTime() + r.int(2, 10) * DAY, DECIDED_AT.getTime() - DAY)) : DECIDED_AT,
      tags: tagsFor(a.scenarios, a.targets, a.techs),
      supporters: supportersFor(supportCount, author, submittedAt, withDemo),
      family: a.family,
      archetype: a.key,
    });
  }
  return demands;
}

// ─── Applications ────────────────────────────────────────────────────────────

const OUTSIDE: [string, string][] = [
  ["徐汇区", "Xuhui District"],
  ["静安区", "Jing'an District"],
  ["长宁区", "Changning District"],
  ["杨浦区", "Yangpu District"],
  ["浦东新区", "Pudong New Area"],
  ["闵行区", "Minhang District"],
  ["嘉定区", "Jiading District"],
  ["宝山区", "Baoshan District"],
  ["杭州市", "Hangzhou"],
  ["苏州市", "Suzhou"],
  ["南京市", "Nanjing"],
  ["合肥市", "Hefei"],
  ["深圳市", "Shenzhen"],
  ["成都市", "Chengdu"],
];

type Deployment = PlanApplication["deployments"][number];

function deploymentsFor(r: Rng, maturity: Maturity, home: Place, lang: Lang): Deployment[] {
  const zh = lang === "zh-CN";
  if (maturity === "concept") return [];
  if (maturity === "pilot") {
    const since = isoDate(2020, r.int(4, 11), r.int(1, 28));
    return r.chance(0.8)
      ? [{ place: home.slug, placeName: null, since }]
      : [{ place: null, placeName: zh ? r.pick(OUTSIDE)[0] : r.pick(OUTSIDE)[1], since }];
  }
  const out: Deployment[] = [];
  const n = r.weighted([1, 2, 3, 4], [4, 4, 2, 1]);
  const putuo = r.sample(PLACES.filter((p) => p.slug !== home.slug), n).slice(0, Math.max(0, r.int(0, n - 1)));
  for (const p of [home, ...putuo]) out.push({ place: p.slug, placeName: null, since: isoDate(r.int(2018, 2020), r.int(1, 11), r.int(1, 28)) });
  const outside = r.sample(OUTSIDE, Math.max(0, n - out.length));
  for (const o of outside) out.push({ place: null, placeName: zh ? o[0] : o[1], since: isoDate(r.int(2017, 2020), r.int(1, 11), r.int(1, 28)) });
  return out;
}

function deploymentNames(ds: Deployment[], lang: Lang): string[] {
  return ds.map((d) => (d.place ? (lang === "zh-CN" ? place(d.place).nameZh : place(d.place).nameEn) : d.placeName!));
}

function maturitySentence(r: Rng, maturity: Maturity, ds: Deployment[], home: Place, lang: Lang): string {
  const names = deploymentNames(ds, lang);
  const zh = lang === "zh-CN";
  const list = zh ? names.join("、") : names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
  const [y, m] = (ds[0]?.since ?? "2021-01").split("-").map(Number);
  const monthEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  if (maturity === "deployed") {
    const zhT = [`目前已在${list}投入使用。`, `自${y}年起已在${list}稳定运行。`, `方案已在${list}落地，运行情况良好。`];
    const enT = [`It is already in use in ${list}.`, `It has been running in ${list} since ${y}.`, `The solution is deployed in ${list}.`];
    return r.pick(zh ? zhT : enT);
  }
  if (maturity === "pilot") {
    const zhT = [`${y}年${m}月起在${list}开展试点。`, `已在${list}完成为期${r.int(3, 8)}个月的试点。`, `目前正在${list}试点运行。`];
    const enT = [`A pilot has been running in ${list} since ${monthEn[m - 1]} ${y}.`, `A ${r.int(3, 8)}-month pilot was completed in ${list}.`, `It is currently being piloted in ${list}.`];
    return r.pick(zh ? zhT : enT);
  }
  const pl = zh ? home.nameZh : home.nameEn;
  const zhT = [
    `方案目前处于设计验证阶段，计划在${pl}选取${r.int(2, 6)}个小区先行试点。`,
    `样机预计${r.int(3, 6)}个月内完成，希望在${pl}开展小范围试点。`,
    `团队已完成技术验证，正在寻找首个落地街镇，${pl}是首选。`,
  ];
  const enT = [
    `The design is being validated; a first pilot in ${r.int(2, 6)} estates of ${pl} is proposed.`,
    `A prototype will be ready within ${r.int(3, 6)} months, and we propose a small pilot in ${pl}.`,
    `The technology has been proven in the lab, and ${pl} would be our first site.`,
  ];
  return r.pick(zh ? zhT : enT);
}

function extraSentence(r: Rng, costBand: CostBand | null, lang: Lang): string {
  const zh = lang === "zh-CN";
  const options: string[] = zh
    ? [
        `平台可与区城市运行“一网统管”系统对接，数据按政务数据标准共享。`,
        `所有个人信息加密存储，按最小必要原则采集。`,
        `项目团队${r.int(8, 40)}人，其中研发人员占${r.int(50, 80)}%。`,
        `系统支持私有化部署，也可按年购买云服务。`,
      ]
    : [
        `It can connect to the district's unified city operations platform using government data standards.`,
        `Personal data is encrypted and collected only where strictly necessary.`,
        `The project team has ${r.int(8, 40)} people, ${r.int(50, 80)}% of them engineers.`,
        `It can run on premises or as a yearly cloud subscription.`,
      ];
  if (costBand === "under_100k") options.push(zh ? `单个小区部署费用约${r.int(3, 9)}万元。` : `Deployment costs about ${r.int(3, 9)}0,000 yuan per estate.`);
  if (costBand === "100k_500k") options.push(zh ? `单个街道部署费用约${r.int(12, 45)}万元，运维按年计费。` : `A subdistrict-wide roll-out costs about ${r.int(12, 45)}0,000 yuan plus yearly maintenance.`);
  return r.pick(options);
}

const PATTERN_TECHS_ZH = new Set(["5g", "ai", "iot", "blockchain", "big-data", "beidou"]);
const EDITIONS_ZH = ["社区版", "街镇版", "轻量版", "专业版", "云服务版", "标准版"];
const EDITIONS_EN = ["Community Edition", "Lite", "Pro", "Cloud Edition", "Standard Edition"];

type TitlePattern = "plain" | "tech" | "brand" | "plus" | "place" | "brandTech" | "edition";
const TITLE_PATTERNS: TitlePattern[] = ["plain", "tech", "brand", "plus", "place", "brandTech", "edition"];

/** A title ending that does not repeat the core ("…服务服务", "Service Guide Service"). */
function productFor(r: Rng, core: string, products: string[], zh: boolean): string {
  const fits = products.filter((p) => (zh ? !core.endsWith(p) : !core.split(" ").includes(p)));
  return r.pick(fits.length > 0 ? fits : products);
}

/**
 * A title no other item has: core × product × one of several shapes (with the
 * technology, the vendor's brand, the place, an edition), then a version
 * number as the last resort.
 */
function applicationTitle(
  r: Rng,
  f: Family,
  lang: Lang,
  vendor: VendorDef,
  techs: string[],
  home: Place,
  used: Set<string>,
  versions: Map<string, number>,
  cores: string[],
): string {
  const zh = lang === "zh-CN";
  const t = zh ? f.zh : f.en;
  const brand = zh ? vendor.brandZh : vendor.brandEn;
  const where = zh ? home.shortZh : home.shortEn;
  for (let attempt = 0; attempt < 10; attempt++) {
    const core = r.pick(cores);
    const product = productFor(r, core, t.products, zh);
    const tech = r.pick(techs);
    const short = techShort(tech, lang);
    // No "AI-based AI diagnosis": the technology only where the core does not already say it.
    const redundant = core.toLowerCase().includes(short.toLowerCase().replace(/-.*$/, ""));
    const pattern = r.weighted(TITLE_PATTERNS, [
      attempt < 3 ? 2 : 0.5,
      redundant ? 0 : 3,
      3,
      zh && !redundant && PATTERN_TECHS_ZH.has(tech) ? 2 : 0,
      2,
      redundant ? 0 : 2,
      1,
    ]);
    const title = zh
      ? pattern === "plain" ? `${core}${product}`
        : pattern === "tech" ? `基于${short}的${core}${product}`
        : pattern === "brand" ? `${brand}${core}${product}`
        : pattern === "plus" ? `${short}+${core}${product}`
        : pattern === "place" ? `${where}${core}${product}`
        : pattern === "brandTech" ? `${brand}${short}${core}${product}`
        : `${core}${product}（${r.pick(EDITIONS_ZH)}）`
      : pattern === "plain" ? `${core} ${product}`
        : pattern === "tech" ? `${short} ${core} ${product}`
        : pattern === "brand" ? `${brand} ${core} ${product}`
        : pattern === "place" ? `${where} ${core} ${product}`
        : pattern === "brandTech" ? `${brand} ${short} ${core} ${product}`
        : `${core} ${product} (${r.pick(EDITIONS_EN)})`;
    if (!used.has(title)) return title;
  }
  const core = r.pick(cores);
  const product = productFor(r, core, t.products, zh);
  const base = zh ? `${brand}${core}${product}` : `${brand} ${core} ${product}`;
  for (let v = versions.get(base) ?? 2; ; v++) {
    const title = zh ? `${base} V${v}.0` : `${base} ${v}.0`;
    if (!used.has(title)) {
      versions.set(base, v + 1);
      return title;
    }
  }
}

function showcaseApplications(r: Rng, vendorAuthor: Map<string, string>, demands: PlanDemand[], usedTitles: Set<string>): PlanApplication[] {
  return SHOWCASE.map((s) => {
    const f = FAMILY_BY_KEY.get(s.family)!;
    usedTitles.add(s.title);
    const submittedAt = submissionTime(r);
    return {
      title: s.title,
      summary: s.summary,
      description: s.description,
      lang: s.lang,
      domain: f.domain,
      maturity: s.maturity,
      costBand: s.costBand,
      publicFromSubmission: true,
      status: s.selected ? "selected" : "not_shortlisted",
      organization: s.vendor,
      author: vendorAuthor.get(s.vendor) ?? null,
      submittedAt,
      createdAt: before(r, submittedAt, 10),
      updatedAt: DECIDED_AT,
      tags: [
        ...(s.scenarios ?? f.scenarios).map((x) => tagKey("scenario", x)),
        ...(s.targets ?? f.targets).map((x) => tagKey("target_group", x)),
        ...s.techs.map((x) => tagKey("technology", x)),
      ],
      deployments: s.deployments.map((d) => ({ place: d.place ?? null, placeName: d.placeName ?? null, since: d.since })),
      answers: (s.answers ?? [])
        .map((key) => demands.find((d) => d.archetype === key && d.status === "selected") ?? demands.find((d) => d.archetype === key))
        .filter((d): d is PlanDemand => !!d)
        .map((d) => d.title),
    };
  });
}

function buildApplications(
  r: Rng,
  scale: number,
  vendors: VendorDef[],
  vendorAuthor: Map<string, string>,
  demands: PlanDemand[],
  usedTitles: Set<string>,
): PlanApplication[] {
  const total = BASE_APPLICATIONS * scale;
  const apps = showcaseApplications(r, vendorAuthor, demands, usedTitles);
  const verified = new Map(vendors.map((v) => [v.slug, v.verified]));
  const demandsByFamily = new Map<string, PlanDemand[]>();
  const demandsByFamilyPlace = new Map<string, PlanDemand[]>();
  for (const d of demands) {
    for (const [map, key] of [[demandsByFamily, d.family], [demandsByFamilyPlace, `${d.family}@${d.place}`]] as const) {
      const list = map.get(key);
      if (list) list.push(d);
      else map.set(key, [d]);
    }
  }
  const pickVendor = weightedPicker(vendors, vendors.map((v) => v.weight));
  const versions = new Map<string, number>();
  const families = new Map(
    vendors.map((v) => [v.slug, [...new Set(v.profiles.flatMap((p) => PROFILE_BY_KEY.get(p)!.families))].map((k) => FAMILY_BY_KEY.get(k)!)]),
  );
  const profileTechs = new Map(vendors.map((v) => [v.slug, new Set(v.profiles.flatMap((p) => PROFILE_BY_KEY.get(p)!.techs))]));
  // Spread the "home" place evenly so every subdistrict has its share.
  let placeOrder: Place[] = [];

  const generated: { app: PlanApplication; score: number; weak: boolean }[] = [];
  while (apps.length + generated.length < total) {
    const vendor = pickVendor(r);
    const f = r.pick(families.get(vendor.slug)!);
    const lang: Lang = r.chance(0.2) ? "en" : "zh-CN";
    if (placeOrder.length === 0) placeOrder = r.shuffle(PLACES);
    const home = placeOrder.pop()!;

    const own = f.techs.filter((t) => profileTechs.get(vendor.slug)!.has(t));
    const first = r.pick(own.length > 0 ? own : f.techs);
    const techs = [first, ...r.sample(f.techs.filter((t) => t !== first), r.weighted([0, 1, 2], [3, 5, 2]))];
    const maturity = r.weighted<Maturity>(["concept", "pilot", "deployed"], [25, 40, 35]);
    const costBand = r.weighted<CostBand | null>(["under_100k", "100k_500k", "500k_2m", "over_2m", null], [25, 35, 22, 10, 8]);
    const deployments = deploymentsFor(r, maturity, home, lang);

    const t = lang === "zh-CN" ? f.zh : f.en;
    // The "how it works" sentence names only technologies it reads well with.
    const fitting = t.solution.filter((s) => s.fit.some((x) => techs.includes(x)));
    const solution = fitting.length > 0 ? r.pick(fitting) : r.pick(t.solution);
    if (fitting.length === 0) techs.push(solution.fit[0]);
    const named = techs.filter((x) => solution.fit.includes(x));
    const c = makeCtx(r, lang, home, { tech: techPhrase(named, lang), brand: lang === "zh-CN" ? vendor.brandZh : vendor.brandEn });
    const problem = f.paired ? t.problem[Math.min(t.solution.indexOf(solution), t.problem.length - 1)] : r.pick(t.problem);
    const parts = [problem(c), solution.t(c)];
    if (r.chance(0.6)) parts.push(r.pick(t.feature)(c));
    parts.push(maturitySentence(r, maturity, deployments, home, lang));
    if (maturity !== "concept" && r.chance(0.75)) parts.push(r.pick(t.metric)(c));
    if (parts.length < 5 && r.chance(0.3)) parts.push(extraSentence(r, costBand, lang));
    const theme = f.paired ? t.solution.indexOf(solution) : -1;
    const summary = r.pick(themed(t.pitch, t.pitchTheme, theme))(c);
    const title = applicationTitle(r, f, lang, vendor, named, home, usedTitles, versions, themed(t.cores, t.coreTheme, theme));
    usedTitles.add(title);

    const scenarios = [f.scenarios[0], ...(f.scenarios.length > 1 && r.chance(0.6) ? [f.scenarios[1]] : [])];
    const targets = r.sample(f.targets, r.int(1, Math.min(2, f.targets.length)));
    let answers: string[] = [];
    const candidates = demandsByFamily.get(f.key) ?? [];
    if (candidates.length > 0 && r.chance(0.35)) {
      const near = demandsByFamilyPlace.get(`${f.key}@${home.slug}`) ?? [];
      answers = [r.pick(near.length > 0 && r.chance(0.7) ? near : candidates).title];
    }

    const submittedAt = submissionTime(r);
    const weak = !verified.get(vendor.slug) || maturity === "concept";
    const app: PlanApplication = {
      title,
      summary: lang === "en" ? cap(summary) : summary,
      description: sentences(parts, lang),
      lang,
      domain: f.domain,
      maturity,
      costBand,
      publicFromSubmission: r.chance(0.3),
      status: "not_shortlisted",
      organization: vendor.slug,
      author: vendorAuthor.get(vendor.slug) ?? null,
      submittedAt,
      createdAt: before(r, submittedAt, 14),
      updatedAt: DECIDED_AT,
      tags: [
        ...scenarios.map((x) => tagKey("scenario", x)),
        ...targets.map((x) => tagKey("target_group", x)),
        ...techs.map((x) => tagKey("technology", x)),
      ],
      deployments,
      answers,
    };
    const maturityWeight = maturity === "deployed" ? 1 : maturity === "pilot" ? 0.8 : 0.35;
    generated.push({ app, score: maturityWeight * (verified.get(vendor.slug) ? 1 : 0.4) * (0.5 + r.next()), weak });
  }

  // The published list: the showcase picks, topped up by score to exactly the quota.
  const wanted = APPLICATION_QUOTA - apps.filter((a) => a.status === "selected").length;
  const ranked = generated.map((g, i) => ({ i, score: g.score })).sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen = new Set(ranked.slice(0, wanted).map((x) => x.i));
  // About 7% rejected at screening, most of them weak (unverified vendor or a bare concept).
  const rejectCount = Math.round(total * 0.07);
  const rejectable = generated
    .map((g, i) => ({ i, key: (g.weak ? 0 : 1) + r.next() * 1.2 }))
    .filter((x) => !chosen.has(x.i))
    .sort((a, b) => a.key - b.key || a.i - b.i);
  const rejected = new Set(rejectable.slice(0, rejectCount).map((x) => x.i));
  generated.forEach((g, i) => {
    if (chosen.has(i)) g.app.status = "selected";
    else if (rejected.has(i)) {
      g.app.status = "rejected";
      g.app.updatedAt = new Date(Math.min(g.app.submittedAt.getTime() + r.int(3, 14) * DAY, DECIDED_AT.getTime() - 5 * DAY));
    }
  });
  return [...apps, ...generated.map((g) => g.app)];
}

/** The whole demo for a scale (1 = 500 applications, 50 demands). */
export function buildPlan(scale = 1): Plan {
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) throw new Error(`scale must be an integer from 1 to 1000, not ${scale}`);
  const r = new Rng(SEED);
  const { vendors, orgs } = buildOrganizations(r.fork(10), scale);
  const people = buildPeople(r.fork(20), scale, orgs, vendors);
  const usedTitles = new Set<string>();
  const demands = buildDemands(r.fork(30), scale, people, orgs, vendors, usedTitles);
  const applications = buildApplications(r.fork(40), scale, vendors, people.vendorAuthor, demands, usedTitles);
  return { scale, users: people.users, organizations: orgs, memberships: people.memberships, demands, applications };
}

