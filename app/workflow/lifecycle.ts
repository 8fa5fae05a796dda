/**
 * The life of a demand or an application, as one table (see DESIGN.md):
 *
 *   draft ─submit─▶ submitted ─pass─▶ in_review ─complete─▶ scored ─shortlist─▶ shortlisted ─select─▶ selected
 *     │withdraw        │reject                                  │cut                 │cut
 *     ▼                ▼                                        ▼                    ▼
 *   withdrawn        rejected                           not_shortlisted ◀──────────┘
 *
 * Each move names the statuses it leaves from, the status it reaches, the
 * campaign stages in which it is open and who may make it. Pure data and pure
 * checks, shared by the domain functions and by the UI (to hide what the
 * server would refuse anyway).
 */
import type { CampaignStage, ItemStatus } from "../../db/enums";

export type Actor = "author" | "official" | "system";

export type Move = {
  from: readonly ItemStatus[];
  to: ItemStatus;
  stages: readonly CampaignStage[];
  actor: Actor;
  reasonRequired?: boolean;
};

export const MOVES = {
  submit: { from: ["draft"], to: "submitted", stages: ["collecting"], actor: "author" },
  withdraw: { from: ["draft", "submitted"], to: "withdrawn", stages: ["collecting"], actor: "author" },
  pass: { from: ["submitted"], to: "in_review", stages: ["screening"], actor: "official" },
  reject: { from: ["submitted"], to: "rejected", stages: ["screening"], actor: "official", reasonRequired: true },
  complete: { from: ["in_review"], to: "scored", stages: ["reviewing", "shortlisting"], actor: "system" },
  shortlist: { from: ["scored"], to: "shortlisted", stages: ["shortlisting"], actor: "official" },
  cut: { from: ["in_review", "scored", "shortlisted"], to: "not_shortlisted", stages: ["shortlisting"], actor: "official" },
  select: { from: ["shortlisted"], to: "selected", stages: ["shortlisting"], actor: "official" },
} as const satisfies Record<string, Move>;

export type MoveName = keyof typeof MOVES;

export type MoveRefusal =
  | { code: "wrong_status"; status: ItemStatus; allowed: readonly ItemStatus[] }
  | { code: "wrong_stage"; stage: CampaignStage; allowed: readonly CampaignStage[] }
  | { code: "reason_required" };

/** Why `move` is not open for an item in `status` within a campaign at `stage`, or null if it is. */
export function refusalFor(
  move: MoveName,
  status: ItemStatus,
  stage: CampaignStage,
  reason?: string | null,
): MoveRefusal | null {
  const m: Move = MOVES[move];
  if (!m.from.includes(status)) return { code: "wrong_status", status, allowed: m.from };
  if (!m.stages.includes(stage)) return { code: "wrong_stage", stage, allowed: m.stages };
  if (m.reasonRequired && !reason?.trim()) return { code: "reason_required" };
  return null;
}

/** The moves open from `status` at `stage` (for showing buttons). */
export function openMoves(status: ItemStatus, stage: CampaignStage): MoveName[] {
  return (Object.keys(MOVES) as MoveName[]).filter((name) => {
    const m: Move = MOVES[name];
    return m.from.includes(status) && m.stages.includes(stage);
  });
}
