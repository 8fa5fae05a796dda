/**
 * The mail sender: without SMTP the rows go to the local mailbox; with a
 * failing SMTP server (a closed local port) it retries on its backoff
 * schedule and gives up after MAX_ATTEMPTS; with a working one (a tiny SMTP
 * server in this test) it sends. A background pass never throws.
 */
import net from "node:net";

import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { deliverPendingEmails, deliverSoon, mailerIdle, MAX_ATTEMPTS, nextAttemptAt } from "../../../app/notifications/mailer.server";
import { notify } from "../../../app/notifications/notify.server";
import type { Database } from "../../../db/client";
import { outgoingEmails } from "../../../db/schema";
import { buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Just enough SMTP to accept messages; records what it received. */
async function fakeSmtpServer() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current = { from: "", to: [] as string[], data: "" };
    socket.write("220 localhost ESMTP test\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: "", to: [], data: "" };
          socket.write("250 OK queued\r\n");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") socket.write("250-localhost\r\n250 8BITMIME\r\n");
        else if (verb === "MAIL") {
          current.from = line;
          socket.write("250 OK\r\n");
        } else if (verb === "RCPT") {
          current.to.push(line);
          socket.write("250 OK\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
          return;
        } else socket.write("250 OK\r\n");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(DB_KINDS)("mailer on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  async function queueMail(locale: "zh-CN" | "en" = "en") {
    const user = await buildUser(t.db, { locale });
    await t.db.transaction((tx) =>
      notify(tx, { userIds: [user.id], kind: "reviewReminder", params: { pending: 2, campaignZh: "征集", campaignEn: "Call" }, link: "/review" }),
    );
    const [row] = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.toAddress, user.email));
    return { user, row };
  }

  it("marks e-mails local when no SMTP server is configured", async () => {
    const { row } = await queueMail();
    expect(row.status).toBe("pending");
    expect(row.body).toContain("http://localhost:3000/review");
    expect(await deliverPendingEmails(t.db, { smtpUrl: null })).toEqual({ sent: 0, retrying: 0, failed: 0, local: 1 });
    const [after] = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.id, row.id));
    expect(after.status).toBe("local");
    expect(after.sentAt).not.toBeNull();
    expect(await deliverPendingEmails(t.db, { smtpUrl: null })).toMatchObject({ local: 0 });
  });

  it("retries with backoff against a failing SMTP server, then gives up", async () => {
    const smtpUrl = `smtp://user:pass@127.0.0.1:${await closedPort()}`;
    const { row } = await queueMail();
    const created = row.createdAt;
    const at = (ms: number) => new Date(created.getTime() + ms);

    expect(await deliverPendingEmails(t.db, { smtpUrl, now: at(1000) })).toEqual({ sent: 0, retrying: 1, failed: 0, local: 0 });
    let [state] = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.id, row.id));
    expect(state).toMatchObject({ status: "pending", attempts: 1 });
    expect(state.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Not due yet: the second attempt waits 30 s from creation.
    expect(await deliverPendingEmails(t.db, { smtpUrl, now: at(10_000) })).toEqual({ sent: 0, retrying: 0, failed: 0, local: 0 });
    expect(nextAttemptAt(created, 1)).toEqual(at(30_000));
    expect(await deliverPendingEmails(t.db, { smtpUrl, now: at(30_000) })).toMatchObject({ retrying: 1 });
    [state] = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.id, row.id));
    expect(state.attempts).toBe(2);

    for (let attempt = 3; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverPendingEmails(t.db, { smtpUrl, now: nextAttemptAt(created, attempt - 1) });
    }
    [state] = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.id, row.id));
    expect(state).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await deliverPendingEmails(t.db, { smtpUrl, now: at(86_400_000) })).toEqual({ sent: 0, retrying: 0, failed: 0, local: 0 });
  });

  it("sends through a working SMTP server", async () => {
    const smtp = await fakeSmtpServer();
    try {
      const { user, row } = await queueMail("zh-CN");
      const report = await deliverPendingEmails(t.db, { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: "Putuo Lab <lab@example.org>" });
      expect(report).toEqual({ sent: 1, retrying: 0, failed: 0, local: 0 });
      const [after] = await t.db.select().from(outgoingEmails).where(eq(outgoingEmails.id, row.id));
      expect(after).toMatchObject({ status: "sent", attempts: 1, lastError: null });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to[0]).toContain(user.email);
      expect(smtp.received[0].from).toContain("lab@example.org");
    } finally {
      await smtp.close();
    }
  });
});

describe("deliverSoon", () => {
  it("never throws into the request, even when the database fails", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = {
      update() {
        throw new Error("database is down");
      },
    } as unknown as Database;
    expect(() => deliverSoon(broken)).not.toThrow();
    await mailerIdle();
    expect(log).toHaveBeenCalledWith(expect.stringContaining("database is down"));
    log.mockRestore();
  });
});
