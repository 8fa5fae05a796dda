/** Attachments: images and PDFs on demands and applications. */
export default {
  title: "附件",
  none: "暂无附件。",
  file: "选择文件",
  fileHint: "支持 JPG、PNG、WebP、GIF 图片和 PDF 文件，每个不超过 10 MB，最多 {{max}} 个。",
  upload: "上传",
  remove: "删除",
  removeLabel: "删除附件 {{name}}",
  limitReached: "已达到 {{max}} 个附件的上限。如需添加，请先删除一个。",
  image: "图片",
  pdf: "PDF 文件",
  size: "{{size}}",
  errors: {
    empty: "文件是空的，请选择其他文件。",
    missingFile: "请先选择要上传的文件。",
    tooLarge: "文件超过 10 MB，请压缩后再上传。",
    typeNotAllowed: "只能上传 JPG、PNG、WebP、GIF 图片或 PDF 文件（按文件内容识别，改扩展名无效）。",
    tooMany: "每项最多 5 个附件，请先删除一个。",
    notEditable: "当前状态下不能修改附件。",
    invalid: "上传失败，请重试。",
  },
};
