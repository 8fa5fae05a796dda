/**
 * The similarity query: from a demand's (or an application's) text to the few
 * words that say what it is about. The search engines AND the words of a query,
 * so a whole description would match nothing; we keep the most distinctive
 * words (title words count more, words every submission uses not at all) and
 * the engine matches ANY of them (`anyOf`), ranking texts that share more of
 * them, and rarer ones, first. Pure, shared by both directions of matching.
 */
import { SYNONYM_GROUPS } from "../../search/synonyms";
import { stem } from "../../search/tokenizer";

import { QUERY_WORDS } from "./weights";

/** Words nearly every demand or application uses: they say nothing about the subject. */
const GENERIC = new Set(
  [
    // Chinese
    "希望", "需要", "我们", "他们", "大家", "自己", "现在", "目前", "已经", "没有", "一个", "一些", "这些", "这个", "那些",
    "问题", "情况", "能够", "可以", "能否", "方案", "办法", "系统", "平台", "居民", "社区", "街道", "辖区", "居委",
    "居委会", "进行", "提供", "通过", "实现", "解决", "如何", "同时", "以及", "每天", "每次", "往往", "经常", "比较",
    "非常", "很多", "不少", "其中", "因为", "所以", "但是", "而且", "还是", "或者", "就是", "不是", "还有", "不能",
    "不会", "不用", "发现", "及时", "知道", "工作", "今年", "每年", "左右", "超过", "多数", "各种", "一定", "可能",
    "应该", "为了", "由于", "对于", "关于", "根据", "按照", "方面", "相关", "有关", "一起", "一直", "方便", "简单",
    "智能", "智慧", "数字化", "管理", "服务", "应用", "功能", "使用", "建设", "运行", "试点", "推广", "普陀", "普陀区",
    "上海", "支持", "帮助", "利用", "基于", "结合", "包括", "全区", "设备", "数据", "信息", "有效", "提升", "提高",
    "降低", "减少", "增加", "效率", "人员", "时间", "地方", "部门", "单位", "企业", "公司", "一次", "一家", "多家",
    "都要", "不需要", "现有", "患有", "容易", "来说", "几个", "一声", "起来", "出来", "一样", "其他", "其它", "所有",
    // English (the tokenizer already drops a, the, of …)
    "need", "needs", "want", "would", "like", "help", "helps", "hope", "resident", "residents", "community", "system",
    "solution", "platform", "smart", "make", "makes", "many", "also", "can", "could", "should", "more", "other", "some",
    "such", "them", "they", "when", "which", "who", "what", "there", "these", "those", "been", "into", "than", "then",
    "very", "just", "only", "our", "your", "about", "after", "before", "every", "each", "day", "days", "time", "year",
    "years", "use", "used", "using", "new", "putuo", "shanghai", "district", "subdistrict", "service", "services",
    "data", "people", "one", "two", "all", "not", "but", "now", "how", "its", "has", "have", "had", "would", "get",
    "without", "within", "where", "while", "most", "much", "less", "still", "even", "way", "ways", "based", "through",
    "until", "keep", "keeps", "kept", "often", "always", "never", "want", "wants", "hard", "easy", "good", "better",
    "able", "needed", "know", "see", "find", "give", "take", "work", "works", "working", "put", "too", "any", "own",
    "are", "and", "for", "from", "has", "its", "that", "the", "their", "this", "was", "were", "will", "with",
    "per", "via", "across", "around", "against", "between", "among", "because", "since", "while", "being", "does",
  ].map((w) => w.toLowerCase()),
);

export type WeightedText = { text: string; weight: number };

/** Characters that stand alone as grammar (particles, pronouns, verbs of motion …), never part of a subject word. */
const FUNCTION_CHARS = new Set(
  Array.from("的了和与及或而且但并也都就还又再才很太更最让把被给对向从到在于为是有没不能会要可去来说打帮靠用将已曾每各该这那他她它你我们个些乱多少好难差岁次位种家件项时后前里上下中内外边").values(),
);

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;
const IS_CJK = /[\u3400-\u9fff]/u;
const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

/**
 * Subject words of a Chinese run: ICU's words of two characters or more.
 * ICU splits finely (窨|井|盖, 门|岗, 人|脸|识别): runs of single characters
 * that are not grammar are glued back (窨井盖, 门岗, 人脸), in pairs when
 * long; a lone character is dropped (出租|车 keeps 出租, which the index's
 * bigrams find inside 出租车), and so is grammar (的, 让, 打 …).
 */
export function chineseSubjectWords(run: string): string[] {
  const words = [...segmenter.segment(run)].map((x) => x.segment).filter((w) => w.trim() !== "");
  const units: string[] = [];
  let singles: string[] = [];
  const flush = () => {
    if (singles.length >= 2 && singles.length <= 3) units.push(singles.join(""));
    else if (singles.length > 3) {
      for (let i = 0; i < singles.length; i += 2) {
        const pair = singles.slice(i, i + 2).join("");
        if (Array.from(pair).length === 2) units.push(pair);
        else units[units.length - 1] += pair;
      }
    }
    singles = [];
  };
  for (const w of words) {
    if (Array.from(w).length === 1) {
      if (FUNCTION_CHARS.has(w)) flush();
      else singles.push(w);
      continue;
    }
    flush();
    units.push(w);
  }
  flush();
  return units;
}

type Word = { key: string; text: string; cjk: boolean };

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.normalize("NFKC").toLowerCase().matchAll(CJK_RUN)) {
    const run = m[0];
    if (IS_CJK.test(run)) {
      for (const w of chineseSubjectWords(run)) out.push({ key: w, text: w, cjk: true });
    } else if (run.length >= 3 && !/^\d+$/.test(run)) {
      out.push({ key: stem(run), text: run, cjk: false });
    }
  }
  return out.filter((w) => !GENERIC.has(w.text) && !GENERIC.has(w.key));
}

/** A telling word of a text and how much it says (title words count more). */
export type QueryWord = { word: string; key: string; cjk: boolean; weight: number };

/**
 * The `max` most telling words of the texts, best first: a word scores the
 * weight of each text it appears in (per appearance, up to three), long
 * words (three Chinese characters, seven letters) a little more; ties keep
 * the order of first appearance.
 */
export function weightedWords(texts: WeightedText[], max = QUERY_WORDS): QueryWord[] {
  const found = new Map<string, QueryWord & { order: number }>();
  let order = 0;
  for (const { text, weight } of texts) {
    if (weight <= 0) continue;
    const seenHere = new Map<string, number>();
    for (const w of wordsOf(text.slice(0, 4000))) {
      const times = (seenHere.get(w.key) ?? 0) + 1;
      seenHere.set(w.key, times);
      if (times > 3) continue;
      const entry = found.get(w.key) ?? { word: w.text, key: w.key, cjk: w.cjk, weight: 0, order: order++ };
      const long = (w.cjk ? Array.from(w.text).length >= 3 : w.text.length >= 7) ? 0.5 : 0;
      entry.weight += weight + (times === 1 ? long : 0);
      found.set(w.key, entry);
    }
  }
  // One word per synonym group (老人, 老年人 and elderly ask the same): the strongest.
  const groups = new Set<string>();
  return [...found.values()]
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .filter((w) => {
      const group = synonymsOf.get(w.key)?.[0];
      if (!group) return true;
      if (groups.has(group)) return false;
      groups.add(group);
      return true;
    })
    .slice(0, max)
    .map(({ word, key, cjk, weight }) => ({ word, key, cjk, weight }));
}

export function similarityWords(texts: WeightedText[], max = QUERY_WORDS): string[] {
  return weightedWords(texts, max).map((w) => w.word);
}

/** The query string: the words joined by spaces, within the 200 characters a query may have. */
export function similarityQuery(texts: WeightedText[], max = QUERY_WORDS): string {
  const words = similarityWords(texts, max);
  while (words.join(" ").length > 200) words.pop();
  return words.join(" ");
}

// ─── Coverage: how much of what a need says a text covers ────────────────────

/** Synonym groups (search/synonyms.ts) by member, Chinese members as written, Latin ones stemmed. */
const synonymsOf = (() => {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    const forms = group.map((m) => normalizeForm(m));
    for (const f of forms) map.set(f, forms);
  }
  return map;
})();

function normalizeForm(text: string): string {
  const t = text.normalize("NFKC").toLowerCase().trim();
  return IS_CJK.test(t) ? t : t.split(/\s+/).map((w) => stem(w)).join(" ");
}

/** A text prepared for presence checks: its lower-case characters and its Latin stems (single and pairs). */
export type PreparedText = { raw: string; stems: Set<string> };

export function prepareText(text: string): PreparedText {
  const raw = text.normalize("NFKC").toLowerCase();
  const words = (raw.match(/[a-z0-9]+/g) ?? []).map((w) => stem(w));
  const stems = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) stems.add(`${words[i]} ${words[i + 1]}`);
  return { raw, stems };
}

function present(form: string, text: PreparedText): boolean {
  return IS_CJK.test(form) ? text.raw.includes(form) : text.stems.has(form);
}

/** The word, or one of its synonyms (in either language), is in the text. */
export function mentions(word: QueryWord, text: PreparedText): boolean {
  const forms = synonymsOf.get(word.key) ?? synonymsOf.get(word.word) ?? [word.key];
  return present(word.key, text) || forms.some((f) => present(f, text));
}

export type Coverage = { value: number; words: string[] };

/**
 * How much of the need's telling words each text covers, in 0..1: Σ over the
 * words it mentions (or a synonym of) of weight × rarity, over the same sum
 * for all words; a word found only outside the title counts 0.7. Rarity is
 * the inverse document frequency among `docs` (the candidates themselves), so
 * a word that every candidate mentions (老人 among eldercare solutions) says
 * little, and one that few do (保姆) says much. Also gives the mentioned
 * words, rarest first, for the reason shown.
 */
export function coverage(words: QueryWord[], docs: { id: number; title: string; body: string }[]): Map<number, Coverage> {
  const prepared = docs.map((d) => ({ id: d.id, title: prepareText(d.title), all: prepareText(`${d.title}\n${d.body}`) }));
  const n = prepared.length;
  const found = words.map((w) => prepared.map((d) => (mentions(w, d.all) ? (mentions(w, d.title) ? 1 : 0.7) : 0)));
  const rarity = found.map((hits) => Math.log(1 + n / (1 + hits.filter((h) => h > 0).length)));
  const total = words.reduce((sum, w, i) => sum + w.weight * rarity[i], 0);
  const out = new Map<number, Coverage>();
  prepared.forEach((d, j) => {
    let got = 0;
    const hit: { word: string; r: number }[] = [];
    words.forEach((w, i) => {
      if (found[i][j] > 0) {
        got += w.weight * rarity[i] * found[i][j];
        hit.push({ word: w.word, r: rarity[i] });
      }
    });
    out.set(d.id, {
      value: total > 0 ? Math.min(1, got / total) : 0,
      words: hit.sort((a, b) => b.r - a.r).slice(0, 5).map((h) => h.word),
    });
  });
  return out;
}
