/**
 * Reading demands: nobody but the author sees a draft (list, detail, similar
 * demands); filters, sorting and pagination of the public list; similar
 * titles ranked with Chinese bigrams; "my submissions" with timelines.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { createDemand, getDemandDetail, listDemands, submitDemand, withdrawDemand } from "../../../app/demands/demands.server";
import { demandListQuerySchema } from "../../../app/demands/schemas.server";
import { findSimilarDemands } from "../../../app/demands/similar.server";
import { supportDemand } from "../../../app/demands/supports.server";
import { mySubmissions } from "../../../app/my/submissions.server";
import { writeAudit } from "../../../app/audit/audit.server";
import { demands } from "../../../db/schema";
import { buildApplication, buildDemand, buildOrganization, buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { actor, buildWorld, demandInput, type World } from "./setup";

const query = (q: Record<string, string> = {}) => demandListQuerySchema.parse(q);

describe.each(DB_KINDS)("reading demands on %s", (kind) => {
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

  /** Lists limited to this test's subdistrict (the database is shared by the file's tests). */
  const inPlace = (over: Record<string, string> = {}) => query({ subdistrict: w.place.slug, ...over });

  describe("visibility", () => {
    it("shows a draft to its author only: list, detail and similar demands", async () => {
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w, { title: "草稿：老人一键叫出租车服务" }));
      const viewers = { author: actor(w.resident), neighbour: actor(w.neighbour), official: actor(w.official), worker: actor(w.worker), reviewer: actor(w.reviewer), anonymous: null };
      for (const [who, viewer] of Object.entries(viewers)) {
        const mine = who === "author";
        const list = await listDemands(t.db, viewer, inPlace());
        expect(list.items.map((i) => i.id).includes(draft.id), `list for ${who}`).toBe(mine);
        expect(!!(await getDemandDetail(t.db, viewer, draft.id)), `detail for ${who}`).toBe(mine);
        const similar = await findSimilarDemands(t.db, viewer, "老人一键叫出租车");
        expect(similar.map((s) => s.id).includes(draft.id), `similar for ${who}`).toBe(mine);
      }
    });

    it("hides a withdrawn demand from the public but not from its author and officials", async () => {
      const d = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      expect(await getDemandDetail(t.db, null, d.id)).not.toBeNull();
      await withdrawDemand(t.db, actor(w.resident), d.id);
      expect(await getDemandDetail(t.db, null, d.id)).toBeNull();
      expect(await getDemandDetail(t.db, actor(w.neighbour), d.id)).toBeNull();
      expect(await getDemandDetail(t.db, actor(w.resident), d.id)).not.toBeNull();
      expect(await getDemandDetail(t.db, actor(w.official), d.id)).not.toBeNull();
    });

    it("shows the contact and the timeline to the author and officials only", async () => {
      const d = await createDemand(t.db, actor(w.resident), demandInput(w), { submit: true });
      const author = (await getDemandDetail(t.db, actor(w.resident), d.id))!;
      expect(author.contact).toEqual({ preference: "phone", value: "13812345678" });
      expect(author.timeline!.map((e) => e.action)).toEqual(["demand.create"]);
      expect(author.viewer).toMatchObject({ isAuthor: true, canEdit: true, canWithdraw: true, canSubmit: false, canSupport: false });
      const official = (await getDemandDetail(t.db, actor(w.official), d.id))!;
      expect(official.contact).not.toBeNull();
      expect(official.timeline).not.toBeNull();
      for (const viewer of [null, actor(w.neighbour)]) {
        const other = (await getDemandDetail(t.db, viewer, d.id))!;
        expect(other.contact).toBeNull();
        expect(other.timeline).toBeNull();
      }
      expect((await getDemandDetail(t.db, actor(w.neighbour), d.id))!.viewer).toMatchObject({ isAuthor: false, canSupport: true, canEdit: false });
    });
  });

  describe("the public list", () => {
    it("filters by domain, status and target group, counts the total and pages by 20", async () => {
      for (let i = 0; i < 23; i++) {
        await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, title: `生活需求${i}`, domain: "life", submittedAt: new Date(Date.UTC(2026, 0, 1, 0, i)) });
      }
      const governance = await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, domain: "governance", status: "shortlisted" });
      const tagged = await createDemand(t.db, actor(w.resident), demandInput(w, { domain: "economy", targetGroupIds: [w.disabled.id] }), { submit: true });
      await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.otherPlace.id });

      const page1 = await listDemands(t.db, null, inPlace());
      expect(page1.total).toBe(25);
      expect(page1.items).toHaveLength(20);
      expect(page1.pageCount).toBe(2);
      const page2 = await listDemands(t.db, null, inPlace({ page: "2" }));
      expect(page2.items).toHaveLength(5);
      expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(25);

      expect((await listDemands(t.db, null, inPlace({ domain: "governance" }))).items.map((i) => i.id)).toEqual([governance.id]);
      expect((await listDemands(t.db, null, inPlace({ status: "shortlisted" }))).items.map((i) => i.id)).toEqual([governance.id]);
      const byGroup = await listDemands(t.db, null, inPlace({ group: w.disabled.slug }));
      expect(byGroup.items.map((i) => i.id)).toEqual([tagged.id]);
      expect(byGroup.items[0].targetGroups.map((g) => g.slug)).toEqual([w.disabled.slug]);
      // Unknown values in the URL are dropped, never an error.
      const lenient = demandListQuerySchema.parse({ domain: "sport", page: "-3", sort: "random", status: "<script>" });
      expect(lenient).toMatchObject({ domain: undefined, page: 1, sort: "newest", status: undefined });
    });

    it("sorts by newest or by most supported", async () => {
      const older = await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, submittedAt: new Date("2026-01-01T00:00:00Z") });
      const newer = await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, submittedAt: new Date("2026-02-01T00:00:00Z") });
      await supportDemand(t.db, actor(w.neighbour), older.id);
      expect((await listDemands(t.db, null, inPlace())).items.map((i) => i.id)).toEqual([newer.id, older.id]);
      const supported = await listDemands(t.db, null, inPlace({ sort: "supported" }));
      expect(supported.items.map((i) => i.id)).toEqual([older.id, newer.id]);
      expect(supported.items[0].supportCount).toBe(1);
    });
  });

  describe("findSimilarDemands", () => {
    it("ranks a near-duplicate Chinese title first", async () => {
      const make = (title: string) => buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, title });
      await make("独居老人摔倒自动报警");
      const duplicate = await make("帮助老年人一键叫出租车");
      await make("出租车停靠站点优化");
      await make("老旧小区加装电梯");
      await make("社区食堂线上订餐");
      const results = await findSimilarDemands(t.db, null, "老人一键叫出租车", { limit: 5 });
      expect(results[0].id).toBe(duplicate.id);
      expect(results[0].score).toBeGreaterThan(0.5);
      expect(results.map((r) => r.title)).not.toContain("社区食堂线上订餐");
      expect(results[0].supportable).toBe(true);
    });

    it("finds English titles by words and trigrams, and ignores too short queries", async () => {
      const english = await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, title: "Call a taxi with one phone call for elderly residents" });
      const results = await findSimilarDemands(t.db, null, "elderly residents call taxi by phone");
      expect(results.map((r) => r.id)).toContain(english.id);
      expect(await findSimilarDemands(t.db, null, "老")).toEqual([]);
      expect(await findSimilarDemands(t.db, null, "   ")).toEqual([]);
    });

    it("can leave out the demand being edited, and marks one's own as not supportable", async () => {
      const own = await createDemand(t.db, actor(w.resident), demandInput(w, { title: "小区门口增设无障碍坡道" }), { submit: true });
      const mine = await findSimilarDemands(t.db, actor(w.resident), "小区门口增设无障碍坡道");
      expect(mine.find((r) => r.id === own.id)?.supportable).toBe(false);
      expect((await findSimilarDemands(t.db, actor(w.resident), "小区门口增设无障碍坡道", { excludeId: own.id })).map((r) => r.id)).not.toContain(own.id);
    });
  });

  describe("my submissions", () => {
    it("lists the user's demands (drafts, intakes) and their organisations' applications, with timelines", async () => {
      const draft = await createDemand(t.db, actor(w.resident), demandInput(w));
      const submitted = await createDemand(t.db, actor(w.resident), demandInput(w));
      await submitDemand(t.db, actor(w.resident), submitted.id);
      await withdrawDemand(t.db, actor(w.resident), submitted.id, { reason: "重复了" });
      await buildDemand(t.db, { campaignId: w.campaign.id, subdistrictId: w.place.id, authorId: w.neighbour.id });

      const mine = await mySubmissions(t.db, { id: w.resident.id, organizationIds: [] });
      expect(mine.demands.map((d) => d.id).sort()).toEqual([draft.id, submitted.id].sort());
      const withdrawn = mine.demands.find((d) => d.id === submitted.id)!;
      expect(withdrawn.status).toBe("withdrawn");
      expect(withdrawn.editable).toBe(false);
      expect(withdrawn.timeline.map((e) => [e.action, e.fromStatus, e.toStatus, e.reason, e.actorName])).toEqual([
        ["demand.create", null, "draft", null, w.resident.displayName],
        ["demand.submit", "draft", "submitted", null, w.resident.displayName],
        ["demand.withdraw", "submitted", "withdrawn", "重复了", w.resident.displayName],
      ]);
      expect(mine.demands.find((d) => d.id === draft.id)!.editable).toBe(true);
      expect(mine.applications).toEqual([]);

      const firm = await buildOrganization(t.db);
      const colleague = await buildUser(t.db, { roles: ["firm_member"], organizationId: firm.id });
      const me = await buildUser(t.db, { roles: ["firm_member"], organizationId: firm.id });
      const ofFirm = await buildApplication(t.db, { campaignId: w.campaign.id, organizationId: firm.id, authorId: colleague.id, status: "draft" });
      await buildApplication(t.db, { campaignId: w.campaign.id, organizationId: (await buildOrganization(t.db)).id });
      await writeAudit(t.db, { actorId: colleague.id, action: "application.create", entityType: "application", entityId: ofFirm.id, toStatus: "draft" });
      const firmView = await mySubmissions(t.db, { id: me.id, organizationIds: [firm.id] });
      expect(firmView.applications.map((a) => a.id)).toEqual([ofFirm.id]);
      expect(firmView.applications[0].timeline.map((e) => e.action)).toEqual(["application.create"]);
      expect(firmView.applications[0].organizationZh).toBe(firm.nameZh);
    });

    it("marks needs taken in for residents", async () => {
      const { createAssistedIntake } = await import("../../../app/demands/intake.server");
      const created = await createAssistedIntake(t.db, actor(w.worker), {
        campaignId: w.campaign.id,
        residentName: "邵先生",
        channel: "in_person",
        consentMethod: "signed_form",
        consentAt: new Date(),
        title: "一键叫车",
        description: "老人希望打一个电话就能叫到出租车，方便每周去医院。",
        domain: "life",
        subdistrictId: w.place.id,
      });
      const mine = await mySubmissions(t.db, { id: w.worker.id, organizationIds: [w.office.id] });
      expect(mine.demands.find((d) => d.id === created.id)?.onBehalf).toBe(true);
      const [row] = await t.db.select().from(demands).where(eq(demands.id, created.id));
      expect(row.status).toBe("submitted");
    });
  });
});
