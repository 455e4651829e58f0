export type LogLevel = "debug" | "info" | "warn" | "error";

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

// Defence in depth: shapes of GitHub, OpenAI/Anthropic keys and URL passwords never reach a log line.
const secretPatterns: [RegExp, string][] = [
  [/\b(gh[pousr]_|github_pat_)[A-Za-z0-9_]{8,}/g, "$1****"],
  [/\bsk-(ant-)?[A-Za-z0-9_-]{8,}/g, "sk-****"],
  [/(\w+:\/\/[^:/\s@]+:)[^@\s]+@/g, "$1****@"],
];

export function redact(text: string): string {
  return secretPatterns.reduce(
    (result, [pattern, replacement]) => result.replace(pattern, replacement),
    text,
  );
}

/** Plain lines on stderr (data belongs on stdout): `time level name: message {fields}`. */
export function createLogger(
  name: string,
  level: LogLevel = "info",
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const log = (at: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (order[at] < order[level]) return;
    const extra = fields && Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : "";
    write(`${new Date().toISOString()} ${at.padEnd(5)} ${name}: ${redact(message + extra)}\n`);
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
