import { runEmulatorCli } from "./cli";

// The process door of the emulator: everything testable lives in cli.ts.
const result = await runEmulatorCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error("emulator: failed to start:", error);
  return { code: 1 } as const;
});
if (result.code !== null) process.exit(result.code);
const { emulator } = result;
const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
