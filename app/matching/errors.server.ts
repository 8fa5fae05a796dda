/**
 * What a matching operation can refuse, as typed errors the routes turn into
 * a message beside a field, a message on the form, or a 404 page.
 * (Permission refusals are `ForbiddenError` from app/auth/authorize.server.ts.)
 */
import type { MatchStage } from "../../db/enums";

/** Bad input: messages (translation keys) by field name. Nothing was changed. */
export class MatchInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super(`Invalid matching input: ${Object.keys(fieldErrors).join(", ")}`);
    this.name = "MatchInputError";
  }
}

/** The match, demand or application does not exist or may not be seen (the same answer). */
export class MatchNotFoundError extends Error {
  constructor(readonly what: "match" | "demand" | "application", readonly id: number) {
    super(`${what} ${id} not found`);
    this.name = "MatchNotFoundError";
  }
}

/** Someone moved the match after the actor loaded it. */
export class StaleMatchError extends Error {
  constructor(readonly current: { version: number; stage: MatchStage }) {
    super("The match was changed by someone else");
    this.name = "StaleMatchError";
  }
}

/**
 * The move does not fit where the match is: `wrongStage` (e.g. accepting a
 * match that is already piloting), `exists` (proposing a pair already in the
 * pipeline), `closedDemand` (the demand is withdrawn or rejected).
 */
export class MatchMoveError extends Error {
  constructor(
    readonly code: "wrongStage" | "exists" | "closedDemand",
    readonly stage?: MatchStage,
    readonly matchId?: number,
  ) {
    super(`Match move refused: ${code}${stage ? ` (stage ${stage})` : ""}`);
    this.name = "MatchMoveError";
  }
}
