/**
 * The local mailbox: the e-mails the portal wrote (delivered or kept local
 * when no SMTP server is configured), for developers. Open when NODE_ENV is
 * not `production`, and to administrators always; never to the public in
 * production.
 */
import { count, desc, eq } from "drizzle-orm";

import type { Database } from "../../db/client";
import type { Role } from "../../db/enums";
import { outgoingEmails } from "../../db/schema";
import { env } from "~/utils/env.server";

export const MAILBOX_PAGE_SIZE = 30;

export function mailboxOpenTo(user: { roles: readonly Role[] } | null): boolean {
  return env().NODE_ENV !== "production" || !!user?.roles.includes("admin");
}

export async function listMailbox(db: Database, options: { page?: number } = {}) {
  const [{ total }] = await db.select({ total: count() }).from(outgoingEmails);
  const pageCount = Math.max(1, Math.ceil(Number(total) / MAILBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pageCount);
  const rows = await db
    .select({
      id: outgoingEmails.id,
      toAddress: outgoingEmails.toAddress,
      subject: outgoingEmails.subject,
      status: outgoingEmails.status,
      attempts: outgoingEmails.attempts,
      createdAt: outgoingEmails.createdAt,
    })
    .from(outgoingEmails)
    .orderBy(desc(outgoingEmails.createdAt), desc(outgoingEmails.id))
    .limit(MAILBOX_PAGE_SIZE)
    .offset((page - 1) * MAILBOX_PAGE_SIZE);
  return { rows, total: Number(total), page, pageCount };
}

export async function getMail(db: Database, id: number) {
  const [row] = await db.select().from(outgoingEmails).where(eq(outgoingEmails.id, id)).limit(1);
  return row ?? null;
}
