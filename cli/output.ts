/** Data goes to stdout, everything else (logs, progress, errors) to stderr. */
export interface Output {
  json: boolean;
  /** True when stdout is a terminal: tables and colours; otherwise plain, stable text. */
  tty: boolean;
  data(text: string): void;
  info(text: string): void;
  printJson(value: unknown): void;
  /** A transient status line on a terminal's stderr (overwritten in place); silent when piped. */
  progress(text: string): void;
  /** Ends the status line, if one is showing. */
  progressDone(): void;
}

export function createOutput(options: {
  json: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  tty?: boolean;
}): Output {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const stderrTty = Boolean((stderr as NodeJS.WriteStream).isTTY);
  let showing = false;
  return {
    json: options.json,
    tty: options.tty ?? Boolean((stdout as NodeJS.WriteStream).isTTY),
    data: (text) => stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    info: (text) => stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    printJson: (value) => stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    progress: (text) => {
      if (!stderrTty) return;
      stderr.write(`\r\x1b[K${text}`);
      showing = true;
    },
    progressDone: () => {
      if (showing) stderr.write("\r\x1b[K");
      showing = false;
    },
  };
}

/** Left-aligned columns separated by two spaces; numbers right-aligned. */
export function formatTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [
    headers,
    ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? "—" : String(cell)))),
  ];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const numeric = headers.map(
    (_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === "number"),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join("  ")
      .trimEnd();
  return [line(cells[0]!), line(widths.map((width) => "─".repeat(width))), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

/** `key: value` lines with the keys aligned. */
export function formatPairs(pairs: [string, string | number | boolean | null | undefined][]): string {
  const width = Math.max(...pairs.map(([key]) => key.length));
  return pairs.map(([key, value]) => `${`${key}:`.padEnd(width + 2)}${value ?? "—"}`).join("\n");
}
