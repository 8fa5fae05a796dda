/**
 * Matching, domain layer, on both databases: vendor responses, candidates,
 * every move of the match pipeline with its audit row and notices to both
 * sides, and the permission cases — a vendor cannot answer with or accept for
 * another vendor, nobody moves a match of a subdistrict they do not serve,
 * a stale page is refused, bad input changes nothing — then the boards.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../../app/auth/authorize.server";
import { districtOverview, subdistrictBoard } from "../../../app/matching/boards.server";
import { demandsForApplication, matchCandidates } from "../../../app/matching/candidates.server";
import { MatchInputError, MatchMoveError, MatchNotFoundError, StaleMatchError } from "../../../app/matching/errors.server";
import { acceptMatch, declineMatch, proposeMatch, recordDeployment, startPilot } from "../../../app/matching/pipeline.server";
import { respondToDemand, responsesForDemand } from "../../../app/matching/responses.server";
import { demandMatchesPage, matchDetail } from "../../../app/matching/views.server";
import { auditLog, matches, notifications, outgoingEmails } from "../../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { actors, buildWorld, RESPONSE, type World } from "./setup";

const PILOT = { site: "志丹路居委会辖区", startOn: "2021-05-20", kpis: "每月服务 300 人次；30 秒内叫到车" };

describe.each(DB_KINDS)("matching pipeline on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  let a: ReturnType<typeof actors>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  }, 300_000);
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(async () => {
    w = await buildWorld(t.db);
    a = actors(w);
  }, 120_000);

  const noticesOf = (userId: number) => t.db.select().from(notifications).where(eq(notifications.userId, userId));
  const auditOf = (matchId: number) =>
    t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "match"), eq(auditLog.entityId, matchId))).orderBy(auditLog.id);

  describe("candidates", () => {
    it("ranks the fitting application first, with reasons in codes, and both ways", async () => {
      const r = await matchCandidates(t.db, a.official, w.demand.id, { limit: 10 });
      expect(r!.candidates[0].id).toBe(w.taxiApp.id);
      const codes = r!.candidates[0].reasons.map((x) => x.code);
      expect(codes).toEqual(expect.arrayContaining(["text", "scenario", "target_group", "technology", "deployed_here", "selected"]));
      expect(r!.candidates[0].score).toBeGreaterThan(r!.candidates[1]?.score ?? 0);
      const back = await demandsForApplication(t.db, a.official, w.taxiApp.id, { limit: 10 });
      expect(back!.candidates[0].id).toBe(w.demand.id);
    });

    it("never offers a draft or a withdrawn application, nor a private one to those who may not see it", async () => {
      const official = await matchCandidates(t.db, a.official, w.demand.id, { limit: 50 });
      const ids = official!.candidates.map((c) => c.id);
      expect(ids).not.toContain(w.draftApp.id);
      expect(ids).not.toContain(w.withdrawnApp.id);
      expect(ids).toContain(w.privateApp.id);
      const publicView = await matchCandidates(t.db, null, w.demand.id, { limit: 50 });
      expect(publicView!.candidates.map((c) => c.id)).not.toContain(w.privateApp.id);
      // Its own firm sees it.
      const rival = await matchCandidates(t.db, a.rival, w.demand.id, { limit: 50 });
      expect(rival!.candidates.map((c) => c.id)).toContain(w.privateApp.id);
      // A demand the viewer may not see gives nothing.
      expect(await matchCandidates(t.db, a.official, w.withdrawnDemand.id)).not.toBeNull();
      expect(await matchCandidates(t.db, null, w.withdrawnDemand.id)).toBeNull();
    });
  });

  describe("vendor responses", () => {
    it("a firm member answers with their application; the demand's side sees it and is told; the pair is suggested", async () => {
      const out = await respondToDemand(t.db, a.vendor, w.demand.id, { applicationId: w.taxiApp.id, ...RESPONSE });
      expect(out.created).toBe(true);
      const [m] = await t.db.select().from(matches).where(eq(matches.id, out.matchId!));
      expect(m.stage).toBe("suggested");
      expect(m.subdistrictId).toBe(w.place.id);
      expect(m.organizationId).toBe(w.vendor.id);
      expect((await responsesForDemand(t.db, a.worker, w.demand.id)).map((r) => r.application.id)).toEqual([w.taxiApp.id]);
      expect(await responsesForDemand(t.db, a.otherWorker, w.demand.id)).toEqual([]);
      expect(await responsesForDemand(t.db, a.rival, w.demand.id)).toEqual([]);
      expect((await noticesOf(w.worker.id)).map((n) => n.kind)).toContain("matchResponded");
      expect((await noticesOf(w.official.id)).map((n) => n.kind)).toContain("matchResponded");
      expect(await noticesOf(w.otherWorker.id)).toEqual([]);
      // The page shows the response beside the candidates, for the demand's side.
      const page = await demandMatchesPage(t.db, a.worker, w.demand.id);
      expect(page!.demandSide).toBe(true);
      expect(page!.responses).toHaveLength(1);
      expect(page!.candidates.find((c) => c.id === w.taxiApp.id)?.responded).toBe(true);
      // Answering again updates, never duplicates.
      const again = await respondToDemand(t.db, a.vendorMember, w.demand.id, { applicationId: w.taxiApp.id, ...RESPONSE, timeline: "一个月" });
      expect(again.created).toBe(false);
      expect((await responsesForDemand(t.db, a.official, w.demand.id))[0].timeline).toBe("一个月");
    });

    it("refuses another firm's application, a draft, a resident, a withdrawn demand and bad input", async () => {
      await expect(respondToDemand(t.db, a.rival, w.demand.id, { applicationId: w.taxiApp.id, ...RESPONSE })).rejects.toBeInstanceOf(MatchInputError);
      await expect(respondToDemand(t.db, a.rival, w.demand.id, { applicationId: w.draftApp.id, ...RESPONSE })).rejects.toBeInstanceOf(MatchInputError);
      await expect(respondToDemand(t.db, a.resident, w.demand.id, { applicationId: w.taxiApp.id, ...RESPONSE })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(respondToDemand(t.db, a.vendor, w.withdrawnDemand.id, { applicationId: w.taxiApp.id, ...RESPONSE })).rejects.toBeInstanceOf(MatchNotFoundError);
      const bad = await respondToDemand(t.db, a.vendor, w.demand.id, { applicationId: w.taxiApp.id, approach: "短", timeline: "", costBand: "free" }).catch((e) => e);
      expect(bad).toBeInstanceOf(MatchInputError);
      expect(Object.keys((bad as MatchInputError).fieldErrors).sort()).toEqual(["approach", "costBand", "timeline"]);
      expect(await t.db.select().from(matches).where(eq(matches.demandId, w.demand.id))).toEqual([]);
    });
  });

  describe("the pipeline", () => {
    it("propose → accept → pilot → deployed: each step audited, both sides told, the board shows it", async () => {
      const proposed = await proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: w.taxiApp.id });
      expect(proposed.stage).toBe("proposed");
      const [m] = await t.db.select().from(matches).where(eq(matches.id, proposed.id));
      expect(m.score).toBeGreaterThan(0.5);
      expect(m.reasons!.map((r) => r.code)).toContain("scenario");
      expect(m.proposedById).toBe(w.official.id);
      // Both sides are told (not the official who acted), in the inbox and by e-mail.
      expect((await noticesOf(w.vendorOwner.id)).map((n) => n.kind)).toEqual(["matchProposed"]);
      expect((await noticesOf(w.vendorMember.id)).map((n) => n.kind)).toEqual(["matchProposed"]);
      expect((await noticesOf(w.worker.id)).map((n) => n.kind)).toEqual(["matchProposed"]);
      expect(await noticesOf(w.official.id)).toEqual([]);
      expect(await noticesOf(w.rivalMember.id)).toEqual([]);
      const mails = await t.db.select().from(outgoingEmails).where(inArray(outgoingEmails.toAddress, [w.vendorOwner.email]));
      expect(mails.length).toBe(1);

      const accepted = await acceptMatch(t.db, a.vendorMember, proposed.id, { version: proposed.version });
      expect(accepted.stage).toBe("accepted");
      expect((await noticesOf(w.official.id)).map((n) => n.kind)).toContain("matchAccepted");

      const piloting = await startPilot(t.db, a.worker, proposed.id, { ...PILOT, version: accepted.version });
      expect(piloting.stage).toBe("piloting");
      expect((await noticesOf(w.vendorOwner.id)).map((n) => n.kind)).toContain("matchPilotStarted");

      const board = await subdistrictBoard(t.db, null, w.place.slug);
      expect(board!.matches.piloting.map((x) => x.id)).toEqual([proposed.id]);
      expect(board!.matches.piloting[0].pilotSite).toBe(PILOT.site);
      expect(board!.vendors.map((v) => v.id)).toContain(w.vendor.id);

      const deployed = await recordDeployment(t.db, a.official, proposed.id, {
        outcome: "试点五个月服务老人 1,500 人次，推广到全街道。",
        deployedOn: "2021-10-20",
        version: piloting.version,
      });
      expect(deployed.stage).toBe("deployed");
      expect((await auditOf(proposed.id)).map((r) => [r.action, r.fromStatus, r.toStatus])).toEqual([
        ["match.propose", null, "proposed"],
        ["match.accept", "proposed", "accepted"],
        ["match.startPilot", "accepted", "piloting"],
        ["match.recordDeployment", "piloting", "deployed"],
      ]);
      const detail = await matchDetail(t.db, null, proposed.id);
      expect(detail!.stage).toBe("deployed");
      expect(detail!.timeline).toEqual([]); // the history names people: sides only
      expect((await matchDetail(t.db, a.vendor, proposed.id))!.timeline).toHaveLength(4);
      const overview = await districtOverview(t.db, null);
      const mine = overview.places.find((p) => p.id === w.place.id)!;
      expect(mine.stages.deployed).toBe(1);
      expect(mine.vendors).toBe(1);
    });

    it("a vendor cannot accept a match for another vendor; only the demand's side records pilots", async () => {
      const proposed = await proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: w.taxiApp.id });
      await expect(acceptMatch(t.db, a.rival, proposed.id)).rejects.toBeInstanceOf(MatchNotFoundError);
      await expect(acceptMatch(t.db, a.official, proposed.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(acceptMatch(t.db, a.worker, proposed.id)).rejects.toBeInstanceOf(ForbiddenError);
      await acceptMatch(t.db, a.vendor, proposed.id);
      // Now public (accepted): others may see it, still not move it.
      await expect(acceptMatch(t.db, a.rival, proposed.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(startPilot(t.db, a.vendor, proposed.id, PILOT)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(startPilot(t.db, a.otherWorker, proposed.id, PILOT)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(startPilot(t.db, a.resident, proposed.id, PILOT)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(declineMatch(t.db, a.otherWorker, proposed.id, { reason: "不是我们街道" })).rejects.toBeInstanceOf(ForbiddenError);
      const [m] = await t.db.select().from(matches).where(eq(matches.id, proposed.id));
      expect(m.stage).toBe("accepted");
    });

    it("community workers propose only in their own subdistrict; vendors and residents not at all", async () => {
      await expect(proposeMatch(t.db, a.otherWorker, { demandId: w.demand.id, applicationId: w.taxiApp.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(proposeMatch(t.db, a.vendor, { demandId: w.demand.id, applicationId: w.taxiApp.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(proposeMatch(t.db, a.resident, { demandId: w.demand.id, applicationId: w.taxiApp.id })).rejects.toBeInstanceOf(ForbiddenError);
      const mine = await proposeMatch(t.db, a.worker, { demandId: w.demand.id, applicationId: w.taxiApp.id });
      expect(mine.stage).toBe("proposed");
      const theirs = await proposeMatch(t.db, a.otherWorker, { demandId: w.otherDemand.id, applicationId: w.gateApp.id });
      expect(theirs.stage).toBe("proposed");
      // The same pair twice is refused; so is a draft, a withdrawn application, a withdrawn demand.
      await expect(proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: w.taxiApp.id })).rejects.toBeInstanceOf(MatchMoveError);
      await expect(proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: w.draftApp.id })).rejects.toBeInstanceOf(MatchInputError);
      await expect(proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: w.withdrawnApp.id })).rejects.toBeInstanceOf(MatchInputError);
      await expect(proposeMatch(t.db, a.official, { demandId: w.withdrawnDemand.id, applicationId: w.taxiApp.id })).rejects.toBeInstanceOf(MatchMoveError);
      await expect(proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: "abc" })).rejects.toBeInstanceOf(MatchInputError);
    });

    it("a suggestion from a response is proposed; a stale page is refused; wrong stages are refused", async () => {
      const { matchId } = await respondToDemand(t.db, a.vendor, w.demand.id, { applicationId: w.taxiApp.id, ...RESPONSE });
      const proposed = await proposeMatch(t.db, a.worker, { demandId: w.demand.id, applicationId: w.taxiApp.id });
      expect(proposed.id).toBe(matchId);
      expect((await auditOf(matchId!)).map((r) => r.action)).toEqual(["match.suggest", "match.propose"]);
      await expect(acceptMatch(t.db, a.vendor, proposed.id, { version: proposed.version - 1 })).rejects.toBeInstanceOf(StaleMatchError);
      await expect(startPilot(t.db, a.official, proposed.id, PILOT)).rejects.toBeInstanceOf(MatchMoveError);
      await expect(recordDeployment(t.db, a.official, proposed.id, { outcome: "一段足够长的落地成效描述。", deployedOn: "2021-10-01" })).rejects.toBeInstanceOf(MatchMoveError);
      const [m] = await t.db.select().from(matches).where(eq(matches.id, proposed.id));
      expect(m.stage).toBe("proposed");
    });

    it("bad pilot and deployment input gets field errors and changes nothing", async () => {
      const p = await proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: w.taxiApp.id });
      await acceptMatch(t.db, a.vendor, p.id);
      const bad = await startPilot(t.db, a.official, p.id, { site: "", startOn: "2021-02-30", kpis: "x".repeat(2000) }).catch((e) => e);
      expect(bad).toBeInstanceOf(MatchInputError);
      expect(Object.keys((bad as MatchInputError).fieldErrors).sort()).toEqual(["kpis", "site", "startOn"]);
      await startPilot(t.db, a.official, p.id, PILOT);
      const early = await recordDeployment(t.db, a.official, p.id, { outcome: "一段足够长的落地成效描述。", deployedOn: "2021-05-01" }).catch((e) => e);
      expect(early).toBeInstanceOf(MatchInputError);
      expect((early as MatchInputError).fieldErrors.deployedOn).toEqual(["matching:errors.beforePilot"]);
      const [m] = await t.db.select().from(matches).where(eq(matches.id, p.id));
      expect(m.stage).toBe("piloting");
      expect((await auditOf(p.id)).map((r) => r.action)).toEqual(["match.propose", "match.accept", "match.startPilot"]);
    });

    it("either side ends a match with a reason; ended is final; the public never sees proposals or ended ones", async () => {
      const p = await proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: w.taxiApp.id });
      expect((await subdistrictBoard(t.db, null, w.place.slug))!.matches.proposed).toEqual([]);
      expect((await subdistrictBoard(t.db, a.worker, w.place.slug))!.matches.proposed.map((x) => x.id)).toEqual([p.id]);
      expect((await subdistrictBoard(t.db, a.vendor, w.place.slug))!.matches.proposed.map((x) => x.id)).toEqual([p.id]);
      expect((await subdistrictBoard(t.db, a.rival, w.place.slug))!.matches.proposed).toEqual([]);
      expect(await matchDetail(t.db, a.rival, p.id)).toBeNull();

      await expect(declineMatch(t.db, a.vendor, p.id, { reason: "" })).rejects.toBeInstanceOf(MatchInputError);
      const declined = await declineMatch(t.db, a.vendor, p.id, { reason: "本季度没有实施团队" });
      expect(declined.stage).toBe("declined");
      expect((await noticesOf(w.official.id)).map((n) => n.kind)).toContain("matchDeclined");
      const [row] = await auditOf(p.id).then((rows) => rows.filter((r) => r.action === "match.decline"));
      expect(row.reason).toBe("本季度没有实施团队");
      await expect(acceptMatch(t.db, a.vendor, p.id)).rejects.toBeInstanceOf(MatchMoveError);
      await expect(declineMatch(t.db, a.official, p.id, { reason: "再次终止" })).rejects.toBeInstanceOf(MatchMoveError);
      await expect(proposeMatch(t.db, a.official, { demandId: w.demand.id, applicationId: w.taxiApp.id })).rejects.toBeInstanceOf(MatchMoveError);
      expect((await subdistrictBoard(t.db, null, w.place.slug))!.matches.declined).toEqual([]);
    });
  });
});
