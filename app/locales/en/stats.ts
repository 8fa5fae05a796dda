import type zh from "../zh-CN/stats";

const en: typeof zh = {
  metaTitle: "Statistics · Putuo Lab",
};

export default en;
