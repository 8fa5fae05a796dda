/**
 * The life cycle of app/workflow/lifecycle.ts against the design (DESIGN.md,
 * "Life of an item"), written out here by hand: every move × every status ×
 * every campaign stage is checked, allowed and forbidden alike, with the
 * expectation computed from this table — never from the code under test.
 */
import { describe, expect, it } from "vitest";

import { CAMPAIGN_STAGES, ITEM_STATUSES, type CampaignStage, type ItemStatus } from "../../db/enums";
import { MOVES, openMoves, refusalFor, type MoveName } from "../../app/workflow/lifecycle";
import { stageRefusal, stageRefusalMessage } from "../../app/workflow/refusal";
import { fixedT } from "../../app/utils/i18n.server";

/** The design, by hand: from which statuses, to which status, in which stages, who, reason needed. */
const DESIGN: Record<MoveName, { from: ItemStatus[]; to: ItemStatus; stages: CampaignStage[]; actor: string; reason: boolean }> = {
  // A draft is submitted while the campaign collects.
  submit: { from: ["draft"], to: "submitted", stages: ["collecting"], actor: "author", reason: false },
  // Authors may withdraw a draft or a submission until collection ends.
  withdraw: { from: ["draft", "submitted"], to: "withdrawn", stages: ["collecting"], actor: "author", reason: false },
  // Screening passes a submission on to review …
  pass: { from: ["submitted"], to: "in_review", stages: ["screening"], actor: "official", reason: false },
  // … or rejects it, always with a reason.
  reject: { from: ["submitted"], to: "rejected", stages: ["screening"], actor: "official", reason: true },
  // k reviews in: the item is scored (while reviewing, or late reviews during shortlisting).
  complete: { from: ["in_review"], to: "scored", stages: ["reviewing", "shortlisting"], actor: "system", reason: false },
  // Shortlisting under quota.
  shortlist: { from: ["scored"], to: "shortlisted", stages: ["shortlisting"], actor: "official", reason: false },
  // Not shortlisted: unscored, scored below the cut, or dropped from the shortlist.
  cut: { from: ["in_review", "scored", "shortlisted"], to: "not_shortlisted", stages: ["shortlisting"], actor: "official", reason: false },
  // Publishing selects the shortlist.
  select: { from: ["shortlisted"], to: "selected", stages: ["shortlisting"], actor: "official", reason: false },
};

const MOVE_NAMES = Object.keys(DESIGN) as MoveName[];

function expected(move: MoveName, status: ItemStatus, stage: CampaignStage, reason: string | undefined) {
  const d = DESIGN[move];
  if (!d.from.includes(status)) return "wrong_status";
  if (!d.stages.includes(stage)) return "wrong_stage";
  if (d.reason && !reason?.trim()) return "reason_required";
  return null;
}

describe("the life cycle matches the design", () => {
  it("has exactly the moves of the design, with their targets and actors", () => {
    expect(Object.keys(MOVES).sort()).toEqual([...MOVE_NAMES].sort());
    for (const name of MOVE_NAMES) {
      expect(MOVES[name].to, name).toBe(DESIGN[name].to);
      expect(MOVES[name].actor, name).toBe(DESIGN[name].actor);
      expect(!!(MOVES[name] as { reasonRequired?: boolean }).reasonRequired, name).toBe(DESIGN[name].reason);
    }
  });

  const cases = MOVE_NAMES.flatMap((move) =>
    ITEM_STATUSES.flatMap((status) => CAMPAIGN_STAGES.map((stage) => [move, status, stage] as const)),
  );

  it(`checks all ${cases.length} move × status × stage combinations`, () => {
    expect(cases).toHaveLength(8 * 9 * 6);
  });

  it.each(cases)("%s from %s in stage %s (with a reason)", (move, status, stage) => {
    const refusal = refusalFor(move, status, stage, "a reason");
    const want = expected(move, status, stage, "a reason");
    expect(refusal?.code ?? null).toBe(want);
    if (refusal?.code === "wrong_status") {
      expect(refusal.status).toBe(status);
      expect([...refusal.allowed].sort()).toEqual([...DESIGN[move].from].sort());
    }
    if (refusal?.code === "wrong_stage") {
      expect(refusal.stage).toBe(stage);
      expect([...refusal.allowed].sort()).toEqual([...DESIGN[move].stages].sort());
    }
  });

  it.each(cases)("%s from %s in stage %s (without a reason)", (move, status, stage) => {
    for (const reason of [undefined, "", "   "]) {
      expect(refusalFor(move, status, stage, reason)?.code ?? null).toBe(expected(move, status, stage, reason));
    }
  });

  it("requires a reason to reject, and only to reject", () => {
    expect(refusalFor("reject", "submitted", "screening")).toEqual({ code: "reason_required" });
    expect(refusalFor("reject", "submitted", "screening", " \n ")).toEqual({ code: "reason_required" });
    expect(refusalFor("reject", "submitted", "screening", "不符合征集范围")).toBeNull();
    for (const move of MOVE_NAMES.filter((m) => m !== "reject")) {
      for (const from of DESIGN[move].from) {
        expect(refusalFor(move, from, DESIGN[move].stages[0]), move).toBeNull();
      }
    }
  });

  it.each(ITEM_STATUSES.flatMap((status) => CAMPAIGN_STAGES.map((stage) => [status, stage] as const)))(
    "offers exactly the open moves from %s in stage %s",
    (status, stage) => {
      const want = MOVE_NAMES.filter((m) => DESIGN[m].from.includes(status) && DESIGN[m].stages.includes(stage)).sort();
      expect([...openMoves(status, stage)].sort()).toEqual(want);
    },
  );

  it("ends at selected, not shortlisted, rejected and withdrawn: nothing leaves them, in any stage", () => {
    for (const status of ["selected", "not_shortlisted", "rejected", "withdrawn"] as const) {
      for (const stage of CAMPAIGN_STAGES) expect(openMoves(status, stage)).toEqual([]);
    }
  });

  it("opens no move at all once the lists are published or the campaign is closed", () => {
    for (const status of ITEM_STATUSES) {
      expect(openMoves(status, "published")).toEqual([]);
      expect(openMoves(status, "closed")).toEqual([]);
    }
  });
});

describe("stageRefusalMessage", () => {
  const zh = fixedT("zh-CN");
  const en = fixedT("en");

  it("says which stage the campaign is in and where the action is open, in both languages", () => {
    const refusal = refusalFor("pass", "submitted", "collecting")!;
    expect(stageRefusalMessage(zh, refusal)).toBe("征集活动当前处于“征集中”阶段，该操作只在“初筛中”阶段开放。");
    expect(stageRefusalMessage(en, refusal)).toBe("The campaign is in the “Collecting” stage; this action is open only in the “Screening” stage.");
  });

  it("lists several allowed statuses or stages", () => {
    const refusal = refusalFor("cut", "draft", "shortlisting")!;
    expect(stageRefusalMessage(en, refusal)).toBe(
      "This item is “Draft”; this action applies only to items that are “In review” or “Scored” or “Shortlisted”.",
    );
    expect(stageRefusalMessage(zh, refusal)).toBe("此项当前状态为“草稿”，该操作只适用于状态为“评审中”或“已评分”或“入围”的项目。");
    expect(stageRefusalMessage(en, refusalFor("complete", "in_review", "screening")!)).toContain("“Reviewing” or “Shortlisting”");
  });

  it("asks for a reason, and names a missing item", () => {
    expect(stageRefusalMessage(zh, { code: "reason_required" })).toBe("请填写理由。");
    expect(stageRefusalMessage(en, { code: "reason_required" })).toBe("Please give a reason.");
    expect(stageRefusalMessage(en, { code: "not_found" })).toMatch(/cannot be found/);
  });

  it("refuses a page's action outside its stages", () => {
    expect(stageRefusal("screening", ["screening"])).toBeNull();
    expect(stageRefusal("collecting", ["reviewing", "shortlisting"])).toEqual({
      code: "wrong_stage",
      stage: "collecting",
      allowed: ["reviewing", "shortlisting"],
    });
  });
});
