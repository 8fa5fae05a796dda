/**
 * Turning demand-domain refusals into HTTP for the routes: bad input and
 * workflow refusals become messages on the form (4xx JSON, nothing changed),
 * a demand that is not visible a 404, someone else's a 403.
 */
import type { SubmissionResult } from "@conform-to/react";

import { ForbiddenError } from "~/auth/authorize.server";

import { DemandInputError, DemandNotFoundError, DemandTransitionError, StaleDemandError } from "./errors.server";

/** `/demands/123` → 123; anything else is a 404 (never a 500). */
export function demandIdParam(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) {
    throw new Response("Not Found", { status: 404 });
  }
  return Number(raw);
}

export type Refusal = {
  status: 400 | 409;
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
  stale: { version: number; title: string; description: string } | null;
};

/**
 * What the form should show for a refused change, or a thrown 403/404
 * response; any other error is rethrown (a real bug, the 500 page).
 */
export function refusalOf(error: unknown): Refusal {
  if (error instanceof DemandNotFoundError) throw new Response("Not Found", { status: 404 });
  if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403 });
  if (error instanceof DemandInputError) {
    const { form = [], ...fieldErrors } = error.fieldErrors;
    return { status: 400, fieldErrors, formErrors: form, stale: null };
  }
  if (error instanceof StaleDemandError) {
    const { version, title, description } = error.current;
    return { status: 409, fieldErrors: {}, formErrors: ["demands:errors.stale"], stale: { version, title, description } };
  }
  if (error instanceof DemandTransitionError) {
    return { status: 409, fieldErrors: {}, formErrors: [`demands:errors.${error.code}`], stale: null };
  }
  throw error;
}

/** conform's reply for a refusal. */
export function replyWith(submission: { reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]> }, refusal: Refusal) {
  return submission.reply({ formErrors: refusal.formErrors, fieldErrors: refusal.fieldErrors });
}
