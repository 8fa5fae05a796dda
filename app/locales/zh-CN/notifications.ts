/**
 * What the portal tells people, by notice kind: `{ subject, body }` rendered
 * from the notice's params in the reader's language (inbox and e-mail).
 * Add a kind here (and in English) before calling `notify` with it.
 */
export default {
  linkLabel: "查看详情：",
  fallback: { subject: "您有一条新通知", body: "请登录普陀数字化转型实验室查看详情。" },
  itemPassedScreening: {
    subject: "您的{{itemTypeZh}}“{{title}}”已通过初筛",
    body: "您提交到“{{campaignZh}}”的{{itemTypeZh}}“{{title}}”已通过初筛，进入专家评审。评审结果公布后我们会再通知您。",
  },
  itemRejected: {
    subject: "您的{{itemTypeZh}}“{{title}}”未通过初筛",
    body: "很遗憾，您提交到“{{campaignZh}}”的{{itemTypeZh}}“{{title}}”未通过初筛。原因：{{reasonZh}}。如有疑问，请联系普陀区科委。",
  },
  reviewReminder: {
    subject: "提醒：您在“{{campaignZh}}”还有 {{pending}} 项待评审",
    body: "您好！您在“{{campaignZh}}”中还有 {{pending}} 项分配给您的评审尚未提交，请尽快登录完成评分。感谢您的支持！",
  },
  reviewAssigned: {
    subject: "“{{campaignZh}}”有 {{n}} 项新的评审任务",
    body: "您好！“{{campaignZh}}”为您分配了 {{n}} 项评审任务，请登录后按评分细则打分。如与提交单位存在利益关系，请在评审页面申请回避。",
  },
  itemSelected: {
    subject: "祝贺！您的{{itemTypeZh}}“{{title}}”入选",
    body: "您提交到“{{campaignZh}}”的{{itemTypeZh}}“{{title}}”已入选，名单已公布。感谢您的参与！",
  },
  itemNotSelected: {
    subject: "您的{{itemTypeZh}}“{{title}}”未入选",
    body: "“{{campaignZh}}”的名单已公布，您提交的{{itemTypeZh}}“{{title}}”这次未能入选。您可以查看专家的评审意见。感谢您的参与！",
  },
  matchResponded: {
    subject: "{{vendorZh}}响应了需求“{{demandTitle}}”",
    body: "{{vendorZh}}用方案“{{applicationTitle}}”响应了需求“{{demandTitle}}”，并提交了实施思路、时间安排和费用区间。请在需求的匹配页查看，并决定是否提议匹配。",
  },
  matchProposed: {
    subject: "匹配提议：“{{applicationTitle}}”对接“{{demandTitle}}”",
    body: "{{subdistrictZh}}的需求“{{demandTitle}}”提议由{{vendorZh}}以方案“{{applicationTitle}}”承接。请企业登录后确认接受或谢绝。",
  },
  matchAccepted: {
    subject: "{{vendorZh}}已接受匹配：“{{demandTitle}}”",
    body: "{{vendorZh}}已接受以方案“{{applicationTitle}}”承接{{subdistrictZh}}的需求“{{demandTitle}}”。试点开始后，请记录试点地点、开始日期和考核指标。",
  },
  matchDeclined: {
    subject: "匹配已终止：“{{demandTitle}}” × “{{applicationTitle}}”",
    body: "{{subdistrictZh}}的需求“{{demandTitle}}”与{{vendorZh}}的方案“{{applicationTitle}}”的匹配已终止。理由：{{reason}}",
  },
  matchPilotStarted: {
    subject: "试点开始：“{{applicationTitle}}”在{{subdistrictZh}}",
    body: "{{vendorZh}}的方案“{{applicationTitle}}”已在{{subdistrictZh}}开始试点（{{site}}，{{startOn}} 起），服务需求“{{demandTitle}}”。",
  },
  matchDeployed: {
    subject: "已落地：“{{applicationTitle}}”在{{subdistrictZh}}",
    body: "{{vendorZh}}的方案“{{applicationTitle}}”已于 {{deployedOn}} 在{{subdistrictZh}}正式落地，服务需求“{{demandTitle}}”。感谢双方的合作！",
  },
};
