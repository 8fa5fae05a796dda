/**
 * Text of the review demo: the Haina Town pilot-zone call (its applications
 * and demands) and the reviewers' comments. Haina Town (海纳小镇), 3.12 km²
 * in the ancient Zhenru Town that grew up around the Song-dynasty Zhenru
 * Temple, is to become the "northwest sitting room" of the city, with
 * unmanned service centres and intelligent senior care among its smart
 * applications.
 */
import type { Domain, Maturity } from "../enums";

export type HainaTheme = {
  domain: Domain;
  maturity: Maturity;
  /** Vendor slugs, in order of preference; two applications per theme. */
  vendors: [string, string];
  zh: { titles: [string, string]; summary: string; body: string };
  en: { titles: [string, string]; summary: string; body: string };
};

export const HAINA_THEMES: HainaTheme[] = [
  {
    domain: "governance",
    maturity: "pilot",
    vendors: ["huawei", "yige"],
    zh: {
      titles: ["海纳小镇24小时无人值守政务服务驿站", "“一屏通办”无人值守政务服务终端"],
      summary: "在小镇主要楼宇设置无人值守政务服务驿站，自助办理社保、医保、营业执照等高频事项，遇到困难可一键连线远程坐席帮办。",
      body: "驿站配备身份核验、证照打印和远程视频帮办设备，覆盖120余项高频事项。老年人可选择大字界面和语音引导，后台坐席可远程协助填表。",
    },
    en: {
      titles: ["24-Hour Unmanned Government Service Stations for Haina Town", "One-Screen Unmanned Service Terminal"],
      summary: "Unmanned service stations in Haina Town's main buildings handle high-frequency matters such as social insurance and business licences, with one-touch video help from remote staff.",
      body: "Each station verifies identity, prints certificates and connects to a remote agent by video; more than 120 common matters are covered. Older residents can choose large type and voice guidance.",
    },
  },
  {
    domain: "economy",
    maturity: "deployed",
    vendors: ["jd", "qike"],
    zh: {
      titles: ["无人零售与便民服务综合站", "科创园区无人便利服务中心"],
      summary: "面向园区白领和孵化器企业的24小时无人便利服务中心，集成无人零售、快递自提、共享充电和自助打印。",
      body: "通过视觉识别结算和智能货柜实现全天候无人运营，补货与巡检数据实时回传，单站日均服务超过800人次。",
    },
    en: {
      titles: ["Unmanned Retail and Convenience Hub", "Unmanned Convenience Centre for the Innovation Park"],
      summary: "A 24-hour unmanned convenience centre for park workers and incubated firms: unmanned retail, parcel pick-up, shared power banks and self-service printing.",
      body: "Vision-based checkout and smart lockers keep it running round the clock; restocking and inspection data flow back in real time. One station serves more than 800 people a day.",
    },
  },
  {
    domain: "life",
    maturity: "pilot",
    vendors: ["yilian", "changjia"],
    zh: {
      titles: ["智慧养老院床旁生命体征监测系统", "养老机构夜间照护智能巡视系统"],
      summary: "在养老机构床位安装非接触式心率呼吸监测垫，夜间离床、异常体征自动提醒护理员，减少夜间人工巡房。",
      body: "监测垫与护理站大屏、护理员手机联动，异常告警平均响应时间缩短到3分钟以内；数据按日生成照护报告，供家属查看。",
    },
    en: {
      titles: ["Bedside Vital-Sign Monitoring for Care Homes", "Smart Night Rounds for Care Homes"],
      summary: "Contact-free heart and breathing sensors under care-home mattresses alert carers to night-time bed exits and abnormal signs, cutting manual night rounds.",
      body: "Sensors feed the nurses' station screen and carers' phones; average response to an alert drops below three minutes, and a daily care report is shared with families.",
    },
  },
  {
    domain: "life",
    maturity: "pilot",
    vendors: ["kanglin", "wanghu"],
    zh: {
      titles: ["独居老人毫米波雷达跌倒监测", "居家无感跌倒报警与紧急呼叫"],
      summary: "在独居老人家中安装毫米波雷达，不用摄像头、不用佩戴设备即可识别跌倒和长时间静止，第一时间通知社区和家属。",
      body: "雷达只感知位置和姿态，不采集图像，保护隐私；告警同步推送居委会和家属，夜间由社区平台值守。",
    },
    en: {
      titles: ["Millimetre-Wave Fall Detection for Older People Living Alone", "Unobtrusive Home Fall Alarm and Emergency Call"],
      summary: "Millimetre-wave radar detects falls and long stillness at home without cameras or wearables, and alerts the community and family at once.",
      body: "The radar senses only position and posture, never images. Alerts go to the residents' committee and family, and the community platform watches at night.",
    },
  },
  {
    domain: "life",
    maturity: "deployed",
    vendors: ["linju", "ruiyi"],
    zh: {
      titles: ["社区嵌入式智慧养老服务站", "“15分钟养老服务圈”数字平台"],
      summary: "把助餐、助浴、康复、陪诊等服务接入一个平台，老人和子女通过电话或小程序预约，服务过程可追溯。",
      body: "平台汇聚小镇周边养老服务资源，支持电话预约和上门登记，服务完成后回访评价，政府补贴自动核算。",
    },
    en: {
      titles: ["Community-Embedded Smart Elderly Care Station", "Digital Platform for the 15-Minute Elderly Care Circle"],
      summary: "Meals, bathing, rehabilitation and hospital escorts on one platform that older people and their children book by phone or mini-program, every service traceable.",
      body: "The platform gathers care providers around Haina Town, takes phone and in-person bookings, follows up after each service and computes subsidies automatically.",
    },
  },
  {
    domain: "economy",
    maturity: "concept",
    vendors: ["luanjie", "shanghai-united-media-group"],
    zh: {
      titles: ["真如寺与古镇AR数字导览", "真如古镇文化IP数字化展示"],
      summary: "以真如寺（始建于宋代）和古镇街巷为线索，用AR和数字人讲解历史故事，带动小镇文旅消费。",
      body: "游客扫码即可在手机上看到复原的古镇街景和寺院建筑细节，结合商户优惠券引流，节假日客流数据实时统计。",
    },
    en: {
      titles: ["AR Guide to Zhenru Temple and the Old Town", "Digital Showcase of Zhenru's Cultural Heritage"],
      summary: "AR and a digital guide tell the history of the Song-dynasty Zhenru Temple and the old-town lanes, bringing visitors and spending to Haina Town.",
      body: "Visitors scan a code to see reconstructed street scenes and temple details on their phones; shop coupons draw footfall, and holiday visitor numbers are counted in real time.",
    },
  },
  {
    domain: "governance",
    maturity: "pilot",
    vendors: ["huawei", "luanjie"],
    zh: {
      titles: ["海纳小镇城市数字孪生底座", "3.12平方公里实景三维与数字孪生平台"],
      summary: "为海纳小镇3.12平方公里建立实景三维模型和数字孪生底座，汇聚建设、交通、能耗和物联感知数据，支撑规划与运维。",
      body: "底座统一坐标和编码，接入在建工地、道路和楼宇的实时数据，可模拟人流、车流和应急疏散方案。",
    },
    en: {
      titles: ["Digital Twin Foundation for Haina Town", "3D Reality Model and Digital Twin of 3.12 km²"],
      summary: "A 3D reality model and digital twin of Haina Town's 3.12 km², bringing together construction, traffic, energy and IoT data for planning and operations.",
      body: "One coordinate system and one coding scheme; live data from building sites, roads and buildings; crowd, traffic and evacuation scenarios can be simulated.",
    },
  },
  {
    domain: "economy",
    maturity: "deployed",
    vendors: ["china-mobile-shanghai", "huawei"],
    zh: {
      titles: ["科创园区5G专网与边缘计算节点", "5G+MEC智慧园区网络"],
      summary: "在孵化器和研发楼宇部署5G专网与边缘计算节点，为企业提供低时延、高安全的研发和生产网络。",
      body: "专网数据不出园区，支持机器视觉质检、远程实验和XR协作等场景，企业可按需订购网络切片。",
    },
    en: {
      titles: ["5G Private Network and Edge Computing for the Innovation Park", "5G + MEC Smart Park Network"],
      summary: "A 5G private network with edge computing nodes in incubators and R&D buildings: low-latency, secure networking for research and production.",
      body: "Data stays inside the park; machine-vision inspection, remote experiments and XR collaboration are supported, and firms order network slices as needed.",
    },
  },
  {
    domain: "economy",
    maturity: "pilot",
    vendors: ["dataway", "shuheng"],
    zh: {
      titles: ["孵化器企业服务与政策精准匹配平台", "科创企业成长画像与政策直达"],
      summary: "根据入驻企业的行业、规模和研发投入自动匹配扶持政策，提醒申报时间，减少企业“找政策”的时间。",
      body: "平台整合市、区两级科技政策条款，结构化后与企业画像匹配，申报材料可一次填报、多处复用。",
    },
    en: {
      titles: ["Policy Matching Platform for Incubated Firms", "Growth Profiles and Direct Policy Delivery for Tech Start-ups"],
      summary: "Matches support policies to each incubated firm by sector, size and R&D spending, with deadline reminders, so firms stop hunting for policies.",
      body: "City and district policy clauses are structured and matched to firm profiles; application forms are filled once and reused.",
    },
  },
  {
    domain: "life",
    maturity: "pilot",
    vendors: ["jd", "qingyu-robotics"],
    zh: {
      titles: ["无人配送车小镇末端物流", "人才公寓无人配送进楼服务"],
      summary: "用低速无人配送车和楼宇配送机器人把快递、外卖送到人才公寓和办公楼下，缓解电动车进出园区的安全隐患。",
      body: "配送车按固定路线低速行驶，与楼宇门禁和电梯联动，收件人凭取件码取件，夜间也可配送。",
    },
    en: {
      titles: ["Autonomous Last-Mile Delivery in Haina Town", "Robot Delivery into Talent Apartments"],
      summary: "Slow autonomous vehicles and building robots bring parcels and takeaways to talent apartments and offices, keeping e-bikes out of the park.",
      body: "Vehicles follow fixed low-speed routes and work with building gates and lifts; recipients collect with a code, also at night.",
    },
  },
  {
    domain: "governance",
    maturity: "deployed",
    vendors: ["boyi", "xingyi"],
    zh: {
      titles: ["古镇片区智慧停车诱导与错峰共享", "潮汐车位共享与停车诱导系统"],
      summary: "整合古镇周边路内、商场和单位停车位，实时发布空位信息，白天办公车位晚上向居民错峰开放。",
      body: "地磁和视频桩检测车位状态，诱导屏和小程序引导停车，节假日寺庙周边临时车位统一调度。",
    },
    en: {
      titles: ["Smart Parking Guidance and Shared Spaces around the Old Town", "Tidal Parking-Space Sharing and Guidance"],
      summary: "Street, mall and office parking around the old town in one system: live free spaces, and office spaces opened to residents at night.",
      body: "Magnetic and video sensors track spaces; signs and a mini-program guide drivers; temporary holiday spaces near the temple are dispatched centrally.",
    },
  },
  {
    domain: "life",
    maturity: "pilot",
    vendors: ["xingyi", "tongtu"],
    zh: {
      titles: ["老年人电话一键叫车服务", "适老化“一键叫车”智能终端"],
      summary: "老人拨打一个电话或按下家中按键即可叫车，系统自动定位并派单，司机提前电话确认，子女可同步收到行程。",
      body: "服务对接出租车调度平台，优先派单给接受适老化培训的司机，支持现金和代付。",
    },
    en: {
      titles: ["One-Call Taxi Service for Older People", "Age-Friendly One-Touch Taxi Terminal"],
      summary: "Older people hail a cab with one phone call or one button at home; the system locates them and dispatches, the driver calls ahead, and children can follow the trip.",
      body: "Connected to the taxi dispatch platform, it prefers drivers trained in serving older passengers and accepts cash or payment by family.",
    },
  },
  {
    domain: "life",
    maturity: "deployed",
    vendors: ["nuanshi", "linju"],
    zh: {
      titles: ["社区长者食堂智慧助餐", "刷脸助餐与营养配餐系统"],
      summary: "长者食堂刷脸或刷卡就餐，自动核算助餐补贴，根据老人健康档案推荐低盐低糖餐。",
      body: "系统统计每日就餐人数以减少浪费，行动不便的老人可电话订餐，由志愿者送餐上门。",
    },
    en: {
      titles: ["Smart Meals at Community Canteens for Older People", "Face-Pay Meal Service with Nutrition Planning"],
      summary: "Older diners pay by face or card, meal subsidies are computed automatically, and low-salt, low-sugar dishes are suggested from their health records.",
      body: "Daily diner counts cut waste; those with limited mobility order by phone and volunteers deliver.",
    },
  },
  {
    domain: "economy",
    maturity: "pilot",
    vendors: ["zhujing", "qiwu"],
    zh: {
      titles: ["科创楼宇能耗监测与“双碳”管理", "园区碳排放数字化管理平台"],
      summary: "对小镇楼宇的水、电、气和空调系统分项计量，自动发现异常能耗，为企业出具碳排放报告。",
      body: "平台按楼层和租户计量，空调群控策略随人员密度调节，试点楼宇节能约12%。",
    },
    en: {
      titles: ["Energy Monitoring and Carbon Management for Innovation Buildings", "Digital Carbon Management for the Park"],
      summary: "Sub-metering of water, power, gas and air-conditioning in Haina Town's buildings spots waste automatically and issues carbon reports to tenants.",
      body: "Metering by floor and tenant; air-conditioning follows occupancy. The pilot building saved about 12% of its energy.",
    },
  },
  {
    domain: "governance",
    maturity: "deployed",
    vendors: ["jingyu", "chengxin"],
    zh: {
      titles: ["智能垃圾分类与可回收物回收站", "垃圾箱房满溢监测与清运调度"],
      summary: "垃圾箱房安装满溢和异味传感器，清运车按需调度；可回收物投放积分兑换，提升分类准确率。",
      body: "传感器数据接入小镇运行平台，清运路线每日自动优化，箱房周边环境投诉明显减少。",
    },
    en: {
      titles: ["Smart Waste Sorting and Recycling Stations", "Bin-Room Overflow Monitoring and Collection Dispatch"],
      summary: "Overflow and odour sensors in bin rooms drive on-demand collection; recycling earns points, raising sorting accuracy.",
      body: "Sensor data reaches the town's operations platform, collection routes are optimised daily, and complaints about bin rooms fall.",
    },
  },
  {
    domain: "governance",
    maturity: "deployed",
    vendors: ["anlan", "tiwei"],
    zh: {
      titles: ["高层楼宇消防物联网监测", "电动自行车充电与消防安全监测"],
      summary: "对楼宇消防水压、烟感、消防通道和电动车充电进行物联网监测，隐患自动派单，降低火灾风险。",
      body: "独立烟感和电气火灾探测器通过NB-IoT上报，消防通道占用由视频识别，物业和街道同步处置。",
    },
    en: {
      titles: ["Fire-Safety IoT for High-Rise Buildings", "E-Bike Charging and Fire-Safety Monitoring"],
      summary: "IoT monitoring of fire-main pressure, smoke, escape routes and e-bike charging; hazards raise work orders automatically.",
      body: "Smoke and electrical-fire detectors report over NB-IoT, blocked escape routes are spotted on video, and property managers and the subdistrict act together.",
    },
  },
  {
    domain: "governance",
    maturity: "pilot",
    vendors: ["yunxiu", "kancheng"],
    zh: {
      titles: ["小镇在建工地扬尘与渣土车智能监管", "视频AI城市精细化管理"],
      summary: "利用视频AI识别工地扬尘、渣土车未苫盖、占道经营等问题，自动生成工单推送城管和街道。",
      body: "识别模型在边缘盒子上运行，只上传事件截图；处置结果回传后自动核验，形成闭环。",
    },
    en: {
      titles: ["AI Supervision of Dust and Muck Trucks at Building Sites", "Video AI for Fine-Grained Urban Management"],
      summary: "Video AI spots site dust, uncovered muck trucks and street vending, and raises work orders for city management and the subdistrict.",
      body: "Models run on edge boxes and upload only event snapshots; results are verified automatically when cases are closed.",
    },
  },
  {
    domain: "economy",
    maturity: "deployed",
    vendors: ["360-security", "dunwei"],
    zh: {
      titles: ["科创企业网络安全托管服务", "园区数据安全与隐私保护平台"],
      summary: "为孵化器中小科创企业提供网络安全监测、漏洞扫描和应急响应托管服务，按需付费。",
      body: "安全运营中心7×24小时值守，企业无需自建安全团队；重大事件协同公安网安部门处置。",
    },
    en: {
      titles: ["Managed Cybersecurity for Tech Start-ups", "Data Security and Privacy Platform for the Park"],
      summary: "Pay-as-you-go security monitoring, vulnerability scanning and incident response for small firms in the incubators.",
      body: "A security operations centre watches round the clock, so firms need no security team of their own; major incidents are handled with the police cyber unit.",
    },
  },
  {
    domain: "life",
    maturity: "pilot",
    vendors: ["kangtu", "ruiyi"],
    zh: {
      titles: ["社区智慧健康小屋与远程问诊", "慢病老人家庭健康监测服务"],
      summary: "在社区设置健康小屋，自助测量血压、血糖等指标，数据同步家庭医生，可视频远程问诊。",
      body: "异常指标自动提醒家庭医生随访，老人无需智能手机即可凭身份证使用。",
    },
    en: {
      titles: ["Community Health Kiosks with Remote Consultation", "Home Health Monitoring for Older People with Chronic Conditions"],
      summary: "Community health kiosks for self-measuring blood pressure and glucose, with data shared with the family doctor and video consultations.",
      body: "Abnormal readings prompt the family doctor to follow up; an ID card is enough, no smartphone needed.",
    },
  },
  {
    domain: "economy",
    maturity: "concept",
    vendors: ["kuahai", "maolian"],
    zh: {
      titles: ["古镇商圈数字人民币消费场景", "小镇商户数字化经营服务"],
      summary: "在古镇商户推广数字人民币支付和数字化会员营销，结合文旅活动发放消费券，提升商圈活力。",
      body: "商户可用一部手机完成收款、对账和会员管理，活动效果按日统计。",
    },
    en: {
      titles: ["Digital RMB Spending around the Old Town", "Digital Business Services for Local Shops"],
      summary: "Digital RMB payments and digital membership marketing for old-town shops, with coupons tied to cultural events.",
      body: "Shops take payments, reconcile and manage members on one phone; campaign results are counted daily.",
    },
  },
  {
    domain: "life",
    maturity: "pilot",
    vendors: ["chengxue", "qingmiao"],
    zh: {
      titles: ["青少年科创实验室与AI课程", "科创小镇中小学数字课堂"],
      summary: "依托小镇科研机构为周边中小学开设AI与机器人课程，线上线下结合，开放科创实验室。",
      body: "课程由科研人员和教师共同设计，学生可预约实验设备，优秀作品在小镇展示。",
    },
    en: {
      titles: ["Youth Innovation Lab and AI Courses", "Digital Classrooms for Schools near the Innovation Town"],
      summary: "AI and robotics courses for nearby schools with the town's research institutes, online and on site, and an open innovation lab.",
      body: "Researchers and teachers design the courses together; students book lab equipment and the best projects are shown in the town.",
    },
  },
  {
    domain: "governance",
    maturity: "deployed",
    vendors: ["honggan", "chaoxi"],
    zh: {
      titles: ["小镇防汛积水与河道水位监测", "下立交积水智能预警系统"],
      summary: "在低洼路段、下立交和河道布设水位传感器，暴雨时自动预警并联动交通诱导屏。",
      body: "监测数据每分钟上报，超过阈值自动通知防汛值班人员，历史数据用于排水改造规划。",
    },
    en: {
      titles: ["Flood and River-Level Monitoring for Haina Town", "Underpass Flood Early Warning"],
      summary: "Water-level sensors in low roads, underpasses and the river raise alerts in storms and switch traffic signs.",
      body: "Readings arrive every minute; thresholds notify the flood duty officers, and history informs drainage upgrades.",
    },
  },
  {
    domain: "governance",
    maturity: "deployed",
    vendors: ["tiwei", "zhuan-security"],
    zh: {
      titles: ["加装电梯运行安全监测", "老旧小区电梯困人应急救援平台"],
      summary: "对老旧小区加装电梯的运行状态、困人和故障进行物联网监测，维保单位和物业第一时间响应。",
      body: "电梯运行数据实时上传，困人告警自动拨打救援电话，维保记录可查可追溯。",
    },
    en: {
      titles: ["Safety Monitoring of Retrofitted Lifts", "Lift Entrapment Rescue Platform for Older Estates"],
      summary: "IoT monitoring of lifts added to older estates: running state, entrapments and faults reach maintenance firms and property managers at once.",
      body: "Running data is uploaded live, entrapment alarms dial the rescue line, and maintenance records are traceable.",
    },
  },
  {
    domain: "life",
    maturity: "concept",
    vendors: ["qingyu-robotics", "yilian"],
    zh: {
      titles: ["养老机构护理辅助机器人", "智能陪伴与康复训练机器人"],
      summary: "用护理辅助机器人承担送药、巡视、康复训练提醒等重复工作，缓解养老机构护理员不足。",
      body: "机器人支持方言语音交互，夜间巡视发现异常即呼叫护理员，康复训练数据同步康复师。",
    },
    en: {
      titles: ["Care-Assistant Robots for Care Homes", "Companion and Rehabilitation Robots"],
      summary: "Care-assistant robots take on medicine rounds, patrols and rehabilitation reminders to ease the shortage of carers.",
      body: "They understand local dialect, call a carer when night patrols find a problem, and share rehabilitation data with therapists.",
    },
  },
  {
    domain: "economy",
    maturity: "pilot",
    vendors: ["yingheng", "dataway"],
    zh: {
      titles: ["科创企业数据共享与隐私计算平台", "园区产业数据“可用不可见”服务"],
      summary: "利用隐私计算让企业在不交出原始数据的前提下联合建模，服务园区产业分析和金融授信。",
      body: "平台通过联邦学习和安全多方计算连接企业、银行和政府数据，首批接入20家企业。",
    },
    en: {
      titles: ["Data Sharing and Privacy Computing for Tech Firms", "Usable-but-Invisible Industry Data for the Park"],
      summary: "Privacy computing lets firms model jointly without handing over raw data, for industry analysis and credit.",
      body: "Federated learning and secure multi-party computation connect firms, banks and government data; twenty firms join first.",
    },
  },
  {
    domain: "governance",
    maturity: "pilot",
    vendors: ["kancheng", "huawei"],
    zh: {
      titles: ["小镇无人机巡查与应急指挥", "低空无人机城市巡检服务"],
      summary: "用无人机定时巡查河道、工地和屋顶违建，重大活动期间辅助人流监测和应急指挥。",
      body: "巡查影像自动比对前后变化，发现疑似违建推送城管核查，飞行航线按规定报备。",
    },
    en: {
      titles: ["Drone Patrols and Emergency Command for Haina Town", "Low-Altitude Drone Inspection Service"],
      summary: "Scheduled drone patrols of the river, building sites and rooftops, and crowd monitoring during major events.",
      body: "Imagery is compared over time; suspected illegal structures go to city management for checking; flight routes are filed as required.",
    },
  },
  {
    domain: "life",
    maturity: "pilot",
    vendors: ["shenglan", "huawei"],
    zh: {
      titles: ["适老化智能语音助手", "方言语音政务咨询服务"],
      summary: "老人用普通话或上海话语音提问即可查询政策、预约服务，系统自动转人工处理复杂问题。",
      body: "语音助手部署在电话热线和社区服务点终端，常见问题识别准确率超过90%。",
    },
    en: {
      titles: ["Age-Friendly Voice Assistant", "Dialect Voice Enquiries for Public Services"],
      summary: "Older people ask in Mandarin or Shanghainese to look up policies and book services; complex questions go to a person.",
      body: "The assistant answers on the hotline and on community kiosks; common questions are recognised more than 90% of the time.",
    },
  },
  {
    domain: "governance",
    maturity: "concept",
    vendors: ["suhe-zhilian", "yige"],
    zh: {
      titles: ["海纳小镇“一网统管”运行中心", "小镇综合治理事件协同平台"],
      summary: "把小镇的物联感知、12345热线、网格巡查事件汇聚到一个运行中心，统一派单、限时处置、闭环考核。",
      body: "平台与区城市运行管理中心对接，事件按类型自动分拨，处置时长和满意度纳入考核。",
    },
    en: {
      titles: ["Unified Operations Centre for Haina Town", "Event Coordination Platform for Town Governance"],
      summary: "IoT alerts, 12345 hotline calls and grid patrol events in one operations centre: dispatched, timed and closed-loop.",
      body: "Linked with the district's urban operations centre; events are routed by type, and handling time and satisfaction are tracked.",
    },
  },
  {
    domain: "life",
    maturity: "deployed",
    vendors: ["zhuan-security", "360-security"],
    zh: {
      titles: ["人才公寓智慧门禁与访客管理", "智慧社区无感通行系统"],
      summary: "人才公寓和社区出入口采用人脸或二维码通行，访客线上登记，快递外卖临时授权，夜间异常自动告警。",
      body: "人脸数据本地加密存储、按需授权；独居老人长时间未出门自动提醒网格员关注。",
    },
    en: {
      titles: ["Smart Access and Visitor Management for Talent Apartments", "Frictionless Access for Smart Communities"],
      summary: "Face or QR-code access at talent apartments and estates, online visitor registration, temporary passes for couriers and night-time alerts.",
      body: "Face data is encrypted and stored locally; an older resident who has not gone out for long prompts the grid worker to check.",
    },
  },
  {
    domain: "economy",
    maturity: "concept",
    vendors: ["luanjie", "zhujing"],
    zh: {
      titles: ["科创空间共享实验设备预约平台", "孵化器会议室与实验室共享服务"],
      summary: "汇总小镇孵化器和科研院所的会议室、实验设备，企业在线预约、按时计费，提高设备利用率。",
      body: "设备状态通过物联网实时显示，预约、门禁和计费一体化，闲置设备向区内企业开放。",
    },
    en: {
      titles: ["Shared Lab Equipment Booking for Innovation Spaces", "Shared Meeting Rooms and Labs for Incubators"],
      summary: "Meeting rooms and lab equipment of the town's incubators and institutes in one place: booked online, billed by the hour, better used.",
      body: "IoT shows each device's state; booking, access and billing work together, and idle equipment opens to firms across the district.",
    },
  },
];

export type HainaDemand = {
  raisedBy: "resident" | "company" | "community" | "urban_management";
  domain: Domain;
  /** Slug of the raising organisation, when not a resident. */
  organization?: string;
  zh: { title: string; description: string };
  en: { title: string; description: string };
};

export const HAINA_DEMANDS: HainaDemand[] = [
  {
    raisedBy: "resident",
    domain: "governance",
    zh: { title: "无人值守服务点希望能一键连线真人帮办", description: "小镇新设的自助服务机很方便，但我们老年人看不清屏幕、不会拍照上传材料。希望每台机器都有一个按钮，按下去就能和工作人员视频通话，由他们帮忙操作。" },
    en: { title: "Unmanned service points should connect to a real person with one button", description: "The new self-service machines are handy, but older people cannot read the screen or upload photos. Each machine should have a button that starts a video call with staff who can help." },
  },
  {
    raisedBy: "resident",
    domain: "governance",
    zh: { title: "真如古镇周边节假日停车难", description: "每到节假日，真如寺周边道路停满车，找车位要绕好几圈。希望能实时显示附近停车场空位，并把周边单位的车位错峰开放。" },
    en: { title: "Parking around the old town on holidays is hard", description: "On holidays the roads around Zhenru Temple are full and finding a space takes several rounds. We need live free-space information and office car parks opened at off-peak times." },
  },
  {
    raisedBy: "community",
    domain: "life",
    organization: "zhenru-town-zhenguang-committee",
    zh: { title: "独居老人夜间突发状况无人知晓", description: "居民区里独居老人较多，夜间摔倒或突发疾病往往到第二天才被发现。希望有不侵犯隐私、不需要老人佩戴的监测手段，出现异常能及时通知居委会和家属。" },
    en: { title: "Night-time emergencies of older people living alone go unnoticed", description: "Many older residents live alone; a fall or illness at night is often found only the next day. We need monitoring that respects privacy and needs nothing worn, and that alerts the committee and family in time." },
  },
  {
    raisedBy: "company",
    domain: "economy",
    organization: "shuheng",
    zh: { title: "孵化器企业希望一站式获取扶持政策", description: "作为刚入驻的科创企业，我们很难弄清市、区两级有哪些适用的扶持政策和申报时间。希望有平台根据企业情况主动推送并辅助申报。" },
    en: { title: "Incubated firms want support policies in one place", description: "As a newly arrived tech firm we struggle to know which city and district support policies apply and when to apply. A platform that pushes relevant policies and helps us apply would save a lot of time." },
  },
  {
    raisedBy: "urban_management",
    domain: "governance",
    organization: "putuo-urban-operations",
    zh: { title: "小镇在建工地扬尘和噪声需要实时监测", description: "海纳小镇建设期工地集中，扬尘和夜间施工噪声投诉较多。需要对工地进行实时监测，超标自动告警，并与执法部门联动。" },
    en: { title: "Dust and noise from Haina Town's building sites need live monitoring", description: "Building sites are concentrated during construction and complaints about dust and night-time noise are frequent. We need live monitoring with automatic alerts above limits, linked to enforcement." },
  },
  {
    raisedBy: "urban_management",
    domain: "governance",
    organization: "putuo-urban-operations",
    zh: { title: "寺庙周边节假日大客流预警", description: "春节、元宵等节日真如寺周边客流很大，存在拥挤踩踏风险。希望能实时掌握人流密度，提前预警并引导分流。" },
    en: { title: "Early warning of holiday crowds around the temple", description: "At Spring Festival and the Lantern Festival crowds around Zhenru Temple are very large and crushes are a risk. We need live crowd density, early warning and guidance to spread visitors." },
  },
  {
    raisedBy: "resident",
    domain: "life",
    zh: { title: "社区助餐点排队时间太长", description: "中午到长者食堂吃饭要排很久的队，行动不便的老人站不住。希望能提前预约取餐时间，或者送餐上门。" },
    en: { title: "Queues at the community canteen are too long", description: "At lunchtime the queue at the canteen for older people is long and those with limited mobility cannot stand for it. We would like to book a pick-up time, or have meals delivered." },
  },
  {
    raisedBy: "resident",
    domain: "life",
    zh: { title: "人才公寓快递外卖送不进楼", description: "人才公寓不让外卖电动车进入，每次都要下楼到大门口取，下雨天尤其不便。希望有无人配送或智能快递柜送到楼下。" },
    en: { title: "Parcels and takeaways cannot reach the talent apartments", description: "Delivery e-bikes are not allowed into the talent apartments, so we walk to the gate every time, which is hard in the rain. Robot delivery or smart lockers by each building would help." },
  },
  {
    raisedBy: "community",
    domain: "governance",
    organization: "zhenru-town-office",
    zh: { title: "老旧小区加装电梯后的运行安全监测", description: "辖区老旧小区已加装数十台电梯，业主自管能力有限，困人和故障时响应慢。需要统一监测电梯运行状态，故障自动通知维保单位。" },
    en: { title: "Safety monitoring of lifts added to older estates", description: "Dozens of lifts have been added to older estates; owners have little capacity to manage them and entrapments are handled slowly. We need one system watching them and calling the maintenance firm on faults." },
  },
  {
    raisedBy: "community",
    domain: "life",
    organization: "zhenru-town-office",
    zh: { title: "养老机构护理员不足，夜间照护压力大", description: "小镇养老机构护理员缺口较大，夜班一人要照看几十位老人。希望用智能设备承担夜间巡视和异常发现，让护理员把精力用在照护上。" },
    en: { title: "Care homes are short of carers at night", description: "Care homes in the town lack carers; on night shift one carer looks after dozens of residents. Smart devices could take over night rounds and spot problems so carers can focus on care." },
  },
  {
    raisedBy: "company",
    domain: "economy",
    organization: "zhujing",
    zh: { title: "科创园区需要共享会议室和实验设备", description: "初创企业买不起昂贵的实验设备，会议室也常常不够用。希望把园区和科研院所的设备、会议室开放共享，在线预约使用。" },
    en: { title: "Shared meeting rooms and lab equipment for the innovation park", description: "Start-ups cannot afford expensive lab equipment and meeting rooms are often short. The park's and institutes' equipment and rooms should be shared and booked online." },
  },
  {
    raisedBy: "urban_management",
    domain: "governance",
    organization: "putuo-urban-operations",
    zh: { title: "小镇河道水质需要实时监测", description: "小镇内河道承担景观和排涝功能，水质偶有异味。需要布设在线监测，及时发现偷排和水质异常。" },
    en: { title: "River water quality in the town needs live monitoring", description: "The town's rivers serve both scenery and drainage, and the water sometimes smells. Online monitoring should catch illegal discharges and water-quality problems early." },
  },
];

type CommentBank = { high: string[]; mid: string[]; low: string[] };

/** Per-criterion comments by score level (high ≥ 8, low ≤ 4), in each language. */
export const CRITERION_COMMENTS: Record<"zh-CN" | "en", Record<string, CommentBank>> = {
  "zh-CN": {
    innovation: {
      high: ["技术路线新颖，在区内同类场景中少见。", "把成熟技术组合用于新场景，思路有亮点。"],
      mid: ["创新点一般，与现有产品差异不大。", "有一定新意，但核心技术依赖第三方。"],
      low: ["方案较为常规，缺少创新。", "与市面已有产品基本相同。"],
    },
    feasibility: {
      high: ["已有试点数据支撑，落地可行性高。", "实施计划清晰，团队有类似项目经验。"],
      mid: ["实施周期偏乐观，建议细化里程碑。", "需要多部门配合，协调成本较高。"],
      low: ["缺少落地路径和运维安排。", "技术成熟度不足，短期内难以部署。"],
    },
    social_value: {
      high: ["直接回应老年人和居民的急难愁盼。", "受益面广，社会效益明显。"],
      mid: ["受益人群较窄，建议扩大覆盖。", "社会价值有，但量化指标不足。"],
      low: ["与居民实际需求关联不强。", "社会效益描述笼统。"],
    },
    cost_effectiveness: {
      high: ["投入合理，可复制推广。", "运维成本低，性价比较高。"],
      mid: ["硬件投入偏高，建议分期实施。", "后续运维费用需进一步测算。"],
      low: ["成本明显偏高，效益难以覆盖。", "报价缺少明细。"],
    },
    pilot_fit: {
      high: ["与海纳小镇试点定位高度契合。", "很适合在小镇先行先试。"],
      mid: ["与试点区方向相关，但特色不突出。", "建议结合小镇场景进一步调整。"],
      low: ["与试点区定位关联不大。", "更适合在其他区域推广。"],
    },
  },
  en: {
    innovation: {
      high: ["A fresh technical approach, rare among similar projects in the district.", "Combines proven technologies in a new setting — a real highlight."],
      mid: ["Modest novelty; close to existing products.", "Some new ideas, but the core technology is a third party's."],
      low: ["A conventional proposal with little innovation.", "Much the same as products already on the market."],
    },
    feasibility: {
      high: ["Backed by pilot data; highly feasible.", "A clear plan and a team with similar projects behind it."],
      mid: ["The schedule looks optimistic; please detail the milestones.", "Needs several departments to cooperate; coordination will cost."],
      low: ["No path to deployment or plan for operations.", "Not mature enough to deploy soon."],
    },
    social_value: {
      high: ["Answers the most pressing needs of older residents.", "Wide benefit and clear social value."],
      mid: ["A narrow group benefits; consider widening it.", "Some social value, but few measurable targets."],
      low: ["Weakly linked to residents' real needs.", "The social benefit is described only vaguely."],
    },
    cost_effectiveness: {
      high: ["Reasonable cost and easy to replicate.", "Low running costs; good value."],
      mid: ["Hardware costs are high; consider phasing.", "Running costs need more work."],
      low: ["Clearly too expensive for the benefit.", "The quote lacks detail."],
    },
    pilot_fit: {
      high: ["Fits the Haina pilot zone very well.", "Well suited to be tried first in the town."],
      mid: ["Related to the pilot zone, but not distinctive.", "Should be adapted further to the town's setting."],
      low: ["Little to do with the pilot zone's aims.", "Better suited to other areas."],
    },
  },
};

export const OVERALL_COMMENTS: Record<"zh-CN" | "en", CommentBank> = {
  "zh-CN": {
    high: ["整体方案成熟，建议优先支持试点。", "推荐入选，建议尽快对接应用场景。"],
    mid: ["方案有一定价值，建议补充试点数据后再评估。", "可以考虑，但需进一步明确实施主体和资金来源。"],
    low: ["方案尚不成熟，建议完善后再次申报。", "与本次征集重点契合度不高。"],
  },
  en: {
    high: ["A mature proposal; we recommend supporting a pilot first.", "Recommended; connect it to a scenario soon."],
    mid: ["Of some value; please add pilot data before a final view.", "Possible, but who implements and pays must be clearer."],
    low: ["Not yet mature; please improve it and apply again.", "A weak fit with the focus of this call."],
  },
};

/** The expert reviewers added by the review demo (besides the demo accounts). */
export const EXPERTS: { email: string; displayName: string; organization?: string }[] = [
  { email: "expert01@experts.example", displayName: "林国栋" },
  { email: "expert02@experts.example", displayName: "许雅琴" },
  { email: "expert03@experts.example", displayName: "黄立新", organization: "age-friendly-tech-centre" },
  { email: "expert04@experts.example", displayName: "冯晓东" },
  { email: "expert05@experts.example", displayName: "蒋慧敏" },
  // A consultant who also works for China Mobile Shanghai: never reviews its applications.
  { email: "expert06@experts.example", displayName: "钱振宇", organization: "china-mobile-shanghai" },
  { email: "expert07@experts.example", displayName: "沈佳怡" },
  { email: "expert08@experts.example", displayName: "陆文涛", organization: "suhe-digital-city-institute" },
  { email: "expert09@experts.example", displayName: "顾思源" },
];

/** Reasons a reviewer gives for stepping aside. */
export const RECUSAL_REASONS = [
  "本人近三年曾为该企业提供技术咨询服务，存在利益关系，申请回避。",
  "本人亲属在该单位任职，依规回避。",
  "本人参与过该项目的前期方案论证，申请回避。",
];
