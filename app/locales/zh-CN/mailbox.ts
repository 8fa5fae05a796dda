/** The local mailbox for developers (and administrators). */
export default {
  metaTitle: "本地邮箱 · 普陀数字化转型实验室",
  title: "本地邮箱",
  intro: "门户发出的全部电子邮件。未配置 SMTP_URL 时邮件不会真正发出，只保存在这里（状态为“本地”）。",
  total_one: "共 {{count}} 封",
  total_other: "共 {{count}} 封",
  empty: "还没有邮件。",
  when: "时间",
  to: "收件人",
  subject: "主题",
  status: "状态",
  statuses: { pending: "待发送", sent: "已发送", failed: "发送失败", local: "本地" },
  attempts_one: "已尝试 {{count}} 次",
  attempts_other: "已尝试 {{count}} 次",
  lastError: "最近的错误",
  back: "← 返回本地邮箱",
  messageTitle: "{{subject}} · 本地邮箱",
};
