/**
 * Telling people what happened: an in-app notification per recipient and,
 * for those with an e-mail address, an outgoing e-mail row — both written in
 * the caller's transaction, so a notice is sent if and only if the change
 * committed. The mail sender (see mailer.server.ts) delivers the rows later.
 */
import { inArray } from "drizzle-orm";

import type { Executor } from "../audit/audit.server";
import { notifications, outgoingEmails, users } from "../../db/schema";
import { env } from "~/utils/env.server";
import { fixedT } from "~/utils/i18n.server";
import { isLocale, DEFAULT_LOCALE } from "~/locales";

export type Notice = {
  userIds: number[];
  /** A key of the `notifications` locale namespace, e.g. `itemRejected`. */
  kind: string;
  params?: Record<string, string | number>;
  /** A path on this site the notice points to. */
  link?: string;
  /** Also send an e-mail (default true). */
  email?: boolean;
};

export async function notify(tx: Executor, notice: Notice) {
  const ids = [...new Set(notice.userIds)];
  if (ids.length === 0) return;
  const params = notice.params ?? {};
  await tx.insert(notifications).values(
    ids.map((userId) => ({ userId, kind: notice.kind, params, link: notice.link ?? null })),
  );
  if (notice.email === false) return;
  const recipients = await tx
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, ids));
  if (recipients.length === 0) return;
  // E-mails leave the site: their links are absolute (PUBLIC_URL).
  const href = notice.link ? absoluteUrl(notice.link) : null;
  await tx.insert(outgoingEmails).values(
    recipients.map((r) => {
      const t = fixedT(isLocale(r.locale) ? r.locale : DEFAULT_LOCALE);
      const subject = t(`notifications:${notice.kind}.subject`, params);
      const body = [t(`notifications:${notice.kind}.body`, params), href ? `\n\n${t("notifications:linkLabel")} ${href}` : ""].join("");
      return { toAddress: r.email, subject, body };
    }),
  );
}

/** `path` on this site as an absolute URL for e-mails; other URLs unchanged. */
export function absoluteUrl(path: string): string {
  return path.startsWith("/") && !path.startsWith("//") ? `${env().PUBLIC_URL}${path}` : path;
}
