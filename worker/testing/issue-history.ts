export interface IssueEvent {
  issue: number;
  action: string;
  token: string | null;
  agent: string | null;
  /** Milliseconds since the epoch, from clock_timestamp() inside the transition. */
  at: number;
}

export interface Execution {
  issue: number;
  token: string;
  agent: string;
  started: number;
  finished: number | null;
}

/**
 * Checks one issue's whole history: a clean claim → (completed | released | failed) sequence per
 * lease, exactly one completion, by the holder of the last claim, after that holder's execution
 * finished; and no two executions of the issue overlapping in time. An execution whose worker died
 * ends, at the latest, when its lease was released — after that no write of its token can succeed.
 * Returns the problems found (none when the history is sound).
 */
export function checkIssueHistory(issue: number, events: IssueEvent[], executions: Execution[]): string[] {
  const problems: string[] = [];
  const claims = new Map<string, IssueEvent>();
  const ends = new Map<string, IssueEvent>();
  let holder: IssueEvent | undefined;
  for (const event of events) {
    if (event.action === "issue.claimed") {
      if (holder) problems.push(`claimed by ${event.agent} while ${holder.agent} held it`);
      holder = event;
      claims.set(event.token!, event);
    } else {
      if (!holder || holder.token !== event.token)
        problems.push(`${event.action} by a non-holder (${event.token})`);
      ends.set(event.token!, event);
      holder = undefined;
    }
  }
  const completions = events.filter((event) => event.action === "issue.completed");
  if (completions.length !== 1) problems.push(`${completions.length} completions`);
  const last = events.at(-1);
  if (last?.action !== "issue.completed") problems.push(`last event is ${last?.action}`);
  const completion = completions[0];
  if (completion) {
    const claim = claims.get(completion.token!);
    if (!claim || claim.agent !== completion.agent)
      problems.push("completed by an agent that did not claim it");
    const run = executions.find((execution) => execution.token === completion.token);
    if (!run || run.finished === null)
      problems.push("completed without a finished execution under that lease");
  }
  const runs = executions
    .map((execution) => {
      const claim = claims.get(execution.token);
      if (!claim) problems.push(`execution under unknown lease ${execution.token}`);
      else if (execution.started < claim.at) problems.push("execution started before its claim");
      const end = execution.finished ?? ends.get(execution.token)?.at;
      if (end === undefined) problems.push("unfinished execution whose lease never ended");
      return { ...execution, end: end ?? Number.POSITIVE_INFINITY };
    })
    .sort((a, b) => a.started - b.started);
  for (let n = 1; n < runs.length; n++) {
    const [before, after] = [runs[n - 1]!, runs[n]!];
    if (after.started < before.end) {
      problems.push(
        `executions overlap: ${before.agent} until ${before.end}, ${after.agent} from ${after.started}`,
      );
    }
  }
  return problems.map((problem) => `issue ${issue}: ${problem}`);
}
