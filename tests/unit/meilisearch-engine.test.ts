/**
 * The pure parts of the Meilisearch engine: settings, filter building,
 * document mapping, query tokens. (The shared engine suite runs against a real
 * server in tests/integration/search/meilisearch-engine.test.ts when MEILISEARCH_URL is set.)
 */
import { describe, expect, it } from "vitest";

import {
  facetsFrom,
  meiliFilter,
  meiliMatchingStrategy,
  meiliQuery,
  meiliSettings,
  meiliSort,
  meiliSynonyms,
  PUTUO_DICTIONARY,
  toMeiliDocument,
} from "../../search/engines/meilisearch";
import type { SearchDocument } from "../../search/types";

const doc: SearchDocument = {
  type: "application",
  id: 42,
  title: "独居老人安全守护",
  altTitle: "",
  summary: "Smart sensors",
  body: "长寿路街道试点",
  keywords: "物联网 IoT 长寿路街道",
  lang: "zh-CN",
  domain: "life",
  status: "selected",
  subdistrictIds: [3],
  technologyIds: [7, 9],
  organizationId: 5,
  campaignId: 1,
  isPublic: true,
  authorId: 8,
  memberOrganizationId: 5,
  reviewerIds: [11],
  supportCount: 0,
  sortDate: "2021-01-15T00:00:00.000Z",
};

describe("Meilisearch engine, pure parts", () => {
  it("maps documents with our tokens and a stable uid", () => {
    const m = toMeiliDocument(doc);
    expect(m.uid).toBe("application-42");
    expect(m.title_tokens.split(" ")).toEqual(["独居", "居老", "老人", "人安", "安全", "全守", "守护"]);
    expect(m.summary_tokens).toBe("smart sensor");
    expect(m.sortTs).toBe(Date.parse("2021-01-15T00:00:00.000Z"));
  });

  it("declares searchable, filterable, sortable, localised attributes, dictionary and synonyms", () => {
    const s = meiliSettings();
    expect(s.searchableAttributes?.[0]).toBe("title_tokens");
    expect(s.filterableAttributes).toEqual(expect.arrayContaining(["type", "domain", "subdistrictIds", "technologyIds", "isPublic", "reviewerIds"]));
    expect(s.sortableAttributes).toEqual(["sortTs", "supportCount"]);
    expect(s.localizedAttributes?.[0].locales).toEqual(["cmn", "eng"]);
    expect(s.dictionary).toEqual(PUTUO_DICTIONARY);
    expect(PUTUO_DICTIONARY).toContain("甘泉路");
    const syn = meiliSynonyms();
    expect(syn["老人"]).toEqual(expect.arrayContaining(["长者", "老年 年人", "elderli"]));
    expect(syn["elderli"]).toContain("老人");
  });

  it("builds filters with the visibility rule for each kind of viewer", () => {
    expect(meiliFilter({}, null)).toBe("isPublic = true");
    expect(meiliFilter({ type: "demand", subdistrict: 3, technology: 7 }, { id: 1, official: true, organizationIds: [] })).toBe(
      'type = "demand" AND subdistrictIds = 3 AND technologyIds = 7',
    );
    expect(meiliFilter({ domain: 'life" OR isPublic = false' }, { id: 4, official: false, organizationIds: [5, 6] })).toBe(
      'domain = "life\\" OR isPublic = false" AND (isPublic = true OR authorId = 4 OR reviewerIds = 4 OR memberOrganizationId IN [5, 6])',
    );
  });

  it("sends our tokens as the query, the typed word raw for prefix matching", () => {
    expect(meiliQuery("独居老人", true)).toBe("独居 老人");
    expect(meiliQuery("中国农业", false)).toBe("中国 农业");
    expect(meiliQuery("smart camer", true)).toBe("smart camer");
    expect(meiliQuery("inspections", false)).toBe("inspect");
  });

  it("sorts and reads facets", () => {
    expect(meiliSort("relevance")).toBeUndefined();
    expect(meiliSort("newest")).toEqual(["sortTs:desc"]);
    const f = facetsFrom({ type: { demand: 2, application: 5 }, subdistrictIds: { "3": 4 } });
    expect(f.type).toEqual([{ value: "application", count: 5 }, { value: "demand", count: 2 }]);
    expect(f.subdistrict).toEqual([{ value: "3", count: 4 }]);
    expect(f.campaign).toEqual([]);
  });

  it("asks for every word, or with anyOf drops the most frequent words until enough match", () => {
    expect(meiliMatchingStrategy({})).toBe("all");
    expect(meiliMatchingStrategy({ anyOf: false })).toBe("all");
    expect(meiliMatchingStrategy({ anyOf: true })).toBe("frequency");
  });
});
