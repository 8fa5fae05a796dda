/** Vendor profiles: the firm's members edit (audit + search outbox), others are refused, stale edits conflict, bad input is refused. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ForbiddenError } from "../../../app/auth/authorize.server";
import { getProfileForEdit, profileSchema, updateOrganizationProfile } from "../../../app/organizations/profiles.server";
import { organizations } from "../../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { auditOf, buildWorld, outboxOf, type World } from "./setup";

describe.each(DB_KINDS)("organisation profiles on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    w = await buildWorld(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  const form = (over: Record<string, string> = {}, loadedAt: string) =>
    profileSchema.parse({
      descriptionZh: "华为在普陀区提供智慧城市解决方案。",
      descriptionEn: "Huawei builds smart-city solutions in Putuo.",
      capabilities: "人工智能视频分析\n物联网\n\n物联网\n城市大脑",
      website: "https://www.huawei.com/cn/",
      loadedAt,
      ...over,
    });

  it("lets an owner edit description, capabilities and website, with an audit row and an outbox row", async () => {
    const before = await getProfileForEdit(t.db, w.ann, w.huawei.slug);
    const result = await updateOrganizationProfile(t.db, w.ann, w.huawei.slug, form({}, before!.loadedAt));
    expect(result).toEqual({ ok: true, changed: true });
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, w.huawei.id));
    expect(row).toMatchObject({
      descriptionZh: "华为在普陀区提供智慧城市解决方案。",
      capabilities: ["人工智能视频分析", "物联网", "城市大脑"],
      website: "https://www.huawei.com/cn/",
    });
    const audit = await auditOf(t.db, "organization", w.huawei.id);
    expect(audit.at(-1)).toMatchObject({ action: "organization.update", actorId: w.ann.id });
    expect(await outboxOf(t.db, "organization", w.huawei.id)).toHaveLength(1);
    // Saving the same again changes nothing and writes nothing.
    const again = await getProfileForEdit(t.db, w.ann, w.huawei.slug);
    expect(await updateOrganizationProfile(t.db, w.ann, w.huawei.slug, form({}, again!.loadedAt))).toEqual({ ok: true, changed: false });
    expect(await auditOf(t.db, "organization", w.huawei.id)).toHaveLength(audit.length);
  });

  it("lets any member of the firm edit, not only its owner", async () => {
    const loaded = await getProfileForEdit(t.db, w.alice, w.huawei.slug);
    expect(loaded).not.toBeNull();
    expect(await updateOrganizationProfile(t.db, w.alice, w.huawei.slug, form({ descriptionZh: "成员修改的简介" }, loaded!.loadedAt))).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, w.huawei.id));
    expect(row.descriptionZh).toBe("成员修改的简介");
  });

  it("refuses other firms, officials and residents, changing nothing", async () => {
    const current = await getProfileForEdit(t.db, w.ann, w.huawei.slug);
    for (const outsider of [w.bob, w.official, w.resident]) {
      await expect(getProfileForEdit(t.db, outsider, w.huawei.slug)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        updateOrganizationProfile(t.db, outsider, w.huawei.slug, form({ descriptionZh: "被篡改" }, current!.loadedAt)),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, w.huawei.id));
    expect(row.descriptionZh).not.toBe("被篡改");
    expect(await getProfileForEdit(t.db, w.ann, "no-such-org")).toBeNull();
  });

  it("refuses a stale edit", async () => {
    const loaded = await getProfileForEdit(t.db, w.bob, w.jd.slug);
    expect(await updateOrganizationProfile(t.db, w.bob, w.jd.slug, form({ descriptionZh: "第一次" }, loaded!.loadedAt))).toMatchObject({ ok: true });
    expect(await updateOrganizationProfile(t.db, w.bob, w.jd.slug, form({ descriptionZh: "第二次" }, loaded!.loadedAt))).toEqual({
      ok: false,
      reason: "conflict",
    });
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, w.jd.id));
    expect(row.descriptionZh).toBe("第一次");
  });

  it("validates the website, the lengths and the capabilities list", () => {
    const errors = (input: Record<string, string>) => {
      const parsed = profileSchema.safeParse({ loadedAt: "x", ...input });
      return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    };
    expect(errors({ website: "javascript:alert(1)" })).toEqual(["organizations:errors.websiteInvalid"]);
    expect(errors({ website: "not a url" })).toEqual(["organizations:errors.websiteInvalid"]);
    expect(errors({ website: "https://user:pw@example.com" })).toEqual(["organizations:errors.websiteInvalid"]);
    expect(errors({ website: "https://example.com/" })).toEqual([]);
    expect(errors({ descriptionZh: "字".repeat(2001) })).toEqual(["organizations:errors.descriptionTooLong"]);
    expect(errors({ capabilities: "能".repeat(41) })).toEqual(["organizations:errors.capabilityTooLong"]);
    expect(errors({ capabilities: Array.from({ length: 21 }, (_, i) => `能力${i}`).join("\n") })).toEqual(["organizations:errors.capabilitiesTooMany"]);
    expect(errors({ loadedAt: "" })).toEqual(["organizations:errors.formExpired"]);
  });
});
