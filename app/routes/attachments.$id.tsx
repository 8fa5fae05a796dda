/**
 * Serves one attachment's bytes — only when the viewer may see its item (the
 * visibility rule), else 404 — with headers that keep it inert: its stored
 * type, no sniffing, a sandboxing CSP, images inline and PDFs as downloads.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { idParam, notFound } from "~/applications/http.server";
import { attachmentHeaders, readAttachment } from "~/attachments/attachments.server";
import { getCurrentUser } from "~/auth/current-user.server";
import { db } from "~/utils/db.server";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const [user, database] = await Promise.all([getCurrentUser(request), db()]);
  const file = await readAttachment(database, viewerOf(user), id);
  if (!file) throw notFound();
  const headers = attachmentHeaders(file);
  if (request.headers.get("If-None-Match") === headers.ETag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.bytes), { status: 200, headers });
}
