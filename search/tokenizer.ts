/**
 * The tokenizer shared by indexing and querying, for both engines.
 *
 * Chinese has no spaces, and stock PostgreSQL treats a run of Chinese
 * characters as one token (so 农业 never finds 中国农业发展银行). We index
 * every Chinese run as overlapping bigrams, which makes any two-character
 * sub-word findable; on the query side ICU's word segmentation (Node's
 * Intl.Segmenter) splits the query into words, and each word becomes the AND
 * of its bigrams — 独居老人 is 独居 & 老人, found in texts that say 独居 and
 * 老人 apart. Single characters the segmenter leaves (人|脸|识别) are glued
 * to their neighbours so that 人脸识别 still asks for 人脸 & 脸识 & 识别.
 *
 * Latin text is lower-cased, folded (NFKC), stop words dropped and stemmed
 * (Porter), so "inspections" meets "inspect"; the last query word also matches
 * as a prefix, for search-as-you-type ("camer" → camera).
 */
import { stemmer } from "stemmer";

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Runs of Chinese characters, or of Latin letters/digits. Everything else separates. */
const RUN = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)|((?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+)/gu;

const STOP_WORDS = new Set(
  "a an and are as at be by for from has have in is it its of on or that the their this to was were will with".split(" "),
);

const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

export function normalize(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function isCjk(text: string): boolean {
  return CJK.test(text);
}

/** Overlapping bigrams of a Chinese run; a single character stands for itself. */
export function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

export function stem(word: string): string {
  // Porter stemming only makes sense for ASCII words; digits and other scripts stay.
  return /^[a-z]+$/.test(word) && word.length > 2 ? stemmer(word) : word;
}

type Run = { text: string; cjk: boolean };

function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const m of normalize(text).matchAll(RUN)) {
    if (m[1]) out.push({ text: m[1], cjk: true });
    else if (m[2]) out.push({ text: m[2], cjk: false });
  }
  return out;
}

/**
 * Index side: the tokens of a text, in order (positions matter for ranking
 * contiguous matches higher). Chinese runs become bigrams; Latin words stems.
 */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of runs(text)) {
    if (run.cjk) out.push(...bigrams(run.text));
    else if (!STOP_WORDS.has(run.text)) out.push(stem(run.text));
  }
  return out;
}

/** Index tokens joined by spaces: what goes into a tsvector (or a Meilisearch field). */
export function indexText(text: string): string {
  return indexTokens(text).join(" ");
}

/**
 * Chinese query words: ICU segmentation, with runs of single characters glued
 * together (and to a following word when they stand alone), so that every
 * unit is at least two characters where the text allows.
 */
export function chineseQueryWords(run: string): string[] {
  const words = [...segmenter.segment(run)].map((s) => s.segment).filter((w) => w.trim() !== "");
  const units: string[] = [];
  let pending = "";
  for (const w of words) {
    if (Array.from(w).length === 1) {
      pending += w;
      continue;
    }
    if (pending) {
      if (Array.from(pending).length === 1) {
        // A lone character belongs with the word after it (人 + 脸识别 → 人脸识别 handled below).
        units.push(pending + w);
      } else {
        units.push(pending, w);
      }
      pending = "";
    } else {
      units.push(w);
    }
  }
  if (pending) {
    if (Array.from(pending).length === 1 && units.length > 0) units[units.length - 1] += pending;
    else units.push(pending);
  }
  return units;
}

/** One thing the query asks for: every token of `all` must match (Chinese bigrams, or one stem). */
export type QueryTerm = {
  /** The word as the user typed it (for highlighting and "did you mean"). */
  text: string;
  all: string[];
  /** Latin only: the raw word may also match as a prefix (the word being typed). */
  prefix?: string;
  cjk: boolean;
};

/**
 * Query side: the terms of a query, each to be matched (AND). Synonym
 * expansion happens in query.ts, over these terms.
 */
export function queryTerms(query: string, opts: { prefixLast?: boolean } = {}): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const all = runs(query);
  all.forEach((run, i) => {
    if (run.cjk) {
      for (const word of chineseQueryWords(run.text)) terms.push({ text: word, all: bigrams(word), cjk: true });
    } else {
      const isLast = i === all.length - 1;
      if (STOP_WORDS.has(run.text) && !isLast) return;
      terms.push({
        text: run.text,
        all: [stem(run.text)],
        cjk: false,
        ...(opts.prefixLast !== false && isLast && run.text.length >= 2 ? { prefix: run.text } : {}),
      });
    }
  });
  return terms;
}

/** Latin words of a text, lower-cased (for the "did you mean" vocabulary). */
export function latinWords(text: string): string[] {
  return runs(text)
    .filter((r) => !r.cjk && r.text.length >= 3 && /^[a-z]+$/.test(r.text) && !STOP_WORDS.has(r.text))
    .map((r) => r.text);
}
