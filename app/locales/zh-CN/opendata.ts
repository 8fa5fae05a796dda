export default {
  metaTitle: "开放数据 · 普陀数字化转型实验室",
};
