/**
 * Reading an attachment upload (multipart/form-data) without ever holding
 * more than the limit: the file part is read up to ATTACHMENT_MAX_BYTES and
 * then only counted (so the browser still gets our answer, not a reset
 * connection), and the request is abandoned altogether past a hard cap. Small
 * text fields (`ownerType`, `ownerId`, `redirectTo`) are kept even when the
 * file is refused, so the answer can go back to the right page.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

import { ATTACHMENT_MAX_BYTES } from "../../db/enums";

/** Past this, the rest of an oversized upload is not even read. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const MAX_PARTS = 10;
const MAX_FIELD_BYTES = 4096;

export type ParsedUpload = {
  fields: Record<string, string>;
  /** The first file part named `file` (null when none was chosen). */
  file: { name: string; bytes: Uint8Array } | null;
  /** The file was larger than the limit; nothing of it was kept. */
  tooLarge: boolean;
  /** Not multipart, too many parts or an oversized text field. */
  malformed: boolean;
};

class UploadAborted extends Error {}

async function drain(data: AsyncIterable<Uint8Array>, counted: number) {
  let size = counted;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > DRAIN_LIMIT_BYTES) throw new UploadAborted("upload too large to read");
  }
}

export async function parseAttachmentUpload(request: Request, maxBytes = ATTACHMENT_MAX_BYTES): Promise<ParsedUpload> {
  const result: ParsedUpload = { fields: {}, file: null, tooLarge: false, malformed: false };
  let parts = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    parts += 1;
    if (parts > MAX_PARTS) throw new UploadAborted("too many parts");
    if (typeof filename === "string") {
      if (name !== "file" || result.file || result.tooLarge) {
        await drain(data, 0);
        return undefined;
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          result.tooLarge = true;
          chunks.length = 0;
          await drain(data, size);
          return undefined;
        }
        chunks.push(chunk);
      }
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      // An empty file input sends a part with no name and no bytes: "no file".
      result.file = filename === "" && size === 0 ? null : { name: filename, bytes };
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > MAX_FIELD_BYTES) throw new UploadAborted("field too large");
      chunks.push(chunk);
    }
    if (!(name in result.fields)) result.fields[name] = Buffer.concat(chunks).toString("utf8");
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch {
    // Aborted by us (UploadAborted), not multipart (TypeError) or a broken body:
    // either way nothing was stored, and the answer is a refusal.
    if (!result.tooLarge) result.malformed = true;
  }
  return result;
}
