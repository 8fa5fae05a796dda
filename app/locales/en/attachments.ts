import type zh from "../zh-CN/attachments";

const en: typeof zh = {
  title: "Attachments",
  none: "No attachments.",
  file: "Choose a file",
  fileHint: "JPG, PNG, WebP or GIF images and PDF files, up to 10 MB each, at most {{max}}.",
  upload: "Upload",
  remove: "Remove",
  removeLabel: "Remove the attachment {{name}}",
  limitReached: "This item has the maximum of {{max}} attachments. Remove one to add another.",
  image: "Image",
  pdf: "PDF",
  size: "{{size}}",
  errors: {
    empty: "The file is empty; please choose another.",
    missingFile: "Please choose a file first.",
    tooLarge: "The file is larger than 10 MB; please make it smaller and try again.",
    typeNotAllowed: "Only JPG, PNG, WebP or GIF images and PDF files can be uploaded (checked from the file's content; renaming does not help).",
    tooMany: "An item can have at most 5 attachments; remove one first.",
    notEditable: "Attachments cannot be changed in the item's current state.",
    invalid: "The upload failed; please try again.",
  },
};
export default en;
