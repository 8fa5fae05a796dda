/**
 * The open data's addresses, shared by the server and the pages:
 * /data/<dataset>.<format> and /data/lists/<campaign slug>.<format>.
 */
export const FORMATS = ["csv", "xlsx", "json"] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** The download of one published list, e.g. `/data/lists/2021-scenario-call.csv`. */
export function listDownloadPath(campaignSlug: string, format: Format): string {
  return `/data/lists/${campaignSlug}.${format}`;
}
