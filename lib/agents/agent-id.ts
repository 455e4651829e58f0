import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** `hostname-pid-random`: unique across machines and restarts, readable in `assign status`. */
export function newAgentId(override?: string): string {
  if (override) return override;
  return `${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
}
