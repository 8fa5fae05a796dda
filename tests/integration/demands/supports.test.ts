/**
 * Supports: once per user, undoable, only on submitted public demands of
 * others, and an exact counter even when many arrive at once.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../../app/auth/authorize.server";
import { DemandNotFoundError, DemandTransitionError } from "../../../app/demands/errors.server";
import { supportDemand, unsupportDemand } from "../../../app/demands/supports.server";
import { demands, searchOutbox, supports } from "../../../db/schema";
import { buildDemand, buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { actor, buildWorld, type World } from "./setup";

describe.each(DB_KINDS)("supports on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  // A busy machine can take minutes to migrate the first template.
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  }, 300_000);
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(async () => {
    w = await buildWorld(t.db);
  }, 120_000);

  const demandOf = (status: "draft" | "submitted" | "withdrawn" | "rejected" | "shortlisted" = "submitted") =>
    buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, authorId: w.resident.id, status });
  const count = async (id: number) => (await t.db.select({ n: demands.supportCount }).from(demands).where(eq(demands.id, id)))[0].n;

  it("supports once (a second time is a no-op) and takes it back", async () => {
    const d = await demandOf();
    const first = await supportDemand(t.db, actor(w.neighbour), d.id);
    expect(first).toEqual({ supported: true, changed: true, supportCount: 1 });
    const second = await supportDemand(t.db, actor(w.neighbour), d.id);
    expect(second).toEqual({ supported: true, changed: false, supportCount: 1 });
    expect(await t.db.select().from(supports).where(eq(supports.demandId, d.id))).toHaveLength(1);
    expect(await count(d.id)).toBe(1);

    const back = await unsupportDemand(t.db, actor(w.neighbour), d.id);
    expect(back).toEqual({ supported: false, changed: true, supportCount: 0 });
    const backAgain = await unsupportDemand(t.db, actor(w.neighbour), d.id);
    expect(backAgain).toEqual({ supported: false, changed: false, supportCount: 0 });
    expect(await count(d.id)).toBe(0);
    // Each real change is an outbox row; the no-ops are not.
    expect(await t.db.select().from(searchOutbox).where(and(eq(searchOutbox.entityType, "demand"), eq(searchOutbox.entityId, d.id)))).toHaveLength(2);
  });

  it("does not move the demand's version (an author's open edit form stays valid)", async () => {
    const d = await demandOf();
    await supportDemand(t.db, actor(w.neighbour), d.id);
    const [row] = await t.db.select().from(demands).where(eq(demands.id, d.id));
    expect(row.version).toBe(d.version);
    expect(row.updatedAt.getTime()).toBe(d.updatedAt.getTime());
  });

  it("keeps the count exact under concurrent supports and unsupports", async () => {
    const d = await demandOf();
    const people = await Promise.all(Array.from({ length: 12 }, () => buildUser(t.db, { roles: ["resident"] })));
    // Everyone clicks twice at once, plus the same person five times at once.
    await Promise.all([...people, ...people].map((p) => supportDemand(t.db, actor(p), d.id)));
    await Promise.all(Array.from({ length: 5 }, () => supportDemand(t.db, actor(w.neighbour), d.id)));
    expect(await count(d.id)).toBe(13);
    expect(await t.db.select().from(supports).where(eq(supports.demandId, d.id))).toHaveLength(13);
    // Half of them take it back, twice each, at once.
    const leaving = people.slice(0, 6);
    await Promise.all([...leaving, ...leaving].map((p) => unsupportDemand(t.db, actor(p), d.id)));
    expect(await count(d.id)).toBe(7);
    expect(await t.db.select().from(supports).where(eq(supports.demandId, d.id))).toHaveLength(7);
  });

  it("is not possible on drafts, withdrawn or rejected demands, nor on one's own", async () => {
    const draft = await demandOf("draft");
    await expect(supportDemand(t.db, actor(w.neighbour), draft.id)).rejects.toBeInstanceOf(DemandNotFoundError);
    for (const status of ["withdrawn", "rejected"] as const) {
      const d = await demandOf(status);
      await expect(supportDemand(t.db, actor(w.neighbour), d.id)).rejects.toBeInstanceOf(DemandNotFoundError);
      // Officials see them, but still cannot support them (nor hold the permission).
    }
    const own = await demandOf();
    const error = await supportDemand(t.db, actor(w.resident), own.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DemandTransitionError);
    expect((error as DemandTransitionError).code).toBe("ownDemand");
    await expect(supportDemand(t.db, actor(w.neighbour), 999_999)).rejects.toBeInstanceOf(DemandNotFoundError);
    expect(await t.db.select().from(supports).where(eq(supports.userId, w.neighbour.id))).toHaveLength(0);
  });

  it("supports later stages that are still public (e.g. shortlisted)", async () => {
    const d = await demandOf("shortlisted");
    expect((await supportDemand(t.db, actor(w.neighbour), d.id)).supportCount).toBe(1);
  });

  it("needs the support permission (officials and reviewers do not have it)", async () => {
    const d = await demandOf();
    await expect(supportDemand(t.db, actor(w.official), d.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(supportDemand(t.db, actor(w.reviewer), d.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
