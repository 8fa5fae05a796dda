import type zh from "../zh-CN/opendata";

const en: typeof zh = {
  metaTitle: "Open data · Putuo Lab",
};

export default en;
