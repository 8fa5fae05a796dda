import type zh from "../zh-CN/workflow";

const en: typeof zh = {
  statuses: {
    draft: "Draft",
    submitted: "Submitted",
    in_review: "In review",
    scored: "Scored",
    shortlisted: "Shortlisted",
    selected: "Selected",
    not_shortlisted: "Not shortlisted",
    rejected: "Rejected at screening",
    withdrawn: "Withdrawn",
  },
  itemTypes: { demand: "Demand", application: "Application" },
  refusal: {
    wrongStatus: "This item is “{{status}}”; this action applies only to items that are {{allowed}}.",
    wrongStage: "The campaign is in the “{{stage}}” stage; this action is open only in the {{allowed}} stage.",
    reasonRequired: "Please give a reason.",
    notFound: "The item cannot be found; it may have been deleted.",
    quoted: "“{{label}}”",
    separator: " or ",
  },
};
export default en;
