/**
 * The client's address for rate limiting: the first hop of X-Forwarded-For
 * (the Express server trusts its proxy), else one fixed key for direct local
 * requests. Only as trustworthy as the proxy in front, which must overwrite
 * (not append to) a client-supplied header.
 */
export const LOCAL_CLIENT = "local";

export function clientIp(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for");
  const first = forwarded?.split(",")[0]?.trim();
  if (first && first.length <= 100) return first.toLowerCase();
  return LOCAL_CLIENT;
}
