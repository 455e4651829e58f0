import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { classifyIssue } from "../../lib/classify/classify-issue";
import { repositoryClassifier } from "../../lib/classify/classify-repository";
import { type IssueLine, parseIssueLines } from "../../lib/classify/issue-lines";
import { shippedTextClassifier } from "../../lib/classify/text-classifier";
import { AppError } from "../../lib/errors";
import type { CliContext } from "../context";

interface Flags {
  learn: boolean;
}

/**
 * Adds `issues classify FILE` to the `issues` command: an offline check of the classifier on a
 * user's own export. No database, no network.
 */
export function addClassifyCommand(issues: Command, context: CliContext): Command {
  issues
    .command("classify")
    .description("Classify issues from a JSON Lines file offline: category, severity and confidence")
    .argument("<file>", "JSONL, one {title, body?, labels?, id?, repository?} per line; - reads stdin")
    .option("--no-learn", "do not let the file's labelled issues teach the classifier about the others")
    .addHelpText(
      "after",
      `
Prints one JSON line per issue, in input order: {id?, category, severity, confidence, source, reason}.
Labels decide when they name a category (source "labels"); otherwise the offline text classifier
does (source "text"), after learning from the labelled issues of the same repository in the file.
A malformed line is reported on stderr with its number and skipped; the exit code stays 0.
Exit 2 when the file cannot be read or holds no valid issue.

Examples:
  globallm issues classify issues.jsonl
  echo '{"id": 7, "title": "Crash on startup", "body": "Segfault in 2.1"}' | globallm issues classify -`,
    )
    .action((file: string, flags: Flags) => {
      const { issues: lines, problems } = parseIssueLines(readInput(file));
      for (const problem of problems)
        context.output.info(`${file}:${problem.line}: skipped, ${problem.message}`);
      if (lines.length === 0)
        throw new AppError("bad_request:cli", `${file} holds no valid issue.`, {
          hint: 'Each line must be a JSON object with at least a "title".',
        });

      const base = shippedTextClassifier();
      const results = new Map<IssueLine, Record<string, unknown>>();
      let learnedFrom = 0;
      for (const group of byRepository(lines)) {
        const { classifier, learnedFrom: learned } = flags.learn
          ? repositoryClassifier(group, base)
          : { classifier: base, learnedFrom: 0 };
        learnedFrom += learned;
        for (const issue of group) {
          const { category, severity, confidence, source, reason } = classifyIssue(issue, { classifier });
          results.set(issue, {
            ...("id" in issue ? { id: issue.id } : {}),
            category,
            severity,
            confidence,
            source,
            reason,
          });
        }
      }
      context.output.data(lines.map((issue) => JSON.stringify(results.get(issue))).join("\n"));
      context.output.info(
        `classified ${lines.length} issue${lines.length === 1 ? "" : "s"}` +
          (learnedFrom ? `, after learning from ${learnedFrom} labelled ones` : "") +
          (problems.length
            ? `; skipped ${problems.length} malformed line${problems.length === 1 ? "" : "s"}`
            : ""),
      );
    });
  return issues;
}

function readInput(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : "it cannot be read";
    throw new AppError("bad_request:cli", `Cannot read ${file}: ${why}.`, { cause: error });
  }
}

/** Issues grouped by their `repository` field, in order of first appearance. */
function byRepository(lines: IssueLine[]): IssueLine[][] {
  const groups = new Map<string, IssueLine[]>();
  for (const line of lines) {
    const key = line.repository ?? "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(line);
  }
  return [...groups.values()];
}
