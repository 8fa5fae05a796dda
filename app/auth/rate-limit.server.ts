/**
 * Failed sign-in counters, kept in the `rate_limits` table through
 * rate-limiter-flexible's Drizzle store, so every app server (and PGlite or
 * PostgreSQL alike) shares them. Two counters, as the library's brute-force
 * recipe suggests:
 *
 * - per e-mail + client address: `maxFailures` attempts per window; the
 *   attempt after that is refused until the window ends. A successful
 *   sign-in resets it.
 * - per client address alone: ten times looser, against one address trying
 *   many accounts. Only failures count.
 *
 * The library's cleanup of expired rows runs on a timer it `unref`s, so tests
 * and command-line tools still exit.
 */
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";

import type { Database } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { env } from "~/utils/env.server";

export type LoginLimits = { maxFailures: number; windowSeconds: number };

export function loginLimitsFromEnv(): LoginLimits {
  const e = env();
  return { maxFailures: e.LOGIN_MAX_FAILURES, windowSeconds: e.LOGIN_WINDOW_SECONDS };
}

type Limiters = { byAccount: RateLimiterDrizzle; byAddress: RateLimiterDrizzle };

const cache = new WeakMap<Database, Map<string, Limiters>>();

function limiters(db: Database, limits: LoginLimits): Limiters {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  const cacheKey = `${limits.maxFailures}/${limits.windowSeconds}`;
  let found = perDb.get(cacheKey);
  if (!found) {
    found = {
      byAccount: new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: "login:account",
        points: limits.maxFailures,
        duration: limits.windowSeconds,
      }),
      byAddress: new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: "login:address",
        points: limits.maxFailures * 10,
        duration: limits.windowSeconds,
      }),
    };
    perDb.set(cacheKey, found);
  }
  return found;
}

const accountKey = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;

function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

export type AttemptGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Call before checking a password. Counts the attempt against the account key
 * atomically (so parallel guesses cannot slip past the limit) and refuses it
 * when either counter is spent.
 */
export async function beginLoginAttempt(
  db: Database,
  email: string,
  ip: string,
  limits: LoginLimits = loginLimitsFromEnv(),
): Promise<AttemptGate> {
  const { byAccount, byAddress } = limiters(db, limits);
  const address = await byAddress.get(ip);
  if (address && address.consumedPoints >= byAddress.points) {
    return { allowed: false, retryAfterSeconds: retryAfterSeconds(address) };
  }
  try {
    await byAccount.consume(accountKey(email, ip));
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(rejection) };
    }
    throw rejection;
  }
}

/** The password was wrong (or the account unknown): count it against the address too. */
export async function recordLoginFailure(db: Database, _email: string, ip: string, limits: LoginLimits = loginLimitsFromEnv()) {
  await limiters(db, limits).byAddress.penalty(ip);
}

/** Signed in: the account's counter starts again. */
export async function recordLoginSuccess(db: Database, email: string, ip: string, limits: LoginLimits = loginLimitsFromEnv()) {
  await limiters(db, limits).byAccount.delete(accountKey(email, ip));
}
