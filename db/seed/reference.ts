/**
 * Reference data: Putuo's eight subdistricts and two towns, and the tag
 * vocabulary (technologies, scenarios, target groups). Upserted by slug at
 * every start, so renaming a label here updates the database and nothing is
 * ever duplicated.
 */
import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { subdistricts, tags } from "../schema";
import type { TagKind } from "../enums";

export type Place = {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: "subdistrict" | "town";
  /** Short forms for running text: 甘泉路 / Ganquan Road. */
  shortZh: string;
  shortEn: string;
  /** Streets in or near the place, for addresses in the demo data (zh, en). */
  roads: [string, string][];
};

export const PLACES: Place[] = [
  {
    slug: "caoyang-xincun",
    nameZh: "曹杨新村街道",
    nameEn: "Caoyang Xincun Subdistrict",
    kind: "subdistrict",
    shortZh: "曹杨新村",
    shortEn: "Caoyang Xincun",
    roads: [["兰溪路", "Lanxi Road"], ["枣阳路", "Zaoyang Road"], ["杏山路", "Xingshan Road"], ["花溪路", "Huaxi Road"], ["梅岭北路", "Meiling North Road"]],
  },
  {
    slug: "changfeng-xincun",
    nameZh: "长风新村街道",
    nameEn: "Changfeng Xincun Subdistrict",
    kind: "subdistrict",
    shortZh: "长风新村",
    shortEn: "Changfeng Xincun",
    roads: [["金沙江路", "Jinshajiang Road"], ["大渡河路", "Daduhe Road"], ["云岭东路", "Yunling East Road"], ["泸定路", "Luding Road"], ["光复西路", "Guangfu West Road"]],
  },
  {
    slug: "changshou-road",
    nameZh: "长寿路街道",
    nameEn: "Changshou Road Subdistrict",
    kind: "subdistrict",
    shortZh: "长寿路",
    shortEn: "Changshou Road",
    roads: [["江宁路", "Jiangning Road"], ["西康路", "Xikang Road"], ["常德路", "Changde Road"], ["胶州路", "Jiaozhou Road"], ["昌化路", "Changhua Road"]],
  },
  {
    slug: "ganquan-road",
    nameZh: "甘泉路街道",
    nameEn: "Ganquan Road Subdistrict",
    kind: "subdistrict",
    shortZh: "甘泉路",
    shortEn: "Ganquan Road",
    roads: [["志丹路", "Zhidan Road"], ["黄陵路", "Huangling Road"], ["西乡路", "Xixiang Road"], ["延长西路", "Yanchang West Road"], ["交通路", "Jiaotong Road"]],
  },
  {
    slug: "shiquan-road",
    nameZh: "石泉路街道",
    nameEn: "Shiquan Road Subdistrict",
    kind: "subdistrict",
    shortZh: "石泉路",
    shortEn: "Shiquan Road",
    roads: [["石泉路", "Shiquan Road"], ["岚皋路", "Langao Road"], ["中潭路", "Zhongtan Road"], ["宜昌路", "Yichang Road"], ["管弄路", "Guannong Road"]],
  },
  {
    slug: "yichuan-road",
    nameZh: "宜川路街道",
    nameEn: "Yichuan Road Subdistrict",
    kind: "subdistrict",
    shortZh: "宜川路",
    shortEn: "Yichuan Road",
    roads: [["宜川路", "Yichuan Road"], ["沪太路", "Hutai Road"], ["普善路", "Pushan Road"], ["洛川东路", "Luochuan East Road"], ["中山北路", "North Zhongshan Road"]],
  },
  {
    slug: "zhenru-town",
    nameZh: "真如镇街道",
    nameEn: "Zhenru Town Subdistrict",
    kind: "subdistrict",
    shortZh: "真如镇",
    shortEn: "Zhenru Town",
    roads: [["真北路", "Zhenbei Road"], ["铜川路", "Tongchuan Road"], ["真光路", "Zhenguang Road"], ["清涧路", "Qingjian Road"], ["曹杨路", "Caoyang Road"]],
  },
  {
    slug: "wanli",
    nameZh: "万里街道",
    nameEn: "Wanli Subdistrict",
    kind: "subdistrict",
    shortZh: "万里",
    shortEn: "Wanli",
    roads: [["新村路", "Xincun Road"], ["万镇路", "Wanzhen Road"], ["真华路", "Zhenhua Road"], ["富平路", "Fuping Road"], ["香泉路", "Xiangquan Road"]],
  },
  {
    slug: "changzheng-town",
    nameZh: "长征镇",
    nameEn: "Changzheng Town",
    kind: "town",
    shortZh: "长征镇",
    shortEn: "Changzheng",
    roads: [["梅川路", "Meichuan Road"], ["同普路", "Tongpu Road"], ["怒江北路", "Nujiang North Road"], ["金鼎路", "Jinding Road"], ["中江路", "Zhongjiang Road"]],
  },
  {
    slug: "taopu-town",
    nameZh: "桃浦镇",
    nameEn: "Taopu Town",
    kind: "town",
    shortZh: "桃浦",
    shortEn: "Taopu",
    roads: [["桃浦路", "Taopu Road"], ["真南路", "Zhennan Road"], ["祁连山南路", "South Qilianshan Road"], ["武威东路", "Wuwei East Road"], ["古浪路", "Gulang Road"]],
  },
];

export type TagDef = { kind: TagKind; slug: string; nameZh: string; nameEn: string };

const t = (kind: TagKind) => (slug: string, nameZh: string, nameEn: string): TagDef => ({ kind, slug, nameZh, nameEn });
const tech = t("technology");
const scen = t("scenario");
const group = t("target_group");

export const TAGS: TagDef[] = [
  tech("ai", "人工智能", "Artificial intelligence"),
  tech("iot", "物联网", "Internet of Things"),
  tech("5g", "5G", "5G"),
  tech("big-data", "大数据", "Big data"),
  tech("cloud", "云计算", "Cloud computing"),
  tech("facial-recognition", "人脸识别", "Facial recognition"),
  tech("ar-vr", "AR/VR 增强与虚拟现实", "AR/VR"),
  tech("blockchain", "区块链", "Blockchain"),
  tech("digital-twin", "GIS 与数字孪生", "GIS & digital twin"),
  tech("edge-computing", "边缘计算", "Edge computing"),
  tech("robotics", "机器人", "Robotics"),
  tech("video-analytics", "视频智能分析", "Video analytics"),
  tech("mmwave-radar", "毫米波雷达", "Millimetre-wave radar"),
  tech("nb-iot", "NB-IoT 窄带物联网", "NB-IoT"),
  tech("voice", "语音交互", "Voice interaction"),
  tech("nlp", "自然语言处理", "Natural language processing"),
  tech("knowledge-graph", "知识图谱", "Knowledge graph"),
  tech("beidou", "北斗定位", "BeiDou positioning"),
  tech("rfid", "RFID 射频识别", "RFID"),
  tech("wearables", "智能穿戴", "Wearables"),
  tech("drones", "无人机", "Drones"),
  tech("mobile-app", "小程序与移动应用", "Mini-programs & mobile apps"),
  tech("low-code", "低代码", "Low-code"),
  tech("privacy-computing", "隐私计算", "Privacy-preserving computation"),

  scen("elderly-living-alone", "独居老人关爱", "Elderly living alone"),
  scen("fall-detection", "跌倒监测", "Fall detection"),
  scen("missing-seniors", "走失老人寻找", "Finding missing seniors"),
  scen("one-call-taxi", "一键叫车", "One-call taxi"),
  scen("meal-assistance", "社区助餐", "Meals for seniors"),
  scen("medication", "用药管理", "Medication management"),
  scen("smart-healthcare", "智慧医疗", "Smart healthcare"),
  scen("fire-gas-safety", "消防与燃气安全", "Fire & gas safety"),
  scen("ebike-charging", "电动自行车充电安全", "E-bike charging safety"),
  scen("lift-safety", "电梯安全", "Lift safety"),
  scen("campus-security", "校园安全", "Campus security"),
  scen("smart-classroom", "智慧教室", "Smart classroom"),
  scen("smart-gate", "智能门禁", "Smart gates & entrance guards"),
  scen("health-code", "健康码核验", "Health codes"),
  scen("manhole-monitoring", "窨井盖监测", "Manhole monitoring"),
  scen("full-bins", "垃圾满溢提醒", "Full rubbish bins"),
  scen("waste-sorting", "垃圾分类", "Waste sorting"),
  scen("high-rise-littering", "高空抛物", "Objects thrown from high-rises"),
  scen("illegal-construction", "违法搭建", "Illegal construction"),
  scen("historic-buildings", "历史建筑保护", "Historic-building sensors"),
  scen("public-toilets", "公厕客流统计", "Public-toilet counting"),
  scen("flood-warning", "防汛预警", "Flood warning"),
  scen("environment", "环境监测", "Environmental monitoring"),
  scen("smart-hotel", "智慧酒店", "Smart hotel"),
  scen("parking", "智慧停车", "Parking"),
  scen("accessible-travel", "无障碍出行", "Accessible travel"),
  scen("market-supervision", "市场监管", "Market supervision"),
  scen("food-safety", "食品安全", "Food safety"),
  scen("grid-management", "网格化管理", "Grid management"),
  scen("city-brain", "城市大脑", "City Brain"),
  scen("emergency-response", "应急管理", "Emergency response"),
  scen("one-stop-services", "一网通办", "One-stop online services"),
  scen("community-services", "社区服务", "Community services"),
  scen("talent-analysis", "人才数据分析", "Talent data analysis"),
  scen("digital-trade", "数字贸易", "Digital trade"),
  scen("enterprise-services", "企业服务", "Services for businesses"),
  scen("smart-park", "智慧园区与楼宇", "Smart parks & buildings"),
  scen("smart-retail", "智慧商圈", "Smart shopping districts"),
  scen("smart-media", "智慧媒体", "Smart media"),
  scen("culture-tourism", "文化旅游", "Culture & tourism"),
  scen("cybersecurity", "网络与数据安全", "Cyber & data security"),

  group("elderly", "老年人", "Elderly people"),
  group("disabled", "残障人士", "People with disabilities"),
  group("children", "儿童", "Children"),
  group("students", "学生", "Students"),
  group("parents", "家长", "Parents"),
  group("teachers", "教师", "Teachers"),
  group("commuters", "通勤者", "Commuters"),
  group("businesses", "企业", "Businesses"),
  group("professionals", "专业人才", "Professionals"),
  group("community-workers", "社区工作者", "Community workers"),
  group("caregivers", "照护人员与家属", "Caregivers & families"),
  group("patients", "患者", "Patients"),
  group("tourists", "游客", "Tourists"),
  group("residents", "社区居民", "Residents in general"),
  group("property-staff", "物业人员", "Property staff"),
  group("officials", "政府工作人员", "Government staff"),
  group("delivery-riders", "快递外卖骑手", "Delivery riders"),
  group("merchants", "商户", "Shopkeepers & merchants"),
];

/** Upsert the subdistricts and tags (by slug). Safe to run at every start. */
export async function seedReference(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(subdistricts)
      .values(
        PLACES.map((p, i) => ({ slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn, kind: p.kind, sortOrder: i + 1 })),
      )
      .onConflictDoUpdate({
        target: subdistricts.slug,
        set: {
          nameZh: sql`excluded.name_zh`,
          nameEn: sql`excluded.name_en`,
          kind: sql`excluded.kind`,
          sortOrder: sql`excluded.sort_order`,
        },
      });
    await tx
      .insert(tags)
      .values(TAGS)
      .onConflictDoUpdate({
        target: [tags.kind, tags.slug],
        set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en` },
      });
  });
}
