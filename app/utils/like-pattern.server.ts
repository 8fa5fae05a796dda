/** A `LIKE`/`ILIKE` pattern matching `text` anywhere; `%`, `_` and `\` typed by the user are taken literally. */
export function likePattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
