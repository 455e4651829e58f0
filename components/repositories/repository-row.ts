import type { Repository } from "@/lib/db/schema";

/**
 * One row of the Repositories table: only what the table shows, so the page sends the browser a
 * few hundred bytes per repository instead of its stored analysis, signals and GitHub payload.
 */
export interface RepositoryRow {
  fullName: string;
  description: string | null;
  language: string | null;
  domain: string | null;
  projectKind: string | null;
  stars: number;
  forks: number;
  healthScore: number | null;
  impactScore: number | null;
  worthWorkingOn: boolean | null;
  isArchived: boolean;
  /** ISO timestamp; null until analyzed. */
  analyzedAt: string | null;
}

export function toRepositoryRow(repository: Repository): RepositoryRow {
  return {
    fullName: repository.fullName,
    description: repository.description,
    language: repository.language,
    domain: repository.domain,
    projectKind: repository.projectKind,
    stars: repository.stars,
    forks: repository.forks,
    healthScore: repository.healthScore,
    impactScore: repository.impactScore,
    worthWorkingOn: repository.worthWorkingOn,
    isArchived: repository.isArchived,
    analyzedAt: repository.analyzedAt?.toISOString() ?? null,
  };
}

/** `/repositories/OWNER/NAME` */
export function repositoryHref(fullName: string): string {
  return `/repositories/${fullName.split("/").map(encodeURIComponent).join("/")}`;
}
