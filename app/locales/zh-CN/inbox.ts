/** The in-app inbox. */
export default {
  metaTitle: "通知（{{unread}} 条未读）",
  metaDescription: "您的提交、评审任务和匹配进展的站内通知，可逐条或全部标为已读。",
  title: "我的通知",
  summary: "共 {{total}} 条，未读 {{unread}} 条。",
  empty: "还没有通知。",
  unread: "未读",
  open: "查看",
  markRead: "标为已读",
  markReadOne: "将“{{subject}}”标为已读",
  markAllRead: "全部标为已读",
  errors: { intentInvalid: "请求无效，请刷新页面后重试。" },
};
