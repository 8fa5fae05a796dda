/** Lengths of review texts: shared by the server's schema and the form's `maxLength`. */
export const COMMENT_MAX = 2000;
export const OVERALL_COMMENT_MAX = 4000;
export const REASON_MAX = 1000;
