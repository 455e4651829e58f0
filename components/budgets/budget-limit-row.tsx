"use client";

import { type FormEvent, startTransition, useActionState, useState } from "react";
import { type BudgetLimitView, formatMeasure, measureLabels } from "./budget-view";

interface ActionOutcome {
  data?: { changed: boolean };
  error?: { message: string; hint?: string; fields?: Record<string, string> };
}

type Outcome = ActionOutcome & { submitted?: string };

export type UpdateBudgetLimit = (input: { key: string; value: string }) => Promise<ActionOutcome>;

/** One limit: what is spent against it, and for admins a field whose errors show beside it. */
export function BudgetLimitRow({ limit, update }: { limit: BudgetLimitView; update?: UpdateBudgetLimit }) {
  const [draft, setDraft] = useState(limit.text);
  const [serverText, setServerText] = useState(limit.text);
  // After a save the page re-renders with the stored value; adopt it without an effect.
  if (limit.text !== serverText) {
    setServerText(limit.text);
    setDraft(limit.text);
  }
  const [outcome, dispatch, pending] = useActionState(
    async (_previous: Outcome | null, value: string): Promise<Outcome> =>
      update ? { ...(await update({ key: limit.key, value })), submitted: value } : {},
    null,
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(() => dispatch(draft));
  };
  const lockedByEnv = limit.source === "env";
  const editable = update !== undefined && !lockedByEnv;
  const dirty = draft !== limit.text;
  const problem = outcome?.error;
  const invalid = problem !== undefined && draft === outcome?.submitted;

  return (
    <tr data-testid={`budget-${limit.key}`} className="align-top">
      <th scope="row" className="px-4 py-3 text-left font-medium text-zinc-900">
        {measureLabels[limit.measure]}
        <div className="font-mono text-[11px] font-normal text-zinc-400">{limit.key}</div>
      </th>
      <td className="px-4 py-3 tabular-nums text-zinc-800">
        <span data-testid="budget-used">{formatMeasure(limit.measure, limit.used)}</span>
        {limit.reserved > 0 ? (
          <span className="block text-xs text-zinc-500">
            + {formatMeasure(limit.measure, limit.reserved)} reserved
          </span>
        ) : null}
        {limit.usedBy ? <span className="block truncate text-xs text-zinc-500">{limit.usedBy}</span> : null}
      </td>
      <td className="w-48 px-4 py-3">
        <PercentUsed percent={limit.percentUsed} />
      </td>
      <td className="px-4 py-3">
        {editable ? (
          <form onSubmit={onSubmit} className="flex items-start gap-2">
            <input
              type="text"
              name="value"
              inputMode="decimal"
              aria-label={limit.key}
              aria-invalid={invalid || undefined}
              placeholder="none"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              className={`w-28 rounded-md bg-white px-2 py-1 font-mono text-xs text-zinc-900 ring-1 ring-inset focus:outline-none focus:ring-2 focus:ring-zinc-900 ${
                invalid ? "ring-red-400" : "ring-zinc-300"
              }`}
            />
            {dirty ? (
              <>
                <button
                  type="submit"
                  disabled={pending}
                  className="rounded-md bg-zinc-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-zinc-700 disabled:opacity-50"
                >
                  {pending ? "Saving…" : "Save"}
                </button>
                <button
                  type="button"
                  onClick={() => setDraft(limit.text)}
                  className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:text-zinc-900"
                >
                  Cancel
                </button>
              </>
            ) : null}
          </form>
        ) : (
          <span data-testid="budget-limit" className="font-mono text-xs text-zinc-800">
            {limit.text === "none" ? "unlimited" : formatMeasure(limit.measure, Number(limit.text))}
          </span>
        )}
        {lockedByEnv && update ? (
          <p className="mt-1 text-xs text-amber-700">Set by {limit.envName}; unset it to edit here.</p>
        ) : null}
        {problem ? (
          <p role="alert" className="mt-1 max-w-xs text-xs text-red-700">
            {problem.fields?.value ?? problem.message}
            {problem.hint ? <span className="block text-red-600/80">{problem.hint}</span> : null}
          </p>
        ) : null}
        {outcome?.data && !dirty ? (
          <p role="status" className="mt-1 text-xs text-emerald-700">
            {outcome.data.changed ? "Saved." : "Unchanged."}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

function PercentUsed({ percent }: { percent: number | null }) {
  if (percent === null) return <span className="text-xs text-zinc-400">no limit</span>;
  const tone = percent >= 90 ? "bg-red-500" : percent >= 80 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-zinc-100">
        <div className={`h-full ${tone}`} style={{ width: `${Math.min(100, percent)}%` }} />
      </div>
      <span data-testid="budget-percent" className="w-12 text-right text-xs tabular-nums text-zinc-700">
        {percent.toFixed(percent < 10 ? 1 : 0)}%
      </span>
    </div>
  );
}
