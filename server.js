/**
 * The production server: Express around the Remix build, with compression,
 * security headers, request logs and a graceful shutdown (HTTP closed, then the
 * database, then exit 0). Start-up problems (bad DATABASE_URL, database in use,
 * missing build) print one line and exit 1.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import morgan from "morgan";

const root = path.dirname(fileURLToPath(import.meta.url));
const buildPath = path.join(root, "build/index.js");

function fail(message) {
  console.error(`Putuo Lab cannot start: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(buildPath)) fail("no build found; run `npm run build` first.");

const build = await import(buildPath);
const hooks = build.entry.module;

let info;
try {
  info = await hooks.startup();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", Number(process.env.TRUST_PROXY ?? 1));
app.use(compression());
app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // Remix inlines its hydration data and route manifest.
        "script-src": ["'self'", "'unsafe-inline'"],
        "upgrade-insecure-requests": null,
      },
    },
    // Same-origin only; the site is served over plain HTTP in development.
    hsts: process.env.NODE_ENV === "production" && process.env.HSTS === "1",
    // Not helmet's "no-referrer": under it browsers send `Origin: null` with same-site form
    // POSTs, which Remix's CSRF check rejects (500) for every form posted without JavaScript.
    referrerPolicy: { policy: "same-origin" },
  }),
);
if (process.env.LOG_REQUESTS !== "0") {
  app.use(morgan(":remote-addr :method :url :status :res[content-length] - :response-time ms"));
}

// Fingerprinted build assets are immutable; everything else in public/ is short-lived.
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));

// One address per page: `/Lists/2021-call/` and `//demands` answer 301 with the
// canonical path (app/sharing/urls.ts); other methods are left alone.
app.use((req, res, next) => {
  if ((req.method !== "GET" && req.method !== "HEAD") || !hooks.canonicalRedirect) return next();
  const q = req.originalUrl.indexOf("?");
  const to = q === -1 ? hooks.canonicalRedirect(req.originalUrl) : hooks.canonicalRedirect(req.originalUrl.slice(0, q), req.originalUrl.slice(q));
  if (to) return res.redirect(301, to);
  next();
});

app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV ?? "production" }));

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  const where = info.kind === "pglite" ? `embedded PGlite in ${info.location}` : `PostgreSQL at ${info.location}`;
  console.log(`Putuo Lab is running on http://localhost:${port} (database: ${where})`);
  for (const line of info.demoAccounts) console.log(line);
  if (process.send) process.send("ready");
});

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: closing HTTP, then the database.`);
  const force = setTimeout(() => {
    console.error("Shutdown took longer than 10 s; exiting.");
    process.exit(1);
  }, 10_000);
  force.unref();
  server.close(async () => {
    try {
      await hooks.shutdown();
    } catch (error) {
      console.error(error);
    }
    process.exit(0);
  });
  // Keep-alive connections would hold server.close() open.
  server.closeIdleConnections?.();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
