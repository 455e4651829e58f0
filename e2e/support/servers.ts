import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

/** A server this e2e run started: where it listens, and how to stop it. */
export interface RunningServer {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export const projectRoot = join(import.meta.dirname, "..", "..");
const nextBin = join(projectRoot, "node_modules", "next", "dist", "bin", "next");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Runs a command to completion, its output in `logFile`; rejects with the log's path on failure. */
export function runToCompletion(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logFile: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.logFile);
    const child = spawn(command, args, {
      cwd: projectRoot,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} failed (${code}); see ${options.logFile}`)),
    );
  });
}

/**
 * Starts a long-running server in its own process group (so stopping it also stops the children
 * `next dev` spawns) and waits until `readyPath` answers. Output goes to `logFile`.
 */
export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  logFile: string;
  readyPath?: string;
  timeoutMs?: number;
}): Promise<RunningServer> {
  const log = createWriteStream(options.logFile);
  const child = spawn(options.command, options.args, {
    cwd: projectRoot,
    env: { ...options.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  const server: RunningServer = {
    name: options.name,
    url,
    pid: child.pid ?? -1,
    stop: () => stopGroup(child),
  };
  try {
    await waitForHttp(`${url}${options.readyPath ?? "/api/health"}`, child, options.timeoutMs ?? 120_000);
  } catch (error) {
    await server.stop();
    throw new Error(`${options.name} did not start: ${(error as Error).message}; see ${options.logFile}`);
  }
  return server;
}

/** `next start` (a production build in the configured dist dir) or `next dev`. */
export function nextServer(
  mode: "start" | "dev",
  options: { env: NodeJS.ProcessEnv; port: number; logFile: string },
): Promise<RunningServer> {
  return startServer({
    name: `next ${mode}`,
    command: process.execPath,
    args: [nextBin, mode, "--hostname", "127.0.0.1", "--port", String(options.port)],
    ...options,
  });
}

export function nextBuild(options: { env: NodeJS.ProcessEnv; logFile: string }): Promise<void> {
  return runToCompletion(process.execPath, [nextBin, "build"], options);
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    try {
      // Any HTTP answer means the server listens; the tests judge the answer itself.
      await fetch(url, { signal: AbortSignal.timeout(30_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const pid = child.pid as number;
    const kill = setTimeout(() => signalGroup(pid, "SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    signalGroup(pid, "SIGTERM");
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
