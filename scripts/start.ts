/**
 * `npm start`: the whole product on one machine. Starts the embedded PostgreSQL when no database
 * URL is set, applies migrations, builds the web app if needed, then runs the web app and one
 * worker with prefixed logs until Ctrl-C, which stops all of them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { closeDatabase } from "../lib/db/client";
import { connectDatabase, databaseTarget } from "../lib/db/connect";
import { stopEmbedded } from "../lib/db/embedded/cluster";
import { migrate } from "../lib/db/migrate";
import { isAppError } from "../lib/errors";
import { loadMachineSettings } from "../lib/settings/machine";
import { buildIsStale } from "./build-state";

const root = fileURLToPath(new URL("..", import.meta.url));
const dev = process.argv.includes("--dev");
const say = (line: string) => process.stderr.write(`[start]  ${line}\n`);

function prefixed(name: string, child: ChildProcess): void {
  const label = `[${name}]`.padEnd(8);
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => process.stderr.write(`${label} ${line}\n`));
  }
}

function launch(name: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  prefixed(name, child);
  return child;
}

function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const machine = loadMachineSettings();
  const target = databaseTarget(machine);
  say(`database: ${target.display}`);
  const connection = await connectDatabase(target, { max: 2, applicationName: "globallm-start" });
  if (connection.startedEmbedded) say("started the embedded PostgreSQL");
  try {
    const { applied, status } = await migrate(connection.db.$client);
    say(
      applied.length
        ? `applied ${applied.map((m) => m.name).join(", ")}`
        : `schema version ${status.version} is current`,
    );
  } finally {
    await closeDatabase(connection.db);
  }

  const next = "node_modules/next/dist/bin/next";
  if (!dev && buildIsStale(root, machine.runtime.GLOBALLM_NEXT_DIST_DIR)) {
    say("building the web app (first start, or sources changed) …");
    const code = await exited(launch("build", [next, "build"]));
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  }
  const port = machine.runtime.PORT ?? "3000";
  const children = new Map<string, ChildProcess>([
    ["web", launch("web", [next, dev ? "dev" : "start", "--port", port])],
    ["worker", launch("worker", ["--import", "tsx", "worker/main.ts"])],
  ]);
  say(`GlobaLLM is starting on http://localhost:${port} (Ctrl-C stops everything)`);

  let stopping = false;
  const stopAll = async (why: string) => {
    if (stopping) return;
    stopping = true;
    say(`${why}: stopping`);
    for (const child of children.values()) child.kill("SIGTERM");
    const timer = setTimeout(() => {
      for (const child of children.values()) child.kill("SIGKILL");
    }, 15_000);
    await Promise.all([...children.values()].map(exited));
    clearTimeout(timer);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopAll(signal));

  // Whichever child ends first ends the whole group: a half-running product helps nobody.
  const first = await Promise.race(
    [...children].map(async ([name, child]) => ({ name, code: await exited(child) })),
  );
  const expected = stopping;
  await stopAll(`${first.name} exited with code ${first.code}`);
  // Leave a server someone else started alone; stop the one this run started.
  if (connection.startedEmbedded && target.kind === "embedded") {
    await stopEmbedded(target.cluster);
    say("stopped the embedded PostgreSQL");
  }
  return expected ? 0 : first.code || 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = isAppError(error)
      ? `${error.message}${error.hint ? ` ${error.hint}` : ""}`
      : String(error);
    process.stderr.write(`[start]  error: ${message}\n`);
    process.exit(isAppError(error) ? error.exitCode : 1);
  },
);
