import type zh from "../zh-CN/home";

const en: typeof zh = {
  metaTitle: "Putuo Lab · Home",
  metaDescription: "Putuo District gathers smart-city demands from residents, firms and communities and solutions from tech firms, reviews and publishes the best, and pilots them in its subdistricts.",
  heroTitle: "Digital transformation that starts from real needs",
  heroBody: "Residents, firms, neighbourhood committees and city managers raise needs; tech firms propose solutions; the district's science and technology commission has experts review them, publishes the selected lists and brings them to pilots in each subdistrict.",
  currentCampaign: "Current campaign",
  stage: "Stage",
  quota: "Aims to select {{applications}} applications and {{demands}} demands",
  noCampaign: "No campaign is running at the moment.",
  numbers: "At a glance",
  demandsSubmitted: "Demands submitted",
  applicationsSubmitted: "Applications submitted",
  shortlisted: "shortlisted",
  selected: "selected",
  places: "Subdistricts and towns",
  town: "Town",
  subdistrict: "Subdistrict",
  getStarted: "Create an account and raise a need",
};
export default en;
