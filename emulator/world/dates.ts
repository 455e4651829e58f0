export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * GitHub writes timestamps in UTC without milliseconds: 2017-10-10T16:00:00Z. Formatted by hand
 * (Howard Hinnant's civil-from-days) because worlds hold millions of them and Date is slow here.
 */
export function isoSeconds(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const days = Math.floor(seconds / 86_400);
  const rest = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hh)}:${pad2(mm)}:${pad2(rest % 60)}Z`;
}

export function isoDaysBefore(anchor: number, days: number): string {
  return isoSeconds(anchor - days * DAY_MS);
}

/** Parses an ISO timestamp, or returns NaN; callers decide whether that is a 422. */
export function parseTime(text: string | null | undefined): number {
  if (!text) return Number.NaN;
  return Date.parse(text);
}
