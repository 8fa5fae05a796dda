/**
 * Assisted intake: a community worker submits a resident's need; the public
 * sees the resident's name abbreviated, only officials and the recording
 * worker see the full name and phone.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../../app/auth/authorize.server";
import { getDemandDetail } from "../../../app/demands/demands.server";
import { DemandInputError } from "../../../app/demands/errors.server";
import { createAssistedIntake, workerSubdistrictId } from "../../../app/demands/intake.server";
import type { IntakeInput } from "../../../app/demands/schemas.server";
import { assistedIntakes, demands } from "../../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { actor, auditRows, buildWorld, outboxRows, type World } from "./setup";

function intakeInput(w: World, over: Partial<IntakeInput> = {}): IntakeInput {
  return {
    campaignId: w.campaign.id,
    residentName: "邵建国",
    residentPhone: "139-1234-5678",
    channel: "phone",
    consentMethod: "verbal_phone",
    consentAt: new Date(Date.now() - 60 * 60 * 1000),
    title: "老人打一个电话就能叫到出租车",
    description: "邵先生63岁，视力不好，每周去医院，打车软件太难用，希望打一个电话就能叫到车。",
    domain: "life",
    subdistrictId: w.place.id,
    targetGroupIds: [w.elderly.id],
    scenarioTagIds: [],
    ...over,
  };
}

describe.each(DB_KINDS)("assisted intake on %s", (kind) => {
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

  it("creates a submitted resident demand and its intake row in one go, with audit and outbox rows", async () => {
    const created = await createAssistedIntake(t.db, actor(w.worker), intakeInput(w), { idempotencyKey: "intake-token-1" });
    expect(created.status).toBe("submitted");
    const [demand] = await t.db.select().from(demands).where(eq(demands.id, created.id));
    expect(demand).toMatchObject({ raisedBy: "resident", status: "submitted", authorId: w.worker.id });
    expect(demand.submittedAt).toBeInstanceOf(Date);
    const [intake] = await t.db.select().from(assistedIntakes).where(eq(assistedIntakes.demandId, created.id));
    expect(intake).toMatchObject({ residentName: "邵建国", residentPhone: "13912345678", channel: "phone", consentMethod: "verbal_phone", recordedById: w.worker.id });
    const audit = await auditRows(t.db, created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "demand.intake", actorId: w.worker.id, toStatus: "submitted" });
    expect(await outboxRows(t.db, created.id)).toHaveLength(1);
    // The same form posted again: still one.
    const again = await createAssistedIntake(t.db, actor(w.worker), intakeInput(w), { idempotencyKey: "intake-token-1" });
    expect(again).toMatchObject({ id: created.id, duplicate: true });
  });

  it("shows the phone and full name to officials and the recording worker only", async () => {
    const created = await createAssistedIntake(t.db, actor(w.worker), intakeInput(w));
    const seenBy = async (viewer: Parameters<typeof getDemandDetail>[1]) => (await getDemandDetail(t.db, viewer, created.id))!.intake!;

    for (const insider of [actor(w.worker), actor(w.official)]) {
      const intake = await seenBy(insider);
      expect(intake.residentPhone).toBe("13912345678");
      expect(intake.residentName).toBe("邵建国");
    }
    for (const outsider of [null, actor(w.resident), actor(w.otherWorker), actor(w.reviewer)]) {
      const intake = await seenBy(outsider);
      expect(intake.residentPhone).toBeNull();
      expect(intake.residentName).toBeNull();
      expect(intake.residentShortName).toBe("邵某");
      expect(intake.recordedByName).toBe(w.worker.displayName);
      expect(intake.consentMethod).toBe("verbal_phone");
    }
  });

  it("is refused to residents and officials", async () => {
    await expect(createAssistedIntake(t.db, actor(w.resident), intakeInput(w))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createAssistedIntake(t.db, actor(w.official), intakeInput(w))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses bad input field by field: phone, consent time in the future, empty name, unknown subdistrict", async () => {
    const cases: [Partial<IntakeInput>, string][] = [
      [{ residentPhone: "12345" }, "residentPhone"],
      [{ consentAt: new Date(Date.now() + 24 * 60 * 60 * 1000) }, "consentAt"],
      [{ residentName: "  " }, "residentName"],
      [{ channel: "fax" as never }, "channel"],
      [{ consentMethod: "nod" as never }, "consentMethod"],
      [{ subdistrictId: 987_654 }, "subdistrictId"],
      [{ targetGroupIds: [w.technology.id] }, "targetGroupIds"],
    ];
    for (const [over, field] of cases) {
      const error = await createAssistedIntake(t.db, actor(w.worker), intakeInput(w, over)).catch((e: unknown) => e);
      expect(error, field).toBeInstanceOf(DemandInputError);
      expect(Object.keys((error as DemandInputError).fieldErrors), field).toContain(field);
    }
    expect(await t.db.select().from(demands).where(eq(demands.campaignId, w.campaign.id))).toHaveLength(0);
  });

  it("accepts no phone at all", async () => {
    const created = await createAssistedIntake(t.db, actor(w.worker), intakeInput(w, { residentPhone: undefined, residentName: "邵先生" }));
    const [intake] = await t.db.select().from(assistedIntakes).where(eq(assistedIntakes.demandId, created.id));
    expect(intake.residentPhone).toBeNull();
    expect((await getDemandDetail(t.db, null, created.id))!.intake!.residentShortName).toBe("邵先生");
  });

  it("defaults the subdistrict to the worker's organisation's", async () => {
    expect(await workerSubdistrictId(t.db, w.worker.id)).toBe(w.place.id);
    expect(await workerSubdistrictId(t.db, w.resident.id)).toBeNull();
  });
});
