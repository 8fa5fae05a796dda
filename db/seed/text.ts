/**
 * Shared pieces of the text generator: the context a template is filled with,
 * technology phrases, and small helpers for joining phrases in either language.
 */
import type { Place } from "./reference";
import type { Rng } from "./random";

export type Lang = "zh-CN" | "en";

/** What a template can draw on. Every string is already in the item's language. */
export type Ctx = {
  r: Rng;
  lang: Lang;
  place: Place;
  /** 甘泉路街道 / Ganquan Road Subdistrict */
  pl: string;
  /** 甘泉路 / Ganquan Road */
  ps: string;
  /** An address in the place: 志丹路155弄 / Lane 155, Zhidan Road */
  site: string;
  /** The item's technologies as a phrase: 物联网传感器与人工智能算法 */
  tech: string;
  /** The vendor's short name, or the raising organisation's */
  brand: string;
  /** An integer in [min, max], a multiple of step. */
  n(min: number, max: number, step?: number): number;
};

export type Template = (c: Ctx) => string;

export function makeCtx(
  r: Rng,
  lang: Lang,
  place: Place,
  parts: { site?: string; tech?: string; brand?: string } = {},
): Ctx {
  const zh = lang === "zh-CN";
  return {
    r,
    lang,
    place,
    pl: zh ? place.nameZh : place.nameEn,
    ps: zh ? place.shortZh : place.shortEn,
    site: parts.site ?? siteIn(r, place, lang),
    tech: parts.tech ?? "",
    brand: parts.brand ?? "",
    n: (min, max, step = 1) => (step === 1 ? r.int(min, max) : r.round(min, max, step)),
  };
}

/** A lane address in a place: 志丹路155弄 / Lane 155, Zhidan Road. */
export function siteIn(r: Rng, place: Place, lang: Lang, lane?: number): string {
  const [zh, en] = r.pick(place.roads);
  const n = lane ?? r.int(2, 98) * 5 + r.int(0, 4);
  return lang === "zh-CN" ? `${zh}${n}弄` : `Lane ${n}, ${en}`;
}

/** Join phrases: 甲、乙和丙 / A, B and C. */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? "";
  const head = items.slice(0, -1);
  const last = items[items.length - 1];
  return lang === "zh-CN" ? `${head.join("、")}和${last}` : `${head.join(", ")} and ${last}`;
}

/** Sentence-initial capital for English. */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

type TechText = { zh: string; zhShort: string; en: string; enShort: string };

/** How each technology tag is written in running text and in titles. */
export const TECH_TEXT: Record<string, TechText> = {
  ai: { zh: "人工智能算法", zhShort: "AI", en: "AI models", enShort: "AI-Powered" },
  iot: { zh: "物联网传感器", zhShort: "物联网", en: "IoT sensors", enShort: "IoT" },
  "5g": { zh: "5G网络", zhShort: "5G", en: "5G connectivity", enShort: "5G" },
  "big-data": { zh: "大数据分析", zhShort: "大数据", en: "big-data analytics", enShort: "Data-Driven" },
  cloud: { zh: "云平台", zhShort: "云", en: "a cloud platform", enShort: "Cloud-Based" },
  "facial-recognition": { zh: "人脸识别", zhShort: "人脸识别", en: "facial recognition", enShort: "Face-Recognition" },
  "ar-vr": { zh: "AR/VR技术", zhShort: "AR", en: "AR/VR", enShort: "AR-Enhanced" },
  blockchain: { zh: "区块链存证", zhShort: "区块链", en: "a blockchain ledger", enShort: "Blockchain-Backed" },
  "digital-twin": { zh: "GIS地图与数字孪生模型", zhShort: "数字孪生", en: "GIS maps and a digital twin", enShort: "Digital-Twin" },
  "edge-computing": { zh: "边缘计算网关", zhShort: "边缘计算", en: "edge-computing gateways", enShort: "Edge-AI" },
  robotics: { zh: "服务机器人", zhShort: "机器人", en: "service robots", enShort: "Robot-Assisted" },
  "video-analytics": { zh: "视频智能分析", zhShort: "AI视频", en: "video analytics", enShort: "Video-AI" },
  "mmwave-radar": { zh: "毫米波雷达", zhShort: "毫米波雷达", en: "millimetre-wave radar", enShort: "Radar-Based" },
  "nb-iot": { zh: "NB-IoT窄带物联网", zhShort: "NB-IoT", en: "NB-IoT links", enShort: "NB-IoT" },
  voice: { zh: "智能语音交互", zhShort: "语音", en: "voice interaction", enShort: "Voice-Enabled" },
  nlp: { zh: "自然语言处理", zhShort: "语义理解", en: "natural-language processing", enShort: "NLP-Powered" },
  "knowledge-graph": { zh: "知识图谱", zhShort: "知识图谱", en: "a knowledge graph", enShort: "Knowledge-Graph" },
  beidou: { zh: "北斗高精度定位", zhShort: "北斗", en: "BeiDou positioning", enShort: "BeiDou" },
  rfid: { zh: "RFID电子标签", zhShort: "RFID", en: "RFID tags", enShort: "RFID" },
  wearables: { zh: "智能手环等穿戴设备", zhShort: "智能穿戴", en: "wearable bands", enShort: "Wearable" },
  drones: { zh: "无人机巡查", zhShort: "无人机", en: "drone patrols", enShort: "Drone-Based" },
  "mobile-app": { zh: "微信小程序", zhShort: "小程序", en: "a WeChat mini-program", enShort: "Mobile" },
  "low-code": { zh: "低代码平台", zhShort: "低代码", en: "a low-code platform", enShort: "Low-Code" },
  "privacy-computing": { zh: "隐私计算", zhShort: "隐私计算", en: "privacy-preserving computation", enShort: "Privacy-Preserving" },
};

export function techPhrase(slugs: string[], lang: Lang): string {
  return joinList(
    slugs.map((s) => (lang === "zh-CN" ? TECH_TEXT[s].zh : TECH_TEXT[s].en)),
    lang,
  );
}

export function techShort(slug: string, lang: Lang): string {
  return lang === "zh-CN" ? TECH_TEXT[slug].zhShort : TECH_TEXT[slug].enShort;
}
