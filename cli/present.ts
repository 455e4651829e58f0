import type { Repository } from "../lib/db/schema";
import { formatTable } from "./output";

/** One stable JSON shape for a stored repository, used by every command that prints one. */
export function repositoryJson(row: Repository) {
  return {
    fullName: row.fullName,
    description: row.description,
    language: row.language,
    domain: row.domain,
    projectKind: row.projectKind,
    stars: row.stars,
    forks: row.forks,
    dependents: row.dependents,
    healthScore: row.healthScore,
    impactScore: row.impactScore,
    worthWorkingOn: row.worthWorkingOn,
    analysisReason: row.analysisReason,
    analyzedAt: row.analyzedAt?.toISOString() ?? null,
    url: `https://github.com/${row.fullName}`,
  };
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;
}

export function verdict(worth: boolean | null): string {
  return worth === null ? "unanalyzed" : worth ? "✓ worth it" : "✗ not now";
}

/** The table `discover` and `repos list` print on a terminal. */
export function repositoryTable(rows: Repository[]): string {
  if (rows.length === 0) return "No repositories.";
  return formatTable(
    ["repository", "stars", "language", "kind", "health", "impact", "verdict"],
    rows.map((row) => [
      row.fullName,
      row.stars,
      row.language,
      row.projectKind,
      percent(row.healthScore),
      percent(row.impactScore),
      verdict(row.worthWorkingOn),
    ]),
  );
}
