/**
 * After a client-side navigation to another page, focus moves to <main>, as
 * it starts at the top of a freshly loaded page without JavaScript: keyboard
 * and screen-reader users continue from the new page's content instead of
 * from a link or button that may no longer exist (focus would fall back to
 * the document's start, or stay in the header). Changes of the query alone
 * (filters, pages of a list, on-blur checks of a form) and going back or
 * forward leave focus where it is.
 */
import { useLocation, useNavigationType } from "@remix-run/react";
import { useEffect, useRef } from "react";

export function FocusMainOnNavigation({ mainId }: { mainId: string }) {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    if (navigationType === "POP") return;
    document.getElementById(mainId)?.focus({ preventScroll: true });
  }, [pathname, navigationType, mainId]);
  return null;
}
