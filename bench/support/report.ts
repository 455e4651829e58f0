import { formatTable } from "../../cli/output";

/** A table for people, then — always the very last line — one line of JSON for machines. */
export function report(
  title: string,
  headers: string[],
  rows: (string | number | null)[][],
  figures: Record<string, unknown>,
): void {
  process.stdout.write(`\n${title}\n\n${formatTable(headers, rows)}\n\n`);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
