/**
 * Accounts: sign-up, sign-in (rate-limited), sign-out, profile and password.
 * Routes validate the form with the schemas below and call one function; the
 * rules (unique e-mail, the firm a member joins, who may sign in) live here.
 *
 * Validation messages are translation keys (`auth:errors.…`), rendered by the
 * form components in the visitor's language.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";

import type { Database } from "../../db/client";
import type { Role } from "../../db/enums";
import { memberships, organizations, sessions, userRoles, users } from "../../db/schema";
import { writeAudit } from "~/audit/audit.server";
import { isLocale, LOCALES, type Locale } from "~/locales";
import { isUniqueViolation } from "~/utils/db-errors.server";

import { hashPassword, verifyPassword } from "./password.server";
import { beginLoginAttempt, recordLoginFailure, recordLoginSuccess, type LoginLimits } from "./rate-limit.server";
import { createSession, invalidateSession } from "./session.server";

export const PASSWORD_MIN = 10;
const PASSWORD_MAX = 200;

// ─── Field schemas ───────────────────────────────────────────────────────────

const emailField = z
  .string({ error: "auth:errors.emailRequired" })
  .trim()
  .toLowerCase()
  .max(254, "auth:errors.emailInvalid")
  .pipe(z.email({ error: "auth:errors.emailInvalid" }));

const newPasswordField = z
  .string({ error: "auth:errors.passwordRequired" })
  .min(PASSWORD_MIN, "auth:errors.passwordTooShort")
  .max(PASSWORD_MAX, "auth:errors.passwordTooLong");

const displayNameField = z
  .string({ error: "auth:errors.displayNameRequired" })
  .trim()
  .min(1, "auth:errors.displayNameRequired")
  .max(50, "auth:errors.displayNameTooLong");

/** Chinese mobile numbers: 11 digits from 13x–19x; "+86", spaces and dashes are accepted and dropped. */
export function normalizeChineseMobile(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
  return /^1[3-9]\d{9}$/.test(compact) ? compact : null;
}

const phoneField = z
  .string()
  .trim()
  .max(30, "auth:errors.phoneInvalid")
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const phone = normalizeChineseMobile(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "auth:errors.phoneInvalid" });
      return z.NEVER;
    }
    return phone;
  });

const orgNameField = (max: number) => z.string().trim().max(max, "auth:errors.orgNameTooLong").optional();

export const ACCOUNT_TYPES = ["resident", "firm_member"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const signUpSchema = z
  .object({
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string({ error: "auth:errors.confirmRequired" }),
    displayName: displayNameField,
    phone: phoneField,
    accountType: z.enum(ACCOUNT_TYPES, { error: "auth:errors.accountTypeRequired" }),
    organizationId: z.coerce.number({ error: "auth:errors.organizationInvalid" }).int("auth:errors.organizationInvalid").positive("auth:errors.organizationInvalid").optional(),
    newOrganizationNameZh: orgNameField(100),
    newOrganizationNameEn: orgNameField(150),
    redirectTo: z.string().optional(),
  })
  // `when`: also check these while other fields are still invalid, so every message shows at once
  // (the values may then be unparsed, hence the defensive checks).
  .superRefine(
    (v, ctx) => {
      if (typeof v.password === "string" && typeof v.confirmPassword === "string" && v.password !== v.confirmPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "auth:errors.passwordMismatch" });
      }
      if (v.accountType !== "firm_member") return;
      // Any value counts as a choice here (an invalid one already has its own message).
      const chose = v.organizationId !== undefined && v.organizationId !== null;
      const wantsNew = !!(v.newOrganizationNameZh || v.newOrganizationNameEn);
      if (chose && wantsNew) {
        ctx.addIssue({ code: "custom", path: ["newOrganizationNameZh"], message: "auth:errors.organizationChooseOne" });
      } else if (!chose && !wantsNew) {
        ctx.addIssue({ code: "custom", path: ["organizationId"], message: "auth:errors.organizationRequired" });
      } else if (!chose && !v.newOrganizationNameZh) {
        ctx.addIssue({ code: "custom", path: ["newOrganizationNameZh"], message: "auth:errors.orgNameZhRequired" });
      }
    },
    { when: () => true },
  );
export type SignUpInput = z.output<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: "auth:errors.passwordRequired" }).max(PASSWORD_MAX, "auth:errors.invalidCredentials"),
  redirectTo: z.string().optional(),
});
export type SignInInput = z.output<typeof signInSchema>;

export const profileSchema = z.object({
  intent: z.literal("profile"),
  displayName: displayNameField,
  phone: phoneField,
  locale: z.enum(LOCALES, { error: "auth:errors.localeInvalid" }),
});
export type ProfileInput = z.output<typeof profileSchema>;

export const changePasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string({ error: "auth:errors.currentPasswordRequired" }).max(PASSWORD_MAX, "auth:errors.currentPasswordWrong"),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: "auth:errors.confirmRequired" }),
  })
  .superRefine(
    (v, ctx) => {
      if (typeof v.newPassword === "string" && typeof v.confirmPassword === "string" && v.newPassword !== v.confirmPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "auth:errors.passwordMismatch" });
      }
    },
    { when: () => true },
  );
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/** The fields whose values are never echoed back to the browser after a failed POST. */
export const SECRET_FIELDS = ["password", "confirmPassword", "currentPassword", "newPassword"];

// ─── Results ─────────────────────────────────────────────────────────────────

export type FieldErrors = Record<string, string[]>;
export type NewSession = { userId: number; token: string; expiresAt: Date; locale: Locale };

// ─── Sign-up ─────────────────────────────────────────────────────────────────

/** Vendor organisations a new firm member may join, verified first, then by Chinese name. */
export async function vendorChoices(db: Database) {
  return db
    .select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn, verified: organizations.verified })
    .from(organizations)
    .where(eq(organizations.kind, "vendor"))
    .orderBy(sql`${organizations.verified} desc`, asc(organizations.nameZh));
}

function slugBase(nameEn: string | undefined, nameZh: string): string {
  const ascii = (nameEn ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  if (ascii) return ascii;
  // No Latin name: a stable short code from the Chinese one keeps the slug readable enough.
  let h = 0;
  for (const ch of nameZh) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return `org-${h.toString(36)}`;
}

async function freeSlug(tx: Database, base: string): Promise<string> {
  let candidate = base;
  for (let attempt = 0; attempt < 20; attempt++) {
    const [taken] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, candidate)).limit(1);
    if (!taken) return candidate;
    candidate = `${base}-${Math.random().toString(36).slice(2, 7)}`;
  }
  return `${base}-${Date.now().toString(36)}`;
}

export async function emailTaken(db: Database, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return !!row;
}

/** A rule broken inside the transaction: rolls it back and becomes a message beside a field. */
class FieldProblem extends Error {
  constructor(readonly field: string, readonly key: string) {
    super(key);
  }
}

/**
 * Create the account, its role, (for firms) the membership and maybe a new,
 * unverified organisation, and a session — all in one transaction with the
 * audit rows. A forged organisation id, a taken e-mail or a taken
 * organisation name change nothing and come back as field errors.
 */
export async function signUp(
  db: Database,
  input: SignUpInput,
  context: { userAgent?: string | null; locale?: Locale } = {},
): Promise<{ ok: true; session: NewSession } | { ok: false; fieldErrors: FieldErrors }> {
  if (await emailTaken(db, input.email)) {
    return { ok: false, fieldErrors: { email: ["auth:errors.emailTaken"] } };
  }
  const passwordHash = await hashPassword(input.password); // slow: outside the transaction
  const locale: Locale = context.locale && isLocale(context.locale) ? context.locale : "zh-CN";
  const role: Role = input.accountType === "firm_member" ? "firm_member" : "resident";

  try {
    const session = await db.transaction(async (tx) => {
      let organizationId: number | null = null;
      let membershipRole: "owner" | "member" = "member";
      let createdOrganization = false;
      if (role === "firm_member") {
        if (input.organizationId) {
          const [org] = await tx
            .select({ id: organizations.id, kind: organizations.kind })
            .from(organizations)
            .where(eq(organizations.id, input.organizationId))
            .limit(1);
          if (!org || org.kind !== "vendor") throw new FieldProblem("organizationId", "auth:errors.organizationInvalid");
          organizationId = org.id;
        } else {
          const nameZh = input.newOrganizationNameZh!;
          const nameEn = input.newOrganizationNameEn || nameZh;
          const [clash] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.nameZh, nameZh)).limit(1);
          if (clash) throw new FieldProblem("newOrganizationNameZh", "auth:errors.organizationExists");
          const [org] = await tx
            .insert(organizations)
            .values({ slug: await freeSlug(tx, slugBase(input.newOrganizationNameEn, nameZh)), nameZh, nameEn, kind: "vendor", verified: false })
            .returning({ id: organizations.id });
          organizationId = org.id;
          membershipRole = "owner";
          createdOrganization = true;
        }
      }

      const [user] = await tx
        .insert(users)
        .values({ email: input.email, passwordHash, displayName: input.displayName, phone: input.phone, locale })
        .returning({ id: users.id });
      await tx.insert(userRoles).values({ userId: user.id, role });
      if (organizationId) {
        await tx.insert(memberships).values({ userId: user.id, organizationId, role: membershipRole });
      }
      if (createdOrganization) {
        await writeAudit(tx, {
          actorId: user.id,
          action: "organization.create",
          entityType: "organization",
          entityId: organizationId,
          toStatus: "unverified",
        });
      }
      await writeAudit(tx, {
        actorId: user.id,
        action: "user.signup",
        entityType: "user",
        entityId: user.id,
        data: { role, organizationId, membershipRole: organizationId ? membershipRole : null },
      });
      const created = await createSession(tx, user.id, context.userAgent);
      return { userId: user.id, token: created.token, expiresAt: created.expiresAt, locale };
    });
    return { ok: true, session };
  } catch (error) {
    if (error instanceof FieldProblem) return { ok: false, fieldErrors: { [error.field]: [error.key] } };
    // Two sign-ups racing for one address or one organisation name.
    if (isUniqueViolation(error, "users_email_lower_idx")) return { ok: false, fieldErrors: { email: ["auth:errors.emailTaken"] } };
    if (isUniqueViolation(error, "organizations_name_zh_idx")) {
      return { ok: false, fieldErrors: { newOrganizationNameZh: ["auth:errors.organizationExists"] } };
    }
    throw error;
  }
}

// ─── Sign-in and sign-out ────────────────────────────────────────────────────

let dummyHash: Promise<string> | undefined;
/** Verified against when the e-mail is unknown, so both cases take as long. */
function timingDummy() {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  return dummyHash;
}

export type SignInResult =
  | { ok: true; session: NewSession }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Check the credentials under the rate limits. Wrong e-mail and wrong
 * password are one answer (`invalid`); a disabled account is only told so
 * when the password was right.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string },
  context: { ip: string; userAgent?: string | null; limits?: LoginLimits },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const gate = await beginLoginAttempt(db, email, context.ip, context.limits);
  if (!gate.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: gate.retryAfterSeconds };

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt, locale: users.locale })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await timingDummy(), input.password), false);
  if (!user || !valid) {
    await recordLoginFailure(db, email, context.ip, context.limits);
    return { ok: false, reason: "invalid" };
  }
  if (user.disabledAt) return { ok: false, reason: "disabled" };

  await recordLoginSuccess(db, email, context.ip, context.limits);
  const created = await createSession(db, user.id, context.userAgent);
  return {
    ok: true,
    session: { userId: user.id, token: created.token, expiresAt: created.expiresAt, locale: isLocale(user.locale) ? user.locale : "zh-CN" },
  };
}

/** Revoke one session (the row is deleted, so its token is worthless from now on). */
export async function signOut(db: Database, sessionId: string) {
  await invalidateSession(db, sessionId);
}

// ─── Profile and password ────────────────────────────────────────────────────

export type AccountActor = { id: number; email: string; sessionId: string };

/** The editable profile of one user (roles and organisations come with the current user). */
export async function getProfile(db: Database, userId: number) {
  const [row] = await db
    .select({ email: users.email, displayName: users.displayName, phone: users.phone, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function updateProfile(db: Database, actor: { id: number }, input: Omit<ProfileInput, "intent">) {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ displayName: users.displayName, phone: users.phone, locale: users.locale })
      .from(users)
      .where(eq(users.id, actor.id))
      .limit(1);
    if (!before) throw new Error(`No user ${actor.id}`);
    await tx
      .update(users)
      .set({ displayName: input.displayName, phone: input.phone, locale: input.locale })
      .where(eq(users.id, actor.id));
    const changed = (["displayName", "phone", "locale"] as const).filter((k) => before[k] !== input[k]);
    await writeAudit(tx, { actorId: actor.id, action: "user.profile_update", entityType: "user", entityId: actor.id, data: { changed } });
  });
}

/**
 * Change the password after checking the current one (counted like a
 * sign-in attempt, so a borrowed session cannot guess it freely). Every other
 * session of the user is revoked; the current one stays signed in.
 */
export async function changePassword(
  db: Database,
  actor: AccountActor,
  input: Omit<ChangePasswordInput, "intent">,
  context: { ip: string; limits?: LoginLimits },
): Promise<{ ok: true; revokedSessions: number } | { ok: false; fieldErrors: FieldErrors; retryAfterSeconds?: number }> {
  const gate = await beginLoginAttempt(db, actor.email, context.ip, context.limits);
  if (!gate.allowed) {
    return { ok: false, fieldErrors: { currentPassword: ["auth:errors.tooManyAttempts"] }, retryAfterSeconds: gate.retryAfterSeconds };
  }
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordLoginFailure(db, actor.email, context.ip, context.limits);
    return { ok: false, fieldErrors: { currentPassword: ["auth:errors.currentPasswordWrong"] } };
  }
  await recordLoginSuccess(db, actor.email, context.ip, context.limits);
  const passwordHash = await hashPassword(input.newPassword);
  const revokedSessions = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.id));
    const revoked = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.id), ne(sessions.id, actor.sessionId)))
      .returning({ id: sessions.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "user.password_change",
      entityType: "user",
      entityId: actor.id,
      data: { revokedSessions: revoked.length },
    });
    return revoked.length;
  });
  return { ok: true, revokedSessions };
}
