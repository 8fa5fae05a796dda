import type zh from "../zh-CN/mailbox";

const en: typeof zh = {
  metaTitle: "Local mailbox",
  title: "Local mailbox",
  intro: "Every e-mail the portal wrote. Without SMTP_URL nothing is really sent: the e-mails are kept here (status “Local”).",
  total_one: "{{count}} e-mail",
  total_other: "{{count}} e-mails",
  empty: "No e-mails yet.",
  when: "When",
  to: "To",
  subject: "Subject",
  status: "Status",
  statuses: { pending: "Pending", sent: "Sent", failed: "Failed", local: "Local" },
  attempts_one: "{{count}} attempt",
  attempts_other: "{{count}} attempts",
  lastError: "Last error",
  back: "← Back to the local mailbox",
  messageTitle: "{{subject}} · Local mailbox",
  messageDescription: "The e-mail “{{subject}}” sent by the portal: recipient, delivery status and text.",
};
export default en;
