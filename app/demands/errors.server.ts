/**
 * What a demand operation can refuse, as typed errors the routes turn into a
 * message beside the field, a message on the form, or a 403/404 page.
 * (Permission refusals are `ForbiddenError` from app/auth/authorize.server.ts.)
 */

/** Bad input: messages (translation keys) by field name. Nothing was changed. */
export class DemandInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`Invalid demand input: ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "DemandInputError";
  }
}

/** The demand does not exist or the actor may not see it (the same answer, so existence never leaks). */
export class DemandNotFoundError extends Error {
  constructor(readonly demandId: number) {
    super(`Demand ${demandId} not found`);
    this.name = "DemandNotFoundError";
  }
}

/** Someone saved the demand after the actor loaded it; `current` is what is saved now. */
export class StaleDemandError extends Error {
  constructor(readonly current: { version: number; title: string; description: string; updatedAt: Date }) {
    super("The demand was changed by someone else");
    this.name = "StaleDemandError";
  }
}

export type TransitionRefusal =
  /** The campaign has left the `collecting` stage (screening started). */
  | "campaignClosed"
  /** The demand's status does not allow this move. */
  | "wrongStatus"
  /** Only submitted, public demands can be supported. */
  | "notSupportable"
  /** One cannot support one's own demand. */
  | "ownDemand";

/** A move the workflow does not allow now; `code` picks the message. */
export class DemandTransitionError extends Error {
  constructor(
    readonly code: TransitionRefusal,
    readonly status?: string,
  ) {
    super(`Demand transition refused: ${code}${status ? ` (status ${status})` : ""}`);
    this.name = "DemandTransitionError";
  }
}
