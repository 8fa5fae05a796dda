/**
 * Validation of application input: the content a firm writes (shared by the
 * form and the domain functions) and the form's own extras (intent, version,
 * idempotency key, the deployment rows as the form sends them). Messages are
 * translation keys; routes translate them for the viewer.
 */
import { z } from "zod";

import { COST_BANDS, DOMAINS, MATURITIES } from "../../db/enums";

export const TITLE_MAX = 80;
export const SUMMARY_MAX = 300;
export const DESCRIPTION_MAX = 6000;
export const PLACE_NAME_MAX = 100;
export const MAX_TAGS_PER_KIND = 20;
export const MAX_DEMANDS = 20;
export const MAX_DEPLOYMENTS = 20;
export const REASON_MAX = 500;

/** `YYYY-MM`, as `<input type="month">` sends it. */
export const MONTH_PATTERN = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

const text = (max: number, required: string, tooLong: string) =>
  z.string({ error: required }).trim().min(1, required).max(max, tooLong);

const idList = (max: number, message: string) =>
  z
    .array(z.number({ error: message }).int(message).positive(message), { error: message })
    .max(max, message)
    .default([])
    .transform((ids) => [...new Set(ids)]);

/** The current month as `YYYY-MM` in Shanghai time, so "since" can not lie in the future. */
export function currentMonth(now = new Date()): string {
  const shanghai = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  return shanghai.toISOString().slice(0, 7);
}

export const contentFields = {
  title: text(TITLE_MAX, "applications:errors.titleRequired", "applications:errors.titleTooLong"),
  summary: text(SUMMARY_MAX, "applications:errors.summaryRequired", "applications:errors.summaryTooLong"),
  description: text(DESCRIPTION_MAX, "applications:errors.descriptionRequired", "applications:errors.descriptionTooLong"),
  domain: z.enum(DOMAINS, { error: "applications:errors.domainInvalid" }),
  maturity: z.enum(MATURITIES, { error: "applications:errors.maturityInvalid" }),
  costBand: z
    .enum(COST_BANDS, { error: "applications:errors.costBandInvalid" })
    .nullish()
    .transform((v) => v ?? null),
  publicFromSubmission: z.boolean({ error: "applications:errors.invalid" }).default(false),
  technologyIds: idList(MAX_TAGS_PER_KIND, "applications:errors.tagInvalid"),
  scenarioIds: idList(MAX_TAGS_PER_KIND, "applications:errors.tagInvalid"),
  targetGroupIds: idList(MAX_TAGS_PER_KIND, "applications:errors.tagInvalid"),
  demandIds: idList(MAX_DEMANDS, "applications:errors.demandInvalid"),
};

/** A deployment as the domain stores it: a Putuo subdistrict, or a named place elsewhere. */
export const deploymentSchema = z
  .object({
    subdistrictId: z.number().int().positive().nullable(),
    placeName: z.string().trim().min(1).max(PLACE_NAME_MAX).nullable(),
    since: z.string().regex(MONTH_PATTERN).nullable(),
  })
  .refine((d) => (d.subdistrictId === null) !== (d.placeName === null), "applications:errors.placeRequired");

export type Deployment = z.output<typeof deploymentSchema>;

/** The content of an application, as domain functions take it. */
export const applicationContentSchema = z
  .object({
    ...contentFields,
    deployments: z.array(deploymentSchema).max(MAX_DEPLOYMENTS, "applications:errors.tooManyDeployments").default([]),
  })
  .superRefine((value, ctx) => {
    if (value.maturity === "deployed" && value.deployments.length === 0) {
      ctx.addIssue({ code: "custom", path: ["deployments"], message: "applications:errors.deploymentRequired" });
    }
    const now = currentMonth();
    value.deployments.forEach((d, i) => {
      if (d.since && d.since > now) {
        ctx.addIssue({ code: "custom", path: ["deployments", i, "since"], message: "applications:errors.sinceFuture" });
      }
    });
  });

export type ApplicationContent = z.output<typeof applicationContentSchema>;
export type ApplicationContentInput = z.input<typeof applicationContentSchema>;

/**
 * One row of the deployments list as the form sends it: `place` is a
 * subdistrict id or "other" (then `placeName` says where). A row left blank
 * is dropped.
 */
const deploymentRowSchema = z.object({
  place: z.string().trim().max(20).optional(),
  placeName: z.string().trim().max(PLACE_NAME_MAX, "applications:errors.placeNameTooLong").optional(),
  since: z.string().trim().regex(MONTH_PATTERN, "applications:errors.sinceInvalid").optional(),
});

export const INTENTS = ["save", "submit"] as const;

const formFields = {
  ...contentFields,
  intent: z.enum(INTENTS).default("save"),
  deployments: z.array(deploymentRowSchema).max(MAX_DEPLOYMENTS, "applications:errors.tooManyDeployments").default([]),
};

function toDeployments(
  rows: z.output<typeof deploymentRowSchema>[],
  ctx: z.RefinementCtx,
): Deployment[] {
  const out: Deployment[] = [];
  rows.forEach((row, i) => {
    const place = row.place ?? "";
    const placeName = row.placeName ?? "";
    const since = row.since ?? null;
    if (!place && !placeName && !since) return; // an empty row
    if (place === "other" || (!place && placeName)) {
      if (!placeName) {
        ctx.addIssue({ code: "custom", path: ["deployments", i, "placeName"], message: "applications:errors.placeNameRequired" });
        return;
      }
      out.push({ subdistrictId: null, placeName, since });
      return;
    }
    if (!place) {
      ctx.addIssue({ code: "custom", path: ["deployments", i, "place"], message: "applications:errors.placeRequired" });
      return;
    }
    const id = Number(place);
    if (!Number.isInteger(id) || id <= 0) {
      ctx.addIssue({ code: "custom", path: ["deployments", i, "place"], message: "applications:errors.subdistrictInvalid" });
      return;
    }
    if (placeName) {
      ctx.addIssue({ code: "custom", path: ["deployments", i, "placeName"], message: "applications:errors.placeNameWithSubdistrict" });
      return;
    }
    out.push({ subdistrictId: id, placeName: null, since });
  });
  return out;
}

function formToContent<T extends z.output<z.ZodObject<typeof formFields>>>(value: T, ctx: z.RefinementCtx) {
  const deployments = toDeployments(value.deployments, ctx);
  const now = currentMonth();
  value.deployments.forEach((d, i) => {
    if (d.since && d.since > now) {
      ctx.addIssue({ code: "custom", path: ["deployments", i, "since"], message: "applications:errors.sinceFuture" });
    }
  });
  if (value.maturity === "deployed" && deployments.length === 0) {
    ctx.addIssue({ code: "custom", path: ["deployments"], message: "applications:errors.deploymentRequired" });
  }
  const { intent, ...rest } = value;
  return { intent, content: { ...rest, deployments } as ApplicationContent };
}

/** The "new application" form: content plus campaign, organisation and an idempotency key. */
export const newApplicationFormSchema = z
  .object({
    ...formFields,
    campaignId: z.number({ error: "applications:errors.campaignRequired" }).int().positive(),
    organizationId: z.number({ error: "applications:errors.organizationRequired" }).int().positive(),
    idempotencyKey: z.string({ error: "applications:errors.formExpired" }).regex(/^[A-Za-z0-9_-]{16,64}$/, "applications:errors.formExpired"),
  })
  .transform((value, ctx) => {
    const { campaignId, organizationId, idempotencyKey, ...form } = value;
    const { intent, content } = formToContent(form, ctx);
    return { intent, campaignId, organizationId, idempotencyKey, content };
  });

/** The "edit application" form: content plus the version the user started from. */
export const editApplicationFormSchema = z
  .object({
    ...formFields,
    version: z.number({ error: "applications:errors.formExpired" }).int().positive(),
  })
  .transform((value, ctx) => {
    const { version, ...form } = value;
    const { intent, content } = formToContent(form, ctx);
    return { intent, version, content };
  });

/** Submit or withdraw from the detail page. */
export const transitionFormSchema = z.object({
  intent: z.enum(["submit", "withdraw"], { error: "applications:errors.invalid" }),
  version: z.number({ error: "applications:errors.formExpired" }).int().positive(),
  reason: z.string().trim().max(REASON_MAX, "applications:errors.reasonTooLong").optional(),
});
