/**
 * The public portal's reads at 100× the demo data (`npm run bench:portal`):
 * the home page's numbers, the statistics (all campaigns and one), API pages
 * (first, deep and filtered) and a sitemap file — each as the anonymous
 * public sees it, the way the pages and endpoints call them.
 *
 *   npm run bench:portal -- [--scale 100] [--runs 7] [--reseed]
 *
 * Database and data: see scripts/bench-database.ts (shared with the other
 * benchmarks, seeded once and reused). Prints p50/p95/max per operation.
 */
import { applicationPage } from "../app/api/applications.server";
import { demandPage } from "../app/api/demands.server";
import { programmeOverview } from "../app/campaigns/overview.server";
import { sitemapFiles, sitemapPages } from "../app/sharing/sitemap.server";
import { programmeStats } from "../app/stats/stats.server";

import { chooseTarget, describeTarget, ensureBenchData, flag, hasFlag, openTarget, percentile } from "./bench-database";

const RUNS = flag("runs", 7);
const SCALE = flag("scale", 100);
const RESEED = hasFlag("reseed");

const target = await chooseTarget();
console.log(`Database: ${describeTarget(target)} · ${RUNS} runs per operation (after one warm-up)`);
const handle = await openTarget(target);
type Row = { name: string; detail: string; times: number[] };
const rows: Row[] = [];

try {
  await ensureBenchData(handle, { scale: SCALE, reseed: RESEED });
  const db = handle.db;
  const all = await programmeStats(db);
  const campaign = all?.campaignOptions.at(-1)?.slug;

  const operations: [string, () => Promise<string>][] = [
    ["home: programmeOverview", async () => `${(await programmeOverview(db)).latestDemands.length} latest demands`],
    ["stats: all campaigns", async () => `${(await programmeStats(db))!.campaigns.length} campaigns`],
    [`stats: ${campaign}`, async () => `${(await programmeStats(db, { campaignSlug: campaign }))!.totals.applications.submitted} applications`],
    ["api: demands page 1", async () => `${(await demandPage(db, null, { sort: "newest" }, { page: 1, perPage: 20 })).total} in all`],
    ["api: demands page 100", async () => `${(await demandPage(db, null, { sort: "newest" }, { page: 100, perPage: 20 })).rows.length} rows`],
    ["api: applications page 1", async () => `${(await applicationPage(db, null, { sort: "newest" }, { page: 1, perPage: 100 })).total} in all`],
    ["api: applications page 500", async () => `${(await applicationPage(db, null, { sort: "newest" }, { page: 500, perPage: 20 })).rows.length} rows`],
    ["api: applications, domain filter", async () => `${(await applicationPage(db, null, { sort: "newest", domain: "life" }, { page: 1, perPage: 20 })).total} in all`],
    ["sitemap: index", async () => `${(await sitemapFiles(db)).length} files`],
    ["sitemap: applications-1", async () => `${(await sitemapPages(db, "applications", 1))!.length} pages`],
  ];

  for (const [name, run] of operations) {
    await run(); // warm-up: plans and caches, as a running server has them
    const times: number[] = [];
    let detail = "";
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      detail = await run();
      times.push(performance.now() - started);
    }
    rows.push({ name, detail, times: times.sort((a, b) => a - b) });
    console.log(`  ${name}: ${percentile(times, 50).toFixed(0)} ms (${detail})`);
  }
} finally {
  await handle.close();
}

console.log(`\n${"operation".padEnd(36)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"max ms".padStart(9)}  result`);
for (const r of rows) {
  console.log(`${r.name.padEnd(36)}${percentile(r.times, 50).toFixed(0).padStart(9)}${percentile(r.times, 95).toFixed(0).padStart(9)}${r.times[r.times.length - 1].toFixed(0).padStart(9)}  ${r.detail}`);
}
