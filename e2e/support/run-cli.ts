import { spawn } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./servers";

const bin = join(projectRoot, "bin", "globallm.mjs");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `globallm` command (bin/globallm.mjs) with `env`, as an operator would. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: projectRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
