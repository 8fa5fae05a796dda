/**
 * Downloadable templates: every column heading and two example rows in
 * Chinese, as CSV (UTF-8 with BOM, so Excel opens it correctly), XLSX or JSON.
 * The examples use tags, subdistricts and a vendor from this database, so the
 * template validates as it is.
 */
import { and, asc, eq } from "drizzle-orm";
import Papa from "papaparse";
import writeExcelFile from "write-excel-file/node";

import type { Database } from "../../db/client";
import type { ImportKind, TagKind } from "../../db/enums";
import { organizations, subdistricts, tags } from "../../db/schema";

import { COLUMNS, LIST_SEPARATOR, VALUE_ALIASES, type ImportColumn, type ImportFormat } from "./columns";

export type Template = { fileName: string; contentType: string; body: Uint8Array<ArrayBuffer> };

const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

const PREFERRED_TAGS: Record<TagKind, string[]> = {
  technology: ["mmwave-radar", "iot", "ai", "video-analytics"],
  scenario: ["fall-detection", "manhole-monitoring", "one-call-taxi", "parking"],
  target_group: ["elderly", "residents", "commuters", "children"],
};

async function exampleVocabulary(db: Database) {
  const [tagRows, places, vendors] = await Promise.all([
    db.select({ kind: tags.kind, slug: tags.slug, nameZh: tags.nameZh }).from(tags).orderBy(asc(tags.id)),
    db.select({ nameZh: subdistricts.nameZh }).from(subdistricts).orderBy(asc(subdistricts.sortOrder), asc(subdistricts.id)).limit(2),
    db
      .select({ nameZh: organizations.nameZh })
      .from(organizations)
      .where(and(eq(organizations.kind, "vendor"), eq(organizations.verified, true)))
      .orderBy(asc(organizations.id))
      .limit(2),
  ]);
  /** The i-th example tag of a kind (preferred slugs first), or "" when there are none. */
  const tag = (kind: TagKind, i: number) => {
    const ofKind = tagRows.filter((t) => t.kind === kind);
    const preferred = PREFERRED_TAGS[kind].map((slug) => ofKind.find((t) => t.slug === slug)).filter((t) => t !== undefined);
    const pool = [...preferred, ...ofKind.filter((t) => !preferred.includes(t))];
    return pool.length ? pool[i % pool.length].nameZh : "";
  };
  const list = (...items: string[]) => [...new Set(items.filter(Boolean))].join(`${LIST_SEPARATOR} `);
  return {
    tag,
    list,
    place: (i: number) => places[i]?.nameZh ?? places[0]?.nameZh ?? "甘泉路街道",
    vendor: (i: number) => vendors[i]?.nameZh ?? vendors[0]?.nameZh ?? "上海示例智能科技有限公司",
  };
}

async function exampleRows(db: Database, kind: ImportKind): Promise<Record<ImportColumn, string>[]> {
  const v = await exampleVocabulary(db);
  const label = <K extends keyof typeof VALUE_ALIASES>(column: K, value: keyof (typeof VALUE_ALIASES)[K]) =>
    (VALUE_ALIASES[column][value] as readonly string[])[0];
  if (kind === "applications") {
    return [
      {
        ref: "APP-001",
        title: "独居老人毫米波雷达跌倒监测",
        summary: "不用穿戴、不拍画面，老人跌倒后自动通知家属和居委会。",
        description: "在独居老人家中安装毫米波雷达，识别跌倒和长时间静止，自动电话通知家属，同时推送到居委会值班平台。已在两个小区试点半年。",
        organization: v.vendor(0),
        domain: label("domain", "life"),
        technologies: v.list(v.tag("technology", 0), v.tag("technology", 1)),
        scenarios: v.tag("scenario", 0),
        target_groups: v.tag("target_group", 0),
        maturity: label("maturity", "pilot"),
        deployed_in: v.list(v.place(0), "徐汇区"),
      } as Record<ImportColumn, string>,
      {
        ref: "APP-002",
        title: "窨井盖位移智能监测",
        summary: "井盖被移动或积水时实时报警，减少行人跌落风险。",
        description: "在窨井盖内安装低功耗传感器，通过窄带物联网上报倾斜、位移和水位，异常时推送到城市运行管理平台并派单处置。",
        organization: v.vendor(1),
        domain: label("domain", "governance"),
        technologies: v.tag("technology", 1),
        scenarios: v.tag("scenario", 1),
        target_groups: v.tag("target_group", 1),
        maturity: label("maturity", "deployed"),
        deployed_in: v.place(1),
      } as Record<ImportColumn, string>,
    ];
  }
  return [
    {
      ref: "DEM-001",
      title: "老人一键叫车",
      description: "小区里很多老人不会用手机软件打车，希望在家里或小区门口按一个按钮就能叫到出租车。",
      domain: label("domain", "life"),
      subdistrict: v.place(0),
      raised_by: label("raised_by", "resident"),
      target_groups: v.tag("target_group", 0),
    } as Record<ImportColumn, string>,
    {
      ref: "DEM-002",
      title: "电动自行车违规充电提醒",
      description: "楼道里有人给电动自行车充电，存在火灾隐患，希望能自动发现并及时提醒物业和居委会。",
      domain: label("domain", "governance"),
      subdistrict: v.place(1),
      raised_by: label("raised_by", "community"),
      target_groups: v.tag("target_group", 1),
    } as Record<ImportColumn, string>,
  ];
}

export async function importTemplate(db: Database, kind: ImportKind, format: ImportFormat): Promise<Template> {
  const columns = COLUMNS[kind];
  const rows = await exampleRows(db, kind);
  const fileName = `putuo-lab-${kind}-template.${format}`;
  let body: Uint8Array<ArrayBuffer>;
  if (format === "csv") {
    const text = Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c])) }, { newline: "\r\n" });
    body = new TextEncoder().encode(`\uFEFF${text}\r\n`);
  } else if (format === "xlsx") {
    const header = columns.map((c) => ({ value: c, fontWeight: "bold" as const }));
    const data = rows.map((r) => columns.map((c) => ({ value: r[c] })));
    const buffer = await writeExcelFile([header, ...data], {
      columns: columns.map((c) => ({ width: ["description", "summary"].includes(c) ? 60 : c === "title" ? 30 : 18 })),
      stickyRowsCount: 1,
    }).toBuffer();
    body = new Uint8Array(buffer);
  } else {
    const objects = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c]])));
    body = new TextEncoder().encode(`${JSON.stringify(objects, null, 2)}\n`);
  }
  return { fileName, contentType: CONTENT_TYPES[format], body };
}
