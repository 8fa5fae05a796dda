/**
 * Demands: the four needs the press reported (taxi by one phone call in
 * Ganquan Road, finding seniors who go missing, fire risk in residential
 * blocks, seniors living alone who may fall), then archetypes of the other
 * needs residents, committees, firms and urban management raise. Each
 * archetype has several phrasings so that repeats read differently.
 */
import type { Domain, RaisedBy } from "../enums";

import type { Template } from "./text";

export type DemandText = {
  titles: Template[];
  context: Template[];
  need: Template[];
  hope: Template[];
};

export type DemandArchetype = {
  key: string;
  /** The application family that answers it (families.ts). */
  family: string;
  domain: Domain;
  raisedBy: RaisedBy[];
  scenarios: string[];
  targets: string[];
  /** Technologies the raiser suggests, if any. */
  techs: string[];
  zh: DemandText;
  en?: DemandText;
};

export type FixedDemand = {
  key: string;
  family: string;
  domain: Domain;
  raisedBy: RaisedBy;
  place: string;
  /** `office`: the place's subdistrict office; `committee`: its first committee; `urban`: the urban operations centre. */
  raisedThrough: "office" | "committee" | "urban";
  contact: "phone" | "in_person" | "email";
  scenarios: string[];
  targets: string[];
  techs: string[];
  title: string;
  description: string;
  /** Supporters, roughly. */
  supporters: number;
};

/** The needs named in the article; all four are among the ten selected. */
export const FIXED_DEMANDS: FixedDemand[] = [
  {
    key: "one-call-taxi-ganquan",
    family: "one-call-taxi",
    domain: "life",
    raisedBy: "community",
    place: "ganquan-road",
    raisedThrough: "office",
    contact: "phone",
    scenarios: ["one-call-taxi", "accessible-travel"],
    targets: ["elderly", "disabled", "patients"],
    techs: ["voice"],
    title: "让行动不便的老人打一个电话就能叫到出租车",
    description:
      "辖区居民邵老伯今年63岁，患有癌症且视力很差，每周都要去医院一次。现有的打车软件对他来说太难操作，每次都要靠志愿者分头守在几个路口帮他拦车。居委会希望有一个简单的办法，让老人和残障居民拿起电话说一声就能叫到车，不需要智能手机。希望方案能记住老人的住址和常去的医院，车到楼下时电话通知，并能让家属或志愿者知道行程。",
    supporters: 128,
  },
  {
    key: "missing-seniors-caoyang",
    family: "missing-seniors",
    domain: "life",
    raisedBy: "community",
    place: "caoyang-xincun",
    raisedThrough: "office",
    contact: "phone",
    scenarios: ["missing-seniors"],
    targets: ["elderly", "caregivers", "community-workers"],
    techs: ["beidou", "wearables"],
    title: "及时找到不告而别、走失的老人",
    description:
      "曹杨新村老年人口比例高，街道每年都会接到十几起老人外出后没有回家的求助，其中多数患有不同程度的认知障碍。家属往往先自己在附近找，等到报警、发动居委会和志愿者时已经过去好几个小时。我们希望有一个智能化的寻人场景：老人离开熟悉的范围能及时提醒家属，一旦走失能让社区、派出所和志愿者同时行动。方案要尊重老人的隐私，设备要简单、不用老人自己操作。",
    supporters: 96,
  },
  {
    key: "fire-risk-changshou",
    family: "fire-gas",
    domain: "governance",
    raisedBy: "urban_management",
    place: "changshou-road",
    raisedThrough: "urban",
    contact: "in_person",
    scenarios: ["fire-gas-safety"],
    targets: ["residents", "elderly", "property-staff"],
    techs: ["iot", "ai"],
    title: "降低居民楼的火灾风险",
    description:
      "长寿路街道老旧住宅集中，楼道堆物、私拉电线和电动自行车进楼的问题反复出现。2020年8月，江宁路一户居民家中的烟感报警，居委会干部赶到现场、民警破门后才发现是蚊香触发了报警，独居老人外出，电话一直无人接听。我们需要一套能更早发现火灾隐患、同时减少误报和无效出警的方案：告警要能分级，先联系到住户本人，再决定是否上门。希望能与街道网格化管理中心的大屏和处置流程打通。",
    supporters: 74,
  },
  {
    key: "falls-shiquan",
    family: "fall-detection",
    domain: "life",
    raisedBy: "community",
    place: "shiquan-road",
    raisedThrough: "committee",
    contact: "in_person",
    scenarios: ["fall-detection", "elderly-living-alone"],
    targets: ["elderly", "caregivers", "community-workers"],
    techs: ["mmwave-radar", "iot"],
    title: "保护容易跌倒的独居老人",
    description:
      "石泉社区60岁以上居民超过35%，独居老人中不少人有高血压、骨质疏松，夜里起床上厕所最容易摔倒。居委会现在靠电话和上门探访，一位社工要照看几十户，老人摔倒后几个小时没人发现的情况时有发生。希望有不需要老人佩戴、也不装摄像头的跌倒识别设备，发现异常能马上通知家属和我们。也希望数据能和门磁、红外等已有传感器放在同一个平台上查看。",
    supporters: 88,
  },
];

/** Further selected demands: archetype key and the place it is raised in. */
export const SELECTED_ARCHETYPES: [string, string][] = [
  ["high-rise-littering", "yichuan-road"],
  ["ebike-lifts", "wanli"],
  ["office-5g", "changfeng-xincun"],
  ["talent-data", "taopu-town"],
  ["senior-meals", "changzheng-town"],
  ["manhole-covers", "zhenru-town"],
];

export const ARCHETYPES: DemandArchetype[] = [
  {
    key: "senior-meals",
    family: "meal-assistance",
    domain: "life",
    raisedBy: ["community", "resident"],
    scenarios: ["meal-assistance", "elderly-living-alone"],
    targets: ["elderly"],
    techs: ["mobile-app"],
    zh: {
      titles: [
        (c) => `${c.ps}高龄老人希望就近吃上热饭热菜`,
        () => `长者食堂能否预约订餐、送餐到家`,
        (c) => `${c.site}一带缺少老年助餐点`,
      ],
      context: [
        (c) => `${c.site}小区80岁以上老人有${c.n(60, 180)}位，最近的长者食堂步行要${c.n(15, 30)}分钟，腿脚不便的老人很难天天去排队。`,
        (c) => `社区长者食堂每天中午只有${c.n(80, 200, 10)}个座位，十一点前就排起长队，晚来的老人常常吃不上。`,
      ],
      need: [
        () => `希望能用电话或小程序提前订餐，按老人的身体情况配餐，行动不便的可以送上门。`,
        () => `希望助餐服务能覆盖到小区里，补贴直接在结算时抵扣，不用老人自己跑去登记。`,
      ],
      hope: [() => `如果老人连续几天没订餐，能提醒居委会打个电话问问。`, () => `最好让在外地工作的子女也能在手机上看到老人吃饭的情况。`],
    },
    en: {
      titles: [(c) => `Hot meals closer to home for the oldest residents of ${c.ps}`, () => `Let seniors book canteen meals and get them delivered`],
      context: [(c) => `About ${c.n(60, 180)} residents over 80 live near ${c.site}, and the nearest seniors' canteen is a ${c.n(15, 30)}-minute walk away.`],
      need: [() => `We would like seniors to order by phone or mini-program, with meals suited to their health and home delivery for those who cannot walk far.`],
      hope: [() => `If a senior has not ordered for several days, the committee should be reminded to check on them.`],
    },
  },
  {
    key: "paper-qr",
    family: "smart-gate",
    domain: "life",
    raisedBy: ["community", "resident"],
    scenarios: ["health-code", "smart-gate"],
    targets: ["elderly", "residents"],
    techs: ["mobile-app"],
    zh: {
      titles: [() => `不会用智能手机的老人如何出示健康码、进出小区`, (c) => `${c.ps}老人进出小区、就医“扫码难”`],
      context: [
        (c) => `居民区里有${c.n(20, 40)}%的老人没有智能手机或不会操作，疫情防控期间进出小区、去医院都要出示健康码，经常被拦在门口。`,
        () => `门岗志愿者只能手工登记不会扫码的老人，既慢又容易出错，高峰时门口排起长队。`,
      ],
      need: [() => `希望为这些老人提供纸质健康码、实体卡或刷身份证即可核验的方式，并与门禁系统打通。`],
      hope: [() => `同时希望居委会能批量为老人办理，不需要老人本人跑去现场。`],
    },
    en: {
      titles: [() => `Health codes and gate access for seniors without smartphones`],
      context: [(c) => `Around ${c.n(20, 40)}% of older residents here have no smartphone, yet a health code is needed to enter the estate or a hospital.`],
      need: [() => `We need a printed code or ID-card check that works with the gate system.`],
      hope: [() => `The committee should be able to register seniors in bulk on their behalf.`],
    },
  },
  {
    key: "high-rise-littering",
    family: "high-rise-littering",
    domain: "governance",
    raisedBy: ["resident", "community"],
    scenarios: ["high-rise-littering"],
    targets: ["residents"],
    techs: ["video-analytics"],
    zh: {
      titles: [
        (c) => `${c.site}高空抛物屡禁不止，希望能查到源头`,
        () => `高层住宅楼下行人“头顶安全”谁来守护`,
        (c) => `${c.ps}高层小区需要高空抛物监测`,
      ],
      context: [
        (c) => `我们小区有${c.n(6, 14)}幢高层，今年以来从楼上扔下的烟头、果皮甚至花盆已经发生了${c.n(8, 30)}次，有一次差点砸到放学的孩子。`,
        () => `物业多次张贴告示、挨家挨户提醒，但因为查不到是哪一层扔的，始终没有效果。`,
      ],
      need: [() => `希望安装能识别高空抛物并追溯楼层的设备，证据能提供给物业和派出所。`],
      hope: [() => `摄像头只拍楼体外立面，不要拍到居民家里，保护大家隐私。`],
    },
    en: {
      titles: [(c) => `Stop objects being thrown from the high-rises at ${c.site}`],
      context: [(c) => `Cigarette butts, fruit peel and once a flowerpot have been thrown from our towers ${c.n(8, 30)} times this year.`],
      need: [() => `We want a system that detects falling objects and identifies the floor, with evidence for the property office and the police.`],
      hope: [() => `Cameras should see only the facade, never into flats.`],
    },
  },
  {
    key: "ebike-lifts",
    family: "ebike-charging",
    domain: "governance",
    raisedBy: ["community", "urban_management"],
    scenarios: ["ebike-charging", "fire-gas-safety"],
    targets: ["residents", "delivery-riders"],
    techs: ["video-analytics", "iot"],
    zh: {
      titles: [() => `阻止电动自行车进电梯、上楼充电`, (c) => `${c.ps}小区充电桩不够，飞线充电隐患大`],
      context: [
        (c) => `辖区小区电动自行车保有量约${c.n(3000, 9000, 100)}辆，不少外卖骑手和居民把车推进电梯带回家充电，夜间充电起火的风险很高。`,
        () => `居委会和物业多次劝阻都没用，小区里的集中充电桩数量少、价格贵也是原因之一。`,
      ],
      need: [() => `希望在电梯里能自动识别电动自行车并阻止运行，同时在小区增加安全、便宜的集中充电设施。`],
      hope: [() => `充电设施最好能监测电池温度，充满自动断电。`],
    },
    en: {
      titles: [() => `Keep e-bikes out of lifts and flats`],
      context: [(c) => `There are about ${c.n(3000, 9000, 100)} e-bikes in our estates, and many are charged indoors overnight.`],
      need: [() => `We would like lifts to recognise e-bikes and refuse to run, and more safe, affordable charging points outdoors.`],
      hope: [() => `Chargers should cut power when the battery is full or overheating.`],
    },
  },
  {
    key: "office-5g",
    family: "smart-park",
    domain: "economy",
    raisedBy: ["company"],
    scenarios: ["smart-park", "enterprise-services"],
    targets: ["businesses", "professionals"],
    techs: ["5g", "iot"],
    zh: {
      titles: [
        (c) => `${c.ps}商务楼宇需要更好的5G覆盖和数字化物业服务`,
        () => `楼宇内5G信号弱，影响企业远程会议和数据传输`,
      ],
      context: [
        (c) => `园区内入驻企业${c.n(80, 260, 10)}家，以软件和数字内容企业为主，地下室、电梯和会议室的5G信号明显不足。`,
        () => `楼宇的门禁、停车、能耗由不同物业系统管理，企业办事要对接好几个窗口。`,
      ],
      need: [() => `希望运营商和物业一起完善楼宇室内5G覆盖，并提供访客、停车、会议室预约一站式的数字化服务。`],
      hope: [() => `也希望园区能提供5G专网，方便企业测试新的应用。`],
    },
    en: {
      titles: [(c) => `Better indoor 5G and digital building services in ${c.ps}`],
      context: [(c) => `Our park hosts ${c.n(80, 260, 10)} software and digital-content firms, but 5G barely reaches basements, lifts and meeting rooms.`],
      need: [() => `We ask the operator and the property manager to improve indoor coverage and offer one-stop booking for visitors, parking and rooms.`],
      hope: [() => `A 5G private network for testing new applications would attract more firms.`],
    },
  },
  {
    key: "talent-data",
    family: "talent-analysis",
    domain: "economy",
    raisedBy: ["company", "urban_management"],
    scenarios: ["talent-analysis", "enterprise-services"],
    targets: ["professionals", "businesses"],
    techs: ["big-data"],
    zh: {
      titles: [() => `摸清重点产业人才结构，精准提供人才服务`, (c) => `${c.ps}科技企业招不到、留不住技术人才`],
      context: [
        (c) => `区内数字经济企业反映，算法、芯片和数据分析岗位平均招聘周期超过${c.n(3, 6)}个月，人才公寓和子女入学政策也不清楚怎么申请。`,
        () => `目前人才政策由多个部门分别发布，企业人事部门很难及时掌握。`,
      ],
      need: [() => `希望建立产业人才数据分析平台，掌握人才结构和缺口，把合适的政策主动推送给企业和人才。`],
      hope: [() => `数据使用要符合个人信息保护要求。`],
    },
    en: {
      titles: [() => `Data on the district's talent gaps, and policies that reach the right people`],
      context: [(c) => `Digital firms here say hiring for algorithm, chip and data roles takes over ${c.n(3, 6)} months.`],
      need: [() => `We propose a talent data platform that maps supply and gaps and pushes relevant policies to firms and professionals.`],
      hope: [() => `Personal data must be handled in line with privacy rules.`],
    },
  },
  {
    key: "manhole-covers",
    family: "manhole",
    domain: "governance",
    raisedBy: ["urban_management", "resident"],
    scenarios: ["manhole-monitoring"],
    targets: ["residents", "commuters"],
    techs: ["nb-iot"],
    zh: {
      titles: [() => `道路窨井盖缺失、移位要能第一时间发现`, (c) => `${c.site}附近窨井盖松动，夜间行人容易踩空`],
      context: [
        (c) => `辖区道路和小区内的窨井盖分属${c.n(5, 9)}家权属单位，去年因井盖缺失、松动引发的投诉有${c.n(40, 120)}起。`,
        () => `晚上路灯暗，井盖移位很难被发现，骑车的居民已经有人因此摔伤。`,
      ],
      need: [() => `希望井盖出现移位、破损时能自动报警，并直接通知对应的权属单位修复。`],
      hope: [() => `维修进度最好能在“一网统管”平台上看到。`],
    },
  },
  {
    key: "smart-gate-old-estate",
    family: "smart-gate",
    domain: "governance",
    raisedBy: ["community", "resident"],
    scenarios: ["smart-gate"],
    targets: ["residents", "property-staff"],
    techs: ["facial-recognition"],
    zh: {
      titles: [(c) => `${c.site}老旧小区出入口多、无人值守`, () => `开放式老小区需要智能门禁`],
      context: [
        (c) => `小区建于上世纪八十年代，有${c.n(3, 6)}个出入口，只有一个有门卫，外来人员随意进出，电动车被盗时有发生。`,
        () => `物业费低、保安少，靠人工登记访客不现实。`,
      ],
      need: [() => `希望安装支持刷卡、刷脸、扫码等多种方式的智能门禁，访客能提前预约。`],
      hope: [() => `要照顾老人，保留刷卡和人工开门的方式。`],
    },
    en: {
      titles: [(c) => `Smart gates for an unguarded old estate at ${c.site}`],
      context: [(c) => `Our 1980s estate has ${c.n(3, 6)} entrances and only one guard; bicycle thefts are frequent.`],
      need: [() => `We would like gates that open by card, face or QR code, with visitor booking.`],
      hope: [() => `Older residents must still be able to use a card or ask for help.`],
    },
  },
  {
    key: "old-estate-parking",
    family: "parking",
    domain: "life",
    raisedBy: ["resident", "community"],
    scenarios: ["parking"],
    targets: ["residents", "commuters"],
    techs: ["mobile-app"],
    zh: {
      titles: [(c) => `${c.site}小区夜间停车难，能否共享周边楼宇车位`, () => `老旧小区停车位严重不足`],
      context: [(c) => `小区${c.n(600, 1400, 10)}户只有${c.n(80, 200, 10)}个车位，晚上车停满消防通道，救护车都开不进来。`],
      need: [() => `希望把周边写字楼、商场夜间空着的车位错峰共享给居民，手机上能预约和缴费。`],
      hope: [() => `价格要让居民能接受，早上按时离场。`],
    },
    en: {
      titles: [(c) => `Night-time parking for residents near ${c.site}`],
      context: [(c) => `${c.n(600, 1400, 10)} households share ${c.n(80, 200, 10)} parking spaces, and cars block the fire lane every night.`],
      need: [() => `Could office and mall car parks nearby open their empty spaces to residents at night, bookable by phone?`],
      hope: [() => `Prices should be affordable, with cars gone before office hours.`],
    },
  },
  {
    key: "bins-overflow",
    family: "full-bins",
    domain: "governance",
    raisedBy: ["resident", "community"],
    scenarios: ["full-bins", "waste-sorting"],
    targets: ["residents", "property-staff"],
    techs: ["iot"],
    zh: {
      titles: [() => `垃圾箱房满了没人清，夏天气味难闻`, (c) => `${c.ps}垃圾分类定时定点后的满溢问题`],
      context: [() => `定时定点投放后，晚上七八点箱房垃圾桶经常满溢，保洁员第二天早上才来清运，夏天招苍蝇老鼠。`],
      need: [() => `希望垃圾桶满了能自动通知保洁员及时清运，也能看到哪些楼栋分类做得不好。`],
      hope: [() => `清运车的路线能根据满溢情况调整，减少噪音扰民。`],
    },
  },
  {
    key: "underpass-flooding",
    family: "flood-warning",
    domain: "governance",
    raisedBy: ["urban_management", "resident"],
    scenarios: ["flood-warning", "emergency-response"],
    targets: ["residents", "commuters"],
    techs: ["iot"],
    zh: {
      titles: [() => `暴雨天下立交和低洼路段积水预警`, (c) => `${c.site}一带雨天积水，地下车库进水`],
      context: [(c) => `去年汛期短时强降雨中，辖区有${c.n(6, 15)}处下立交和低洼路段积水超过30厘米，有车辆熄火被困。`],
      need: [() => `希望实时监测积水深度，超过警戒值能自动提醒驾驶员绕行，并通知排水和交警部门。`],
      hope: [() => `低洼小区的居民也能在手机上收到预警，提前挪车。`],
    },
  },
  {
    key: "fume-noise",
    family: "environment",
    domain: "governance",
    raisedBy: ["resident"],
    scenarios: ["environment"],
    targets: ["residents", "merchants"],
    techs: ["iot"],
    zh: {
      titles: [(c) => `${c.site}沿街饭店油烟扰民`, () => `夜间施工噪声取证难、投诉多`],
      context: [() => `楼下几家饭店的排烟管正对居民窗户，晚上油烟味很重，打了多次热线，执法人员来时往往已经打烊。`],
      need: [() => `希望能在线监测油烟和噪声，超标时自动留存证据，督促商户清洗净化设备。`],
      hope: [() => `也希望商户能看到自己的监测数据，主动整改。`],
    },
    en: {
      titles: [(c) => `Restaurant fumes near ${c.site}`],
      context: [() => `The exhausts of several restaurants face our windows, and by the time inspectors arrive the kitchens are closed.`],
      need: [() => `We would like online fume and noise monitoring that keeps evidence when limits are exceeded.`],
      hope: [() => `Shop owners should see the data too and fix problems themselves.`],
    },
  },
  {
    key: "rooftop-structures",
    family: "illegal-construction",
    domain: "governance",
    raisedBy: ["urban_management", "community"],
    scenarios: ["illegal-construction", "grid-management"],
    targets: ["officials", "community-workers"],
    techs: ["drones"],
    zh: {
      titles: [() => `屋顶违法搭建和群租要能早发现、早处置`, (c) => `${c.ps}老公房屋顶加盖难以发现`],
      context: [(c) => `辖区老公房屋顶和天井加盖时有发生，城管和居委会靠居民举报，一年要处理约${c.n(60, 200, 10)}起，发现时多已完工。`],
      need: [() => `希望定期用无人机或卫星影像比对，自动发现新增搭建，并推送给网格员核实。`],
      hope: [() => `结果能和房屋档案关联，方便联合执法。`],
    },
  },
  {
    key: "heritage-sensors",
    family: "historic-buildings",
    domain: "governance",
    raisedBy: ["urban_management", "community"],
    scenarios: ["historic-buildings"],
    targets: ["residents", "officials"],
    techs: ["iot", "digital-twin"],
    zh: {
      titles: [() => `有人居住的历史建筑需要结构安全监测`, (c) => `${c.ps}历史风貌建筑墙体开裂`],
      context: [(c) => `辖区内有${c.n(8, 30)}处历史建筑仍有居民居住，木楼梯、砖墙老化，附近地铁和楼宇施工带来的振动让居民担心。`],
      need: [() => `希望安装传感器持续监测沉降、裂缝和倾斜，损坏刚出现就能被发现。`],
      hope: [() => `监测数据能为修缮方案提供依据。`],
    },
    en: {
      titles: [() => `Structural monitoring for lived-in historic buildings`],
      context: [(c) => `Residents still live in ${c.n(8, 30)} historic buildings here, and nearby construction shakes the old brickwork.`],
      need: [() => `We need sensors that track settlement, cracks and tilt, so damage is detected as soon as it occurs.`],
      hope: [() => `The data should guide future restoration.`],
    },
  },
  {
    key: "toilet-queues",
    family: "public-toilets",
    domain: "governance",
    raisedBy: ["resident", "urban_management"],
    scenarios: ["public-toilets"],
    targets: ["residents", "tourists"],
    techs: ["iot"],
    zh: {
      titles: [() => `公园和商圈公厕女厕排长队`, (c) => `${c.ps}公厕改造前先摸清使用情况`],
      context: [() => `周末公园旁的公厕女厕经常排十几个人，男厕却比较空，保洁也跟不上高峰。`],
      need: [() => `希望统计男女如厕人数和高峰时段，为公厕改造和保洁排班提供依据。`],
      hope: [() => `居民能在手机上查到附近公厕的位置和排队情况。`],
    },
  },
  {
    key: "lift-trapped",
    family: "lift-safety",
    domain: "governance",
    raisedBy: ["resident", "community"],
    scenarios: ["lift-safety"],
    targets: ["elderly", "residents"],
    techs: ["iot"],
    zh: {
      titles: [() => `加装电梯故障多，困人时老人不知道怎么求救`, (c) => `${c.site}加装电梯维保不及时`],
      context: [(c) => `我们楼加装电梯才两年，已经困人${c.n(3, 8)}次，轿厢里的紧急电话经常打不通，老人被困时很慌张。`],
      need: [() => `希望电梯故障、困人时能自动报警并接通救援，维保情况居民也能查看。`],
      hope: [() => `维保单位响应时间要有考核。`],
    },
  },
  {
    key: "medication-reminder",
    family: "medication",
    domain: "life",
    raisedBy: ["resident", "community"],
    scenarios: ["medication", "smart-healthcare"],
    targets: ["elderly", "patients", "caregivers"],
    techs: ["iot"],
    zh: {
      titles: [() => `独居老人吃药经常漏服、错服`, () => `慢病老人需要按时服药提醒`],
      context: [(c) => `我父亲独居，每天要吃${c.n(4, 8)}种药，药盒分了好几个，经常忘吃或者重复吃，我们在外地上班只能每天打电话提醒。`],
      need: [() => `希望有能按时提醒、记录是否吃药的智能药盒，漏吃时通知家属和家庭医生。`],
      hope: [() => `药快吃完时能提醒配药，最好社区能送药上门。`],
    },
    en: {
      titles: [() => `Medication reminders for seniors who live alone`],
      context: [(c) => `My father lives alone and takes ${c.n(4, 8)} different medicines a day; he often forgets a dose or takes one twice.`],
      need: [() => `A pill box that reminds him and tells us and his GP when a dose is missed would help a great deal.`],
      hope: [() => `It would be even better if refills could be delivered by the community pharmacy.`],
    },
  },
  {
    key: "telehealth",
    family: "smart-healthcare",
    domain: "life",
    raisedBy: ["resident", "community"],
    scenarios: ["smart-healthcare"],
    targets: ["patients", "elderly"],
    techs: ["5g", "cloud"],
    zh: {
      titles: [() => `慢病复诊配药能否在社区完成`, (c) => `${c.ps}老人去大医院复诊太辛苦`],
      context: [() => `高血压、糖尿病老人每月都要去大医院复诊配药，挂号、排队、取药要折腾大半天。`],
      need: [() => `希望在社区卫生服务中心就能远程问诊、续方，药品送到家或就近取。`],
      hope: [() => `社区健康小屋的检测数据能直接给医生看。`],
    },
  },
  {
    key: "school-gate",
    family: "campus-security",
    domain: "life",
    raisedBy: ["community", "resident"],
    scenarios: ["campus-security"],
    targets: ["students", "parents", "children"],
    techs: ["ai", "facial-recognition"],
    zh: {
      titles: [() => `放学高峰校门口拥堵、安全隐患多`, (c) => `${c.ps}中小学校园安全需要智能预警`],
      context: [(c) => `学校门口是一条双车道小马路，放学时${c.n(200, 600, 10)}多名家长聚集，电动车和汽车混行，陌生人混在人群中难以分辨。`],
      need: [() => `希望有智能化的校园安全管理，校门口人员聚集、陌生人闯入、校内打架等情况能及时预警。`],
      hope: [() => `家长接送能分时分批，减少聚集。`],
    },
    en: {
      titles: [() => `Safer school gates at pick-up time`],
      context: [(c) => `At pick-up time ${c.n(200, 600, 10)} parents crowd a narrow street outside the school, among cars and e-bikes.`],
      need: [() => `We would like smart campus security that warns of crowding, intruders and fights.`],
      hope: [() => `Staggered pick-up slots would reduce crowding.`],
    },
  },
  {
    key: "classroom-analytics",
    family: "smart-classroom",
    domain: "life",
    raisedBy: ["community", "company"],
    scenarios: ["smart-classroom"],
    targets: ["students", "teachers"],
    techs: ["ai", "ar-vr"],
    zh: {
      titles: [() => `中小学希望建设智慧教室、因材施教`, () => `实验课器材不足，希望引入虚拟实验`],
      context: [() => `区内部分学校班额较大，老师难以在课堂上掌握每个学生的情况，理化实验课也因器材和安全问题开设不足。`],
      need: [() => `希望引入互动教学和虚拟实验，让老师当堂了解学情，学生能反复动手操作。`],
      hope: [() => `不要采集学生的面部表情等敏感数据。`],
    },
  },
  {
    key: "after-school",
    family: "community-services",
    domain: "life",
    raisedBy: ["resident"],
    scenarios: ["community-services"],
    targets: ["children", "parents"],
    techs: ["mobile-app"],
    zh: {
      titles: [() => `双职工家庭小学生放学后没人照看`, (c) => `${c.ps}社区“430课堂”报名难`],
      context: [(c) => `小学三点半放学，我们夫妻都要上班，社区的“430课堂”名额只有${c.n(30, 60)}个，每学期一放号就抢光。`],
      need: [() => `希望能在线查看周边托管资源、公平排队报名，并让家长实时知道孩子是否到达。`],
      hope: [() => `志愿者和退休教师能参与辅导。`],
    },
  },
  {
    key: "digital-skills",
    family: "community-services",
    domain: "life",
    raisedBy: ["community", "resident"],
    scenarios: ["community-services"],
    targets: ["elderly"],
    techs: ["mobile-app"],
    zh: {
      titles: [() => `帮老人跨越“数字鸿沟”，学会用手机办事`, (c) => `${c.ps}老年人智能手机培训需求`],
      context: [() => `很多老人想学用手机挂号、买菜、视频通话，但子女没空教，社区课堂讲得快、记不住。`],
      need: [() => `希望有适合老人的手机使用课程和一对一帮办，常用App能切换到大字、简洁的长辈模式。`],
      hope: [() => `课程能录成短视频，老人回家后可以反复看。`],
    },
    en: {
      titles: [() => `Help older residents learn to use their phones`],
      context: [() => `Many seniors want to book doctors, buy groceries and video-call, but classes move too fast for them.`],
      need: [() => `We need patient, one-to-one phone coaching and apps with an elder-friendly large-type mode.`],
      hope: [() => `Short videos they can replay at home would help.`],
    },
  },
  {
    key: "wheelchair-routes",
    family: "accessible-travel",
    domain: "life",
    raisedBy: ["resident"],
    scenarios: ["accessible-travel"],
    targets: ["disabled", "elderly"],
    techs: ["mobile-app"],
    zh: {
      titles: [() => `坐轮椅出门，不知道哪条路能走得通`, (c) => `${c.ps}无障碍设施信息不全`],
      context: [() => `我坐轮椅，从家到地铁站要经过好几处台阶和占道停放的自行车，有时电梯坏了也不知道，只能原路返回。`],
      need: [() => `希望有无障碍地图和导航，标出坡道、无障碍电梯和卫生间，并实时更新是否可用。`],
      hope: [() => `居民可以上报损坏的设施，有人负责维修。`],
    },
    en: {
      titles: [() => `Which streets can a wheelchair actually use?`],
      context: [() => `I use a wheelchair; on the way to the metro there are steps, parked bikes and lifts that are often out of order.`],
      need: [() => `An accessible map and navigation showing ramps, lifts and toilets, with live status, would change my daily life.`],
      hope: [() => `Residents should be able to report broken facilities.`],
    },
  },
  {
    key: "repairs-notices",
    family: "community-services",
    domain: "life",
    raisedBy: ["resident", "community"],
    scenarios: ["community-services", "grid-management"],
    targets: ["residents", "community-workers"],
    techs: ["mobile-app"],
    zh: {
      titles: [(c) => `${c.site}居民报修、反映问题没有回音`, () => `居委会通知靠十几个微信群转发，容易漏看`],
      context: [(c) => `小区有${c.n(8, 16)}个微信群，报修和意见都发在群里，很快被刷掉，物业说没看到。`],
      need: [() => `希望有统一的报修和议事平台，问题能分派给物业或居委会，处理进度大家都看得到。`],
      hope: [() => `老人可以打电话由居委会代为登记。`],
    },
  },
  {
    key: "committee-paperwork",
    family: "grid-management",
    domain: "governance",
    raisedBy: ["community"],
    scenarios: ["grid-management", "community-services"],
    targets: ["community-workers"],
    techs: ["low-code", "big-data"],
    zh: {
      titles: [() => `为居委会“减负”：同一份数据不要重复填报`, (c) => `${c.ps}居委会报表多、台账重`],
      context: [(c) => `居委会每月要向${c.n(8, 15)}个部门报送各类表格，很多数据是重复的，社工一半时间花在填表上。`],
      need: [() => `希望数据一次采集、多处共享，表格能自动生成，把社工的时间还给居民。`],
      hope: [() => `平台要简单，年纪大的社工也能用。`],
    },
    en: {
      titles: [() => `Less paperwork for residents' committees`],
      context: [(c) => `Our committee files reports for ${c.n(8, 15)} departments every month, much of it the same data.`],
      need: [() => `Data should be collected once and shared, with reports generated automatically.`],
      hope: [() => `It must be simple enough for every member of staff.`],
    },
  },
  {
    key: "duplicate-dispatch",
    family: "grid-management",
    domain: "governance",
    raisedBy: ["urban_management"],
    scenarios: ["grid-management", "city-brain"],
    targets: ["officials", "community-workers"],
    techs: ["big-data", "ai"],
    zh: {
      titles: [() => `同一问题多头派单、反复处置`, () => `街镇城运中心需要智能派单`],
      context: [(c) => `12345热线、网格巡查和物联感知每月产生约${c.n(3000, 9000, 100)}条事件，同一问题常被不同渠道重复上报。`],
      need: [() => `希望自动合并重复事件，按职责推荐处置部门，并对处置结果进行核查。`],
      hope: [() => `高发问题能按网格生成热力图。`],
    },
  },
  {
    key: "group-renting",
    family: "grid-management",
    domain: "governance",
    raisedBy: ["community", "urban_management"],
    scenarios: ["grid-management", "illegal-construction"],
    targets: ["residents", "community-workers"],
    techs: ["big-data", "iot"],
    zh: {
      titles: [() => `群租房隐患难发现`, (c) => `${c.site}群租扰民、消防隐患大`],
      context: [() => `一些房屋被隔成多个小间出租，人员进出频繁，楼道堆满杂物，邻居投诉不断。`],
      need: [() => `希望结合用水用电、门禁等数据，在保护隐私的前提下发现群租线索，交由网格员核实。`],
      hope: [() => `整治后能持续跟踪，防止反弹。`],
    },
  },
  {
    key: "wet-market",
    family: "market-supervision",
    domain: "governance",
    raisedBy: ["resident", "urban_management"],
    scenarios: ["food-safety", "market-supervision"],
    targets: ["residents", "merchants"],
    techs: ["blockchain"],
    zh: {
      titles: [() => `菜场食品来源能否扫码查询`, (c) => `${c.ps}餐饮后厨卫生监管`],
      context: [() => `菜场的肉菜来源说不清，出了问题也找不到批次；小饭店后厨卫生状况居民更是看不到。`],
      need: [() => `希望食品能扫码追溯来源和检测结果，餐饮后厨能“明厨亮灶”接受监督。`],
      hope: [() => `检查结果公开，做得好的商户能得到宣传。`],
    },
    en: {
      titles: [() => `Trace the food sold in our wet market`],
      context: [() => `Nobody can say where the meat and vegetables in our market come from.`],
      need: [() => `A QR code showing source and test results, and open kitchens in small restaurants, would rebuild trust.`],
      hope: [() => `Inspection results should be public.`],
    },
  },
  {
    key: "business-policies",
    family: "enterprise-services",
    domain: "economy",
    raisedBy: ["company"],
    scenarios: ["enterprise-services", "one-stop-services"],
    targets: ["businesses"],
    techs: ["big-data", "nlp"],
    zh: {
      titles: [() => `惠企政策太多，企业找不到、看不懂`, () => `希望政策能主动找企业`],
      context: [(c) => `我们是一家${c.n(20, 80)}人的科技型中小企业，每年错过不少补贴申报，因为不知道政策出台，也看不懂申报条件。`],
      need: [() => `希望根据企业情况自动匹配可申报的政策，并提醒申报时间和材料。`],
      hope: [() => `企业的诉求能在线提交、限时答复。`],
    },
    en: {
      titles: [() => `Subsidies that find the companies they are meant for`],
      context: [(c) => `We are a ${c.n(20, 80)}-person tech firm and miss subsidy deadlines every year because we never hear about them in time.`],
      need: [() => `Please match policies to company profiles automatically and remind us of deadlines and documents.`],
      hope: [() => `Requests to the district should get an answer within a set time.`],
    },
  },
  {
    key: "cross-border",
    family: "digital-trade",
    domain: "economy",
    raisedBy: ["company"],
    scenarios: ["digital-trade"],
    targets: ["businesses"],
    techs: ["blockchain", "cloud"],
    zh: {
      titles: [() => `中小外贸企业需要一站式数字贸易服务`, () => `跨境电商企业融资难、单证多`],
      context: [() => `公司做跨境电商，报关、物流、收汇要对接好几个平台，资金回笼慢，银行贷款又需要大量纸质单证。`],
      need: [() => `希望有一站式的数字贸易服务平台，单证线上流转，凭可信的交易数据获得融资。`],
      hope: [() => `平台能提供海外市场的合规指引。`],
    },
    en: {
      titles: [() => `One-stop digital trade services for small exporters`],
      context: [() => `We sell cross-border online and deal with separate systems for customs, logistics and payments.`],
      need: [() => `A single platform where documents flow online and verified trade data unlocks financing would help.`],
      hope: [() => `Guidance on foreign compliance rules would be welcome.`],
    },
  },
  {
    key: "sme-security",
    family: "cybersecurity",
    domain: "economy",
    raisedBy: ["company"],
    scenarios: ["cybersecurity", "enterprise-services"],
    targets: ["businesses"],
    techs: ["cloud"],
    zh: {
      titles: [() => `小微企业没有安全人员，担心勒索病毒`, () => `希望提供普惠的网络安全托管服务`],
      context: [() => `园区里很多企业只有十几个人，没有专职IT和安全人员，去年有邻居公司被勒索病毒加密，数据全部丢失。`],
      need: [() => `希望有价格可承受的安全托管服务，定期体检、实时监测、出事有人处置。`],
      hope: [() => `最好能由区里牵头集中采购。`],
    },
  },
  {
    key: "shopping-street",
    family: "smart-retail",
    domain: "economy",
    raisedBy: ["company", "urban_management"],
    scenarios: ["smart-retail"],
    targets: ["merchants", "residents"],
    techs: ["big-data", "mobile-app"],
    zh: {
      titles: [(c) => `${c.ps}商圈客流下降，商户需要数据支撑`, () => `老街区小商户想做线上生意`],
      context: [() => `商圈里不少是经营多年的老字号和小商户，年轻顾客越来越少，商户不知道客人从哪里来、喜欢什么。`],
      need: [() => `希望有商圈客流和消费分析，帮助商户做线上小店和精准营销。`],
      hope: [() => `停车、优惠和积分能在商圈内通用。`],
    },
  },
  {
    key: "hotel-upgrade",
    family: "smart-hotel",
    domain: "economy",
    raisedBy: ["company"],
    scenarios: ["smart-hotel"],
    targets: ["businesses", "tourists"],
    techs: ["iot", "robotics"],
    zh: {
      titles: [() => `中小酒店数字化改造成本高`, () => `酒店夜班人手紧张，希望自助入住`],
      context: [(c) => `我们是一家${c.n(60, 160, 10)}间客房的商务酒店，夜班只有两名员工，客人入住和送物经常要等。`],
      need: [() => `希望有成本可控的智慧酒店方案，支持自助入住、客房智能控制和机器人送物。`],
      hope: [() => `能与公安住宿登记系统对接。`],
    },
    en: {
      titles: [() => `Affordable digital upgrade for a mid-sized hotel`],
      context: [(c) => `Our ${c.n(60, 160, 10)}-room business hotel runs the night shift with two staff.`],
      need: [() => `We are looking for self check-in, smart room control and robot delivery at a sensible cost.`],
      hope: [() => `It must connect to the police guest-registration system.`],
    },
  },
  {
    key: "heritage-tourism",
    family: "culture-tourism",
    domain: "economy",
    raisedBy: ["company", "urban_management"],
    scenarios: ["culture-tourism", "historic-buildings"],
    targets: ["tourists", "residents"],
    techs: ["ar-vr"],
    zh: {
      titles: [() => `让苏州河畔的工业遗存“活起来”`, () => `历史建筑游览缺少讲解和互动`],
      context: [() => `苏州河沿岸有不少老厂房、老仓库改造的文化空间，但游客走马观花，对背后的历史知之甚少。`],
      need: [() => `希望用AR等技术复原历史场景，串联成可步行的数字文旅线路。`],
      hope: [() => `沿线商户能参与进来，带动消费。`],
    },
    en: {
      titles: [() => `Bring Suzhou Creek's industrial heritage to life`],
      context: [() => `Old mills and warehouses along Suzhou Creek are now cultural venues, but visitors learn little of their history.`],
      need: [() => `AR reconstructions along a walkable route could tell the story.`],
      hope: [() => `Local shops should be part of the route.`],
    },
  },
  {
    key: "incubator-space",
    family: "enterprise-services",
    domain: "economy",
    raisedBy: ["company"],
    scenarios: ["enterprise-services", "smart-park"],
    targets: ["businesses", "professionals"],
    techs: ["big-data"],
    zh: {
      titles: [() => `初创团队找不到合适的办公空间和孵化服务`, (c) => `${c.ps}孵化器空置工位信息不透明`],
      context: [() => `我们是刚从高校出来的创业团队，想在区里落地，但各孵化器的空置工位、租金和扶持政策信息分散。`],
      need: [() => `希望有统一的孵化载体信息平台，可以在线比较、预约参观和申请入驻。`],
      hope: [() => `能对接区里的创业扶持政策。`],
    },
  },
  {
    key: "rider-access",
    family: "smart-gate",
    domain: "life",
    raisedBy: ["resident", "company"],
    scenarios: ["smart-gate", "community-services"],
    targets: ["delivery-riders", "residents"],
    techs: ["mobile-app"],
    zh: {
      titles: [() => `外卖快递骑手进小区难，居民取件不方便`, (c) => `${c.site}小区快递外卖如何有序进出`],
      context: [() => `疫情后小区对外卖快递骑手管控严格，骑手只能在门口等，居民下楼取件排队，高峰时门口很混乱。`],
      need: [() => `希望骑手能通过登记实名、健康核验后有序进入，或在门口设置智能取餐柜。`],
      hope: [() => `为骑手提供休息和充电的地方。`],
    },
  },
  {
    key: "anti-fraud",
    family: "cybersecurity",
    domain: "governance",
    raisedBy: ["community", "resident"],
    scenarios: ["cybersecurity", "elderly-living-alone"],
    targets: ["elderly"],
    techs: ["ai", "big-data"],
    zh: {
      titles: [() => `老年人频繁遭遇电信诈骗、保健品骗局`, (c) => `${c.ps}老人防诈骗预警`],
      context: [(c) => `今年居民区已有${c.n(3, 12)}位老人被冒充公检法或“免费体检”骗走积蓄，最多的损失了二十多万元。`],
      need: [() => `希望能识别针对老人的可疑电话和转账，及时提醒老人和家属，社区能提前上门劝阻。`],
      hope: [() => `用老人听得懂的方式做防骗宣传。`],
    },
  },
  {
    key: "power-usage-alone",
    family: "elderly-alone",
    domain: "life",
    raisedBy: ["community", "urban_management"],
    scenarios: ["elderly-living-alone"],
    targets: ["elderly", "community-workers"],
    techs: ["big-data", "iot"],
    zh: {
      titles: [() => `从水电使用变化中发现独居老人的异常`, (c) => `${c.ps}独居老人“无感”关爱`],
      context: [(c) => `辖区独居老人约${c.n(400, 1200, 10)}人，很多老人不愿意在家里装设备，但居委会又担心他们出意外没人知道。`],
      need: [() => `希望在老人同意的前提下，利用智能水表、电表的用量变化发现异常，比如一整天没用水，就提醒社工上门看看。`],
      hope: [() => `数据只用于关爱，不做其他用途。`],
    },
    en: {
      titles: [() => `Spot trouble from a senior's water and power use`],
      context: [(c) => `About ${c.n(400, 1200, 10)} seniors live alone here, and many refuse devices in their homes.`],
      need: [() => `With their consent, smart water and electricity meters could flag a day without any use, prompting a visit.`],
      hope: [() => `The data must be used for care only.`],
    },
  },
  {
    key: "home-safety-kit",
    family: "elderly-alone",
    domain: "life",
    raisedBy: ["resident", "community"],
    scenarios: ["elderly-living-alone", "fire-gas-safety"],
    targets: ["elderly", "caregivers"],
    techs: ["iot"],
    zh: {
      titles: [() => `母亲独居，担心她忘关煤气`, (c) => `${c.ps}独居老人家中燃气安全`],
      context: [() => `母亲八十多岁独居，记性越来越差，好几次烧水忘了关火，邻居闻到焦味才来敲门。`],
      need: [() => `希望家里能装燃气报警和自动关阀的装置，出问题能马上通知我们和居委会。`],
      hope: [() => `设备不要太复杂，老人不用操作。`],
    },
    en: {
      titles: [() => `My mother lives alone and forgets to turn off the gas`],
      context: [() => `My mother is in her eighties and has left the kettle on the gas several times; neighbours noticed the smell.`],
      need: [() => `We need a gas alarm with automatic shut-off that alerts the family and the committee.`],
      hope: [() => `She should not have to operate anything.`],
    },
  },
  {
    key: "city-brain-data",
    family: "city-brain",
    domain: "governance",
    raisedBy: ["urban_management"],
    scenarios: ["city-brain", "emergency-response"],
    targets: ["officials"],
    techs: ["iot", "big-data", "digital-twin"],
    zh: {
      titles: [() => `各部门感知设备数据分散，突发事件缺少统一视图`, () => `城市生命线运行风险需要提前预警`],
      context: [() => `全区已部署约10万个物联网感知设备，但燃气、供水、排水等数据分属不同单位，突发事件时要打好几个电话才能拼出全貌。`],
      need: [() => `希望把各类感知数据统一接入城市大脑，按风险等级显示并自动推送给责任人。`],
      hope: [() => `处置过程全程留痕，便于复盘。`],
    },
  },
  {
    key: "queue-service-centre",
    family: "one-stop-services",
    domain: "governance",
    raisedBy: ["resident"],
    scenarios: ["one-stop-services"],
    targets: ["residents", "elderly"],
    techs: ["ai"],
    zh: {
      titles: [() => `去社区事务受理中心办事要跑好几趟`, () => `办事前能不能先问清楚要带什么材料`],
      context: [() => `上次给老人办补贴，因为少带一份证明跑了三趟，窗口电话又总是占线。`],
      need: [() => `希望办事前能在线问清材料、预约时间，符合条件的补贴能主动告知。`],
      hope: [() => `不会用手机的老人可以让子女或社工代办。`],
    },
    en: {
      titles: [() => `Know which papers to bring before visiting the service centre`],
      context: [() => `Applying for my father's allowance took three visits because of one missing certificate.`],
      need: [() => `An online assistant that lists the documents and books a slot would save everyone time.`],
      hope: [() => `Relatives or social workers should be able to apply on a senior's behalf.`],
    },
  },
  {
    key: "last-mile",
    family: "accessible-travel",
    domain: "life",
    raisedBy: ["resident"],
    scenarios: ["accessible-travel"],
    targets: ["commuters", "elderly"],
    techs: ["mobile-app"],
    zh: {
      titles: [(c) => `${c.site}到地铁站的“最后一公里”`, () => `社区巴士班次少、不知道几点来`],
      context: [(c) => `小区离最近的地铁站约${c.n(12, 25) / 10}公里，社区巴士半小时一班，到站时间不准，老人冬天在站台等得很辛苦。`],
      need: [() => `希望能实时查询社区巴士到站时间，高峰加密班次，并规划安全的步行和骑行路线。`],
      hope: [() => `站牌能语音播报，方便视力不好的老人。`],
    },
  },
  {
    key: "volunteers",
    family: "community-services",
    domain: "life",
    raisedBy: ["community"],
    scenarios: ["community-services"],
    targets: ["residents", "elderly"],
    techs: ["mobile-app"],
    zh: {
      titles: [() => `志愿者和需要帮助的居民对接不上`, (c) => `${c.ps}志愿服务需要精准匹配`],
      context: [(c) => `街道登记志愿者${c.n(800, 2500, 50)}人，但老人需要陪诊、代买、修理时，往往找不到合适的人。`],
      need: [() => `希望建立志愿服务匹配平台，按技能、时间和距离派单，服务时长可积累和兑换。`],
      hope: [() => `老人可以打电话下单，不一定要用手机。`],
    },
  },
  {
    key: "campus-public-health",
    family: "campus-security",
    domain: "governance",
    raisedBy: ["urban_management", "community"],
    scenarios: ["campus-security", "health-code"],
    targets: ["students", "teachers"],
    techs: ["big-data"],
    zh: {
      titles: [() => `学校传染病和突发公共卫生事件早发现`, () => `校园晨检数据需要统一汇总预警`],
      context: [() => `流感和诺如病毒高发季节，学校因病缺课的情况靠班主任手工统计上报，发现聚集性病例时往往已经扩散。`],
      need: [() => `希望晨检、缺勤和症状数据自动汇总，达到阈值时自动提醒学校和卫生部门。`],
      hope: [() => `学生个人信息要严格保护。`],
    },
  },
];

export const ARCHETYPE_BY_KEY = new Map(ARCHETYPES.map((a) => [a.key, a]));
