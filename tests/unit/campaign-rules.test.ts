/**
 * The pure rules of campaigns: the form schema as conform parses a real
 * form (messages beside the right fields), rubric normalisation, and which
 * stage changes the stage page may make.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";

import { normaliseRubric, sameRubric, campaignCreateSchema, campaignUpdateSchema, shanghaiDate, shanghaiMidnight } from "../../app/campaigns/schema.server";
import { checkStageMove, nextStage, previousStage } from "../../app/campaigns/stages";
import { DEFAULT_RUBRIC } from "../../db/enums";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const VALID = {
  titleZh: "2026 年场景征集",
  titleEn: "2026 open call",
  slug: "2026-Test-Call",
  opensAt: "2026-03-01",
  closesAt: "2026-06-30",
  "rubric[0].key": "innovation",
  "rubric[0].labelZh": "创新性",
  "rubric[0].labelEn": "Innovation",
  "rubric[0].weight": "3",
  "rubric[0].scaleMax": "10",
  "rubric[1].key": "feasibility",
  "rubric[1].labelZh": "可行性",
  "rubric[1].labelEn": "Feasibility",
  "rubric[1].weight": "1",
  "rubric[1].scaleMax": "5",
};

describe("the campaign form", () => {
  it("accepts a complete form, with the documented defaults", () => {
    const submission = parseWithZod(form(VALID), { schema: campaignCreateSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      slug: "2026-test-call",
      applicationQuota: 100,
      demandQuota: 10,
      reviewersPerItem: 3,
      descriptionZh: "",
    });
    expect(submission.value.vendorCap).toBeUndefined();
    expect(submission.value.rubric).toHaveLength(2);
  });

  it("puts each message beside its field", () => {
    const submission = parseWithZod(
      form({
        ...VALID,
        titleZh: "",
        slug: "no spaces!",
        closesAt: "2026-02-01",
        reviewersPerItem: "11",
        vendorCap: "0",
        applicationQuota: "-1",
        "rubric[1].key": "innovation",
        "rubric[1].weight": "0",
        "rubric[0].scaleMax": "1",
      }),
      { schema: campaignCreateSchema },
    );
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors).toMatchObject({
      titleZh: ["campaigns:errors.titleRequired"],
      slug: ["campaigns:errors.slugFormat"],
      closesAt: ["campaigns:errors.closesBeforeOpens"],
      reviewersPerItem: ["campaigns:errors.reviewersPerItem"],
      vendorCap: ["campaigns:errors.vendorCap"],
      applicationQuota: ["campaigns:errors.quota"],
      "rubric[1].key": ["campaigns:errors.keyDuplicate"],
      "rubric[1].weight": ["campaigns:errors.weight"],
      "rubric[0].scaleMax": ["campaigns:errors.scaleMax"],
    });
  });

  it("reports a duplicate key even when the criterion lacks its labels", () => {
    const submission = parseWithZod(form({ ...VALID, "rubric[1].key": "innovation", "rubric[1].labelZh": "", "rubric[1].labelEn": "" }), {
      schema: campaignCreateSchema,
    });
    expect(submission.reply().error).toMatchObject({
      "rubric[1].key": ["campaigns:errors.keyDuplicate"],
      "rubric[1].labelZh": ["campaigns:errors.labelRequired"],
    });
  });

  it("needs at least one rubric criterion", () => {
    const { "rubric[0].key": _a, "rubric[0].labelZh": _b, "rubric[0].labelEn": _c, "rubric[0].weight": _d, "rubric[0].scaleMax": _e, ...rest } = VALID;
    const noRubric = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith("rubric")));
    const submission = parseWithZod(form(noRubric), { schema: campaignCreateSchema });
    expect(submission.reply().error?.rubric).toEqual(["campaigns:errors.rubricEmpty"]);
  });

  it("refuses impossible dates", () => {
    const submission = parseWithZod(form({ ...VALID, opensAt: "2026-02-30" }), { schema: campaignCreateSchema });
    expect(submission.reply().error?.opensAt).toEqual(["campaigns:errors.dateFormat"]);
  });

  it("edits carry the version; the rubric may be left out", () => {
    const noRubric = Object.fromEntries(Object.entries(VALID).filter(([k]) => !k.startsWith("rubric")));
    const ok = parseWithZod(form({ ...noRubric, version: "4" }), { schema: campaignUpdateSchema });
    expect(ok.status).toBe("success");
    if (ok.status === "success") expect(ok.value.version).toBe(4);
    const missing = parseWithZod(form(noRubric), { schema: campaignUpdateSchema });
    expect(missing.reply().error?.version).toEqual(["campaigns:errors.stale"]);
  });
});

describe("rubric normalisation", () => {
  it("scales positive weights to sum to 1", () => {
    const rubric = normaliseRubric([
      { key: "a", labelZh: "甲", labelEn: "A", weight: 30, scaleMax: 10 },
      { key: "b", labelZh: "乙", labelEn: "B", weight: 20, scaleMax: 10 },
      { key: "c", labelZh: "丙", labelEn: "C", weight: 50, scaleMax: 5 },
    ]);
    expect(rubric.map((c) => c.weight)).toEqual([0.3, 0.2, 0.5]);
    const thirds = normaliseRubric(["a", "b", "c"].map((key) => ({ key, labelZh: key, labelEn: key, weight: 1, scaleMax: 10 })));
    expect(Math.abs(thirds.reduce((s, c) => s + c.weight, 0) - 1)).toBeLessThan(1e-5);
  });

  it("treats the same criteria with proportional weights as the same rubric", () => {
    const scaled = DEFAULT_RUBRIC.map((c) => ({ ...c, weight: c.weight * 100 }));
    expect(sameRubric(scaled, DEFAULT_RUBRIC)).toBe(true);
    expect(sameRubric(DEFAULT_RUBRIC.slice(1), DEFAULT_RUBRIC)).toBe(false);
    expect(sameRubric(DEFAULT_RUBRIC.map((c, i) => (i === 0 ? { ...c, labelEn: "Novelty" } : c)), DEFAULT_RUBRIC)).toBe(false);
  });
});

describe("Shanghai dates", () => {
  it("reads and writes calendar days in Beijing time", () => {
    const d = shanghaiMidnight("2026-03-01");
    expect(d.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(shanghaiDate(d)).toBe("2026-03-01");
  });
});

describe("stage changes", () => {
  it("moves forward one stage at a time, never past publication from here", () => {
    expect(nextStage("collecting")).toBe("screening");
    expect(nextStage("closed")).toBeNull();
    expect(previousStage("collecting")).toBeNull();
    expect(checkStageMove("collecting", "screening")).toEqual({ direction: "forward", refusal: null });
    expect(checkStageMove("screening", "reviewing")).toEqual({ direction: "forward", refusal: null });
    expect(checkStageMove("reviewing", "shortlisting")).toEqual({ direction: "forward", refusal: null });
    expect(checkStageMove("shortlisting", "published").refusal).toBe("publish_elsewhere");
    expect(checkStageMove("published", "closed")).toEqual({ direction: "forward", refusal: null });
    expect(checkStageMove("collecting", "reviewing").refusal).toBe("not_adjacent");
    expect(checkStageMove("collecting", "collecting").refusal).toBe("not_adjacent");
  });

  it("steps back one stage only with a reason, and never un-publishes", () => {
    expect(checkStageMove("screening", "collecting").refusal).toBe("reason_required");
    expect(checkStageMove("screening", "collecting", "  ").refusal).toBe("reason_required");
    expect(checkStageMove("screening", "collecting", "提交截止日延后")).toEqual({ direction: "back", refusal: null });
    expect(checkStageMove("published", "shortlisting", "oops").refusal).toBe("cannot_unpublish");
    expect(checkStageMove("closed", "published", "reopened by mistake")).toEqual({ direction: "back", refusal: null });
    expect(checkStageMove("shortlisting", "screening", "x").refusal).toBe("not_adjacent");
  });
});
