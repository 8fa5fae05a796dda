/**
 * The organisations of the demo: the vendors named in the press (Huawei, 360,
 * JD, China Mobile Shanghai, Shanghai United Media Group, Dataway), about
 * forty invented Shanghai firms, the ten subdistrict offices, a few
 * neighbourhood committees, two district departments and two research
 * institutes. At larger scales more invented vendors and committees are
 * generated from syllables, so names stay unique.
 *
 * `capabilities` holds tag slugs (technologies and scenarios), so the UI can
 * show them in either language through the tags table and matching can
 * compare them with an item's tags.
 */
import type { OrganizationKind } from "../enums";

import { PLACES, type Place } from "./reference";
import type { Rng } from "./random";

export type Profile = {
  key: string;
  /** Families (see families.ts) the vendor's applications come from. */
  families: string[];
  techs: string[];
  industryZh: string;
  industryEn: string;
  focusZh: string;
  focusEn: string;
};

export const PROFILES: Profile[] = [
  { key: "eldercare", families: ["elderly-alone", "fall-detection", "missing-seniors", "medication", "meal-assistance"], techs: ["iot", "nb-iot", "mmwave-radar", "wearables", "ai", "mobile-app"], industryZh: "健康科技", industryEn: "Health Technology", focusZh: "居家养老与适老化智能产品", focusEn: "home-care and age-friendly smart devices" },
  { key: "fire-safety", families: ["fire-gas", "ebike-charging", "lift-safety", "historic-buildings"], techs: ["iot", "nb-iot", "video-analytics", "edge-computing", "ai"], industryZh: "消防科技", industryEn: "Fire Safety Technology", focusZh: "消防物联网与建筑安全监测", focusEn: "fire-safety IoT and building safety monitoring" },
  { key: "vision-ai", families: ["high-rise-littering", "illegal-construction", "full-bins", "market-supervision", "ebike-charging", "campus-security"], techs: ["video-analytics", "ai", "edge-computing", "facial-recognition", "drones"], industryZh: "智能科技", industryEn: "Intelligent Technology", focusZh: "计算机视觉与城市管理场景的AI识别", focusEn: "computer vision for urban management" },
  { key: "access", families: ["smart-gate", "campus-security", "parking", "smart-hotel"], techs: ["facial-recognition", "iot", "mobile-app", "cloud", "big-data"], industryZh: "安防科技", industryEn: "Security Technology", focusZh: "社区与校园出入管理、智能安防", focusEn: "access control and security for estates and schools" },
  { key: "urban-iot", families: ["manhole", "public-toilets", "flood-warning", "environment", "full-bins", "historic-buildings"], techs: ["iot", "nb-iot", "digital-twin", "big-data", "beidou"], industryZh: "物联网科技", industryEn: "IoT Technology", focusZh: "城市部件物联感知与市政设施监测", focusEn: "IoT sensing for street furniture and municipal assets" },
  { key: "govtech", families: ["grid-management", "city-brain", "one-stop-services", "community-services"], techs: ["big-data", "ai", "digital-twin", "knowledge-graph", "low-code", "mobile-app"], industryZh: "信息技术", industryEn: "Information Technology", focusZh: "基层治理数字化与城市运行管理平台", focusEn: "digital tools for grassroots governance and city operations" },
  { key: "edtech", families: ["smart-classroom", "campus-security"], techs: ["ai", "ar-vr", "cloud", "big-data", "5g"], industryZh: "教育科技", industryEn: "Education Technology", focusZh: "智慧教育与校园数字化", focusEn: "smart education and digital campuses" },
  { key: "hospitality", families: ["smart-hotel", "smart-retail", "culture-tourism", "parking"], techs: ["iot", "robotics", "voice", "mobile-app", "cloud"], industryZh: "网络科技", industryEn: "Network Technology", focusZh: "酒店、商业与文旅场景的数字化服务", focusEn: "digital services for hotels, retail and tourism" },
  { key: "data", families: ["talent-analysis", "enterprise-services", "market-supervision", "smart-retail"], techs: ["big-data", "ai", "knowledge-graph", "privacy-computing", "nlp"], industryZh: "数据科技", industryEn: "Data Technology", focusZh: "数据治理、产业分析与决策支持", focusEn: "data governance, industry analysis and decision support" },
  { key: "trade", families: ["digital-trade", "enterprise-services"], techs: ["blockchain", "big-data", "cloud", "ai"], industryZh: "供应链科技", industryEn: "Supply Chain Technology", focusZh: "数字贸易与供应链金融服务", focusEn: "digital trade and supply-chain finance" },
  { key: "health", families: ["smart-healthcare", "medication", "fall-detection"], techs: ["cloud", "5g", "ai", "wearables", "mobile-app"], industryZh: "医疗科技", industryEn: "Medical Technology", focusZh: "互联网医疗与慢病管理", focusEn: "online healthcare and chronic-disease management" },
  { key: "mobility", families: ["one-call-taxi", "accessible-travel", "parking"], techs: ["voice", "beidou", "mobile-app", "big-data", "ai"], industryZh: "出行科技", industryEn: "Mobility Technology", focusZh: "适老化出行与智慧停车服务", focusEn: "age-friendly mobility and parking services" },
  { key: "proptech", families: ["smart-park", "lift-safety", "parking", "community-services"], techs: ["iot", "digital-twin", "5g", "edge-computing", "ai"], industryZh: "建筑科技", industryEn: "Building Technology", focusZh: "智慧楼宇、园区与物业数字化", focusEn: "smart buildings, parks and property management" },
  { key: "robotics", families: ["smart-hotel", "meal-assistance", "campus-security", "fall-detection"], techs: ["robotics", "ai", "voice", "5g"], industryZh: "机器人科技", industryEn: "Robotics", focusZh: "服务机器人与巡检机器人", focusEn: "service and patrol robots" },
  { key: "twin", families: ["historic-buildings", "city-brain", "illegal-construction", "flood-warning", "culture-tourism"], techs: ["digital-twin", "drones", "ar-vr", "iot", "big-data"], industryZh: "空间信息科技", industryEn: "Geospatial Technology", focusZh: "GIS、实景三维与城市数字孪生", focusEn: "GIS, 3D reality capture and urban digital twins" },
  { key: "community", families: ["community-services", "meal-assistance", "one-stop-services", "missing-seniors"], techs: ["mobile-app", "low-code", "big-data", "ai"], industryZh: "软件", industryEn: "Software", focusZh: "社区服务与居民自治的轻量化应用", focusEn: "lightweight apps for community services" },
  { key: "media", families: ["smart-media", "culture-tourism"], techs: ["ai", "nlp", "ar-vr", "5g", "cloud"], industryZh: "文化传媒", industryEn: "Media Technology", focusZh: "智能媒体与数字内容生产", focusEn: "smart media and digital content" },
  { key: "security", families: ["cybersecurity", "campus-security"], techs: ["ai", "big-data", "privacy-computing", "cloud"], industryZh: "网络安全技术", industryEn: "Cybersecurity", focusZh: "网络安全与数据安全服务", focusEn: "cyber and data security" },
];

export const PROFILE_BY_KEY = new Map(PROFILES.map((p) => [p.key, p]));

export type VendorDef = {
  slug: string;
  nameZh: string;
  nameEn: string;
  /** Short names used in titles and text. */
  brandZh: string;
  brandEn: string;
  profiles: string[];
  verified: boolean;
  website?: string;
  descriptionZh?: string;
  descriptionEn?: string;
  /** How many generated applications relative to an average vendor. */
  weight: number;
};

/** The firms the articles name. */
export const NAMED_VENDORS: VendorDef[] = [
  {
    slug: "huawei",
    nameZh: "华为技术有限公司",
    nameEn: "Huawei Technologies",
    brandZh: "华为",
    brandEn: "Huawei",
    profiles: ["govtech", "proptech", "edtech"],
    verified: true,
    website: "https://www.huawei.com",
    descriptionZh:
      "全球领先的ICT基础设施和智能终端提供商。与普陀区签署数字化转型战略合作协议，作为技术研究者和提供者，参与“普陀数字实验室”的规划、咨询、建设和运营，以云计算、大数据和人工智能技术回应普陀发布的场景清单。",
    descriptionEn:
      "A leading provider of ICT infrastructure and smart devices. Under its strategic agreement with Putuo it acts as technology researcher and provider for the district's digital transformation, supporting planning, consulting, construction and operation, and answers Putuo's scenario lists with cloud computing, big data and AI.",
    weight: 1.2,
  },
  {
    slug: "360-security",
    nameZh: "三六零安全科技股份有限公司",
    nameEn: "360 Security Technology",
    brandZh: "360",
    brandEn: "360",
    profiles: ["security", "access"],
    verified: true,
    website: "https://www.360.cn",
    descriptionZh:
      "国内网络安全领军企业，在普陀发布校园安全与社区安全应用，以人工智能和人脸识别技术对公共卫生、环境污染、纠纷和违法行为等突发事件进行监测预警。",
    descriptionEn:
      "A leading Chinese cybersecurity firm. In Putuo it has released campus and community security applications that use AI and facial recognition to monitor and raise alerts on public-health events, pollution, disputes, illegal activity and other emergencies.",
    weight: 1,
  },
  {
    slug: "jd",
    nameZh: "京东集团",
    nameEn: "JD.com",
    brandZh: "京东",
    brandEn: "JD",
    profiles: ["eldercare", "trade", "hospitality"],
    verified: true,
    website: "https://www.jd.com",
    descriptionZh: "以供应链为基础的技术与服务企业，在普陀发布居家养老和社区服务等应用，覆盖智能设备、健康服务和到家配送。",
    descriptionEn: "A supply-chain-based technology and services company. In Putuo it offers senior-care and community-service applications spanning smart devices, health services and home delivery.",
    weight: 1,
  },
  {
    slug: "china-mobile-shanghai",
    nameZh: "中国移动通信集团上海有限公司",
    nameEn: "China Mobile Shanghai",
    brandZh: "中国移动",
    brandEn: "China Mobile",
    profiles: ["proptech", "mobility", "govtech"],
    verified: true,
    website: "https://www.10086.cn",
    descriptionZh:
      "普陀区数字化转型战略合作伙伴，为智慧应用推广提供通信服务，以5G、云计算、大数据、AR/VR等新一代信息技术支持科技企业和区政府。普陀已建成室外5G基站630个，覆盖57幢重点商务楼宇和5个产业园区。",
    descriptionEn:
      "Strategic partner in Putuo's digital transformation, providing the telecommunications behind its smart applications and supporting firms and the district with 5G, cloud, big data and AR/VR. Putuo has 630 outdoor 5G base stations covering 57 key office buildings and five industrial parks.",
    weight: 1,
  },
  {
    slug: "shanghai-united-media-group",
    nameZh: "上海报业集团",
    nameEn: "Shanghai United Media Group",
    brandZh: "上报集团",
    brandEn: "SUMG",
    profiles: ["media"],
    verified: true,
    website: "https://www.sumg.com.cn",
    descriptionZh:
      "拥有本市多数报纸的媒体集团。与普陀区签署战略合作协议，依托科创基金支持优秀科技企业在普陀发展，并邀请企业共同开发智能媒体应用。",
    descriptionEn:
      "The media group that owns most of the city's newspapers, including Shanghai Daily. Under its agreement with Putuo it will invest in and cooperate with outstanding tech firms developing in the district and invite them to build smart-media applications.",
    weight: 0.5,
  },
  {
    slug: "dataway",
    // The article only gives the English name; the Chinese name is a stand-in.
    nameZh: "上海数道数据科技有限公司",
    nameEn: "Dataway",
    brandZh: "数道",
    brandEn: "Dataway",
    profiles: ["data"],
    verified: true,
    descriptionZh: "数据分析公司，普陀区数字化转型战略合作伙伴，为区政府数字化转型决策提供支持，并为区内政府部门和科技企业开展用户调研与数据分析。",
    descriptionEn: "A data-analysis company and strategic partner in Putuo's digital transformation. It supports the district's decision-making and runs customer surveys and data analysis for the district and for tech companies.",
    weight: 0.8,
  },
];

type Curated = [slug: string, brandZh: string, brandEn: string, profile: string, verified: boolean];

/** Invented firms (any likeness to a real company is unintended). */
const CURATED: Curated[] = [
  ["yilian", "颐联", "Yilian", "eldercare", true],
  ["zhuan-security", "筑安", "Zhu'an", "access", true],
  ["anlan", "安澜", "Anlan", "fire-safety", true],
  ["yunxiu", "云岫", "Yunxiu", "vision-ai", true],
  ["honggan", "泓感", "Honggan", "urban-iot", true],
  ["suhe-zhilian", "苏河智联", "Suhe Zhilian", "govtech", true],
  ["chengxue", "澄学", "Chengxue", "edtech", true],
  ["qike", "栖客", "Qike", "hospitality", true],
  ["shuheng", "数衡", "Shuheng", "data", true],
  ["maolian", "贸链", "Maolian", "trade", true],
  ["kanglin", "康邻", "Kanglin", "health", true],
  ["xingyi", "行易", "Xingyi", "mobility", true],
  ["zhujing", "筑境", "Zhujing", "proptech", true],
  ["qingyu-robotics", "擎宇", "Qingyu", "robotics", true],
  ["luanjie", "孪界", "Luanjie", "twin", true],
  ["linju", "邻聚", "Linju", "community", true],
  ["changjia", "长嘉", "Changjia", "eldercare", true],
  ["wanghu", "望护", "Wanghu", "eldercare", false],
  ["jingyu", "净屿", "Jingyu", "urban-iot", true],
  ["jianshi", "鉴食", "Jianshi", "vision-ai", true],
  ["chaoxi", "潮汐", "Chaoxi", "urban-iot", true],
  ["tiwei", "梯卫", "Tiwei", "fire-safety", true],
  ["shenglan", "声澜", "Shenglan", "media", true],
  ["hepan", "河畔", "Hepan", "twin", false],
  ["dunwei", "盾维", "Dunwei", "security", true],
  ["yingheng", "英衡", "Yingheng", "data", true],
  ["fangjian", "坊间", "Fangjian", "hospitality", true],
  ["boyi", "泊易", "Boyi", "mobility", true],
  ["ruiyi", "瑞颐", "Ruiyi", "health", true],
  ["yige", "一格", "Yige", "govtech", true],
  ["qingmiao", "青苗", "Qingmiao", "edtech", false],
  ["chengxin", "城芯", "Chengxin", "urban-iot", true],
  ["yudian", "驭电", "Yudian", "fire-safety", true],
  ["nuanshi", "暖食", "Nuanshi", "community", true],
  ["tongtu", "通途", "Tongtu", "mobility", false],
  ["qiwu", "栖梧", "Qiwu", "proptech", true],
  ["kuahai", "跨海", "Kuahai", "trade", true],
  ["kancheng", "瞰城", "Kancheng", "vision-ai", true],
  ["kangtu", "康途", "Kangtu", "health", true],
  ["mopu", "墨浦", "Mopu", "media", false],
  ["xinghe", "星禾", "Xinghe", "govtech", true],
  ["jiashou", "嘉守", "Jiashou", "access", true],
];

/** Where firms say they are based. */
const BASES: [string, string][] = [
  ["普陀区长风生态商务区", "the Changfeng Ecological Business District in Putuo"],
  ["普陀区桃浦智创城", "Taopu Smart City in Putuo"],
  ["普陀区真如城市副中心", "the Zhenru urban sub-centre in Putuo"],
  ["普陀区中环商务区", "the Middle Ring business area in Putuo"],
  ["普陀区长寿路商圈", "the Changshou Road business area in Putuo"],
  ["徐汇区漕河泾开发区", "Caohejing Development Zone, Xuhui"],
  ["浦东新区张江科学城", "Zhangjiang Science City, Pudong"],
  ["杨浦区五角场", "Wujiaochang, Yangpu"],
  ["闵行区紫竹高新区", "Zizhu Hi-Tech Park, Minhang"],
];

function vendorFromBrand(slug: string, brandZh: string, brandEn: string, profileKey: string, verified: boolean, weight: number): VendorDef {
  const p = PROFILE_BY_KEY.get(profileKey)!;
  return {
    slug,
    nameZh: `上海${brandZh}${p.industryZh}有限公司`,
    nameEn: `Shanghai ${brandEn} ${p.industryEn} Co., Ltd.`,
    brandZh,
    brandEn,
    profiles: [profileKey],
    verified,
    weight,
  };
}

/** Syllables for generated brands at larger scales: [汉字, pinyin]. */
const FIRST: [string, string][] = [
  ["澜", "Lan"], ["岫", "Xiu"], ["禾", "He"], ["川", "Chuan"], ["启", "Qi"], ["辰", "Chen"], ["曜", "Yao"], ["衡", "Heng"],
  ["驰", "Chi"], ["景", "Jing"], ["弘", "Hong"], ["睿", "Rui"], ["泓", "Hong"], ["朗", "Lang"], ["拓", "Tuo"], ["卓", "Zhuo"],
  ["思", "Si"], ["源", "Yuan"], ["汇", "Hui"], ["恒", "Heng"], ["屹", "Yi"], ["舟", "Zhou"], ["峤", "Qiao"], ["沐", "Mu"],
];
const SECOND: [string, string][] = [
  ["微", "wei"], ["方", "fang"], ["芯", "xin"], ["越", "yue"], ["途", "tu"], ["迈", "mai"], ["川", "chuan"], ["格", "ge"],
  ["识", "shi"], ["维", "wei"], ["塔", "ta"], ["帆", "fan"], ["杉", "shan"], ["纬", "wei"], ["序", "xu"], ["瞳", "tong"],
  ["擎", "qing"], ["麦", "mai"], ["弦", "xian"], ["枢", "shu"], ["砺", "li"], ["屿", "yu"], ["葵", "kui"], ["钧", "jun"],
];

/** All vendors for a scale: the named six, the curated forty, then generated ones. */
export function vendorDefs(r: Rng, scale: number): VendorDef[] {
  const out: VendorDef[] = [...NAMED_VENDORS];
  for (const [slug, zh, en, profile, verified] of CURATED) {
    out.push(vendorFromBrand(slug, zh, en, profile, verified, 0.6 + r.next() * 0.9));
  }
  const target = Math.round(out.length * Math.min(scale, 10));
  // Unique in both scripts: 弘维 and 泓维 are both "Hongwei", so only one of them is used.
  const usedBrands = new Set(out.flatMap((v) => [v.brandZh, v.brandEn.toLowerCase()]));
  const combos: [string, string][] = [];
  for (const a of FIRST) for (const b of SECOND) if (a[0] !== b[0]) combos.push([a[0] + b[0], a[1] + b[1]]);
  for (const [zh, en] of r.shuffle(combos)) {
    if (out.length >= target) break;
    if (usedBrands.has(zh) || usedBrands.has(en.toLowerCase())) continue;
    usedBrands.add(zh);
    usedBrands.add(en.toLowerCase());
    const profile = r.pick(PROFILES).key;
    out.push(vendorFromBrand(`${en.toLowerCase()}-${profile}`, zh, en, profile, r.chance(0.88), 0.5 + r.next()));
  }
  return out;
}

export function vendorDescription(r: Rng, v: VendorDef): { zh: string; en: string } {
  if (v.descriptionZh && v.descriptionEn) return { zh: v.descriptionZh, en: v.descriptionEn };
  const p = PROFILE_BY_KEY.get(v.profiles[0])!;
  const [baseZh, baseEn] = r.pick(BASES);
  const year = r.int(2008, 2019);
  const staff = r.round(20, 400, 10);
  const towns = r.int(6, 60);
  const zhOpeners = [
    `${v.brandZh}成立于${year}年，总部位于${baseZh}，专注${p.focusZh}。`,
    `${v.nameZh}是一家专注${p.focusZh}的科技企业，${year}年成立，现有员工约${staff}人。`,
  ];
  const zhClosers = [
    `产品已在上海${towns}个街镇落地，研发人员占比超过${r.int(40, 70)}%。`,
    `公司为国家高新技术企业，拥有软件著作权和专利${r.int(12, 90)}项。`,
    `服务对象包括街道、居委会、物业公司和园区运营方，累计服务项目${r.int(30, 300)}个。`,
  ];
  const enOpeners = [
    `Founded in ${year} and based in ${baseEn}, ${v.brandEn} works on ${p.focusEn}.`,
    `${v.nameEn} builds ${p.focusEn}; it was founded in ${year} and employs about ${staff} people.`,
  ];
  const enClosers = [
    `Its products are in use in ${towns} subdistricts and towns across Shanghai.`,
    `It holds ${r.int(12, 90)} patents and software copyrights and is a certified high-tech enterprise.`,
    `Clients include subdistrict offices, neighbourhood committees, property managers and business parks.`,
  ];
  return { zh: r.pick(zhOpeners) + r.pick(zhClosers), en: r.pick(enOpeners) + " " + r.pick(enClosers) };
}

export type PublicOrgDef = {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: OrganizationKind;
  place?: Place;
  descriptionZh: string;
  descriptionEn: string;
  capabilities: string[];
  website?: string;
};

export function officeDefs(r: Rng): PublicOrgDef[] {
  return PLACES.map((p) => {
    const town = p.kind === "town";
    const committees = r.int(14, 38);
    return {
      slug: `${p.slug}-office`,
      nameZh: town ? `${p.nameZh}人民政府` : `${p.nameZh}办事处`,
      nameEn: town ? `${p.nameEn} Government` : `${p.nameEn} Office`,
      kind: "subdistrict_office" as const,
      place: p,
      descriptionZh: `负责${p.nameZh}辖区的社区治理与公共服务，下设城市运行管理中心和社区事务受理服务中心，联系${committees}个居民区。`,
      descriptionEn: `Runs community governance and public services in ${p.nameEn}, with an urban operations centre, a community service centre and ${committees} residents' committees.`,
      capabilities: [],
    };
  });
}

function roadStem(road: string): string {
  return road.replace(/(东|西|南|北)?路$/, "");
}

function roadStemEn(road: string): string {
  return road.replace(/ (East |West |South |North )?Road$/, "").replace(/^(East|West|South|North) /, "");
}

/**
 * Neighbourhood committees: the five the stories need, and at larger scales
 * one per street of every place.
 */
export function committeeDefs(scale: number): PublicOrgDef[] {
  const byPlace = new Map(PLACES.map((p) => [p.slug, p]));
  const picks: [string, number][] =
    scale > 1
      ? PLACES.flatMap((p) => p.roads.map((_, i) => [p.slug, i] as [string, number]))
      : [["ganquan-road", 0], ["ganquan-road", 2], ["shiquan-road", 2], ["changshou-road", 0], ["zhenru-town", 2]];
  return picks.map(([slug, i]) => {
    const p = byPlace.get(slug)!;
    const [zh, en] = p.roads[i];
    return {
      slug: `${p.slug}-${roadStemEn(en).toLowerCase().replace(/[^a-z]+/g, "-")}-committee`,
      nameZh: `${p.nameZh}${roadStem(zh)}居民区居民委员会`,
      nameEn: `${roadStemEn(en)} Residents' Committee, ${p.shortEn}`,
      kind: "neighbourhood_committee" as const,
      place: p,
      descriptionZh: `${p.nameZh}下辖的居民自治组织，服务${zh}一带的居民约${1200 + i * 450}户。`,
      descriptionEn: `Residents' committee in ${p.nameEn}, serving about ${1200 + i * 450} households around ${en}.`,
      capabilities: [],
    };
  });
}

export const PUBLIC_BODIES: PublicOrgDef[] = [
  {
    slug: "putuo-stc",
    nameZh: "普陀区科学技术委员会",
    nameEn: "Putuo District Science and Technology Commission",
    kind: "government_department",
    descriptionZh: "负责全区科技创新和数字化转型工作，组织“普陀数字实验室”应用场景征集、评审与发布。",
    descriptionEn: "Leads science, innovation and digital transformation in the district, and runs the Putuo Lab scenario calls, reviews and published lists.",
    capabilities: [],
  },
  {
    slug: "putuo-urban-operations",
    nameZh: "普陀区城市运行管理中心",
    nameEn: "Putuo Urban Operations Management Centre",
    kind: "government_department",
    descriptionZh: "运营普陀“城市大脑”，汇聚全区约10万个物联网感知设备的数据，覆盖公共安全、市场监管、市容环境等城市管理领域。",
    descriptionEn: "Operates Putuo's City Brain, which gathers data from about 100,000 IoT devices across the district for public security, market supervision, sanitation and more.",
    capabilities: ["city-brain", "grid-management", "iot", "big-data"],
  },
  {
    slug: "suhe-digital-city-institute",
    nameZh: "苏河数字城市研究院",
    nameEn: "Suhe Institute for Digital Cities",
    kind: "research_institute",
    descriptionZh: "从事城市数字化转型、基层治理与数据治理研究的新型研发机构，为区内场景评审提供专家支持。",
    descriptionEn: "A research institute working on urban digital transformation, grassroots governance and data governance; provides experts for the district's reviews.",
    capabilities: ["digital-twin", "big-data", "grid-management"],
  },
  {
    slug: "age-friendly-tech-centre",
    nameZh: "华东适老科技研究中心",
    nameEn: "East China Centre for Age-Friendly Technology",
    kind: "research_institute",
    descriptionZh: "研究智慧养老、适老化改造和老年人数字鸿沟问题，参与制定社区养老服务相关标准。",
    descriptionEn: "Studies smart elderly care, age-friendly retrofits and the digital divide among older people, and contributes to community care standards.",
    capabilities: ["elderly-living-alone", "fall-detection", "iot"],
  },
];
