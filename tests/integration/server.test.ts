/**
 * The production server (server.js around the Remix build) as an operator
 * meets it: start-up errors in one line, security headers and compression,
 * the PGlite folder lock, graceful SIGTERM, data that survives a restart.
 *
 * It starts the BUILT server, so it needs build/index.js: `npm test` runs
 * `remix build` before vitest; alone, run `npm run build` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const buildFile = path.join(root, "build/index.js");

const START_TIMEOUT = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Server = { child: ChildProcess; port: number; output: () => string; exited: Promise<Exit> };

const running = new Set<Server>();

/** Starts `node server.js` with a clean environment plus `env`. */
async function launch(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["DATABASE_URL", "TEST_DATABASE_URL", "PGLITE_DATA_DIR", "SEED_DEMO", "ADMIN_EMAIL", "ADMIN_PASSWORD"]) {
    delete base[name];
  }
  const child = spawn(process.execPath, ["server.js"], {
    cwd: root,
    env: { ...base, NODE_ENV: "production", LOG_REQUESTS: "0", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const server: Server = {
    child,
    port,
    output: () => output,
    exited: new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        running.delete(server);
        resolve({ code, signal });
      }),
    ),
  };
  running.add(server);
  return server;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms)),
  ]);
}

/** Resolves once /healthz answers 200; fails with the server's output if it exits first. */
async function ready(server: Server): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + START_TIMEOUT;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited during start-up:\n${server.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /healthz within ${START_TIMEOUT} ms:\n${server.output()}`);
}

async function stop(server: Server): Promise<Exit> {
  server.child.kill("SIGTERM");
  return within(server.exited, 5_000, "shutting down after SIGTERM");
}

/** A raw GET (node:http, so nothing decompresses or adds headers behind our back). */
function get(port: number, urlPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: urlPath, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** Posts a form the way a browser without JavaScript does; redirects are not followed. */
function postForm(port: number, urlPath: string, fields: Record<string, string>) {
  return fetch(`http://127.0.0.1:${port}${urlPath}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
    headers: { Origin: `http://127.0.0.1:${port}` },
  });
}

function lines(text: string): string[] {
  return text.trim().split("\n").filter((l) => l.trim() !== "");
}

function expectOneLineFailure(output: string, mentions: string) {
  const all = lines(output);
  expect(all, `expected one line, got:\n${output}`).toHaveLength(1);
  expect(all[0]).toContain(mentions);
  expect(output).not.toMatch(/^\s+at\s/m); // no stack trace
}

beforeAll(() => {
  if (!fs.existsSync(buildFile)) {
    throw new Error("build/index.js is missing: run `npm run build` first (`npm test` builds before running vitest).");
  }
});

afterAll(async () => {
  for (const server of [...running]) {
    server.child.kill("SIGKILL");
    await server.exited;
  }
});

describe("start-up errors", () => {
  it("exits 1 with one line naming DATABASE_URL when the database does not answer", async () => {
    const server = await launch({ DATABASE_URL: "postgres://x@127.0.0.1:1/none" });
    const exit = await within(server.exited, 30_000, "failing start-up");
    expect(exit.code).toBe(1);
    expectOneLineFailure(server.output(), "DATABASE_URL");
  });

  it("exits 1 with one line naming DATABASE_URL when it is not a URL", async () => {
    const server = await launch({ DATABASE_URL: "not-a-url" });
    const exit = await within(server.exited, 30_000, "failing start-up");
    expect(exit.code).toBe(1);
    expectOneLineFailure(server.output(), "DATABASE_URL");
  });
});

describe("on embedded PGlite in a temp folder", () => {
  let dataRoot: string;
  let dataDir: string;
  let server: Server;

  beforeAll(() => {
    dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "putuo-server-test-"));
    dataDir = path.join(dataRoot, "pglite");
  });

  afterAll(() => {
    fs.rmSync(dataRoot, { recursive: true, force: true });
  });

  it("answers /healthz, with security headers and gzip", { timeout: START_TIMEOUT + 10_000 }, async () => {
    server = await launch({ PGLITE_DATA_DIR: dataDir });
    await ready(server);

    const health = await get(server.port, "/healthz");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString("utf8"))).toEqual({ status: "ok", database: { kind: "pglite", reachable: true } });
    expect(health.headers["cache-control"]).toBe("no-store");

    const home = await get(server.port, "/", { "Accept-Encoding": "gzip" });
    expect(home.status).toBe(200);
    expect(home.headers["content-encoding"]).toBe("gzip");
    expect(home.headers["content-type"]).toContain("text/html");
    // helmet
    expect(home.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(home.headers["x-content-type-options"]).toBe("nosniff");
    expect(home.headers["x-frame-options"]).toBe("SAMEORIGIN");
    // Not "no-referrer": under it browsers send `Origin: null` with form POSTs,
    // and Remix refuses such document actions (CSRF check), so forms without
    // JavaScript would fail.
    expect(home.headers["referrer-policy"]).toMatch(/^(same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(home.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(home.headers["x-powered-by"]).toBeUndefined();

    const plain = await get(server.port, "/", { "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toContain('<html lang="zh-CN"');
  });

  it("refuses a second server on the same data folder, in one line naming the folder", { timeout: 60_000 }, async () => {
    const second = await launch({ PGLITE_DATA_DIR: dataDir });
    const exit = await within(second.exited, 30_000, "the refused start-up");
    expect(exit.code).toBe(1);
    expectOneLineFailure(second.output(), path.basename(dataRoot));
    // The first one is unaffected.
    expect((await get(server.port, "/healthz")).status).toBe(200);
  });

  it("keeps what was written across a restart; exits 0 on SIGTERM", { timeout: 2 * START_TIMEOUT }, async () => {
    const email = `restart-${Date.now().toString(36)}@example.com`;
    const password = "Putuo-Lab-2024!";
    const signup = await postForm(server.port, "/signup", {
      email,
      password,
      confirmPassword: password,
      displayName: "重启测试",
      accountType: "resident",
    });
    expect(signup.status, `POST /signup answered:\n${(await signup.text()).slice(0, 400)}`).toBe(302);

    const started = Date.now();
    const exit = await stop(server);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fs.existsSync(`${dataDir}.lock`), "the folder lock is released").toBe(false);

    server = await launch({ PGLITE_DATA_DIR: dataDir });
    await ready(server);
    const login = await postForm(server.port, "/login", { email, password });
    expect(login.status, "signing in with the account made before the restart").toBe(302);
    expect(login.headers.get("set-cookie") ?? "").not.toBe("");
    const wrong = await postForm(server.port, "/login", { email, password: "wrong-password-1" });
    expect(wrong.status).toBe(400);

    expect(await stop(server)).toEqual({ code: 0, signal: null });
  });
});
