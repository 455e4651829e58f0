/**
 * Server components cannot see the URL they render for, so proxy.ts copies it into this request
 * header; the page guard uses it to send people back where they were after signing in.
 */
export const REQUEST_PATH_HEADER = "x-globallm-path";
