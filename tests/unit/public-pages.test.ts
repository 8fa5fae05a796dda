/**
 * The accessibility and elder-mode suites (tests/e2e/a11y.spec.ts,
 * elder.spec.ts) visit the pages listed in tests/e2e/pages.ts. This keeps
 * that list complete: every page route in app/routes — a module with a
 * component (a default export; resource routes such as the JSON API have
 * none) — outside the staff areas (EXEMPT_PREFIXES) must be listed, and
 * every listed route must exist, with its fixed addresses served by it.
 */
import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { EXEMPT_PREFIXES, parseStep, PREPARED, PUBLIC_PAGES, routePattern, SIGNED_IN_PAGES, STAFF_PAGES } from "../e2e/pages";

const routesDir = path.resolve(__dirname, "../../app/routes");

type RouteModule = { route: string; source: string };

function routeModules(): RouteModule[] {
  return fs
    .readdirSync(routesDir, { withFileTypes: true })
    .flatMap((entry): RouteModule[] => {
      // A route is a module file, or a folder holding route.tsx (Remix v2 flat routes).
      if (entry.isFile() && /\.(tsx?|jsx?)$/.test(entry.name)) {
        return [{ route: entry.name.replace(/\.(tsx?|jsx?)$/, ""), source: fs.readFileSync(path.join(routesDir, entry.name), "utf8") }];
      }
      if (entry.isDirectory()) {
        const file = ["route.tsx", "route.ts", "route.jsx", "route.js"].map((f) => path.join(routesDir, entry.name, f)).find((f) => fs.existsSync(f));
        return file ? [{ route: entry.name, source: fs.readFileSync(file, "utf8") }] : [];
      }
      return [];
    });
}

/** A page renders something; a resource route (no default export) answers with data. */
const isPage = (source: string) => /^export\s+default\b/m.test(source);
const isExempt = (route: string) => EXEMPT_PREFIXES.some((prefix) => route.startsWith(prefix));

const ALL = [...PUBLIC_PAGES, ...SIGNED_IN_PAGES, ...STAFF_PAGES];
const listed = new Set(ALL.map((e) => e.route));

describe("the pages the accessibility and elder-mode suites visit", () => {
  const modules = routeModules();

  it("reads the route modules", () => {
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.find((m) => m.route === "_index")).toBeTruthy();
  });

  it("include every page route outside the staff areas", () => {
    const missing = modules.filter((m) => isPage(m.source) && !isExempt(m.route) && !listed.has(m.route)).map((m) => m.route);
    expect(missing, "add these routes to tests/e2e/pages.ts").toEqual([]);
  });

  it("name only routes that exist and render a page", () => {
    const pages = new Set(modules.filter((m) => isPage(m.source)).map((m) => m.route));
    const unknown = [...listed].filter((route) => !pages.has(route));
    expect(unknown).toEqual([]);
    const steps = ALL.flatMap((e) => e.path.slice(1).map((step) => parseStep(step).route));
    expect(steps.filter((route) => !modules.some((m) => m.route === route))).toEqual([]);
  });

  it("reach each page at an address that route serves", () => {
    for (const entry of ALL) {
      const [first, ...steps] = entry.path;
      const last = steps.length ? parseStep(steps[steps.length - 1]).route : null;
      if (last) {
        expect(last, `${entry.route}: the path ends on the route itself`).toBe(entry.route);
      } else if (first !== PREPARED) {
        expect(new URL(first, "http://x").pathname, entry.route).toMatch(routePattern(entry.route));
      }
      if (first === PREPARED) expect(entry.prepare, `${entry.route} starts from data it does not prepare`).toBeTruthy();
    }
  });

  it("list each visit once (the suites name their tests after the path)", () => {
    const paths = ALL.map((e) => e.path.join(" → "));
    expect(paths.filter((p, i) => paths.indexOf(p) !== i)).toEqual([]);
  });

  it("check forms as someone who may use them, never signed out", () => {
    for (const entry of [...SIGNED_IN_PAGES, ...STAFF_PAGES]) expect(entry.visitor, entry.route).not.toBe("public");
    for (const entry of PUBLIC_PAGES) expect(entry.visitor, entry.route).toBe("public");
  });
});

describe("routePattern", () => {
  it.each([
    ["_index", "/", "/demands"],
    ["demands._index", "/demands", "/demands/1"],
    ["demands.$id", "/demands/42", "/demands/new"],
    ["demands.$id_.edit", "/demands/42/edit", "/demands/42"],
    ["review.$assignmentId", "/review/7", "/review/abc"],
    ["lists.$slug", "/lists/2021-scenario-call", "/lists"],
    ["official.campaigns.$slug._index", "/official/campaigns/2023-haina-pilot-zone", "/official/campaigns"],
    ["$", "/no-such-page/at-all", "/"],
    ["robots[.]txt", "/robots.txt", "/robotsxtxt"],
  ])("%s serves %s but not %s", (route, served, other) => {
    expect(routePattern(route).test(served)).toBe(true);
    expect(routePattern(route).test(other)).toBe(false);
  });
});
