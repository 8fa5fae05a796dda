/** Length limits of matching fields, shared by the server's schemas and the forms' hints. */
export const APPROACH_MIN = 10;
export const APPROACH_MAX = 2000;
export const TIMELINE_MAX = 200;
export const SITE_MAX = 200;
export const KPIS_MAX = 1000;
export const OUTCOME_MIN = 10;
export const OUTCOME_MAX = 2000;
export const REASON_MAX = 500;
/** Dates a pilot or a deployment may carry. */
export const EARLIEST_DATE = "2015-01-01";
export const LATEST_DATE = "2100-12-31";
