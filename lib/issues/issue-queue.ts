import type postgres from "postgres";
import { claimablePredicate } from "../assign/claim-next-issue";
import type { Database } from "../db/client";
import { toDate, toDateOrNull } from "../db/raw-values";
import type { AssignmentStatus, IssueCategory, IssueSeverity } from "../db/schema";
import { type PriorityBreakdown, rankColumns, rankJoin, readRank } from "../prioritize/priority-breakdown";
import { unrankedColumns, unrankedReason } from "../prioritize/unranked-reason";
import { ISSUE_COUNT_CAP, type IssueQueueSort, type IssueQueueView } from "./queue-options";
import { triageActions } from "./triage";

export interface ListIssueQueueParams {
  view?: IssueQueueView;
  /** Part of a repository's OWNER/NAME, any case. */
  repository?: string;
  language?: string;
  category?: IssueCategory;
  severity?: IssueSeverity;
  status?: AssignmentStatus;
  sort?: IssueQueueSort;
  direction?: "asc" | "desc";
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface IssueQueueRow {
  id: number;
  repository: string;
  language: string | null;
  number: number;
  title: string;
  url: string | null;
  state: "open" | "closed";
  category: IssueCategory | null;
  /** labels, text, llm or triage. */
  categorySource: string | null;
  categoryReason: string | null;
  severity: IssueSeverity | null;
  priority: number | null;
  priorityReason: string | null;
  breakdown: PriorityBreakdown | null;
  pinned: boolean;
  skipped: boolean;
  /** Pinned and claimable: agents take it before any other, so the queue shows it first. */
  atHead: boolean;
  assignmentStatus: AssignmentStatus;
  assignedTo: string | null;
  /** When the issue was opened and last changed on GitHub (null if never fetched from there). */
  githubCreatedAt: Date | null;
  githubUpdatedAt: Date | null;
  /** The latest pin, skip or re-categorization, and who made it. */
  lastTriage: { action: string; actor: string; at: Date } | null;
}

export interface IssueQueuePage {
  rows: IssueQueueRow[];
  /** Matching issues, counted up to ISSUE_COUNT_CAP. */
  total: number;
  /** More than `total` match. */
  capped: boolean;
  page: number;
  pageSize: number;
}

type Fragment = postgres.PendingQuery<postgres.Row[]>;

function filterSql(sql: postgres.Sql, params: ListIssueQueueParams): Fragment {
  const parts: Fragment[] = [];
  if (params.repository) {
    const term = `%${params.repository.replace(/[%_\\]/g, "\\$&")}%`;
    parts.push(sql`and i.repository_id in (select id from repositories where full_name ilike ${term})`);
  }
  if (params.language) {
    parts.push(
      sql`and i.repository_id in (select id from repositories where lower(language) = ${params.language.toLowerCase()})`,
    );
  }
  if (params.category) parts.push(sql`and i.category = ${params.category}`);
  if (params.severity) parts.push(sql`and i.severity = ${params.severity}`);
  if (params.status) parts.push(sql`and i.assignment_status = ${params.status}`);
  return parts.reduce((all, part) => sql`${all} ${part}`, sql``);
}

const ranked = (sql: postgres.Sql) => sql`exists (select 1 from issue_ranks k where k.issue_id = i.id)`;

/** For a query on issues `i`. */
function viewSql(sql: postgres.Sql, view: IssueQueueView): Fragment {
  if (view === "ranked") return ranked(sql);
  if (view === "unranked") return sql`i.state = 'open' and not ${ranked(sql)}`;
  return sql`i.state = 'closed'`;
}

/** Numbers the candidates (id, at_head and what `order` reads) in `order` and keeps the page's. */
function numberedPage(sql: postgres.Sql, candidates: Fragment, order: Fragment, offset: number, end: number) {
  return sql`
    select id, at_head, ordinal from (
      select id, at_head, row_number() over (order by ${order}) as ordinal from (${candidates}) candidates
    ) numbered
    where ordinal > ${offset} and ordinal <= ${end}`;
}

/** The date sorts' columns; each has an index on `(column desc nulls last, id)`. */
const dateColumns = { updated: "github_updated_at", created: "github_created_at" } as const;

/**
 * The ids of one page, with their order. Sorted by a date, any view is ordered purely by that
 * date — no claim order, pins do not come first — with issues that have no date last and the id
 * breaking ties (see datePageIds). Sorted by priority, ranked issues come in claim order (the
 * order of lib/assign/claim-next-issue.ts): pinned claimable issues first, read from
 * issue_ranks_claim_idx, then by priority from issue_ranks_priority_idx, so a page costs the same at 100
 * or 1,000,000 issues. Each half reads at most as far as the page ends; `asc` walks both
 * backwards. The other views have no priority to order by: newest first, on the primary key.
 */
function pageIds(sql: postgres.Sql, params: ListIssueQueueParams, offset: number, limit: number): Fragment {
  const sort = params.sort ?? "priority";
  if (sort !== "priority") return datePageIds(sql, params, dateColumns[sort], offset, limit);
  const filters = filterSql(sql, params);
  const view = params.view ?? "ranked";
  if (view !== "ranked") {
    return sql`
      select id, false as at_head, row_number() over (order by id desc) as ordinal from (
        select i.id from issues i where ${viewSql(sql, view)} ${filters}
        order by i.id desc offset ${offset} limit ${limit}) newest`;
  }
  const asc = params.direction === "asc";
  const end = offset + limit;
  const claimable = claimablePredicate(sql);
  return numberedPage(
    sql,
    sql`
      (select k.issue_id as id, true as at_head, k.priority from issue_ranks k join issues i on i.id = k.issue_id
        where ${claimable} and k.pinned ${filters}
        order by ${asc ? sql`k.pinned asc nulls first, k.priority asc nulls first, k.issue_id desc` : sql`k.pinned desc nulls last, k.priority desc nulls last, k.issue_id`}
        limit ${end})
      union all
      (select k.issue_id, false, k.priority from issue_ranks k join issues i on i.id = k.issue_id
        where not (k.pinned and ${claimable}) ${filters}
        order by ${asc ? sql`k.priority asc nulls first, k.issue_id desc` : sql`k.priority desc nulls last, k.issue_id`}
        limit ${end})`,
    asc ? sql`at_head, priority asc nulls first, id desc` : sql`at_head desc, priority desc nulls last, id`,
    offset,
    end,
  );
}

/**
 * A page by date, in two halves that each read at most as far as the page ends: the dated issues
 * from the date's index (forwards for `desc`: newest first, then by id; backwards for `asc`:
 * oldest first, then by id descending), then those without a date, by id in the same direction
 * (from the same index's null end, or the primary key when there are many). Nulls come last either
 * way. The dated half says `asc nulls first` because that is the index read backwards; it has no
 * nulls, so the order is the same. A pinned claimable issue keeps its place by date but is still
 * marked as the next one agents take.
 */
function datePageIds(
  sql: postgres.Sql,
  params: ListIssueQueueParams,
  name: (typeof dateColumns)[keyof typeof dateColumns],
  offset: number,
  limit: number,
): Fragment {
  const column = sql`i.${sql(name)}`;
  const where = sql`${viewSql(sql, params.view ?? "ranked")} ${filterSql(sql, params)}`;
  const asc = params.direction === "asc";
  const end = offset + limit;
  const atHead = sql`(i.pinned and ${claimablePredicate(sql)} and ${ranked(sql)})`;
  return numberedPage(
    sql,
    sql`
      (select i.id, ${atHead} as at_head, ${column} as sorted_at from issues i
        where ${column} is not null and ${where}
        order by ${asc ? sql`${column} asc nulls first, i.id desc` : sql`${column} desc nulls last, i.id`}
        limit ${end})
      union all
      (select i.id, ${atHead}, null from issues i
        where ${column} is null and ${where}
        order by ${asc ? sql`i.id desc` : sql`i.id`}
        limit ${end})`,
    asc ? sql`sorted_at asc nulls last, id desc` : sql`sorted_at desc nulls last, id`,
    offset,
    end,
  );
}

/** One page's rows, in order (exposed so that a test can EXPLAIN exactly what runs). */
export function issueQueuePageStatement(
  sql: postgres.Sql,
  params: ListIssueQueueParams,
  offset: number,
  limit: number,
): Fragment {
  return sql`
    with picked as (${pageIds(sql, params, offset, limit)})
    select p.at_head, i.id, r.full_name, r.language, i.number, i.title, i.url, i.state, i.category,
      i.category_source, i.feature_reasons->>'category' as category_reason, i.severity,
      i.pinned, i.skipped, i.assignment_status, i.assigned_to, i.github_created_at, i.github_updated_at,
      ${rankColumns(sql)}, ${unrankedColumns(sql)},
      t.action as triage_action, t.actor as triage_actor, t.at as triage_at
    from picked p
    join issues i on i.id = p.id
    join repositories r on r.id = i.repository_id
    ${rankJoin(sql)}
    left join lateral (
      select action, actor, at from events e
      where e.subject_type = 'issue' and e.subject_id = i.id::text and e.action = any(${[...triageActions]}::text[])
      order by e.at desc, e.id desc limit 1
    ) t on true
    order by p.ordinal`;
}

/**
 * One page of the Issues queue, filtered on the server, with each issue's priority breakdown and
 * its latest triage event. The count stops at ISSUE_COUNT_CAP rather than counting millions.
 */
export async function listIssueQueue(
  db: Database,
  params: ListIssueQueueParams = {},
): Promise<IssueQueuePage> {
  const sql = db.$client;
  const pageSize = Math.min(Math.max(params.pageSize ?? 50, 1), 200);
  const page = Math.max(params.page ?? 1, 1);
  const view = params.view ?? "ranked";
  const [rows, [counted]] = await Promise.all([
    issueQueuePageStatement(sql, params, (page - 1) * pageSize, pageSize),
    sql`
      select count(*)::int as count from (
        select 1 from issues i where ${viewSql(sql, view)} ${filterSql(sql, params)} limit ${ISSUE_COUNT_CAP + 1}
      ) matching`,
  ]);
  const count = Number(counted?.count ?? 0);
  return {
    rows: rows.map(toQueueRow),
    total: Math.min(count, ISSUE_COUNT_CAP),
    capped: count > ISSUE_COUNT_CAP,
    page,
    pageSize,
  };
}

function toQueueRow(row: postgres.Row): IssueQueueRow {
  const rank = readRank(row);
  return {
    id: Number(row.id),
    repository: String(row.full_name),
    language: (row.language as string | null) ?? null,
    number: Number(row.number),
    title: String(row.title),
    url: (row.url as string | null) ?? null,
    state: row.state as IssueQueueRow["state"],
    category: (row.category as IssueCategory | null) ?? null,
    categorySource: (row.category_source as string | null) ?? null,
    categoryReason: (row.category_reason as string | null) ?? null,
    severity: (row.severity as IssueSeverity | null) ?? null,
    priority: rank?.priority ?? null,
    priorityReason: rank?.reason ?? unrankedReason(row),
    breakdown: rank?.breakdown ?? null,
    pinned: Boolean(row.pinned),
    skipped: Boolean(row.skipped),
    atHead: row.at_head === true,
    assignmentStatus: row.assignment_status as AssignmentStatus,
    assignedTo: (row.assigned_to as string | null) ?? null,
    githubCreatedAt: toDateOrNull(row.github_created_at),
    githubUpdatedAt: toDateOrNull(row.github_updated_at),
    lastTriage: row.triage_action
      ? { action: String(row.triage_action), actor: String(row.triage_actor), at: toDate(row.triage_at) }
      : null,
  };
}
