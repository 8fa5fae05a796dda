import type zh from "../zh-CN/my";

const en: typeof zh = {
  metaTitle: "My submissions",
  title: "My submissions",
  intro: "The demands you raised (drafts and needs taken in for residents included) and the applications you or your organisations submitted, with their history.",
  demands: "My demands",
  applications: "My applications",
  noDemands: "You have not raised a demand yet.",
  noApplications: "Neither you nor your organisations have submitted an application yet.",
  newDemand: "Raise a demand",
  newIntake: "Take in a need for a resident",
  onBehalf: "Taken in for a resident",
  status: "Status",
  updated: "Updated {{date}}",
  edit: "Edit",
  showTimeline: "History ({{count}} entries)",
  more: "Only the latest 200 are shown.",
  timeline: {
    unknownActor: "System",
    change: "“{{from}}” → “{{to}}”",
    to: "→ “{{to}}”",
    reason: "Reason: {{reason}}",
    generic: "Recorded an action",
    actions: {
      demand: {
        create: "Created the demand",
        update: "Edited the demand",
        submit: "Submitted the demand",
        withdraw: "Withdrew the demand",
        intake: "Took in and submitted the demand for a resident",
      },
      application: {
        create: "Created the application",
        update: "Edited the application",
        submit: "Submitted the application",
        withdraw: "Withdrew the application",
      },
    },
  },
};
export default en;
