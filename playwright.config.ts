/**
 * End-to-end tests against the REAL production server (`node server.js`, the
 * output of `remix build`) on a fresh embedded PGlite database per run.
 *
 * - Browser: Debian's Chromium ($CHROMIUM_PATH, else /usr/bin/chromium); run
 *   `bash scripts/ensure-chromium.sh` (npm test does) if it is missing.
 * - Server: 127.0.0.1 on $E2E_PORT, else the first free port from 3100; its
 *   PGlite data folder lives in a temp directory made for this run and removed
 *   when the run ends. Tests act only through HTTP: the server's process is the
 *   only one that ever opens that folder.
 * - Projects: `js` (default) and `no-js` (JavaScript disabled) run every spec;
 *   a test that means nothing without JavaScript (or with) opts out with test.skip.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { defineConfig } from "@playwright/test";

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The first port from `start` that nothing listens on (a synchronous check, config files cannot await). */
function freePort(start: number): number {
  const script = `
    const net = require("node:net");
    const tryPort = (p) => {
      if (p > ${start + 200}) { console.log(${start}); return; }
      const s = net.createServer();
      s.once("error", () => tryPort(p + 1));
      s.listen(p, "127.0.0.1", () => s.close(() => console.log(p)));
    };
    tryPort(${start});`;
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim());
}

// This file is evaluated by the runner and again by every worker. The runner
// picks the port and the data folder; workers inherit them through the environment.
if (!process.env.PUTUO_E2E_DATA_ROOT) {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "putuo-e2e-"));
  process.env.PUTUO_E2E_DATA_ROOT = dataRoot;
  process.env.PUTUO_E2E_PORT = String(process.env.E2E_PORT ? Number(process.env.E2E_PORT) : freePort(3100));
  // Runs after the web server has been stopped (SIGTERM, below).
  process.on("exit", () => fs.rmSync(dataRoot, { recursive: true, force: true }));
}

const port = Number(process.env.PUTUO_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry in CI only, reported as "flaky" in the output, never hidden. Three
  // tests have failed once under full-suite load and passed alone (the focus
  // check after a JavaScript form error on /login and /account, and the no-JS
  // similar-demands step); they are open work, not accepted behaviour.
  retries: process.env.CI ? 1 : 0,
  // The server answers on one PGlite connection, one query at a time; two
  // browsers keep it busy without making every request wait (E2E_WORKERS overrides).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: (process.env.E2E_TRACE as "off" | "retain-on-failure" | undefined) ?? "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: "js", use: { browserName: "chromium", javaScriptEnabled: true } },
    { name: "no-js", use: { browserName: "chromium", javaScriptEnabled: false } },
  ],
  webServer: {
    command: "node server.js",
    url: `${baseURL}/healthz`,
    // A fresh PGlite migrates and seeds the demo data first.
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      // Empty means unset: never the developer's own PostgreSQL.
      DATABASE_URL: "",
      PGLITE_DATA_DIR: path.join(process.env.PUTUO_E2E_DATA_ROOT, "pglite"),
      SEED_DEMO: "1",
      // Every browser test comes from one address; the API limit itself is tested in the integration suite.
      API_RATE_LIMIT: "100000",
      LOG_REQUESTS: "0",
    },
  },
});
