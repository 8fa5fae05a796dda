import type zh from "../zh-CN/audit";

const en: typeof zh = {
  metaTitle: "Audit log",
  title: "Audit log",
  intro: "Every status change, assignment, override, publication and role change: who did what to which record, when and why.",
  filtersLabel: "Filter the audit log",
  filters: {
    action: "Action",
    entityType: "Record type",
    entityId: "Record number",
    actor: "Done by (e-mail or name)",
    from: "From",
    to: "To",
  },
  actionHint: "An action may be a prefix: demand matches demand.submit, demand.reject and so on.",
  apply: "Filter",
  clear: "Clear filters",
  total_one: "{{count}} entry",
  total_other: "{{count}} entries",
  empty: "No entries match.",
  by: "By",
  system: "the system",
  reason: "Reason:",
  details: "More",
  entities: {
    demand: "Demand",
    application: "Application",
    campaign: "Campaign",
    user: "User",
    organization: "Organisation",
    screening_reason: "Screening reason",
  },
  errors: {
    tooLong: "This is too long.",
    entityId: "The record number must be a positive whole number.",
    date: "Please enter a valid date as year-month-day.",
    toBeforeFrom: "The end date cannot be before the start date.",
  },
};
export default en;
