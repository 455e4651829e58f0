import { z } from "zod";
import { hashString, mulberry32 } from "../world/random";

const rate = z.number().min(0).max(1);

export const faultsSchema = z
  .object({
    /** Fraction of requests answered 500, 502 or 503 with GitHub-like bodies. */
    errorRate: rate.default(0),
    /** Added to every response, plus up to `jitterMs` more. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    jitterMs: z.number().int().min(0).max(60_000).default(0),
    /** Fraction of responses whose body is cut short mid-way (the connection drops). */
    truncateRate: rate.default(0),
    /** Every Nth request is refused with a secondary rate limit (403, retry-after). */
    secondaryRateLimitEvery: z.number().int().min(0).default(0),
    /** Seconds in the secondary rate limit's retry-after header. */
    secondaryRetryAfterSeconds: z.number().int().min(0).max(3600).default(1),
    /** Every Nth request finds the primary rate limit exhausted, resetting after a few seconds. */
    primaryRateLimit: z
      .object({
        every: z.number().int().min(1),
        resetAfterSeconds: z.number().int().min(0).max(3600).default(1),
      })
      .nullable()
      .default(null),
    /** Fraction of GraphQL requests answered 200 with only an `errors` entry (GitHub's "Something went wrong"). */
    graphqlErrorRate: rate.default(0),
    /** Seed of the fault decisions; the same seed and request sequence give the same faults. */
    seed: z.number().int().optional(),
  })
  .strict();

export type Faults = z.input<typeof faultsSchema>;
export type ResolvedFaults = z.output<typeof faultsSchema>;

export type FaultDecision =
  | { kind: "none" }
  | { kind: "error"; status: 500 | 502 | 503 }
  | { kind: "secondary" }
  | { kind: "primary"; resetAfterSeconds: number }
  | { kind: "graphql-error" };

/**
 * Decides per request which fault to inject. Decisions are a pure function of the seed and the
 * request's sequence number, so a test that replays the same requests sees the same faults.
 */
export class FaultInjector {
  private faults: ResolvedFaults = faultsSchema.parse({});
  private sequence = 0;

  constructor(private readonly seed: number) {}

  set(faults: Faults): ResolvedFaults {
    this.faults = faultsSchema.parse(faults);
    this.sequence = 0;
    return this.faults;
  }

  get current(): ResolvedFaults {
    return this.faults;
  }

  private draw(n: number, what: string): number {
    return mulberry32(hashString(`${this.faults.seed ?? this.seed}:${n}:${what}`))();
  }

  /** The next request's number and its fault (checked before the request is handled). */
  decide(isGraphql: boolean): { n: number; decision: FaultDecision; delayMs: number; truncate: boolean } {
    const n = ++this.sequence;
    const f = this.faults;
    const delayMs = f.latencyMs + (f.jitterMs > 0 ? Math.floor(this.draw(n, "jitter") * f.jitterMs) : 0);
    const truncate = f.truncateRate > 0 && this.draw(n, "truncate") < f.truncateRate;
    let decision: FaultDecision = { kind: "none" };
    if (f.secondaryRateLimitEvery > 0 && n % f.secondaryRateLimitEvery === 0)
      decision = { kind: "secondary" };
    else if (f.primaryRateLimit && n % f.primaryRateLimit.every === 0) {
      decision = { kind: "primary", resetAfterSeconds: f.primaryRateLimit.resetAfterSeconds };
    } else if (f.errorRate > 0 && this.draw(n, "error") < f.errorRate) {
      const statuses = [500, 502, 503] as const;
      decision = { kind: "error", status: statuses[Math.floor(this.draw(n, "status") * 3)] ?? 502 };
    } else if (isGraphql && f.graphqlErrorRate > 0 && this.draw(n, "graphql") < f.graphqlErrorRate) {
      decision = { kind: "graphql-error" };
    }
    return { n, decision, delayMs, truncate: truncate && decision.kind === "none" };
  }
}
