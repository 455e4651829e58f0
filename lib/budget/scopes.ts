import type { BudgetScopeKind } from "./limits";

/** Who a model call is spent for; the issue, repository and language select per-scope limits. */
export interface BudgetSubject {
  agentId?: string | null;
  issueId?: number | null;
  repositoryId?: number | null;
  language?: string | null;
}

export interface BudgetScope {
  /** The budget_counters row: `overall`, `weekly`, `repository:12`, `language:python`, `issue:345`. */
  key: string;
  kind: BudgetScopeKind;
}

/** Every counter a call charges, sorted by key — the order in which their rows are locked. */
export function scopesFor(subject: BudgetSubject): BudgetScope[] {
  const scopes: BudgetScope[] = [
    { key: "overall", kind: "overall" },
    { key: "weekly", kind: "weekly" },
  ];
  if (subject.repositoryId != null)
    scopes.push({ key: `repository:${subject.repositoryId}`, kind: "per_repo" });
  if (subject.language)
    scopes.push({ key: `language:${subject.language.toLowerCase()}`, kind: "per_language" });
  if (subject.issueId != null) scopes.push({ key: `issue:${subject.issueId}`, kind: "per_issue" });
  return scopes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function scopeKind(key: string): BudgetScopeKind {
  if (key === "overall" || key === "weekly") return key;
  const prefix = key.slice(0, key.indexOf(":"));
  return ({ repository: "per_repo", language: "per_language", issue: "per_issue" } as const)[
    prefix as "repository" | "language" | "issue"
  ];
}
