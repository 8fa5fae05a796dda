/**
 * Recognise PostgreSQL errors by SQLSTATE, whichever driver raised them:
 * postgres.js and PGlite both set `code`, and drizzle may wrap the error in
 * a DrizzleQueryError whose `cause` holds it.
 */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A unique constraint was violated (SQLSTATE 23505); `constraint` narrows it to one index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (pgErrorCode(error) !== "23505") return false;
  if (!constraint) return true;
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const c = current as { constraint?: unknown; constraint_name?: unknown; message?: unknown };
    if (c.constraint === constraint || c.constraint_name === constraint) return true;
    if (typeof c.message === "string" && c.message.includes(constraint)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
