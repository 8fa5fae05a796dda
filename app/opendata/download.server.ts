/**
 * Answering a download of /data/<name>.<format> and /data/lists/<slug>.<format>:
 * the request budget, the validators (an ETag from the dataset's state, 304
 * on If-None-Match), the caching and file-name headers, and the streamed file.
 *
 * A file is the same for everyone (anonymous visibility), so it is `public`
 * for five minutes. A full dataset costs FULL_DATASET_COST requests of the
 * client's budget, a published list LIST_COST, a revalidation answered 304
 * one. Bad input gets a 4xx in plain text, never a 500.
 */
import { createHash } from "node:crypto";

import { limitApiRequest } from "~/api/rate-limit.server";

import type { Database } from "../../db/client";

import type { Dataset, Row } from "./datasets.server";
import { CONTENT_TYPES, isFormat, renderStream, xlsxWorkbook, type Format, type HeaderLanguage } from "./formats.server";

export const FULL_DATASET_COST = 5;
export const LIST_COST = 1;
export const REVALIDATION_COST = 1;
export const MAX_AGE_SECONDS = 300;

/** Bump when the files' layout changes, so that cached copies are not revalidated as current. */
const LAYOUT_VERSION = 1;

/**
 * Workbooks by ETag. A workbook is a zip, so it cannot be streamed as it is
 * read: it is built whole in memory (seconds and a few hundred MB for the
 * largest dataset at 100× the demo data), one at a time, and kept for the
 * next download of the same state of the data. Requests that arrive while
 * one is being built wait for that one instead of building their own.
 */
const WORKBOOKS_KEPT = 12;
const workbooks = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
let lastBuild: Promise<unknown> = Promise.resolve();

function workbookFor(etag: string, build: () => Promise<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
  const found = workbooks.get(etag);
  if (found) return found;
  const building = lastBuild.then(build, build);
  lastBuild = building.catch(() => undefined);
  workbooks.set(etag, building);
  building.catch(() => workbooks.delete(etag));
  while (workbooks.size > WORKBOOKS_KEPT) workbooks.delete(workbooks.keys().next().value!);
  return building;
}

async function buildWorkbook(db: Database, dataset: Dataset, header: HeaderLanguage): Promise<Uint8Array<ArrayBuffer>> {
  const rows: Row[] = [];
  for await (const batch of dataset.batches(db)) rows.push(...batch);
  return xlsxWorkbook(dataset, rows, header);
}

/** `demands.csv` → { name: "demands", format: "csv" }; null for anything else. */
export function parseFileName(file: string | undefined): { name: string; format: Format } | null {
  const match = /^([a-z0-9][a-z0-9-]{0,99})\.([a-z]{3,4})$/.exec(file ?? "");
  if (!match || !isFormat(match[2])) return null;
  return { name: match[1], format: match[2] };
}

export function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function badRequest(message: string): Response {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** `?lang=` chooses the header row: column keys (default), Chinese or English names. */
function headerLanguage(url: URL): HeaderLanguage | null {
  const lang = url.searchParams.get("lang");
  if (lang === null || lang === "") return "keys";
  return lang === "zh-CN" || lang === "en" ? lang : null;
}

export function etagOf(dataset: Dataset, format: Format, header: HeaderLanguage, fingerprint: string): string {
  const hash = createHash("sha256").update(`${LAYOUT_VERSION}|${dataset.id}|${format}|${header}|${fingerprint}`).digest("base64url").slice(0, 27);
  // Weak: the same state of the data, though a JSON file's generatedAt differs from one copy to the next.
  return `W/"${hash}"`;
}

/** If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET), or is `*`. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** RFC 5987 percent-encoding for `filename*`. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="putuo-lab-demands.csv"; filename*=UTF-8''…` with the title in the header language. */
export function contentDisposition(dataset: Dataset, format: Format, header: HeaderLanguage): string {
  const title = header === "en" ? `Putuo Lab - ${dataset.title.en}` : `普陀Lab-${dataset.title.zh}`;
  // eslint-disable-next-line no-control-regex
  const utf8Name = `${title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ").replace(/\s+/g, " ").trim()}.${format}`;
  return `attachment; filename="${dataset.fileStem}.${format}"; filename*=UTF-8''${rfc5987(utf8Name)}`;
}

export async function downloadResponse(request: Request, db: Database, dataset: Dataset, format: Format): Promise<Response> {
  const url = new URL(request.url);
  const header = headerLanguage(url);
  if (!header) return badRequest("Bad Request: lang must be zh-CN or en (or left out for the column keys).");

  const stat = await dataset.stat(db);
  const etag = etagOf(dataset, format, header, stat.fingerprint);
  const validators: Record<string, string> = {
    ETag: etag,
    "Cache-Control": `public, max-age=${MAX_AGE_SECONDS}`,
    ...(stat.lastChanged ? { "Last-Modified": stat.lastChanged.toUTCString() } : {}),
  };

  if (etagMatches(request.headers.get("If-None-Match"), etag)) {
    const gate = await limitApiRequest(request, { cost: REVALIDATION_COST });
    if (!gate.allowed) return gate.response;
    return new Response(null, { status: 304, headers: { ...validators, ...gate.headers } });
  }

  const gate = await limitApiRequest(request, { cost: dataset.kind === "full" ? FULL_DATASET_COST : LIST_COST });
  if (!gate.allowed) return gate.response;
  const headers = {
    ...validators,
    ...gate.headers,
    "Content-Type": CONTENT_TYPES[format],
    "Content-Disposition": contentDisposition(dataset, format, header),
    // Anyone may use the data from any site: the file is the same with or without a session.
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Disposition, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset",
  };
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  if (format === "xlsx") {
    const workbook = await workbookFor(etag, () => buildWorkbook(db, dataset, header));
    return new Response(workbook, { status: 200, headers: { ...headers, "Content-Length": String(workbook.byteLength) } });
  }
  const body = renderStream(dataset, dataset.batches(db), format, { header, lastChanged: stat.lastChanged });
  return new Response(body, { status: 200, headers });
}
