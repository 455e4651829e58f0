import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { BudgetLimitRow } from "@/components/budgets/budget-limit-row";
import { toBudgetScopes } from "@/components/budgets/budget-view";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { budgetLimits } from "@/lib/budget/limits";
import { budgetOverview } from "@/lib/budget/overview";
import { getProcessDb, processDatabase } from "@/lib/db/process-database";
import { resolveAllSettings } from "@/lib/settings/team";
import { updateBudgetLimit } from "./actions";

export const metadata: Metadata = { title: "Budgets · Settings" };

export default async function BudgetsPage() {
  const user = await requirePage();
  const isAdmin = user.role === "admin";
  const db = await getProcessDb();
  const resolved = await resolveAllSettings(db, processDatabase().machine);
  const values = Object.fromEntries(resolved.map((setting) => [setting.key, setting.value]));
  // The same module and limits `globallm budget show` reads.
  const overview = await budgetOverview(db, budgetLimits(values), { top: 20 });
  const scopes = toBudgetScopes(
    overview,
    resolved.filter((setting) => setting.key.startsWith("budget.")),
  );

  return (
    <>
      <PageHeader
        title="Settings"
        description={
          <>
            Hard limits on what agents may spend, with what is spent so far — the figures of{" "}
            <code className="font-mono text-[13px]">globallm budget show</code>. A model call that would pass
            a limit is refused; a blank limit means unlimited. Every change is audited.
          </>
        }
        actions={isAdmin ? <Badge tone="blue">You can edit</Badge> : <Badge>Read-only: admins edit</Badge>}
      />
      <SettingsTabs current="/settings/budgets" />
      {overview.openReservations > 0 ? (
        <p className="mt-4 text-xs text-zinc-500">
          {overview.openReservations} model call{overview.openReservations === 1 ? "" : "s"} in flight
          (reserved, not yet settled).
        </p>
      ) : null}
      <div className="mt-6 space-y-6">
        {scopes.map((scope) => (
          <section key={scope.kind} aria-labelledby={`budget-${scope.kind}`}>
            <div className="mb-2 flex items-baseline gap-3">
              <h2
                id={`budget-${scope.kind}`}
                className="text-xs font-semibold uppercase tracking-wide text-zinc-500"
              >
                {scope.title}
              </h2>
              <p className="text-xs text-zinc-400">{scope.description}</p>
            </div>
            <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
              <table className="w-full text-sm">
                <thead className="border-b border-zinc-100 text-left text-xs text-zinc-500">
                  <tr>
                    <th scope="col" className="w-1/4 px-4 py-2 font-medium">
                      Measure
                    </th>
                    <th scope="col" className="w-1/5 px-4 py-2 font-medium">
                      Used
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      % of limit
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Limit
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100">
                  {scope.limits.map((limit) => (
                    <BudgetLimitRow
                      key={limit.key}
                      limit={limit}
                      update={isAdmin ? updateBudgetLimit : undefined}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
