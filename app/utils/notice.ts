/**
 * The one confirmation ("flash") mechanism: a successful POST redirects to
 * `withNotice(path, "profileSaved")`, i.e. `path?notice=profileSaved`, and the
 * root layout shows the translated line (app/components/notice-banner.tsx).
 * Only keys of the `notice` namespace are shown, so the URL cannot inject text.
 * Shared by server and browser (no secrets, no server imports).
 */
import { resources } from "~/locales";

export type NoticeKey = keyof (typeof resources)["zh-CN"]["notice"];
export const NOTICE_PARAM = "notice";

export function isNoticeKey(value: unknown): value is NoticeKey {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(resources["zh-CN"].notice, value);
}

/** `path` (a same-site path, e.g. from safeRedirectPath) with the notice added to its query. */
export function withNotice(path: string, key: NoticeKey): string {
  const base = "http://local.invalid";
  let url = new URL(path, base);
  // Whatever URL parsing makes of odd input ("/\t/host", "/.//host"), stay on this site.
  if (url.origin !== base || url.pathname.startsWith("//")) url = new URL("/", base);
  url.searchParams.set(NOTICE_PARAM, key);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The notice named in a query string, if it is one we know. */
export function noticeFrom(search: string | URLSearchParams): NoticeKey | null {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const key = params.get(NOTICE_PARAM);
  return isNoticeKey(key) ? key : null;
}

/** `pathname?search` with any notice removed: the action URL for forms on a page that may show one. */
export function withoutNotice(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete(NOTICE_PARAM);
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}
