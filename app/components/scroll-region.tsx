/**
 * The box around a table wider than a small screen (or than elder mode's
 * larger type allows): it scrolls sideways, and is focusable and named so
 * that keyboard users can reach it and scroll it with the arrow keys (WCAG
 * 2.1.1; axe's `scrollable-region-focusable`). A named group rather than a
 * region: it often sits in a section named by the same heading, and two
 * landmarks with one name would be ambiguous.
 */
import type { ReactNode } from "react";

export function ScrollRegion({
  label,
  labelledBy,
  className = "",
  children,
}: {
  /** The region's name, unless `labelledBy` points at a visible heading. */
  label?: string;
  labelledBy?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must take focus to be scrolled from the keyboard
    <div role="group" tabIndex={0} aria-label={labelledBy ? undefined : label} aria-labelledby={labelledBy} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
