/**
 * GET /official/import/template?kind=applications|demands&format=csv|xlsx|json:
 * a template with every column and two example rows in Chinese.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { IMPORT_KINDS, type ImportKind } from "../../db/enums";
import { requireUserWithPermission } from "~/auth/current-user.server";
import { IMPORT_FORMATS, type ImportFormat } from "~/import/columns";
import { importTemplate } from "~/import/templates.server";
import { db } from "~/utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "import:item:any");
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") ?? "";
  const format = url.searchParams.get("format") ?? "csv";
  if (!(IMPORT_KINDS as readonly string[]).includes(kind) || !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new Response("Bad Request: kind must be applications or demands, format csv, xlsx or json", { status: 400 });
  }
  const template = await importTemplate(await db(), kind as ImportKind, format as ImportFormat);
  return new Response(template.body, {
    headers: {
      "Content-Type": template.contentType,
      "Content-Disposition": `attachment; filename="${template.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
