/**
 * How much each signal counts when ranking applications for a demand (and
 * demands for an application) — the one place the weights live. Each signal
 * is a value in 0..1; the score is Σ weight × value — readiness signals
 * scaled by relevance (below) — so it is also in 0..1 (shown as 0–100). The
 * weights sum to 1. Documented for people in docs/matching.md; change both
 * together, and run tests/integration/matching/quality.test.ts.
 *
 *   text          how closely the texts match: the search engine's relevance
 *                 for the demand's most telling words (any of them), blended
 *                 with the rarity-weighted coverage of those words
 *                 (TEXT_ENGINE_SHARE), each relative to the best candidate
 *   scenario      share of the demand's scenarios (独居老人关爱, 智能门禁 …)
 *                 the application also names
 *   targetGroup   share of the demand's target groups (老年人, 残障人士 …) the
 *                 application also serves
 *   technology    share of the technologies the demand suggests that the
 *                 application uses (demands often name none: then 0)
 *   domain        same area of digital transformation (economy, life, governance)
 *   deployment    already runs in the demand's subdistrict (1) or elsewhere in
 *                 Putuo (DISTRICT_DEPLOYMENT_VALUE)
 *   selection     on the published list (1) or shortlisted (SHORTLISTED_VALUE)
 *   maturity      deployed (1), piloted (PILOT_VALUE), a concept (0)
 *
 * Text carries the most weight because it is the only signal that reads the
 * need itself; tags say what kind of need it is; place, selection and
 * maturity say how ready the vendor is to deliver here.
 */
export const WEIGHTS = {
  text: 0.34,
  scenario: 0.16,
  targetGroup: 0.1,
  technology: 0.06,
  domain: 0.06,
  deployment: 0.12,
  selection: 0.08,
  maturity: 0.08,
} as const;

export type Signal = keyof typeof WEIGHTS;

/** What makes a solution fit the need … */
export const RELEVANCE_SIGNALS: readonly Signal[] = ["text", "scenario", "targetGroup", "technology", "domain"];
/**
 * … and what makes its vendor ready to deliver. Readiness counts in
 * proportion to relevance (its points are multiplied by the relevance
 * signals' share of their full weight), so a deployed, selected solution
 * to another problem never outranks a fitting concept.
 */
export const READINESS_SIGNALS: readonly Signal[] = ["deployment", "selection", "maturity"];

/** Value of a deployment elsewhere in Putuo (not in the demand's own subdistrict). */
export const DISTRICT_DEPLOYMENT_VALUE = 0.5;
/** Value of a shortlisted (not yet published) application. */
export const SHORTLISTED_VALUE = 0.5;
/** Value of a piloted (not yet deployed) application. */
export const PILOT_VALUE = 0.6;
/**
 * Tag overlap is the share of the demand's tags of that kind the other side
 * shares, counting at most this many: sharing 2 of a demand's 5 target groups
 * is as good as sharing 2 of 2.
 */
export const TAG_OVERLAP_CAP = 2;

/** How many words of the demand's text go into the similarity query. */
export const QUERY_WORDS = 10;
/** Weight of the tags' names (both languages) among the query's texts (title 3, description 1). */
export const TAG_NAMES_WEIGHT = 2;
/** How many telling words the coverage of the text signal looks for. */
export const COVERAGE_WORDS = 24;
/**
 * The text signal blends the engine's relevance (this share) with the
 * coverage of the need's telling words weighted by rarity (the rest): the
 * engine finds the texts, coverage tells a rare shared word (保姆) from a
 * common one (老人), which the engine's ranking does not.
 */
export const TEXT_ENGINE_SHARE = 0.4;
/** How many applications the text search and the tag search each bring in before scoring. */
export const POOL_TEXT = 120;
export const POOL_TAGS = 80;

/** Candidate lists: default and largest length. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;
