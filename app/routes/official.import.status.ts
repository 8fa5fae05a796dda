/**
 * GET /official/import/status?key=<progressKey> or ?run=<runId>: the progress
 * of an import as JSON, polled by the upload and result pages.
 *
 * Imports running in this process answer from memory for the session that
 * started them, without touching the database (on the embedded PGlite the one
 * connection is busy with the import's transaction). Otherwise the run's row
 * answers, for officials. A key nobody has registered yet ("pending": the
 * upload is still arriving) reveals nothing.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { readSessionToken, sessionIdFromToken } from "~/auth/session.server";
import { importRunStatus } from "~/import/import.server";
import { isProgressKey, readProgress } from "~/import/progress.server";
import { db } from "~/utils/db.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const key = url.searchParams.get("key");
  const runParam = url.searchParams.get("run") ?? "";
  const runId = /^[1-9]\d{0,8}$/.test(runParam) ? Number(runParam) : null;
  if (!isProgressKey(key) && !runId) throw new Response("Bad Request", { status: 400 });

  const token = await readSessionToken(request);
  const owner = token ? sessionIdFromToken(token) : null;
  const live = readProgress({ key: isProgressKey(key) ? key : null, runId }, owner);
  if (live) {
    return json({ phase: live.phase, processed: live.processed, total: live.total, runId: live.runId }, { headers: NO_STORE });
  }
  if (!runId) return json({ phase: "pending", processed: 0, total: 0, runId: null }, { headers: NO_STORE });

  const actor = await requireUserWithPermission(request, "import:item:any");
  const row = await forbiddenAs403(importRunStatus(await db(), actor, runId));
  if (!row) throw new Response("Not Found", { status: 404 });
  const phase = row.status === "importing" ? "writing" : row.status;
  return json({ phase, processed: row.processed, total: row.total, runId }, { headers: NO_STORE });
}
