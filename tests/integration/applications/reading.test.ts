/**
 * Who sees which application (the one visibility rule, through the list,
 * the detail query and the organisation profile), the list's filters and
 * pagination, and the organisation directory.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApplication } from "../../../app/applications/applications.server";
import {
  APPLICATIONS_PAGE_SIZE,
  applicationFormOptions,
  getApplication,
  listApplications,
  parseApplicationListQuery,
} from "../../../app/applications/queries.server";
import { getOrganizationProfile, listOrganizations, parseDirectoryQuery } from "../../../app/organizations/profiles.server";
import { viewerOf, type Viewer } from "../../../app/visibility/visibility.server";
import { applicationDeployments } from "../../../db/schema";
import { buildApplication, buildOrganization } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { applicationInput, buildWorld, type World } from "./setup";

describe.each(DB_KINDS)("reading applications on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  let ids: { draft: number; submitted: number; publicFromSubmission: number; selected: number; withdrawnPublic: number };
  let viewers: { public: Viewer; alice: Viewer; bob: Viewer; official: Viewer };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    w = await buildWorld(t.db);
    const make = async (title: string, over: Parameters<typeof applicationInput>[1] = {}) => {
      const r = await createApplication(t.db, w.alice, applicationInput(w, { title, ...over }));
      if (!r.ok) throw new Error(JSON.stringify(r));
      return r.id;
    };
    const selected = await buildApplication(t.db, { campaignId: w.campaign.id, organizationId: w.huawei.id, status: "selected", title: "入选的应用" });
    await t.db.insert(applicationDeployments).values({ applicationId: selected.id, subdistrictId: w.changfeng.id, since: "2023-03-01" });
    ids = {
      draft: await make("草稿"),
      submitted: await make("已提交未公开", { submit: true }),
      publicFromSubmission: await make("提交即公开", { submit: true, publicFromSubmission: true }),
      selected: selected.id,
      withdrawnPublic: (await buildApplication(t.db, { campaignId: w.campaign.id, organizationId: w.huawei.id, status: "withdrawn", publicFromSubmission: true })).id,
    };
    const member = (user: { id: number; roles: readonly string[] }, orgs: number[]) =>
      viewerOf({ id: user.id, roles: user.roles as never, organizations: orgs.map((id) => ({ id })) });
    viewers = {
      public: null,
      alice: member(w.alice, [w.huawei.id]),
      bob: member(w.bob, [w.jd.id]),
      official: member(w.official, []),
    };
  });
  afterAll(async () => {
    await t.drop();
  });

  const visibleIds = async (viewer: Viewer) => {
    const out: number[] = [];
    for (const id of Object.values(ids)) if (await getApplication(t.db, viewer, id)) out.push(id);
    return out.sort((a, b) => a - b);
  };
  const sorted = (...list: number[]) => [...list].sort((a, b) => a - b);

  it("shows a draft only to its firm", async () => {
    expect(await getApplication(t.db, viewers.alice, ids.draft)).not.toBeNull();
    for (const v of [viewers.public, viewers.bob, viewers.official]) expect(await getApplication(t.db, v, ids.draft)).toBeNull();
  });

  it("hides a submitted, non-public application from the public and other firms, not from officials", async () => {
    expect(await getApplication(t.db, viewers.public, ids.submitted)).toBeNull();
    expect(await getApplication(t.db, viewers.bob, ids.submitted)).toBeNull();
    expect(await getApplication(t.db, viewers.official, ids.submitted)).not.toBeNull();
  });

  it("shows public-from-submission and selected applications to everyone (but not withdrawn ones)", async () => {
    expect(await visibleIds(viewers.public)).toEqual(sorted(ids.publicFromSubmission, ids.selected));
    expect(await visibleIds(viewers.bob)).toEqual(sorted(ids.publicFromSubmission, ids.selected));
    expect(await visibleIds(viewers.official)).toEqual(sorted(ids.submitted, ids.publicFromSubmission, ids.selected, ids.withdrawnPublic));
    expect(await visibleIds(viewers.alice)).toEqual(sorted(...Object.values(ids)));
  });

  it("lists what each viewer may see, with the filters in the URL", async () => {
    const all = (v: Viewer, qs = "") => listApplications(t.db, v, parseApplicationListQuery(new URLSearchParams(qs)));
    const publicIds = (await all(viewers.public, `organization=${w.huawei.slug}`)).rows.map((r) => r.id);
    expect(sorted(...publicIds)).toEqual(sorted(ids.publicFromSubmission, ids.selected));
    const aliceDrafts = await all(viewers.alice, `organization=${w.huawei.slug}&status=draft`);
    expect(aliceDrafts.rows.map((r) => r.id)).toEqual([ids.draft]);
    const byTechnology = await all(viewers.public, `technology=${w.ai.slug}`);
    expect(byTechnology.rows.map((r) => r.id)).toEqual([ids.publicFromSubmission]);
    expect(byTechnology.rows[0].tags.map((tag) => tag.slug)).toEqual([w.ai.slug]);
    expect((await all(viewers.public, "domain=economy")).rows).toHaveLength(0);
    expect((await all(viewers.public, `maturity=pilot&organization=${w.huawei.slug}`)).rows.map((r) => r.id)).toEqual([ids.selected]);
    // Unknown values are ignored, not errors.
    expect((await all(viewers.public, `domain=space&maturity=x&status=nope&page=-3&organization=${w.huawei.slug}`)).rows).toHaveLength(2);
  });

  it("pages 20 at a time", async () => {
    const org = await buildOrganization(t.db);
    for (let i = 0; i < APPLICATIONS_PAGE_SIZE + 3; i++) {
      await buildApplication(t.db, { campaignId: w.campaign.id, organizationId: org.id, status: "selected" });
    }
    const first = await listApplications(t.db, null, parseApplicationListQuery(new URLSearchParams(`organization=${org.slug}`)));
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(20);
    const second = await listApplications(t.db, null, parseApplicationListQuery(new URLSearchParams(`organization=${org.slug}&page=2`)));
    expect(second.rows).toHaveLength(3);
    expect(second.rows.some((r) => first.rows.some((f) => f.id === r.id))).toBe(false);
    const beyond = await listApplications(t.db, null, parseApplicationListQuery(new URLSearchParams(`organization=${org.slug}&page=99`)));
    expect(beyond.page).toBe(2);
  });

  it("names only the demands the viewer may see, and offers only visible submitted demands in the form", async () => {
    const detail = await getApplication(t.db, viewers.public, ids.publicFromSubmission);
    expect(detail?.demands.map((d) => d.id)).toEqual([w.demand.id]);
    expect(detail?.deployments).toHaveLength(2);
    const options = await applicationFormOptions(t.db, w.alice);
    expect(options.demands.map((d) => d.id)).toContain(w.demand.id);
    expect(options.demands.map((d) => d.id)).not.toContain(w.draftDemand.id);
    expect(options.organizations.map((o) => o.id)).toEqual([w.huawei.id]);
    expect(options.campaigns.map((c) => c.id)).toContain(w.campaign.id);
    expect(options.campaigns.map((c) => c.id)).not.toContain(w.closedCampaign.id);
  });

  it("shows on a profile only the applications (and deployments) the viewer may see", async () => {
    const publicProfile = await getOrganizationProfile(t.db, null, w.huawei.slug);
    expect(sorted(...publicProfile!.applications.map((a) => a.id))).toEqual(sorted(ids.publicFromSubmission, ids.selected));
    const places = publicProfile!.deployments.map((d) => d.applicationId);
    expect(new Set(places)).toEqual(new Set([ids.publicFromSubmission, ids.selected]));
    expect(publicProfile!.canEdit).toBe(false);
    const own = await getOrganizationProfile(t.db, viewers.alice, w.huawei.slug);
    expect(own!.applications.map((a) => a.id)).toContain(ids.draft);
    expect(own!.canEdit).toBe(true); // any member of the firm keeps its profile
    const owner = viewerOf({ id: w.ann.id, roles: w.ann.roles, organizations: [{ id: w.huawei.id }] });
    expect((await getOrganizationProfile(t.db, owner, w.huawei.slug))!.canEdit).toBe(true);
    expect(await getOrganizationProfile(t.db, null, "no-such-org")).toBeNull();
  });

  it("lists vendors by default, verified first, searchable by either name", async () => {
    const office = await buildOrganization(t.db, { kind: "subdistrict_office", nameZh: `甘泉路街道办${Date.now()}` });
    const vendors = await listOrganizations(t.db, parseDirectoryQuery(new URLSearchParams("")));
    expect(vendors.rows.every((o) => o.kind === "vendor")).toBe(true);
    const flags = vendors.rows.map((o) => o.verified);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect((await listOrganizations(t.db, parseDirectoryQuery(new URLSearchParams("kind=subdistrict_office")))).rows.map((o) => o.id)).toContain(office.id);
    const byZh = await listOrganizations(t.db, parseDirectoryQuery(new URLSearchParams("q=京东测试")));
    expect(byZh.rows.map((o) => o.id)).toEqual([w.jd.id]);
    const byEn = await listOrganizations(t.db, parseDirectoryQuery(new URLSearchParams("q=huawei test&kind=all")));
    expect(byEn.rows.map((o) => o.id)).toEqual([w.huawei.id]);
    expect((await listOrganizations(t.db, parseDirectoryQuery(new URLSearchParams("q=%_")))).rows).toHaveLength(0);
  });
});
