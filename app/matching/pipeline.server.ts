/**
 * The match pipeline, one function per move:
 *
 *   (suggested) ──propose──▶ proposed ──accept──▶ accepted ──startPilot──▶ piloting ──recordDeployment──▶ deployed
 *                               │ decline(reason)     │ decline                │ decline
 *                               ▼                     ▼                        ▼
 *                            declined              declined                 declined
 *
 * Who may move (scope.server.ts): proposing, starting a pilot and recording a
 * deployment — an official or a community worker of the demand's subdistrict;
 * accepting — a member of the match's vendor (never another vendor);
 * declining — either side. Each move runs in one transaction: the match row
 * is locked, its `version` checked (a stale page gets a message, nothing is
 * overwritten), the stage changed, an audit row written and both sides told
 * (the vendor's members; officials, the subdistrict's community workers and
 * the proposer), the actor excepted.
 */
import { and, eq, sql } from "drizzle-orm";
import type { ZodError } from "zod";

import { writeAudit, type Executor } from "../audit/audit.server";
import { assertCan, ForbiddenError } from "../auth/authorize.server";
import type { Database } from "../../db/client";
import type { MatchStage } from "../../db/enums";
import { applications, demands, matches, organizations, subdistricts, vendorResponses } from "../../db/schema";
import { notify } from "../notifications/notify.server";

import { CLOSED_STATUSES, demandForMatching, rankApplications, type MatchOptions } from "./candidates.server";
import { MatchInputError, MatchMoveError, MatchNotFoundError, StaleMatchError } from "./errors.server";
import {
  declineSchema,
  deploymentSchema,
  fieldErrorsOf,
  pilotSchema,
  proposeSchema,
  type DeclineInput,
  type DeploymentInput,
  type PilotInput,
} from "./schemas.server";
import { demandSide, PUBLIC_STAGES, proposerScope, serves, speaksFor, vendorSide, type MatchActor } from "./scope.server";

export type MoveName = "propose" | "accept" | "decline" | "startPilot" | "recordDeployment";

/** The stages each move starts from, and where it leads. */
export const MOVES: Record<Exclude<MoveName, "propose">, { from: readonly MatchStage[]; to: MatchStage }> = {
  accept: { from: ["proposed"], to: "accepted" },
  decline: { from: ["suggested", "proposed", "accepted", "piloting"], to: "declined" },
  startPilot: { from: ["accepted"], to: "piloting" },
  recordDeployment: { from: ["piloting"], to: "deployed" },
};

/** Which side may make a move: the vendor, the demand's side (proposer scope), or both. */
export const MOVE_SIDES: Record<Exclude<MoveName, "propose">, "vendor" | "demand" | "both"> = {
  accept: "vendor",
  decline: "both",
  startPilot: "demand",
  recordDeployment: "demand",
};

export type MovedMatch = { id: number; stage: MatchStage; version: number };

type Locked = {
  id: number;
  stage: MatchStage;
  version: number;
  demandId: number;
  applicationId: number;
  organizationId: number;
  subdistrictId: number;
  proposedById: number | null;
  pilotStartOn: string | null;
  demandTitle: string;
  applicationTitle: string;
  vendorZh: string;
  vendorEn: string;
  placeZh: string;
  placeEn: string;
};

async function lockMatch(tx: Executor, matchId: number): Promise<Locked | null> {
  const [row] = await tx
    .select({
      id: matches.id,
      stage: matches.stage,
      version: matches.version,
      demandId: matches.demandId,
      applicationId: matches.applicationId,
      organizationId: matches.organizationId,
      subdistrictId: matches.subdistrictId,
      proposedById: matches.proposedById,
      pilotStartOn: matches.pilotStartOn,
      demandTitle: demands.title,
      applicationTitle: applications.title,
      vendorZh: organizations.nameZh,
      vendorEn: organizations.nameEn,
      placeZh: subdistricts.nameZh,
      placeEn: subdistricts.nameEn,
    })
    .from(matches)
    .innerJoin(demands, eq(demands.id, matches.demandId))
    .innerJoin(applications, eq(applications.id, matches.applicationId))
    .innerJoin(organizations, eq(organizations.id, matches.organizationId))
    .innerJoin(subdistricts, eq(subdistricts.id, matches.subdistrictId))
    .where(eq(matches.id, matchId))
    .for("update", { of: matches });
  return row ?? null;
}

const paramsOf = (m: Locked) => ({
  demandTitle: m.demandTitle,
  applicationTitle: m.applicationTitle,
  vendorZh: m.vendorZh,
  vendorEn: m.vendorEn,
  subdistrictZh: m.placeZh,
  subdistrictEn: m.placeEn,
});

/** Tell both sides of the match, except the one who acted. */
async function tellBothSides(tx: Executor, m: Pick<Locked, "id" | "organizationId" | "subdistrictId" | "proposedById">, actorId: number, kind: string, params: Record<string, string | number>) {
  const vendor = await vendorSide(tx, m.organizationId);
  const demand = await demandSide(tx, m.subdistrictId, m.proposedById);
  await notify(tx, {
    userIds: [...vendor, ...demand].filter((id) => id !== actorId),
    kind,
    params,
    link: `/matches/${m.id}`,
  });
}

/**
 * Check that the actor may make `move` on the locked match, that the match
 * is where the move starts and that the actor saw its current version.
 */
async function checkMove(tx: Executor, actor: MatchActor, m: Locked, move: Exclude<MoveName, "propose">, version: number | undefined) {
  const scope = await proposerScope(tx, actor);
  const vendor = speaksFor(actor, m.organizationId);
  const demandSideOk = serves(scope, m.subdistrictId);
  // Someone with no part in a match that is not public does not learn it exists.
  if (!vendor && !demandSideOk && !PUBLIC_STAGES.includes(m.stage)) throw new MatchNotFoundError("match", m.id);
  const side = MOVE_SIDES[move];
  const allowed = side === "vendor" ? vendor : side === "demand" ? demandSideOk : vendor || demandSideOk;
  if (!allowed) throw new ForbiddenError(side === "vendor" ? "respond:demand:own" : "propose:match:subdistrict");
  if (version !== undefined && version !== m.version) throw new StaleMatchError({ version: m.version, stage: m.stage });
  if (!MOVES[move].from.includes(m.stage)) throw new MatchMoveError("wrongStage", m.stage, m.id);
}

async function move(
  db: Database,
  actor: MatchActor,
  matchId: number,
  name: Exclude<MoveName, "propose">,
  version: number | undefined,
  apply: (m: Locked) => { set: Partial<typeof matches.$inferInsert>; reason?: string | null; data?: Record<string, unknown>; params?: Record<string, string | number> },
): Promise<MovedMatch> {
  return db.transaction(async (tx) => {
    const m = await lockMatch(tx, matchId);
    if (!m) throw new MatchNotFoundError("match", matchId);
    await checkMove(tx, actor, m, name, version);
    const { set, reason, data, params } = apply(m);
    const to = MOVES[name].to;
    const [row] = await tx
      .update(matches)
      .set({ ...set, stage: to, version: sql`${matches.version} + 1` })
      .where(and(eq(matches.id, m.id), eq(matches.version, m.version)))
      .returning({ id: matches.id, stage: matches.stage, version: matches.version });
    if (!row) throw new StaleMatchError({ version: m.version, stage: m.stage });
    await writeAudit(tx, {
      actorId: actor.id,
      action: `match.${name}`,
      entityType: "match",
      entityId: m.id,
      fromStatus: m.stage,
      toStatus: to,
      reason: reason ?? null,
      data: { demandId: m.demandId, applicationId: m.applicationId, ...data },
    });
    const kinds = { accept: "matchAccepted", decline: "matchDeclined", startPilot: "matchPilotStarted", recordDeployment: "matchDeployed" } as const;
    await tellBothSides(tx, m, actor.id, kinds[name], { ...paramsOf(m), ...params });
    return row;
  });
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new MatchInputError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/**
 * Propose a demand–application pair: a new match in `proposed`, or a
 * `suggested` one (from a vendor's response) moved on. The candidate score and
 * reasons are recorded as a snapshot.
 */
export async function proposeMatch(
  db: Database,
  actor: MatchActor,
  input: { demandId: number; applicationId: number | string },
  opts: Pick<MatchOptions, "engine"> = {},
): Promise<MovedMatch> {
  assertCan(actor, "propose:match:subdistrict");
  const { applicationId } = parse(proposeSchema, { applicationId: input.applicationId });
  const demand = await demandForMatching(db, actor, input.demandId);
  if (!demand) throw new MatchNotFoundError("demand", input.demandId);
  const scope = await proposerScope(db, actor);
  if (!serves(scope, demand.subdistrict.id)) throw new ForbiddenError("propose:match:subdistrict");
  if (CLOSED_STATUSES.includes(demand.status)) throw new MatchMoveError("closedDemand");
  // Scored like every candidate (and only if the actor may see the application and it is live).
  const ranked = await rankApplications(db, actor, demand, { engine: opts.engine, include: [applicationId] });
  const candidate = ranked.find((c) => c.id === applicationId);
  if (!candidate) throw new MatchInputError({ applicationId: ["matching:errors.applicationUnavailable"] });

  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: matches.id, stage: matches.stage, version: matches.version, responseId: matches.responseId })
      .from(matches)
      .where(and(eq(matches.demandId, demand.id), eq(matches.applicationId, applicationId)))
      .for("update");
    if (existing && existing.stage !== "suggested") throw new MatchMoveError("exists", existing.stage, existing.id);
    const [response] = await tx
      .select({ id: vendorResponses.id })
      .from(vendorResponses)
      .where(and(eq(vendorResponses.demandId, demand.id), eq(vendorResponses.applicationId, applicationId)));
    const values = {
      stage: "proposed" as const,
      score: candidate.score,
      reasons: candidate.reasons,
      proposedById: actor.id,
      responseId: existing?.responseId ?? response?.id ?? null,
    };
    let row: MovedMatch;
    if (existing) {
      [row] = await tx
        .update(matches)
        .set({ ...values, version: sql`${matches.version} + 1` })
        .where(eq(matches.id, existing.id))
        .returning({ id: matches.id, stage: matches.stage, version: matches.version });
    } else {
      [row] = await tx
        .insert(matches)
        .values({ ...values, demandId: demand.id, applicationId, organizationId: candidate.organization.id, subdistrictId: demand.subdistrict.id })
        .returning({ id: matches.id, stage: matches.stage, version: matches.version });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "match.propose",
      entityType: "match",
      entityId: row.id,
      fromStatus: existing?.stage ?? null,
      toStatus: "proposed",
      data: { demandId: demand.id, applicationId, score: candidate.score },
    });
    await tellBothSides(tx, { id: row.id, organizationId: candidate.organization.id, subdistrictId: demand.subdistrict.id, proposedById: actor.id }, actor.id, "matchProposed", {
      demandTitle: demand.title,
      applicationTitle: candidate.title,
      vendorZh: candidate.organization.nameZh,
      vendorEn: candidate.organization.nameEn,
      subdistrictZh: demand.subdistrict.nameZh,
      subdistrictEn: demand.subdistrict.nameEn,
    });
    return row;
  });
}

/** The vendor accepts a proposed match. */
export async function acceptMatch(db: Database, actor: MatchActor, matchId: number, input: { version?: number } = {}): Promise<MovedMatch> {
  assertCan(actor, "respond:demand:own");
  return move(db, actor, matchId, "accept", input.version, () => ({ set: {} }));
}

/** Either side ends a match that is not yet deployed, with a reason. */
export async function declineMatch(db: Database, actor: MatchActor, matchId: number, input: DeclineInput | Record<string, unknown>): Promise<MovedMatch> {
  const value = parse(declineSchema, input);
  return move(db, actor, matchId, "decline", value.version, () => ({
    set: { declinedReason: value.reason },
    reason: value.reason,
    params: { reason: value.reason },
  }));
}

/** The demand's side records the pilot: where, from when, measured how. */
export async function startPilot(db: Database, actor: MatchActor, matchId: number, input: PilotInput | Record<string, unknown>): Promise<MovedMatch> {
  assertCan(actor, "propose:match:subdistrict");
  const value = parse(pilotSchema, input);
  return move(db, actor, matchId, "startPilot", value.version, () => ({
    set: { pilotSite: value.site, pilotStartOn: value.startOn, pilotKpis: value.kpis },
    data: { site: value.site, startOn: value.startOn, kpis: value.kpis },
    params: { site: value.site, startOn: value.startOn },
  }));
}

/** The demand's side records that the pilot became a deployment, with its outcome. */
export async function recordDeployment(db: Database, actor: MatchActor, matchId: number, input: DeploymentInput | Record<string, unknown>): Promise<MovedMatch> {
  assertCan(actor, "propose:match:subdistrict");
  const value = parse(deploymentSchema, input);
  return move(db, actor, matchId, "recordDeployment", value.version, (m) => {
    if (m.pilotStartOn && value.deployedOn < m.pilotStartOn) {
      throw new MatchInputError({ deployedOn: ["matching:errors.beforePilot"] });
    }
    return {
      set: { outcome: value.outcome, deployedOn: value.deployedOn },
      data: { outcome: value.outcome, deployedOn: value.deployedOn },
      params: { deployedOn: value.deployedOn },
    };
  });
}
