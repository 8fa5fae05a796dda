/**
 * Accounts: the demo accounts (one or more per role, all with one memorable
 * password) and the first administrator of a production start, taken from
 * ADMIN_EMAIL / ADMIN_PASSWORD.
 */
import { sql } from "drizzle-orm";

import { writeAudit } from "../../app/audit/audit.server";
import { hashPassword } from "../../app/auth/password.server";
import type { Database } from "../client";
import type { Role } from "../enums";
import { userRoles, users } from "../schema";

/** The one password of every demo account (and of the generated users). */
export const DEMO_PASSWORD = "Putuo-demo-2021";

export type DemoAccount = {
  role: Role;
  email: string;
  password: string;
  displayName: string;
  note: string;
  /** Organisation (by slug) the account belongs to, and as what. */
  organization?: string;
  membership?: "owner" | "member";
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    role: "resident",
    email: "resident@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "陈晓雯",
    note: "Resident of Ganquan Road: submits demands and supports others' (居民)",
  },
  {
    role: "community_worker",
    email: "worker@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "王丽萍",
    note: "Community worker at the Ganquan Road Subdistrict Office: submits demands on behalf of residents (社区工作者)",
    organization: "ganquan-road-office",
    membership: "member",
  },
  {
    role: "firm_member",
    email: "huawei@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "李志远",
    note: "Owner of the Huawei profile: edits it and submits applications (企业用户，华为)",
    organization: "huawei",
    membership: "owner",
  },
  {
    role: "firm_member",
    email: "360@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "赵敏",
    note: "Member of 360 Security Technology: submits applications and keeps the 360 profile (企业用户，360)",
    organization: "360-security",
    membership: "member",
  },
  {
    role: "reviewer",
    email: "reviewer@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "周建华",
    note: "Expert reviewer (评审专家)",
  },
  {
    role: "reviewer",
    email: "reviewer2@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "孙静",
    note: "Expert reviewer (评审专家)",
  },
  {
    role: "reviewer",
    email: "reviewer3@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "吴海峰",
    note: "Expert reviewer from the Suhe Institute for Digital Cities (评审专家，研究院)",
    organization: "suhe-digital-city-institute",
    membership: "member",
  },
  {
    role: "official",
    email: "official@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "郑伟",
    note: "Official of the district Science and Technology Commission: runs the campaign (区科委)",
    organization: "putuo-stc",
    membership: "member",
  },
  {
    role: "admin",
    email: "admin@putuo.example",
    password: DEMO_PASSWORD,
    displayName: "系统管理员",
    note: "Administrator: accounts, organisations, roles (管理员)",
  },
];

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Make sure an administrator with this e-mail exists (a production start
 * without demo data). A new account gets the password; an existing account
 * keeps its password and is granted the admin role if it lacks it.
 */
export async function ensureFirstAdmin(db: Database, email: string, password: string): Promise<"created" | "exists"> {
  const address = normaliseEmail(email);
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw new Error(`ADMIN_EMAIL is not an e-mail address: ${email}`);
  if (password.length < 10) throw new Error("ADMIN_PASSWORD must have at least 10 characters");

  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${address}`);
  if (existing) {
    await grantAdmin(db, existing.id);
    return "exists";
  }

  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: address, passwordHash, displayName: "Administrator" })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!user) return null; // Created meanwhile by another process.
    await tx.insert(userRoles).values({ userId: user.id, role: "admin" });
    await writeAudit(tx, {
      actorId: null,
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      data: { role: "admin", source: "ADMIN_EMAIL" },
    });
    return user;
  });
  if (!created) {
    const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${address}`);
    if (row) await grantAdmin(db, row.id);
    return "exists";
  }
  return "created";
}

async function grantAdmin(db: Database, userId: number) {
  await db.transaction(async (tx) => {
    const granted = await tx
      .insert(userRoles)
      .values({ userId, role: "admin" })
      .onConflictDoNothing()
      .returning({ userId: userRoles.userId });
    if (granted.length > 0) {
      await writeAudit(tx, {
        actorId: null,
        action: "role.grant",
        entityType: "user",
        entityId: userId,
        data: { role: "admin", source: "ADMIN_EMAIL" },
      });
    }
  });
}
