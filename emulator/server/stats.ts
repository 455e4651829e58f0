import type { Resource } from "./router";

export interface EmulatorStats {
  requests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  notModified: number;
  /** Rate-limit points spent per resource (a 304 spends none; GraphQL spends its cost). */
  points: Record<Resource, number>;
  /** GraphQL requests executed, their summed cost and node counts, and server time spent on them. */
  graphql: { requests: number; cost: number; nodes: number; ms: number; maxMs: number; cpuMs: number };
  faults: {
    errors: number;
    secondaryRateLimits: number;
    primaryRateLimits: number;
    truncated: number;
    graphqlErrors: number;
    delayedMs: number;
  };
}

function empty(): EmulatorStats {
  return {
    requests: 0,
    byRoute: {},
    byStatus: {},
    notModified: 0,
    points: { core: 0, search: 0, graphql: 0 },
    graphql: { requests: 0, cost: 0, nodes: 0, ms: 0, maxMs: 0, cpuMs: 0 },
    faults: {
      errors: 0,
      secondaryRateLimits: 0,
      primaryRateLimits: 0,
      truncated: 0,
      graphqlErrors: 0,
      delayedMs: 0,
    },
  };
}

/** Counters for tests and benchmarks; `/_emulator/*` requests are never counted. */
export class StatsRecorder {
  private stats = empty();

  request(route: string, status: number): void {
    this.stats.requests++;
    this.stats.byRoute[route] = (this.stats.byRoute[route] ?? 0) + 1;
    this.stats.byStatus[String(status)] = (this.stats.byStatus[String(status)] ?? 0) + 1;
    if (status === 304) this.stats.notModified++;
  }

  points(resource: Resource, points: number): void {
    this.stats.points[resource] += points;
  }

  /** `cpuMs` is process CPU time, which a loaded machine does not inflate the way wall time is. */
  graphql(cost: number, nodes: number, ms: number, cpuMs: number): void {
    this.stats.graphql.requests++;
    this.stats.graphql.cost += cost;
    this.stats.graphql.nodes += nodes;
    this.stats.graphql.ms += ms;
    this.stats.graphql.maxMs = Math.max(this.stats.graphql.maxMs, ms);
    this.stats.graphql.cpuMs += cpuMs;
  }

  fault(kind: keyof EmulatorStats["faults"], amount = 1): void {
    this.stats.faults[kind] += amount;
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = empty();
  }
}
