/**
 * The NOTIFY channel on which PostgreSQL announces that an issue became claimable (migration
 * 0005): new issues, releases and retries. Idle workers LISTEN here instead of polling fast.
 */
export const issueAvailableChannel = "globallm_issue_available";
