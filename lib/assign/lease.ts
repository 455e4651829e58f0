import type { Database } from "../db/client";
import { toDateOrNull } from "../db/raw-values";
import { AppError } from "../errors";
import type { Lease } from "./types";

/** The holder's lease was released or taken over: it must stop before any side effect. */
export class LeaseLostError extends AppError {
  constructor(lease: Pick<Lease, "issueId" | "agentId">) {
    super(
      "conflict:assignment",
      `Agent ${lease.agentId} no longer holds issue ${lease.issueId}; its work is abandoned.`,
    );
    this.name = "LeaseLostError";
  }
}

export function isLeaseLost(error: unknown): error is LeaseLostError {
  return error instanceof LeaseLostError;
}

/**
 * Extends the lease if, and only if, the token still matches. Returns the new expiry, or null
 * when the lease was lost (released by cleanup or an admin): the holder must then stop.
 */
export async function renewLease(
  db: Database,
  lease: Pick<Lease, "issueId" | "leaseToken">,
  leaseSeconds: number,
): Promise<Date | null> {
  const rows = await db.$client`
    update issues set
      lease_expires_at = now() + make_interval(secs => ${leaseSeconds}),
      last_heartbeat_at = now()
    where id = ${lease.issueId} and lease_token = ${lease.leaseToken} and assignment_status = 'assigned'
    returning lease_expires_at`;
  return toDateOrNull(rows[0]?.lease_expires_at);
}

/**
 * Call right before an irreversible side effect (push, pull request, comment): the lease must be
 * held and unexpired, otherwise another agent may already own the issue.
 */
export async function assertLeaseHeld(db: Database, lease: Lease): Promise<void> {
  const rows = await db.$client`
    select 1 from issues
    where id = ${lease.issueId} and lease_token = ${lease.leaseToken}
      and assignment_status = 'assigned' and lease_expires_at > clock_timestamp()`;
  if (rows.length === 0) throw new LeaseLostError(lease);
}
