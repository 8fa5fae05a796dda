/**
 * Validation of matching input: a vendor's response, and the fields of each
 * pipeline move. Messages are translation keys (`matching:errors.*`); routes
 * parse forms with these (conform), domain functions parse their input again.
 */
import { z } from "zod";

import { COST_BANDS } from "../../db/enums";

import {
  APPROACH_MAX,
  APPROACH_MIN,
  EARLIEST_DATE,
  KPIS_MAX,
  LATEST_DATE,
  OUTCOME_MAX,
  OUTCOME_MIN,
  REASON_MAX,
  SITE_MAX,
  TIMELINE_MAX,
} from "./limits";

const text = (min: number, max: number) =>
  z
    .string({ error: "matching:errors.required" })
    .trim()
    .min(1, "matching:errors.required")
    .min(min, "matching:errors.tooShort")
    .max(max, "matching:errors.tooLong");

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);

/** `YYYY-MM-DD`, a real calendar day within the years a pilot can have. */
export const dateField = z
  .string({ error: "matching:errors.dateRequired" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "matching:errors.dateInvalid")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "matching:errors.dateInvalid")
  .refine((v) => v >= EARLIEST_DATE && v <= LATEST_DATE, "matching:errors.dateRange");

export const versionField = z.coerce.number({ error: "matching:errors.stale" }).int().min(1).optional();

export const responseSchema = z.object({
  applicationId: id("matching:errors.applicationRequired"),
  approach: text(APPROACH_MIN, APPROACH_MAX),
  timeline: text(2, TIMELINE_MAX),
  costBand: z
    .enum(COST_BANDS, { error: "matching:errors.costBandInvalid" })
    .nullish()
    .transform((v) => v ?? null),
});
export type ResponseInput = z.output<typeof responseSchema>;

export const proposeSchema = z.object({
  applicationId: id("matching:errors.applicationRequired"),
});

export const acceptSchema = z.object({ version: versionField });

export const declineSchema = z.object({
  version: versionField,
  reason: text(2, REASON_MAX),
});
export type DeclineInput = z.output<typeof declineSchema>;

export const pilotSchema = z.object({
  version: versionField,
  site: text(2, SITE_MAX),
  startOn: dateField,
  kpis: text(2, KPIS_MAX),
});
export type PilotInput = z.output<typeof pilotSchema>;

export const deploymentSchema = z.object({
  version: versionField,
  outcome: text(OUTCOME_MIN, OUTCOME_MAX),
  deployedOn: dateField,
});
export type DeploymentInput = z.output<typeof deploymentSchema>;

/** Field errors (keys) of a failed zod parse, for MatchInputError. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
