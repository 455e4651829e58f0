// The Issues queue's views and sort keys, apart from the query so that a browser bundle (the web
// table's controls) can use them without pulling in the database driver.

/**
 * ranked: what prioritization ranked (open, approved, in the focus languages, nobody on it, not
 * finished by an agent), in claim order; unranked: open issues it left out, with why; closed:
 * issues closed on GitHub.
 */
export const issueQueueViews = ["ranked", "unranked", "closed"] as const;
export type IssueQueueView = (typeof issueQueueViews)[number];

/** priority: claim order (ranked view only); updated, created: when on GitHub, in every view. */
export const issueQueueSorts = ["priority", "updated", "created"] as const;
export type IssueQueueSort = (typeof issueQueueSorts)[number];

/** Counting stops here: "10,000+" is as useful as an exact figure, and costs nothing at any size. */
export const ISSUE_COUNT_CAP = 10_000;
