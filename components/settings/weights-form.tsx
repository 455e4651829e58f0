"use client";

import { type FormEvent, useState, useTransition } from "react";
import { factorLabel, formatPercent } from "@/components/repositories/format";
import { type ActionOutcome, OutcomeMessage } from "@/components/ui/action-outcome";
import type { SettingView } from "./setting-view";

interface SavedChange {
  key: string;
  before: unknown;
  after: unknown;
}

export type SaveWeights = (input: {
  values: Record<string, string>;
}) => Promise<ActionOutcome<{ changes: SavedChange[] }>>;

const draftsOf = (settings: SettingView[]) =>
  Object.fromEntries(settings.map((setting) => [setting.key, setting.text]));

/**
 * The priority weights and the health/impact thresholds as one form, saved all or none: a value
 * out of range shows beside its field, all-zero weights above the form. Each weight shows the
 * share of the priority it would carry. Without `save` (members) the values are read-only.
 */
export function WeightsForm({
  weights,
  thresholds,
  save,
}: {
  weights: SettingView[];
  thresholds: SettingView[];
  save?: SaveWeights;
}) {
  const all = [...weights, ...thresholds];
  const [drafts, setDrafts] = useState(() => draftsOf(all));
  const [serverTexts, setServerTexts] = useState(() => draftsOf(all));
  // After a save the page re-renders with the stored values; adopt them (React's "adjust state
  // when a prop changes" pattern, without an effect).
  const latest = draftsOf(all);
  if (JSON.stringify(latest) !== JSON.stringify(serverTexts)) {
    setServerTexts(latest);
    setDrafts(latest);
  }
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<ActionOutcome<{ changes: SavedChange[] }> | null>(null);
  const changed = all.filter((setting) => drafts[setting.key] !== setting.text);
  const numbers = weights.map((setting) => Number(drafts[setting.key]));
  const sum = numbers.every(Number.isFinite)
    ? numbers.reduce((total, value) => total + value, 0)
    : Number.NaN;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save) return;
    const values = Object.fromEntries(changed.map((setting) => [setting.key, drafts[setting.key] ?? ""]));
    startTransition(async () => setOutcome(await save({ values })));
  };
  const saved = outcome?.data
    ? outcome.data.changes.length === 0
      ? "Nothing changed."
      : `Saved ${outcome.data.changes.map((change) => `${change.key} ${change.before} → ${change.after}`).join(", ")}. Applied from the next run.`
    : undefined;

  const field = (setting: SettingView, share?: number) => (
    <Field
      key={setting.key}
      setting={setting}
      value={drafts[setting.key] ?? ""}
      onChange={(value) => setDrafts((current) => ({ ...current, [setting.key]: value }))}
      editable={save !== undefined && setting.source !== "env"}
      problem={outcome?.error?.fields?.[setting.key]}
      share={share}
    />
  );

  return (
    <form onSubmit={onSubmit} aria-label="Weights and thresholds" className="space-y-6">
      <section aria-labelledby="priority-weights">
        <div className="mb-2 flex items-baseline gap-3">
          <h2 id="priority-weights" className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
            Priority weights
          </h2>
          <p className="text-xs text-zinc-400">
            Relative to each other (0–100); each factor's share of an issue's priority is its weight over the
            sum.
          </p>
        </div>
        <div className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white">
          {weights.map((setting, index) => field(setting, sum > 0 ? (numbers[index] ?? 0) / sum : undefined))}
        </div>
      </section>
      <section aria-labelledby="thresholds">
        <div className="mb-2 flex items-baseline gap-3">
          <h2 id="thresholds" className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
            Thresholds
          </h2>
          <p className="text-xs text-zinc-400">
            A repository is worth working on when its health and its impact are both above these (0–1).
          </p>
        </div>
        <div className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white">
          {thresholds.map((setting) => field(setting))}
        </div>
      </section>
      {save ? (
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending || changed.length === 0}
            className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 disabled:opacity-50"
          >
            {pending ? "Saving…" : "Save changes"}
          </button>
          {changed.length > 0 ? (
            <button
              type="button"
              onClick={() => setDrafts(draftsOf(all))}
              className="text-sm font-medium text-zinc-600 hover:text-zinc-900"
            >
              Cancel
            </button>
          ) : null}
          {sum === 0 ? (
            <p className="text-xs text-amber-800">All weights are 0: the server will refuse this.</p>
          ) : null}
          <OutcomeMessage outcome={outcome} success={saved} />
        </div>
      ) : null}
    </form>
  );
}

function Field({
  setting,
  value,
  onChange,
  editable,
  problem,
  share,
}: {
  setting: SettingView;
  value: string;
  onChange: (value: string) => void;
  editable: boolean;
  problem?: string;
  share?: number;
}) {
  const id = `setting-${setting.key}`;
  const name = setting.key.split(".").at(-1) ?? setting.key;
  const label = setting.key.startsWith("thresholds.") ? `${factorLabel(name)} threshold` : factorLabel(name);
  return (
    <div
      data-testid={id}
      className="grid grid-cols-1 items-start gap-x-6 gap-y-1 px-4 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]"
    >
      <div className="min-w-0">
        <label htmlFor={editable ? id : undefined} className="font-medium text-zinc-900">
          {label}
        </label>
        <span className="ml-2 font-mono text-[11px] text-zinc-400">{setting.key}</span>
        <p className="text-xs text-zinc-500">
          {setting.source === "env"
            ? `Set by ${setting.envName} in the server's environment.`
            : setting.source === "database"
              ? "Team value."
              : "Default."}
        </p>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-3">
        {editable ? (
          <input
            id={id}
            type="text"
            inputMode="decimal"
            value={value}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => onChange(event.target.value)}
            className={`w-24 rounded-md bg-white px-2 py-1 font-mono text-sm text-zinc-900 ring-1 ring-inset focus:outline-none focus:ring-2 focus:ring-zinc-900 ${
              problem ? "ring-red-400" : "ring-zinc-300"
            }`}
          />
        ) : (
          <span className="font-mono text-sm text-zinc-900">{setting.text}</span>
        )}
        {share !== undefined ? (
          <span className="text-xs tabular-nums text-zinc-500" data-testid="weight-share">
            {formatPercent(share)} of the priority
          </span>
        ) : null}
        {problem ? (
          <p role="alert" className="basis-full text-xs text-red-700">
            {problem}
          </p>
        ) : null}
      </div>
    </div>
  );
}
