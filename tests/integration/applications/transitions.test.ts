/**
 * Applications' domain functions: create, update, submit, withdraw — who may,
 * what is refused (with nothing changed), versions, idempotency, audit and
 * search-outbox rows.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  createApplication,
  submitApplication,
  updateApplication,
  withdrawApplication,
  type CreateInput,
} from "../../../app/applications/applications.server";
import { ForbiddenError } from "../../../app/auth/authorize.server";
import {
  applicationDemands,
  applicationDeployments,
  applications,
  applicationTags,
  auditLog,
  campaigns,
} from "../../../db/schema";
import { buildApplication, buildCampaign } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { applicationInput, auditOf, buildWorld, outboxOf, type World } from "./setup";

describe.each(DB_KINDS)("application transitions on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    w = await buildWorld(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  const countFor = async (title: string) =>
    (await t.db.select({ id: applications.id }).from(applications).where(eq(applications.title, title))).length;

  async function create(over: Partial<CreateInput> = {}, actor = w.alice) {
    const result = await createApplication(t.db, actor, applicationInput(w, over));
    if (!result.ok) throw new Error(`create failed: ${JSON.stringify(result)}`);
    return result;
  }

  describe("create", () => {
    it("saves a draft with its tags, demands and deployments, one audit row and one outbox row", async () => {
      const result = await create({ title: "草稿应用一" });
      expect(result).toMatchObject({ ok: true, status: "draft", version: 1, changed: true });
      const [row] = await t.db.select().from(applications).where(eq(applications.id, result.id));
      expect(row).toMatchObject({ organizationId: w.huawei.id, authorId: w.alice.id, status: "draft", lang: "zh-CN", costBand: "100k_500k" });
      expect(row.submittedAt).toBeNull();
      const tagRows = await t.db.select().from(applicationTags).where(eq(applicationTags.applicationId, result.id));
      expect(tagRows.map((r) => r.tagId).sort()).toEqual([w.ai.id, w.elderCare.id, w.elderly.id].sort());
      const demandRows = await t.db.select().from(applicationDemands).where(eq(applicationDemands.applicationId, result.id));
      expect(demandRows.map((r) => r.demandId)).toEqual([w.demand.id]);
      const places = await t.db.select().from(applicationDeployments).where(eq(applicationDeployments.applicationId, result.id));
      expect(places).toHaveLength(2);
      expect(places.find((p) => p.subdistrictId === w.ganquan.id)?.since).toBe("2024-05-01");
      expect(places.find((p) => p.placeName === "杭州市")?.since).toBeNull();
      const audit = await auditOf(t.db, "application", result.id);
      expect(audit.map((a) => [a.action, a.fromStatus, a.toStatus, a.actorId])).toEqual([["application.create", null, "draft", w.alice.id]]);
      expect(await outboxOf(t.db, "application", result.id)).toHaveLength(1);
    });

    it("submits at once when asked: status, submittedAt, create and submit audit rows", async () => {
      const result = await create({ title: "直接提交的应用", submit: true }, w.ann);
      expect(result).toMatchObject({ status: "submitted", version: 2 });
      const [row] = await t.db.select().from(applications).where(eq(applications.id, result.id));
      expect(row.status).toBe("submitted");
      expect(row.submittedAt).toBeInstanceOf(Date);
      const audit = await auditOf(t.db, "application", result.id);
      expect(audit.map((a) => a.action)).toEqual(["application.create", "application.submit"]);
      expect(audit[1]).toMatchObject({ fromStatus: "draft", toStatus: "submitted" });
      expect((await outboxOf(t.db, "application", result.id)).length).toBeGreaterThanOrEqual(1);
    });

    it("refuses a forged organisation the user is not a member of, beside the field, saving nothing", async () => {
      const result = await createApplication(t.db, w.alice, applicationInput(w, { title: "冒名应用", organizationId: w.jd.id }));
      expect(result).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { organizationId: ["applications:errors.notMember"] } });
      const missing = await createApplication(t.db, w.alice, applicationInput(w, { title: "冒名应用", organizationId: 99_999_999 }));
      expect(missing).toMatchObject({ ok: false, fieldErrors: { organizationId: ["applications:errors.notMember"] } });
      expect(await countFor("冒名应用")).toBe(0);
    });

    it("refuses forged tag, demand and subdistrict ids, and a hidden (draft) demand", async () => {
      const result = await createApplication(
        t.db,
        w.alice,
        applicationInput(w, {
          title: "伪造引用",
          technologyIds: [w.elderCare.id], // a scenario posing as a technology
          scenarioIds: [99_999_999],
          demandIds: [w.draftDemand.id],
          deployments: [{ subdistrictId: 99_999_999, placeName: null, since: "2023-01" }],
        }),
      );
      expect(result.ok).toBe(false);
      if (result.ok || result.reason !== "invalid") throw new Error("expected invalid");
      expect(Object.keys(result.fieldErrors).sort()).toEqual(["demandIds", "deployments[0].place", "scenarioIds", "technologyIds"]);
      expect(await countFor("伪造引用")).toBe(0);
      const unknownDemand = await createApplication(t.db, w.alice, applicationInput(w, { title: "伪造引用", demandIds: [99_999_999] }));
      expect(unknownDemand).toMatchObject({ ok: false, fieldErrors: { demandIds: ["applications:errors.demandInvalid"] } });
    });

    it("refuses empty, too long and out-of-vocabulary values", async () => {
      const bad = await createApplication(t.db, w.alice, {
        ...applicationInput(w),
        title: "   ",
        summary: "字".repeat(301),
        description: "x".repeat(6001),
        domain: "space" as never,
        maturity: "rumour" as never,
        costBand: "free" as never,
      });
      expect(bad.ok).toBe(false);
      if (bad.ok || bad.reason !== "invalid") throw new Error("expected invalid");
      expect(bad.fieldErrors).toMatchObject({
        title: ["applications:errors.titleRequired"],
        summary: ["applications:errors.summaryTooLong"],
        description: ["applications:errors.descriptionTooLong"],
        domain: ["applications:errors.domainInvalid"],
        maturity: ["applications:errors.maturityInvalid"],
        costBand: ["applications:errors.costBandInvalid"],
      });
      const long = await createApplication(t.db, w.alice, applicationInput(w, { title: "长".repeat(81) }));
      expect(long).toMatchObject({ ok: false, fieldErrors: { title: ["applications:errors.titleTooLong"] } });
      const noPlace = await createApplication(t.db, w.alice, applicationInput(w, { title: "无落地", maturity: "deployed", deployments: [] }));
      expect(noPlace).toMatchObject({ ok: false, fieldErrors: { deployments: ["applications:errors.deploymentRequired"] } });
      expect(await countFor("无落地")).toBe(0);
    });

    it("refuses a campaign that no longer collects, and users without the permission", async () => {
      const closed = await createApplication(t.db, w.alice, applicationInput(w, { title: "晚到的应用", campaignId: w.closedCampaign.id }));
      expect(closed).toMatchObject({ ok: false, fieldErrors: { campaignId: ["applications:errors.campaignNotOpen"] } });
      await expect(createApplication(t.db, w.resident, applicationInput(w, { title: "晚到的应用" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createApplication(t.db, w.official, applicationInput(w, { title: "晚到的应用" }))).rejects.toBeInstanceOf(ForbiddenError);
      expect(await countFor("晚到的应用")).toBe(0);
    });

    it("creates one application for a double submit with the same idempotency key (in turn and at once)", async () => {
      const input = applicationInput(w, { title: "双击提交", idempotencyKey: "key-aaaaaaaaaaaaaaaa", submit: true });
      const first = await createApplication(t.db, w.alice, input);
      const second = await createApplication(t.db, w.alice, input);
      expect(first.ok && second.ok).toBe(true);
      if (!first.ok || !second.ok) return;
      expect(second.id).toBe(first.id);
      expect(second.changed).toBe(false);
      const racing = applicationInput(w, { title: "同时双击", idempotencyKey: "key-bbbbbbbbbbbbbbbb" });
      const [a, b] = await Promise.all([createApplication(t.db, w.alice, racing), createApplication(t.db, w.alice, racing)]);
      expect(a.ok && b.ok && a.id === b.id).toBe(true);
      expect(await countFor("双击提交")).toBe(1);
      expect(await countFor("同时双击")).toBe(1);
      // Another key is another application.
      await create({ title: "双击提交", idempotencyKey: "key-cccccccccccccccc" });
      expect(await countFor("双击提交")).toBe(2);
    });
  });

  describe("update", () => {
    it("lets another member of the firm edit, bumping the version, with audit and outbox rows", async () => {
      const created = await create({ title: "待修改" });
      const result = await updateApplication(t.db, w.ann, {
        ...applicationInput(w, { title: "已修改", maturity: "pilot", deployments: [], demandIds: [], technologyIds: [w.iot.id] }),
        id: created.id,
        expectedVersion: 1,
      });
      expect(result).toMatchObject({ ok: true, version: 2, status: "draft" });
      const [row] = await t.db.select().from(applications).where(eq(applications.id, created.id));
      expect(row).toMatchObject({ title: "已修改", maturity: "pilot", version: 2 });
      expect(await t.db.select().from(applicationDeployments).where(eq(applicationDeployments.applicationId, created.id))).toHaveLength(0);
      const tagIds = (await t.db.select().from(applicationTags).where(eq(applicationTags.applicationId, created.id))).map((r) => r.tagId);
      expect(tagIds).toContain(w.iot.id);
      expect(tagIds).not.toContain(w.ai.id);
      expect((await auditOf(t.db, "application", created.id)).map((a) => a.action)).toEqual(["application.create", "application.update"]);
      expect(await outboxOf(t.db, "application", created.id)).toHaveLength(2);
    });

    it("refuses a stale edit with a conflict and changes nothing", async () => {
      const created = await create({ title: "并发修改" });
      const first = await updateApplication(t.db, w.ann, { ...applicationInput(w, { title: "安的修改" }), id: created.id, expectedVersion: 1 });
      expect(first.ok).toBe(true);
      const stale = await updateApplication(t.db, w.alice, { ...applicationInput(w, { title: "爱丽丝的修改" }), id: created.id, expectedVersion: 1 });
      expect(stale).toEqual({ ok: false, reason: "conflict", currentVersion: 2 });
      const [row] = await t.db.select().from(applications).where(eq(applications.id, created.id));
      expect(row).toMatchObject({ title: "安的修改", version: 2 });
    });

    it("refuses a member of another firm: not found for a draft, Forbidden for what they can see", async () => {
      const draft = await create({ title: "华为草稿" });
      const hidden = await updateApplication(t.db, w.bob, { ...applicationInput(w, { title: "京东改的" }), id: draft.id, expectedVersion: 1 });
      expect(hidden).toEqual({ ok: false, reason: "not_found" });
      const open = await create({ title: "华为公开应用", publicFromSubmission: true, submit: true });
      await expect(
        updateApplication(t.db, w.bob, { ...applicationInput(w, { title: "京东改的" }), id: open.id, expectedVersion: open.version }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(submitApplication(t.db, w.bob, { id: draft.id })).resolves.toEqual({ ok: false, reason: "not_found" });
      await expect(withdrawApplication(t.db, w.bob, { id: open.id })).rejects.toBeInstanceOf(ForbiddenError);
      const rows = await t.db.select().from(applications).where(eq(applications.organizationId, w.huawei.id));
      expect(rows.some((r) => r.title === "京东改的")).toBe(false);
      expect(rows.find((r) => r.id === open.id)?.status).toBe("submitted");
    });

    it("lets an official edit a submitted application, but not see a draft", async () => {
      const submitted = await create({ title: "提交后由科委修改", submit: true });
      const result = await updateApplication(t.db, w.official, {
        ...applicationInput(w, { title: "科委修正了错别字" }),
        id: submitted.id,
        expectedVersion: submitted.version,
      });
      expect(result).toMatchObject({ ok: true, status: "submitted" });
      const draft = await create({ title: "科委看不到的草稿" });
      expect(await updateApplication(t.db, w.official, { ...applicationInput(w), id: draft.id, expectedVersion: 1 })).toEqual({
        ok: false,
        reason: "not_found",
      });
    });

    it("saves and submits in one step, and refuses edits once withdrawn or once the campaign stops collecting", async () => {
      const created = await create({ title: "保存并提交" });
      const saved = await updateApplication(t.db, w.alice, { ...applicationInput(w), id: created.id, expectedVersion: 1, submit: true });
      expect(saved).toMatchObject({ ok: true, status: "submitted", version: 3 });
      const withdrawn = await withdrawApplication(t.db, w.alice, { id: created.id, expectedVersion: 3, reason: "方案调整" });
      expect(withdrawn).toMatchObject({ ok: true, status: "withdrawn" });
      expect(await updateApplication(t.db, w.alice, { ...applicationInput(w), id: created.id, expectedVersion: 4 })).toMatchObject({
        ok: false,
        reason: "not_editable",
      });

      const campaign = await buildCampaign(t.db);
      const late = await create({ title: "阶段结束", campaignId: campaign.id });
      await t.db.update(campaigns).set({ stage: "screening" }).where(eq(campaigns.id, campaign.id));
      expect(await updateApplication(t.db, w.alice, { ...applicationInput(w), id: late.id, expectedVersion: 1 })).toMatchObject({
        reason: "not_editable",
      });
      expect(await submitApplication(t.db, w.alice, { id: late.id })).toMatchObject({ reason: "not_editable" });
    });
  });

  describe("submit and withdraw", () => {
    it("submits a draft once; a second submit changes nothing", async () => {
      const draft = await create({ title: "提交两次" });
      const first = await submitApplication(t.db, w.alice, { id: draft.id, expectedVersion: 1 });
      expect(first).toMatchObject({ ok: true, status: "submitted", changed: true, version: 2 });
      const again = await submitApplication(t.db, w.alice, { id: draft.id, expectedVersion: 1 });
      expect(again).toMatchObject({ ok: true, status: "submitted", changed: false });
      const submits = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(sql`${auditLog.entityId} = ${draft.id} and ${auditLog.action} = 'application.submit'`);
      expect(Number(submits[0].n)).toBe(1);
    });

    it("refuses a stale submit", async () => {
      const draft = await create({ title: "过期的提交" });
      await updateApplication(t.db, w.ann, { ...applicationInput(w, { title: "过期的提交" }), id: draft.id, expectedVersion: 1 });
      expect(await submitApplication(t.db, w.alice, { id: draft.id, expectedVersion: 1 })).toEqual({
        ok: false,
        reason: "conflict",
        currentVersion: 2,
      });
    });

    it("withdraws with the reason in the audit row; an official may withdraw; selected ones cannot be", async () => {
      const app = await create({ title: "撤回", submit: true });
      const result = await withdrawApplication(t.db, w.official, { id: app.id, reason: "企业来电要求撤回" });
      expect(result).toMatchObject({ ok: true, status: "withdrawn" });
      const audit = await auditOf(t.db, "application", app.id);
      expect(audit.at(-1)).toMatchObject({ action: "application.withdraw", fromStatus: "submitted", toStatus: "withdrawn", reason: "企业来电要求撤回", actorId: w.official.id });
      const selected = await buildApplication(t.db, { campaignId: w.campaign.id, organizationId: w.huawei.id, status: "selected" });
      expect(await withdrawApplication(t.db, w.alice, { id: selected.id })).toMatchObject({ ok: false, reason: "not_editable" });
    });
  });
});
