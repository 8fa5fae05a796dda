/**
 * The request budget for the JSON API (/api/v1/…) and the open-data
 * downloads: `API_RATE_LIMIT` requests per `API_RATE_WINDOW_SECONDS` for each
 * client — a signed-in account by its id, anyone else by address (see
 * client-ip.server.ts for how far that address can be trusted).
 *
 * Counters live in the `rate_limits` table through rate-limiter-flexible's
 * Drizzle store (as the sign-in limiter's do), so every app server shares
 * them. Answers carry the IETF draft headers `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` (seconds); a spent budget is a
 * 429 with `Retry-After` and a JSON body.
 */
import { json } from "@remix-run/node";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";

import type { Database } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { getCurrentUser } from "~/auth/current-user.server";
import { clientIp } from "~/utils/client-ip.server";
import { db as appDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export type ApiLimits = { points: number; windowSeconds: number };

export function apiLimitsFromEnv(): ApiLimits {
  const e = env();
  return { points: e.API_RATE_LIMIT, windowSeconds: e.API_RATE_WINDOW_SECONDS };
}

const cache = new WeakMap<Database, Map<string, RateLimiterDrizzle>>();

function limiter(db: Database, limits: ApiLimits): RateLimiterDrizzle {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const cacheKey = `${limits.points}/${limits.windowSeconds}`;
  let found = perDb.get(cacheKey);
  if (!found) {
    found = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: "api",
      points: limits.points,
      duration: limits.windowSeconds,
    });
    perDb.set(cacheKey, found);
  }
  return found;
}

export type QuotaAnswer = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
};

function answerOf(res: RateLimiterRes, limits: ApiLimits, allowed: boolean): QuotaAnswer {
  return {
    allowed,
    limit: limits.points,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  };
}

/** Spends `cost` points of `clientKey`'s budget (atomically, so parallel requests cannot slip past). */
export async function consumeApiQuota(db: Database, clientKey: string, limits: ApiLimits = apiLimitsFromEnv(), cost = 1): Promise<QuotaAnswer> {
  try {
    return answerOf(await limiter(db, limits).consume(clientKey, cost), limits, true);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return answerOf(rejection, limits, false);
    throw rejection;
  }
}

export function rateLimitHeaders(answer: QuotaAnswer): Record<string, string> {
  return {
    "RateLimit-Limit": String(answer.limit),
    "RateLimit-Remaining": String(answer.remaining),
    "RateLimit-Reset": String(answer.resetSeconds),
  };
}

/** Whose budget a request spends: the signed-in account, else the client address. */
export async function apiClientKey(request: Request): Promise<string> {
  const user = await getCurrentUser(request);
  return user ? `user:${user.id}` : `ip:${clientIp(request)}`;
}

export type ApiGate = { allowed: true; headers: Record<string, string> } | { allowed: false; response: Response };

/**
 * Call first in every API loader and download: on `allowed`, add `headers` to
 * the answer; otherwise return (or throw) `response`, a JSON 429.
 */
export async function limitApiRequest(request: Request, options: { cost?: number; limits?: ApiLimits } = {}): Promise<ApiGate> {
  const answer = await consumeApiQuota(await appDb(), await apiClientKey(request), options.limits ?? apiLimitsFromEnv(), options.cost ?? 1);
  const headers = rateLimitHeaders(answer);
  if (answer.allowed) return { allowed: true, headers };
  return {
    allowed: false,
    response: json(
      { error: "rate_limited", message: `Too many requests: at most ${answer.limit} per ${options.limits?.windowSeconds ?? apiLimitsFromEnv().windowSeconds} s. Try again in ${answer.resetSeconds} s.`, retryAfterSeconds: answer.resetSeconds },
      { status: 429, headers: { ...headers, "Retry-After": String(answer.resetSeconds), "Cache-Control": "no-store" } },
    ),
  };
}
