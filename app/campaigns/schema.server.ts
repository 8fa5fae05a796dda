/**
 * What an official may type into the campaign form, as zod schemas shared by
 * the route (conform) and the domain functions. Messages are translation keys
 * of the `campaigns` namespace, shown beside their fields.
 */
import { z } from "zod";

import { CAMPAIGN_STAGES, type RubricCriterion } from "../../db/enums";

export const RUBRIC_MAX_CRITERIA = 12;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** `YYYY-MM-DD` as midnight in Shanghai. */
export function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The Shanghai calendar date of `d` as `YYYY-MM-DD` (for `<input type="date">`). */
export function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const requiredText = (max: number, key: string) =>
  z
    .string({ error: `campaigns:errors.${key}Required` })
    .trim()
    .min(1, { error: `campaigns:errors.${key}Required` })
    .max(max, { error: "campaigns:errors.tooLong" });

const optionalText = (max: number) => z.string().trim().max(max, { error: "campaigns:errors.tooLong" }).default("");

const dateField = (key: string) =>
  z
    .string({ error: `campaigns:errors.${key}Required` })
    .regex(DATE_PATTERN, { error: "campaigns:errors.dateFormat" })
    .refine((v) => !Number.isNaN(shanghaiMidnight(v).getTime()) && shanghaiDate(shanghaiMidnight(v)) === v, {
      error: "campaigns:errors.dateFormat",
    });

const wholeNumber = (min: number, max: number, key: string) =>
  z
    .number({ error: `campaigns:errors.${key}` })
    .int({ error: `campaigns:errors.${key}` })
    .min(min, { error: `campaigns:errors.${key}` })
    .max(max, { error: `campaigns:errors.${key}` });

export const criterionSchema = z.object({
  key: z
    .string({ error: "campaigns:errors.keyRequired" })
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "campaigns:errors.keyFormat" }),
  labelZh: requiredText(40, "label"),
  labelEn: requiredText(60, "label"),
  weight: z
    .number({ error: "campaigns:errors.weight" })
    .gt(0, { error: "campaigns:errors.weight" })
    .max(1000, { error: "campaigns:errors.weight" }),
  scaleMax: wholeNumber(2, 100, "scaleMax"),
});

const rubricSchema = z
  .array(criterionSchema, { error: "campaigns:errors.rubricEmpty" })
  .min(1, { error: "campaigns:errors.rubricEmpty" })
  .max(RUBRIC_MAX_CRITERIA, { error: "campaigns:errors.rubricTooLong" })
  // Checked even when some criterion has other errors, so every message shows at once.
  .check(
    z.superRefine(
      (criteria: { key?: unknown }[], ctx) => {
        const seen = new Set<string>();
        criteria.forEach((c, i) => {
          const key = typeof c?.key === "string" ? c.key.trim() : "";
          if (!key) return;
          if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: "campaigns:errors.keyDuplicate" });
          seen.add(key);
        });
      },
      { when: (payload) => Array.isArray(payload.value) },
    ),
  );

const baseFields = {
  titleZh: requiredText(120, "title"),
  titleEn: requiredText(200, "title"),
  slug: z
    .string({ error: "campaigns:errors.slugRequired" })
    .trim()
    .toLowerCase()
    .min(3, { error: "campaigns:errors.slugFormat" })
    .max(60, { error: "campaigns:errors.slugFormat" })
    .regex(SLUG_PATTERN, { error: "campaigns:errors.slugFormat" }),
  descriptionZh: optionalText(4000),
  descriptionEn: optionalText(4000),
  opensAt: dateField("opensAt"),
  closesAt: dateField("closesAt"),
  applicationQuota: wholeNumber(0, 100_000, "quota").default(100),
  demandQuota: wholeNumber(0, 100_000, "quota").default(10),
  reviewersPerItem: wholeNumber(1, 10, "reviewersPerItem").default(3),
  vendorCap: wholeNumber(1, 10_000, "vendorCap").optional(),
};

/**
 * Close after open — checked even when other fields have errors (zod skips
 * object refinements then by default), so every message shows at once.
 */
const datesInOrder: [(v: { opensAt: string; closesAt: string }) => boolean, { path: PropertyKey[]; message: string; when: (payload: z.core.ParsePayload) => boolean }] = [
  (v) => shanghaiMidnight(v.closesAt) > shanghaiMidnight(v.opensAt),
  {
    path: ["closesAt"],
    message: "campaigns:errors.closesBeforeOpens",
    when(payload: z.core.ParsePayload) {
      const value = payload.value as { opensAt?: unknown; closesAt?: unknown } | undefined;
      return (
        typeof value?.opensAt === "string" &&
        typeof value?.closesAt === "string" &&
        !payload.issues.some((i) => i.path?.[0] === "opensAt" || i.path?.[0] === "closesAt")
      );
    },
  },
];

export const campaignCreateSchema = z.object({ ...baseFields, rubric: rubricSchema }).refine(...datesInOrder);

/**
 * Editing: `version` says which state the official saw. The rubric is left
 * out when the form shows it read-only (reviews exist); sent, it is checked.
 */
export const campaignUpdateSchema = z
  .object({
    ...baseFields,
    version: z.number({ error: "campaigns:errors.stale" }).int().positive(),
    rubric: rubricSchema.optional(),
  })
  .refine(...datesInOrder);

/** The edit form when it shows the rubric editor: the rubric is required. */
export const campaignUpdateWithRubricSchema = z
  .object({
    ...baseFields,
    version: z.number({ error: "campaigns:errors.stale" }).int().positive(),
    rubric: rubricSchema,
  })
  .refine(...datesInOrder);

export type CampaignCreateInput = z.input<typeof campaignCreateSchema>;
export type CampaignUpdateInput = z.input<typeof campaignUpdateSchema>;

export const stageChangeSchema = z.object({
  to: z.enum(CAMPAIGN_STAGES, { error: "campaigns:errors.stageInvalid" }),
  version: z.number({ error: "campaigns:errors.stale" }).int().positive(),
  reason: z.string().trim().max(500, { error: "campaigns:errors.tooLong" }).optional(),
});

/** Weights scaled to sum to 1 (rounded to 6 places); keys and labels trimmed. */
export function normaliseRubric(criteria: readonly RubricCriterion[]): RubricCriterion[] {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return criteria.map((c) => ({
    key: c.key,
    labelZh: c.labelZh,
    labelEn: c.labelEn,
    weight: Math.round((c.weight / total) * 1e6) / 1e6,
    scaleMax: c.scaleMax,
  }));
}

/** The same rubric (weights compared after normalising, to a millionth). */
export function sameRubric(a: readonly RubricCriterion[], b: readonly RubricCriterion[]): boolean {
  if (a.length !== b.length) return false;
  const na = normaliseRubric(a);
  const nb = normaliseRubric(b);
  return na.every(
    (c, i) =>
      c.key === nb[i].key &&
      c.labelZh === nb[i].labelZh &&
      c.labelEn === nb[i].labelEn &&
      c.scaleMax === nb[i].scaleMax &&
      Math.abs(c.weight - nb[i].weight) < 1e-5,
  );
}
