/**
 * A page description cut from an item's own text, for search results and
 * link previews: one line, at most `max` characters, ending at a sentence or
 * word boundary when one is near, with "…" when something was cut.
 */

/** Previews show about 150 characters (and fewer Chinese ones, which are wider). */
export const DESCRIPTION_MAX = 150;

const SENTENCE_END = /[。！？；.!?;]/;

export function excerpt(text: string | null | undefined, max = DESCRIPTION_MAX): string {
  const flat = (text ?? "").replace(/\s+/g, " ").trim();
  const chars = Array.from(flat); // whole code points: never half an emoji or a rare character
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1);
  // Prefer the end of a sentence, then a space, if either keeps most of the text.
  const floor = Math.floor(max * 0.6);
  for (let i = cut.length - 1; i >= floor; i--) {
    if (SENTENCE_END.test(cut[i])) return cut.slice(0, i + 1).join("");
  }
  for (let i = cut.length - 1; i >= floor; i--) {
    if (cut[i] === " ") return `${cut.slice(0, i).join("").replace(/[\s,，、:：;；-]+$/, "")}…`;
  }
  return `${cut.join("").replace(/[\s,，、:：;；-]+$/, "")}…`;
}
