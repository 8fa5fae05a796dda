/**
 * Every literal translation key used in the app exists in the Chinese
 * resources, and English has exactly the same keys as Chinese.
 *
 * Keys are found by scanning app/**\/*.{ts,tsx} for `t("…")` / `t('…')`
 * (also `i18n.t(…)`). A key is `ns:path.to.key` or, without a namespace, in
 * the file's default namespace: the one passed to `useTranslation("ns")` when
 * the file names exactly one, else `common`. Dynamic keys (template literals,
 * concatenation) cannot be checked statically and are skipped. A key used with
 * a count may exist only as plural forms (`key_one`, `key_other`).
 *
 * Keys also travel as plain strings and are translated elsewhere (zod
 * messages like "auth:errors.emailRequired", notice keys): every string
 * literal of the form "<namespace>:<key>", where <namespace> names a file in
 * app/locales/zh-CN, must exist too.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { resources } from "../../app/locales";

const appDir = path.resolve(__dirname, "../../app");

type Tree = { [key: string]: unknown };

function leafKeys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const full = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === "object" ? leafKeys(value as Tree, full) : [full];
  });
}

function lookup(tree: Tree, dotted: string): unknown {
  let node: unknown = tree;
  for (const part of dotted.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Tree)[part];
  }
  return node;
}

const PLURAL_SUFFIXES = ["_zero", "_one", "_two", "_few", "_many", "_other"];

function exists(tree: Tree, key: string): boolean {
  if (typeof lookup(tree, key) === "string") return true;
  return PLURAL_SUFFIXES.some((suffix) => typeof lookup(tree, key + suffix) === "string");
}

function sourceFiles(): string[] {
  return (fs.readdirSync(appDir, { recursive: true }) as string[])
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.startsWith(`locales${path.sep}`))
    .map((f) => path.join(appDir, f));
}

type Use = { file: string; ns: string; key: string };

// `t("key"` or `t('key'` followed by `,` or `)`: a literal key, nothing added to it.
const T_CALL = /(?<![\w$])t\(\s*(["'])([^"'\\\n]+)\1\s*[,)]/g;
const USE_TRANSLATION = /useTranslation\(\s*(["'])([\w-]+)\1/g;

function usedKeys(): Use[] {
  const uses: Use[] = [];
  for (const file of sourceFiles()) {
    const text = fs.readFileSync(file, "utf8");
    const namespaces = new Set([...text.matchAll(USE_TRANSLATION)].map((m) => m[2]));
    const defaultNs = namespaces.size === 1 ? [...namespaces][0] : "common";
    for (const match of text.matchAll(T_CALL)) {
      const raw = match[2];
      const colon = raw.indexOf(":");
      const [ns, key] = colon > 0 ? [raw.slice(0, colon), raw.slice(colon + 1)] : [defaultNs, raw];
      uses.push({ file: path.relative(appDir, file), ns, key });
    }
  }
  return uses;
}

// A whole string literal "<namespace>:<dotted.key>" (namespaces: the locale files).
function keyLiterals(): Use[] {
  const namespaces = fs
    .readdirSync(path.join(appDir, "locales/zh-CN"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""));
  const literal = new RegExp(`(["'\`])(${namespaces.join("|")}):([\\w-]+(?:\\.[\\w-]+)*)\\1`, "g");
  const uses: Use[] = [];
  for (const file of sourceFiles()) {
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(literal)) {
      uses.push({ file: path.relative(appDir, file), ns: match[2], key: match[3] });
    }
  }
  return uses;
}

describe("translation keys", () => {
  const zh = resources["zh-CN"] as unknown as Record<string, Tree>;
  const en = resources.en as unknown as Record<string, Tree>;

  it("finds the keys used in the app (the scanner works)", () => {
    const uses = usedKeys();
    expect(uses.length).toBeGreaterThan(10);
    expect(uses).toContainEqual(expect.objectContaining({ ns: "common", key: "nav.home" }));
    expect(keyLiterals()).toContainEqual(expect.objectContaining({ ns: "auth", key: "errors.emailRequired" }));
  });

  it("has every literal key used in app/ in the Chinese resources", () => {
    const missing = usedKeys()
      .filter(({ ns, key }) => !zh[ns] || !exists(zh[ns], key))
      .map(({ file, ns, key }) => `${ns}:${key} (${file})`);
    expect(missing, "keys used in code but missing from app/locales/zh-CN").toEqual([]);
  });

  it("has every namespaced key literal (validation messages, notices) in the Chinese resources", () => {
    const missing = [
      ...new Set(
        keyLiterals()
          .filter(({ ns, key }) => !zh[ns] || !exists(zh[ns], key))
          .map(({ file, ns, key }) => `${ns}:${key} (${file})`),
      ),
    ];
    expect(missing, "key literals missing from app/locales/zh-CN (or their namespace is not registered in app/locales/index.ts)").toEqual([]);
  });

  it("registers every locale file in app/locales/index.ts, in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const files = fs
        .readdirSync(path.join(appDir, "locales", locale))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => f.replace(/\.ts$/, ""))
        .sort();
      expect(Object.keys(resources[locale]).sort(), `namespaces registered for ${locale}`).toEqual(files);
    }
  });

  it("has the same namespaces in English and Chinese", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  for (const ns of Object.keys(resources["zh-CN"])) {
    it(`has exactly the Chinese keys in English for namespace "${ns}"`, () => {
      const zhKeys = leafKeys(zh[ns]).sort();
      const enKeys = leafKeys(en[ns] ?? {}).sort();
      expect(enKeys.filter((k) => !zhKeys.includes(k)), `only in English (${ns})`).toEqual([]);
      expect(zhKeys.filter((k) => !enKeys.includes(k)), `missing in English (${ns})`).toEqual([]);
    });
  }

  it("has no empty strings in either language", () => {
    const empty: string[] = [];
    for (const [locale, namespaces] of Object.entries({ "zh-CN": zh, en })) {
      for (const [ns, tree] of Object.entries(namespaces)) {
        for (const key of leafKeys(tree)) {
          if (lookup(tree, key) === "") empty.push(`${locale} ${ns}:${key}`);
        }
      }
    }
    expect(empty).toEqual([]);
  });
});
