/**
 * Attachments: images (JPEG, PNG, WebP, GIF) and PDFs on demands and
 * applications. The type is detected from the bytes (file-type's magic
 * numbers); the file name and the browser's Content-Type are never trusted.
 * At most ATTACHMENT_MAX_BYTES each and ATTACHMENTS_PER_ITEM per item.
 *
 * Who may add or remove: whoever may edit the item, while it is editable —
 * the demand's author; the application's firm members (and officials). Who
 * may read: whoever may see the item (the visibility rule). An item the actor
 * may not see is "not found".
 */
import crypto from "node:crypto";

import { and, asc, count, eq, isNotNull, or, type SQL } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";

import type { Database } from "../../db/client";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MIME_TYPES, ATTACHMENTS_PER_ITEM, type ItemStatus } from "../../db/enums";
import { applications, attachments, campaigns, demands } from "../../db/schema";
import { enqueueSearchUpdate } from "../../search/outbox";
import { isEditable, mayChange, viewerFor } from "~/applications/applications.server";
import { writeAudit, type Executor } from "~/audit/audit.server";
import { ForbiddenError, type Actor } from "~/auth/authorize.server";
import { can } from "~/auth/permissions";
import { applicationVisibleTo, demandVisibleTo, type Viewer } from "~/visibility/visibility.server";

import { attachmentStorage, newStorageKey, type AttachmentStorage } from "./storage.server";

export const ATTACHMENT_OWNER_TYPES = ["application", "demand"] as const;
export type AttachmentOwnerType = (typeof ATTACHMENT_OWNER_TYPES)[number];
export type AttachmentOwner = { type: AttachmentOwnerType; id: number };
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];

/** Why an upload or removal was refused; each has a message `attachments:errors.<code>`. */
export const ATTACHMENT_ERRORS = ["empty", "tooLarge", "typeNotAllowed", "tooMany", "notEditable", "missingFile", "invalid"] as const;
export type AttachmentError = (typeof ATTACHMENT_ERRORS)[number];

export type AttachmentSummary = {
  id: number;
  fileName: string;
  mimeType: AttachmentMimeType;
  sizeBytes: number;
  createdAt: Date;
};

export const FILE_NAME_MAX = 120;

export function isOwnerType(value: unknown): value is AttachmentOwnerType {
  return typeof value === "string" && (ATTACHMENT_OWNER_TYPES as readonly string[]).includes(value);
}

export function isAttachmentError(value: unknown): value is AttachmentError {
  return typeof value === "string" && (ATTACHMENT_ERRORS as readonly string[]).includes(value);
}

/** The page that shows an item (where an upload goes back to by default). */
export function ownerPath(owner: AttachmentOwner): string {
  return owner.type === "application" ? `/applications/${owner.id}` : `/demands/${owner.id}`;
}

/**
 * A display name safe to store and to send back: no folders, no control or
 * quoting characters, not too long, and the extension of the detected type
 * (so `report.exe` holding a PDF is offered as `report.pdf`).
 */
export function safeFileName(original: string, ext: string): string {
  const base = (original.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}"<>|:*?\\/;]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .replace(/\.[A-Za-z0-9]{1,8}$/, "");
  const trimmed = [...base].slice(0, FILE_NAME_MAX - ext.length - 1).join("").trim();
  return `${trimmed || "attachment"}.${ext}`;
}

/** What the bytes are, if they are something we accept. */
export async function detectAttachmentType(bytes: Uint8Array): Promise<{ mime: AttachmentMimeType; ext: string } | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !(ATTACHMENT_MIME_TYPES as readonly string[]).includes(found.mime)) return null;
  return { mime: found.mime as AttachmentMimeType, ext: found.ext };
}

type Access = "ok" | "not_found" | "forbidden" | "not_editable";

/**
 * May the actor change the item's attachments now? Locks the item's row when
 * called inside a transaction that changes them (so two uploads cannot both
 * be the fifth).
 */
async function ownerAccess(tx: Executor, actor: Actor, owner: AttachmentOwner, lock: boolean): Promise<Access> {
  const viewer = await viewerFor(tx, actor);
  if (owner.type === "application") {
    const query = tx
      .select({ organizationId: applications.organizationId, status: applications.status, stage: campaigns.stage })
      .from(applications)
      .innerJoin(campaigns, eq(campaigns.id, applications.campaignId))
      .where(and(eq(applications.id, owner.id), applicationVisibleTo(viewer)));
    const [row] = lock ? await query.for("update", { of: applications }) : await query;
    if (!row) return "not_found";
    if (!mayChange(actor, viewer.organizationIds, row.organizationId)) return "forbidden";
    return isEditable(row.status, row.stage) ? "ok" : "not_editable";
  }
  const query = tx
    .select({ authorId: demands.authorId, status: demands.status, stage: campaigns.stage })
    .from(demands)
    .innerJoin(campaigns, eq(campaigns.id, demands.campaignId))
    .where(and(eq(demands.id, owner.id), demandVisibleTo(viewer)));
  const [row] = lock ? await query.for("update", { of: demands }) : await query;
  if (!row) return "not_found";
  if (row.authorId !== actor.id || !can(actor, "create:demand:own")) return "forbidden";
  return demandEditable(row.status, row.stage) ? "ok" : "not_editable";
}

function demandEditable(status: ItemStatus, stage: string) {
  return (status === "draft" || status === "submitted") && stage === "collecting";
}

const ownerColumn = (type: AttachmentOwnerType) => (type === "application" ? attachments.applicationId : attachments.demandId);

/** For pages: may this (possibly signed-out) user add and remove attachments of the item now? */
export async function canManageAttachments(db: Database, actor: Actor | null, owner: AttachmentOwner): Promise<boolean> {
  if (!actor) return false;
  return (await ownerAccess(db, actor, owner, false)) === "ok";
}

/** The item's attachments, oldest first. The caller has already checked that the viewer sees the item. */
export async function listAttachments(db: Database, owner: AttachmentOwner): Promise<AttachmentSummary[]> {
  return db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(ownerColumn(owner.type), owner.id))
    .orderBy(asc(attachments.id));
}

export type AttachmentResult =
  | { ok: true; id: number; owner: AttachmentOwner }
  | { ok: false; error: AttachmentError }
  | { ok: false; error: "not_found" };

/** Check, store and record one file. Nothing is stored when it is refused. */
export async function addAttachment(
  db: Database,
  actor: Actor,
  input: { owner: AttachmentOwner; fileName: string; bytes: Uint8Array },
  storage: AttachmentStorage = attachmentStorage(),
): Promise<AttachmentResult> {
  const { owner, bytes } = input;
  if (bytes.byteLength === 0) return { ok: false, error: "empty" };
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) return { ok: false, error: "tooLarge" };
  const type = await detectAttachmentType(bytes);
  if (!type) return { ok: false, error: "typeNotAllowed" };

  const key = newStorageKey();
  let stored = false;
  try {
    return await db.transaction(async (tx) => {
      const access = await ownerAccess(tx, actor, owner, true);
      if (access === "not_found") return { ok: false, error: "not_found" } as const;
      if (access === "forbidden") throw new ForbiddenError(owner.type === "application" ? "create:application:own" : "create:demand:own");
      if (access === "not_editable") return { ok: false, error: "notEditable" } as const;
      const [{ n }] = await tx.select({ n: count() }).from(attachments).where(eq(ownerColumn(owner.type), owner.id));
      if (Number(n) >= ATTACHMENTS_PER_ITEM) return { ok: false, error: "tooMany" } as const;

      await storage.put(key, bytes);
      stored = true;
      const fileName = safeFileName(input.fileName, type.ext);
      const [row] = await tx
        .insert(attachments)
        .values({
          applicationId: owner.type === "application" ? owner.id : null,
          demandId: owner.type === "demand" ? owner.id : null,
          storageKey: key,
          fileName,
          mimeType: type.mime,
          sizeBytes: bytes.byteLength,
          sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
          uploadedById: actor.id,
        })
        .returning({ id: attachments.id });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "attachment.add",
        entityType: owner.type,
        entityId: owner.id,
        data: { attachmentId: row.id, fileName, mimeType: type.mime, sizeBytes: bytes.byteLength },
      });
      await enqueueSearchUpdate(tx, owner.type, owner.id);
      return { ok: true, id: row.id, owner } as const;
    });
  } catch (error) {
    if (stored) await storage.delete(key).catch(() => {});
    throw error;
  }
}

/** Remove one attachment (row in the transaction, bytes after it commits). */
export async function removeAttachment(
  db: Database,
  actor: Actor,
  attachmentId: number,
  storage: AttachmentStorage = attachmentStorage(),
): Promise<AttachmentResult> {
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: attachments.id,
        applicationId: attachments.applicationId,
        demandId: attachments.demandId,
        storageKey: attachments.storageKey,
        fileName: attachments.fileName,
      })
      .from(attachments)
      .where(eq(attachments.id, attachmentId));
    if (!row) return { ok: false, error: "not_found" } as const;
    const owner: AttachmentOwner =
      row.applicationId !== null ? { type: "application", id: row.applicationId } : { type: "demand", id: row.demandId! };
    const access = await ownerAccess(tx, actor, owner, true);
    if (access === "not_found") return { ok: false, error: "not_found" } as const;
    if (access === "forbidden") throw new ForbiddenError(owner.type === "application" ? "create:application:own" : "create:demand:own");
    if (access === "not_editable") return { ok: false, error: "notEditable" } as const;
    await tx.delete(attachments).where(eq(attachments.id, row.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "attachment.remove",
      entityType: owner.type,
      entityId: owner.id,
      data: { attachmentId: row.id, fileName: row.fileName },
    });
    await enqueueSearchUpdate(tx, owner.type, owner.id);
    return { ok: true, id: row.id, owner, storageKey: row.storageKey } as const;
  });
  if (!outcome.ok) return outcome;
  try {
    await storage.delete(outcome.storageKey);
  } catch (error) {
    // The row is gone, so nobody can reach the bytes; an orphan file is only disk space.
    console.error(`Could not delete attachment bytes ${outcome.storageKey}:`, error);
  }
  return { ok: true, id: outcome.id, owner: outcome.owner };
}

/** The owner of an attachment, whichever it is, for a redirect after a refusal. */
export async function attachmentOwner(db: Database, attachmentId: number): Promise<AttachmentOwner | null> {
  const [row] = await db
    .select({ applicationId: attachments.applicationId, demandId: attachments.demandId })
    .from(attachments)
    .where(eq(attachments.id, attachmentId));
  if (!row) return null;
  return row.applicationId !== null ? { type: "application", id: row.applicationId } : { type: "demand", id: row.demandId! };
}

/** One attachment and its bytes, or null when it does not exist or the viewer may not see its item. */
export async function readAttachment(
  db: Database,
  viewer: Viewer,
  attachmentId: number,
  storage: AttachmentStorage = attachmentStorage(),
) {
  const visible: SQL = or(
    and(isNotNull(attachments.applicationId), applicationVisibleTo(viewer)),
    and(isNotNull(attachments.demandId), demandVisibleTo(viewer)),
  )!;
  const [row] = await db
    .select({
      id: attachments.id,
      storageKey: attachments.storageKey,
      fileName: attachments.fileName,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
    })
    .from(attachments)
    .leftJoin(applications, eq(applications.id, attachments.applicationId))
    .leftJoin(demands, eq(demands.id, attachments.demandId))
    .where(and(eq(attachments.id, attachmentId), visible))
    .limit(1);
  if (!row) return null;
  const bytes = await storage.get(row.storageKey);
  if (!bytes) return null;
  return { ...row, bytes };
}

/** `Content-Disposition` for a stored name: ASCII fallback plus the RFC 5987 UTF-8 form. */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The headers an attachment is served with: its own type, never sniffed, never run. */
export function attachmentHeaders(row: { mimeType: AttachmentMimeType; fileName: string; sizeBytes: number; sha256: string }) {
  const image = row.mimeType.startsWith("image/");
  return {
    "Content-Type": row.mimeType,
    "Content-Length": String(row.sizeBytes),
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": contentDisposition(image ? "inline" : "attachment", row.fileName),
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": "private",
    ETag: `"${row.sha256}"`,
  };
}
