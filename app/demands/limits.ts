/** Length limits of demand fields, shared by the server's schemas and the forms' hints. */
export const TITLE_MAX = 80;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 4000;
export const REASON_MAX = 500;
export const RESIDENT_NAME_MAX = 40;
