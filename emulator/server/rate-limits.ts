import type { Identity } from "./auth";
import type { Resource } from "./router";

export interface RateLimitOptions {
  core?: number;
  search?: number;
  graphql?: number;
  anonymousCore?: number;
  /** GitHub allows 10 searches a minute without a token. */
  anonymousSearch?: number;
}

export interface Bucket {
  limit: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

const WINDOW_SECONDS: Record<Resource, number> = { core: 3600, search: 60, graphql: 3600 };

/**
 * GitHub's primary rate limits: a fixed window per identity and resource, starting at the first
 * request of the window (core and GraphQL hourly, search per minute).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  readonly limits: Required<RateLimitOptions>;

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number,
  ) {
    this.limits = {
      core: options.core ?? 5000,
      search: options.search ?? 30,
      graphql: options.graphql ?? 5000,
      anonymousCore: options.anonymousCore ?? 60,
      anonymousSearch: options.anonymousSearch ?? 10,
    };
  }

  private limitFor(identity: Identity, resource: Resource): number {
    const anonymous = identity.kind !== "user";
    if (resource === "core") return anonymous ? this.limits.anonymousCore : this.limits.core;
    if (resource === "search") return anonymous ? this.limits.anonymousSearch : this.limits.search;
    // GitHub's GraphQL API needs a token; an anonymous caller never gets this far.
    return this.limits.graphql;
  }

  /** The current window for the identity, refilled when the previous one has passed. */
  bucket(identity: Identity, resource: Resource): Bucket {
    const key = `${identity.key}|${resource}`;
    const nowSeconds = Math.floor(this.now() / 1000);
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.reset <= nowSeconds) {
      bucket = {
        limit: this.limitFor(identity, resource),
        used: 0,
        reset: nowSeconds + WINDOW_SECONDS[resource],
      };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Spends points; the caller has checked that some remain. */
  charge(bucket: Bucket, points: number): void {
    bucket.used += points;
  }

  remaining(bucket: Bucket): number {
    return Math.max(0, bucket.limit - bucket.used);
  }

  headers(bucket: Bucket, resource: Resource): Record<string, string> {
    return {
      "x-ratelimit-limit": String(bucket.limit),
      "x-ratelimit-remaining": String(this.remaining(bucket)),
      "x-ratelimit-reset": String(bucket.reset),
      "x-ratelimit-used": String(bucket.used),
      "x-ratelimit-resource": resource,
    };
  }

  /** Forget every window, e.g. between benchmark runs. */
  reset(): void {
    this.buckets.clear();
  }
}
