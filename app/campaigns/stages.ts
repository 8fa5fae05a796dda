/**
 * How a campaign moves through its stages: forward one step at a time, back
 * one step with a recorded reason. Publishing is its own action (the publish
 * page writes the lists and moves the stage), so it is not a plain stage
 * change; and a publication is never undone by stepping back. Pure, shared
 * with the UI.
 */
import { CAMPAIGN_STAGES, type CampaignStage } from "../../db/enums";

export type StageMoveRefusal = "not_adjacent" | "publish_elsewhere" | "cannot_unpublish" | "reason_required";

export function nextStage(stage: CampaignStage): CampaignStage | null {
  return CAMPAIGN_STAGES[CAMPAIGN_STAGES.indexOf(stage) + 1] ?? null;
}

export function previousStage(stage: CampaignStage): CampaignStage | null {
  const i = CAMPAIGN_STAGES.indexOf(stage);
  return i > 0 ? CAMPAIGN_STAGES[i - 1] : null;
}

export type StageMove = { direction: "forward" | "back"; refusal: StageMoveRefusal | null };

/** Whether `from → to` is a stage change this page may make (reason only needed going back). */
export function checkStageMove(from: CampaignStage, to: CampaignStage, reason?: string | null): StageMove {
  if (to === nextStage(from)) {
    return { direction: "forward", refusal: to === "published" ? "publish_elsewhere" : null };
  }
  if (to === previousStage(from)) {
    if (from === "published") return { direction: "back", refusal: "cannot_unpublish" };
    return { direction: "back", refusal: reason?.trim() ? null : "reason_required" };
  }
  return { direction: CAMPAIGN_STAGES.indexOf(to) > CAMPAIGN_STAGES.indexOf(from) ? "forward" : "back", refusal: "not_adjacent" };
}

/** Stages in which each campaign page's actions are open. */
export const STAGES_FOR = {
  screening: ["screening"],
  progress: ["reviewing", "shortlisting", "published", "closed"],
  reminders: ["reviewing", "shortlisting"],
} as const satisfies Record<string, readonly CampaignStage[]>;
