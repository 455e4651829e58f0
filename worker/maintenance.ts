import { touchAgent } from "../lib/agents/registry";
import { assignmentSettings } from "../lib/assign/assignment-settings";
import { releaseStaleAssignments } from "../lib/assign/release";
import { budgetLimits } from "../lib/budget/limits";
import { expireReservations } from "../lib/budget/settle";
import type { Database } from "../lib/db/client";
import type { Logger } from "../lib/logger";
import type { SettingsSource } from "./settings-source";
import type { Wakeup } from "./wakeup";

/**
 * Housekeeping every worker does on the side, so that no separate janitor process is needed: mark
 * the agent alive, return issues of agents that stopped heartbeating to the pool, and charge
 * reservations of calls whose worker died. Any number of workers may do it at once (SKIP LOCKED,
 * idempotent settlement).
 */
export function startMaintenance(options: {
  db: Database;
  agentId: string;
  settings: SettingsSource;
  log: Logger;
  wakeup: Wakeup;
}): { stop(): Promise<void> } {
  const { db, agentId, settings, log, wakeup } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let lastExpiryCheck = 0;
  const pass = async () => {
    const values = await settings.get();
    const rules = assignmentSettings(values);
    await touchAgent(db, agentId);
    const released = await releaseStaleAssignments(db, {
      maxAttempts: rules.maxAttempts,
      actor: `agent:${agentId}`,
    });
    if (released.length > 0) {
      log.info(`released ${released.length} stale assignment(s)`, {
        issues: released.map((entry) => entry.issueId).slice(0, 20),
      });
      wakeup.wake();
    }
    // Reservations expire minutes after their call's timeout; looking twice a minute is plenty.
    if (Date.now() - lastExpiryCheck > 30_000) {
      lastExpiryCheck = Date.now();
      const expired = await expireReservations(db, budgetLimits(values));
      if (expired > 0) log.warn(`charged ${expired} abandoned budget reservation(s) at their worst case`);
    }
    // Leases are released only after they expire, so sweeping a few times per lease is enough.
    return Math.max(rules.heartbeatIntervalMs, (rules.leaseSeconds * 1000) / 3);
  };
  const loop = async () => {
    let nextMs = 1000;
    try {
      nextMs = await pass();
    } catch (error) {
      log.warn("maintenance pass failed", { error: error instanceof Error ? error.message : String(error) });
    }
    // Jitter keeps a fleet started together from sweeping in lockstep.
    if (!stopped) timer = setTimeout(() => (running = loop()), nextMs * (0.75 + Math.random() * 0.5));
  };
  running = loop();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
