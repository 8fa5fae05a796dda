/**
 * Turning matching refusals into HTTP for the routes: bad input and pipeline
 * refusals become messages on the form (4xx JSON, nothing changed); what the
 * viewer may not see a 404; what they may not do a 403. Any other error is a
 * real bug and is rethrown.
 */
import type { TFunction } from "i18next";

import { ForbiddenError } from "~/auth/authorize.server";

import { MatchInputError, MatchMoveError, MatchNotFoundError, StaleMatchError } from "./errors.server";

/** `/matches/123` → 123; anything else is a 404 (never a 500). */
export function idParam(raw: string | undefined): number {
  if (!raw || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) {
    throw new Response("Not Found", { status: 404 });
  }
  return Number(raw);
}

export type Refusal = {
  status: 400 | 409;
  fieldErrors: Record<string, string[]>;
  /** Already translated, for the form's message box. */
  message: string | null;
};

export function refusalOf(error: unknown, t: TFunction): Refusal {
  if (error instanceof MatchNotFoundError) throw new Response("Not Found", { status: 404 });
  if (error instanceof ForbiddenError) throw new Response("Forbidden", { status: 403 });
  if (error instanceof MatchInputError) {
    const { form, ...fieldErrors } = error.fieldErrors;
    return { status: 400, fieldErrors, message: form?.length ? t(form[0]) : null };
  }
  if (error instanceof StaleMatchError) return { status: 409, fieldErrors: {}, message: t("matching:errors.stale") };
  if (error instanceof MatchMoveError) {
    const stage = error.stage ? t(`matching:stages.${error.stage}`) : "";
    return { status: 409, fieldErrors: {}, message: t(`matching:errors.${error.code}`, { stage }) };
  }
  throw error;
}
