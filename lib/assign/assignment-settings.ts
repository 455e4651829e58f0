/** The lease and retry rules every door uses, derived from the team settings. */
export interface AssignmentSettings {
  /** A lease lasts this long after each heartbeat; `agent.heartbeat_timeout_minutes`. */
  leaseSeconds: number;
  /** How often a holder renews its lease; `agent.heartbeat_interval_seconds`. */
  heartbeatIntervalMs: number;
  /** A failed issue returns to the pool until it has been attempted this often. */
  maxAttempts: number;
  backoff: BackoffPolicy;
}

export interface BackoffPolicy {
  baseSeconds: number;
  maxSeconds: number;
}

// A failing issue waits 1, 2, 4 … minutes, at most an hour: long enough for a flaky service to recover,
// short enough that a fixed bug gets another try the same day.
export const defaultBackoff: BackoffPolicy = { baseSeconds: 60, maxSeconds: 3600 };

export function assignmentSettings(values: Record<string, unknown>): AssignmentSettings {
  const timeoutMinutes = Number(values["agent.heartbeat_timeout_minutes"] ?? 30);
  const intervalSeconds = Number(values["agent.heartbeat_interval_seconds"] ?? 60);
  return {
    leaseSeconds: timeoutMinutes * 60,
    // A lease must survive at least one late heartbeat, so renew no less than three times per lease.
    heartbeatIntervalMs: Math.min(intervalSeconds, (timeoutMinutes * 60) / 3) * 1000,
    maxAttempts: Number(values["agent.max_attempts"] ?? 3),
    backoff: defaultBackoff,
  };
}

/** Seconds a failed issue waits before its next attempt (attempt 1 → base, doubling, capped). */
export function backoffSeconds(attempt: number, policy: BackoffPolicy = defaultBackoff): number {
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** Math.max(0, attempt - 1));
}
