import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type IssueCategory, type IssueSeverity, issueRanks, issues, repositories } from "../db/schema";

export const issueSorts = ["priority", "created", "updated"] as const;
export type IssueSort = (typeof issueSorts)[number];

export interface ListIssuesParams {
  repositoryId?: number;
  state?: "open" | "closed" | "all";
  category?: IssueCategory;
  severity?: IssueSeverity;
  language?: string;
  search?: string;
  sort?: IssueSort;
  direction?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

function whereOf(params: ListIssuesParams): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (params.repositoryId !== undefined) conditions.push(eq(issues.repositoryId, params.repositoryId));
  if (params.state && params.state !== "all") conditions.push(eq(issues.state, params.state));
  if (params.category) conditions.push(eq(issues.category, params.category));
  if (params.severity) conditions.push(eq(issues.severity, params.severity));
  if (params.language)
    conditions.push(sql`lower(${repositories.language}) = ${params.language.toLowerCase()}`);
  if (params.search?.trim())
    conditions.push(sql`${issues.title} ilike ${`%${params.search.trim().replace(/[%_\\]/g, "\\$&")}%`}`);
  return and(...conditions);
}

const sortColumns = {
  priority: issueRanks.priority,
  created: issues.githubCreatedAt,
  updated: issues.githubUpdatedAt,
} as const;

/** One page of stored issues with their repository's name and language; filtered and sorted by the database. */
export async function listIssues(db: Database, params: ListIssuesParams = {}) {
  const pageSize = Math.min(Math.max(params.pageSize ?? 50, 1), 1000);
  const page = Math.max(params.page ?? 1, 1);
  const where = whereOf(params);
  const column = sortColumns[params.sort ?? "priority"];
  const order = params.direction === "asc" ? asc(column) : sql`${column} desc nulls last`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        issue: issues,
        /** Null when prioritization has not ranked the issue. */
        priority: issueRanks.priority,
        repository: { fullName: repositories.fullName, language: repositories.language },
      })
      .from(issues)
      .innerJoin(repositories, eq(repositories.id, issues.repositoryId))
      .leftJoin(issueRanks, eq(issueRanks.issueId, issues.id))
      .where(where)
      .orderBy(order, desc(issues.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ value: count() })
      .from(issues)
      .innerJoin(repositories, eq(repositories.id, issues.repositoryId))
      .where(where),
  ]);
  return { rows, total: total?.value ?? 0, page, pageSize };
}
