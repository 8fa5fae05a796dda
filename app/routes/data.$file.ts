/**
 * GET /data/<dataset>.<format>: a full open dataset — demands, applications,
 * organizations or matches — as csv, xlsx or json (optional `?lang=zh-CN|en`
 * for the header row). Anything else is a plain 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { fullDataset, isFullDatasetName } from "~/opendata/datasets.server";
import { downloadResponse, notFound, parseFileName } from "~/opendata/download.server";
import { db } from "~/utils/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = parseFileName(params.file);
  if (!file || !isFullDatasetName(file.name)) return notFound();
  return downloadResponse(request, await db(), fullDataset(file.name), file.format);
}
