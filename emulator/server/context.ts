import { hashString } from "../world/random";
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
  /** The next x-github-request-id. */
  requestId: () => string;
}

/** GitHub's request ids look like C5E6:3A1A:1B5C2F:1C0B4E:65A1B2C3; these count per emulator. */
export function requestIds(seed: number): () => string {
  let n = 0;
  return () => {
    n++;
    const part = (k: string, width: number) =>
      hashString(`${seed}:${n}:${k}`).toString(16).toUpperCase().padStart(8, "0").slice(0, width);
    return `${part("a", 4)}:${part("b", 4)}:${part("c", 6)}:${part("d", 6)}:${part("e", 8)}`;
  };
}
