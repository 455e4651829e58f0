/** What a server action built with app/_server/action.ts answers, as a client form sees it. */
export interface ActionOutcome<T = unknown> {
  data?: T;
  error?: { message: string; hint?: string; fields?: Record<string, string> };
}

/** The refusal (with its hint) or the success line of an action, for assistive technology too. */
export function OutcomeMessage({ outcome, success }: { outcome: ActionOutcome | null; success?: string }) {
  if (outcome?.error) {
    return (
      <p role="alert" className="text-xs text-red-700">
        {outcome.error.message}
        {outcome.error.hint ? <span className="block text-red-600/80">{outcome.error.hint}</span> : null}
      </p>
    );
  }
  if (outcome && success) {
    return (
      <p role="status" className="text-xs text-emerald-700">
        {success}
      </p>
    );
  }
  return null;
}
