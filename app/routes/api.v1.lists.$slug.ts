/** GET /api/v1/lists/:slug — one published list's entries, paged; 404 for a campaign that has not published. */
import { LIST } from "~/api/endpoints.server";
import { listEntriesPage } from "~/api/lists.server";
import { pageOf } from "~/api/params.server";
import { apiAction, apiLoader, notFound } from "~/api/respond.server";

export const loader = apiLoader(LIST, async ({ params, query, db }) => {
  const { page, perPage, type } = query;
  const list = await listEntriesPage(db, params.slug, { type }, { page, perPage });
  if (!list) throw notFound("Published list");
  return { campaign: list.campaign, counts: list.counts, ...pageOf({ page, perPage }, list.total, list.rows) };
});

export const action = apiAction;
