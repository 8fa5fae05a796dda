/**
 * From what a person typed to what an engine matches: tokenize (tokenizer.ts),
 * expand synonyms (synonyms.ts), and compile to a PostgreSQL tsquery. The
 * same parsed query drives highlighting, so what is highlighted is what matched.
 */
import { SYNONYM_GROUPS } from "./synonyms";
import { normalize, queryTerms, stem, type QueryTerm } from "./tokenizer";

/** One way to satisfy a group: all `tokens` (AND), or the `prefix`. */
export type Alternative = { tokens: string[]; prefix?: string };

/** One thing the query asks for (groups are ANDed); any alternative will do. */
export type QueryGroup = { text: string; alternatives: Alternative[] };

/** Synonym lookup keyed by the normalised member and by its Latin stem form. */
const synonymIndex = (() => {
  const index = new Map<string, readonly string[]>();
  for (const group of SYNONYM_GROUPS) {
    for (const member of group) {
      index.set(normalize(member), group);
      index.set(latinKey(member), group);
    }
  }
  return index;
})();

function latinKey(text: string): string {
  return normalize(text)
    .split(/\s+/)
    .map((w) => stem(w))
    .join(" ");
}

function alternativesOf(member: string): Alternative {
  const terms = queryTerms(member, { prefixLast: false });
  return { tokens: terms.flatMap((t) => t.all) };
}

function groupFor(text: string, terms: QueryTerm[]): QueryGroup {
  const own: Alternative = {
    tokens: terms.flatMap((t) => t.all),
    ...(terms.length === 1 && terms[0].prefix ? { prefix: terms[0].prefix } : {}),
  };
  const synonyms = synonymIndex.get(normalize(text)) ?? synonymIndex.get(latinKey(text));
  if (!synonyms) return { text, alternatives: [own] };
  const seen = new Set<string>([own.tokens.join(" ")]);
  const alternatives = [own];
  for (const member of synonyms) {
    const alt = alternativesOf(member);
    const key = alt.tokens.join(" ");
    if (alt.tokens.length && !seen.has(key)) {
      seen.add(key);
      alternatives.push(alt);
    }
  }
  return { text, alternatives };
}

/**
 * Parse a query. Consecutive words that together name a synonym
 * ("facial recognition", 人脸|识别) are taken as one group.
 */
export function parseQuery(query: string, opts: { prefixLast?: boolean } = {}): QueryGroup[] {
  const terms = queryTerms(query.slice(0, 200), opts);
  const groups: QueryGroup[] = [];
  for (let i = 0; i < terms.length; i++) {
    let matched = false;
    for (const len of [3, 2]) {
      const slice = terms.slice(i, i + len);
      if (slice.length !== len || slice.some((t) => t.cjk !== terms[i].cjk)) continue;
      const phrase = slice.map((t) => t.text).join(terms[i].cjk ? "" : " ");
      if (synonymIndex.has(normalize(phrase)) || synonymIndex.has(latinKey(phrase))) {
        groups.push(groupFor(phrase, slice.map((t) => ({ ...t, prefix: undefined }))));
        i += len - 1;
        matched = true;
        break;
      }
    }
    if (!matched) groups.push(groupFor(terms[i].text, [terms[i]]));
  }
  return groups.filter((g) => g.alternatives.some((a) => a.tokens.length || a.prefix));
}

const quote = (token: string) => `'${token.replace(/'/g, "''")}'`;

/**
 * A `to_tsquery('simple', …)` string, or null for an empty query. Groups are
 * ANDed, or ORed with `anyOf` (any group will do; ranking favours more).
 */
export function toTsquery(groups: QueryGroup[], opts: { anyOf?: boolean } = {}): string | null {
  const parts = groups.map((g) => {
    const alts = g.alternatives.map((a) => {
      const all = a.tokens.map(quote).join(" & ");
      const prefix = a.prefix ? `${quote(a.prefix)}:*` : "";
      if (all && prefix) return `((${all}) | ${prefix})`;
      return all ? `(${all})` : prefix;
    });
    return alts.length === 1 ? alts[0] : `(${alts.join(" | ")})`;
  });
  return parts.length ? parts.join(opts.anyOf ? " | " : " & ") : null;
}
