/**
 * GET /data/lists/<campaign slug>.<format>: one published list (selected
 * applications and demands, ranked) as csv, xlsx or json (optional
 * `?lang=zh-CN|en` for the header row). A call without a published list, or
 * anything else, is a plain 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { publishedListDataset } from "~/opendata/datasets.server";
import { downloadResponse, notFound, parseFileName } from "~/opendata/download.server";
import { db } from "~/utils/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = parseFileName(params.file);
  if (!file) return notFound();
  const database = await db();
  const dataset = await publishedListDataset(database, file.name);
  if (!dataset) return notFound();
  return downloadResponse(request, database, dataset, file.format);
}
