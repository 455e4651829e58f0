"use client";

import { type FormEvent, startTransition, useActionState, useState } from "react";
import type { SettingView } from "./setting-view";

interface ActionOutcome {
  data?: { changed: boolean };
  error?: { message: string; hint?: string; fields?: Record<string, string> };
}

type Outcome = ActionOutcome & { submitted?: string };

export interface SettingActions {
  update: (input: { key: string; value: string }) => Promise<ActionOutcome>;
  reset: (input: { key: string }) => Promise<ActionOutcome>;
}

type Intent = { kind: "save"; value: string } | { kind: "reset" };

/** One team setting: its value, where it comes from, and for admins a form whose errors show beside it. */
export function SettingField({
  setting,
  actions,
}: {
  setting: SettingView;
  /** Absent for members: they see the value and no controls. */
  actions?: SettingActions;
}) {
  const [draft, setDraft] = useState(setting.text);
  const [serverText, setServerText] = useState(setting.text);
  // After a save the page re-renders with the stored value; adopt it (React's "adjust state when a
  // prop changes" pattern, without an effect).
  if (setting.text !== serverText) {
    setServerText(setting.text);
    setDraft(setting.text);
  }
  const [outcome, dispatch, pending] = useActionState(
    async (_previous: Outcome | null, intent: Intent): Promise<Outcome> => {
      if (!actions) return {};
      if (intent.kind === "reset") return actions.reset({ key: setting.key });
      return {
        ...(await actions.update({ key: setting.key, value: intent.value })),
        submitted: intent.value,
      };
    },
    null,
  );
  const submit = (intent: Intent) => startTransition(() => dispatch(intent));
  // Dispatching ourselves (not through <form action>) keeps React from resetting the field, so a
  // refused value stays visible next to its error.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit({ kind: "save", value: draft });
  };

  const lockedByEnv = setting.source === "env";
  const editable = actions !== undefined && !lockedByEnv;
  const dirty = draft !== setting.text;
  const problem = outcome?.error;
  const inputId = `setting-${setting.key}`;

  return (
    <div
      data-testid={inputId}
      className="grid grid-cols-1 gap-x-6 gap-y-2 px-4 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]"
    >
      <div className="min-w-0">
        <div className="flex flex-wrap items-baseline gap-x-2">
          <label htmlFor={editable ? inputId : undefined} className="font-mono text-[13px] text-zinc-900">
            {setting.key}
          </label>
          <Source setting={setting} />
        </div>
        <p className="mt-0.5 text-xs text-zinc-500">{setting.description}</p>
      </div>
      <div className="min-w-0">
        {editable ? (
          <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-2">
            <ValueInput
              id={inputId}
              setting={setting}
              value={draft}
              onChange={setDraft}
              invalid={problem !== undefined && draft === outcome?.submitted}
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
                  onClick={() => setDraft(setting.text)}
                  className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:text-zinc-900"
                >
                  Cancel
                </button>
              </>
            ) : setting.source === "database" ? (
              <button
                type="button"
                disabled={pending}
                onClick={() => submit({ kind: "reset" })}
                className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 ring-1 ring-zinc-200 hover:bg-zinc-50 hover:text-zinc-900 disabled:opacity-50"
              >
                Reset to default
              </button>
            ) : null}
          </form>
        ) : (
          <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-words py-1 font-mono text-xs text-zinc-800">
            {setting.text}
          </pre>
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
        {outcome?.data && !dirty ? (
          <p role="status" className="mt-1 text-xs text-emerald-700">
            {outcome.data.changed ? "Saved." : "Unchanged."}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function ValueInput({
  id,
  setting,
  value,
  onChange,
  invalid,
}: {
  id: string;
  setting: SettingView;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
}) {
  const common = {
    id,
    name: "value",
    value,
    "aria-invalid": invalid || undefined,
    className: `min-w-0 flex-1 rounded-md bg-white px-2 py-1 font-mono text-xs text-zinc-900 ring-1 ring-inset focus:outline-none focus:ring-2 focus:ring-zinc-900 ${
      invalid ? "ring-red-400" : "ring-zinc-300"
    }`,
  };
  if (setting.kind === "boolean") {
    return (
      <select {...common} onChange={(event) => onChange(event.target.value)}>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  if (setting.kind === "json") {
    return (
      <textarea
        {...common}
        rows={Math.min(12, value.split("\n").length)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <input
      {...common}
      type="text"
      placeholder={setting.nullable ? "none" : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function Source({ setting }: { setting: SettingView }) {
  if (setting.source === "env") {
    return <span className="text-[11px] font-medium text-amber-700">from {setting.envName}</span>;
  }
  if (setting.source === "database")
    return <span className="text-[11px] font-medium text-blue-700">team value</span>;
  return <span className="text-[11px] text-zinc-400">default</span>;
}
