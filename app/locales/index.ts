/**
 * All interface text, by language and namespace. Chinese is the source; each
 * English namespace is typed against it, so a missing key fails the typecheck.
 * To add a namespace: a file in each language folder, registered below.
 */
import enAccount from "./en/account";
import enAdmin from "./en/admin";
import enApplications from "./en/applications";
import enAttachments from "./en/attachments";
import enAuth from "./en/auth";
import enCommon from "./en/common";
import enDemands from "./en/demands";
import enHome from "./en/home";
import enImport from "./en/import";
import enIntake from "./en/intake";
import enMy from "./en/my";
import enNotice from "./en/notice";
import enOrganizations from "./en/organizations";
import enAudit from "./en/audit";
import enCampaigns from "./en/campaigns";
import enInbox from "./en/inbox";
import enMailbox from "./en/mailbox";
import enNotifications from "./en/notifications";
import enScreening from "./en/screening";
import enWorkflow from "./en/workflow";
import zhAccount from "./zh-CN/account";
import zhAdmin from "./zh-CN/admin";
import zhApplications from "./zh-CN/applications";
import zhAttachments from "./zh-CN/attachments";
import zhAuth from "./zh-CN/auth";
import zhCommon from "./zh-CN/common";
import zhDemands from "./zh-CN/demands";
import zhHome from "./zh-CN/home";
import zhImport from "./zh-CN/import";
import zhIntake from "./zh-CN/intake";
import zhMy from "./zh-CN/my";
import zhNotice from "./zh-CN/notice";
import zhOrganizations from "./zh-CN/organizations";
import zhAudit from "./zh-CN/audit";
import zhCampaigns from "./zh-CN/campaigns";
import zhInbox from "./zh-CN/inbox";
import zhMailbox from "./zh-CN/mailbox";
import zhNotifications from "./zh-CN/notifications";
import zhScreening from "./zh-CN/screening";
import zhWorkflow from "./zh-CN/workflow";
import enLists from "./en/lists";
import enReview from "./en/review";
import enShortlist from "./en/shortlist";
import zhLists from "./zh-CN/lists";
import zhReview from "./zh-CN/review";
import zhShortlist from "./zh-CN/shortlist";
import enSearch from "./en/search";
import zhSearch from "./zh-CN/search";
import enSearchAdmin from "./en/searchAdmin";
import zhSearchAdmin from "./zh-CN/searchAdmin";
import enBoards from "./en/boards";
import enMatching from "./en/matching";
import zhBoards from "./zh-CN/boards";
import zhMatching from "./zh-CN/matching";
import enOpendata from "./en/opendata";
import enStats from "./en/stats";
import zhOpendata from "./zh-CN/opendata";
import zhStats from "./zh-CN/stats";
import enDevelopers from "./en/developers";
import zhDevelopers from "./zh-CN/developers";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export const resources = {
  "zh-CN": { common: zhCommon, home: zhHome, auth: zhAuth, account: zhAccount, admin: zhAdmin, notice: zhNotice, applications: zhApplications, organizations: zhOrganizations, attachments: zhAttachments, demands: zhDemands, intake: zhIntake, my: zhMy, import: zhImport, audit: zhAudit, campaigns: zhCampaigns, inbox: zhInbox, mailbox: zhMailbox, notifications: zhNotifications, screening: zhScreening, workflow: zhWorkflow, review: zhReview, shortlist: zhShortlist, lists: zhLists, search: zhSearch, searchAdmin: zhSearchAdmin, matching: zhMatching, boards: zhBoards, stats: zhStats, opendata: zhOpendata, developers: zhDevelopers },
  en: { common: enCommon, home: enHome, auth: enAuth, account: enAccount, admin: enAdmin, notice: enNotice, applications: enApplications, organizations: enOrganizations, attachments: enAttachments, demands: enDemands, intake: enIntake, my: enMy, import: enImport, audit: enAudit, campaigns: enCampaigns, inbox: enInbox, mailbox: enMailbox, notifications: enNotifications, screening: enScreening, workflow: enWorkflow, review: enReview, shortlist: enShortlist, lists: enLists, search: enSearch, searchAdmin: enSearchAdmin, matching: enMatching, boards: enBoards, stats: enStats, opendata: enOpendata, developers: enDevelopers },
} as const;

export const NAMESPACES = Object.keys(resources["zh-CN"]) as (keyof (typeof resources)["zh-CN"])[];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
