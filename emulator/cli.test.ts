import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runEmulatorCli } from "./cli";
import { FIXED_NOW } from "./test-helpers";
import { generateWorld } from "./world/generate/generate-world";

const root = fileURLToPath(new URL("..", import.meta.url));
const temp = mkdtempSync(join(tmpdir(), "emulator-cli-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitFor(output: () => string, pattern: RegExp, ms = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = output().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("npm run emulator", () => {
  it("serves a seed file, prints the URLs and env vars, and stops on SIGTERM", async () => {
    const file = join(temp, "world.json");
    writeFileSync(file, JSON.stringify(generateWorld({ seed: 5, repositories: 12, now: FIXED_NOW })));
    const { child, output, exit } = run(["--port", "0", "--seed", file]);
    const [, url] = await waitFor(output, /GitHub emulator on (http:\/\/127\.0\.0\.1:\d+)/);
    await waitFor(output, /Ctrl-C to stop/);
    expect(output()).toContain(`export GITHUB_API_URL=${url}`);
    expect(output()).toContain(`export GITHUB_GRAPHQL_URL=${url}/graphql`);
    const summary = (await (await fetch(`${url}/_emulator/world`)).json()) as {
      repositories: number;
      seed: number;
    };
    expect(summary).toMatchObject({ repositories: 12, seed: 5 });
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });

  it("refuses bad input with one clear line and exit code 2", async () => {
    const attempt = async (args: string[]) => {
      const lines: string[] = [];
      const result = await runEmulatorCli(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
      if (result.code === null) await result.emulator.close();
      return { code: result.code, text: lines.join("\n") };
    };
    expect(await attempt(["--port", "http"])).toEqual({
      code: 2,
      text: 'emulator: --port must be a non-negative integer, got "http"',
    });
    expect(await attempt(["--bogus"])).toMatchObject({ code: 2, text: expect.stringContaining("--bogus") });
    const missing = await attempt(["--seed", join(temp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.text).toMatch(/cannot read the world file .*nope\.json/);
    const invalid = join(temp, "invalid.json");
    writeFileSync(
      invalid,
      JSON.stringify({ version: 1, generatedAt: "yesterday", accounts: [], repositories: [] }),
    );
    const bad = await attempt(["--seed", invalid]);
    expect(bad.code).toBe(2);
    expect(bad.text).toContain("generatedAt");
    expect(bad.text).not.toMatch(/\n\s+at /);
    expect((await attempt(["--help"])).code).toBe(0);
    const noData = await attempt(["--shared-data", join(temp, "no-data"), "--port", "0"]);
    expect(noData).toMatchObject({ code: 2, text: expect.stringContaining("is ") });
    expect(noData.text).toContain("the shared data folder");
  });
});
