/**
 * The process environment, read once and validated. Every other module asks
 * `env()` instead of touching `process.env`, so a missing or malformed value is
 * reported in one clear line at start-up rather than deep inside a request.
 */
import { z } from "zod";

const databaseUrl = z
  .string()
  .trim()
  .refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "must look like postgres://user:password@host:5432/database" },
  );

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: databaseUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
  SESSION_SECURE_COOKIE: z.enum(["auto", "true", "false"]).default("auto"),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  SEED_DEMO: z.enum(["0", "1"]).default("0"),
  LOG_REQUESTS: z.enum(["0", "1"]).default("1"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
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
