/**
 * Screening: the queue, passing and rejecting (one item or a bulk selection)
 * in one transaction with audit rows, notices and e-mails to the submitters;
 * reason templates; refusals out of stage, for foreign items and for
 * everyone but officials.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../../app/auth/authorize.server";
import {
  createScreeningReason,
  listScreeningReasons,
  updateScreeningReason,
  activeScreeningReasons,
} from "../../../app/screening/reasons.server";
import { listScreeningQueue, parseQueueQuery, passItems, rejectItems } from "../../../app/screening/screening.server";
import { fixedT } from "../../../app/utils/i18n.server";
import { stageRefusalMessage } from "../../../app/workflow/refusal";
import { applications, auditLog, demands, notifications, outgoingEmails, searchOutbox } from "../../../db/schema";
import { buildApplication, buildCampaign, buildDemand, buildOrganization, buildSubdistrict, buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

describe.each(DB_KINDS)("screening on %s", (kind) => {
  let t: TestDatabase;
  let official: Awaited<ReturnType<typeof buildUser>>;
  let campaign: Awaited<ReturnType<typeof buildCampaign>>;
  let place: Awaited<ReturnType<typeof buildSubdistrict>>;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    official = await buildUser(t.db, { roles: ["official"] });
    campaign = await buildCampaign(t.db, { stage: "screening", titleZh: "测试征集", titleEn: "Test call" });
    place = await buildSubdistrict(t.db);
  });
  afterEach(async () => {
    await t.drop();
  });

  it("lists the submitted items of one type, filtered, oldest first", async () => {
    const org = await buildOrganization(t.db);
    const other = await buildOrganization(t.db);
    const a1 = await buildApplication(t.db, { campaignId: campaign.id, organizationId: org.id, domain: "life", submittedAt: new Date("2026-03-02") });
    const a2 = await buildApplication(t.db, { campaignId: campaign.id, organizationId: other.id, domain: "life", submittedAt: new Date("2026-03-01") });
    await buildApplication(t.db, { campaignId: campaign.id, organizationId: org.id, domain: "economy" });
    await buildApplication(t.db, { campaignId: campaign.id, organizationId: org.id, status: "draft" });
    await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id });

    const all = await listScreeningQueue(t.db, official, campaign.id, parseQueueQuery(new URLSearchParams("type=application&domain=life")));
    expect(all.rows.map((r) => r.id)).toEqual([a2.id, a1.id]);
    expect(all.waiting).toEqual({ application: 3, demand: 1 });
    expect(all.places.map((p) => p.id).sort()).toEqual([org.id, other.id].sort());
    const byVendor = await listScreeningQueue(t.db, official, campaign.id, parseQueueQuery(new URLSearchParams(`type=application&vendor=${other.id}`)));
    expect(byVendor.rows.map((r) => r.id)).toEqual([a2.id]);
    const demandsQueue = await listScreeningQueue(t.db, official, campaign.id, parseQueueQuery(new URLSearchParams(`type=demand&subdistrict=${place.id}`)));
    expect(demandsQueue.rows).toHaveLength(1);
    expect(demandsQueue.rows[0]).toMatchObject({ placeZh: place.nameZh });
  });

  it("passes a demand: status, audit, search outbox, and the author told in the inbox and by e-mail", async () => {
    const author = await buildUser(t.db, { roles: ["resident"], locale: "en" });
    const d = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, authorId: author.id, title: "One-call taxi" });
    expect(await passItems(t.db, official, { campaignId: campaign.id, itemType: "demand", ids: [d.id] })).toEqual({ ok: true, moved: 1 });
    const [row] = await t.db.select().from(demands).where(eq(demands.id, d.id));
    expect(row).toMatchObject({ status: "in_review", version: d.version + 1 });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "demand"), eq(auditLog.entityId, d.id)));
    expect(audit).toEqual([expect.objectContaining({ action: "demand.pass", fromStatus: "submitted", toStatus: "in_review", actorId: official.id })]);
    expect(await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, d.id))).toHaveLength(1);
    const inbox = await t.db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(inbox).toEqual([expect.objectContaining({ kind: "itemPassedScreening", link: `/demands/${d.id}` })]);
    expect(inbox[0].params).toMatchObject({ title: "One-call taxi", campaignEn: "Test call" });
    const mail = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.toAddress, author.email));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("Your demand “One-call taxi” passed screening");
    expect(mail[0].body).toContain(`http://localhost:3000/demands/${d.id}`);
    expect(mail[0].status).toBe("pending");
  });

  it("rejects a bulk selection of applications with a template reason; every firm member is told in their language", async () => {
    const org = await buildOrganization(t.db);
    const owner = await buildUser(t.db, { roles: ["firm_member"], organizationId: org.id, membershipRole: "owner", locale: "zh-CN" });
    const member = await buildUser(t.db, { roles: ["firm_member"], organizationId: org.id, locale: "en" });
    const apps = await Promise.all([1, 2, 3].map(() => buildApplication(t.db, { campaignId: campaign.id, organizationId: org.id, authorId: owner.id })));
    const reason = await createScreeningReason(t.db, official, { textZh: "不属于本次征集范围", textEn: "Outside the scope of this call" });

    const result = await rejectItems(t.db, official, { campaignId: campaign.id, itemType: "application", ids: apps.map((a) => a.id), reasonId: reason.id, reasonText: "请改投明年的征集" });
    expect(result).toEqual({ ok: true, moved: 3 });
    const rows = await t.db.select().from(applications).where(inArray(applications.id, apps.map((a) => a.id)));
    expect(rows.every((r) => r.status === "rejected")).toBe(true);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "application.reject"));
    expect(audit).toHaveLength(3);
    expect(audit[0].reason).toBe("不属于本次征集范围 / Outside the scope of this call — 请改投明年的征集");
    expect(audit[0].data).toMatchObject({ reasonId: reason.id, reasonEn: "Outside the scope of this call; 请改投明年的征集" });

    const ownerNotices = await t.db.select().from(notifications).where(eq(notifications.userId, owner.id));
    const memberNotices = await t.db.select().from(notifications).where(eq(notifications.userId, member.id));
    expect(ownerNotices).toHaveLength(3);
    expect(memberNotices).toHaveLength(3);
    expect(ownerNotices.every((n) => n.kind === "itemRejected")).toBe(true);
    const zhMail = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.toAddress, owner.email));
    const enMail = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.toAddress, member.email));
    expect(zhMail).toHaveLength(3);
    expect(zhMail[0].body).toContain("原因：不属于本次征集范围；请改投明年的征集");
    expect(enMail[0].body).toContain("Reason: Outside the scope of this call; 请改投明年的征集");
  });

  it("needs a reason to reject, and refuses an inactive template", async () => {
    const d = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id });
    expect(await rejectItems(t.db, official, { campaignId: campaign.id, itemType: "demand", ids: [d.id], reasonText: "  " })).toEqual({
      ok: false,
      error: "refused",
      refusal: { code: "reason_required" },
    });
    const reason = await createScreeningReason(t.db, official, { textZh: "重复提交", textEn: "Duplicate" });
    await updateScreeningReason(t.db, official, { id: reason.id, textZh: "重复提交", textEn: "Duplicate", active: false });
    expect(await rejectItems(t.db, official, { campaignId: campaign.id, itemType: "demand", ids: [d.id], reasonId: reason.id })).toEqual({
      ok: false,
      error: "reason_not_found",
    });
    const [row] = await t.db.select().from(demands).where(eq(demands.id, d.id));
    expect(row.status).toBe("submitted");
  });

  it("is all or nothing: one item already screened refuses the whole selection with a message", async () => {
    const ok = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id });
    const done = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id, status: "in_review" });
    const result = await passItems(t.db, official, { campaignId: campaign.id, itemType: "demand", ids: [ok.id, done.id] });
    expect(result).toMatchObject({ ok: false, error: "refused", itemId: done.id, refusal: { code: "wrong_status", status: "in_review" } });
    const [row] = await t.db.select().from(demands).where(eq(demands.id, ok.id));
    expect(row.status).toBe("submitted");
    expect(await t.db.select().from(notifications)).toHaveLength(0);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.entityType, "demand"))).toHaveLength(0);
  });

  it("refuses items of another campaign as not found", async () => {
    const other = await buildCampaign(t.db, { stage: "screening" });
    const foreign = await buildDemand(t.db, { campaignId: other.id, subdistrictId: place.id });
    expect(await passItems(t.db, official, { campaignId: campaign.id, itemType: "demand", ids: [foreign.id] })).toEqual({
      ok: false,
      error: "refused",
      refusal: { code: "not_found" },
      itemId: foreign.id,
    });
  });

  it("is refused out of stage, with a message saying why in both languages", async () => {
    const collecting = await buildCampaign(t.db, { stage: "collecting" });
    const d = await buildDemand(t.db, { campaignId: collecting.id, subdistrictId: place.id });
    const result = await passItems(t.db, official, { campaignId: collecting.id, itemType: "demand", ids: [d.id] });
    expect(result).toEqual({ ok: false, error: "refused", refusal: { code: "wrong_stage", stage: "collecting", allowed: ["screening"] } });
    if (result.ok || result.error !== "refused") return;
    expect(stageRefusalMessage(fixedT("en"), result.refusal)).toBe(
      "The campaign is in the “Collecting” stage; this action is open only in the “Screening” stage.",
    );
    expect(stageRefusalMessage(fixedT("zh-CN"), result.refusal)).toBe("征集活动当前处于“征集中”阶段，该操作只在“初筛中”阶段开放。");
  });

  it("asks for a selection", async () => {
    expect(await passItems(t.db, official, { campaignId: campaign.id, itemType: "demand", ids: [] })).toEqual({ ok: false, error: "nothing_selected" });
  });

  it("manages reason templates: add, edit, deactivate (audited)", async () => {
    const r = await createScreeningReason(t.db, official, { textZh: "材料不全", textEn: "Incomplete" });
    expect(await updateScreeningReason(t.db, official, { id: r.id, textZh: "材料不完整", textEn: "Incomplete materials", active: true })).toBe(true);
    expect(await updateScreeningReason(t.db, official, { id: r.id, textZh: "材料不完整", textEn: "Incomplete materials", active: false })).toBe(true);
    expect(await updateScreeningReason(t.db, official, { id: 999_999, textZh: "x", textEn: "x", active: true })).toBe(false);
    expect(await activeScreeningReasons(t.db)).toEqual([]);
    expect(await listScreeningReasons(t.db, official)).toEqual([expect.objectContaining({ textZh: "材料不完整", active: false })]);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityType, "screening_reason")).orderBy(auditLog.id)).map((a) => a.action);
    expect(actions).toEqual(["screening_reason.create", "screening_reason.update", "screening_reason.deactivate"]);
  });

  it("refuses residents, firm members, reviewers and admins", async () => {
    const d = await buildDemand(t.db, { campaignId: campaign.id, subdistrictId: place.id });
    for (const role of ["resident", "firm_member", "reviewer", "admin"] as const) {
      const someone = await buildUser(t.db, { roles: [role] });
      await expect(passItems(t.db, someone, { campaignId: campaign.id, itemType: "demand", ids: [d.id] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(rejectItems(t.db, someone, { campaignId: campaign.id, itemType: "demand", ids: [d.id], reasonText: "no" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listScreeningQueue(t.db, someone, campaign.id, parseQueueQuery(new URLSearchParams()))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createScreeningReason(t.db, someone, { textZh: "x", textEn: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [row] = await t.db.select().from(demands).where(eq(demands.id, d.id));
    expect(row.status).toBe("submitted");
  });
});
