import { renewLease } from "../lib/assign/lease";
import type { Lease } from "../lib/assign/types";
import type { Database } from "../lib/db/client";
import type { Logger } from "../lib/logger";
import { JobStopped } from "./processors/base-processor";

export interface LeaseKeeper {
  /** Aborted (reason JobStopped "lease_lost") once the lease is gone or can no longer be confirmed. */
  signal: AbortSignal;
  stop(): void;
}

/**
 * Renews a lease in the background while its job runs. The job is stopped when a renewal finds the
 * token replaced, and also when no renewal could be confirmed for almost a whole lease (a database
 * outage): from then on another agent may legitimately hold the issue.
 */
export function keepLease(options: {
  db: Database;
  lease: Lease;
  leaseSeconds: number;
  intervalMs: number;
  log: Logger;
}): LeaseKeeper {
  const { db, lease, leaseSeconds, intervalMs, log } = options;
  const controller = new AbortController();
  let lastConfirmed = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const lose = (why: string) => {
    log.warn(`lost the lease on issue ${lease.issueId}: ${why}`);
    controller.abort(new JobStopped("lease_lost"));
  };
  const tick = async () => {
    if (stopped) return;
    const sentAt = Date.now();
    try {
      const expires = await renewLease(db, lease, leaseSeconds);
      if (stopped) return;
      if (!expires) return lose("released or taken over");
      lastConfirmed = sentAt;
    } catch (error) {
      log.warn(`heartbeat for issue ${lease.issueId} failed`, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    if (Date.now() - lastConfirmed > leaseSeconds * 1000 - intervalMs)
      return lose("no heartbeat confirmed in time");
    timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return {
    signal: controller.signal,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
