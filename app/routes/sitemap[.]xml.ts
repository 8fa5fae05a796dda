/** /sitemap.xml: the index of the sitemap files, by kind and page (app/sharing/sitemap.ts). */
import { sitemapIndexXml } from "~/sharing/sitemap";
import { sitemapFiles } from "~/sharing/sitemap.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export async function loader() {
  const files = await sitemapFiles(await db());
  return new Response(sitemapIndexXml(env().PUBLIC_URL, files), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
