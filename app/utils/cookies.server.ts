import { env } from "./env.server";

/** Secure cookies in production unless SESSION_SECURE_COOKIE says otherwise. */
export function secureCookies(): boolean {
  const setting = env().SESSION_SECURE_COOKIE;
  if (setting === "auto") return env().NODE_ENV === "production";
  return setting === "true";
}
