/**
 * Drizzle's postgres.js driver turns off the client's date parsing (it parses in its own layer), so
 * raw `db.$client` queries return timestamps as text. These read them back.
 */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}
