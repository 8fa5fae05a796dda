/**
 * The behaviour every search engine must have, as one suite: the PostgreSQL
 * engine runs it on PGlite and PostgreSQL; the Meilisearch engine runs it
 * wherever MEILISEARCH_URL points to a server.
 */
import { beforeAll, describe, expect, it } from "vitest";

import type { SearchEngine, SearchRequest, SearchViewer } from "../../../search/types";

import { F, FIXTURE } from "./fixture";

const request = (q: string, over: Partial<SearchRequest> = {}): SearchRequest => ({
  q,
  filters: {},
  sort: "relevance",
  page: 1,
  perPage: 10,
  prefix: true,
  ...over,
});

const idsOf = (hits: { id: number }[]) => hits.map((h) => h.id);

export function engineSuite(name: string, engine: () => SearchEngine) {
  describe(`${name}: relevance and rules`, () => {
    beforeAll(async () => {
      await engine().clear();
      await engine().upsert(FIXTURE);
    });

    it("finds 农业 inside the longer compound 中国农业发展银行", async () => {
      const r = await engine().search(request("农业"), null);
      expect(idsOf(r.hits)[0]).toBe(F.agriBank.id);
    });

    it("matches 独居老人 in texts that say 独居 and 老人 apart, the contiguous one first", async () => {
      const r = await engine().search(request("独居老人"), null);
      const ids = idsOf(r.hits);
      expect(ids[0]).toBe(F.aloneElderly.id);
      expect(ids).toContain(F.aloneApart.id);
    });

    it("finds 长者 when asked for 老人 (synonym), and 老人 in English as elderly", async () => {
      const r = await engine().search(request("老人"), null);
      expect(idsOf(r.hits)).toContain(F.eldersCare.id);
      const en = await engine().search(request("elderly"), null);
      expect(idsOf(en.hits)).toEqual(expect.arrayContaining([F.aloneElderly.id, F.eldersCare.id, F.taxiZh.id]));
    });

    it("stems English: inspections finds inspect", async () => {
      const r = await engine().search(request("inspection", { prefix: false }), null);
      expect(idsOf(r.hits)[0]).toBe(F.inspectEn.id);
      const verb = await engine().search(request("inspect", { prefix: false }), null);
      expect(idsOf(verb.hits)).toContain(F.inspectEn.id);
    });

    it("matches a prefix while typing: camer finds camera", async () => {
      const r = await engine().search(request("camer"), null);
      expect(idsOf(r.hits)[0]).toBe(F.cameraEn.id);
    });

    it("tolerates a typo: survelance finds surveillance and says so", async () => {
      const r = await engine().search(request("survelance", { prefix: false }), null);
      expect(idsOf(r.hits)).toContain(F.surveillanceEn.id);
      expect(r.correctedQuery ?? "surveillance").toMatch(/surveillance/);
    });

    it("combines filters with a query", async () => {
      const r = await engine().search(request("老人", { filters: { type: "demand" } }), null);
      expect(idsOf(r.hits)).toEqual([F.taxiZh.id]);
      const tech = await engine().search(request("", { filters: { technology: 7 } }), null);
      expect(idsOf(tech.hits).sort()).toEqual([F.cameraEn.id, F.surveillanceEn.id].sort());
      const gov = await engine().search(request("监测", { filters: { domain: "governance", subdistrict: 2 } }), null);
      expect(idsOf(gov.hits)).toEqual([F.manholeZh.id]);
    });

    it("counts facets over the matches", async () => {
      const r = await engine().search(request("老人"), null);
      const types = Object.fromEntries(r.facets.type.map((f) => [f.value, f.count]));
      expect(types.demand).toBe(1);
      expect(r.total).toBe(r.facets.type.reduce((n, f) => n + f.count, 0));
    });

    it("highlights what matched, Chinese and English", async () => {
      const r = await engine().search(request("独居老人"), null);
      const title = r.hits[0].titleHighlight.filter((p) => p.hit).map((p) => p.text);
      expect(title).toEqual(["独居老人"]);
      const en = await engine().search(request("cameras", { prefix: false }), null);
      expect(en.hits[0].snippet.some((p) => p.hit && /camera/i.test(p.text))).toBe(true);
    });

    it("shows a non-public item only to those allowed", async () => {
      const q = request("未公开");
      expect((await engine().search(q, null)).total).toBe(0);
      const outsider: SearchViewer = { id: 5, official: false, organizationIds: [1] };
      expect((await engine().search(q, outsider)).total).toBe(0);
      const member: SearchViewer = { id: 6, official: false, organizationIds: [99] };
      expect(idsOf((await engine().search(q, member)).hits)).toEqual([F.hiddenDraftLike.id]);
      const official: SearchViewer = { id: 7, official: true, organizationIds: [] };
      expect((await engine().search(q, official)).total).toBe(1);
    });

    it("with anyOf, matches documents having any of the words, those with more first", async () => {
      const words = "窨井盖 独居老人 烟感 camera";
      expect((await engine().search(request(words, { prefix: false }), null)).total).toBe(0);
      const r = await engine().search(request(words, { prefix: false, anyOf: true }), null);
      const ids = idsOf(r.hits);
      expect(ids).toEqual(expect.arrayContaining([F.manholeZh.id, F.aloneElderly.id, F.aloneApart.id, F.cameraEn.id]));
      // 独居老人 and 烟感 both match the safety kit: it outranks the one matching 独居老人 alone.
      expect(ids.indexOf(F.aloneElderly.id)).toBeLessThan(ids.indexOf(F.aloneApart.id));
      expect(ids).not.toContain(F.agriBank.id);
    });

    it("pages through results and removes documents", async () => {
      const all = await engine().search(request("", { perPage: 3 }), null);
      expect(all.hits).toHaveLength(3);
      const second = await engine().search(request("", { perPage: 3, page: 2 }), null);
      expect(idsOf(second.hits).some((id) => idsOf(all.hits).includes(id))).toBe(false);
      await engine().remove([{ type: "application", id: F.manholeZh.id }]);
      expect((await engine().search(request("窨井盖"), null)).total).toBe(0);
      await engine().upsert([F.manholeZh]);
    });
  });
}
