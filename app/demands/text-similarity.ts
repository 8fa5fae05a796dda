/**
 * Title similarity that works on short Chinese strings, where trigram
 * similarity is weak: overlapping character bigrams for runs of Chinese
 * characters, whole words for Latin text, compared with the Dice coefficient.
 * Pure functions, shared by the similar-demands query and its tests.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Bigrams too common in demand titles to say anything about the subject. */
const STOP_BIGRAMS = new Set([
  "希望", "需要", "能够", "可以", "我们", "一个", "问题", "如何", "建议", "解决", "关于", "进行", "提供", "实现",
]);
const STOP_WORDS = new Set(["a", "an", "the", "of", "for", "to", "and", "or", "in", "on", "with", "by", "we", "i", "need", "want"]);

/** The comparison units of a title: Chinese bigrams (or a lone character) and Latin words. */
export function titleGrams(title: string): string[] {
  const text = title.normalize("NFKC").toLowerCase();
  const grams = new Set<string>();
  // Split into runs of Chinese characters and runs of letters/digits.
  const runs = text.match(/[\u3400-\u9fff\uf900-\ufaff]+|[\p{Script=Latin}\p{N}]+/gu) ?? [];
  for (const run of runs) {
    if (CJK.test(run[0])) {
      const chars = [...run];
      if (chars.length === 1) {
        grams.add(chars[0]);
        continue;
      }
      for (let i = 0; i < chars.length - 1; i++) {
        const bigram = chars[i] + chars[i + 1];
        if (!STOP_BIGRAMS.has(bigram)) grams.add(bigram);
      }
    } else if (run.length >= 2 && !STOP_WORDS.has(run)) {
      grams.add(run);
    }
  }
  return [...grams];
}

/** Dice coefficient of two gram sets, in 0..1. */
export function gramDice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(b);
  let common = 0;
  for (const g of a) if (set.has(g)) common++;
  return (2 * common) / (a.length + b.length);
}

/** Share of the query's grams found in the title, in 0..1 (a short query inside a long title). */
export function gramContainment(query: readonly string[], title: readonly string[]): number {
  if (query.length === 0) return 0;
  const set = new Set(title);
  return query.filter((g) => set.has(g)).length / query.length;
}

/**
 * One score for ranking, in 0..1: the best of bigram Dice (near-duplicates),
 * containment of the query in the title (a short query inside a longer
 * title; discounted for queries of one or two grams, which match too much)
 * and trigram similarity (Latin text and typos), lightly rewarding agreement.
 */
export function titleSimilarity(query: readonly string[], title: readonly string[], trigram: number): number {
  const dice = gramDice(query, title);
  const containment = 0.8 * gramContainment(query, title) * Math.min(1, query.length / 3);
  const best = Math.max(dice, containment, trigram);
  const second = [dice, containment, trigram].sort((a, b) => b - a)[1];
  return Math.min(1, best + 0.1 * second);
}
