import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { isDatabaseUnavailable } from "../lib/db/errors";
import { type Env, processEnv } from "../lib/env";
import { AppError, isAppError } from "../lib/errors";
import { githubError } from "../lib/github/errors";
import { analyzeCommand } from "./commands/analyze";
import { analyzeUserCommand } from "./commands/analyze-user";
import { assignCommand } from "./commands/assign";
import { budgetCommand } from "./commands/budget";
import { configCommand } from "./commands/config";
import { databaseCommand } from "./commands/database";
import { discoverCommand } from "./commands/discover";
import { issuesCommand } from "./commands/issues";
import { addClassifyCommand } from "./commands/issues-classify";
import { prioritizeCommand } from "./commands/prioritize";
import { redundancyCommand } from "./commands/redundancy";
import { reposCommand } from "./commands/repos";
import { type CliContext, createContext, type GlobalOptions } from "./context";
import { createOutput } from "./output";

const version = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export function createProgram(context: CliContext): Command {
  const program = new Command("globallm")
    .description(
      "Decide where coding agents should spend a finite budget to help open source most, and run them.",
    )
    .version(version, "-v, --version", "print the version")
    .option("--json", "print data as JSON (one stable shape per command)")
    .option("--config <file>", "use this config file instead of the default one")
    .option("--debug", "show stack traces and details of errors")
    .showSuggestionAfterError()
    .addHelpText(
      "after",
      "\nExamples:\n  globallm database init\n  globallm config set filters.min_stars 5000\n  globallm config show --json\n\nDocs: README.md; every command has --help.",
    );
  program.addCommand(configCommand(context));
  program.addCommand(databaseCommand(context));
  program.addCommand(discoverCommand(context));
  program.addCommand(analyzeCommand(context));
  program.addCommand(reposCommand(context));
  program.addCommand(analyzeUserCommand(context));
  program.addCommand(addClassifyCommand(issuesCommand(context), context));
  program.addCommand(prioritizeCommand(context));
  program.addCommand(redundancyCommand(context));
  program.addCommand(assignCommand(context));
  program.addCommand(budgetCommand(context));
  return program;
}

function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

export interface RunOptions {
  env?: Env;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

/** Runs the CLI and returns its exit code: 0 success, 2 usage error, 1 runtime error. */
export async function run(argv: string[], options: RunOptions = {}): Promise<number> {
  const stderr = options.stderr ?? process.stderr;
  const stdout = options.stdout ?? process.stdout;
  const args = argv.slice(2);
  const json = args.includes("--json");
  const debug = args.includes("--debug");
  let program: Command | undefined;
  const output = createOutput({ json, stdout, stderr });
  const context = createContext({
    output,
    env: options.env ?? processEnv(),
    globals: () => (program?.opts() ?? {}) as GlobalOptions,
  });
  program = createProgram(context);
  for (const command of everyCommand(program)) {
    command.exitOverride().configureOutput({
      writeOut: (text) => stdout.write(text),
      writeErr: (text) => stderr.write(text),
    });
  }
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return report(error, { stderr, debug });
  } finally {
    await context.close();
  }
}

function report(error: unknown, options: { stderr: NodeJS.WritableStream; debug: boolean }): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help / version).
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return 0;
    return 2;
  }
  const mapped = isOctokitError(error) ? githubError(error, "that") : error;
  const known: AppError | undefined = isAppError(mapped)
    ? mapped
    : isDatabaseUnavailable(error)
      ? new AppError("unavailable:database", undefined, { cause: error })
      : undefined;
  if (known) {
    options.stderr.write(`error: ${known.message}${known.hint ? ` ${known.hint}` : ""}\n`);
    if (options.debug) options.stderr.write(`${known.detail ?? ""}\n${known.stack ?? ""}\n`);
    return known.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  options.stderr.write(`error: ${message.split("\n")[0]} (run with --debug for details)\n`);
  if (options.debug && error instanceof Error) options.stderr.write(`${error.stack}\n`);
  return 1;
}

/** Octokit's HTTP errors (a status and the request that failed) that no command mapped itself. */
function isOctokitError(error: unknown): boolean {
  return error instanceof Error && error.name === "HttpError" && "status" in error && "request" in error;
}
