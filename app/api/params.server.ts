/**
 * Reading the JSON API's input: query parameters through zod schemas (each
 * bad one named in a 400), path parameters (a malformed id or slug is a 404,
 * as an unknown one is), and paging — `page` and `perPage` in, `{ data, page,
 * perPage, total, totalPages }` and an RFC 8288 `Link` header out.
 *
 * Parameter schemas carry their documentation (`.meta`) for the OpenAPI
 * document. Unknown parameters are ignored; an empty value counts as absent.
 */
import { z } from "zod";
import "zod-openapi";

export const PER_PAGE_DEFAULT = 20;
export const PER_PAGE_MAX = 100;
/** PostgreSQL `integer`: the largest id there can be. */
export const MAX_ID = 2_147_483_647;

const SLUG = /^[A-Za-z0-9_-]{1,100}$/;

/** An optional slug filter, e.g. `campaign=2021-scenario-call`. */
export function slugParam(name: string, description: string, example: string) {
  const message = `${name}: a slug such as ${example} (letters, digits, - and _)`;
  return z.string({ error: message }).regex(SLUG, message).optional().meta({ description, example });
}

/** An optional filter taking one of `values`. */
export function enumParam<const T extends readonly [string, ...string[]]>(name: string, values: T, description: string) {
  return z.enum(values, { error: `${name}: one of ${values.join(", ")}` }).optional().meta({ description });
}

/** A choice with a default, e.g. `sort`. */
export function choiceParam<const T extends readonly [string, ...string[]]>(name: string, values: T, fallback: T[number], description: string) {
  return z
    .enum(values, { error: `${name}: one of ${values.join(", ")}` })
    .default(fallback as never)
    .meta({ description });
}

export function booleanParam(name: string, description: string) {
  return z
    .enum(["true", "false"], { error: `${name}: true or false` })
    .transform((v) => v === "true")
    .optional()
    .meta({ description });
}

export function idParam(name: string, description: string, example = 12) {
  const message = `${name}: a whole number from 1 to ${MAX_ID}`;
  return z.coerce.number({ error: message }).int(message).min(1, message).max(MAX_ID, message).optional().meta({ description, example });
}

/** A path id: digits only, within PostgreSQL's integer range. Anything else is not found. */
export const idPath = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .refine((v) => Number(v) <= MAX_ID)
  .transform(Number)
  .meta({ description: "The item's numeric id.", example: "12" });

export const slugPath = (example: string) => z.string().regex(SLUG).meta({ description: "The slug (readable name in URLs).", example });

// ─── Paging ──────────────────────────────────────────────────────────────────

export const pagingParams = {
  page: z.coerce
    .number({ error: "page: a whole number, 1 or more" })
    .int()
    .min(1)
    .default(1)
    .meta({ description: "The page, from 1. A page past the end answers an empty `data` list (not an error).", example: 1 }),
  perPage: z.coerce
    .number({ error: `perPage: a whole number from 1 to ${PER_PAGE_MAX}` })
    .int()
    .min(1)
    .max(PER_PAGE_MAX)
    .default(PER_PAGE_DEFAULT)
    .meta({ description: `Items per page, 1–${PER_PAGE_MAX} (default ${PER_PAGE_DEFAULT}).`, example: PER_PAGE_DEFAULT }),
};

export type Paging = { page: number; perPage: number };

export const offsetOf = (p: Paging) => (p.page - 1) * p.perPage;

/** True when the page starts past the last item: answer empty without asking the database for rows. */
export const pastTheEnd = (p: Paging, total: number) => offsetOf(p) >= total;

export function pageOf<T>(p: Paging, total: number, data: T[]) {
  return { data, page: p.page, perPage: p.perPage, total, totalPages: Math.ceil(total / p.perPage) };
}

/**
 * `Link: <…?page=1>; rel="first", <…>; rel="prev", <…>; rel="next", <…>; rel="last"`
 * with absolute URLs that keep the request's other parameters. `prev` is
 * there from page 2 (pointing at the last page when the request went past
 * it), `next` while pages remain; `first` and `last` always.
 */
export function linkHeader(requestUrl: URL, page: number, totalPages: number): string {
  const last = Math.max(1, totalPages);
  const at = (n: number) => {
    const u = new URL(requestUrl);
    u.searchParams.set("page", String(n));
    return u.toString();
  };
  const links = [`<${at(1)}>; rel="first"`];
  if (page > 1) links.push(`<${at(Math.min(page - 1, last))}>; rel="prev"`);
  if (page < totalPages) links.push(`<${at(page + 1)}>; rel="next"`);
  links.push(`<${at(last)}>; rel="last"`);
  return links.join(", ");
}

// ─── Reading the query string ────────────────────────────────────────────────

export type QueryResult<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string> };

/**
 * The parameters `schema` knows, read from the query string (the first value
 * of a repeated one; an empty value is absent), each bad one reported.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): QueryResult<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "query");
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}
