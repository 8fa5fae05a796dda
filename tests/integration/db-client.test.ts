import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { rowsOf } from "../../db/client";
import { subdistricts, users } from "../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../helpers/db";

describe.each(DB_KINDS)("database on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  it("is migrated, with pg_trgm available", async () => {
    const rows = rowsOf<{ s: number }>(await t.db.execute(sql`select similarity('camera', 'camer')::float8 as s`));
    expect(Number(rows[0].s)).toBeGreaterThan(0.5);
    expect(await t.ping()).toBe(true);
  });

  it("enforces the enum checks and unique e-mail (case-insensitive)", async () => {
    await expect(
      t.db.insert(subdistricts).values({ slug: "x", nameZh: "某街道", nameEn: "X", kind: "village" as "town" }),
    ).rejects.toThrow();
    await t.db.insert(users).values({ email: "A@example.com", passwordHash: "h", displayName: "A" });
    await expect(
      t.db.insert(users).values({ email: "a@example.com", passwordHash: "h", displayName: "B" }),
    ).rejects.toThrow();
  });

  it("runs overlapping transactions without interleaving them", async () => {
    const [u] = await t.db
      .insert(users)
      .values({ email: "tx@example.com", passwordHash: "h", displayName: "0" })
      .returning({ id: users.id });
    // Each transaction reads, waits, then writes read+1: interleaving would lose an update.
    const bump = () =>
      t.db.transaction(async (tx) => {
        const [row] = await tx.execute(sql`select display_name from users where id = ${u.id} for update`).then(rowsOf<{ display_name: string }>);
        await new Promise((r) => setTimeout(r, 20));
        await tx.update(users).set({ displayName: String(Number(row.display_name) + 1) }).where(eq(users.id, u.id));
      });
    await Promise.all([bump(), bump(), bump(), bump()]);
    const [after] = await t.db.select({ n: users.displayName }).from(users).where(eq(users.id, u.id));
    expect(after.n).toBe("4");
  });

  it("rolls back a failed transaction completely", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(users).values({ email: "rb@example.com", passwordHash: "h", displayName: "rb" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const found = await t.db.select().from(users).where(eq(users.email, "rb@example.com"));
    expect(found).toHaveLength(0);
  });
});
