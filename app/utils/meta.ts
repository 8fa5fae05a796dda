/** Page title and description from a loader's translated `meta`, for every route's `meta` export. */
export function pageMeta(meta: { title: string; description?: string } | undefined) {
  if (!meta) return [{ title: "Putuo Lab" }];
  return [
    { title: meta.title },
    ...(meta.description ? [{ name: "description", content: meta.description }] : []),
  ];
}
