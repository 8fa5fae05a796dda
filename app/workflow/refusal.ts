/**
 * Why a move or an action is not open, in the reader's language: renders the
 * `MoveRefusal`s of lifecycle.ts (wrong status, wrong campaign stage, missing
 * reason) as one sentence. Shared by server (action messages) and browser
 * (banners), so it imports nothing server-only. Pass any `t` (i18next's
 * server-side `fixedT`/`getT`, or `useTranslation().t`).
 */
import type { CampaignStage, ItemStatus } from "../../db/enums";

import type { MoveRefusal } from "./lifecycle";

/** The least we need of i18next's `t`; both the server's and react-i18next's fit. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A refusal of lifecycle.ts, or an item that does not exist (transitionItems' `not_found`). */
export type Refusal = MoveRefusal | { code: "not_found" };

export const statusLabel = (t: Translate, status: ItemStatus) => t(`workflow:statuses.${status}`);
export const stageLabel = (t: Translate, stage: CampaignStage) => t(`common:stages.${stage}`);

function list(t: Translate, labels: string[]) {
  return labels.map((label) => t("workflow:refusal.quoted", { label })).join(t("workflow:refusal.separator"));
}

/** One sentence saying why the move or action is refused, e.g. "The campaign is in the “Collecting” stage; …". */
export function stageRefusalMessage(t: Translate, refusal: Refusal): string {
  switch (refusal.code) {
    case "wrong_status":
      return t("workflow:refusal.wrongStatus", {
        status: statusLabel(t, refusal.status),
        allowed: list(t, refusal.allowed.map((s) => statusLabel(t, s))),
      });
    case "wrong_stage":
      return t("workflow:refusal.wrongStage", {
        stage: stageLabel(t, refusal.stage),
        allowed: list(t, refusal.allowed.map((s) => stageLabel(t, s))),
      });
    case "reason_required":
      return t("workflow:refusal.reasonRequired");
    case "not_found":
      return t("workflow:refusal.notFound");
  }
}

/** The refusal for an action open only in `allowed` stages, or null when `stage` is one of them. */
export function stageRefusal(stage: CampaignStage, allowed: readonly CampaignStage[]): MoveRefusal | null {
  return allowed.includes(stage) ? null : { code: "wrong_stage", stage, allowed };
}
