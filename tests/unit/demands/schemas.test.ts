/**
 * The demand forms as conform parses them from a browser's form data (with
 * JavaScript off): every field error is a translation key that exists in
 * both languages, and good input comes out typed and normalised.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";

import { demandCreateSchema, demandListQuerySchema, intakeFormSchema } from "../../../app/demands/schemas.server";
import { resources } from "../../../app/locales";

function form(fields: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
}

function hasKey(locale: "zh-CN" | "en", key: string) {
  const [ns, path] = key.split(":");
  let node: unknown = (resources[locale] as Record<string, unknown>)[ns];
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string";
}

const good: [string, string][] = [
  ["campaignId", "3"],
  ["title", " 老人一键叫车 "],
  ["description", "老人视力不好，打车软件太难用，希望打一个电话就能叫到出租车。"],
  ["domain", "life"],
  ["subdistrictId", "4"],
  ["targetGroupIds", "7"],
  ["targetGroupIds", "8"],
  ["raisedBy", "resident"],
  ["contactPreference", "email"],
  ["contactValue", "Shao@Example.com"],
];

describe("demand form parsing", () => {
  it("turns good form data into typed, normalised input", () => {
    const submission = parseWithZod(form(good), { schema: demandCreateSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      campaignId: 3,
      title: "老人一键叫车",
      subdistrictId: 4,
      targetGroupIds: [7, 8],
      scenarioTagIds: [],
      contactValue: "shao@example.com",
    });
  });

  it("reports every bad field at once, as keys present in both languages", () => {
    const bad: [string, string][] = [
      ["campaignId", "abc"],
      ["title", "长".repeat(81)],
      ["description", "短"],
      ["domain", "sports"],
      ["subdistrictId", ""],
      ["targetGroupIds", "x"],
      ["raisedBy", "mayor"],
      ["contactPreference", "phone"],
      ["contactValue", "123"],
    ];
    const submission = parseWithZod(form(bad), { schema: demandCreateSchema });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    for (const field of ["campaignId", "title", "description", "domain", "subdistrictId", "raisedBy", "contactValue"]) {
      expect(errors[field], field).toBeTruthy();
    }
    const keys = Object.values(errors).flat() as string[];
    expect(keys.some((k) => k.startsWith("targetGroupIds") || k.includes("targetGroups")) || Object.keys(errors).some((k) => k.startsWith("targetGroupIds"))).toBe(true);
    for (const key of keys) {
      expect(hasKey("zh-CN", key), key).toBe(true);
      expect(hasKey("en", key), key).toBe(true);
    }
  });

  it("checks the intake form's consent time (Shanghai local) and phone", () => {
    const future = new Date(Date.now() + 48 * 3600 * 1000).toISOString().slice(0, 16);
    const submission = parseWithZod(
      form([
        ["campaignId", "1"],
        ["residentName", "邵先生"],
        ["residentPhone", "12"],
        ["channel", "phone"],
        ["consentMethod", "verbal_phone"],
        ["consentAt", future],
        ["title", "一键叫车"],
        ["description", "老人视力不好，打车软件太难用，希望打一个电话就能叫到出租车。"],
        ["domain", "life"],
        ["subdistrictId", "1"],
      ]),
      { schema: intakeFormSchema },
    );
    const errors = submission.reply().error ?? {};
    expect(errors.residentPhone).toEqual(["intake:errors.phoneInvalid"]);
    expect(errors.consentAt).toEqual(["intake:errors.consentAtFuture"]);
    for (const key of Object.values(errors).flat() as string[]) expect(hasKey("en", key), key).toBe(true);
  });

  it("drops unknown list filters instead of failing", () => {
    expect(demandListQuerySchema.parse({ page: "abc", sort: "x", domain: "life", group: "elderly" })).toEqual({
      page: 1,
      sort: "newest",
      domain: "life",
      group: "elderly",
      subdistrict: undefined,
      status: undefined,
    });
  });
});
