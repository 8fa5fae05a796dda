/**
 * `npm run bench:search` — search latency at 100× the demo data (50,000
 * applications, 5,000 demands): 30 mixed Chinese and English queries, timed
 *   1. as bare SQL (the main query alone: the floor),
 *   2. through the engine (query + facets + highlighting + spelling check),
 *   3. through HTTP (the real built server rendering the /search page),
 * printing p50 and p95 for each, and the plan of two queries.
 *
 * Database: BENCH_DATABASE_URL, else a `putuo_bench` database next to
 * TEST_DATABASE_URL, else an embedded PGlite in ./data/bench-pglite. The
 * seeded data is kept between runs (seeding at scale 100 takes minutes).
 * Options: --runs N (per query, default 5), --scale N (default 100), --reseed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";

import { sql } from "drizzle-orm";

import { rowsOf, type DatabaseHandle } from "../db/client";
import { PostgresSearchEngine, searchSql, whereFor } from "../search/engines/postgres";
import { parseQuery, toTsquery } from "../search/query";
import type { SearchRequest } from "../search/types";

import { chooseTarget, describeTarget, ensureBenchData, flag, hasFlag, openTarget, percentile, type Target } from "./bench-database";

const RUNS = flag("runs", 5);
const SCALE = flag("scale", 100);
const RESEED = hasFlag("reseed");

const QUERIES: { q: string; filters?: SearchRequest["filters"] }[] = [
  { q: "独居老人" }, { q: "农业" }, { q: "老人" }, { q: "窨井盖" }, { q: "人脸识别" },
  { q: "一键叫车" }, { q: "高空抛物" }, { q: "垃圾桶满溢" }, { q: "智慧校园" }, { q: "消防 燃气" },
  { q: "甘泉路街道" }, { q: "城市大脑" }, { q: "5G 基站" }, { q: "养老 跌倒" }, { q: "门禁 健康码" },
  { q: "camera" }, { q: "elderly living alone" }, { q: "smart campus security" }, { q: "manhole" }, { q: "inspections" },
  { q: "survelance" }, { q: "camer" }, { q: "big data platform" }, { q: "facial recognition" }, { q: "taxi" },
  { q: "老人", filters: { type: "demand" } }, { q: "物联网", filters: { domain: "governance" } },
  { q: "smart", filters: { type: "application", domain: "life" } }, { q: "监测", filters: { subdistrict: 3 } }, { q: "", filters: { type: "application" } },
];

const request = (q: string, filters: SearchRequest["filters"] = {}): SearchRequest => ({
  q, filters, sort: "relevance", page: 1, perPage: 20, prefix: false,
});

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function measure(label: string, fn: (q: (typeof QUERIES)[number]) => Promise<unknown>) {
  for (const q of QUERIES) await fn(q); // warm-up
  const all: number[] = [];
  for (let run = 0; run < RUNS; run++) for (const q of QUERIES) all.push(await time(() => fn(q)));
  all.sort((a, b) => a - b);
  return { label, n: all.length, p50: percentile(all, 50), p95: percentile(all, 95), max: all[all.length - 1] };
}

async function startServer(t: Target, port: number) {
  if (!fs.existsSync("build/index.js")) {
    console.log("Building the server (npx remix build)…");
    await new Promise<void>((resolve, reject) =>
      spawn("npx", ["remix", "build"], { stdio: "inherit" }).on("exit", (c) => (c === 0 ? resolve() : reject(new Error("build failed")))),
    );
  }
  const envVars: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_ENV: "production", LOG_REQUESTS: "0", SEED_DEMO: "0", SEARCH_WORKER_INTERVAL_MS: "0" };
  if (t.kind === "postgres") envVars.DATABASE_URL = t.url;
  else {
    delete envVars.DATABASE_URL;
    envVars.PGLITE_DATA_DIR = t.dataDir;
  }
  const child = spawn("node", ["server.js"], { env: envVars, stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error("the server did not start within 120 s");
}

function queryString(q: (typeof QUERIES)[number]) {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  for (const [k, v] of Object.entries(q.filters ?? {})) if (v !== undefined) p.set(k, String(v));
  return p.toString();
}

const target = await chooseTarget();
console.log(`Database: ${describeTarget(target)} · ${QUERIES.length} queries × ${RUNS} runs`);
let handle = await openTarget(target);
await ensureBenchData(handle, { scale: SCALE, reseed: RESEED });
const engine = new PostgresSearchEngine(handle.db);

const sqlResult = await measure("bare SQL", async ({ q, filters }) => {
  const tsquery = toTsquery(parseQuery(q, { prefixLast: false }));
  await handle.db.execute(searchSql(tsquery, whereFor(tsquery, request(q, filters), null), "relevance", 20, 0));
});
const engineResult = await measure("engine", ({ q, filters }) => engine.search(request(q, filters), null));

console.log("\nPlans (EXPLAIN ANALYZE):");
for (const q of ["独居老人", "camera"]) {
  const tsquery = toTsquery(parseQuery(q, { prefixLast: false }));
  const plan = rowsOf<Record<string, string>>(
    await handle.db.execute(sql`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${searchSql(tsquery, whereFor(tsquery, request(q), null), "relevance", 20, 0)}`),
  ).map((r) => Object.values(r)[0]);
  console.log(`-- ${q}\n${plan.map((l) => `   ${l}`).join("\n")}`);
}
await handle.close();

const port = 3390 + Math.floor(Math.random() * 50);
const server = await startServer(target, port);
let httpResult;
try {
  httpResult = await measure("HTTP /search", async (q) => {
    const res = await fetch(`http://127.0.0.1:${port}/search?${queryString(q)}`);
    if (!res.ok) throw new Error(`/search answered ${res.status}`);
    await res.text();
  });
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
}
handle = undefined as unknown as DatabaseHandle;

const rows = [sqlResult, engineResult, httpResult];
console.log(`\n${"".padEnd(14)}${"n".padStart(6)}${"p50 ms".padStart(10)}${"p95 ms".padStart(10)}${"max ms".padStart(10)}`);
for (const r of rows) {
  console.log(`${r.label.padEnd(14)}${String(r.n).padStart(6)}${r.p50.toFixed(1).padStart(10)}${r.p95.toFixed(1).padStart(10)}${r.max.toFixed(1).padStart(10)}`);
}
console.log(`\nSearch page p95 / SQL p95 = ${(httpResult.p95 / sqlResult.p95).toFixed(2)}× (aim: within 3×)`);
console.log(`Engine p95 / SQL p95      = ${(engineResult.p95 / sqlResult.p95).toFixed(2)}×`);
