import { z } from "zod";
import type { RedundancyProject } from "./compare-projects";

const nullableText = z.string().nullish();
const count = z.number().int().nonnegative().nullish();
const fraction = z.number().min(0).max(1).nullish();

/** One line of `redundancy --input`: only `name` is required. */
const projectLine = z.object({
  name: z.string().trim().min(1, 'needs a non-empty "name"'),
  description: nullableText,
  readme: nullableText,
  language: nullableText,
  topics: z.array(z.string()).nullish(),
  stars: count,
  dependents: count,
  health: fraction,
  impact: fraction,
  healthScore: fraction,
  impactScore: fraction,
  archived: z.boolean().nullish(),
});

export interface LineProblem {
  line: number;
  message: string;
}

function explain(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "is not a valid project";
  const field = issue.path.join(".");
  if (field === "name" || issue.path.length === 0)
    return issue.code === "invalid_type" && issue.path.length === 0
      ? 'must be a JSON object with a "name"'
      : 'needs a non-empty "name" string';
  return `field "${field}": ${issue.message}`;
}

/**
 * Parses JSON Lines of `{name, description, readme?, language?, topics?, stars?, dependents?,
 * health?, impact?}`. A bad line does not stop the rest: it is returned as a problem with its
 * 1-based line number. Blank lines are skipped.
 */
export function parseProjectLines(text: string): { projects: RedundancyProject[]; problems: LineProblem[] } {
  const projects: RedundancyProject[] = [];
  const problems: LineProblem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, message: `is not valid JSON (${(error as Error).message.split("\n")[0]})` });
      return;
    }
    const parsed = projectLine.safeParse(value);
    if (!parsed.success) {
      problems.push({ line, message: explain(parsed.error) });
      return;
    }
    const { health, impact, healthScore, impactScore, ...project } = parsed.data;
    projects.push({
      ...project,
      healthScore: healthScore ?? health ?? null,
      impactScore: impactScore ?? impact ?? null,
    });
  });
  return { projects, problems };
}
