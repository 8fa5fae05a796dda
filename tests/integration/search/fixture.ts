/**
 * A small bilingual corpus with known answers, for the relevance tests that
 * every engine must pass.
 */
import type { SearchDocument } from "../../../search/types";

let next = 1000;
function doc(over: Partial<SearchDocument> & Pick<SearchDocument, "title">): SearchDocument {
  return {
    type: "application",
    id: next++,
    altTitle: "",
    summary: "",
    body: "",
    keywords: "",
    lang: "zh-CN",
    domain: "life",
    status: "selected",
    subdistrictIds: [1],
    technologyIds: [],
    organizationId: 1,
    campaignId: 1,
    isPublic: true,
    authorId: null,
    memberOrganizationId: 1,
    reviewerIds: [],
    supportCount: 0,
    sortDate: "2021-01-15T00:00:00.000Z",
    ...over,
  };
}

export const F = {
  agriBank: doc({ type: "organization", title: "中国农业发展银行上海分行", altTitle: "Agricultural Development Bank of China", body: "政策性银行，支持乡村振兴与城市更新。", domain: null, status: "verified" }),
  aloneElderly: doc({ title: "独居老人安全守护套装", summary: "烟感、燃气探测、智能门磁和床垫心率呼吸监测", body: "为长寿路街道独居老人提供全天候安全守护，异常时通知社区工作者。", domain: "life" }),
  aloneApart: doc({ title: "社区独居人员登记系统", summary: "面向老人和残疾人的走访记录", body: "居委会记录独居情况，定期走访老人。", domain: "governance" }),
  eldersCare: doc({ title: "长者智慧食堂", summary: "为社区长者提供助餐服务", body: "刷脸就餐，子女远程查看用餐情况。", domain: "life" }),
  cameraEn: doc({ title: "Smart camera network for parks", summary: "AI cameras detect falls and crowding", body: "Cameras along the Suzhou Creek greenway alert park staff.", lang: "en", domain: "governance", technologyIds: [7] }),
  inspectEn: doc({ title: "Drone inspections of historic buildings", summary: "Regular inspections spot damage early", body: "Sensors and drones inspect facades of old buildings in Putuo.", lang: "en", domain: "governance" }),
  surveillanceEn: doc({ title: "Campus surveillance and early warning", summary: "Video surveillance with facial recognition for school gates", body: "Monitors public health, pollution, disputes and emergencies on campus.", lang: "en", domain: "governance", technologyIds: [7] }),
  taxiZh: doc({ type: "demand", title: "老人一键叫车", body: "视力不好的老人希望打一个电话就能叫到出租车去医院。", domain: "life", status: "submitted", memberOrganizationId: null, organizationId: null, subdistrictIds: [4] }),
  manholeZh: doc({ title: "窨井盖位移监测", summary: "物联网传感器实时监测井盖状态", body: "井盖被移动或破损时自动报警。", domain: "governance", subdistrictIds: [2], technologyIds: [3] }),
  hiddenDraftLike: doc({ title: "未公开的独居老人方案", summary: "仅企业成员与官员可见", body: "尚未入选。", isPublic: false, status: "in_review", memberOrganizationId: 99, organizationId: 99 }),
};

export const FIXTURE: SearchDocument[] = Object.values(F);
