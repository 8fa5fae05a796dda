/**
 * The labelled fixture for matching quality: ten needs, in Chinese and in
 * English, on subjects the demo data does not cover (so what truly serves
 * them is known), each with the applications that do — in either language —
 * and a few look-alikes that do not. It is hidden among the demo data
 * (seedDemo at scale 1: 500 applications, 50 demands, with their own tags
 * and deployments), then indexed; the quality test asks matchCandidates for
 * each need and counts how many of the true answers come back.
 */
import { eq } from "drizzle-orm";

import type { Database } from "../../../db/client";
import type { Domain, ItemStatus, Maturity } from "../../../db/enums";
import { applicationDeployments, applications, applicationTags, campaigns, demands, demandTags, organizations, subdistricts, tags } from "../../../db/schema";

type Tagged = { scenarios: string[]; targets: string[]; techs: string[] };

export type FixtureApp = Tagged & {
  key: string;
  vendor: string;
  lang: "zh-CN" | "en";
  title: string;
  summary: string;
  description: string;
  domain: Domain;
  maturity: Maturity;
  status: ItemStatus;
  deployedIn: string[];
};

export type FixtureDemand = Tagged & {
  key: string;
  lang: "zh-CN" | "en";
  place: string;
  domain: Domain;
  title: string;
  description: string;
  /** Keys of the applications that truly serve it. */
  relevant: string[];
};

export const FIXTURE_DEMANDS: FixtureDemand[] = [
  {
    key: "bikes",
    lang: "zh-CN",
    place: "caoyang-xincun",
    domain: "governance",
    title: "共享单车乱停放，堵住人行道和盲道",
    description: "地铁站出口和小区门口每天早晚堆满共享单车，人行道和盲道被占，推婴儿车、坐轮椅的居民只能走机动车道。希望能规范共享单车停放，及时清理和调度淤积的车辆。",
    scenarios: ["parking", "grid-management"],
    targets: ["residents", "commuters"],
    techs: ["iot"],
    relevant: ["bikes-fence", "bikes-en", "bikes-ai", "bikes-dispatch"],
  },
  {
    key: "strays",
    lang: "en",
    place: "changfeng-xincun",
    domain: "life",
    title: "Stray cats and dogs in our estate",
    description: "Stray cats and dogs breed in the bicycle sheds of our estate; some residents feed them, others are afraid of being bitten. We would like a humane way to register, neuter and rehome the animals, and to know which dogs belong to whom.",
    scenarios: ["community-services", "grid-management"],
    targets: ["residents"],
    techs: ["mobile-app"],
    relevant: ["strays-tnr", "strays-en", "strays-chip", "strays-adopt"],
  },
  {
    key: "library",
    lang: "zh-CN",
    place: "yichuan-road",
    domain: "life",
    title: "社区图书室藏书少、借还书不方便",
    description: "社区图书室只在工作日白天开放，藏书多年没有更新，上班族和学生很少能借到书。希望有24小时自助借还书的办法，并能和区图书馆通借通还。",
    scenarios: ["community-services", "culture-tourism"],
    targets: ["residents", "children"],
    techs: [],
    relevant: ["library-lockers", "library-24h", "library-en", "library-recommend"],
  },
  {
    key: "heat",
    lang: "en",
    place: "taopu-town",
    domain: "life",
    title: "Heat stress for delivery riders and outdoor workers in summer",
    description: "In July and August delivery riders, sanitation workers and builders work for hours in temperatures above 35 °C; several have collapsed from heatstroke. We need early heat warnings, places to cool down and drink water, and a way to call for help quickly.",
    scenarios: ["emergency-response", "community-services"],
    targets: ["delivery-riders"],
    techs: ["wearables"],
    relevant: ["heat-stations", "heat-en", "heat-helmet", "heat-cooling-en"],
  },
  {
    key: "recycling",
    lang: "zh-CN",
    place: "wanli",
    domain: "life",
    title: "旧衣物、旧家电没有地方回收，只能当垃圾扔掉",
    description: "居民家里的旧衣物、旧家电和废旧纸板很多，小区里没有回收点，上门回收价格不透明。希望小区有方便的再生资源回收渠道，最好能预约上门，并给居民积分奖励。",
    scenarios: ["waste-sorting"],
    targets: ["residents"],
    techs: ["mobile-app"],
    relevant: ["recycle-clothes", "recycle-appliance", "recycle-en", "recycle-points"],
  },
  {
    key: "trees",
    lang: "zh-CN",
    place: "ganquan-road",
    domain: "governance",
    title: "小区大树枝杈遮挡窗户，台风季有倒伏隐患",
    description: "老小区的行道树和楼间大树长得很高，枝杈伸进居民窗户，台风季节还有倒伏压坏车辆和伤人的危险。希望能掌握每棵树的健康状况，倾斜、空洞能提前发现，修剪能预约。",
    scenarios: ["emergency-response", "environment"],
    targets: ["residents", "property-staff"],
    techs: ["iot"],
    relevant: ["trees-sensor", "trees-archive", "trees-en", "trees-inspect"],
  },
  {
    key: "sign",
    lang: "en",
    place: "changfeng-xincun",
    domain: "governance",
    title: "Sign-language help for deaf residents at the service counter",
    description: "Deaf and hard-of-hearing residents cannot talk with staff at the community service centre and have to bring a relative to translate. We would like sign-language interpreting, or live captions, at the counter and at residents' meetings.",
    scenarios: ["one-stop-services", "accessible-travel"],
    targets: ["disabled"],
    techs: ["ai"],
    relevant: ["sign-video", "sign-avatar-en", "sign-screen", "sign-captions-en"],
  },
  {
    key: "lonely",
    lang: "zh-CN",
    place: "shiquan-road",
    domain: "life",
    title: "老人心里孤单、没人说话，希望有心理疏导和陪伴",
    description: "不少老人子女不在身边，整天没人说话，情绪低落甚至抑郁，但又不好意思去医院看心理科。希望社区能提供心理健康筛查、倾诉热线和志愿者陪伴，发现抑郁风险能及时转介。",
    scenarios: ["elderly-living-alone", "community-services"],
    targets: ["elderly", "caregivers"],
    techs: ["voice"],
    relevant: ["mind-consult", "mind-speaker", "mind-hotline-en", "mind-screening"],
  },
  {
    key: "myopia",
    lang: "en",
    place: "caoyang-xincun",
    domain: "life",
    title: "Children's eyesight: too much screen time and myopia",
    description: "More and more primary-school children in our neighbourhood wear glasses; parents worry about homework on tablets and too little time outdoors. We would like regular eyesight screening at school, advice for parents and better lighting in classrooms.",
    scenarios: ["smart-healthcare", "smart-classroom"],
    targets: ["children", "students", "parents"],
    techs: [],
    relevant: ["myopia-lamp", "myopia-en", "myopia-outdoor", "myopia-lighting"],
  },
  {
    key: "helpers",
    lang: "zh-CN",
    place: "zhenru-town",
    domain: "life",
    title: "请保姆、护工不放心，家政服务不透明",
    description: "家里有失能老人，想请保姆或护工，但中介收费不透明，护工是否持证、有没有不良记录都无从查起，出了纠纷也没人调解。希望有可信的家政服务人员信用档案和预约评价渠道。",
    scenarios: ["community-services"],
    targets: ["elderly", "caregivers", "residents"],
    techs: ["mobile-app"],
    relevant: ["helpers-credit", "helpers-booking", "helpers-en", "helpers-contract"],
  },
];

const app = (a: FixtureApp) => a;

export const FIXTURE_APPS: FixtureApp[] = [
  // bikes
  app({ key: "bikes-fence", vendor: "boyi", lang: "zh-CN", title: "共享单车电子围栏与停放秩序管理平台", summary: "为共享单车划定电子围栏停放区，违停车辆自动提醒企业清运。", description: "平台接入各共享单车企业的车辆定位数据，在地铁站、商圈和小区门口划定电子围栏停放区。车辆停在围栏外无法还车，淤积超过阈值时自动派单给企业调度员，城管可在地图上看到每个点位的停放情况。", domain: "governance", maturity: "deployed", status: "selected", scenarios: ["parking", "grid-management"], targets: ["commuters", "residents"], techs: ["beidou", "iot", "big-data"], deployedIn: ["changfeng-xincun"] }),
  app({ key: "bikes-en", vendor: "xingyi", lang: "en", title: "Shared-Bike Geofencing and Parking Order Service", summary: "Virtual parking bays for dock-less shared bikes, with alerts when pavements and tactile paving are blocked.", description: "Dock-less bikes can only be returned inside virtual parking bays drawn around metro exits and estate gates. When a bay overflows or bikes block the pavement or tactile paving for the blind, operators are told to move them; city managers see every hotspot on one map.", domain: "governance", maturity: "pilot", status: "not_shortlisted", scenarios: ["parking"], targets: ["commuters"], techs: ["beidou", "mobile-app"], deployedIn: [] }),
  app({ key: "bikes-ai", vendor: "kancheng", lang: "zh-CN", title: "非机动车乱停放AI巡检系统", summary: "利用路口摄像头识别共享单车和电动车占用人行道、盲道。", description: "系统复用已有公共视频，自动识别共享单车、电动自行车占用人行道和盲道的情况，抓拍后推送给网格员和单车企业清理，清理结果自动核验。", domain: "governance", maturity: "pilot", status: "not_shortlisted", scenarios: ["grid-management"], targets: ["residents"], techs: ["video-analytics", "ai"], deployedIn: ["caoyang-xincun"] }),
  app({ key: "bikes-dispatch", vendor: "tongtu", lang: "zh-CN", title: "地铁站周边共享单车潮汐调度平台", summary: "根据早晚高峰骑行需求预测，提前调度共享单车，避免地铁口淤积。", description: "平台分析地铁进出站客流和单车骑行数据，预测早晚高峰各站点的单车淤积和短缺，提前通知运维人员搬运调度，让地铁口不再堆满单车。", domain: "economy", maturity: "concept", status: "not_shortlisted", scenarios: ["parking"], targets: ["commuters"], techs: ["big-data", "ai"], deployedIn: [] }),
  // strays
  app({ key: "strays-tnr", vendor: "linju", lang: "zh-CN", title: "社区流浪猫狗绝育登记与救助平台", summary: "居民上报小区流浪猫狗，志愿者和宠物医院合作捕捉、绝育、放归。", description: "居民可在小程序上报小区里的流浪猫、流浪狗位置和照片，平台组织志愿者与合作宠物医院开展捕捉、绝育和免疫，再放归或送养，每只动物都有电子档案，投喂点统一规划。", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["community-services"], targets: ["residents"], techs: ["mobile-app"], deployedIn: ["wanli"] }),
  app({ key: "strays-en", vendor: "nuanshi", lang: "en", title: "Stray Animal Reporting and Rehoming App", summary: "Residents report stray cats and dogs; volunteers neuter, vaccinate and rehome them.", description: "Residents report stray cats and dogs with a photo and a location. Volunteers and partner vets trap, neuter, vaccinate and return or rehome the animals, and feeding points are agreed with the estate, so neighbours who love animals and those who fear them both have a say.", domain: "life", maturity: "concept", status: "not_shortlisted", scenarios: ["community-services"], targets: ["residents"], techs: ["mobile-app"], deployedIn: [] }),
  app({ key: "strays-chip", vendor: "jingyu", lang: "zh-CN", title: "犬只电子芯片登记与文明养犬管理系统", summary: "为犬只植入电子芯片登记，流浪犬、伤人犬可快速找到主人。", description: "养犬人到社区登记点为狗植入电子芯片并办理犬证，网格员用扫描枪即可识别犬只和主人；发现无主犬只由收容机构处置，狗咬人事件可快速追溯。", domain: "governance", maturity: "deployed", status: "selected", scenarios: ["grid-management"], targets: ["residents"], techs: ["rfid", "mobile-app"], deployedIn: ["changfeng-xincun", "zhenru-town"] }),
  app({ key: "strays-adopt", vendor: "linju", lang: "zh-CN", title: "流浪动物领养与宠物友好社区小程序", summary: "展示待领养的流浪猫狗，办理领养手续并回访。", description: "小程序展示经过绝育和免疫的流浪猫狗，居民可在线申请领养，志愿者上门回访；同时发布社区文明养宠公约和投喂点地图。", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["community-services"], targets: ["residents"], techs: ["mobile-app"], deployedIn: [] }),
  // library
  app({ key: "library-lockers", vendor: "linju", lang: "zh-CN", title: "社区智能借还书柜", summary: "在小区和地铁站设置智能书柜，刷证即可借书还书，与区图书馆通借通还。", description: "智能书柜放在小区门口和地铁站，居民刷读者证或扫码即可借还图书，24小时开放；书柜与区图书馆联网，可预约馆藏图书送到家门口的书柜，实现通借通还。", domain: "life", maturity: "deployed", status: "selected", scenarios: ["community-services", "culture-tourism"], targets: ["residents"], techs: ["rfid", "iot"], deployedIn: ["yichuan-road"] }),
  app({ key: "library-24h", vendor: "qiwu", lang: "zh-CN", title: "24小时城市书房自助借阅系统", summary: "无人值守的城市书房，刷脸进门、自助借还、定期更新藏书。", description: "将社区图书室改造为24小时城市书房，读者刷脸或刷证进门，RFID自助借还书，系统根据借阅数据每月更新藏书，上班族和学生晚上也能借书看书。", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["culture-tourism"], targets: ["residents", "students"], techs: ["rfid", "facial-recognition"], deployedIn: ["changshou-road"] }),
  app({ key: "library-en", vendor: "shenglan", lang: "en", title: "Community Library Book-Sharing Lockers", summary: "Self-service book lockers open around the clock, linked to the district library.", description: "Residents borrow and return library books at self-service lockers in estates and metro stations at any hour. Books from the district library can be reserved online and delivered to the nearest locker, so the community library is no longer limited to office hours.", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["community-services"], targets: ["residents", "children"], techs: ["rfid", "mobile-app"], deployedIn: [] }),
  app({ key: "library-recommend", vendor: "shenglan", lang: "zh-CN", title: "社区阅读推荐与图书漂流小程序", summary: "居民交换闲置图书，按年龄和兴趣推荐好书。", description: "居民可把家中闲置图书登记到小程序参与图书漂流，社区图书室根据借阅记录为儿童和老人推荐书单，热门新书可众筹采购。", domain: "life", maturity: "concept", status: "not_shortlisted", scenarios: ["community-services"], targets: ["children", "residents"], techs: ["mobile-app", "big-data"], deployedIn: [] }),
  // heat
  app({ key: "heat-stations", vendor: "nuanshi", lang: "zh-CN", title: "户外劳动者高温预警与爱心驿站地图", summary: "高温天气提前预警，地图标出可以纳凉、喝水、充电的爱心驿站。", description: "气温超过35度时平台向外卖骑手、环卫工人和建筑工人推送高温预警和作息建议，地图上标出附近可以纳凉、喝水、休息的爱心驿站；突发中暑可一键呼救，驿站工作人员就近处置。", domain: "life", maturity: "pilot", status: "selected", scenarios: ["community-services", "emergency-response"], targets: ["delivery-riders"], techs: ["mobile-app", "big-data"], deployedIn: ["taopu-town"] }),
  app({ key: "heat-en", vendor: "kanglin", lang: "en", title: "Heat-Risk Alerts for Outdoor Workers", summary: "Personal heatstroke warnings for riders and street workers, with one-tap help.", description: "On days above 35 °C, delivery riders, sanitation and construction workers receive heat-risk warnings and rest advice on their phones. A smart wristband watches heart rate and skin temperature and raises an alarm with the worker's location if heatstroke is likely.", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["emergency-response"], targets: ["delivery-riders"], techs: ["wearables", "mobile-app"], deployedIn: [] }),
  app({ key: "heat-helmet", vendor: "kangtu", lang: "zh-CN", title: "骑手智能头盔体温心率监测与中暑预警", summary: "头盔内置传感器监测骑手体温和心率，中暑风险高时提醒休息并通知站点。", description: "外卖骑手佩戴的智能头盔实时监测体温、心率和环境温度，持续高温作业时提醒骑手到驿站休息，出现中暑征兆自动通知站长和附近的急救志愿者。", domain: "life", maturity: "concept", status: "not_shortlisted", scenarios: ["emergency-response"], targets: ["delivery-riders"], techs: ["wearables", "iot"], deployedIn: [] }),
  app({ key: "heat-cooling-en", vendor: "chaoxi", lang: "en", title: "Cooling Stations Finder for Summer Heatwaves", summary: "A map of air-conditioned rest points with water for anyone working outdoors in a heatwave.", description: "Shops, community centres and metro stations sign up as cooling stations with water and shade. Outdoor workers find the nearest one on a map during heatwave alerts, and the district sees which streets still lack a place to cool down.", domain: "life", maturity: "concept", status: "not_shortlisted", scenarios: ["community-services"], targets: ["delivery-riders", "residents"], techs: ["mobile-app"], deployedIn: [] }),
  // recycling
  app({ key: "recycle-clothes", vendor: "jingyu", lang: "zh-CN", title: "旧衣物智能回收箱", summary: "小区旧衣物回收箱满溢自动提醒清运，投放可获得积分。", description: "在小区设置智能旧衣物回收箱，居民扫码开箱投放，按重量获得积分；箱体装满时自动通知回收企业清运，旧衣物分拣后捐赠或再利用。", domain: "life", maturity: "deployed", status: "selected", scenarios: ["waste-sorting"], targets: ["residents"], techs: ["iot", "mobile-app"], deployedIn: ["wanli", "changzheng-town"] }),
  app({ key: "recycle-appliance", vendor: "chaoxi", lang: "zh-CN", title: "旧家电上门回收预约平台", summary: "居民在线预约旧家电、废旧纸板上门回收，价格公开透明。", description: "居民在小程序上传旧家电照片即可获得回收报价，预约上门时间，回收人员持证上门、称重计价，价格全程公开；废旧纸板、塑料等再生资源也可一并回收。", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["waste-sorting"], targets: ["residents"], techs: ["mobile-app"], deployedIn: [] }),
  app({ key: "recycle-en", vendor: "yudian", lang: "en", title: "Doorstep Recycling for Old Clothes and Appliances", summary: "Book a pick-up for old clothes, appliances and cardboard, with transparent prices and reward points.", description: "Residents book a doorstep collection of old clothes, broken appliances and cardboard in the app. Prices are published in advance, collectors are certified, and every kilogram recycled earns points that can be spent in local shops.", domain: "life", maturity: "concept", status: "not_shortlisted", scenarios: ["waste-sorting"], targets: ["residents"], techs: ["mobile-app"], deployedIn: [] }),
  app({ key: "recycle-points", vendor: "nuanshi", lang: "zh-CN", title: "再生资源回收积分小程序", summary: "居民交投废旧物品累计积分，兑换生活用品。", description: "社区再生资源回收点与小程序联网，居民交投旧衣物、废纸、旧家电等累计积分，可在社区超市兑换生活用品，回收量按小区排名公示。", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["waste-sorting"], targets: ["residents"], techs: ["mobile-app"], deployedIn: ["wanli"] }),
  // trees
  app({ key: "trees-sensor", vendor: "honggan", lang: "zh-CN", title: "行道树与小区大树倾斜监测系统", summary: "在大树上安装倾角传感器，树木倾斜、倒伏风险提前告警。", description: "为行道树和小区内的高大乔木安装倾角和振动传感器，台风来临前自动评估倒伏风险，树木倾斜超过阈值时通知园林养护人员加固或修剪，避免压坏车辆和伤人。", domain: "governance", maturity: "pilot", status: "selected", scenarios: ["emergency-response"], targets: ["residents", "property-staff"], techs: ["iot", "nb-iot"], deployedIn: ["ganquan-road"] }),
  app({ key: "trees-archive", vendor: "luanjie", lang: "zh-CN", title: "树木数字档案与修剪预约平台", summary: "为每棵树建立数字档案，居民可预约修剪遮挡窗户的枝杈。", description: "平台为辖区每棵树建立包含树种、树龄、健康状况和空洞检测结果的数字档案，在地图上标注；居民发现枝杈伸进窗户可在线预约修剪，物业和园林部门统一安排。", domain: "governance", maturity: "concept", status: "not_shortlisted", scenarios: ["environment"], targets: ["residents", "property-staff"], techs: ["digital-twin", "mobile-app"], deployedIn: [] }),
  app({ key: "trees-en", vendor: "hepan", lang: "en", title: "Tree Risk Sensors for the Typhoon Season", summary: "Tilt sensors on large trees warn before they fall in storms.", description: "Large street and estate trees get tilt and vibration sensors. Before and during typhoons the system flags trees at risk of falling, so gardeners can prune or brace them; hollow trunks found by sonic testing are recorded on the map.", domain: "governance", maturity: "pilot", status: "not_shortlisted", scenarios: ["emergency-response", "environment"], targets: ["residents"], techs: ["iot"], deployedIn: [] }),
  app({ key: "trees-inspect", vendor: "kancheng", lang: "zh-CN", title: "园林绿化养护巡检App", summary: "养护人员巡检树木、记录病虫害和修剪情况，问题自动派单。", description: "园林养护人员用App巡检行道树和小区绿化，拍照记录树木病虫害、空洞和枝杈遮挡，问题自动派单处理，居民投诉的树木问题也可在App中跟踪进度。", domain: "governance", maturity: "deployed", status: "not_shortlisted", scenarios: ["environment", "grid-management"], targets: ["property-staff"], techs: ["mobile-app"], deployedIn: ["ganquan-road", "shiquan-road"] }),
  // sign language
  app({ key: "sign-video", vendor: "yige", lang: "zh-CN", title: "远程手语视频翻译服务", summary: "服务窗口一键接通手语翻译员，视频为聋人和工作人员实时翻译。", description: "在社区事务受理服务中心窗口配备平板，聋人或听障居民一键接通远程手语翻译员，视频实时翻译办事对话，不用再请家人陪同；居民会议也可预约手语翻译。", domain: "governance", maturity: "pilot", status: "selected", scenarios: ["one-stop-services"], targets: ["disabled"], techs: ["5g", "mobile-app"], deployedIn: ["changfeng-xincun"] }),
  app({ key: "sign-avatar-en", vendor: "suhe-zhilian", lang: "en", title: "AI Sign Language Avatar for Service Counters", summary: "An on-screen avatar signs what counter staff say, and recognises residents' signing.", description: "At service counters an AI avatar turns staff speech into sign language on a screen, and a camera recognises common signs from deaf residents and shows them as text, so routine business needs no interpreter.", domain: "governance", maturity: "concept", status: "not_shortlisted", scenarios: ["one-stop-services"], targets: ["disabled"], techs: ["ai", "nlp"], deployedIn: [] }),
  app({ key: "sign-screen", vendor: "shenglan", lang: "zh-CN", title: "听障人士无障碍沟通屏", summary: "窗口双向字幕屏，把工作人员的话实时转成文字，听障居民打字回复。", description: "服务窗口设置双屏沟通终端，工作人员说话实时转为字幕，听障居民可手写或打字回复，也支持常用手语识别，方便聋人和听力不好的老人办事。", domain: "governance", maturity: "deployed", status: "not_shortlisted", scenarios: ["one-stop-services", "accessible-travel"], targets: ["disabled", "elderly"], techs: ["voice", "ai"], deployedIn: ["yichuan-road"] }),
  app({ key: "sign-captions-en", vendor: "shenglan", lang: "en", title: "Live Captions for Community Meetings", summary: "Speech turned into live captions on screen and on phones for deaf and hard-of-hearing residents.", description: "Residents' meetings and hearings are captioned live on a big screen and on residents' phones, so deaf and hard-of-hearing people can follow and take part; sign-language interpreters can join by video.", domain: "governance", maturity: "pilot", status: "not_shortlisted", scenarios: ["accessible-travel"], targets: ["disabled"], techs: ["voice", "nlp"], deployedIn: [] }),
  // loneliness
  app({ key: "mind-consult", vendor: "ruiyi", lang: "zh-CN", title: "老年心理健康线上咨询与疏导平台", summary: "心理咨询师通过电话和视频为老人提供心理疏导，抑郁风险及时转介。", description: "平台组织专业心理咨询师和社工，通过电话、视频为老人提供心理疏导和情绪支持；定期开展抑郁、焦虑筛查，高风险老人转介到精神卫生中心，子女可了解父母的情绪变化。", domain: "life", maturity: "pilot", status: "selected", scenarios: ["community-services"], targets: ["elderly", "caregivers"], techs: ["mobile-app"], deployedIn: ["shiquan-road"] }),
  app({ key: "mind-speaker", vendor: "kanglin", lang: "zh-CN", title: "AI陪伴聊天与情绪识别音箱", summary: "会聊天的智能音箱陪老人说话，识别情绪低落并提醒家属和社工。", description: "智能音箱可以用方言和老人聊天、讲新闻、放戏曲，通过语音识别判断老人情绪，连续几天情绪低落或不说话时提醒子女和社区心理社工上门探望。", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["elderly-living-alone"], targets: ["elderly"], techs: ["voice", "ai", "nlp"], deployedIn: [] }),
  app({ key: "mind-hotline-en", vendor: "ruiyi", lang: "en", title: "Peer Listening Hotline for Lonely Seniors", summary: "Trained volunteers call lonely older people every week, and refer those at risk of depression.", description: "Trained volunteer listeners phone older people who live alone every week for a chat. A short screening for low mood and depression is part of the call, and anyone at risk is referred to a counsellor, so loneliness is noticed before it becomes illness.", domain: "life", maturity: "concept", status: "not_shortlisted", scenarios: ["elderly-living-alone", "community-services"], targets: ["elderly"], techs: ["voice"], deployedIn: [] }),
  app({ key: "mind-screening", vendor: "kangtu", lang: "zh-CN", title: "社区心理健康筛查与转介系统", summary: "社区定期为老人开展心理健康量表筛查，异常结果自动转介。", description: "社区卫生服务中心和居委会定期为老人开展心理健康量表测评，系统自动识别抑郁、焦虑和孤独风险，生成转介单并跟踪随访，志愿者按需上门陪伴。", domain: "life", maturity: "deployed", status: "not_shortlisted", scenarios: ["smart-healthcare", "community-services"], targets: ["elderly"], techs: ["big-data"], deployedIn: ["caoyang-xincun"] }),
  // myopia
  app({ key: "myopia-lamp", vendor: "qingmiao", lang: "zh-CN", title: "儿童近视筛查与用眼监测台灯", summary: "智能台灯监测孩子读写距离和用眼时长，配合学校视力筛查。", description: "台灯内置传感器，孩子写作业时距离太近、坐姿不正或连续用眼超过40分钟会提醒休息；数据同步给家长，并与学校每学期的视力筛查结果放在一起看近视发展。", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["smart-healthcare"], targets: ["children", "parents"], techs: ["iot"], deployedIn: [] }),
  app({ key: "myopia-en", vendor: "chengxue", lang: "en", title: "School Myopia Screening Programme", summary: "Eyesight screening in every term, with a record for each child and advice for parents.", description: "Nurses screen pupils' eyesight at school each term with portable equipment; each child's record shows whether myopia is developing, and parents get advice on screen time, outdoor play and when to see an eye doctor.", domain: "life", maturity: "deployed", status: "selected", scenarios: ["smart-healthcare"], targets: ["children", "students", "parents"], techs: ["big-data"], deployedIn: ["caoyang-xincun"] }),
  app({ key: "myopia-outdoor", vendor: "qingmiao", lang: "zh-CN", title: "课间户外活动打卡小程序", summary: "鼓励孩子每天户外活动两小时，预防近视。", description: "学校和家长用小程序记录孩子每天的户外活动时间，达标有奖励；结合视力筛查数据，提醒近视风险高的孩子增加户外活动、减少看屏幕的时间。", domain: "life", maturity: "concept", status: "not_shortlisted", scenarios: ["smart-classroom"], targets: ["children", "students"], techs: ["mobile-app"], deployedIn: [] }),
  app({ key: "myopia-lighting", vendor: "chengxue", lang: "zh-CN", title: "护眼教室照明改造方案", summary: "教室灯光和黑板照明达到护眼标准，减少学生视疲劳。", description: "对中小学教室进行照明改造，桌面照度和黑板照明达到国家护眼标准，灯光随自然光自动调节，配合学期视力筛查评估改造效果，降低学生近视发生率。", domain: "life", maturity: "deployed", status: "not_shortlisted", scenarios: ["smart-classroom"], targets: ["students", "teachers"], techs: ["iot"], deployedIn: ["changshou-road"] }),
  // helpers
  app({ key: "helpers-credit", vendor: "linju", lang: "zh-CN", title: "家政服务人员信用档案平台", summary: "保姆、护工持证上岗，服务评价和不良记录可查。", description: "平台为家政服务人员建立信用档案，记录身份、健康证、职业技能证书和历次服务评价，家庭请保姆或护工前可扫码查询；纠纷可在线申请调解。", domain: "life", maturity: "deployed", status: "selected", scenarios: ["community-services"], targets: ["elderly", "caregivers"], techs: ["mobile-app", "blockchain"], deployedIn: ["zhenru-town"] }),
  app({ key: "helpers-booking", vendor: "kanglin", lang: "zh-CN", title: "居家护工预约与评价小程序", summary: "失能老人家庭在线预约持证护工，服务后评价。", description: "家庭可按护理等级在线预约持证护工和保姆，价格公开，服务过程有签到记录；每次服务后家属评价，评分低的护工会被复训或停止派单。", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["community-services"], targets: ["elderly", "caregivers"], techs: ["mobile-app"], deployedIn: [] }),
  app({ key: "helpers-en", vendor: "fangjian", lang: "en", title: "Verified Domestic Helper Booking", summary: "Book background-checked nannies and carers, with transparent fees and reviews.", description: "Families book domestic helpers and home carers whose identity, health certificate and training are verified. Fees are published, every job is reviewed, and disputes go to a mediator instead of the agency.", domain: "life", maturity: "pilot", status: "not_shortlisted", scenarios: ["community-services"], targets: ["caregivers", "residents"], techs: ["mobile-app"], deployedIn: [] }),
  app({ key: "helpers-contract", vendor: "yige", lang: "zh-CN", title: "家政服务合同电子签与纠纷调解系统", summary: "家政服务合同在线签订，纠纷由社区调解员在线调解。", description: "家庭与家政公司、保姆在线签订标准合同，服务内容和收费一目了然；出现纠纷时可在线申请社区调解员调解，调解结果计入家政人员信用档案。", domain: "governance", maturity: "concept", status: "not_shortlisted", scenarios: ["community-services"], targets: ["residents"], techs: ["blockchain", "mobile-app"], deployedIn: [] }),
  // look-alikes that serve none of the needs
  app({ key: "x-meeting", vendor: "yige", lang: "zh-CN", title: "共享会议室与办公工位预约平台", summary: "企业在线预约共享会议室和工位，按小时计费。", description: "产业园区的共享会议室和办公工位在线预约，门禁扫码进入，按小时计费，适合初创企业。", domain: "economy", maturity: "deployed", status: "not_shortlisted", scenarios: ["smart-park"], targets: ["businesses"], techs: ["mobile-app"], deployedIn: ["changshou-road"] }),
  app({ key: "x-pets-shop", vendor: "fangjian", lang: "en", title: "Pet Shop Loyalty and Delivery Platform", summary: "Online ordering and loyalty points for pet shops.", description: "Pet shops in Putuo take online orders for pet food and grooming appointments and reward regular customers with points.", domain: "economy", maturity: "pilot", status: "not_shortlisted", scenarios: ["smart-retail"], targets: ["merchants"], techs: ["mobile-app"], deployedIn: [] }),
  app({ key: "x-ebook", vendor: "shenglan", lang: "zh-CN", title: "企业电子书与培训课程平台", summary: "为企业员工提供电子书和在线课程。", description: "企业采购电子书和职业技能课程，员工在线学习并考试，学习记录计入人才档案。", domain: "economy", maturity: "pilot", status: "not_shortlisted", scenarios: ["enterprise-services"], targets: ["businesses", "professionals"], techs: ["cloud"], deployedIn: [] }),
  app({ key: "x-temperature", vendor: "chaoxi", lang: "zh-CN", title: "冷链仓库温度监测系统", summary: "冷库温度异常自动报警，保障食品安全。", description: "冷链仓库和冷藏车安装温度传感器，温度超出范围自动报警，记录可追溯。", domain: "economy", maturity: "deployed", status: "not_shortlisted", scenarios: ["food-safety"], targets: ["merchants"], techs: ["iot"], deployedIn: ["taopu-town"] }),
];

/** Insert the fixture into a database that holds the demo (the 2021 call and its vendors). */
export async function insertFixture(db: Database): Promise<{ demandIds: Map<string, number>; appIds: Map<string, number> }> {
  const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, "2021-scenario-call"));
  if (!campaign) throw new Error("the fixture goes into a database seeded with the demo");
  const places = new Map((await db.select({ id: subdistricts.id, slug: subdistricts.slug }).from(subdistricts)).map((p) => [p.slug, p.id]));
  const orgs = new Map((await db.select({ id: organizations.id, slug: organizations.slug }).from(organizations)).map((o) => [o.slug, o.id]));
  const tagRows = await db.select({ id: tags.id, kind: tags.kind, slug: tags.slug }).from(tags);
  const tagId = (kind: string, slug: string) => {
    const t = tagRows.find((r) => r.kind === kind && r.slug === slug);
    if (!t) throw new Error(`fixture: unknown tag ${kind}:${slug}`);
    return t.id;
  };
  const tagIdsOf = (x: Tagged) => [
    ...x.scenarios.map((s) => tagId("scenario", s)),
    ...x.targets.map((s) => tagId("target_group", s)),
    ...x.techs.map((s) => tagId("technology", s)),
  ];
  const submittedAt = new Date("2021-03-15T02:00:00Z");

  const demandIds = new Map<string, number>();
  for (const d of FIXTURE_DEMANDS) {
    const [row] = await db
      .insert(demands)
      .values({
        campaignId: campaign.id,
        title: d.title,
        description: d.description,
        lang: d.lang,
        domain: d.domain,
        subdistrictId: places.get(d.place)!,
        raisedBy: "community",
        status: "not_shortlisted",
        submittedAt,
      })
      .returning({ id: demands.id });
    demandIds.set(d.key, row.id);
    await db.insert(demandTags).values(tagIdsOf(d).map((tagId) => ({ demandId: row.id, tagId })));
  }
  const appIds = new Map<string, number>();
  for (const a of FIXTURE_APPS) {
    const organizationId = orgs.get(a.vendor);
    if (!organizationId) throw new Error(`fixture: unknown vendor ${a.vendor}`);
    const [row] = await db
      .insert(applications)
      .values({
        campaignId: campaign.id,
        organizationId,
        title: a.title,
        summary: a.summary,
        description: a.description,
        lang: a.lang,
        domain: a.domain,
        maturity: a.maturity,
        status: a.status,
        submittedAt,
      })
      .returning({ id: applications.id });
    appIds.set(a.key, row.id);
    const ids = tagIdsOf(a);
    if (ids.length) await db.insert(applicationTags).values(ids.map((tagId) => ({ applicationId: row.id, tagId })));
    if (a.deployedIn.length) {
      await db.insert(applicationDeployments).values(a.deployedIn.map((p) => ({ applicationId: row.id, subdistrictId: places.get(p)!, since: "2020-06-01" })));
    }
  }
  return { demandIds, appIds };
}
