import type zh from "../zh-CN/lists";

const en: typeof zh = {
  index: {
    metaTitle: "Selected lists",
    metaDescription: "The lists of selected applications and demands published by Putuo's digital transformation calls.",
    title: "Selected lists",
    intro: "The innovative applications and scenario demands selected after expert review by the district's science and technology commission. Open a campaign for its full ranking.",
    empty: "No lists have been published yet.",
    counts: "{{applications}} applications · {{demands}} demands selected",
    publishedOn: "Published {{date}}",
  },
  detail: {
    metaTitle: "{{title}}: selected lists",
    metaDescription: "{{title}}: {{applications}} selected applications and {{demands}} selected demands.",
    back: "All lists",
    jump: "Jump to",
    applications: "Selected applications",
    demands: "Selected demands",
    count: "{{n}} items",
    none: "This list is empty.",
    rank: "Rank {{rank}}",
    vendor: "Vendor",
    raisedBy: "Raised by",
    domain: "Domain",
    subdistricts: "Subdistricts",
  },
};
export default en;
