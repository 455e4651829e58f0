import { hasGlobalHeadroom } from "../lib/budget/headroom";
import { budgetPolicy } from "../lib/budget/policy";
import { callCost } from "../lib/budget/prices";
import type { Database } from "../lib/db/client";

/**
 * Shared by a worker's claim loops: once a call is refused by the overall or weekly budget, no loop
 * claims again until those budgets have room for at least one more call (raised limit, reset, new
 * week). Without it every loop would claim, be refused and release, over and over.
 */
export class BudgetGate {
  private closed = false;

  close(): void {
    this.closed = true;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async allowsClaims(db: Database, values: Record<string, unknown>): Promise<boolean> {
    if (!this.closed) return true;
    const policy = budgetPolicy(values, String(values["model.name"]));
    // The smallest call the budget would ever have to reserve: no input, full output.
    const minimum = {
      costUsd: callCost(policy.price, 0, policy.maxOutputTokens),
      tokens: policy.maxOutputTokens,
      ms: 0,
    };
    if (await hasGlobalHeadroom(db, policy.limits, minimum)) this.closed = false;
    return !this.closed;
  }
}
