import type zh from "../zh-CN/inbox";

const en: typeof zh = {
  metaTitle: "Notices ({{unread}} unread)",
  metaDescription: "Notifications about your submissions, review tasks and matches; mark them read one by one or all at once.",
  title: "My notices",
  summary: "{{total}} in all, {{unread}} unread.",
  empty: "You have no notices yet.",
  unread: "Unread",
  open: "Open",
  markRead: "Mark as read",
  markReadOne: "Mark “{{subject}}” as read",
  markAllRead: "Mark all as read",
  errors: { intentInvalid: "The request was not understood; reload the page and try again." },
};
export default en;
