import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { run } from "../cli/program";
import type { Env } from "../lib/env";

export const binPath = fileURLToPath(new URL("../bin/globallm.mjs", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  return {
    stream: new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    text: () => chunks.join(""),
  };
}

/** An environment for CLI runs of their own: a fresh home (no user config or data) and this database. */
export function isolatedCliEnv(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), "globallm-cli-"));
  return {
    PATH: process.env.PATH ?? "",
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
    GLOBALLM_DATABASE_URL: databaseUrl,
    ...extra,
  };
}

/** Runs the CLI in this process (fast) with its own environment and captured output. */
export async function runCli(args: string[], env: Env): Promise<CliResult> {
  const stdout = sink();
  const stderr = sink();
  const code = await run(["node", "globallm", ...args], {
    env,
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the real `globallm` executable as a separate process, as a user would. */
export function spawnCli(args: string[], env: Env, cwd?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binPath, ...args],
      { env: { ...env } as NodeJS.ProcessEnv, cwd, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
