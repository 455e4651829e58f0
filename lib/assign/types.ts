/** What a claim hands to its holder: the issue and the lease that fences every later write. */
export interface Lease {
  issueId: number;
  leaseToken: string;
  agentId: string;
  leaseExpiresAt: Date;
  /** 1 for the first claim of the issue, 2 for the next, … */
  attempt: number;
}

export interface ClaimedIssue extends Lease {
  repositoryId: number;
  repositoryFullName: string;
  language: string | null;
  number: number;
  title: string;
  url: string | null;
  priority: number | null;
  pinned: boolean;
  claimedAt: Date;
}

/** Narrows which issues a claim may take; every filter is optional. */
export interface ClaimFilters {
  issueId?: number;
  repositoryIds?: number[];
  /** Repository languages, compared case-insensitively. */
  languages?: string[];
  minPriority?: number;
}
