/**
 * robots.txt: crawlers may read the public pages, the open data and the API's
 * description; not the signed-in and staff areas, the forms, nor the JSON API
 * itself (it is for programs, with a rate limit). The sitemap is named with
 * the site's public address.
 */
import { siteUrl } from "./urls";

/** Path prefixes no crawler should fetch (Google and Bing read `*` inside a path). */
export const DISALLOWED = [
  "/api/",
  "/official",
  "/admin",
  "/review",
  "/my",
  "/inbox",
  "/account",
  "/dev/",
  "/intake",
  "/matches",
  "/preferences",
  "/logout",
  "/attachments/upload",
  "/demands/new",
  "/demands/similar",
  "/demands/*/edit",
  "/demands/*/matches",
  "/demands/*/respond",
  "/applications/new",
  "/applications/*/edit",
  "/applications/*/demands",
  "/organizations/*/edit",
] as const;

/** Exceptions inside a disallowed prefix (the longest rule wins). */
export const ALLOWED = ["/", "/api/v1/openapi.json"] as const;

export function robotsTxt(publicUrl: string): string {
  return [
    "User-agent: *",
    ...ALLOWED.map((path) => `Allow: ${path}`),
    ...DISALLOWED.map((path) => `Disallow: ${path}`),
    "",
    `Sitemap: ${siteUrl(publicUrl, "/sitemap.xml")}`,
    "",
  ].join("\n");
}
