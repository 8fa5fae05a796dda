/**
 * Scenario families: what a kind of solution is called, which problem it
 * answers, how it works and what it achieved, in Chinese and in English. The
 * application generator draws titles and descriptions from these; the
 * phrasing is varied on purpose so that fifty items read like fifty
 * submissions, not one form filled in fifty times.
 */
import type { Domain } from "../enums";

import type { Template } from "./text";

/** A sentence that names technologies, with the technologies it reads well with. */
export type Fitted = { fit: string[]; t: Template };

const fit = (techs: string[], t: Template): Fitted => ({ fit: techs, t });

export type FamilyText = {
  /** Title cores: 居家跌倒监测 / Home Fall Detection */
  cores: string[];
  /** In paired families: the story (solution index) each core belongs to; -1 for any. */
  coreTheme?: number[];
  /** Likewise for the summaries. */
  pitchTheme?: number[];
  /** Title endings: 系统 / System */
  products: string[];
  /** One-sentence summaries. */
  pitch: Template[];
  problem: Template[];
  /** How it works; `c.tech` holds those of the item's technologies the sentence fits. */
  solution: Fitted[];
  feature: Template[];
  /** A result from a pilot or deployment, as a full sentence. */
  metric: Template[];
};

export type Family = {
  key: string;
  domain: Domain;
  scenarios: string[];
  targets: string[];
  techs: string[];
  /** Problem i goes with solution i (the variants tell different stories). */
  paired?: boolean;
  zh: FamilyText;
  en: FamilyText;
};

export const FAMILIES: Family[] = [
  {
    key: "elderly-alone",
    domain: "life",
    scenarios: ["elderly-living-alone", "fire-gas-safety"],
    targets: ["elderly", "community-workers", "caregivers"],
    techs: ["iot", "nb-iot", "ai", "cloud", "mobile-app"],
    zh: {
      cores: ["独居老人安全守护", "居家养老安全监护", "独居长者智能关爱", "高龄老人居家安全"],
      products: ["套件", "系统", "服务平台", "解决方案"],
      pitch: [
        () => `为独居老人家中加装烟感、燃气、门磁和床垫传感器，异常情况第一时间通知社区工作者。`,
        (c) => `以${c.tech}感知老人居家状态，让网格员在手机上就能看到每户独居老人是否安好。`,
        () => `不改变老人生活习惯的无感监护，出门未归、起床异常、燃气泄漏都能及时发现。`,
      ],
      problem: [
        (c) => `${c.ps}现有独居老人${c.n(300, 1400, 10)}余名，其中80岁以上的约占${c.n(25, 45)}%，子女多不在身边。`,
        (c) => `社区工作者每人要联系${c.n(40, 90)}户独居老人，上门和电话问候难以做到天天覆盖。`,
        () => `独居老人一旦在家中突发疾病或忘关燃气，往往要等邻居察觉异味或家属打不通电话才被发现。`,
      ],
      solution: [
        fit(["iot", "nb-iot", "cloud"], (c) => `方案在老人家中部署烟雾、燃气、门磁、红外和床垫心率呼吸传感器，通过${c.tech}把数据汇聚到社区平台。`),
        fit(["ai"], (c) => `系统利用${c.tech}学习每位老人的作息规律，清晨未按时起床、长时间未出门或夜间频繁起身都会触发分级预警。`),
        fit(["iot", "nb-iot"], (c) => `设备采用${c.tech}，无需老人操作，电池续航两年以上，告警通过电话、短信和小程序同时推送给家属与网格员。`),
      ],
      feature: [
        () => `平台还能显示助餐送餐和上门探访记录，连续三天无人探访的老人会被自动提醒。`,
        () => `对不会使用智能手机的老人，配套提供一键呼叫按钮和纸质联系卡。`,
        (c) => `告警按紧急程度分为红、橙、黄三级，红色告警${c.n(3, 10)}分钟内无人响应会自动升级到街道值班室。`,
      ],
      metric: [
        (c) => `试点半年共处置有效告警${c.n(30, 160)}起，其中燃气泄漏${c.n(3, 18)}起。`,
        (c) => `社区工作者的日常电话巡访量下降约${c.n(30, 60)}%，把时间留给最需要上门的老人。`,
        (c) => `误报率由初期的${c.n(9, 15)}%降至${c.n(2, 5)}%。`,
      ],
    },
    en: {
      cores: ["Elderly-Living-Alone Safety", "Home Safety Monitoring for Seniors", "Ageing-in-Place Care", "Silver Safety Network"],
      products: ["Kit", "System", "Platform", "Service"],
      pitch: [
        () => `Smoke, gas, door and bed sensors in the homes of seniors who live alone, with alerts going straight to community workers.`,
        (c) => `Uses ${c.tech} so that grid workers can see at a glance whether every senior living alone is safe.`,
        () => `Passive monitoring that spots a missed morning routine, a gas leak or a senior who never came home.`,
      ],
      problem: [
        (c) => `${c.pl} has about ${c.n(300, 1400, 10)} residents over 60 who live alone, and many of their children work in other districts.`,
        (c) => `Each community worker is responsible for ${c.n(40, 90)} seniors living alone, so daily visits and phone calls cannot reach everyone.`,
        () => `When an elderly person living alone falls ill or leaves the gas on, it is often a neighbour noticing a smell that raises the alarm.`,
      ],
      solution: [
        fit(["iot", "nb-iot", "cloud"], (c) => `The kit combines smoke and gas detectors, a smart door catch, an intelligent pill box and heart-rate and breathing sensors under the mattress, linked through ${c.tech}.`),
        fit(["ai"], (c) => `Using ${c.tech}, the system learns each resident's daily rhythm and raises a graded alert when they do not get up, do not go out or stay out unusually long.`),
        fit(["iot", "nb-iot"], (c) => `The devices run on ${c.tech} and need no action from the senior; alerts reach relatives and the nearest community worker by call, SMS and mini-program.`),
      ],
      feature: [
        () => `Meal deliveries and home visits appear on the same dashboard, and a reminder is issued when nobody has visited a senior for three days.`,
        () => `Seniors who do not use smartphones get a one-press call button and a printed contact card.`,
      ],
      metric: [
        (c) => `In six months the pilot handled ${c.n(30, 160)} genuine alerts, ${c.n(3, 18)} of them gas leaks.`,
        (c) => `Routine phone check-ins by community workers fell by about ${c.n(30, 60)}%.`,
      ],
    },
  },
  {
    key: "fall-detection",
    domain: "life",
    scenarios: ["fall-detection", "elderly-living-alone"],
    targets: ["elderly", "caregivers"],
    techs: ["mmwave-radar", "ai", "edge-computing", "iot", "wearables"],
    zh: {
      cores: ["居家跌倒监测", "无感跌倒预警", "卫生间跌倒报警", "老人跌倒智能识别"],
      products: ["系统", "终端", "雷达套件", "服务"],
      pitch: [
        () => `不用佩戴、不装摄像头，在卧室和卫生间自动识别老人跌倒并呼叫家属。`,
        (c) => `基于${c.tech}的跌倒检测，老人倒地后30秒内通知家属和社区。`,
      ],
      problem: [
        () => `老年人跌倒多发生在卫生间和夜间起床时，独居老人倒地后常常无法自行呼救。`,
        (c) => `社区走访发现，跌倒的独居老人平均要${c.n(3, 9)}小时后才被人发现，错过了最佳救治时间。`,
        () => `老人普遍不愿佩戴手环，也反感在家里装摄像头，传统的紧急呼叫按钮在跌倒后往往够不着。`,
      ],
      solution: [
        fit(["mmwave-radar", "ai", "edge-computing"], (c) => `终端安装在天花板或墙角，采用${c.tech}识别站立、坐卧和跌倒姿态，不采集图像，保护隐私。`),
        fit(["mmwave-radar", "ai", "edge-computing", "wearables"], (c) => `设备通过${c.tech}判断老人是否跌倒以及倒地后是否能自行起身，确认跌倒后先语音询问，无应答即拨打家属电话。`),
      ],
      feature: [
        () => `同时记录夜间起夜次数和卧床时长，变化明显时提醒家属关注老人健康状况。`,
        () => `一台设备可覆盖约15平方米，卫生间型号具备防水防雾设计。`,
      ],
      metric: [
        (c) => `实测跌倒识别准确率达到${c.n(92, 98)}%，每月误报不超过${c.n(1, 3)}次。`,
        (c) => `试点期间成功发现跌倒${c.n(8, 40)}起，平均响应时间缩短到${c.n(6, 15)}分钟。`,
      ],
    },
    en: {
      cores: ["Home Fall Detection", "Contact-free Fall Alert", "Bathroom Fall Alarm", "Night-time Fall Monitoring"],
      products: ["System", "Sensor Kit", "Service"],
      pitch: [
        () => `Detects a fall in the bedroom or bathroom without cameras or wristbands and calls family members automatically.`,
        (c) => `Fall detection based on ${c.tech} that alerts family and community within 30 seconds.`,
      ],
      problem: [
        () => `Most falls among older people happen in the bathroom or when getting up at night, and those living alone often cannot call for help.`,
        (c) => `Community visits found that a senior who falls at home alone is found on average ${c.n(3, 9)} hours later.`,
      ],
      solution: [
        fit(["mmwave-radar", "ai", "edge-computing"], (c) => `A ceiling-mounted sensor uses ${c.tech} to tell standing, sitting, lying and falling apart; no images are recorded.`),
        fit(["mmwave-radar", "ai", "edge-computing", "wearables"], (c) => `Using ${c.tech}, the device checks whether the person gets up again; if not, it asks by voice and then phones a relative.`),
      ],
      feature: [
        () => `It also logs night-time bathroom visits and time in bed, and flags marked changes to the family.`,
        () => `One unit covers about 15 square metres; the bathroom model is waterproof.`,
      ],
      metric: [
        (c) => `Field tests showed ${c.n(92, 98)}% of falls detected, with no more than ${c.n(1, 3)} false alarms a month.`,
        (c) => `During the pilot it caught ${c.n(8, 40)} falls and brought the average response time down to ${c.n(6, 15)} minutes.`,
      ],
    },
  },
  {
    key: "missing-seniors",
    domain: "life",
    scenarios: ["missing-seniors"],
    targets: ["elderly", "caregivers", "community-workers"],
    techs: ["beidou", "wearables", "facial-recognition", "video-analytics", "ai", "nb-iot"],
    zh: {
      cores: ["走失老人快速寻找", "认知障碍老人防走失", "老人出行守护", "失智长者定位"],
      products: ["系统", "平台", "手环与平台", "服务"],
      pitch: [
        () => `为认知障碍老人提供定位和电子围栏，一旦走失，社区、家属和派出所同步寻找。`,
        (c) => `结合${c.tech}，把寻找走失老人的时间从数小时缩短到几十分钟。`,
      ],
      problem: [
        (c) => `${c.ps}登记在册的认知障碍老人约${c.n(80, 320, 10)}人，每年都有老人外出后找不到回家的路。`,
        () => `老人走失后，家属通常先在附近自行寻找，报警和发动社区往往已过去好几个小时。`,
      ],
      solution: [
        fit(["beidou", "nb-iot", "wearables"], (c) => `方案为老人配发带${c.tech}的防走失手环或鞋垫，设置以小区为中心的电子围栏，越界即向家属推送位置。`),
        fit(["facial-recognition", "video-analytics", "ai"], (c) => `走失报警后，平台调用${c.tech}，在授权范围内比对沿街摄像头画面，生成可能的行走路线供社区和民警参考。`),
      ],
      feature: [
        () => `家属可在小程序里一键发起寻人，附近的志愿者会收到带照片的协查通知。`,
        () => `设备支持一周续航，老人只需每周充一次电，也可由社区代为充电。`,
      ],
      metric: [
        (c) => `试点一年协助找回走失老人${c.n(12, 60)}人次，平均寻回时间${c.n(25, 70)}分钟。`,
        (c) => `${c.n(85, 98)}%的走失事件在老人离开电子围栏后两小时内得到处置。`,
      ],
    },
    en: {
      cores: ["Missing Senior Finder", "Dementia Wandering Alert", "Safe Walk for Seniors"],
      products: ["System", "Platform", "Service"],
      pitch: [
        () => `Location tracking and geo-fences for seniors with dementia, so family, community and police can search together.`,
        (c) => `Uses ${c.tech} to cut the time it takes to find a missing senior from hours to minutes.`,
      ],
      problem: [
        (c) => `About ${c.n(80, 320, 10)} residents of ${c.pl} are registered with dementia, and every year some leave home and cannot find their way back.`,
        () => `Families usually search on their own first, so police and neighbours are often alerted hours after a senior has gone missing.`,
      ],
      solution: [
        fit(["beidou", "nb-iot", "wearables"], (c) => `Seniors receive a band or insole with ${c.tech}; leaving the geo-fence around their estate sends their location to the family.`),
        fit(["facial-recognition", "video-analytics", "ai"], (c) => `Once a search is opened, the platform uses ${c.tech} on authorised street cameras to suggest the route the person probably took.`),
      ],
      feature: [
        () => `Relatives can start a search from a mini-program, and registered volunteers nearby receive a notice with a photo.`,
      ],
      metric: [
        (c) => `In its first year the service helped bring home ${c.n(12, 60)} missing seniors, in ${c.n(25, 70)} minutes on average.`,
      ],
    },
  },
  {
    key: "one-call-taxi",
    domain: "life",
    scenarios: ["one-call-taxi", "accessible-travel"],
    targets: ["elderly", "disabled", "patients"],
    techs: ["voice", "ai", "mobile-app", "big-data", "beidou"],
    zh: {
      cores: ["老年人一键叫车", "电话助老打车", "助老出行叫车", "适老化约车"],
      products: ["服务", "平台", "热线", "终端"],
      pitch: [
        () => `老人拿起电话说一句“我要去医院”，系统自动派车到楼下，不用装App。`,
        (c) => `用${c.tech}为不会用打车软件的老人和残障人士提供电话叫车和预约就医用车。`,
      ],
      problem: [
        () => `很多老人看不清手机屏幕、不会操作打车软件，在路边招手又常常打不到车。`,
        (c) => `${c.ps}有定期就医需求的高龄和残障居民约${c.n(200, 900, 10)}人，不少人每周要去医院一到两次。`,
      ],
      solution: [
        fit(["voice", "ai", "big-data"], (c) => `老人拨打专属号码或按下家中的叫车按钮，平台通过${c.tech}识别来电人和常用地址，自动下单并回电确认车牌。`),
        fit(["voice", "ai"], (c) => `系统预先登记老人的住址、常去医院和紧急联系人，采用${c.tech}，通话不超过30秒即可完成叫车。`),
      ],
      feature: [
        () => `司机接单后会看到“老人乘车”提示，到达后电话联系并协助上车，行程信息同步发给家属。`,
        () => `支持每周固定时间的就医预约单，社区志愿者可代为下单。`,
      ],
      metric: [
        (c) => `试点期间累计服务老人${c.n(800, 5000, 50)}人次，平均等车时间${c.n(6, 14)}分钟。`,
        (c) => `${c.n(90, 98)}%的订单在一次通话内完成。`,
      ],
    },
    en: {
      cores: ["One-Call Taxi for Seniors", "Phone-Based Ride Booking", "Assisted Ride Hailing"],
      products: ["Service", "Hotline", "Platform"],
      pitch: [
        () => `A senior picks up the phone, says "to the hospital", and a car is sent to the door; no app needed.`,
        (c) => `Phone-based taxi booking with ${c.tech} for older and disabled residents who cannot use ride-hailing apps.`,
      ],
      problem: [
        () => `Many older residents cannot read a phone screen or use a ride-hailing app, and hailing a cab on the street often fails.`,
        (c) => `Around ${c.n(200, 900, 10)} elderly or disabled residents in ${c.pl} need to travel to hospital every week.`,
      ],
      solution: [
        fit(["voice", "ai", "big-data"], (c) => `Residents dial one number or press a button at home; ${c.tech} recognises the caller and usual addresses, books the car and calls back with the plate number.`),
        fit(["voice", "ai"], (c) => `Home address, usual hospital and emergency contact are registered in advance, so with ${c.tech} a booking takes less than 30 seconds.`),
      ],
      feature: [
        () => `Drivers see a "senior passenger" flag, call on arrival and help the passenger in; the trip is shared with family members.`,
      ],
      metric: [
        (c) => `The pilot carried ${c.n(800, 5000, 50)} trips with an average wait of ${c.n(6, 14)} minutes.`,
      ],
    },
  },
  {
    key: "meal-assistance",
    domain: "life",
    scenarios: ["meal-assistance", "community-services"],
    targets: ["elderly", "community-workers"],
    techs: ["mobile-app", "facial-recognition", "big-data", "robotics"],
    zh: {
      cores: ["社区长者食堂数字化", "助餐送餐调度", "智慧助餐", "老年助餐刷脸结算"],
      products: ["平台", "系统", "服务"],
      pitch: [
        () => `长者食堂刷脸就餐、自动核算补贴，送餐员路线与签收记录实时可查。`,
        (c) => `以${c.tech}打通订餐、补贴核算和送餐签收，让助餐点少排队、少记账。`,
      ],
      problem: [
        (c) => `社区长者食堂每天供应约${c.n(150, 600, 10)}份午餐，补贴核对靠纸质登记，月底对账要花好几天。`,
        () => `行动不便的老人依赖送餐上门，但送没送到、是否吃上热饭，子女和社区都无从知晓。`,
      ],
      solution: [
        fit(["facial-recognition"], (c) => `老人在食堂通过${c.tech}身份核验后取餐，系统按年龄和困难等级自动计算补贴，账目实时生成。`),
        fit(["mobile-app", "big-data"], (c) => `平台采用${c.tech}汇总订餐需求，为送餐员规划路线，送达时拍照签收并推送给家属。`),
      ],
      feature: [
        () => `菜单标注低盐低糖和软食选项，糖尿病、高血压老人点餐时会收到提示。`,
        () => `老人连续两天没有订餐或取餐，系统会提醒社区工作者电话问候。`,
      ],
      metric: [
        (c) => `上线后食堂高峰排队时间缩短约${c.n(40, 70)}%，补贴对账时间从${c.n(3, 5)}天缩短到半天。`,
        (c) => `每月送餐签收率达到${c.n(97, 100)}%。`,
      ],
    },
    en: {
      cores: ["Community Canteen for Seniors", "Meal Delivery Dispatch", "Senior Meal Subsidy"],
      products: ["Platform", "System"],
      pitch: [
        () => `Face-check at the seniors' canteen, automatic subsidy accounting and trackable home deliveries.`,
      ],
      problem: [
        (c) => `The community canteen serves about ${c.n(150, 600, 10)} lunches a day, and subsidies are still reconciled from paper lists.`,
        () => `Seniors with limited mobility rely on home-delivered meals, but neither family nor community knows whether a meal actually arrived.`,
      ],
      solution: [
        fit(["facial-recognition"], (c) => `Seniors are identified with ${c.tech} when they collect a meal, and subsidies are calculated automatically by age and need.`),
        fit(["mobile-app", "big-data"], (c) => `Orders are pooled with ${c.tech}, couriers get an optimised route, and each delivery is confirmed with a photo sent to the family.`),
      ],
      feature: [
        () => `If a senior orders nothing for two days, a community worker is prompted to call.`,
      ],
      metric: [
        (c) => `Queues at peak time fell by about ${c.n(40, 70)}% and month-end reconciliation now takes half a day.`,
      ],
    },
  },
  {
    key: "medication",
    domain: "life",
    scenarios: ["medication", "smart-healthcare"],
    targets: ["elderly", "patients", "caregivers"],
    techs: ["iot", "ai", "wearables", "mobile-app", "cloud"],
    zh: {
      cores: ["智能药盒用药提醒", "慢病居家管理", "老人用药依从性管理", "家庭医生随访"],
      products: ["系统", "服务", "平台"],
      pitch: [
        () => `智能药盒按时提醒服药，漏服自动通知家属和家庭医生。`,
        (c) => `用${c.tech}帮助高血压、糖尿病老人按时服药、按期复诊。`,
      ],
      problem: [
        (c) => `社区卫生服务中心签约的慢病老人中，约${c.n(30, 50)}%存在漏服、错服药物的情况。`,
        () => `独居老人同时服用多种药物，药名相似、剂量复杂，家属不在身边时很难管理。`,
      ],
      solution: [
        fit(["iot", "mobile-app"], (c) => `智能药盒分格装药，到点亮灯和语音提醒，通过${c.tech}记录每次开盒时间，漏服即推送提醒。`),
        fit(["cloud", "ai", "wearables", "mobile-app"], (c) => `平台借助${c.tech}整合血压、血糖等居家监测数据，异常时由家庭医生电话随访并调整用药建议。`),
      ],
      feature: [
        () => `药品快用完时自动提醒续方，可由社区药房配送到家。`,
        () => `药盒大字屏幕和实体按键专为视力不佳的老人设计。`,
      ],
      metric: [
        (c) => `试点老人按时服药率从${c.n(55, 70)}%提升到${c.n(85, 95)}%。`,
        (c) => `三个月内血压控制达标人数增加${c.n(15, 35)}%。`,
      ],
    },
    en: {
      cores: ["Smart Pill Box", "Chronic Care at Home", "Medication Adherence"],
      products: ["Service", "System", "Programme"],
      pitch: [
        () => `A smart pill box that reminds seniors to take their medicine and tells family and GP when a dose is missed.`,
      ],
      problem: [
        (c) => `Around ${c.n(30, 50)}% of chronically ill seniors registered with the community health centre miss or mix up doses.`,
        () => `Seniors living alone often take several medicines with similar names and complex doses.`,
      ],
      solution: [
        fit(["iot", "mobile-app"], (c) => `Each compartment lights up and speaks at dosing time; ${c.tech} records every opening and flags missed doses.`),
        fit(["cloud", "ai", "wearables", "mobile-app"], (c) => `Blood-pressure and glucose readings taken at home are combined through ${c.tech}, and the family doctor follows up on abnormal values.`),
      ],
      feature: [
        () => `Refills are prompted automatically and can be delivered by the community pharmacy.`,
      ],
      metric: [
        (c) => `On-time medication rose from ${c.n(55, 70)}% to ${c.n(85, 95)}% among pilot users.`,
      ],
    },
  },
  {
    key: "smart-healthcare",
    domain: "life",
    scenarios: ["smart-healthcare"],
    targets: ["patients", "elderly", "residents"],
    techs: ["cloud", "5g", "ai", "big-data", "mobile-app"],
    zh: {
      cores: ["社区互联网医院", "5G远程会诊", "家门口智慧健康小屋", "AI辅助影像诊断"],
      products: ["平台", "系统", "服务"],
      pitch: [
        () => `把三甲医院专家“请进”社区卫生服务中心，常见病复诊和配药不出街道。`,
        (c) => `依托${c.tech}，居民在社区就能完成健康检测、远程问诊和慢病续方。`,
      ],
      problem: [
        () => `老年居民为复诊配药往返大医院，排队挂号、候诊和取药往往要花上半天。`,
        (c) => `社区卫生服务中心医生人手紧张，每名全科医生签约居民超过${c.n(1500, 2600, 100)}人。`,
      ],
      solution: [
        fit(["cloud", "5g", "mobile-app"], (c) => `在社区健康小屋部署血压、血糖、心电等自助检测设备，通过${c.tech}把结果同步给签约家庭医生。`),
        fit(["5g", "cloud"], (c) => `基于${c.tech}建立社区与区级医院的远程会诊通道，影像和检验结果可实时调阅。`),
      ],
      feature: [
        () => `复诊处方审核通过后，药品可配送到家或在社区药房自取。`,
        () => `自助设备支持医保卡和身份证，语音播报检测结果。`,
      ],
      metric: [
        (c) => `试点点位每月服务居民${c.n(600, 3000, 50)}人次，慢病复诊平均耗时从半天缩短到${c.n(20, 45)}分钟。`,
      ],
    },
    en: {
      cores: ["Community Telehealth", "5G Remote Consultation", "Neighbourhood Health Kiosk"],
      products: ["Platform", "Service"],
      pitch: [
        () => `Specialists from district hospitals consult remotely at the community health centre, so routine follow-ups stay local.`,
      ],
      problem: [
        () => `Older residents spend half a day at large hospitals just to renew a prescription.`,
        (c) => `Each general practitioner at the community health centre looks after more than ${c.n(1500, 2600, 100)} registered residents.`,
      ],
      solution: [
        fit(["cloud", "5g", "mobile-app"], (c) => `Self-service kiosks measure blood pressure, glucose and ECG, and ${c.tech} shares the results with the family doctor.`),
        fit(["5g", "cloud"], (c) => `A remote consultation link built on ${c.tech} connects the health centre with district hospitals, including images and lab results.`),
      ],
      feature: [() => `Approved repeat prescriptions are delivered to the door.`],
      metric: [(c) => `Each pilot site serves ${c.n(600, 3000, 50)} visits a month; a routine follow-up now takes about ${c.n(20, 45)} minutes.`],
    },
  },
  {
    key: "campus-security",
    domain: "life",
    scenarios: ["campus-security"],
    targets: ["students", "teachers", "parents", "children"],
    techs: ["ai", "facial-recognition", "video-analytics", "iot", "big-data"],
    zh: {
      cores: ["智慧校园安全管理", "校园安防预警", "中小学平安校园", "校园出入管理"],
      products: ["系统", "平台", "解决方案"],
      pitch: [
        () => `对校园出入、周界、食堂和公共卫生事件统一监测预警，事件处置全程留痕。`,
        (c) => `以${c.tech}守护校门口和校园内的每一个角落。`,
      ],
      problem: [
        (c) => `${c.ps}辖区内有中小学和幼儿园${c.n(12, 30)}所，上下学高峰校门口人车混行，陌生人进入难以及时识别。`,
        () => `学校安保人员少，监控画面多，欺凌、翻越围墙、食堂违规操作等情况往往事后才被发现。`,
      ],
      solution: [
        fit(["ai", "video-analytics", "facial-recognition"], (c) => `系统接入校门、周界、食堂和教学楼的摄像头，利用${c.tech}识别陌生人闯入、人员聚集、打架和烟火等异常。`),
        fit(["facial-recognition"], (c) => `师生和家长凭${c.tech}核验进出，访客需提前预约，异常情况自动通知保卫处和班主任。`),
      ],
      feature: [
        () => `晨检体温、缺勤和传染病症状数据自动汇总，达到阈值时提示学校启动公共卫生应急预案。`,
        () => `放学时段为家长提供接送到校提醒，减少校门口长时间聚集。`,
      ],
      metric: [
        (c) => `试点学校的安全事件平均发现时间由${c.n(20, 60)}分钟缩短到${c.n(1, 5)}分钟。`,
        (c) => `上线一个学期，校园周界告警误报率降至${c.n(2, 6)}%以下。`,
      ],
    },
    en: {
      cores: ["Smart Campus Security", "School Safety Alert", "Campus Access Control"],
      products: ["System", "Platform", "Solution"],
      pitch: [
        () => `One system that watches entrances, fences, canteens and public-health signals, and logs every incident to its close.`,
      ],
      problem: [
        (c) => `${c.pl} has ${c.n(12, 30)} schools and kindergartens; at drop-off time cars and people crowd the gates and strangers are hard to spot.`,
        () => `A handful of guards watch dozens of camera feeds, so bullying, fence-climbing or kitchen violations are found only afterwards.`,
      ],
      solution: [
        fit(["ai", "video-analytics", "facial-recognition"], (c) => `Cameras at gates, fences, canteen and corridors feed ${c.tech}, which flags intruders, crowding, fights, smoke and fire.`),
        fit(["facial-recognition"], (c) => `Staff, pupils and parents pass the gate with ${c.tech}; visitors book in advance and anomalies go straight to the security office.`),
      ],
      feature: [() => `Morning temperature checks and absence data are pooled and trigger the school's public-health plan at set thresholds.`],
      metric: [(c) => `At pilot schools the time to notice an incident fell from ${c.n(20, 60)} minutes to ${c.n(1, 5)}.`],
    },
  },
  {
    key: "smart-classroom",
    paired: true,
    domain: "life",
    scenarios: ["smart-classroom"],
    targets: ["students", "teachers"],
    techs: ["ai", "ar-vr", "5g", "cloud", "big-data"],
    zh: {
      cores: ["智慧教室", "互动课堂", "AI学情分析", "沉浸式实验课堂"],
      coreTheme: [0, 0, 0, 1],
      pitchTheme: [0, 1],
      products: ["系统", "平台", "解决方案"],
      pitch: [
        () => `让老师当堂看到每个学生的掌握情况，作业和练习因材施教。`,
        (c) => `借助${c.tech}把抽象的物理、化学实验变成看得见、摸得着的课堂。`,
      ],
      problem: [
        () => `一个班级四十多名学生，老师很难在课堂上了解每个人是否听懂，课后作业也多是“一刀切”。`,
        () => `部分实验存在安全风险或器材昂贵，学校只能以视频演示代替学生动手。`,
      ],
      solution: [
        fit(["ai", "big-data", "cloud"], (c) => `教室配备交互大屏和学生平板，系统通过${c.tech}实时汇总答题数据，生成班级与个人学情报告。`),
        fit(["ar-vr"], (c) => `利用${c.tech}构建虚拟实验室，学生可反复操作高风险实验，教师端同步查看操作步骤。`),
      ],
      feature: [
        () => `系统不采集学生面部表情数据，学情报告仅对任课教师和家长可见。`,
        () => `课堂录播自动切片，缺课学生可在家回看重点片段。`,
      ],
      metric: [
        (c) => `试点班级作业平均完成时间减少${c.n(15, 30)}%，单元测验及格率提升${c.n(5, 12)}个百分点。`,
      ],
    },
    en: {
      cores: ["Smart Classroom", "Interactive Lesson", "AI Learning Analytics", "Immersive Lab"],
      coreTheme: [0, 0, 0, 1],
      pitchTheme: [0],
      products: ["System", "Platform"],
      pitch: [() => `Shows the teacher during the lesson who has understood what, so homework can be tailored.`],
      problem: [
        () => `With over forty pupils per class, teachers cannot tell who is following, and homework is one-size-fits-all.`,
        () => `Some experiments are too risky or too costly to run, so pupils watch a video instead of doing them.`,
      ],
      solution: [
        fit(["ai", "big-data", "cloud"], (c) => `Interactive screens and tablets feed answers into ${c.tech}, producing class and individual progress reports.`),
        fit(["ar-vr"], (c) => `A virtual lab built with ${c.tech} lets pupils repeat experiments that are too risky or costly to run for real.`),
      ],
      feature: [() => `No facial-expression data is collected; reports are visible only to teachers and parents.`],
      metric: [(c) => `Pilot classes finished homework ${c.n(15, 30)}% faster and unit-test pass rates rose by ${c.n(5, 12)} points.`],
    },
  },
  {
    key: "community-services",
    domain: "life",
    scenarios: ["community-services", "grid-management"],
    targets: ["residents", "community-workers"],
    techs: ["mobile-app", "low-code", "big-data", "ai"],
    zh: {
      cores: ["一站式社区服务", "居民议事与报修", "社区志愿服务", "邻里互助"],
      products: ["平台", "系统"],
      pitch: [
        () => `居民报修、预约活动、志愿报名和社区通知集中在一个小程序里完成。`,
        (c) => `用${c.tech}替代居委会的纸质台账和十几个微信群。`,
      ],
      problem: [
        (c) => `一个居民区平均有${c.n(8, 20)}个微信群，通知靠转发，居民反映的问题分散在群聊里容易遗漏。`,
        () => `居委会工作人员大量时间花在填报表格上，同一份数据要向不同部门重复报送。`,
      ],
      solution: [
        fit(["mobile-app", "low-code"], (c) => `平台基于${c.tech}，居民提交的报修和建议自动分派给物业或居委会，处理进度全程可查。`),
        fit(["low-code", "mobile-app"], (c) => `居委会用${c.tech}自行配置报名、登记和问卷表单，数据一次采集、多处复用。`),
      ],
      feature: [
        () => `界面提供大字版和语音播报，方便老年居民使用。`,
        () => `志愿服务时长自动记录，可兑换社区积分和便民服务。`,
      ],
      metric: [
        (c) => `试点居民区的报修平均处理时间缩短到${c.n(1, 3)}天，居委会报表工作量减少约${c.n(30, 50)}%。`,
      ],
    },
    en: {
      cores: ["Neighbourhood Services App", "Resident Repair Requests", "Community Volunteering"],
      products: ["Platform", "App"],
      pitch: [() => `Repair requests, event sign-ups, volunteering and notices for residents in a single mini-program.`],
      problem: [(c) => `A typical residential estate runs ${c.n(8, 20)} chat groups, and residents' complaints get lost in the scroll.`],
      solution: [
        fit(["mobile-app", "low-code"], (c) => `Requests submitted through ${c.tech} are routed to the property manager or committee, and residents can follow their progress.`),
        fit(["low-code", "mobile-app"], (c) => `Committee staff build their own forms with ${c.tech}, so data collected once can be reused for every report.`),
      ],
      feature: [() => `A large-type, read-aloud mode makes it usable for older residents.`],
      metric: [(c) => `Repairs in pilot estates are now closed in ${c.n(1, 3)} days on average.`],
    },
  },
  {
    key: "accessible-travel",
    domain: "life",
    scenarios: ["accessible-travel"],
    targets: ["disabled", "elderly", "commuters"],
    techs: ["beidou", "mobile-app", "voice", "ai", "digital-twin"],
    zh: {
      cores: ["无障碍出行导航", "视障人士语音导航", "轮椅友好路线", "无障碍设施地图"],
      products: ["服务", "平台", "App"],
      pitch: [
        () => `为轮椅使用者和视障人士规划避开台阶、施工和坡道过陡的出行路线。`,
        (c) => `以${c.tech}提供从家门口到地铁站的无障碍导航。`,
      ],
      problem: [
        () => `人行道上的台阶、违停车辆和施工围挡，对轮椅使用者和视障人士来说都是难以逾越的障碍。`,
        (c) => `区内无障碍电梯、坡道和卫生间的信息分散，${c.n(30, 60)}%的残障受访者表示出门前无法确认设施是否可用。`,
      ],
      solution: [
        fit(["digital-twin", "beidou", "mobile-app"], (c) => `利用${c.tech}采集并标注无障碍设施，结合实时施工信息规划可通行路线。`),
        fit(["voice", "beidou"], (c) => `视障用户通过${c.tech}获得分步语音指引，到达路口时提示信号灯状态。`),
      ],
      feature: [() => `志愿者和居民可上报坏掉的无障碍设施，经核实后推送给管养单位维修。`],
      metric: [(c) => `已标注无障碍设施${c.n(800, 3000, 50)}处，试点用户平均出行时间缩短约${c.n(15, 30)}%。`],
    },
    en: {
      cores: ["Accessible Route Planner", "Audio Navigation for the Blind", "Wheelchair-Friendly Map"],
      products: ["Service", "App"],
      pitch: [() => `Routes for wheelchair users and blind pedestrians that avoid steps, roadworks and steep ramps.`],
      problem: [() => `Kerbs, illegally parked bikes and construction hoardings turn short trips into obstacle courses for disabled residents.`],
      solution: [fit(["digital-twin", "beidou", "mobile-app"], (c) => `Accessible facilities are mapped with ${c.tech} and combined with live roadworks data to plan passable routes.`)],
      feature: [() => `Residents can report broken ramps or lifts, which are passed on to the maintenance unit.`],
      metric: [(c) => `${c.n(800, 3000, 50)} facilities have been mapped so far.`],
    },
  },
  {
    key: "parking",
    domain: "life",
    scenarios: ["parking"],
    targets: ["commuters", "residents"],
    techs: ["iot", "video-analytics", "mobile-app", "big-data", "nb-iot"],
    zh: {
      cores: ["老旧小区错峰停车", "共享泊位", "智慧停车诱导", "路内停车管理"],
      products: ["平台", "系统", "服务"],
      pitch: [
        () => `把周边商务楼宇夜间空置的车位共享给居民，缓解老旧小区停车难。`,
        (c) => `以${c.tech}实时发布空余车位，减少绕行找车位。`,
      ],
      problem: [
        (c) => `${c.site}所在小区建于上世纪八十年代，${c.n(600, 1500, 10)}户居民只有${c.n(80, 260, 10)}个车位，夜间占道停车严重。`,
        () => `医院、菜场周边高峰时段一位难求，寻找车位的车辆加剧了道路拥堵。`,
      ],
      solution: [
        fit(["iot", "nb-iot", "video-analytics"], (c) => `在共享车位安装地磁或视频检测设备，通过${c.tech}统一发布空位，居民按月预约错峰使用。`),
        fit(["big-data", "mobile-app"], (c) => `平台利用${c.tech}汇总路内、公共停车场和楼宇车位，向驾驶员推荐最近空位并引导入场。`),
      ],
      feature: [() => `共享车位到时未离场会自动提醒，影响企业次日使用的车辆计入信用记录。`],
      metric: [(c) => `试点区域盘活共享车位${c.n(120, 600, 10)}个，夜间占道停车减少约${c.n(30, 60)}%。`],
    },
    en: {
      cores: ["Shared Parking", "Parking Guidance", "Off-peak Parking for Old Estates"],
      products: ["Platform", "Service"],
      pitch: [() => `Opens office car parks to residents at night to ease parking in older estates.`],
      problem: [(c) => `An estate near ${c.site} has ${c.n(600, 1500, 10)} households and only ${c.n(80, 260, 10)} parking spaces.`],
      solution: [fit(["iot", "nb-iot", "video-analytics"], (c) => `Bays are fitted with ${c.tech} so free spaces are published live and residents can book night-time slots.`)],
      feature: [() => `Drivers who overstay into office hours are reminded and recorded.`],
      metric: [(c) => `${c.n(120, 600, 10)} shared spaces were opened in the pilot area.`],
    },
  },
  {
    key: "fire-gas",
    domain: "governance",
    scenarios: ["fire-gas-safety"],
    targets: ["residents", "property-staff", "elderly"],
    techs: ["iot", "nb-iot", "ai", "video-analytics", "edge-computing"],
    zh: {
      cores: ["居民楼火灾隐患感知", "住宅消防物联网", "燃气泄漏智能监测", "楼道消防通道监测", "老旧小区智慧消防"],
      products: ["系统", "平台", "解决方案"],
      pitch: [
        () => `独立烟感、燃气探测和楼道占用识别联网，火情和隐患第一时间推送到物业和居委会。`,
        (c) => `用${c.tech}把居民楼的消防隐患从“事后处置”变为“事前发现”。`,
      ],
      problem: [
        (c) => `${c.ps}老旧住宅楼约${c.n(150, 500, 10)}幢，没有火灾自动报警系统，楼道堆物和私拉电线屡禁不止。`,
        () => `一旦居民不在家时厨房起火或燃气泄漏，邻居往往要闻到烟味才发现，错过最佳处置时间。`,
      ],
      solution: [
        fit(["iot", "nb-iot"], (c) => `在户内安装独立式烟感和燃气探测器，楼道部署摄像头，通过${c.tech}实时回传状态。`),
        fit(["ai", "video-analytics", "edge-computing"], (c) => `系统采用${c.tech}识别楼道堆物、消防通道占用和电动车进楼，告警同步推送给物业、居委会和消防站。`),
      ],
      feature: [
        () => `告警后先电话联系户主，无人接听时再通知网格员上门，避免因蚊香等误触发反复出警。`,
        () => `燃气探测器可联动切断阀，泄漏时自动关闭气源。`,
      ],
      metric: [
        (c) => `试点一年发现并处置火情苗头${c.n(10, 60)}起，楼道堆物整改${c.n(200, 900, 10)}处。`,
        (c) => `从告警到有人到场的平均时间缩短到${c.n(4, 12)}分钟。`,
      ],
    },
    en: {
      cores: ["Residential Fire Risk Sensing", "Smart Fire Safety for Old Estates", "Gas Leak Detection", "Stairwell Fire-Exit Monitoring"],
      products: ["System", "Platform", "Solution"],
      pitch: [
        () => `Networked smoke and gas detectors plus stairwell monitoring, with alerts to property managers and committees in seconds.`,
        (c) => `Uses ${c.tech} to find fire risks in residential blocks before they become fires.`,
      ],
      problem: [
        (c) => `${c.pl} has about ${c.n(150, 500, 10)} older residential blocks without automatic fire alarms, and clutter in stairwells keeps coming back.`,
        () => `When a kitchen fire starts while residents are out, neighbours usually notice only once smoke fills the stairwell.`,
      ],
      solution: [
        fit(["iot", "nb-iot"], (c) => `Stand-alone smoke and gas detectors in each flat and cameras in stairwells report their status over ${c.tech}.`),
        fit(["ai", "video-analytics", "edge-computing"], (c) => `Using ${c.tech}, the system spots blocked fire exits, stored clutter and e-bikes carried indoors, and alerts the property office and the fire station.`),
      ],
      feature: [
        () => `The resident is phoned first; only if nobody answers is a grid worker sent, which avoids repeated call-outs for mosquito coils.`,
      ],
      metric: [(c) => `In a year the pilot caught ${c.n(10, 60)} incipient fires and cleared ${c.n(200, 900, 10)} blocked stairwells.`],
    },
  },
  {
    key: "ebike-charging",
    domain: "governance",
    scenarios: ["ebike-charging", "fire-gas-safety"],
    targets: ["residents", "delivery-riders", "property-staff"],
    techs: ["iot", "video-analytics", "ai", "edge-computing"],
    zh: {
      cores: ["电动自行车进楼识别", "电瓶车安全充电", "非机动车充电棚"],
      products: ["系统", "解决方案", "设施"],
      pitch: [
        () => `电梯识别电动自行车自动阻止运行，小区集中充电棚充满自动断电。`,
        (c) => `以${c.tech}杜绝电动自行车进楼入户充电。`,
      ],
      problem: [
        () => `电动自行车进楼入户、飞线充电是居民楼火灾的主要诱因之一，劝阻难、反弹快。`,
        (c) => `小区内约有电动自行车${c.n(200, 800, 10)}辆，现有充电桩只能满足三成需求。`,
      ],
      solution: [
        fit(["video-analytics", "ai", "edge-computing"], (c) => `在电梯轿厢加装摄像头，通过${c.tech}识别电动自行车，语音劝阻并暂停电梯运行。`),
        fit(["iot"], (c) => `集中充电棚采用${c.tech}监测电池温度和电流，异常时断电并推送告警。`),
      ],
      feature: [() => `充电支持扫码和刷卡，夜间电价更低，鼓励错峰充电。`],
      metric: [(c) => `试点小区电动自行车进电梯次数下降${c.n(85, 98)}%。`],
    },
    en: {
      cores: ["E-bike Lift Blocker", "Safe E-bike Charging"],
      products: ["System", "Solution"],
      pitch: [() => `Stops lifts when an e-bike is wheeled in and provides safe charging sheds that cut power when full.`],
      problem: [() => `E-bikes charged inside flats are a leading cause of residential fires, and warnings alone do not work.`],
      solution: [fit(["video-analytics", "ai", "edge-computing"], (c) => `A camera in the lift car uses ${c.tech} to recognise e-bikes, plays a warning and holds the lift.`)],
      feature: [() => `Cheaper night-time tariffs encourage off-peak charging.`],
      metric: [(c) => `E-bikes taken into lifts fell by ${c.n(85, 98)}% in pilot estates.`],
    },
  },
  {
    key: "lift-safety",
    domain: "governance",
    scenarios: ["lift-safety"],
    targets: ["residents", "elderly", "property-staff"],
    techs: ["iot", "video-analytics", "ai", "5g"],
    zh: {
      cores: ["电梯运行安全监测", "加装电梯智能运维", "电梯困人应急"],
      products: ["系统", "平台"],
      pitch: [() => `实时监测电梯运行状态，困人、异常停梯自动报警，维保记录全程可追溯。`],
      problem: [
        (c) => `${c.ps}近年加装电梯${c.n(40, 160)}台，维保单位分散，故障报修依赖居民打电话。`,
        () => `电梯困人时老人往往不知如何呼救，轿厢内应急电话也常因线路老化无法接通。`,
      ],
      solution: [fit(["iot", "5g", "ai"], (c) => `在电梯控制柜和轿厢加装传感器，通过${c.tech}监测运行、门机和平层状态，困人时自动接通救援。`)],
      feature: [() => `维保人员到场需扫码签到，维保质量与物业考核挂钩。`],
      metric: [(c) => `困人救援平均到场时间缩短至${c.n(10, 20)}分钟。`],
    },
    en: {
      cores: ["Lift Safety Monitoring", "Smart Lift Maintenance"],
      products: ["System", "Platform"],
      pitch: [() => `Watches lifts in real time, raises the alarm when someone is trapped and keeps a verifiable maintenance record.`],
      problem: [(c) => `${c.pl} has retrofitted ${c.n(40, 160)} lifts into older blocks, serviced by many different contractors.`],
      solution: [fit(["iot", "5g", "ai"], (c) => `Sensors in the controller and car report over ${c.tech}; a trapped passenger is connected to rescue automatically.`)],
      feature: [() => `Technicians check in with a QR code, so every maintenance visit is on record.`],
      metric: [(c) => `Rescuers now arrive in ${c.n(10, 20)} minutes on average.`],
    },
  },
  {
    key: "smart-gate",
    domain: "governance",
    scenarios: ["smart-gate", "health-code"],
    targets: ["residents", "property-staff", "elderly"],
    techs: ["facial-recognition", "iot", "mobile-app", "big-data", "cloud"],
    zh: {
      cores: ["小区智能门禁", "智慧门岗", "社区出入管理", "人行道闸"],
      products: ["系统", "平台", "解决方案"],
      pitch: [
        () => `刷卡、刷脸、扫码等多种方式开门，访客预约登记，与健康码核验联动。`,
        (c) => `以${c.tech}替代门卫手工登记，让小区出入既安全又便捷。`,
      ],
      problem: [
        (c) => `${c.site}等老旧小区出入口多、门卫少，疫情防控期间人工查验健康码需要${c.n(3, 6)}名志愿者轮班。`,
        () => `外卖、快递和访客进出频繁，纸质登记信息不全，出了问题也难以追溯。`,
      ],
      solution: [
        fit(["big-data", "cloud"], (c) => `门禁支持门禁卡、人脸、二维码、支付宝和手机蓝牙等方式开门，后台通过${c.tech}与实有人口信息比对。`),
        fit(["mobile-app", "big-data"], (c) => `访客通过小程序预约，系统采用${c.tech}自动核验健康码和行程信息，异常时提醒门岗复核。`),
        fit(["facial-recognition"], (c) => `门禁终端采用${c.tech}，戴口罩也能在1秒内完成识别，人脸库随实有人口信息自动更新。`),
        fit(["iot"], (c) => `门锁、道闸和对讲通过${c.tech}联网，断网时仍可本地开门，故障自动报修。`),
      ],
      feature: [
        () => `为不会使用智能手机的老人提供纸质二维码和实体卡。`,
        () => `人脸数据只在本地门禁设备中比对，不上传、不出小区。`,
      ],
      metric: [
        (c) => `已覆盖${c.n(20, 60)}个居民小区，门岗登记工作量减少${c.n(50, 80)}%。`,
        (c) => `高峰时段人均通行时间不到${c.n(2, 4)}秒。`,
      ],
    },
    en: {
      cores: ["Smart Estate Gate", "Intelligent Gate Guard", "Residential Access Control"],
      products: ["System", "Platform", "Solution"],
      pitch: [
        () => `Opens the estate gate by card, face, QR code or Alipay, registers visitors and checks health codes.`,
        (c) => `Replaces handwritten visitor logs with ${c.tech}.`,
      ],
      problem: [
        (c) => `Older estates such as the one at ${c.site} have many gates and few guards; checking health codes needed ${c.n(3, 6)} volunteers per shift.`,
      ],
      solution: [
        fit(["big-data", "cloud"], (c) => `Residents open the gate in six ways, including card, face, QR code and Alipay; ${c.tech} keeps the resident list up to date.`),
        fit(["mobile-app", "big-data"], (c) => `Visitors book through a mini-program and ${c.tech} checks their health code before arrival.`),
        fit(["facial-recognition"], (c) => `Gate terminals use ${c.tech} and recognise residents in under a second, even with a mask.`),
      ],
      feature: [() => `Seniors without smartphones receive a printed QR code from the neighbourhood committee.`],
      metric: [(c) => `Now running in ${c.n(20, 60)} estates, with gate registration work down by ${c.n(50, 80)}%.`],
    },
  },
  {
    key: "manhole",
    domain: "governance",
    scenarios: ["manhole-monitoring"],
    targets: ["residents", "officials"],
    techs: ["nb-iot", "iot", "digital-twin", "beidou"],
    zh: {
      cores: ["窨井盖异动监测", "智能井盖", "地下管网井盖"],
      products: ["系统", "平台", "解决方案"],
      pitch: [
        () => `井盖被移位、破损或井下水位过高时自动报警，防止行人跌落和车辆损坏。`,
        (c) => `以${c.tech}让道路上的每一个井盖都“会说话”。`,
      ],
      problem: [
        (c) => `辖区道路上有各类窨井盖约${c.n(3000, 12000, 100)}个，分属供水、排水、燃气、通信等多家单位，巡查主要靠人工。`,
        () => `井盖丢失或移位多在夜间发生，等到市民报告时往往已经有车辆受损。`,
      ],
      solution: [
        fit(["nb-iot", "iot"], (c) => `在井盖内侧加装倾角和水位传感器，通过${c.tech}上报状态，平台按权属单位自动派单。`),
        fit(["digital-twin", "beidou"], (c) => `系统利用${c.tech}在地图上标注每个井盖的位置和权属，异常时推送最近的养护人员。`),
      ],
      feature: [() => `传感器电池寿命五年以上，无需改造井盖结构即可安装。`],
      metric: [
        (c) => `试点路段井盖异常平均处置时间从${c.n(6, 24)}小时缩短到${c.n(30, 90)}分钟。`,
        (c) => `已接入井盖${c.n(500, 4000, 50)}个，全年未发生井盖缺失伤人事件。`,
      ],
    },
    en: {
      cores: ["Smart Manhole Cover", "Manhole Displacement Alert"],
      products: ["System", "Platform"],
      pitch: [() => `Raises an alarm when a manhole cover is moved, broken or the water below rises too high.`],
      problem: [(c) => `The roads here have about ${c.n(3000, 12000, 100)} manhole covers belonging to different utilities, inspected by hand.`],
      solution: [fit(["nb-iot", "iot"], (c) => `Tilt and water-level sensors under each cover report over ${c.tech}, and faults are dispatched to the owning utility.`)],
      feature: [() => `Sensors last five years and fit without modifying the cover.`],
      metric: [(c) => `Repairs on pilot roads now take ${c.n(30, 90)} minutes instead of ${c.n(6, 24)} hours.`],
    },
  },
  {
    key: "full-bins",
    domain: "governance",
    scenarios: ["full-bins", "waste-sorting"],
    targets: ["residents", "property-staff"],
    techs: ["iot", "video-analytics", "ai", "rfid"],
    zh: {
      cores: ["垃圾箱房满溢提醒", "垃圾分类智能督导", "生活垃圾清运调度"],
      products: ["系统", "平台", "解决方案"],
      pitch: [
        () => `垃圾桶快满时自动通知保洁员清运，分类投放情况实时可查。`,
        (c) => `以${c.tech}告别“垃圾满了没人管、清运车空跑”。`,
      ],
      problem: [
        () => `定时定点投放后，部分垃圾箱房高峰时满溢、平时空置，保洁员只能按固定班次巡查。`,
        (c) => `小区湿垃圾分出率约${c.n(20, 30)}%，混投问题集中在晚间无人值守时段。`,
      ],
      solution: [
        fit(["iot"], (c) => `在垃圾桶内安装满溢传感器，通过${c.tech}上报，容量超过80%即派单给就近保洁员。`),
        fit(["video-analytics", "ai"], (c) => `箱房摄像头利用${c.tech}识别混投、乱扔和未破袋行为，统计数据推送给居委会和物业。`),
        fit(["rfid"], (c) => `每只垃圾桶贴有${c.tech}，清运时自动记录楼栋、桶数和重量，分类质量可追溯到楼栋。`),
      ],
      feature: [() => `清运车辆按满溢数据动态规划路线，减少空驶。`],
      metric: [
        (c) => `试点后满溢投诉下降${c.n(60, 90)}%，清运车辆每日行驶里程减少约${c.n(15, 30)}%。`,
        (c) => `湿垃圾分出率提升到${c.n(32, 40)}%。`,
      ],
    },
    en: {
      cores: ["Full-Bin Alert", "Waste Sorting Monitor", "Refuse Collection Dispatch"],
      products: ["System", "Platform"],
      pitch: [() => `Tells cleaners when bins are nearly full and shows how well waste is sorted.`],
      problem: [() => `Some bin rooms overflow at peak times while others sit half-empty, yet cleaners follow fixed rounds.`],
      solution: [fit(["iot"], (c) => `Fill-level sensors report over ${c.tech}; at 80% a job goes to the nearest cleaner.`)],
      feature: [() => `Collection trucks are routed by fill level to avoid empty runs.`],
      metric: [(c) => `Overflow complaints fell by ${c.n(60, 90)}% after the pilot.`],
    },
  },
  {
    key: "high-rise-littering",
    domain: "governance",
    scenarios: ["high-rise-littering"],
    targets: ["residents", "property-staff"],
    techs: ["video-analytics", "ai", "edge-computing"],
    zh: {
      cores: ["高空抛物智能监测", "高空坠物追溯", "楼宇外立面监测"],
      products: ["系统", "解决方案", "平台"],
      pitch: [
        () => `仰拍摄像头配合轨迹算法，自动发现并回溯高空抛物的楼层和窗口。`,
        (c) => `用${c.tech}守护“头顶上的安全”。`,
      ],
      problem: [
        (c) => `${c.site}小区一年内发生高空抛物投诉${c.n(10, 40)}起，因无法确定抛物楼层，调查多无结果。`,
        () => `高空抛物屡禁不止，人工排查需要逐户询问，既耗时又容易引发邻里矛盾。`,
      ],
      solution: [
        fit(["video-analytics", "ai", "edge-computing"], (c) => `在楼宇底部安装仰拍摄像头，通过${c.tech}识别下落物体并回溯起始楼层与窗口，生成证据视频。`),
        fit(["edge-computing", "ai"], (c) => `系统采用${c.tech}在本地完成识别，只上传事件片段，不存储居民日常画面。`),
      ],
      feature: [() => `事件自动推送给物业和居委会，可配合社区民警开展宣传教育。`],
      metric: [(c) => `试点小区高空抛物事件下降${c.n(70, 95)}%，识别准确率约${c.n(90, 97)}%。`],
    },
    en: {
      cores: ["High-Rise Littering Detection", "Falling Object Tracking"],
      products: ["System", "Solution"],
      pitch: [() => `Upward-facing cameras and trajectory tracking identify the floor and window an object was thrown from.`],
      problem: [(c) => `An estate at ${c.site} logged ${c.n(10, 40)} complaints about objects thrown from windows in a year, none resolved.`],
      solution: [fit(["video-analytics", "ai", "edge-computing"], (c) => `Cameras at the foot of each block use ${c.tech} to detect falling objects and trace them back to the window.`)],
      feature: [() => `Only event clips are uploaded; routine footage stays on the device.`],
      metric: [(c) => `Incidents fell by ${c.n(70, 95)}% in pilot estates.`],
    },
  },
  {
    key: "illegal-construction",
    domain: "governance",
    scenarios: ["illegal-construction", "grid-management"],
    targets: ["officials", "community-workers"],
    techs: ["drones", "ai", "digital-twin", "video-analytics"],
    zh: {
      cores: ["违法搭建智能发现", "屋顶违建巡查", "城市管理无人机巡查"],
      products: ["系统", "平台", "服务"],
      pitch: [
        () => `无人机定期航拍比对，新增违法搭建和群租迹象自动标记并派单。`,
        (c) => `以${c.tech}把违建发现从“居民举报”变为“主动发现”。`,
      ],
      problem: [
        () => `屋顶和天井的违法搭建隐蔽性强，城管队员难以逐楼巡查，发现时往往已经完工。`,
        (c) => `每年接到的违建投诉约${c.n(100, 400, 10)}件，取证需要多次上门。`,
      ],
      solution: [
        fit(["drones"], (c) => `利用${c.tech}定期获取高清影像，与上一期数据比对，自动识别新增构筑物并标注位置。`),
        fit(["ai", "video-analytics"], (c) => `系统通过${c.tech}识别施工围挡、建材堆放等早期迹象，提前介入劝阻。`),
      ],
      feature: [() => `发现结果与房屋档案关联，便于城管和街道联合执法。`],
      metric: [(c) => `试点区域新增违建发现时间平均提前${c.n(20, 45)}天，拆违成本下降约${c.n(30, 60)}%。`],
    },
    en: {
      cores: ["Illegal Construction Detection", "Rooftop Structure Survey"],
      products: ["System", "Service"],
      pitch: [() => `Regular drone surveys compared with earlier images flag new illegal structures automatically.`],
      problem: [() => `Structures built on roofs and in courtyards are hard to see from the street and are often finished before anyone notices.`],
      solution: [fit(["drones"], (c) => `High-resolution images from ${c.tech} are compared with the previous survey to mark new structures on the map.`)],
      feature: [() => `Findings are linked to building records for joint enforcement.`],
      metric: [(c) => `New structures are now spotted about ${c.n(20, 45)} days earlier.`],
    },
  },
  {
    key: "historic-buildings",
    domain: "governance",
    scenarios: ["historic-buildings", "culture-tourism"],
    targets: ["residents", "officials", "tourists"],
    techs: ["iot", "digital-twin", "ar-vr", "5g"],
    zh: {
      cores: ["历史建筑健康监测", "优秀历史建筑保护", "老建筑结构安全感知"],
      products: ["系统", "平台", "解决方案"],
      pitch: [
        () => `为历史建筑加装倾斜、裂缝、温湿度传感器，损坏刚发生就能被发现。`,
        (c) => `以${c.tech}为苏州河畔的老建筑建立“健康档案”。`,
      ],
      problem: [
        (c) => `区内登记的历史建筑和风貌保护建筑约${c.n(40, 120)}处，不少仍有居民居住，木结构和砖墙老化明显。`,
        () => `历史建筑的损坏往往是缓慢累积的，人工定期检测频次低，难以及时发现裂缝扩展和沉降。`,
      ],
      solution: [
        fit(["iot", "5g"], (c) => `在梁柱、墙体关键部位布设倾角、裂缝计和温湿度传感器，通过${c.tech}持续上传数据并建立三维模型。`),
        fit(["digital-twin"], (c) => `利用${c.tech}采集建筑点云，修缮前后对比一目了然。`),
      ],
      feature: [() => `周边施工振动超限时自动提醒施工单位暂停作业。`],
      metric: [(c) => `已为${c.n(8, 40)}处历史建筑建档，累计预警结构异常${c.n(5, 30)}次。`],
    },
    en: {
      cores: ["Historic Building Monitoring", "Heritage Structure Sensing"],
      products: ["System", "Platform"],
      pitch: [() => `Tilt, crack and humidity sensors on historic buildings so damage is spotted as soon as it occurs.`],
      problem: [(c) => `The district lists about ${c.n(40, 120)} historic buildings, many still lived in and showing their age.`],
      solution: [fit(["iot", "5g"], (c) => `Sensors on beams and walls stream data through ${c.tech} into a 3D model of each building.`)],
      feature: [() => `Vibration from nearby construction above a threshold triggers a stop-work notice.`],
      metric: [(c) => `${c.n(8, 40)} buildings are now monitored, with ${c.n(5, 30)} structural warnings so far.`],
    },
  },
  {
    key: "public-toilets",
    domain: "governance",
    scenarios: ["public-toilets"],
    targets: ["residents", "tourists", "officials"],
    techs: ["iot", "big-data", "mobile-app"],
    zh: {
      cores: ["智慧公厕", "公厕客流统计", "公厕环境监测"],
      products: ["系统", "平台"],
      pitch: [
        () => `红外计数男女如厕人数，异味超标自动通知保洁，为公厕改造提供数据。`,
        (c) => `以${c.tech}让公厕保洁和改建“按需而定”。`,
      ],
      problem: [
        () => `公厕保洁按固定频次进行，高峰时段异味和排队问题突出，改建时男女厕位比例缺少依据。`,
        (c) => `辖区${c.n(20, 60)}座公厕中，约三成在节假日出现女厕排长队。`,
      ],
      solution: [
        fit(["big-data", "iot"], (c) => `在公厕入口安装红外计数器，分别统计男女如厕人次，通过${c.tech}汇总分析。`),
        fit(["iot"], (c) => `厕内氨气、硫化氢传感器采用${c.tech}，超标即通知保洁员。`),
      ],
      feature: [() => `居民可在地图小程序上查看附近公厕位置、开放时间和空闲厕位。`],
      metric: [(c) => `试点公厕保洁投诉下降${c.n(40, 75)}%。`],
    },
    en: {
      cores: ["Smart Public Toilet", "Public Toilet Footfall Counter"],
      products: ["System", "Platform"],
      pitch: [() => `Infrared counters log male and female users and odour sensors call cleaners, giving data for renovations.`],
      problem: [() => `Public toilets are cleaned on a fixed schedule, and the ratio of cubicles is decided without data.`],
      solution: [fit(["big-data", "iot"], (c) => `Infrared counters at each entrance feed ${c.tech}, separating male and female visits by hour.`)],
      feature: [() => `A map shows nearby toilets, opening hours and free cubicles.`],
      metric: [(c) => `Cleaning complaints dropped ${c.n(40, 75)}% at pilot sites.`],
    },
  },
  {
    key: "flood-warning",
    domain: "governance",
    scenarios: ["flood-warning", "emergency-response"],
    targets: ["residents", "officials"],
    techs: ["iot", "nb-iot", "digital-twin", "big-data"],
    zh: {
      cores: ["下立交积水预警", "防汛积水监测", "低洼小区防汛"],
      products: ["系统", "平台"],
      pitch: [() => `实时监测下立交、低洼路段和小区的积水深度，超过警戒值自动封闭和疏导。`],
      problem: [
        () => `汛期短时强降雨后，下立交和低洼小区积水上涨快，车辆误入和地下车库进水时有发生。`,
        (c) => `辖区有易积水点位${c.n(15, 50)}处，过去依赖人员冒雨值守。`,
      ],
      solution: [fit(["iot", "nb-iot"], (c) => `在易积水点位安装超声波水位计，通过${c.tech}每分钟回传，结合降雨预报预测积水趋势。`), fit(["digital-twin", "big-data"], (c) => `利用${c.tech}把水位、雨量和排水泵站数据叠加分析，提前一小时预测积水范围。`)],
      feature: [() => `积水超过警戒值时，道路诱导屏自动发布绕行提示。`],
      metric: [(c) => `去年汛期提前预警积水${c.n(15, 60)}次，未发生车辆被困事件。`],
    },
    en: {
      cores: ["Underpass Flood Warning", "Flood-Prone Street Monitoring"],
      products: ["System", "Platform"],
      pitch: [() => `Measures water depth in underpasses and low-lying streets and closes them before cars get stuck.`],
      problem: [(c) => `The district has ${c.n(15, 50)} known flood spots, so far watched by staff standing in the rain.`],
      solution: [fit(["iot", "nb-iot"], (c) => `Ultrasonic gauges report every minute over ${c.tech}, combined with rainfall forecasts.`)],
      feature: [() => `Roadside signs show diversions when water passes the warning level.`],
      metric: [(c) => `Last flood season it gave ${c.n(15, 60)} early warnings and no vehicle was trapped.`],
    },
  },
  {
    key: "environment",
    domain: "governance",
    scenarios: ["environment"],
    targets: ["residents", "officials", "merchants"],
    techs: ["iot", "ai", "big-data", "video-analytics"],
    zh: {
      cores: ["餐饮油烟在线监测", "工地扬尘噪声监测", "社区环境质量感知", "河道水质监测"],
      products: ["系统", "平台"],
      pitch: [() => `油烟、扬尘、噪声和水质数据在线监测，超标自动告警并推送给责任单位。`],
      problem: [
        () => `沿街餐饮油烟和夜间施工噪声是居民投诉的热点，执法取证难、反复投诉多。`,
        (c) => `全年环境类投诉约${c.n(300, 1200, 10)}件，其中油烟和噪声占六成以上。`,
      ],
      solution: [fit(["iot", "ai", "big-data", "video-analytics"], (c) => `在排烟口、工地围挡和河道布设监测设备，通过${c.tech}实时分析，超标时自动留存证据。`)],
      feature: [() => `商户可在手机上查看自家净化设备运行情况，清洗提醒到期推送。`],
      metric: [(c) => `试点区域油烟噪声投诉下降${c.n(30, 60)}%。`],
    },
    en: {
      cores: ["Restaurant Fume Monitoring", "Construction Dust & Noise Monitor", "Creek Water Quality"],
      products: ["System", "Platform"],
      pitch: [() => `Online monitoring of cooking fumes, dust, noise and water quality, with alerts to whoever is responsible.`],
      problem: [() => `Restaurant fumes and night-time building noise top residents' complaints, and evidence is hard to collect.`],
      solution: [fit(["iot", "ai", "big-data", "video-analytics"], (c) => `Monitors at exhausts, site hoardings and the creek feed ${c.tech}; readings above limits are stored as evidence.`)],
      feature: [() => `Shop owners see their filter status on the phone and get cleaning reminders.`],
      metric: [(c) => `Complaints in the pilot area fell ${c.n(30, 60)}%.`],
    },
  },
  {
    key: "market-supervision",
    paired: true,
    domain: "governance",
    scenarios: ["market-supervision", "food-safety"],
    targets: ["merchants", "officials", "residents"],
    techs: ["video-analytics", "ai", "blockchain", "big-data"],
    zh: {
      cores: ["明厨亮灶智能监管", "菜市场食品安全追溯", "餐饮后厨AI巡检"],
      coreTheme: [0, 1, 0],
      pitchTheme: [-1, -1],
      products: ["系统", "平台"],
      pitch: [
        () => `后厨视频AI识别未戴口罩、老鼠出没等问题，食品来源可扫码追溯。`,
        (c) => `以${c.tech}让市场监管从“人盯”变“智管”。`,
      ],
      problem: [
        (c) => `辖区有餐饮单位约${c.n(1500, 4000, 100)}家，监管人员每人要负责数百家，日常检查难以全覆盖。`,
        () => `菜市场食品来源记录多为纸质台账，出现问题时很难快速追溯到批次。`,
      ],
      solution: [
        fit(["video-analytics", "ai"], (c) => `后厨摄像头接入平台，通过${c.tech}识别未戴帽子口罩、违规吸烟、鼠患等行为，自动抓拍并通知商户整改。`),
        fit(["blockchain", "big-data"], (c) => `菜场商户进货时扫码登记，利用${c.tech}记录来源和检测结果，消费者扫码即可查看。`),
      ],
      feature: [() => `整改情况计入商户信用档案，表现好的商户减少检查频次。`],
      metric: [(c) => `试点商户后厨违规行为减少${c.n(50, 80)}%，监管检查效率提升约${c.n(2, 4)}倍。`],
    },
    en: {
      cores: ["Open Kitchen AI Inspection", "Wet Market Traceability", "Smart Market Supervision"],
      coreTheme: [0, 1, 0],
      pitchTheme: [-1],
      products: ["System", "Platform"],
      pitch: [() => `Kitchen cameras with AI flag missing masks or pests, and food in wet markets can be traced by QR code.`],
      problem: [(c) => `About ${c.n(1500, 4000, 100)} restaurants are supervised by a small team that cannot inspect them all regularly.`],
      solution: [fit(["video-analytics", "ai"], (c) => `Kitchen cameras feed ${c.tech}, which captures violations and asks the owner to fix them.`)],
      feature: [() => `Good records mean fewer inspections for compliant businesses.`],
      metric: [(c) => `Kitchen violations fell ${c.n(50, 80)}% among pilot restaurants.`],
    },
  },
  {
    key: "grid-management",
    domain: "governance",
    scenarios: ["grid-management", "city-brain"],
    targets: ["community-workers", "officials"],
    techs: ["big-data", "ai", "mobile-app", "digital-twin", "knowledge-graph"],
    zh: {
      cores: ["街道网格化管理", "一网统管街镇平台", "城市运行事件处置", "网格员移动巡查"],
      products: ["平台", "系统", "App"],
      pitch: [
        () => `网格员发现、上报、派单、处置、核查全流程在手机上闭环。`,
        (c) => `以${c.tech}把街道的人、房、事、物汇在“一张图”上。`,
      ],
      problem: [
        (c) => `${c.pl}划分为${c.n(20, 60)}个网格，事件来自12345热线、巡查和居民报告，分散在多个系统中。`,
        () => `同一问题被不同部门反复派单，处置结果难以核实，考核只能看数量不看质量。`,
      ],
      solution: [
        fit(["big-data", "ai", "knowledge-graph"], (c) => `平台通过${c.tech}汇聚热线、巡查、物联感知事件，自动识别重复工单并按职责派单。`),
        fit(["ai", "knowledge-graph"], (c) => `网格员使用移动端拍照上报，系统利用${c.tech}自动分类并推荐处置部门。`),
        fit(["digital-twin"], (c) => `平台基于${c.tech}构建街道“一张图”，人口、房屋、部件和事件叠加显示。`),
        fit(["mobile-app"], (c) => `网格员通过${c.tech}拍照上报、接单和反馈，处置结果由居民在线评价。`),
      ],
      feature: [() => `高发问题按网格生成热力图，帮助街道提前部署巡查力量。`],
      metric: [(c) => `事件平均处置时长缩短${c.n(25, 50)}%，重复派单减少约${c.n(40, 70)}%。`],
    },
    en: {
      cores: ["Grid Management", "Street-Level Operations Platform", "Field Inspection App"],
      products: ["Platform", "System"],
      pitch: [() => `Report, dispatch, fix and verify: the whole loop for grid workers on one phone.`],
      problem: [(c) => `${c.pl} is divided into ${c.n(20, 60)} grids, and incidents arrive through several separate systems.`],
      solution: [fit(["big-data", "ai", "knowledge-graph"], (c) => `The platform pools hotline, patrol and sensor events with ${c.tech}, merges duplicates and routes them by responsibility.`)],
      feature: [() => `Heat maps of recurring problems help plan patrols.`],
      metric: [(c) => `Average time to close an incident fell by ${c.n(25, 50)}%.`],
    },
  },
  {
    key: "city-brain",
    domain: "governance",
    scenarios: ["city-brain", "emergency-response"],
    targets: ["officials"],
    techs: ["iot", "big-data", "ai", "cloud", "digital-twin", "5g"],
    zh: {
      cores: ["城市大脑物联感知", "城市运行体征监测", "城运数字驾驶舱", "城市生命线监测"],
      products: ["平台", "系统", "解决方案"],
      pitch: [
        () => `汇聚全区物联网感知设备，按紧急程度以不同颜色在大屏上显示，红色告警立即处置。`,
        (c) => `以${c.tech}让城市运行状况在手机上实时可见。`,
      ],
      problem: [
        () => `各部门的感知设备和业务系统各自建设，数据标准不一，突发事件时难以形成统一视图。`,
        (c) => `全区已部署各类物联网设备约${c.n(60, 100)}000个，但多数数据只在本部门使用。`,
      ],
      solution: [
        fit(["iot", "5g", "cloud", "big-data"], (c) => `平台通过${c.tech}接入烟感、水位、井盖、视频等感知数据，统一编码后在地图上按红、橙、黄、蓝分级显示。`),
        fit(["digital-twin", "ai", "big-data"], (c) => `利用${c.tech}建立燃气、供水、桥梁等城市生命线的运行模型，提前识别风险。`),
      ],
      feature: [() => `告警信息直接推送到值班领导和责任人的手机，处置过程全程留痕。`],
      metric: [(c) => `试运行以来累计处置告警${c.n(2000, 9000, 100)}条，重大事件平均响应时间缩短到${c.n(5, 15)}分钟。`],
    },
    en: {
      cores: ["City Brain IoT", "Urban Operations Dashboard", "City Lifeline Monitoring"],
      products: ["Platform", "System"],
      pitch: [() => `Brings the district's IoT sensors onto one colour-coded screen; a red alert means immediate action.`],
      problem: [() => `Departments built their sensors and systems separately, so an emergency has no single picture.`],
      solution: [fit(["iot", "5g", "cloud", "big-data"], (c) => `The platform ingests smoke, water-level, manhole and video data through ${c.tech} and shows it by severity on a map.`)],
      feature: [() => `Alerts go straight to the phones of the officials on duty.`],
      metric: [(c) => `${c.n(2000, 9000, 100)} alerts have been handled since the trial began.`],
    },
  },
  {
    key: "one-stop-services",
    domain: "governance",
    scenarios: ["one-stop-services"],
    targets: ["residents", "businesses", "elderly"],
    techs: ["ai", "nlp", "knowledge-graph", "mobile-app", "privacy-computing"],
    zh: {
      cores: ["“一网通办”智能客服", "政务服务智能导办", "免申即享", "社区事务受理"],
      products: ["系统", "平台", "服务"],
      pitch: [
        () => `群众办事先问AI导办员，材料一次讲清、一次备齐、一次办成。`,
        (c) => `用${c.tech}让符合条件的居民“免申即享”补贴和服务。`,
      ],
      problem: [
        () => `居民到社区事务受理中心办事，常因材料不全往返多次，窗口咨询量大。`,
        (c) => `受理中心日均咨询约${c.n(300, 900, 10)}人次，其中${c.n(50, 70)}%是重复性问题。`,
      ],
      solution: [
        fit(["ai", "nlp", "knowledge-graph"], (c) => `智能导办基于${c.tech}理解群众提问，生成个性化材料清单并支持在线预审。`),
        fit(["privacy-computing", "big-data"], (c) => `平台利用${c.tech}在保护隐私的前提下比对部门数据，主动推送符合条件的补贴和服务。`),
      ],
      feature: [() => `提供方言语音输入和视频帮办，老年人也能在家办事。`],
      metric: [(c) => `试点窗口平均办理时间缩短${c.n(30, 50)}%，一次办成率提升至${c.n(90, 98)}%。`],
    },
    en: {
      cores: ["AI Service Assistant", "Proactive Benefits", "Online Service Guide"],
      products: ["System", "Service"],
      pitch: [() => `An AI guide tells residents exactly which documents to bring, so each errand takes one visit.`],
      problem: [(c) => `The service centre answers about ${c.n(300, 900, 10)} enquiries a day, most of them repeated questions.`],
      solution: [fit(["ai", "nlp", "knowledge-graph"], (c) => `The assistant uses ${c.tech} to understand questions and produce a personal document checklist with online pre-checks.`)],
      feature: [() => `Dialect voice input and video help let older residents apply from home.`],
      metric: [(c) => `Processing time at pilot counters fell by ${c.n(30, 50)}%.`],
    },
  },
  {
    key: "smart-hotel",
    domain: "economy",
    scenarios: ["smart-hotel"],
    targets: ["tourists", "businesses"],
    techs: ["iot", "facial-recognition", "robotics", "voice", "cloud"],
    zh: {
      cores: ["智慧酒店", "酒店无接触入住", "客房智能控制", "酒店送物机器人"],
      products: ["解决方案", "系统", "平台"],
      pitch: [
        () => `自助办理入住、语音控制客房、机器人送物，减少接触、提升效率。`,
        (c) => `以${c.tech}帮助中小酒店低成本完成数字化升级。`,
      ],
      problem: [
        () => `中小酒店人力成本占比高，夜间前台和送物人手紧张，客人等待时间长。`,
        (c) => `区内商务酒店约${c.n(60, 160)}家，多数仍使用传统门锁和人工登记。`,
      ],
      solution: [
        fit(["facial-recognition"], (c) => `客人通过自助终端或手机完成身份核验和入住，房卡可替换为${c.tech}开门。`),
        fit(["iot", "voice", "cloud"], (c) => `客房灯光、空调和窗帘通过${c.tech}联动，送物机器人自主乘梯送达房间。`),
        fit(["robotics"], (c) => `酒店配备${c.tech}，可自主乘梯把毛巾、外卖送到客房门口，前台无需离岗。`),
      ],
      feature: [() => `能耗数据按房间统计，无人时自动关闭空调照明。`],
      metric: [(c) => `试点酒店前台人力节省约${c.n(20, 40)}%，客房能耗下降${c.n(10, 25)}%。`],
    },
    en: {
      cores: ["Smart Hotel", "Contactless Hotel Check-in", "Guest Room Automation", "Hotel Delivery Robot"],
      products: ["Solution", "System"],
      pitch: [() => `Self check-in, voice-controlled rooms and robot deliveries for small and mid-sized hotels.`],
      problem: [(c) => `About ${c.n(60, 160)} business hotels in the district still use key cards and paper registration.`],
      solution: [fit(["iot", "voice", "cloud"], (c) => `Guests verify their identity at a kiosk or on the phone, and room lights, air-conditioning and curtains run on ${c.tech}.`)],
      feature: [() => `Energy use is tracked per room, and empty rooms switch off automatically.`],
      metric: [(c) => `Pilot hotels saved about ${c.n(20, 40)}% of front-desk staffing and ${c.n(10, 25)}% of room energy.`],
    },
  },
  {
    key: "smart-park",
    domain: "economy",
    scenarios: ["smart-park", "enterprise-services"],
    targets: ["businesses", "professionals"],
    techs: ["iot", "5g", "digital-twin", "ai", "edge-computing"],
    zh: {
      cores: ["智慧园区运营", "商务楼宇数字化", "5G园区专网", "楼宇能耗管理"],
      products: ["平台", "解决方案", "系统"],
      pitch: [
        () => `园区安防、能耗、停车、访客和企业服务统一在一个数字孪生平台上运营。`,
        (c) => `以${c.tech}帮助园区降低能耗、提升招商和服务效率。`,
      ],
      problem: [
        (c) => `区内重点商务楼宇${c.n(40, 60)}幢、产业园区${c.n(5, 12)}个，各楼宇物业系统互不相通，企业服务靠人工对接。`,
        () => `园区能耗账单逐年上涨，但无法定位到具体楼层和设备。`,
      ],
      solution: [
        fit(["digital-twin"], (c) => `平台基于${c.tech}构建园区三维模型，接入安防、能耗、电梯、停车等子系统统一展示和调度。`),
        fit(["iot", "ai", "edge-computing", "5g"], (c) => `借助${c.tech}对空调、照明等设备分项计量，按人流和天气自动调节运行策略。`),
      ],
      feature: [() => `企业可在线办理访客、会议室预约和政策申报，园区掌握企业经营动态。`],
      metric: [(c) => `试点园区年节约能耗约${c.n(8, 20)}%，物业巡检人力减少${c.n(20, 40)}%。`],
    },
    en: {
      cores: ["Smart Industrial Park", "Office Building Digitalisation", "Park 5G Private Network", "Building Energy Management"],
      products: ["Platform", "Solution"],
      pitch: [() => `Security, energy, parking, visitors and tenant services of a business park on one digital-twin platform.`],
      problem: [(c) => `The district's ${c.n(40, 60)} main office buildings run separate property systems that do not talk to each other.`],
      solution: [fit(["digital-twin"], (c) => `A 3D model built with ${c.tech} brings security, energy, lifts and parking into one view.`)],
      feature: [() => `Tenants book meeting rooms and apply for subsidies online.`],
      metric: [(c) => `Energy use in the pilot park fell by about ${c.n(8, 20)}%.`],
    },
  },
  {
    key: "talent-analysis",
    domain: "economy",
    scenarios: ["talent-analysis", "enterprise-services"],
    targets: ["professionals", "businesses", "officials"],
    techs: ["big-data", "knowledge-graph", "ai", "privacy-computing"],
    zh: {
      cores: ["高层次人才数据分析", "产业人才画像", "人才服务精准匹配", "人才政策智能推送"],
      products: ["平台", "系统", "服务"],
      pitch: [
        () => `汇聚人才、企业与政策数据，为招才引才和人才服务提供精准画像。`,
        (c) => `以${c.tech}分析区内重点产业的人才结构与缺口。`,
      ],
      problem: [
        () => `区内重点企业的人才需求与人才政策之间信息不对称，符合条件的人才常常不知道可以申请哪些支持。`,
        (c) => `数字经济企业反映技术岗位招聘周期长达${c.n(2, 5)}个月，缺少产业人才供需数据。`,
      ],
      solution: [
        fit(["big-data", "knowledge-graph", "ai"], (c) => `平台利用${c.tech}整合企业招聘、社保和学历数据，生成产业人才画像和缺口分析。`),
        fit(["privacy-computing"], (c) => `基于${c.tech}，在数据“可用不可见”的前提下为人才匹配安居、子女入学和落户政策。`),
      ],
      feature: [() => `企业可查看同行业薪酬区间与人才流动趋势。`],
      metric: [(c) => `试点期间精准推送人才政策${c.n(1000, 6000, 100)}人次，申报成功率提升${c.n(20, 40)}%。`],
    },
    en: {
      cores: ["Talent Data Analysis", "Industry Talent Profiling", "Talent Policy Matching"],
      products: ["Platform", "Service"],
      pitch: [() => `Combines talent, company and policy data to profile the district's skills and match professionals with support.`],
      problem: [(c) => `Digital-economy firms say hiring for technical roles takes ${c.n(2, 5)} months, with no data on supply and demand.`],
      solution: [fit(["big-data", "knowledge-graph", "ai"], (c) => `Using ${c.tech}, recruitment, social-insurance and education data are combined into talent profiles and gap analyses.`)],
      feature: [() => `Firms can compare salary bands and mobility trends in their sector.`],
      metric: [(c) => `Targeted policy notices reached ${c.n(1000, 6000, 100)} professionals during the pilot.`],
    },
  },
  {
    key: "digital-trade",
    domain: "economy",
    scenarios: ["digital-trade", "enterprise-services"],
    targets: ["businesses", "merchants"],
    techs: ["blockchain", "big-data", "cloud", "ai"],
    zh: {
      cores: ["跨境数字贸易服务", "供应链金融", "国际贸易单证数字化", "数字贸易企业服务"],
      products: ["平台", "解决方案", "服务"],
      pitch: [
        () => `报关、物流、结汇和融资一站式线上办理，帮助中小外贸企业“出海”。`,
        (c) => `以${c.tech}让贸易单证可信流转、融资更快到账。`,
      ],
      problem: [
        () => `中小外贸企业单证多、流程长，报关和结汇要对接多个系统，融资难、融资贵。`,
        (c) => `区内数字贸易相关企业约${c.n(300, 900, 10)}家，多数缺少专业的跨境合规团队。`,
      ],
      solution: [
        fit(["blockchain"], (c) => `平台利用${c.tech}对订单、物流、报关单据进行上链存证，银行据此提供应收账款融资。`),
        fit(["cloud", "big-data", "ai"], (c) => `通过${c.tech}对接海关、外汇和物流数据，自动生成申报材料。`),
      ],
      feature: [() => `平台提供目标市场的合规规则库和关税测算工具。`],
      metric: [(c) => `试点企业平均融资放款时间缩短到${c.n(1, 3)}个工作日，单证处理时间减少${c.n(40, 70)}%。`],
    },
    en: {
      cores: ["Cross-Border Digital Trade", "Supply-Chain Finance", "Trade Document Digitalisation"],
      products: ["Platform", "Service"],
      pitch: [() => `Customs, logistics, foreign exchange and financing online in one place for small exporters.`],
      problem: [() => `Small exporters juggle many documents and systems, and finance is slow and expensive.`],
      solution: [fit(["blockchain"], (c) => `Orders, shipping and customs documents are recorded on ${c.tech}, and banks lend against verified receivables.`)],
      feature: [() => `Includes compliance rules and tariff estimates for target markets.`],
      metric: [(c) => `Loans now reach pilot firms in ${c.n(1, 3)} working days.`],
    },
  },
  {
    key: "enterprise-services",
    domain: "economy",
    scenarios: ["enterprise-services", "one-stop-services"],
    targets: ["businesses"],
    techs: ["big-data", "ai", "knowledge-graph", "nlp", "mobile-app"],
    zh: {
      cores: ["惠企政策精准推送", "企业服务专员", "企业诉求直通车", "企业经营风险预警"],
      products: ["平台", "系统", "服务"],
      pitch: [
        () => `根据企业画像主动推送可申报的扶持政策，诉求在线提交、限时回复。`,
        (c) => `用${c.tech}让惠企政策“找得到、看得懂、报得上”。`,
      ],
      problem: [
        (c) => `区级和市级惠企政策超过${c.n(150, 400, 10)}条，企业普遍反映看不懂、找不全。`,
        () => `企业诉求通过多条渠道提交，办理进度不透明，同一问题反复反映。`,
      ],
      solution: [
        fit(["nlp", "knowledge-graph", "ai"], (c) => `平台利用${c.tech}对政策条款进行结构化解析，与企业画像自动匹配并提醒申报时间。`),
        fit(["ai", "big-data", "nlp", "mobile-app"], (c) => `企业诉求统一受理，系统通过${c.tech}分类派发至相关部门并跟踪办理时限。`),
      ],
      feature: [() => `对经营异常、欠薪等风险信号提前预警，服务专员主动上门。`],
      metric: [(c) => `试点期间累计匹配政策${c.n(2000, 9000, 100)}次，企业诉求按期办结率达到${c.n(92, 99)}%。`],
    },
    en: {
      cores: ["Business Policy Matching", "Enterprise Service Desk", "Business Risk Early Warning"],
      products: ["Platform", "Service"],
      pitch: [() => `Tells each firm which subsidies it qualifies for and tracks its requests to the district.`],
      problem: [(c) => `There are over ${c.n(150, 400, 10)} district and city support policies, and firms struggle to find the right ones.`],
      solution: [fit(["nlp", "knowledge-graph", "ai"], (c) => `Policy clauses are parsed with ${c.tech} and matched to company profiles, with deadline reminders.`)],
      feature: [() => `Signals of financial distress trigger an early visit by a service officer.`],
      metric: [(c) => `${c.n(92, 99)}% of business requests were closed on time during the pilot.`],
    },
  },
  {
    key: "smart-retail",
    paired: true,
    domain: "economy",
    scenarios: ["smart-retail"],
    targets: ["merchants", "residents", "tourists"],
    techs: ["big-data", "ai", "mobile-app", "ar-vr", "5g"],
    zh: {
      cores: ["智慧商圈", "商圈客流分析", "社区商业数字化", "菜场数字化改造"],
      coreTheme: [0, 0, 1, 1],
      pitchTheme: [0, 1],
      products: ["平台", "解决方案", "服务"],
      pitch: [
        () => `商圈客流、消费和停车数据实时可视，帮助商户精准营销、管理方科学招商。`,
        (c) => `用${c.tech}为老菜场、老街区带来线上客流。`,
      ],
      problem: [
        (c) => `${c.ps}商圈周末客流约${c.n(3, 12)}万人次，但商户缺少数据支撑，营销活动效果难以评估。`,
        () => `社区菜场和小商户线上能力弱，年轻居民更习惯网购，老街区客流持续下降。`,
      ],
      solution: [
        fit(["big-data", "ai"], (c) => `商圈部署客流统计设备，结合${c.tech}分析来客画像、停留时长和消费转化。`),
        fit(["mobile-app"], (c) => `为菜场摊位提供电子价签和线上小店，通过${c.tech}实现下单、配送和评价。`),
      ],
      feature: [() => `商圈停车、优惠券和积分一码通用。`],
      metric: [(c) => `试点商户线上订单月均增长${c.n(20, 60)}%，商圈停车周转率提升${c.n(10, 30)}%。`],
    },
    en: {
      cores: ["Smart Shopping District", "Footfall Analytics", "Wet Market Digitalisation"],
      coreTheme: [0, 0, 1],
      pitchTheme: [0],
      products: ["Platform", "Solution"],
      pitch: [() => `Live footfall, spending and parking data for a shopping district, so shops can market better.`],
      problem: [(c) => `The ${c.ps} shopping area sees about ${c.n(30, 120, 10)} thousand visits on a weekend, but shops have no data on who comes.`],
      solution: [fit(["big-data", "ai"], (c) => `Footfall counters and ${c.tech} measure visitor profiles, dwell time and conversion.`)],
      feature: [() => `One code for parking, coupons and loyalty points.`],
      metric: [(c) => `Online orders of pilot shops grew by ${c.n(20, 60)}% a month.`],
    },
  },
  {
    key: "smart-media",
    paired: true,
    domain: "economy",
    scenarios: ["smart-media", "community-services"],
    targets: ["residents", "businesses"],
    techs: ["ai", "nlp", "5g", "ar-vr", "cloud"],
    zh: {
      cores: ["社区融媒体", "智能新闻播报", "AI视频内容生产", "数字化转型案例传播"],
      coreTheme: [0, 0, 1, 1],
      pitchTheme: [0, -1],
      products: ["平台", "服务", "系统"],
      pitch: [
        () => `让社区通知、政策解读以短视频和语音播报的形式直达居民。`,
        (c) => `以${c.tech}降低优质内容的生产成本。`,
      ],
      problem: [
        () => `社区公告栏和微信群信息量大、可读性差，老年居民往往看不全、看不懂。`,
        () => `中小科技企业缺少专业传播团队，优秀的数字化应用难以被更多街镇了解。`,
      ],
      solution: [
        fit(["ai", "nlp"], (c) => `平台利用${c.tech}把政策文件自动生成图文、短视频和语音播报，推送到楼道屏和居民手机。`),
        fit(["cloud", "5g"], (c) => `通过${c.tech}实现采编、审校和多渠道发布一体化，支持直播和互动问答。`),
      ],
      feature: [() => `支持沪语播报和大字模式。`],
      metric: [(c) => `试点期间累计发布内容${c.n(500, 3000, 50)}条，居民阅读率提升约${c.n(30, 80)}%。`],
    },
    en: {
      cores: ["Community Media Hub", "AI News Reading", "Smart Media Production"],
      coreTheme: [0, 0, 1],
      pitchTheme: [0],
      products: ["Platform", "Service"],
      pitch: [() => `Turns notices and policy documents into short videos and audio for residents.`],
      problem: [() => `Notice boards and chat groups are crowded, and older residents often miss or misread what matters.`],
      solution: [fit(["ai", "nlp"], (c) => `Documents are turned into text, video and voice with ${c.tech} and sent to stairwell screens and phones.`)],
      feature: [() => `Read-aloud in Shanghainese is available.`],
      metric: [(c) => `${c.n(500, 3000, 50)} items were published during the pilot.`],
    },
  },
  {
    key: "culture-tourism",
    paired: true,
    domain: "economy",
    scenarios: ["culture-tourism", "historic-buildings"],
    targets: ["tourists", "residents", "students"],
    techs: ["ar-vr", "5g", "digital-twin", "mobile-app"],
    zh: {
      cores: ["苏州河数字文旅", "工业遗存AR导览", "沉浸式城市漫步", "文化场馆智慧预约"],
      coreTheme: [0, 0, 0, 1],
      pitchTheme: [0, -1],
      products: ["平台", "服务", "项目"],
      pitch: [
        () => `用手机扫一扫，就能在苏州河畔看到百年前的厂房与码头。`,
        (c) => `以${c.tech}串联区内的历史建筑、工业遗存和文化场馆。`,
      ],
      problem: [
        () => `区内工业遗存和历史建筑众多，但分布零散、介绍单一，游客停留时间短。`,
        (c) => `文化场馆节假日预约高峰时段超出承载量约${c.n(20, 50)}%。`,
      ],
      solution: [
        fit(["ar-vr", "5g", "mobile-app"], (c) => `在重点点位布设识别标志，游客通过${c.tech}看到历史场景复原和语音讲解。`),
        fit(["mobile-app"], (c) => `基于${c.tech}提供分时预约、客流监测和路线推荐。`),
      ],
      feature: [() => `沿线商户可参与积分联动，带动周边消费。`],
      metric: [(c) => `试点线路年服务游客约${c.n(2, 15)}万人次，平均停留时间增加${c.n(30, 90)}分钟。`],
    },
    en: {
      cores: ["Suzhou Creek Digital Heritage Walk", "AR Industrial Heritage Tour", "Smart Museum Booking"],
      coreTheme: [0, 0, 1],
      pitchTheme: [0],
      products: ["Platform", "Service"],
      pitch: [() => `Point a phone at a riverside warehouse and see the wharves of a century ago.`],
      problem: [() => `The district's industrial heritage is scattered and poorly explained, so visitors do not stay long.`],
      solution: [fit(["ar-vr", "5g", "mobile-app"], (c) => `Markers at key sites let visitors use ${c.tech} to see reconstructed scenes with audio guides.`)],
      feature: [() => `Shops along the route join a shared points scheme.`],
      metric: [(c) => `The pilot route receives about ${c.n(20, 150, 10)} thousand visitors a year.`],
    },
  },
  {
    key: "cybersecurity",
    paired: true,
    domain: "governance",
    scenarios: ["cybersecurity"],
    targets: ["officials", "businesses"],
    techs: ["ai", "big-data", "privacy-computing", "cloud"],
    zh: {
      cores: ["政务数据安全防护", "城市网络安全运营", "公共视频数据安全", "中小企业安全托管"],
      coreTheme: [2, 0, 0, 1],
      pitchTheme: [0, -1],
      products: ["平台", "服务", "解决方案"],
      pitch: [
        () => `对政务系统、物联网设备和公共视频进行统一安全监测，发现漏洞和攻击及时处置。`,
        (c) => `以${c.tech}守护城市数字化转型的数据安全底线。`,
      ],
      problem: [
        (c) => `全区联网的视频和物联网设备约${c.n(60, 100)}000台，部分设备仍使用默认口令，存在被入侵风险。`,
        () => `中小企业普遍没有专职安全人员，遭遇勒索病毒后恢复成本高。`,
        () => `部门之间共享数据时担心泄露个人信息，不少数据“不敢共享、不愿共享”。`,
      ],
      solution: [
        fit(["ai", "big-data", "cloud"], (c) => `平台利用${c.tech}对全网资产进行发现和风险评估，7×24小时监测异常访问。`),
        fit(["cloud", "ai"], (c) => `为中小企业提供基于${c.tech}的安全托管服务，统一做漏洞扫描、终端防护和数据备份，中了勒索病毒也能远程协助恢复。`),
        fit(["privacy-computing"], (c) => `通过${c.tech}在数据共享中做到“可用不可见”，满足个人信息保护要求。`),
      ],
      feature: [() => `定期开展攻防演练，形成整改清单。`],
      metric: [(c) => `试运行期间发现并整改高危漏洞${c.n(80, 400, 10)}个，拦截攻击${c.n(10, 90)}万次。`],
    },
    en: {
      cores: ["City Cybersecurity Operations", "Government Data Protection", "SME Managed Security"],
      coreTheme: [0, 0, 1],
      pitchTheme: [0],
      products: ["Platform", "Service"],
      pitch: [() => `Security monitoring for government systems, IoT devices and public cameras, with incidents handled round the clock.`],
      problem: [(c) => `About ${c.n(60, 100)} thousand cameras and sensors are connected in the district, some still with default passwords.`],
      solution: [fit(["ai", "big-data", "cloud"], (c) => `Assets are discovered and risk-rated with ${c.tech}, and unusual access is watched around the clock.`)],
      feature: [() => `Regular red-team drills produce a remediation list.`],
      metric: [(c) => `The trial found and fixed ${c.n(80, 400, 10)} high-risk vulnerabilities.`],
    },
  },
];

export const FAMILY_BY_KEY = new Map(FAMILIES.map((f) => [f.key, f]));
