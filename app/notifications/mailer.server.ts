/**
 * Delivering the `outgoing_emails` rows that `notify` writes.
 *
 * - With `SMTP_URL` set, through nodemailer. A row is claimed by counting the
 *   attempt first (so two servers never send it twice at once); a failure
 *   keeps it `pending` with `lastError` until MAX_ATTEMPTS, then `failed`.
 *   Attempt n is due BASE_BACKOFF_SECONDS × (2ⁿ − 1) after the row was
 *   written (0 s, 30 s, 1.5 min, 3.5 min, 7.5 min): the schedule needs no
 *   extra column and holds across restarts and servers.
 * - Without it, rows are marked `local`: developers read them at /dev/mailbox.
 *
 * `deliverSoon()` runs a pass in the background after a request that
 * notified (it never throws into the request); `startMailer()` runs one on a
 * timer for retries and for rows written by other servers.
 */
import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import { and, eq, sql } from "drizzle-orm";

import { rowsOf, type Database } from "../../db/client";
import { outgoingEmails } from "../../db/schema";
import { db as processDb } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export const MAX_ATTEMPTS = 5;
export const BASE_BACKOFF_SECONDS = 30;
export const MAILER_INTERVAL_MS = 30_000;
const BATCH_SIZE = 50;

export type DeliveryReport = { sent: number; retrying: number; failed: number; local: number };

export type DeliveryOptions = {
  /** Overrides SMTP_URL; `null` means "no SMTP" (local mailbox). */
  smtpUrl?: string | null;
  from?: string;
  now?: Date;
  batchSize?: number;
};

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(url, transport);
  }
  return transport;
}

/** When the next attempt of a row written at `createdAt` with `attempts` made is due. */
export function nextAttemptAt(createdAt: Date, attempts: number): Date {
  return new Date(createdAt.getTime() + BASE_BACKOFF_SECONDS * 1000 * (2 ** attempts - 1));
}

/** One delivery pass over the due rows; returns what happened. */
export async function deliverPendingEmails(db: Database, options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const e = env();
  const smtpUrl = options.smtpUrl === undefined ? (e.SMTP_URL ?? null) : options.smtpUrl;
  const now = options.now ?? new Date();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, local: 0 };

  if (!smtpUrl) {
    const marked = await db
      .update(outgoingEmails)
      .set({ status: "local", sentAt: now })
      .where(eq(outgoingEmails.status, "pending"))
      .returning({ id: outgoingEmails.id });
    report.local = marked.length;
    return report;
  }

  const claimed = rowsOf<{ id: number; to_address: string; subject: string; body: string; attempts: number }>(
    await db.execute(sql`
      update ${outgoingEmails} set attempts = attempts + 1
      where id in (
        select id from ${outgoingEmails}
        -- Milliseconds, as JavaScript dates (nextAttemptAt) have them.
        where status = 'pending' and attempts < ${MAX_ATTEMPTS}
          and date_trunc('milliseconds', created_at) + (${BASE_BACKOFF_SECONDS} * (power(2, attempts) - 1)) * interval '1 second' <= ${now.toISOString()}::timestamptz
        order by id
        limit ${options.batchSize ?? BATCH_SIZE}
        for update skip locked
      )
      returning id, to_address, subject, body, attempts`),
  );
  const transport = transportFor(smtpUrl);
  const from = options.from ?? e.MAIL_FROM;
  for (const row of claimed) {
    try {
      await transport.sendMail({ from, to: row.to_address, subject: row.subject, text: row.body });
      await db
        .update(outgoingEmails)
        .set({ status: "sent", sentAt: new Date(), lastError: null })
        .where(eq(outgoingEmails.id, Number(row.id)));
      report.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const giveUp = Number(row.attempts) >= MAX_ATTEMPTS;
      await db
        .update(outgoingEmails)
        .set({ status: giveUp ? "failed" : "pending", lastError: message })
        .where(and(eq(outgoingEmails.id, Number(row.id)), eq(outgoingEmails.status, "pending")));
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

// ─── Running it in the server ────────────────────────────────────────────────

const state = globalThis as unknown as {
  __putuoMailer?: { running: Promise<void> | null; again: boolean; timer: NodeJS.Timeout | null };
};
const mailer = (state.__putuoMailer ??= { running: null, again: false, timer: null });

function logFailure(error: unknown) {
  console.error(`Mail delivery pass failed: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Start a delivery pass in the background (fire-and-forget): call it after a
 * request's transaction that notified has committed. Passes never overlap in
 * one process; a call during a pass schedules one more. Never throws.
 */
export function deliverSoon(database?: Database): void {
  if (mailer.running) {
    mailer.again = true;
    return;
  }
  mailer.running = (async () => {
    try {
      do {
        mailer.again = false;
        await deliverPendingEmails(database ?? (await processDb()));
      } while (mailer.again);
    } catch (error) {
      logFailure(error);
    } finally {
      mailer.running = null;
    }
  })();
}

/** Wait for the background pass, if any (tests, shutdown). */
export async function mailerIdle(): Promise<void> {
  while (mailer.running) await mailer.running;
}

/**
 * Deliver on a timer (every 30 s) for retries and rows from other servers;
 * call once from the server's start-up. Returns a function that stops it.
 */
export function startMailer(intervalMs = MAILER_INTERVAL_MS): () => void {
  if (!mailer.timer) {
    mailer.timer = setInterval(() => deliverSoon(), intervalMs);
    mailer.timer.unref();
    deliverSoon();
  }
  return () => {
    if (mailer.timer) clearInterval(mailer.timer);
    mailer.timer = null;
  };
}
