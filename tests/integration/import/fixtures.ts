/**
 * What the import tests need in their own database: a few subdistricts, tags
 * of each kind, an official, a resident, a known vendor and campaigns, plus
 * helpers to write CSV files.
 */
import type { Database } from "../../../db/client";
import { subdistricts, tags } from "../../../db/schema";
import { buildCampaign, buildOrganization, buildUser } from "../../helpers/builders";

export async function importFixtures(db: Database) {
  const places = await db
    .insert(subdistricts)
    .values([
      { slug: "ganquan-road", nameZh: "甘泉路街道", nameEn: "Ganquan Road Subdistrict", kind: "subdistrict", sortOrder: 1 },
      { slug: "changzheng-town", nameZh: "长征镇", nameEn: "Changzheng Town", kind: "town", sortOrder: 2 },
      { slug: "zhenru-town", nameZh: "真如镇街道", nameEn: "Zhenru Town Subdistrict", kind: "subdistrict", sortOrder: 3 },
    ])
    .returning();
  const tagRows = await db
    .insert(tags)
    .values([
      { kind: "technology", slug: "ai", nameZh: "人工智能", nameEn: "Artificial intelligence" },
      { kind: "technology", slug: "iot", nameZh: "物联网", nameEn: "Internet of Things" },
      { kind: "scenario", slug: "fall-detection", nameZh: "跌倒监测", nameEn: "Fall detection" },
      { kind: "scenario", slug: "parking", nameZh: "智慧停车", nameEn: "Parking" },
      { kind: "target_group", slug: "elderly", nameZh: "老年人", nameEn: "Elderly people" },
      { kind: "target_group", slug: "children", nameZh: "儿童", nameEn: "Children" },
    ])
    .returning();
  const tag = (slug: string) => tagRows.find((t) => t.slug === slug)!;
  const place = (slug: string) => places.find((p) => p.slug === slug)!;
  const official = await buildUser(db, { roles: ["official"] });
  const resident = await buildUser(db, { roles: ["resident"] });
  const huawei = await buildOrganization(db, { slug: "huawei", nameZh: "华为技术有限公司", nameEn: "Huawei Technologies" });
  const campaign = await buildCampaign(db, { slug: "2026-open-call", stage: "collecting" });
  return { places, place, tag, official, resident, huawei, campaign };
}

/** A CSV file from a header and rows (cells quoted when needed), as bytes. */
export function csv(rows: (string | number)[][], { bom = false, eol = "\n" } = {}): Uint8Array {
  const quote = (cell: string | number) => {
    const text = String(cell);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = rows.map((r) => r.map(quote).join(",")).join(eol) + eol;
  return new TextEncoder().encode((bom ? "\uFEFF" : "") + body);
}

export const APPLICATION_HEADER = [
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
];

export const DEMAND_HEADER = ["ref", "title", "description", "domain", "subdistrict", "raised_by", "target_groups"];

/** A valid application row; `over` replaces cells by column name. */
export function applicationRow(n: number, over: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    ref: `APP-${n}`,
    title: `独居老人跌倒监测 ${n}`,
    summary: "毫米波雷达无感监测跌倒",
    description: "在独居老人家中安装毫米波雷达，跌倒后自动通知家属和居委会。",
    organization: "华为技术有限公司",
    domain: "生活数字化",
    technologies: "人工智能; iot",
    scenarios: "跌倒监测",
    target_groups: "老年人",
    maturity: "试点",
    deployed_in: "甘泉路街道; 徐汇区",
  };
  return APPLICATION_HEADER.map((c) => over[c] ?? base[c]);
}

export function demandRow(n: number, over: Partial<Record<string, string>> = {}): string[] {
  const base: Record<string, string> = {
    ref: `DEM-${n}`,
    title: `一键叫车 ${n}`,
    description: "老人不会用手机软件打车，希望在家里按一个按钮就能叫到出租车。",
    domain: "life",
    subdistrict: "甘泉路街道",
    raised_by: "居民",
    target_groups: "老年人",
  };
  return DEMAND_HEADER.map((c) => over[c] ?? base[c]);
}
