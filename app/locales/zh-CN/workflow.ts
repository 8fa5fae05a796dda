/** The life cycle of demands and applications: status names and why a move is refused. */
export default {
  statuses: {
    draft: "草稿",
    submitted: "已提交",
    in_review: "评审中",
    scored: "已评分",
    shortlisted: "入围",
    selected: "入选",
    not_shortlisted: "未入围",
    rejected: "初筛未通过",
    withdrawn: "已撤回",
  },
  itemTypes: { demand: "需求", application: "应用" },
  refusal: {
    wrongStatus: "此项当前状态为“{{status}}”，该操作只适用于状态为{{allowed}}的项目。",
    wrongStage: "征集活动当前处于“{{stage}}”阶段，该操作只在{{allowed}}阶段开放。",
    reasonRequired: "请填写理由。",
    notFound: "找不到该项目，它可能已被删除。",
    quoted: "“{{label}}”",
    separator: "或",
  },
};
