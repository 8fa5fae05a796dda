/**
 * Input rules for demands and assisted intake, shared by the forms (through
 * conform's `parseWithZod`, which turns form strings into numbers and arrays)
 * and by the domain functions, which re-check whatever they are given.
 * Messages are translation keys; the page shows them in the viewer's language.
 */
import { z } from "zod";

import { CONSENT_METHODS, CONTACT_PREFERENCES, DOMAINS, INTAKE_CHANNELS, RAISED_BY } from "../../db/enums";

import { DESCRIPTION_MAX, DESCRIPTION_MIN, REASON_MAX, RESIDENT_NAME_MAX, TITLE_MAX } from "./limits";

export { DESCRIPTION_MAX, DESCRIPTION_MIN, REASON_MAX, RESIDENT_NAME_MAX, TITLE_MAX };
const MAX_TAGS = 20;

/**
 * A mainland phone number, normalised (spaces, dashes, +86 removed), or null:
 * mobile 1[3-9]xxxxxxxxx, landline with area code (021xxxxxxxx) or a local
 * 8-digit Shanghai number.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.normalize("NFKC").replace(/[\s\-()（）]/g, "").replace(/^(\+86|0086)/, "");
  if (/^1[3-9]\d{9}$/.test(compact)) return compact;
  if (/^0\d{2,3}[2-9]\d{6,7}$/.test(compact)) return compact;
  if (/^[2-9]\d{7}$/.test(compact)) return compact;
  return null;
}

const id = (message: string) => z.number({ error: message }).int({ error: message }).positive({ error: message }).max(2_147_483_647, { error: message });

const idList = (message: string) => z.array(id(message), { error: message }).max(MAX_TAGS, { error: message }).default([]);

const demandFields = {
  title: z
    .string({ error: "demands:errors.titleRequired" })
    .trim()
    .min(1, { error: "demands:errors.titleRequired" })
    .max(TITLE_MAX, { error: "demands:errors.titleTooLong" }),
  description: z
    .string({ error: "demands:errors.descriptionRequired" })
    .trim()
    .min(DESCRIPTION_MIN, { error: "demands:errors.descriptionTooShort" })
    .max(DESCRIPTION_MAX, { error: "demands:errors.descriptionTooLong" }),
  domain: z.enum(DOMAINS, { error: "demands:errors.domain" }),
  subdistrictId: id("demands:errors.subdistrict"),
  targetGroupIds: idList("demands:errors.targetGroups"),
  scenarioTagIds: idList("demands:errors.scenarioTags"),
};

const contactFields = {
  raisedBy: z.enum(RAISED_BY, { error: "demands:errors.raisedBy" }),
  contactPreference: z.enum(CONTACT_PREFERENCES, { error: "demands:errors.contactPreference" }).default("none"),
  contactValue: z.string().trim().max(200, { error: "demands:errors.contactTooLong" }).nullish(),
};

type ContactShape = { contactPreference: (typeof CONTACT_PREFERENCES)[number]; contactValue?: string | null };

/** Phone or e-mail must be given and valid when chosen; otherwise the value is dropped. */
function checkContact(value: ContactShape, ctx: z.RefinementCtx) {
  const raw = value.contactValue?.trim() ?? "";
  if (value.contactPreference === "phone") {
    if (!raw) ctx.addIssue({ code: "custom", path: ["contactValue"], message: "demands:errors.phoneRequired" });
    else if (!normalizePhone(raw)) ctx.addIssue({ code: "custom", path: ["contactValue"], message: "demands:errors.phoneInvalid" });
  } else if (value.contactPreference === "email") {
    if (!raw) ctx.addIssue({ code: "custom", path: ["contactValue"], message: "demands:errors.emailRequired" });
    else if (!z.email().safeParse(raw).success) ctx.addIssue({ code: "custom", path: ["contactValue"], message: "demands:errors.emailInvalid" });
  }
}

/** Run a cross-field check even when other fields failed, so every message shows at once. */
const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

function normalizeContact<T extends ContactShape>(value: T): T & { contactValue: string | null } {
  const raw = value.contactValue?.trim() ?? "";
  let contactValue: string | null = null;
  if (value.contactPreference === "phone") contactValue = normalizePhone(raw);
  else if (value.contactPreference === "email") contactValue = raw.toLowerCase();
  return { ...value, contactValue };
}

/** What an edit may change (the campaign is fixed once a demand exists). */
export const demandUpdateSchema = z
  .object({ ...demandFields, ...contactFields })
  .check(z.superRefine(checkContact, always))
  .transform(normalizeContact);

/** A new demand: the edit fields plus the campaign it goes into. */
export const demandCreateSchema = z
  .object({ campaignId: id("demands:errors.campaign"), ...demandFields, ...contactFields })
  .check(z.superRefine(checkContact, always))
  .transform(normalizeContact);

export type DemandCreateInput = z.input<typeof demandCreateSchema>;
export type DemandUpdateInput = z.input<typeof demandUpdateSchema>;

/** Hidden fields of the demand forms, read beside the fields above. */
export const formTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/).optional().catch(undefined);
export const versionSchema = z.coerce.number().int().positive();

export const withdrawSchema = z.object({
  reason: z.string().trim().max(REASON_MAX, { error: "demands:errors.reasonTooLong" }).optional(),
});

// ─── Assisted intake ────────────────────────────────────────────────────────

const intakeFields = {
  residentName: z
    .string({ error: "intake:errors.residentNameRequired" })
    .trim()
    .min(1, { error: "intake:errors.residentNameRequired" })
    .max(RESIDENT_NAME_MAX, { error: "intake:errors.residentNameTooLong" }),
  residentPhone: z
    .string()
    .trim()
    .max(40, { error: "intake:errors.phoneInvalid" })
    .nullish()
    .refine((v) => !v || normalizePhone(v) !== null, { error: "intake:errors.phoneInvalid" })
    .transform((v) => (v ? normalizePhone(v) : null)),
  channel: z.enum(INTAKE_CHANNELS, { error: "intake:errors.channel" }),
  consentMethod: z.enum(CONSENT_METHODS, { error: "intake:errors.consentMethod" }),
  campaignId: id("demands:errors.campaign"),
  ...demandFields,
};

/** Consent can be recorded a little ahead of the server's clock, never in the future beyond that. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;
const EARLIEST_CONSENT = new Date("2020-01-01T00:00:00+08:00");

function checkConsentTime(value: { consentAt: Date }, ctx: z.RefinementCtx) {
  if (!(value.consentAt instanceof Date)) return; // already reported by the field itself
  const time = value.consentAt.getTime();
  if (Number.isNaN(time)) ctx.addIssue({ code: "custom", path: ["consentAt"], message: "intake:errors.consentAtInvalid" });
  else if (time > Date.now() + CLOCK_SKEW_MS) ctx.addIssue({ code: "custom", path: ["consentAt"], message: "intake:errors.consentAtFuture" });
  else if (time < EARLIEST_CONSENT.getTime()) ctx.addIssue({ code: "custom", path: ["consentAt"], message: "intake:errors.consentAtInvalid" });
}

/** What the domain function takes. */
export const intakeInputSchema = z
  .object({ ...intakeFields, consentAt: z.date({ error: "intake:errors.consentAtInvalid" }) })
  .check(z.superRefine(checkConsentTime, always));

/**
 * `2026-03-05T09:30` from a datetime-local field, read as Shanghai time
 * (the portal serves one district; browsers send no zone).
 */
export function parseShanghaiLocal(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return null;
  const withSeconds = text.length === 16 ? `${text}:00` : text;
  const date = new Date(`${withSeconds}+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `Date` → the datetime-local value in Shanghai time. */
export function toShanghaiLocal(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 16);
}

/** The intake form: as the domain input, but the consent time arrives as local text. */
export const intakeFormSchema = z
  .object({
    ...intakeFields,
    consentAt: z
      .string({ error: "intake:errors.consentAtInvalid" })
      .transform((text, ctx) => {
        const date = parseShanghaiLocal(text.trim());
        if (!date) {
          ctx.addIssue({ code: "custom", message: "intake:errors.consentAtInvalid" });
          return z.NEVER;
        }
        return date;
      }),
  })
  .check(z.superRefine(checkConsentTime, always));

export type IntakeInput = z.input<typeof intakeInputSchema>;

// ─── Lists ──────────────────────────────────────────────────────────────────

/** URL filters of the public list; an unknown value is dropped, never an error. */
export const demandListQuerySchema = z.object({
  domain: z.enum(DOMAINS).optional().catch(undefined),
  subdistrict: z.string().regex(/^[a-z0-9_-]{1,60}$/).optional().catch(undefined),
  status: z.string().regex(/^[a-z_]{1,30}$/).optional().catch(undefined),
  group: z.string().regex(/^[a-z0-9_-]{1,60}$/).optional().catch(undefined),
  sort: z.enum(["newest", "supported"]).default("newest").catch("newest"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type DemandListQuery = z.output<typeof demandListQuerySchema>;
