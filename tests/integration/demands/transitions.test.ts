/**
 * The demand transitions of app/demands/demands.server.ts: who may create,
 * edit, submit and withdraw, in which campaign stage; version conflicts;
 * replayed form posts; bad input changing nothing; audit and outbox rows.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../../app/auth/authorize.server";
import { createDemand, submitDemand, updateDemand, withdrawDemand } from "../../../app/demands/demands.server";
import { DemandInputError, DemandNotFoundError, DemandTransitionError, StaleDemandError } from "../../../app/demands/errors.server";
import { rowsOf } from "../../../db/client";
import { campaigns, demands, demandTags } from "../../../db/schema";
import { buildCampaign, buildDemand } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { actor, auditRows, buildWorld, demandInput, outboxRows, type World } from "./setup";

/** Demands in the test's own campaign (the database is shared by the file's tests). */
async function demandCount(t: TestDatabase, w: World) {
  const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from demands where campaign_id = ${w.campaign.id}`));
  return Number(row.n);
}

describe.each(DB_KINDS)("demand transitions on %s", (kind) => {
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

  describe("createDemand", () => {
    it("saves a draft with its tags, normalised contact, audit row and outbox row", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w));
      expect(created).toMatchObject({ status: "draft", version: 1, duplicate: false });
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row).toMatchObject({
        authorId: w.resident.id,
        status: "draft",
        submittedAt: null,
        contactPreference: "phone",
        contactValue: "13812345678",
        raisedBy: "resident",
        lang: "zh-CN",
        organizationId: null,
      });
      const tagIds = (await t.db.select().from(demandTags).where(eq(demandTags.demandId, created.id))).map((r) => r.tagId).sort();
      expect(tagIds).toEqual([w.elderly.id, w.scenario.id].sort());
      const audit = await auditRows(t.db, created.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: w.resident.id, action: "demand.create", entityType: "demand", fromStatus: null, toStatus: "draft" });
      expect(await outboxRows(t.db, created.id)).toHaveLength(1);
    });

    it("submits straight away when asked, with submittedAt", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row.status).toBe("submitted");
      expect(row.submittedAt).toBeInstanceOf(Date);
      expect((await auditRows(t.db, created.id))[0].toStatus).toBe("submitted");
    });

    it("links a company demand to the author's organisation and drops the contact value for 'none'", async () => {
      const created = await createDemand(t.db, actor(w.worker), demandInput(w, { raisedBy: "community", contactPreference: "none", contactValue: "x@y.z" }));
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row.organizationId).toBe(w.office.id);
      expect(row.contactValue).toBeNull();
    });

    it("is refused to users without create:demand:own (reviewer, anonymous)", async () => {
      await expect(createDemand(t.db, actor(w.reviewer), demandInput(w))).rejects.toBeInstanceOf(ForbiddenError);
      expect(await demandCount(t, w)).toBe(0);
    });

    it("refuses bad input field by field and changes nothing", async () => {
      const cases: [Partial<Parameters<typeof demandInput>[1]>, string][] = [
        [{ title: "" }, "title"],
        [{ title: "长".repeat(81) }, "title"],
        [{ description: "太短了" }, "description"],
        [{ description: "长".repeat(4001) }, "description"],
        [{ domain: "sports" as never }, "domain"],
        [{ raisedBy: "mayor" as never }, "raisedBy"],
        [{ contactPreference: "pigeon" as never }, "contactPreference"],
        [{ contactPreference: "phone", contactValue: "12345" }, "contactValue"],
        [{ contactPreference: "email", contactValue: "not-an-email" }, "contactValue"],
        [{ contactPreference: "email", contactValue: "" }, "contactValue"],
        [{ subdistrictId: 999_999 }, "subdistrictId"],
        [{ targetGroupIds: [999_999] }, "targetGroupIds"],
        [{ targetGroupIds: [w.scenario.id] }, "targetGroupIds"],
        [{ scenarioTagIds: [w.technology.id] }, "scenarioTagIds"],
        [{ campaignId: 999_999 }, "campaignId"],
      ];
      for (const [over, field] of cases) {
        const error = await createDemand(t.db, actor(w.resident), demandInput(w, over)).catch((e: unknown) => e);
        expect(error, JSON.stringify(over).slice(0, 80)).toBeInstanceOf(DemandInputError);
        expect(Object.keys((error as DemandInputError).fieldErrors), JSON.stringify(over).slice(0, 80)).toContain(field);
      }
      expect(await demandCount(t, w)).toBe(0);
      const [{ n }] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from audit_log where actor_id = ${w.resident.id}`));
      expect(Number(n)).toBe(0);
    });

    it("refuses a campaign that is no longer collecting", async () => {
      const screening = await buildCampaign(t.db, { stage: "screening" });
      const error = await createDemand(t.db, actor(w.resident), demandInput(w, { campaignId: screening.id })).catch((e: unknown) => e);
      expect((error as DemandInputError).fieldErrors.campaignId).toEqual(["demands:errors.campaignNotOpen"]);
      expect(await demandCount(t, w)).toBe(0);
    });

    it("creates one demand when the same form is posted twice, even at the same time", async () => {
      const input = demandInput(w);
      const first = await createDemand(t.db, actor(w.resident), input, { submit: true, idempotencyKey: "token-aaaaaaaa" });
      const again = await createDemand(t.db, actor(w.resident), input, { submit: true, idempotencyKey: "token-aaaaaaaa" });
      expect(again).toMatchObject({ id: first.id, duplicate: true });
      const racing = await Promise.all(
        [1, 2, 3].map(() => createDemand(t.db, actor(w.resident), input, { submit: true, idempotencyKey: "token-bbbbbbbb" })),
      );
      expect(new Set(racing.map((r) => r.id)).size).toBe(1);
      expect(racing.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(await demandCount(t, w)).toBe(2);
      // A different token is a different demand.
      await createDemand(t.db, actor(w.resident), input, { idempotencyKey: "token-cccccccc" });
      expect(await demandCount(t, w)).toBe(3);
    });
  });

  describe("updateDemand", () => {
    it("lets the author edit a draft, bumps the version and writes audit and outbox rows", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w));
      const saved = await updateDemand(t.db, actor(w.resident), created.id, {
        ...demandInput(w, { title: "老人一键叫车服务", targetGroupIds: [w.disabled.id], scenarioTagIds: [] }),
        version: 1,
      });
      expect(saved).toMatchObject({ version: 2, status: "draft" });
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row.title).toBe("老人一键叫车服务");
      expect((await t.db.select().from(demandTags).where(eq(demandTags.demandId, created.id))).map((r) => r.tagId)).toEqual([w.disabled.id]);
      const audit = await auditRows(t.db, created.id);
      expect(audit.map((a) => a.action)).toEqual(["demand.create", "demand.update"]);
      expect(await outboxRows(t.db, created.id)).toHaveLength(2);
    });

    it("edits a submitted demand too, and 'save and submit' submits a draft", async () => {
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w));
      const submitted = await updateDemand(t.db, actor(w.resident), draft.id, { ...demandInput(w), version: 1 }, { submit: true });
      // The edit and the move each bump the version.
      expect(submitted).toMatchObject({ status: "submitted", version: 3 });
      expect((await auditRows(t.db, draft.id)).map((a) => `${a.action}:${a.fromStatus}>${a.toStatus}`)).toEqual([
        "demand.create:null>draft",
        "demand.update:draft>draft",
        "demand.submit:draft>submitted",
      ]);
      const edited = await updateDemand(t.db, actor(w.resident), draft.id, { ...demandInput(w, { title: "再改一次标题" }), version: 3 });
      expect(edited).toMatchObject({ status: "submitted", version: 4 });
    });

    it("refuses a stale version, keeps the saved text and says what is saved now", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w));
      await updateDemand(t.db, actor(w.resident), created.id, { ...demandInput(w, { title: "第一个窗口保存的标题" }), version: 1 });
      const error = await updateDemand(t.db, actor(w.resident), created.id, { ...demandInput(w, { title: "第二个窗口的标题" }), version: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaleDemandError);
      expect((error as StaleDemandError).current).toMatchObject({ version: 2, title: "第一个窗口保存的标题" });
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row).toMatchObject({ title: "第一个窗口保存的标题", version: 2 });
      expect(await auditRows(t.db, created.id)).toHaveLength(2);
    });

    it("refuses other users (403) and hides others' drafts (404)", async () => {
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w));
      const submitted = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      await expect(updateDemand(t.db, actor(w.neighbour), draft.id, { ...demandInput(w), version: 1 })).rejects.toBeInstanceOf(DemandNotFoundError);
      await expect(updateDemand(t.db, actor(w.neighbour), submitted.id, { ...demandInput(w), version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateDemand(t.db, actor(w.official), submitted.id, { ...demandInput(w), version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateDemand(t.db, actor(w.resident), 999_999, { ...demandInput(w), version: 1 })).rejects.toBeInstanceOf(DemandNotFoundError);
    });

    it("refuses edits once screening has started, and of withdrawn or rejected demands", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      await t.db.update(campaigns).set({ stage: "screening" }).where(eq(campaigns.id, w.campaign.id));
      const error = await updateDemand(t.db, actor(w.resident), created.id, { ...demandInput(w), version: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DemandTransitionError);
      expect((error as DemandTransitionError).code).toBe("campaignClosed");

      await t.db.update(campaigns).set({ stage: "collecting" }).where(eq(campaigns.id, w.campaign.id));
      const rejected = await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, authorId: w.resident.id, status: "rejected" });
      const refusal = await updateDemand(t.db, actor(w.resident), rejected.id, { ...demandInput(w), version: 1 }).catch((e: unknown) => e);
      expect((refusal as DemandTransitionError).code).toBe("wrongStatus");
    });

    it("refuses bad input without touching the demand", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w));
      await expect(updateDemand(t.db, actor(w.resident), created.id, { ...demandInput(w, { subdistrictId: 424242 }), version: 1 })).rejects.toBeInstanceOf(DemandInputError);
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row.version).toBe(1);
    });
  });

  describe("submitDemand", () => {
    it("submits the author's draft once; a second submit is a no-op", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w));
      const first = await submitDemand(t.db, actor(w.resident), created.id, { version: 1 });
      expect(first).toMatchObject({ status: "submitted", version: 2, duplicate: false });
      const second = await submitDemand(t.db, actor(w.resident), created.id, { version: 1 });
      expect(second).toMatchObject({ status: "submitted", duplicate: true });
      const audit = await auditRows(t.db, created.id);
      expect(audit.map((a) => a.action)).toEqual(["demand.create", "demand.submit"]);
      expect(audit[1]).toMatchObject({ fromStatus: "draft", toStatus: "submitted", actorId: w.resident.id });
      expect(await outboxRows(t.db, created.id)).toHaveLength(2);
    });

    it("is refused to others, after screening started, and on a stale version", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w));
      await expect(submitDemand(t.db, actor(w.neighbour), created.id)).rejects.toBeInstanceOf(DemandNotFoundError);
      await t.db.update(demands).set({ version: 5 }).where(eq(demands.id, created.id));
      await expect(submitDemand(t.db, actor(w.resident), created.id, { version: 4 })).rejects.toBeInstanceOf(StaleDemandError);
      await t.db.update(campaigns).set({ stage: "screening" }).where(eq(campaigns.id, w.campaign.id));
      await expect(submitDemand(t.db, actor(w.resident), created.id)).rejects.toMatchObject({ code: "campaignClosed" });
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row.status).toBe("draft");
    });
  });

  describe("withdrawDemand", () => {
    it("lets the author withdraw with a reason, recorded in the audit row", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      const result = await withdrawDemand(t.db, actor(w.resident), created.id, { reason: "已经解决了" });
      expect(result.status).toBe("withdrawn");
      const audit = await auditRows(t.db, created.id);
      expect(audit.at(-1)).toMatchObject({ action: "demand.withdraw", fromStatus: "submitted", toStatus: "withdrawn", reason: "已经解决了", actorId: w.resident.id });
      expect(await outboxRows(t.db, created.id)).toHaveLength(2);
      // Again: nothing more happens.
      expect((await withdrawDemand(t.db, actor(w.resident), created.id)).duplicate).toBe(true);
      expect(await auditRows(t.db, created.id)).toHaveLength(2);
    });

    it("is refused to other users and once screening has started", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      await expect(withdrawDemand(t.db, actor(w.neighbour), created.id)).rejects.toBeInstanceOf(ForbiddenError);
      await t.db.update(campaigns).set({ stage: "screening" }).where(eq(campaigns.id, w.campaign.id));
      await expect(withdrawDemand(t.db, actor(w.resident), created.id)).rejects.toMatchObject({ code: "campaignClosed" });
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row.status).toBe("submitted");
    });

    it("refuses an over-long reason", async () => {
      const created = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      await expect(withdrawDemand(t.db, actor(w.resident), created.id, { reason: "因".repeat(501) })).rejects.toBeInstanceOf(DemandInputError);
    });
  });
});
