export default {
  metaTitle: "数据统计 · 普陀数字化转型实验室",
};
