import type { Database } from "../db/client";
import { type GithubRequest, githubRequests } from "../db/schema";

export interface RequestRecord {
  method: string;
  endpoint: string;
  status: number | null;
  resource: string | null;
  cost: number;
  cacheHit: "none" | "etag" | "fresh";
  durationMs: number;
}

export interface RequestStats {
  /** HTTP exchanges with GitHub (every attempt, retries included). */
  requests: number;
  /** Answers served from the cache without any HTTP exchange. */
  cacheHits: number;
  /** 304 revalidations (an HTTP exchange that costs no rate limit). */
  notModified: number;
  /** Rate-limit points spent, per resource (core, search, graphql …). */
  points: Record<string, number>;
  byStatus: Record<string, number>;
}

/**
 * Keeps every request in memory for the command's own report and writes them to the database in
 * batches, so `status` and benchmarks can report requests and rate-limit points per repository.
 */
export class RequestLog {
  private pending: GithubRequest[] = [];
  private readonly totals: RequestStats = {
    requests: 0,
    cacheHits: 0,
    notModified: 0,
    points: {},
    byStatus: {},
  };

  constructor(
    private readonly db: Database | undefined,
    private readonly runId: string | undefined,
  ) {}

  record(entry: RequestRecord): void {
    if (entry.cacheHit === "fresh") this.totals.cacheHits++;
    else this.totals.requests++;
    if (entry.status === 304) this.totals.notModified++;
    if (entry.status !== null)
      this.totals.byStatus[entry.status] = (this.totals.byStatus[entry.status] ?? 0) + 1;
    if (entry.cost > 0) {
      const resource = entry.resource ?? "core";
      this.totals.points[resource] = (this.totals.points[resource] ?? 0) + entry.cost;
    }
    this.pending.push({ ...entry, runId: this.runId });
    if (this.pending.length >= 200) void this.flush();
  }

  stats(): RequestStats {
    return structuredClone(this.totals);
  }

  async flush(): Promise<void> {
    if (!this.db || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.db.insert(githubRequests).values(batch);
  }
}

export function totalPoints(stats: RequestStats): number {
  return Object.values(stats.points).reduce((sum, points) => sum + points, 0);
}
