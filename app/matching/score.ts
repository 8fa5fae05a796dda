/**
 * Combining the signals of one demand–application pair into a score in 0..1
 * and the reasons behind it. Pure (no database, no engine): the candidate
 * queries gather the signals, this decides what they are worth with the
 * weights of weights.ts. Reasons are codes with the points they contributed
 * and a language-neutral detail (tag slugs, a subdistrict slug, matched
 * words); the UI renders them in Chinese or English (`matching:reasons.*`).
 */
import type { Domain, ItemStatus, Maturity } from "../../db/enums";

import {
  DISTRICT_DEPLOYMENT_VALUE,
  PILOT_VALUE,
  READINESS_SIGNALS,
  RELEVANCE_SIGNALS,
  SHORTLISTED_VALUE,
  TAG_OVERLAP_CAP,
  TEXT_ENGINE_SHARE,
  WEIGHTS,
  type Signal,
} from "./weights";

export const REASON_CODES = [
  "text",
  "scenario",
  "target_group",
  "technology",
  "domain",
  "deployed_here",
  "deployed_district",
  "selected",
  "shortlisted",
  "maturity",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** One reason: what it is, how many points (0..1 of the score) it brought, and its detail. */
export type Reason = { code: ReasonCode; weight: number; detail?: string };

/** The names reasons refer to, for rendering them: tags by `kind:slug`, subdistricts by slug. */
export type ReasonLabels = {
  tags: Record<string, { zh: string; en: string }>;
  places: Record<string, { zh: string; en: string }>;
};

export type PairSignals = {
  /** Text similarity in 0..1 (relative to the best candidate). */
  text: number;
  /** Words the engine found in both texts, for the reason. */
  words: string[];
  /** Tag slugs of each side, by kind. */
  demandScenarios: string[];
  appScenarios: string[];
  demandTargets: string[];
  appTargets: string[];
  demandTechs: string[];
  appTechs: string[];
  demandDomain: Domain;
  appDomain: Domain;
  /** Slug of the demand's subdistrict. */
  demandPlace: string;
  /** Slugs of the Putuo subdistricts the application already runs in. */
  deployedIn: string[];
  status: ItemStatus;
  maturity: Maturity;
};

export type Scored = { score: number; reasons: Reason[]; values: Record<Signal, number> };

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The demand's tags of one kind that the application shares, and their worth in 0..1. */
export function tagOverlap(demandTags: readonly string[], appTags: readonly string[]): { shared: string[]; value: number } {
  if (demandTags.length === 0) return { shared: [], value: 0 };
  const mine = new Set(appTags);
  const shared = [...new Set(demandTags)].filter((t) => mine.has(t));
  return { shared, value: Math.min(1, shared.length / Math.min(demandTags.length, TAG_OVERLAP_CAP)) };
}

export function maturityValue(maturity: Maturity): number {
  return maturity === "deployed" ? 1 : maturity === "pilot" ? PILOT_VALUE : 0;
}

export function selectionValue(status: ItemStatus): number {
  return status === "selected" ? 1 : status === "shortlisted" ? SHORTLISTED_VALUE : 0;
}

/** Score one pair: Σ weight × value, with a reason for every signal that counted. */
export function scorePair(s: PairSignals, weights: Record<Signal, number> = WEIGHTS): Scored {
  const scenario = tagOverlap(s.demandScenarios, s.appScenarios);
  const target = tagOverlap(s.demandTargets, s.appTargets);
  const tech = tagOverlap(s.demandTechs, s.appTechs);
  const here = s.deployedIn.includes(s.demandPlace);
  const elsewhere = [...new Set(s.deployedIn.filter((p) => p !== s.demandPlace))];
  const values: Record<Signal, number> = {
    text: Math.max(0, Math.min(1, s.text)),
    scenario: scenario.value,
    targetGroup: target.value,
    technology: tech.value,
    domain: s.demandDomain === s.appDomain ? 1 : 0,
    deployment: here ? 1 : elsewhere.length ? DISTRICT_DEPLOYMENT_VALUE : 0,
    selection: selectionValue(s.status),
    maturity: maturityValue(s.maturity),
  };
  // Readiness counts in proportion to relevance: a deployed, selected
  // solution to another problem must not outrank a fitting concept.
  const relevance = RELEVANCE_SIGNALS.reduce((sum, k) => sum + weights[k] * values[k], 0) / RELEVANCE_SIGNALS.reduce((sum, k) => sum + weights[k], 0);
  const worth = (signal: Signal) => weights[signal] * values[signal] * (READINESS_SIGNALS.includes(signal) ? relevance : 1);
  const points = (signal: Signal) => round(worth(signal));
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, signal: Signal, detail?: string) => {
    const weight = points(signal);
    if (weight > 0) reasons.push(detail ? { code, weight, detail } : { code, weight });
  };
  add("text", "text", s.words.slice(0, 5).join(" · ") || undefined);
  add("scenario", "scenario", scenario.shared.join(","));
  add("target_group", "targetGroup", target.shared.join(","));
  add("technology", "technology", tech.shared.join(","));
  add("domain", "domain", s.demandDomain);
  if (here) add("deployed_here", "deployment", s.demandPlace);
  else add("deployed_district", "deployment", elsewhere.join(","));
  add(s.status === "selected" ? "selected" : "shortlisted", "selection");
  add("maturity", "maturity", s.maturity);
  reasons.sort((a, b) => b.weight - a.weight || REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code));
  const score = round((Object.keys(values) as Signal[]).reduce((sum, k) => sum + worth(k), 0));
  return { score, reasons, values };
}

/**
 * The text signal of a candidate from the engine's relevance: its share of
 * the best candidate's, on a square-root curve (engines' relevance falls off
 * steeply after the best match; the curve keeps the runners-up apart from
 * the texts that share a word by chance).
 */
export function textValue(score: number, best: number): number {
  if (!(score > 0) || !(best > 0)) return 0;
  return Math.sqrt(Math.min(1, score / best));
}

/** The text signal: the engine's view and the coverage of the need's words, blended (TEXT_ENGINE_SHARE). */
export function blendText(engine: number, covered: number): number {
  return TEXT_ENGINE_SHARE * engine + (1 - TEXT_ENGINE_SHARE) * covered;
}

/** Order candidates: higher score first; ties by stronger text, then by the newer id. */
export function byScore<T extends { score: number; textValue: number; id: number }>(a: T, b: T): number {
  return b.score - a.score || b.textValue - a.textValue || b.id - a.id;
}
