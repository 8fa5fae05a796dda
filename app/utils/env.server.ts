/**
 * The process environment, read once and validated. Every other module asks
 * `env()` instead of touching `process.env`, so a missing or malformed value is
 * reported in one clear line at start-up rather than deep inside a request.
 */
import { z } from "zod";

/** A URL string with one of `protocols` (e.g. "smtp:") and a host; `example` goes into the message. */
function urlWith(protocols: string[], example: string) {
  return z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          const u = new URL(v);
          return protocols.includes(u.protocol) && u.hostname !== "";
        } catch {
          return false;
        }
      },
      { message: `must look like ${example}` },
    );
}

const databaseUrl = urlWith(["postgres:", "postgresql:"], "postgres://user:password@host:5432/database");
const smtpUrl = urlWith(["smtp:", "smtps:"], "smtp://user:password@host:587 (or smtps://…:465)");
const publicUrl = urlWith(["http:", "https:"], "https://lab.example.org").transform((v) => v.replace(/\/+$/, ""));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: databaseUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
  /** Folder of the local attachment storage (app/attachments/storage.server.ts). */
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  SESSION_SECURE_COOKIE: z.enum(["auto", "true", "false"]).default("auto"),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  SEED_DEMO: z.enum(["0", "1"]).default("0"),
  LOG_REQUESTS: z.enum(["0", "1"]).default("1"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  /** Outgoing mail server, e.g. smtp://user:pass@host:587; unset = e-mails stay in the local mailbox (/dev/mailbox). */
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().trim().min(3).default("Putuo Lab <no-reply@putuo-lab.local>"),
  /** The site's address as users reach it, for absolute links: e-mails, canonical addresses and previews, sitemaps. */
  PUBLIC_URL: publicUrl.default("http://localhost:3000"),
  /** Set to use Meilisearch instead of PostgreSQL full-text search, e.g. http://127.0.0.1:7700. */
  MEILISEARCH_URL: z.url({ protocol: /^https?$/, error: "must look like http://127.0.0.1:7700" }).optional(),
  MEILISEARCH_KEY: z.string().min(1).optional(),
  MEILISEARCH_INDEX_PREFIX: z.string().regex(/^[a-zA-Z0-9_-]*$/).default("putuo_"),
  /** How often each app server drains the search outbox (ms); 0 turns the worker off. */
  SEARCH_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /** Requests each client (address, or signed-in account) may make to /api/v1 and the open-data downloads per window. */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  API_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

let cached: Env | undefined;

/** Parse `source` (default `process.env`); throws EnvError naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string is treated as unset: `DATABASE_URL=` in a shell means "none".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue.path[0] ?? "environment");
    throw new EnvError(`Invalid environment variable ${name}: ${issue.message}`);
  }
  return result.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache() {
  cached = undefined;
}
