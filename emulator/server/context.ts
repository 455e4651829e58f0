import type { WorldIndex } from "../world/world-index";
import type { TokenRegistry } from "./auth";
import type { FaultInjector } from "./faults";
import type { RateLimiter } from "./rate-limits";
import type { StatsRecorder } from "./stats";

export interface EmulatorUrls {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** REST base (GITHUB_API_URL): the origin itself, as for github.com's api host. */
  api: string;
  /** Web/OAuth base (GITHUB_SERVER_URL): the same origin. */
  server: string;
  /** GITHUB_GRAPHQL_URL */
  graphql: string;
  depsdev: string;
}

/** What every handler may read: the world, the clock, and the emulator's shared machinery. */
export interface EmulatorContext {
  index: WorldIndex;
  clock: () => Date;
  urls: EmulatorUrls;
  tokens: TokenRegistry;
  limiter: RateLimiter;
  stats: StatsRecorder;
  faults: FaultInjector;
}

export function nowMs(ctx: Pick<EmulatorContext, "clock">): number {
  return ctx.clock().getTime();
}
