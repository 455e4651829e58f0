"use client";

import { useActionState } from "react";
import { Badge } from "../ui/badge";
import type { SettingView } from "./setting-view";

interface ActionOutcome {
  data?: { changed: boolean };
  error?: { message: string; hint?: string; fields?: Record<string, string> };
}

export interface SettingActions {
  update: (input: { key: string; value: string }) => Promise<ActionOutcome>;
  reset: (input: { key: string }) => Promise<ActionOutcome>;
}

/** One team setting: its value, where it comes from, and for admins a form whose errors show beside it. */
export function SettingField({
  setting,
  actions,
}: {
  setting: SettingView;
  /** Absent for members: they see the value and no controls. */
  actions?: SettingActions;
}) {
  const [outcome, submit, pending] = useActionState(
    async (_previous: ActionOutcome | null, form: FormData): Promise<ActionOutcome> => {
      if (!actions) return {};
      if (form.get("intent") === "reset") return actions.reset({ key: setting.key });
      return actions.update({ key: setting.key, value: String(form.get("value") ?? "") });
    },
    null,
  );
  const lockedByEnv = setting.source === "env";
  const editable = actions !== undefined && !lockedByEnv;
  const problem = outcome?.error;
  const inputId = `setting-${setting.key}`;

  return (
    <div
      data-testid={inputId}
      className="grid grid-cols-1 gap-x-6 gap-y-2 px-4 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]"
    >
      <div className="min-w-0">
        <label htmlFor={editable ? inputId : undefined} className="font-mono text-[13px] text-zinc-900">
          {setting.key}
        </label>
        <p className="mt-0.5 text-xs text-zinc-500">{setting.description}</p>
      </div>
      <div className="min-w-0">
        {editable ? (
          // Remounting on a new value resets the uncontrolled input to what the server now holds.
          <form key={setting.text} action={submit} className="flex flex-wrap items-start gap-2">
            <ValueInput id={inputId} setting={setting} invalid={problem !== undefined} />
            <button
              type="submit"
              name="intent"
              value="save"
              disabled={pending}
              className="rounded-md bg-zinc-900 px-2.5 py-1 text-xs font-medium text-white hover:bg-zinc-700 disabled:opacity-50"
            >
              Save
            </button>
            {setting.source === "database" ? (
              <button
                type="submit"
                name="intent"
                value="reset"
                disabled={pending}
                className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 ring-1 ring-zinc-200 hover:bg-zinc-50 disabled:opacity-50"
              >
                Reset to default
              </button>
            ) : null}
            <SourceBadge setting={setting} />
          </form>
        ) : (
          <div className="flex flex-wrap items-start gap-2">
            <pre className="max-h-40 min-w-0 flex-1 overflow-auto whitespace-pre-wrap break-words rounded bg-zinc-50 px-2 py-1 font-mono text-xs text-zinc-800 ring-1 ring-zinc-200">
              {setting.text}
            </pre>
            <SourceBadge setting={setting} />
          </div>
        )}
        {lockedByEnv && actions ? (
          <p className="mt-1 text-xs text-amber-700">
            Set by {setting.envName} in the server's environment, which overrides the team value; unset it to
            edit here.
          </p>
        ) : null}
        {problem ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {problem.fields?.value ?? problem.message}
            {problem.hint ? <span className="block text-red-600/80">{problem.hint}</span> : null}
          </p>
        ) : null}
        {outcome?.data ? (
          <p role="status" className="mt-1 text-xs text-emerald-700">
            {outcome.data.changed ? "Saved." : "Unchanged."}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function ValueInput({ id, setting, invalid }: { id: string; setting: SettingView; invalid: boolean }) {
  const common = {
    id,
    name: "value",
    defaultValue: setting.text,
    "aria-invalid": invalid || undefined,
    className: `min-w-0 flex-1 rounded-md bg-white px-2 py-1 font-mono text-xs text-zinc-900 ring-1 ring-inset focus:outline-none focus:ring-2 focus:ring-zinc-900 ${
      invalid ? "ring-red-400" : "ring-zinc-300"
    }`,
  };
  if (setting.kind === "boolean") {
    return (
      <select {...common}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (setting.kind === "json")
    return <textarea {...common} rows={Math.min(12, setting.text.split("\n").length)} />;
  return <input {...common} type="text" placeholder={setting.nullable ? "none" : undefined} />;
}

function SourceBadge({ setting }: { setting: SettingView }) {
  if (setting.source === "env") return <Badge tone="amber">env</Badge>;
  if (setting.source === "database") return <Badge tone="blue">team</Badge>;
  return <Badge>default</Badge>;
}
