/**
 * A redirect target taken from user input, kept on this site: only a path
 * that starts with one "/" is accepted (no "//evil.example", no "https://").
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}
