import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { SettingField } from "@/components/settings/setting-field";
import { groupSettings, toSettingView } from "@/components/settings/setting-view";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getProcessDb, processDatabase } from "@/lib/db/process-database";
import { resolveAllSettings } from "@/lib/settings/team";
import { resetSetting, updateSetting } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePage();
  const isAdmin = user.role === "admin";
  const resolved = await resolveAllSettings(await getProcessDb(), processDatabase().machine);
  // Team settings only: machine settings (connections, keys) stay on each machine, never in a page.
  const groups = groupSettings(
    resolved.filter((setting) => setting.definition.scope === "team").map(toSettingView),
  );
  const actions = isAdmin ? { update: updateSetting, reset: resetSetting } : undefined;

  return (
    <>
      <PageHeader
        title="Settings"
        description={
          <>
            Team-wide filters, thresholds, weights, budgets and model choices, shared by the web app, every
            worker and <code className="font-mono text-[13px]">globallm config set</code>. Every change is
            audited.
          </>
        }
        actions={isAdmin ? <Badge tone="blue">You can edit</Badge> : <Badge>Read-only: admins edit</Badge>}
      />
      <SettingsTabs current="/settings" />
      <div className="mt-6 space-y-6">
        {groups.map((group) => (
          <section key={group.name} aria-labelledby={`group-${group.name}`}>
            <h2
              id={`group-${group.name}`}
              className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500"
            >
              {group.name}
            </h2>
            <div className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white">
              {group.items.map((setting) => (
                <SettingField key={setting.key} setting={setting} actions={actions} />
              ))}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
