/**
 * The API's request budget through the real routes: with a small limit the
 * n+1th request of a client is a JSON 429 with Retry-After and the
 * RateLimit-* headers, while another address is unaffected and a signed-in
 * account spends a budget of its own (not its address's). Bad requests spend
 * the budget too; a preflight does not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as demandsRoute from "../../../app/routes/api.v1.demands._index";
import * as organizationRoute from "../../../app/routes/api.v1.organizations.$slug";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { resetEnvCache } from "../../../app/utils/env.server";
import { buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { cookieFor, get } from "./setup";

const LIMIT = 3;

describe.each(DB_KINDS)("API rate limit on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    process.env.API_RATE_LIMIT = String(LIMIT);
    process.env.API_RATE_WINDOW_SECONDS = "600";
    resetEnvCache();
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
  }, 300_000);
  afterAll(async () => {
    await closeDatabase();
    await t.drop();
    delete process.env.API_RATE_LIMIT;
    delete process.env.API_RATE_WINDOW_SECONDS;
    resetEnvCache();
  });

  it("answers 429 after the limit, per client", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    const remaining: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      // Malformed and unknown requests spend the budget like any other.
      const path = i === 1 ? "/api/v1/demands?page=zero" : "/api/v1/demands";
      const res = await get(demandsRoute.loader, path, { ip });
      expect(res.status).toBe(i === 1 ? 400 : 200);
      expect(res.headers.get("RateLimit-Limit")).toBe(String(LIMIT));
      remaining.push(Number(res.headers.get("RateLimit-Remaining")));
    }
    expect(remaining).toEqual([2, 1, 0]);
    // A preflight costs nothing.
    expect((await get(demandsRoute.loader, "/api/v1/demands", { ip, method: "OPTIONS" })).status).toBe(204);

    const over = await get(organizationRoute.loader, "/api/v1/organizations/huawei", { ip, params: { slug: "huawei" } });
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(over.headers.get("RateLimit-Limit")).toBe(String(LIMIT));
    expect(over.headers.get("RateLimit-Remaining")).toBe("0");
    expect(Number(over.headers.get("RateLimit-Reset"))).toBe(retryAfter);
    expect(over.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(over.headers.get("Cache-Control")).toBe("no-store");
    const body = await over.json();
    expect(body).toMatchObject({ error: "rate_limited", message: expect.stringContaining(`at most ${LIMIT}`), retryAfterSeconds: retryAfter });

    // Another address has its whole budget.
    const other = await get(demandsRoute.loader, "/api/v1/demands", { ip: "192.0.2.77" });
    expect(other.status).toBe(200);
    expect(other.headers.get("RateLimit-Remaining")).toBe(String(LIMIT - 1));

    // A signed-in account behind the spent address has a budget of its own, and spends it.
    const user = await buildUser(t.db, { roles: ["resident"] });
    const cookie = await cookieFor(t.db, user.id);
    for (let i = 0; i < LIMIT; i++) expect((await get(demandsRoute.loader, "/api/v1/demands", { ip, cookie })).status).toBe(200);
    const spent = await get(demandsRoute.loader, "/api/v1/demands", { ip, cookie });
    expect(spent.status).toBe(429);
    expect(spent.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});
