/**
 * Attachments on applications and demands: type detected from the content,
 * 10 MB and 5-per-item limits, who may add and remove, served only to those
 * who may see the item and with inert headers; the upload and delete routes
 * as a browser without JavaScript uses them.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createApplication } from "../../../app/applications/applications.server";
import {
  addAttachment,
  contentDisposition,
  listAttachments,
  readAttachment,
  removeAttachment,
  safeFileName,
} from "../../../app/attachments/attachments.server";
import { LocalFolderStorage, MemoryStorage, newStorageKey, setAttachmentStorage } from "../../../app/attachments/storage.server";
import { parseAttachmentUpload } from "../../../app/attachments/upload.server";
import { ForbiddenError } from "../../../app/auth/authorize.server";
import * as serveRoute from "../../../app/routes/attachments.$id";
import * as deleteRoute from "../../../app/routes/attachments.$id_.delete";
import * as uploadRoute from "../../../app/routes/attachments.upload";
import { closeDatabase, useDatabaseHandle } from "../../../app/utils/db.server";
import { viewerOf } from "../../../app/visibility/visibility.server";
import { ATTACHMENT_MAX_BYTES } from "../../../db/enums";
import { applications, attachments } from "../../../db/schema";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";
import { applicationInput, auditOf, BASE, buildWorld, call, cookieFor, formPost, get, type World } from "../applications/setup";

/** A real 1×1 PNG. */
const PNG = new Uint8Array(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);
/** A small, valid PDF. */
const PDF = new Uint8Array(
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  ),
);
/** The start of a Linux executable (ELF) and of a Windows one (MZ/PE). */
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, ...new Array(120).fill(0)]);
const EXE = (() => {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a]); // "MZ"
  bytes[0x3c] = 0x80; // e_lfanew → PE header at 0x80
  bytes.set([0x50, 0x45, 0x00, 0x00], 0x80); // "PE\0\0"
  return bytes;
})();
const HTML = new Uint8Array(Buffer.from("<!doctype html><script>alert(1)</script>"));

function oversizedPng() {
  const bytes = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
  bytes.set(PNG);
  return bytes;
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Uint8Array } | null, cookie?: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return new Request(`${BASE}/attachments/upload`, { method: "POST", body: form, headers: cookie ? { Cookie: cookie } : {} });
}

describe.each(DB_KINDS)("attachments on %s", (kind) => {
  let t: TestDatabase;
  let w: World;
  let storage: MemoryStorage;
  let draftId: number;
  let publicId: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    useDatabaseHandle(t);
    w = await buildWorld(t.db);
    const draft = await createApplication(t.db, w.alice, applicationInput(w, { title: "带附件的草稿" }));
    const open = await createApplication(t.db, w.alice, applicationInput(w, { title: "带附件的公开应用", submit: true, publicFromSubmission: true }));
    if (!draft.ok || !open.ok) throw new Error("setup");
    draftId = draft.id;
    publicId = open.id;
  });
  afterEach(() => {
    setAttachmentStorage(undefined);
  });
  afterAll(async () => {
    await closeDatabase();
    await t.drop();
  });

  const fresh = () => {
    storage = new MemoryStorage();
    setAttachmentStorage(storage);
    return storage;
  };
  const rowsOf = (applicationId: number) => t.db.select().from(attachments).where(eq(attachments.applicationId, applicationId));

  async function newApplication(title: string, over: Parameters<typeof applicationInput>[1] = {}) {
    const r = await createApplication(t.db, w.alice, applicationInput(w, { title, ...over }));
    if (!r.ok) throw new Error("setup");
    return r.id;
  }

  it("accepts a real PNG and PDF, stores them under random keys, with audit rows", async () => {
    fresh();
    const id = await newApplication("收 PNG 和 PDF");
    const png = await addAttachment(t.db, w.alice, { owner: { type: "application", id }, fileName: "../../etc/现场照片.PNG", bytes: PNG }, storage);
    const pdf = await addAttachment(t.db, w.ann, { owner: { type: "application", id }, fileName: "方案说明.pdf", bytes: PDF }, storage);
    expect(png.ok && pdf.ok).toBe(true);
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.mimeType, r.fileName])).toEqual([
      ["image/png", "现场照片.png"],
      ["application/pdf", "方案说明.pdf"],
    ]);
    for (const row of rows) {
      expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
      expect(row.storageKey).not.toContain("现场");
      expect(storage.files.has(row.storageKey)).toBe(true);
    }
    expect(rows[0].sizeBytes).toBe(PNG.byteLength);
    const audit = await auditOf(t.db, "application", id);
    expect(audit.filter((a) => a.action === "attachment.add")).toHaveLength(2);
  });

  it("refuses a renamed executable, an HTML page and an empty file, storing nothing", async () => {
    fresh();
    const id = await newApplication("拒绝伪装文件");
    for (const [name, bytes] of [
      ["report.pdf", ELF],
      ["photo.png", EXE],
      ["page.pdf", HTML],
    ] as const) {
      expect(await addAttachment(t.db, w.alice, { owner: { type: "application", id }, fileName: name, bytes }, storage)).toEqual({
        ok: false,
        error: "typeNotAllowed",
      });
    }
    expect(await addAttachment(t.db, w.alice, { owner: { type: "application", id }, fileName: "empty.png", bytes: new Uint8Array() }, storage)).toEqual({
      ok: false,
      error: "empty",
    });
    expect(await rowsOf(id)).toHaveLength(0);
    expect(storage.files.size).toBe(0);
  });

  it("refuses 10 MB + 1 byte", async () => {
    fresh();
    const id = await newApplication("太大的文件");
    const exactly = new Uint8Array(ATTACHMENT_MAX_BYTES);
    exactly.set(PNG);
    expect((await addAttachment(t.db, w.alice, { owner: { type: "application", id }, fileName: "ok.png", bytes: exactly }, storage)).ok).toBe(true);
    expect(await addAttachment(t.db, w.alice, { owner: { type: "application", id }, fileName: "big.png", bytes: oversizedPng() }, storage)).toEqual({
      ok: false,
      error: "tooLarge",
    });
    expect(await rowsOf(id)).toHaveLength(1);
    expect(storage.files.size).toBe(1);
  });

  it("refuses the 6th attachment", async () => {
    fresh();
    const id = await newApplication("六个附件");
    for (let i = 0; i < 5; i++) {
      expect((await addAttachment(t.db, w.alice, { owner: { type: "application", id }, fileName: `p${i}.png`, bytes: PNG }, storage)).ok).toBe(true);
    }
    expect(await addAttachment(t.db, w.alice, { owner: { type: "application", id }, fileName: "p6.png", bytes: PNG }, storage)).toEqual({
      ok: false,
      error: "tooMany",
    });
    expect(await rowsOf(id)).toHaveLength(5);
    expect(storage.files.size).toBe(5);
  });

  it("lets only those who may edit the item add or remove, and only while it is editable", async () => {
    fresh();
    const id = await newApplication("权限检查", { submit: true, publicFromSubmission: true });
    await expect(
      addAttachment(t.db, w.bob, { owner: { type: "application", id }, fileName: "x.png", bytes: PNG }, storage),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await addAttachment(t.db, w.bob, { owner: { type: "application", id: draftId }, fileName: "x.png", bytes: PNG }, storage)).toEqual({
      ok: false,
      error: "not_found",
    });
    const added = await addAttachment(t.db, w.official, { owner: { type: "application", id }, fileName: "科委补充.png", bytes: PNG }, storage);
    if (!added.ok) throw new Error("official should be allowed");
    await expect(removeAttachment(t.db, w.bob, added.id, storage)).rejects.toBeInstanceOf(ForbiddenError);
    // Demands: their author only.
    const demandOwner = { type: "demand" as const, id: w.demand.id };
    await expect(addAttachment(t.db, w.alice, { owner: demandOwner, fileName: "x.png", bytes: PNG }, storage)).rejects.toBeInstanceOf(ForbiddenError);
    const onDemand = await addAttachment(t.db, w.resident, { owner: demandOwner, fileName: "现场.png", bytes: PNG }, storage);
    expect(onDemand.ok).toBe(true);
    expect((await listAttachments(t.db, demandOwner)).map((a) => a.fileName)).toEqual(["现场.png"]);
    expect(await addAttachment(t.db, w.bob, { owner: { type: "demand", id: w.draftDemand.id }, fileName: "x.png", bytes: PNG }, storage)).toEqual({
      ok: false,
      error: "not_found",
    });
    // Removal by a member, bytes gone too.
    const removed = await removeAttachment(t.db, w.ann, added.id, storage);
    expect(removed).toMatchObject({ ok: true, owner: { type: "application", id } });
    expect(await rowsOf(id)).toHaveLength(0);
    expect(storage.files.size).toBe(1);
    expect((await auditOf(t.db, "application", id)).map((a) => a.action)).toContain("attachment.remove");
    // A selected application is no longer editable.
    const selected = await newApplication("已入选");
    await t.db.update(applications).set({ status: "selected" }).where(eq(applications.id, selected));
    expect(await addAttachment(t.db, w.alice, { owner: { type: "application", id: selected }, fileName: "late.png", bytes: PNG }, storage)).toEqual({
      ok: false,
      error: "notEditable",
    });
  });

  it("reads an attachment only for those who may see the item", async () => {
    fresh();
    const onDraft = await addAttachment(t.db, w.alice, { owner: { type: "application", id: draftId }, fileName: "草稿图.png", bytes: PNG }, storage);
    const onPublic = await addAttachment(t.db, w.alice, { owner: { type: "application", id: publicId }, fileName: "公开.pdf", bytes: PDF }, storage);
    if (!onDraft.ok || !onPublic.ok) throw new Error("setup");
    const alice = viewerOf({ id: w.alice.id, roles: w.alice.roles, organizations: [{ id: w.huawei.id }] });
    const bob = viewerOf({ id: w.bob.id, roles: w.bob.roles, organizations: [{ id: w.jd.id }] });
    expect(await readAttachment(t.db, null, onDraft.id, storage)).toBeNull();
    expect(await readAttachment(t.db, bob, onDraft.id, storage)).toBeNull();
    expect((await readAttachment(t.db, alice, onDraft.id, storage))?.bytes).toEqual(PNG);
    expect((await readAttachment(t.db, null, onPublic.id, storage))?.mimeType).toBe("application/pdf");
    expect(await readAttachment(t.db, null, 99_999_999, storage)).toBeNull();
  });

  it("serves with safe headers, and 404 for a hidden item's attachment", async () => {
    fresh();
    const image = await addAttachment(t.db, w.alice, { owner: { type: "application", id: publicId }, fileName: "图 1.png", bytes: PNG }, storage);
    const pdf = await addAttachment(t.db, w.alice, { owner: { type: "application", id: publicId }, fileName: "方案 \"终版\".pdf", bytes: PDF }, storage);
    const hidden = await addAttachment(t.db, w.alice, { owner: { type: "application", id: draftId }, fileName: "秘密.png", bytes: PNG }, storage);
    if (!image.ok || !pdf.ok || !hidden.ok) throw new Error("setup");
    const serve = (id: number, cookie?: string) => call(serveRoute.loader, get(`/attachments/${id}`, cookie), { id: String(id) });

    const img = await serve(image.id);
    expect(img.status).toBe(200);
    expect(img.headers.get("Content-Type")).toBe("image/png");
    expect(img.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(img.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
    expect(img.headers.get("Cache-Control")).toBe("private");
    expect(img.headers.get("Content-Disposition")).toMatch(/^inline; filename="/);
    expect(new Uint8Array(await img.arrayBuffer())).toEqual(PNG);

    const doc = await serve(pdf.id);
    expect(doc.headers.get("Content-Type")).toBe("application/pdf");
    const disposition = doc.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("方案 终版.pdf")}`);
    expect(disposition).not.toMatch(/[\r\n]/);

    expect((await serve(hidden.id)).status).toBe(404);
    expect((await serve(hidden.id, await cookieFor(t.db, w.bob.id))).status).toBe(404);
    expect((await serve(hidden.id, await cookieFor(t.db, w.alice.id))).status).toBe(200);
    expect((await serve(99_999_999)).status).toBe(404);
    expect((await call(serveRoute.loader, get("/attachments/abc"), { id: "abc" })).status).toBe(404);
  });

  it("uploads through the route (multipart, JavaScript off) and refuses with a message beside the field", async () => {
    fresh();
    const id = await newApplication("通过路由上传");
    const cookie = await cookieFor(t.db, w.alice.id);
    const fields = { ownerType: "application", ownerId: String(id), redirectTo: `/applications/${id}/edit` };
    const ok = await call(uploadRoute.action, multipart(fields, { name: "photo.png", type: "image/png", bytes: PNG }, cookie));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe(`/applications/${id}/edit?notice=attachmentAdded#attachments`);
    // The browser's Content-Type and the name are ignored: an ELF sent as application/pdf is refused.
    const elf = await call(uploadRoute.action, multipart(fields, { name: "invoice.pdf", type: "application/pdf", bytes: ELF }, cookie));
    expect(elf.headers.get("Location")).toBe(`/applications/${id}/edit?attachmentError=typeNotAllowed#attachments`);
    const big = await call(uploadRoute.action, multipart(fields, { name: "big.png", type: "image/png", bytes: oversizedPng() }, cookie));
    expect(big.headers.get("Location")).toBe(`/applications/${id}/edit?attachmentError=tooLarge#attachments`);
    const none = await call(uploadRoute.action, multipart(fields, { name: "", type: "application/octet-stream", bytes: new Uint8Array() }, cookie));
    expect(none.headers.get("Location")).toContain("attachmentError=missingFile");
    // Off-site redirect targets are not followed.
    const offsite = await call(uploadRoute.action, multipart({ ...fields, redirectTo: "https://evil.example/" }, { name: "a.png", type: "image/png", bytes: PNG }, cookie));
    expect(offsite.headers.get("Location")).toBe(`/applications/${id}?notice=attachmentAdded#attachments`);
    expect(await rowsOf(id)).toHaveLength(2);
    expect(storage.files.size).toBe(2);

    const bob = await cookieFor(t.db, w.bob.id);
    expect((await call(uploadRoute.action, multipart({ ...fields, ownerId: String(draftId) }, { name: "a.png", type: "image/png", bytes: PNG }, bob))).status).toBe(404);
    expect((await call(uploadRoute.action, multipart({ ...fields, ownerId: String(publicId) }, { name: "a.png", type: "image/png", bytes: PNG }, bob))).status).toBe(403);
    expect((await call(uploadRoute.action, multipart({ ...fields, ownerType: "user" }, { name: "a.png", type: "image/png", bytes: PNG }, cookie))).status).toBe(400);
    expect((await call(uploadRoute.action, multipart(fields, { name: "a.png", type: "image/png", bytes: PNG }))).status).toBe(302); // to /login
    expect((await call(uploadRoute.action, formPost("/attachments/upload", fields, cookie))).status).toBe(400); // not multipart

    // Delete through the route.
    const [first] = await rowsOf(id);
    const delBob = await call(deleteRoute.action, formPost(`/attachments/${first.id}/delete`, { redirectTo: `/applications/${id}` }, bob), { id: String(first.id) });
    expect(delBob.status).toBe(404); // bob cannot even see the draft
    const del = await call(deleteRoute.action, formPost(`/attachments/${first.id}/delete`, { redirectTo: `/applications/${id}` }, cookie), { id: String(first.id) });
    expect(del.headers.get("Location")).toBe(`/applications/${id}?notice=attachmentRemoved#attachments`);
    expect(await t.db.select().from(attachments).where(and(eq(attachments.id, first.id)))).toHaveLength(0);
    expect(storage.files.has(first.storageKey)).toBe(false);
  });

  it("stops reading an oversized upload at the limit but keeps the small fields", async () => {
    const upload = await parseAttachmentUpload(
      multipart({ ownerType: "application", ownerId: "7", redirectTo: "/x" }, { name: "big.pdf", type: "application/pdf", bytes: new Uint8Array(2048) }),
      1024,
    );
    expect(upload).toMatchObject({ tooLarge: true, file: null, fields: { ownerType: "application", ownerId: "7", redirectTo: "/x" } });
    const notMultipart = await parseAttachmentUpload(formPost("/attachments/upload", { a: "b" }));
    expect(notMultipart.malformed).toBe(true);
  });

  it("keeps names safe and keys inside the folder", async () => {
    expect(safeFileName("C:\\Users\\x\\恶意.exe", "pdf")).toBe("恶意.pdf");
    expect(safeFileName('a"b\r\nc;.png', "png")).toBe("abc.png");
    expect(safeFileName("", "gif")).toBe("attachment.gif");
    expect(safeFileName("...", "png")).toBe("attachment.png");
    expect(contentDisposition("attachment", "报告.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf`);
    const os = await import("node:os");
    const fs = await import("node:fs/promises");
    const path = await import("node:path");
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "putuo-uploads-"));
    try {
      const local = new LocalFolderStorage(dir);
      const key = newStorageKey();
      await local.put(key, PNG);
      expect(await local.get(key)).toEqual(PNG);
      await local.delete(key);
      expect(await local.get(key)).toBeNull();
      await expect(local.put("../../escape", PNG)).rejects.toThrow(/Invalid storage key/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
