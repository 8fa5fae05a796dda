import { describe, expect, it } from "vitest";

import { assertCan, ForbiddenError, forbiddenAs403 } from "../../app/auth/authorize.server";
import { can, PERMISSIONS, permissionsOf } from "../../app/auth/permissions";
import { ROLES, type Role } from "../../db/enums";

describe("permission table (can)", () => {
  const table: [Role, string, boolean][] = [
    ["resident", "read:account:own", true],
    ["resident", "create:demand:own", true],
    ["resident", "verify:organization:any", false],
    ["resident", "manage:roles:any", false],
    ["resident", "manage:users:any", false],
    ["firm_member", "create:application:own", true],
    ["firm_member", "update:organization:own", true],
    ["firm_member", "verify:organization:any", false],
    ["community_worker", "create:demand:on-behalf", true],
    ["reviewer", "review:item:assigned", true],
    ["reviewer", "manage:campaign:any", false],
    ["official", "verify:organization:any", true],
    ["official", "manage:campaign:any", true],
    ["official", "manage:roles:any", false],
    ["admin", "manage:roles:any", true],
    ["admin", "manage:users:any", true],
    ["admin", "verify:organization:any", true],
    ["admin", "create:application:own", false],
  ];
  it.each(table)("%s → %s is %s", (role, permission, expected) => {
    expect(can({ roles: [role] }, permission as (typeof PERMISSIONS)[number])).toBe(expected);
  });

  it("refuses nobody-signed-in and a user without roles", () => {
    expect(can(null, "read:account:own")).toBe(false);
    expect(can(undefined, "read:account:own")).toBe(false);
    expect(can({ roles: [] }, "read:account:own")).toBe(false);
  });

  it("unions the permissions of several roles", () => {
    const both = permissionsOf(["firm_member", "official"]);
    expect(both.has("create:application:own")).toBe(true);
    expect(both.has("verify:organization:any")).toBe(true);
  });

  it("gives every role at least read:account:own, and only known permissions", () => {
    for (const role of ROLES) {
      const perms = permissionsOf([role]);
      expect(perms.has("read:account:own")).toBe(true);
      for (const p of perms) expect(PERMISSIONS).toContain(p);
    }
  });
});

describe("domain permission checks", () => {
  it("assertCan throws a typed ForbiddenError", () => {
    expect(() => assertCan({ id: 1, roles: ["resident"] }, "manage:roles:any")).toThrow(ForbiddenError);
    expect(() => assertCan({ id: 1, roles: ["admin"] }, "manage:roles:any")).not.toThrow();
    expect(() => assertCan(null, "read:account:own")).toThrow(ForbiddenError);
  });

  it("forbiddenAs403 maps ForbiddenError to a 403 Response and passes other errors through", async () => {
    const refused = await forbiddenAs403(Promise.reject(new ForbiddenError("manage:roles:any"))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    await expect(forbiddenAs403(Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(forbiddenAs403(Promise.resolve(42))).resolves.toBe(42);
  });
});
