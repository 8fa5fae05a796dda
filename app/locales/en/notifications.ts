import type zh from "../zh-CN/notifications";

const en: typeof zh = {
  linkLabel: "See the details:",
  fallback: { subject: "You have a new notice", body: "Sign in to Putuo Lab to see the details." },
  itemPassedScreening: {
    subject: "Your {{itemTypeEn}} “{{title}}” passed screening",
    body: "Your {{itemTypeEn}} “{{title}}”, submitted to “{{campaignEn}}”, passed screening and goes on to expert review. We will tell you again when the results are published.",
  },
  itemRejected: {
    subject: "Your {{itemTypeEn}} “{{title}}” did not pass screening",
    body: "We are sorry: your {{itemTypeEn}} “{{title}}”, submitted to “{{campaignEn}}”, did not pass screening. Reason: {{reasonEn}}. If you have questions, please contact the Putuo Science and Technology Commission.",
  },
  reviewReminder: {
    subject: "Reminder: reviews are waiting for you in “{{campaignEn}}” ({{pending}})",
    body: "Hello! Items assigned to you in “{{campaignEn}}” still wait for your review ({{pending}} in all). Please sign in and submit your scores soon. Thank you!",
  },
  reviewAssigned: {
    subject: "{{n}} new items to review in “{{campaignEn}}”",
    body: "Hello! {{n}} items of “{{campaignEn}}” have been assigned to you. Please sign in and score them against the rubric. If you have a conflict of interest with a submitter, recuse yourself on the review page.",
  },
  itemSelected: {
    subject: "Congratulations! Your {{itemTypeEn}} “{{title}}” was selected",
    body: "Your {{itemTypeEn}} “{{title}}”, submitted to “{{campaignEn}}”, was selected; the lists have been published. Thank you for taking part!",
  },
  itemNotSelected: {
    subject: "Your {{itemTypeEn}} “{{title}}” was not selected",
    body: "The lists of “{{campaignEn}}” have been published; your {{itemTypeEn}} “{{title}}” was not selected this time. You can read the reviewers' feedback. Thank you for taking part!",
  },
  matchResponded: {
    subject: "{{vendorEn}} responded to “{{demandTitle}}”",
    body: "{{vendorEn}} responded to the demand “{{demandTitle}}” with the solution “{{applicationTitle}}”, with an approach, a timeline and a cost band. See it on the demand's matching page and decide whether to propose the match.",
  },
  matchProposed: {
    subject: "Match proposed: “{{applicationTitle}}” for “{{demandTitle}}”",
    body: "It is proposed that {{vendorEn}} serves the demand “{{demandTitle}}” in {{subdistrictEn}} with the solution “{{applicationTitle}}”. The vendor is asked to sign in and accept or decline.",
  },
  matchAccepted: {
    subject: "{{vendorEn}} accepted the match for “{{demandTitle}}”",
    body: "{{vendorEn}} accepted to serve the demand “{{demandTitle}}” in {{subdistrictEn}} with “{{applicationTitle}}”. When the pilot starts, please record its site, start date and KPIs.",
  },
  matchDeclined: {
    subject: "Match ended: “{{demandTitle}}” × “{{applicationTitle}}”",
    body: "The match of the demand “{{demandTitle}}” in {{subdistrictEn}} with {{vendorEn}}'s solution “{{applicationTitle}}” has ended. Reason: {{reason}}",
  },
  matchPilotStarted: {
    subject: "Pilot started: “{{applicationTitle}}” in {{subdistrictEn}}",
    body: "{{vendorEn}}'s solution “{{applicationTitle}}” is being piloted in {{subdistrictEn}} ({{site}}, from {{startOn}}) for the demand “{{demandTitle}}”.",
  },
  matchDeployed: {
    subject: "Deployed: “{{applicationTitle}}” in {{subdistrictEn}}",
    body: "{{vendorEn}}'s solution “{{applicationTitle}}” was deployed in {{subdistrictEn}} on {{deployedOn}} for the demand “{{demandTitle}}”. Thank you both!",
  },
};
export default en;
