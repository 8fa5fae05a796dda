import type zh from "../zh-CN/intake";

const en: typeof zh = {
  metaTitle: "Take in a need for a resident",
  title: "Take in a need for a resident",
  intro: "For residents who cannot use a phone or a computer. Ask for the resident's consent first and record how it was given. The need is submitted at once.",
  resident: "Resident",
  residentName: "Resident's name",
  residentNameHint: "E.g. Shao Jianguo or Mr Shao. The public sees only a short form such as “邵先生” or “Mr S.”.",
  residentPhone: "Resident's phone (optional)",
  residentPhoneHint: "Only officials and you can see it.",
  channel: "How the need reached you",
  consentMethod: "How the resident consented",
  consentAt: "When the resident consented",
  consentAtHint: "Now by default; change it if needed.",
  need: "The need",
  submit: "Record and submit",
  channels: { phone: "Phone", in_person: "In person", paper: "Paper form" },
  consentMethods: {
    verbal_phone: "verbally by phone",
    verbal_in_person: "verbally in person",
    signed_form: "on a signed form",
  },
  errors: {
    residentNameRequired: "Please give the resident's name.",
    residentNameTooLong: "The name can have at most 40 characters.",
    phoneInvalid: "That phone number does not look right, e.g. 13812345678 or 021-62541234.",
    channel: "Please say how the need reached you.",
    consentMethod: "Please say how the resident consented.",
    consentAtInvalid: "Please give a valid consent time.",
    consentAtFuture: "The consent time cannot be in the future.",
  },
};
export default en;
