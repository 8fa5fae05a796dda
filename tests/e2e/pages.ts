/**
 * The pages the accessibility and elder-mode suites visit (a11y.spec.ts,
 * elder.spec.ts), as data. tests/unit/public-pages.test.ts reads app/routes
 * and fails when a page route outside the staff areas (official., admin.,
 * review., dev.) is missing here — resource routes (no component: the JSON
 * API, downloads, feeds) are not pages — so a new page cannot be forgotten.
 *
 * A page is reached by `path`: its first element is a URL; each further
 * element names a route module, and the suite follows the first link inside
 * <main> whose address matches that route (the pattern comes from the module
 * name, see `routePattern`); a CSS selector after the name limits the search
 * to links inside matching elements. So `["/demands", "demands.$id"]` opens
 * the first demand listed on /demands. Nothing here depends on database ids.
 */

/** Who the suite signs in as first: a demo account, or a resident it signs up. */
export type Visitor = "public" | "resident" | "worker" | "huawei" | "reviewer" | "official" | "new-resident";

/**
 * Data a page needs that the demo does not have, made through the site's own
 * forms before the visit: a draft of the visitor's, or (for an official) a
 * test campaign in screening with a resident's demand waiting. A path that
 * starts with PREPARED starts from that draft's page, or that campaign's
 * screening queue.
 */
export type Preparation = "draft-demand" | "draft-application" | "campaign-in-screening";
export const PREPARED = "(prepared)";

export type FormCheck = {
  /** CSS selector of the submit button; its form is cleared of text and submitted empty. */
  submit: string;
  /**
   * For a form that is valid when empty (every field optional): leave the
   * text as it is and type these bad values instead (field name → value).
   */
  invalid?: Record<string, string>;
};

export type PageEntry = {
  /** The route module under app/routes, without the extension. */
  route: string;
  /** How to reach it: a URL, then route modules whose first link to follow. */
  path: readonly [string, ...string[]];
  visitor: Visitor;
  /** The HTTP status the page answers with (200 unless said). */
  status?: number;
  prepare?: Preparation;
  /** The page holds a main form: also check it with the errors of an empty submission showing. */
  form?: FormCheck;
};

/** Route module name → the pattern of the addresses it serves (Remix v2 flat routes). */
export function routePattern(route: string): RegExp {
  const segments = route
    // Dots separate segments, except inside [ ] (robots[.]txt).
    .split(/\.(?![^[]*\])/)
    .filter((s) => s !== "_index" && !/^_[^_]/.test(s))
    .map((segment) => {
      const s = segment.replace(/_$/, "");
      if (s === "$") return ".+";
      // Ids are integers (docs/architecture.md), so /demands/new is not a demand.
      if (s.startsWith("$")) return /^\$(id|\w+Id)$/.test(s) ? "\\d+" : "[^/]+";
      return s.replace(/[[\]]/g, "").replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
    });
  return new RegExp(`^/${segments.join("/")}$`);
}

/** A path step after the first: a route module name, optionally followed by a CSS selector. */
export function parseStep(step: string): { route: string; within: string | null } {
  const space = step.indexOf(" ");
  return space < 0 ? { route: step, within: null } : { route: step.slice(0, space), within: step.slice(space + 1).trim() };
}

const NEW_DEMAND_SUBMIT = 'main form button[name="intent"][value="submit"]';

/** Everything the public sees, signed out. */
export const PUBLIC_PAGES: readonly PageEntry[] = [
  { route: "_index", path: ["/"], visitor: "public" },
  { route: "demands._index", path: ["/demands"], visitor: "public" },
  { route: "demands.$id", path: ["/demands", "demands.$id"], visitor: "public" },
  { route: "applications._index", path: ["/applications"], visitor: "public" },
  { route: "applications.$id", path: ["/applications", "applications.$id"], visitor: "public" },
  { route: "lists._index", path: ["/lists"], visitor: "public" },
  { route: "lists.$slug", path: ["/lists", "lists.$slug"], visitor: "public" },
  { route: "organizations._index", path: ["/organizations"], visitor: "public" },
  { route: "organizations.$slug", path: ["/organizations/huawei"], visitor: "public" },
  { route: "subdistricts._index", path: ["/subdistricts"], visitor: "public" },
  { route: "subdistricts.$slug", path: ["/subdistricts/ganquan-road"], visitor: "public" },
  { route: "stats", path: ["/stats"], visitor: "public" },
  { route: "stats", path: ["/stats?campaign=2023-haina-pilot-zone"], visitor: "public" },
  { route: "data._index", path: ["/data"], visitor: "public" },
  { route: "developers", path: ["/developers"], visitor: "public" },
  { route: "search", path: ["/search"], visitor: "public" },
  { route: "search", path: ["/search?q=%E5%85%BB%E8%80%81"], visitor: "public" },
  { route: "search", path: ["/search?q=elderly+care"], visitor: "public" },
  { route: "login", path: ["/login"], visitor: "public", form: { submit: 'main form button[type="submit"]' } },
  { route: "signup", path: ["/signup"], visitor: "public", form: { submit: 'main form button[type="submit"]' } },
  { route: "$", path: ["/no-such-page/at-all"], visitor: "public", status: 404 },
];

/** The main forms and the pages of the signed-in, each as the account that uses it. */
export const SIGNED_IN_PAGES: readonly PageEntry[] = [
  { route: "demands.new", path: ["/demands/new"], visitor: "resident", form: { submit: NEW_DEMAND_SUBMIT } },
  { route: "demands.$id_.edit", path: [PREPARED, "demands.$id_.edit"], visitor: "new-resident", prepare: "draft-demand", form: { submit: NEW_DEMAND_SUBMIT } },
  { route: "intake.new", path: ["/intake/new"], visitor: "worker", form: { submit: 'main form button[type="submit"]' } },
  { route: "applications.new", path: ["/applications/new"], visitor: "huawei", form: { submit: 'main form button[name="intent"][value="submit"]' } },
  { route: "applications.$id_.edit", path: [PREPARED, "applications.$id_.edit"], visitor: "huawei", prepare: "draft-application" },
  { route: "applications.$id_.demands", path: ["/organizations/huawei", "applications.$id", "applications.$id_.demands"], visitor: "huawei" },
  { route: "demands.$id_.respond", path: ["/organizations/huawei", "applications.$id", "applications.$id_.demands", "demands.$id_.respond"], visitor: "huawei", form: { submit: 'main form button[type="submit"]' } },
  { route: "organizations.$slug_.edit", path: ["/organizations/huawei/edit"], visitor: "huawei", form: { submit: 'main form button[type="submit"]', invalid: { website: "不是网址" } } },
  { route: "demands.$id_.matches", path: ["/subdistricts/ganquan-road", "demands.$id_.matches"], visitor: "worker" },
  { route: "matches.$id", path: ["/subdistricts/ganquan-road", "matches.$id"], visitor: "official" },
  { route: "my", path: ["/my"], visitor: "resident" },
  { route: "inbox", path: ["/inbox"], visitor: "resident" },
  { route: "account", path: ["/account"], visitor: "resident", form: { submit: 'main form:has(input[name="intent"][value="profile"]) button[type="submit"]' } },
];

/** The staff's main pages (outside the public-page rule, checked all the same). */
export const STAFF_PAGES: readonly PageEntry[] = [
  { route: "review._index", path: ["/review"], visitor: "reviewer" },
  // A pending assignment: the form stays invalid when submitted without scores.
  { route: "review.$assignmentId", path: ["/review", 'review.$assignmentId [data-status="assigned"]'], visitor: "reviewer", form: { submit: 'main form:has(input[name="intent"][value="save"]) button[type="submit"]' } },
  { route: "official.campaigns._index", path: ["/official/campaigns"], visitor: "official" },
  { route: "official.campaigns.$slug._index", path: ["/official/campaigns/2023-haina-pilot-zone"], visitor: "official" },
  // Closed (the open call is still collecting), and open with a demand waiting.
  { route: "official.campaigns.$slug.screening", path: ["/official/campaigns/2026-open-call/screening"], visitor: "official" },
  {
    route: "official.campaigns.$slug.screening",
    path: [PREPARED],
    visitor: "official",
    prepare: "campaign-in-screening",
    form: { submit: 'main form button[name="intent"][value="pass"]' },
  },
  { route: "official.campaigns.$slug.progress", path: ["/official/campaigns/2023-haina-pilot-zone/progress"], visitor: "official" },
  { route: "official.campaigns.new", path: ["/official/campaigns/new"], visitor: "official", form: { submit: 'main form button[type="submit"]' } },
];

/**
 * Route prefixes outside the public-page rule: the staff areas and the
 * developers' mailbox. The JSON API's routes (api.) have no component, so
 * they are exempt as resource routes; a page among them (documentation) is
 * a public page like any other.
 */
export const EXEMPT_PREFIXES = ["official.", "admin.", "review.", "dev."] as const;
