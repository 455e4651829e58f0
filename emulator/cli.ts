import { parseArgs } from "node:util";
import { worldFromSharedData } from "./seed/shared-data";
import { type GitHubEmulator, startGitHubEmulator } from "./start-emulator";
import { loadWorldFile, WorldError } from "./world/load-world";
import type { World } from "./world/world-schema";

export const HELP = `Usage: npm run emulator -- [options]

A local GitHub (REST, GraphQL, OAuth) with a deps.dev stand-in, for offline demos and tests.

Options:
  --port P               port to listen on (default 0 = any free port)
  --host H               interface to bind (default 127.0.0.1)
  --seed FILE            serve the World JSON in FILE instead of a generated world
  --shared-data [DIR]    build the world from ../shared/data (criticality + issues CSVs)
  --repositories N       size of the generated world (default 600)
  --random-seed N        PRNG seed of the generated world and of faults (default 1)
  --help                 show this help

Examples:
  npm run emulator -- --port 3001
  npm run emulator -- --port 3001 --repositories 2000 --random-seed 7
  npm run emulator -- --seed my-world.json

Tokens: any token starting with ghp_, gho_, ghu_, ghs_ or github_pat_ acts as the world's first
user; tokens from the OAuth flow act as the user who approved; anything else gets 401.`;

const DEFAULT_SHARED_DATA = "../shared/data";

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Exit code 2 with one clear line: bad input is never answered with a stack trace. */
class UsageError extends Error {}

function integer(name: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

function readWorld(values: Record<string, string | boolean | undefined>): World | undefined {
  if (typeof values.seed === "string") return loadWorldFile(values.seed);
  if (values["shared-data"] !== undefined)
    return worldFromSharedData((values["shared-data"] as string) || "../shared/data");
  return undefined;
}

/**
 * `npm run emulator`: parses the arguments, starts the emulator and prints where it listens and
 * the environment variables that point GlobaLLM at it. Returns the exit code on bad input or
 * `--help`, or the running emulator.
 */
export async function runEmulatorCli(
  argv: string[],
  io: CliIo = consoleIo,
): Promise<{ code: number } | { code: null; emulator: GitHubEmulator }> {
  // `--shared-data` may come without a folder; parseArgs needs the value spelled out.
  const args = argv.flatMap((arg, k) =>
    arg === "--shared-data" && (argv[k + 1] ?? "--").startsWith("--") ? [arg, DEFAULT_SHARED_DATA] : [arg],
  );
  try {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        seed: { type: "string" },
        "shared-data": { type: "string" },
        repositories: { type: "string" },
        "random-seed": { type: "string" },
        help: { type: "boolean" },
      },
      allowPositionals: false,
      strict: true,
    });
    if (values.help) {
      io.out(HELP);
      return { code: 0 };
    }
    const port = integer("port", values.port, 0);
    if (port > 65535) throw new UsageError("--port must be at most 65535");
    const repositories = integer("repositories", values.repositories, 600);
    if (repositories < 1) throw new UsageError("--repositories must be at least 1");
    const seed = integer("random-seed", values["random-seed"], 1);
    const world = readWorld(values);
    const emulator = await startGitHubEmulator({ port, host: values.host, seed, repositories, world }).catch(
      (error: NodeJS.ErrnoException) => {
        throw new UsageError(error.code === "EADDRINUSE" ? `port ${port} is already in use` : error.message);
      },
    );
    printBanner(emulator, io);
    return { code: null, emulator };
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorldError) {
      io.err(`emulator: ${error.message}`);
      return { code: 2 };
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`emulator: ${error.message} (see --help)`);
      return { code: 2 };
    }
    throw error;
  }
}

function printBanner(emulator: GitHubEmulator, io: CliIo): void {
  const { world } = emulator;
  const users = world.accounts.filter((a) => a.type === "User");
  io.out(`GitHub emulator on ${emulator.url}`);
  io.out(
    `  world: ${world.repositories.length} repositories, ${users.length} users, ${world.accounts.length - users.length} organizations (seed ${world.seed ?? "file"}, now ${world.generatedAt})`,
  );
  io.out(`  REST     ${emulator.apiUrl}`);
  io.out(`  GraphQL  ${emulator.graphqlUrl}`);
  io.out(`  OAuth    ${emulator.serverUrl}/login/oauth/authorize`);
  io.out(`  deps.dev ${emulator.depsDevUrl}`);
  io.out(`  control  ${emulator.url}/_emulator/stats | /_emulator/world | POST /_emulator/faults`);
  io.out("\nPoint GlobaLLM at it:");
  for (const [key, value] of Object.entries(emulator.env)) io.out(`  export ${key}=${value}`);
  io.out(`  export GITHUB_TOKEN=ghp_emulator   # acts as ${users[0]?.login ?? "the first user"}`);
  io.out("\nCtrl-C to stop.");
}
