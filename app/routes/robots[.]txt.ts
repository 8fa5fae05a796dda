/** /robots.txt: what crawlers may fetch, and where the sitemap is (app/sharing/robots.ts). */
import { robotsTxt } from "~/sharing/robots";
import { env } from "~/utils/env.server";

export function loader() {
  return new Response(robotsTxt(env().PUBLIC_URL), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
