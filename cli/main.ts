import { run } from "./program";

export async function main(argv: string[]): Promise<void> {
  const code = await run(argv);
  // Let stdout drain before exiting so piped output is never cut short.
  process.stdout.write("", () => process.exit(code));
}
