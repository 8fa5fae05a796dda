/**
 * Highlighting in JavaScript rather than with ts_headline: our index holds
 * bigrams and stems, not the words of the raw text, so we find in the raw
 * text the Chinese words and the Latin words whose stem or prefix matched.
 * Returns pieces (never HTML), so nothing a user typed reaches the page unescaped.
 */
import type { QueryGroup } from "./query";
import type { Snippet } from "./types";
import { normalize, stem } from "./tokenizer";

type Needles = { cjk: string[]; stems: Set<string>; prefixes: string[] };

export function needlesOf(groups: QueryGroup[]): Needles {
  const cjk: string[] = [];
  const stems = new Set<string>();
  const prefixes: string[] = [];
  for (const g of groups) {
    for (const alt of g.alternatives) {
      for (const token of alt.tokens) {
        if (/[\u3400-\u9fff\uf900-\ufaff]/u.test(token)) cjk.push(token);
        else stems.add(token);
      }
      if (alt.prefix) prefixes.push(alt.prefix);
    }
  }
  // Longer Chinese needles first, so 老年人 wins over 老年.
  return { cjk: [...new Set(cjk)].sort((a, b) => b.length - a.length), stems, prefixes };
}

/** [start, end) ranges of matches in `text`, merged. */
function matchRanges(text: string, needles: Needles): [number, number][] {
  const lower = normalize(text);
  // NFKC can change lengths; only use the lowered text when it lines up.
  const source = lower.length === text.length ? lower : text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const n of needles.cjk) {
    let from = 0;
    for (;;) {
      const at = source.indexOf(n, from);
      if (at < 0) break;
      ranges.push([at, at + n.length]);
      from = at + 1;
    }
  }
  for (const m of source.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0];
    if (/[\u3400-\u9fff\uf900-\ufaff]/u.test(word)) continue;
    if (needles.stems.has(stem(word)) || needles.prefixes.some((p) => word.startsWith(p))) {
      ranges.push([m.index!, m.index! + word.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

function piecesOf(text: string, ranges: [number, number][], start: number, end: number): Snippet {
  const out: Snippet = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const s2 = Math.max(s, start);
    const e2 = Math.min(e, end);
    if (s2 > at) out.push({ text: text.slice(at, s2), hit: false });
    out.push({ text: text.slice(s2, e2), hit: true });
    at = e2;
  }
  if (at < end) out.push({ text: text.slice(at, end), hit: false });
  return out;
}

/** The whole text with its matches marked (titles). */
export function highlight(text: string, needles: Needles): Snippet {
  return piecesOf(text, matchRanges(text, needles), 0, text.length);
}

/** A window of about `length` characters around the first match (bodies). */
export function snippet(text: string, needles: Needles, length = 140): Snippet {
  const clean = text.replace(/\s+/g, " ").trim();
  const ranges = matchRanges(clean, needles);
  if (ranges.length === 0) {
    const cut = clean.length > length ? `${clean.slice(0, length)}…` : clean;
    return [{ text: cut, hit: false }];
  }
  const first = ranges[0][0];
  const start = Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(clean.length, start + length);
  const pieces = piecesOf(clean, ranges, start, end);
  if (start > 0) pieces.unshift({ text: "…", hit: false });
  if (end < clean.length) pieces.push({ text: "…", hit: false });
  return pieces;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** For the JSON API: escaped HTML with <mark> around matches. */
export function snippetToHtml(pieces: Snippet): string {
  return pieces
    .map((p) => {
      const text = p.text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
      return p.hit ? `<mark>${text}</mark>` : text;
    })
    .join("");
}
