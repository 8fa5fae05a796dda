/**
 * The inbox: unread first then newest, rendered in the reader's language,
 * paginated; marking read only ever touches the reader's own notices.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { INBOX_PAGE_SIZE, listInbox, markAllRead, markRead, renderNotice, unreadCount } from "../../../app/notifications/inbox.server";
import { notifications } from "../../../db/schema";
import { buildUser } from "../../helpers/builders";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

describe.each(DB_KINDS)("inbox on %s", (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await t.drop();
  });

  const params = { title: "一键叫车", itemTypeZh: "需求", itemTypeEn: "demand", campaignZh: "征集", campaignEn: "Call", reasonZh: "重复", reasonEn: "Duplicate" };

  async function insert(userId: number, minutesAgo: number, read = false, kind = "itemRejected") {
    const [row] = await t.db
      .insert(notifications)
      .values({ userId, kind, params, link: "/demands/1", createdAt: new Date(Date.now() - minutesAgo * 60_000), readAt: read ? new Date() : null })
      .returning();
    return row;
  }

  it("lists unread first, newest first, rendered in the reader's language", async () => {
    const me = await buildUser(t.db);
    const oldRead = await insert(me.id, 1, true);
    const oldUnread = await insert(me.id, 30);
    const newUnread = await insert(me.id, 5, false, "itemPassedScreening");
    const inbox = await listInbox(t.db, me.id, "en");
    expect(inbox.entries.map((e) => e.id)).toEqual([newUnread.id, oldUnread.id, oldRead.id]);
    expect(inbox).toMatchObject({ total: 3, unread: 2, page: 1, pageCount: 1 });
    expect(inbox.entries[1]).toMatchObject({ subject: "Your demand “一键叫车” did not pass screening", read: false, link: "/demands/1" });
    expect(inbox.entries[1].body).toContain("Reason: Duplicate.");
    const zh = await listInbox(t.db, me.id, "zh-CN");
    expect(zh.entries[1].subject).toBe("您的需求“一键叫车”未通过初筛");
  });

  it("renders an unknown kind with a plain fallback", () => {
    expect(renderNotice("en", "somethingNew", {})).toEqual({ subject: "You have a new notice", body: "Sign in to Putuo Lab to see the details." });
    expect(renderNotice("en", "linkLabel", {}).subject).toBe("You have a new notice");
  });

  it("paginates", async () => {
    const me = await buildUser(t.db);
    for (let i = 0; i < INBOX_PAGE_SIZE + 3; i++) await insert(me.id, i);
    const second = await listInbox(t.db, me.id, "zh-CN", { page: 2 });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: INBOX_PAGE_SIZE + 3 });
    expect(second.entries).toHaveLength(3);
    expect((await listInbox(t.db, me.id, "zh-CN", { page: 99 })).page).toBe(2);
  });

  it("marks one or all read, never another user's", async () => {
    const me = await buildUser(t.db);
    const other = await buildUser(t.db);
    const a = await insert(me.id, 1);
    await insert(me.id, 2);
    const theirs = await insert(other.id, 1);
    expect(await unreadCount(t.db, me.id)).toBe(2);
    expect(await markRead(t.db, me.id, [a.id, theirs.id])).toBe(1);
    expect(await unreadCount(t.db, me.id)).toBe(1);
    expect(await unreadCount(t.db, other.id)).toBe(1);
    expect(await markRead(t.db, me.id, [a.id])).toBe(0);
    expect(await markAllRead(t.db, me.id)).toBe(1);
    expect(await unreadCount(t.db, me.id)).toBe(0);
    const [stillUnread] = await t.db.select().from(notifications).where(eq(notifications.id, theirs.id));
    expect(stillUnread.readAt).toBeNull();
  });
});
