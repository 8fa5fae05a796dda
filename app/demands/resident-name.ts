/**
 * A resident's name as the public may see it on an assisted-intake demand:
 * surname plus an honorific when one was given (邵建国 → 邵某, 邵先生 → 邵先生,
 * "Mr Shao" → "Mr S.", "Jane Smith" → "J. S."), never the full name.
 */

const COMPOUND_SURNAMES = [
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "南宫", "西门",
];

/** Honorifics that may follow a surname; kept because they identify no one. */
const CHINESE_HONORIFICS = [
  "老先生", "老太太", "先生", "女士", "小姐", "阿姨", "叔叔", "阿婆", "阿公", "老伯", "伯伯", "大爷", "大妈", "奶奶", "爷爷", "师傅", "老师", "阿伯",
];

const ENGLISH_HONORIFICS = /^(mr|mrs|ms|miss|dr|mx)\.?$/i;

const CJK = /[\u3400-\u9fff]/u;

export function abbreviateResidentName(fullName: string): string {
  const name = fullName.normalize("NFKC").trim().replace(/\s+/g, " ");
  if (!name) return "";
  if (CJK.test(name[0])) {
    // 老邵 / 小邵: a familiar prefix, the surname follows it.
    if ((name.startsWith("老") || name.startsWith("小")) && [...name].length === 2) return name;
    const surname = COMPOUND_SURNAMES.find((s) => name.startsWith(s)) ?? [...name][0];
    const rest = name.slice(surname.length);
    const honorific = CHINESE_HONORIFICS.find((h) => rest.endsWith(h));
    if (honorific && rest.length === honorific.length) return name;
    return surname + (honorific ?? "某");
  }
  const words = name.split(" ").filter(Boolean);
  const initial = (w: string) => `${[...w][0].toUpperCase()}.`;
  if (ENGLISH_HONORIFICS.test(words[0]) && words.length > 1) {
    const title = words[0].replace(/\.$/, "");
    return `${title[0].toUpperCase()}${title.slice(1).toLowerCase()} ${initial(words[words.length - 1])}`;
  }
  return words.map(initial).join(" ");
}
