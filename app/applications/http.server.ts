/** Small helpers the application, organisation and attachment routes share. */

/** An integer id from a URL segment, or the 404 page (never a 500 for `/applications/abc`). */
export function idParam(value: string | undefined): number {
  if (!value || !/^[1-9]\d{0,8}$/.test(value)) throw notFound();
  return Number(value);
}

export function notFound() {
  return new Response("Not Found", { status: 404, statusText: "Not Found" });
}

/** `path` with one query parameter set (and an optional fragment), for redirects. */
export function withParam(path: string, name: string, value: string, hash?: string): string {
  const url = new URL(path, "http://local.invalid");
  url.searchParams.set(name, value);
  if (hash) url.hash = hash;
  return `${url.pathname}${url.search}${url.hash}`;
}
