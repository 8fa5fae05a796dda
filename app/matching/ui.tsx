/**
 * Pieces the matching pages share: the score, the reasons in plain words
 * (either language, from their codes), the stage badge, the pipeline steps,
 * the history and the "how is it scored" explanation. Browser-safe: no
 * server imports.
 */
import { useTranslation } from "react-i18next";

import { formatDateTime } from "~/components/date-format";

import type { MatchStage } from "../../db/enums";

import { describeReason } from "./reason-text";
import type { Reason, ReasonLabels } from "./score";
import { WEIGHTS, type Signal } from "./weights";

export const PIPELINE: MatchStage[] = ["suggested", "proposed", "accepted", "piloting", "deployed"];

/** A score in 0..1 as the 0–100 people read. */
export const points = (x: number) => Math.round(x * 100);

export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-center rounded-full bg-brand-700 px-3 py-1 text-base font-bold text-white" data-testid="match-score">
      {t("matching:score", { score: points(score) })}
    </span>
  );
}

const STAGE_STYLE: Record<MatchStage, string> = {
  suggested: "border-slate-500 bg-slate-50 text-slate-900",
  proposed: "border-amber-600 bg-amber-50 text-amber-900",
  accepted: "border-brand-700 bg-brand-50 text-brand-800",
  piloting: "border-violet-700 bg-violet-50 text-violet-900",
  deployed: "border-green-700 bg-green-50 text-green-900",
  declined: "border-red-700 bg-red-50 text-red-900",
};

export function StageBadge({ stage, short = false }: { stage: MatchStage; short?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-block rounded border px-2 py-0.5 text-sm font-medium ${STAGE_STYLE[stage]}`} data-testid="match-stage" data-stage={stage}>
      {short ? t(`matching:stageShort.${stage}`) : t(`matching:stages.${stage}`)}
    </span>
  );
}

/** One reason as a sentence in the reader's language. */
export function useReasonText(labels: ReasonLabels) {
  const { t, i18n } = useTranslation();
  return (r: Reason): string => describeReason(t, labels, i18n.language, r);
}

export function ReasonList({ reasons, labels, id }: { reasons: Reason[]; labels: ReasonLabels; id?: string }) {
  const { t } = useTranslation();
  const text = useReasonText(labels);
  if (!reasons.length) return null;
  return (
    <ul id={id} className="mt-2 space-y-1" data-testid="match-reasons">
      {reasons.map((r) => (
        <li key={r.code} className="flex gap-2" data-reason={r.code}>
          <span className="min-w-10 shrink-0 text-right font-semibold text-brand-800" aria-label={t("matching:reasons.pointsLabel", { points: points(r.weight) })}>
            {t("matching:reasons.points", { points: points(r.weight) })}
          </span>
          <span>{text(r)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The pipeline as an ordered list of steps, the current one marked (a declined match shows where it ended). */
export function PipelineSteps({ stage, labelledBy }: { stage: MatchStage; labelledBy?: string }) {
  const { t } = useTranslation();
  const at = stage === "declined" ? -1 : PIPELINE.indexOf(stage);
  return (
    <ol className="mt-3 grid gap-2 sm:grid-cols-5" aria-labelledby={labelledBy}>
      {PIPELINE.map((s, i) => {
        const state = i < at ? "done" : i === at ? "current" : "todo";
        const style =
          state === "current" ? "border-brand-700 bg-brand-700 text-white" : state === "done" ? "border-brand-700 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700";
        return (
          <li key={s} className={`rounded-md border-2 px-3 py-2 text-center ${style}`} aria-current={state === "current" ? "step" : undefined} data-step={s} data-state={state}>
            <span className="block font-semibold">{t(`matching:stageShort.${s}`)}</span>
            <span className="block text-sm">
              {state === "done" ? t("matching:match.stepDone") : state === "current" ? t("matching:match.stepCurrent") : t("matching:match.stepTodo")}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export type MatchHistoryEntry = { id: number; action: string; toStatus: string | null; reason: string | null; at: string; actorName: string | null };

export function MatchHistory({ entries, locale, labelledBy }: { entries: MatchHistoryEntry[]; locale: string; labelledBy?: string }) {
  const { t } = useTranslation();
  if (!entries.length) return null;
  return (
    <ol className="mt-2 space-y-3 border-l-4 border-brand-100 pl-4" aria-labelledby={labelledBy}>
      {entries.map((e) => (
        <li key={e.id} data-action={e.action}>
          <time dateTime={e.at} className="text-slate-700">
            {formatDateTime(e.at, locale)}
          </time>{" "}
          · <span className="font-medium">{e.actorName ?? t("matching:history.unknownActor")}</span> ·{" "}
          {t(`matching:history.${e.action}`, { defaultValue: e.action })}
          {e.reason ? <p className="text-slate-800">{t("matching:match.reasonLine", { reason: e.reason })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

const SIGNAL_LABEL: Record<Signal, string> = {
  text: "matching:howScored.text",
  scenario: "matching:howScored.scenario",
  targetGroup: "matching:howScored.targetGroup",
  technology: "matching:howScored.technology",
  domain: "matching:howScored.domain",
  deployment: "matching:howScored.deployment",
  selection: "matching:howScored.selection",
  maturity: "matching:howScored.maturity",
};

/** The weights, explained (a disclosure that works without JavaScript). */
export function HowScored() {
  const { t } = useTranslation();
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold text-brand-800">{t("matching:howScored.summary")}</summary>
      <p className="mt-2">{t("matching:howScored.intro")}</p>
      <ul className="mt-2 space-y-1">
        {(Object.keys(WEIGHTS) as Signal[]).map((s) => (
          <li key={s} className="flex gap-3">
            <span className="min-w-16 font-semibold">{t("matching:howScored.weight", { weight: points(WEIGHTS[s]) })}</span>
            <span>{t(SIGNAL_LABEL[s])}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
