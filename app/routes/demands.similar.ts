/**
 * Resource route for the "similar demands" hint on the demand form:
 * `GET /demands/similar?title=…[&exclude=id]` → `{ items }`, the visible
 * demands whose titles look like `title`, most similar first.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";

import { getCurrentUser } from "~/auth/current-user.server";
import { findSimilarDemands } from "~/demands/similar.server";
import { db } from "~/utils/db.server";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const title = (params.get("title") ?? "").slice(0, 200);
  const exclude = Number(params.get("exclude"));
  const user = await getCurrentUser(request);
  const items = await findSimilarDemands(await db(), viewerOf(user), title, {
    limit: 5,
    excludeId: Number.isInteger(exclude) && exclude > 0 && exclude <= 2_147_483_647 ? exclude : undefined,
  });
  return json(
    { items: items.map(({ id, title, status, supportCount, supportable }) => ({ id, title, status, supportCount, supportable })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
