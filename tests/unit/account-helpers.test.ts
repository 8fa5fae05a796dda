import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";

import { changePasswordSchema, normalizeChineseMobile, signInSchema, signUpSchema } from "../../app/auth/accounts.server";
import { clientIp, LOCAL_CLIENT } from "../../app/utils/client-ip.server";
import { likePattern } from "../../app/utils/like-pattern.server";
import { isNoticeKey, noticeFrom, withNotice, withoutNotice } from "../../app/utils/notice";
import { safeRedirectPath } from "../../app/utils/redirect";

/** The field errors of a parsed submission (none when it succeeded). */
function errorsOf(submission: { status?: string } & ({ error?: unknown } | object)) {
  return "error" in submission ? submission.error : undefined;
}

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

const resident = {
  email: "  Li.Lei@Example.COM ",
  password: "long-enough-password",
  confirmPassword: "long-enough-password",
  displayName: " 李雷 ",
  accountType: "resident",
};

describe("sign-up schema", () => {
  it("accepts a resident, normalising e-mail, name and phone", () => {
    const s = parseWithZod(form({ ...resident, phone: "+86 138-1234-5678" }), { schema: signUpSchema });
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    expect(s.value).toMatchObject({ email: "li.lei@example.com", displayName: "李雷", phone: "13812345678", accountType: "resident" });
  });

  it("treats an empty phone as none", () => {
    const s = parseWithZod(form({ ...resident, phone: "" }), { schema: signUpSchema });
    expect(s.status === "success" && s.value.phone).toBe(null);
  });

  it("puts each problem beside its field, as translation keys", () => {
    const s = parseWithZod(
      form({ email: "not-an-email", password: "short", confirmPassword: "other", displayName: "", phone: "12345", accountType: "alien" }),
      { schema: signUpSchema },
    );
    expect(s.status).toBe("error");
    expect(errorsOf(s)).toMatchObject({
      email: ["auth:errors.emailInvalid"],
      password: ["auth:errors.passwordTooShort"],
      displayName: ["auth:errors.displayNameRequired"],
      phone: ["auth:errors.phoneInvalid"],
      accountType: ["auth:errors.accountTypeRequired"],
    });
  });

  it("requires matching passwords", () => {
    const s = parseWithZod(form({ ...resident, confirmPassword: "something-else!" }), { schema: signUpSchema });
    expect(errorsOf(s)).toEqual({ confirmPassword: ["auth:errors.passwordMismatch"] });
  });

  it("requires a firm member to choose a firm or name a new one, not both", () => {
    const firm = { ...resident, accountType: "firm_member" };
    expect(errorsOf(parseWithZod(form(firm), { schema: signUpSchema }))).toEqual({ organizationId: ["auth:errors.organizationRequired"] });
    expect(errorsOf(parseWithZod(form({ ...firm, organizationId: "3", newOrganizationNameZh: "新公司" }), { schema: signUpSchema }))).toEqual({
      newOrganizationNameZh: ["auth:errors.organizationChooseOne"],
    });
    expect(errorsOf(parseWithZod(form({ ...firm, newOrganizationNameEn: "Only English" }), { schema: signUpSchema }))).toEqual({
      newOrganizationNameZh: ["auth:errors.orgNameZhRequired"],
    });
    expect(errorsOf(parseWithZod(form({ ...firm, organizationId: "abc" }), { schema: signUpSchema }))).toMatchObject({
      organizationId: ["auth:errors.organizationInvalid"],
    });
    expect(parseWithZod(form({ ...firm, organizationId: "7" }), { schema: signUpSchema }).status).toBe("success");
    expect(parseWithZod(form({ ...firm, newOrganizationNameZh: "普陀新科技" }), { schema: signUpSchema }).status).toBe("success");
  });
});

describe("other account schemas", () => {
  it("sign-in needs both fields", () => {
    expect(errorsOf(parseWithZod(form({}), { schema: signInSchema }))).toEqual({
      email: ["auth:errors.emailRequired"],
      password: ["auth:errors.passwordRequired"],
    });
  });

  it("password change checks length and confirmation", () => {
    const s = parseWithZod(form({ intent: "password", currentPassword: "x", newPassword: "short", confirmPassword: "short" }), {
      schema: changePasswordSchema,
    });
    expect(errorsOf(s)).toEqual({ newPassword: ["auth:errors.passwordTooShort"] });
  });
});

describe("helpers", () => {
  it("normalises Chinese mobile numbers", () => {
    expect(normalizeChineseMobile("13812345678")).toBe("13812345678");
    expect(normalizeChineseMobile("+8613812345678")).toBe("13812345678");
    expect(normalizeChineseMobile("86 199 1234 5678")).toBe("19912345678");
    expect(normalizeChineseMobile("12812345678")).toBeNull(); // 12x is not a mobile prefix
    expect(normalizeChineseMobile("1381234567")).toBeNull();
    expect(normalizeChineseMobile("021-62345678")).toBeNull(); // a landline
  });

  it("takes the client address from the first X-Forwarded-For hop, else 'local'", () => {
    expect(clientIp(new Request("http://x/", { headers: { "x-forwarded-for": "203.0.113.7, 10.0.0.1" } }))).toBe("203.0.113.7");
    expect(clientIp(new Request("http://x/"))).toBe(LOCAL_CLIENT);
    expect(clientIp(new Request("http://x/", { headers: { "x-forwarded-for": " " } }))).toBe(LOCAL_CLIENT);
  });

  it("escapes LIKE wildcards", () => {
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });

  it("adds, reads and strips notices, only known ones", () => {
    expect(withNotice("/account", "profileSaved")).toBe("/account?notice=profileSaved");
    expect(withNotice("/admin/users?q=li&page=2", "roleGranted")).toBe("/admin/users?q=li&page=2&notice=roleGranted");
    expect(withNotice("/x?notice=signedIn", "signedOut")).toBe("/x?notice=signedOut");
    expect(noticeFrom("?notice=signedIn")).toBe("signedIn");
    expect(noticeFrom("?notice=<script>")).toBeNull();
    expect(isNoticeKey("toString")).toBe(false);
    expect(withoutNotice("/admin/users", "?q=li&notice=roleGranted")).toBe("/admin/users?q=li");
    expect(withoutNotice("/account", "?notice=profileSaved")).toBe("/account");
  });

  it("never turns a redirect target into another site", () => {
    for (const sneaky of ["/.//evil.example", "/\t/evil.example", "/\n/evil.example", "/%2F/evil.example"]) {
      const target = withNotice(safeRedirectPath(sneaky), "signedIn");
      expect(target.startsWith("/")).toBe(true);
      expect(target.startsWith("//")).toBe(false);
      expect(new URL(target, "https://putuo.example").host).toBe("putuo.example");
    }
  });

  it("keeps redirects on this site", () => {
    expect(safeRedirectPath("/account")).toBe("/account");
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath(null, "/home")).toBe("/home");
  });
});
