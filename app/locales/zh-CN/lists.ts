/** Lists: the public published lists of selected applications and demands. */
export default {
  index: {
    metaTitle: "入选名单",
    metaDescription: "普陀区数字化转型场景征集活动公布的入选应用与需求清单。",
    title: "入选名单",
    intro: "经专家评审、区科委遴选后公布的创新应用和场景需求清单。点击活动名称查看完整排名。",
    empty: "目前还没有发布的名单。",
    counts: "入选应用 {{applications}} 项 · 入选需求 {{demands}} 项",
    publishedOn: "发布于 {{date}}",
  },
  detail: {
    metaTitle: "{{title}} 入选名单",
    metaDescription: "{{title}}：入选应用 {{applications}} 项，入选需求 {{demands}} 项。",
    back: "全部名单",
    jump: "跳转到",
    applications: "入选应用",
    demands: "入选需求",
    count: "{{n}} 项",
    none: "此清单为空。",
    rank: "第 {{rank}} 名",
    vendor: "企业",
    raisedBy: "提出单位",
    domain: "领域",
    subdistricts: "街道（镇）",
  },
};
