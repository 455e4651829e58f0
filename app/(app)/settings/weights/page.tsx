import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { formatDateTime } from "@/components/repositories/format";
import { toSettingView } from "@/components/settings/setting-view";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { WeightsForm } from "@/components/settings/weights-form";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getProcessDb, processDatabase } from "@/lib/db/process-database";
import { listEvents } from "@/lib/events/list-events";
import {
  priorityWeightKeys,
  resolveWeightsAndThresholds,
  weightAndThresholdKeys,
} from "@/lib/settings/weights-and-thresholds";
import { updateWeights } from "./actions";

export const metadata: Metadata = { title: "Weights and thresholds · Settings" };

export default async function WeightsPage() {
  const user = await requirePage();
  const isAdmin = user.role === "admin";
  const db = await getProcessDb();
  const [resolved, changes] = await Promise.all([
    resolveWeightsAndThresholds(db, processDatabase().machine.env),
    listEvents(db, { subjectType: "setting", subjectId: weightAndThresholdKeys, limit: 10 }),
  ]);
  const views = resolved.map(toSettingView);

  return (
    <>
      <PageHeader
        title="Settings"
        description={
          <>
            How issues are ranked and which repositories are worth working on. Weights apply on the next
            prioritization (<code className="font-mono text-[13px]">globallm prioritize</code>, or when an
            issue is re-categorized); thresholds on the next analysis (
            <code className="font-mono text-[13px]">globallm analyze</code>, or Re-analyze). Every change is
            audited.
          </>
        }
        actions={isAdmin ? <Badge tone="blue">You can edit</Badge> : <Badge>Read-only: admins edit</Badge>}
      />
      <SettingsTabs current="/settings/weights" />
      <div className="mt-6">
        <WeightsForm
          weights={views.filter((view) => priorityWeightKeys.includes(view.key))}
          thresholds={views.filter((view) => !priorityWeightKeys.includes(view.key))}
          save={isAdmin ? updateWeights : undefined}
        />
      </div>
      <section aria-labelledby="weight-changes" className="mt-8">
        <h2 id="weight-changes" className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">
          Recent changes
        </h2>
        {changes.length === 0 ? (
          <p className="text-sm text-zinc-500">No change yet: the defaults apply.</p>
        ) : (
          <ol
            data-testid="weight-changes"
            className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white text-sm"
          >
            {changes.map((event) => {
              const data = (event.data ?? {}) as { before?: unknown; after?: unknown };
              return (
                <li key={event.id} className="flex flex-wrap items-baseline gap-x-3 px-4 py-2">
                  <time dateTime={event.at.toISOString()} className="w-36 shrink-0 text-xs text-zinc-500">
                    {formatDateTime(event.at)}
                  </time>
                  <span className="font-mono text-xs text-zinc-600">{event.actor}</span>
                  <span className="font-mono text-xs text-zinc-900">{event.subjectId}</span>
                  <span className="tabular-nums text-zinc-700">
                    {String(data.before)} → {String(data.after)}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </>
  );
}
