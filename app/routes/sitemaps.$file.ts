/** /sitemaps/<kind>-<n>.xml: one sitemap file; an unknown name or a page past the last is a 404. */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { parseSitemapFileName, urlsetXml } from "~/sharing/sitemap";
import { sitemapPages } from "~/sharing/sitemap.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const file = parseSitemapFileName(params.file);
  const pages = file ? await sitemapPages(await db(), file.kind, file.page) : null;
  if (!pages) return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(urlsetXml(env().PUBLIC_URL, pages), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
