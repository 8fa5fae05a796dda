/**
 * A campaign's stages in order with the current one marked: an ordered list,
 * the current step carrying aria-current="step", and each step's state in
 * words as well as by colour and mark.
 */
import { useTranslation } from "react-i18next";

import { CAMPAIGN_STAGES, type CampaignStage } from "../../../db/enums";

type StepState = "done" | "current" | "upcoming";

const circle: Record<StepState, string> = {
  done: "border-brand-700 bg-brand-100 text-brand-800",
  current: "border-brand-700 bg-brand-700 text-white",
  upcoming: "border-slate-400 bg-white text-slate-700",
};

export function StageProgress({ stage }: { stage: CampaignStage }) {
  const { t } = useTranslation();
  const currentIndex = CAMPAIGN_STAGES.indexOf(stage);
  const stateText: Record<StepState, string> = {
    done: t("home:campaign.stepDone"),
    current: t("home:campaign.stepCurrent"),
    upcoming: t("home:campaign.stepUpcoming"),
  };
  return (
    <ol aria-label={t("home:campaign.progressLabel")} className="mt-4 grid gap-2 sm:grid-cols-6" data-testid="stage-progress">
      {CAMPAIGN_STAGES.map((s, i) => {
        const state: StepState = i < currentIndex ? "done" : i === currentIndex ? "current" : "upcoming";
        return (
          <li
            key={s}
            aria-current={state === "current" ? "step" : undefined}
            className={`flex items-center gap-2 rounded-md px-2 py-1.5 sm:flex-col sm:text-center ${
              state === "current" ? "bg-brand-50 font-semibold text-brand-800 ring-2 ring-brand-700" : state === "done" ? "text-slate-900" : "text-slate-700"
            }`}
          >
            <span aria-hidden="true" className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold ${circle[state]}`}>
              {state === "done" ? "✓" : i + 1}
            </span>
            <span>
              {t(`home:campaign.steps.${s}`)}
              <span className="sr-only"> {stateText[state]}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
