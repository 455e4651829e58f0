import { parseArgs } from "node:util";
import { worldFromSharedData } from "./seed/shared-data";
import { startGitHubEmulator } from "./start-emulator";
import { loadWorldFile, WorldError } from "./world/load-world";
import type { World } from "./world/world-schema";

const HELP = `Usage: npm run emulator -- [options]

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

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

async function main() {
  let parsed: ReturnType<typeof parseArgs<{ options: Record<string, { type: "string" | "boolean" }> }>>;
  try {
    parsed = parseArgs({
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
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = integer("port", values.port as string | undefined, 0);
  if (port > 65535) fail("--port must be at most 65535");
  const repositories = integer("repositories", values.repositories as string | undefined, 600);
  if (repositories < 1) fail("--repositories must be at least 1");
  const seed = integer("random-seed", values["random-seed"] as string | undefined, 1);

  let world: World | undefined;
  try {
    if (typeof values.seed === "string") world = loadWorldFile(values.seed);
    else if (values["shared-data"] !== undefined)
      world = worldFromSharedData((values["shared-data"] as string) || "../shared/data");
  } catch (error) {
    if (error instanceof WorldError) fail(error.message);
    throw error;
  }
  const emulator = await startGitHubEmulator({
    port,
    host: values.host as string | undefined,
    seed,
    repositories,
    world,
  }).catch((error: NodeJS.ErrnoException) =>
    fail(error.code === "EADDRINUSE" ? `port ${port} is already in use` : error.message),
  );
  const summary = emulator.world;
  const users = summary.accounts.filter((a) => a.type === "User");
  console.log(`GitHub emulator on ${emulator.url}`);
  console.log(
    `  world: ${summary.repositories.length} repositories, ${users.length} users, ${summary.accounts.length - users.length} organizations (seed ${summary.seed ?? "file"}, now ${summary.generatedAt})`,
  );
  console.log(`  REST     ${emulator.apiUrl}`);
  console.log(`  GraphQL  ${emulator.graphqlUrl}`);
  console.log(`  OAuth    ${emulator.serverUrl}/login/oauth/authorize`);
  console.log(`  deps.dev ${emulator.depsDevUrl}`);
  console.log(`  control  ${emulator.url}/_emulator/stats | /_emulator/world | POST /_emulator/faults`);
  console.log("\nPoint GlobaLLM at it:");
  for (const [key, value] of Object.entries(emulator.env)) console.log(`  export ${key}=${value}`);
  console.log(`  export GITHUB_TOKEN=ghp_emulator   # acts as ${users[0]?.login ?? "the first user"}`);
  console.log("\nCtrl-C to stop.");

  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error("emulator: failed to start:", error);
  process.exit(1);
});
