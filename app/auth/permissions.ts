/**
 * Who may do what, in one table. Permission strings read
 * `action:entity:access` (as in the Epic Stack): `any` is over everybody's
 * records, `own` over the user's own (or their organisation's). Shared by the
 * server (where every loader and action checks it) and the UI (which only
 * hides what the server would refuse anyway).
 */
import type { Role } from "../../db/enums";

export const PERMISSIONS = [
  "read:account:own",
  "create:demand:own",
  "support:demand:own",
  "create:application:own",
  "update:organization:own",
  "create:demand:on-behalf",
  "review:item:assigned",
  "verify:organization:any",
  "read:item:any",
  "manage:campaign:any",
  "import:item:any",
  "manage:roles:any",
  "manage:users:any",
  "propose:match:subdistrict",
  "respond:demand:own",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  resident: ["read:account:own", "create:demand:own", "support:demand:own"],
  community_worker: [
    "read:account:own",
    "create:demand:own",
    "support:demand:own",
    "create:demand:on-behalf",
    "propose:match:subdistrict",
  ],
  firm_member: [
    "read:account:own",
    "create:demand:own",
    "create:application:own",
    "update:organization:own",
    "respond:demand:own",
  ],
  reviewer: ["read:account:own", "review:item:assigned"],
  official: [
    "read:account:own",
    "verify:organization:any",
    "read:item:any",
    "manage:campaign:any",
    "import:item:any",
    "create:demand:own",
    "propose:match:subdistrict",
  ],
  admin: ["read:account:own", "manage:roles:any", "manage:users:any", "verify:organization:any"],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r] ?? []));
}

export function can(user: { roles: readonly Role[] } | null | undefined, permission: Permission): boolean {
  return !!user && permissionsOf(user.roles).has(permission);
}
