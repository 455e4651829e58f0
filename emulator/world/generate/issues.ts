import { DAY_MS, isoSeconds } from "../dates";
import { hashString, type Random } from "../random";
import {
  commitMessages,
  functionNames,
  type IssueKind,
  issueBodies,
  issueKindWeights,
  issueTitles,
  type LabelDialect,
  labelDialects,
} from "../vocabulary/issues";
import type { Issue, Label, Pull } from "../world-schema";
import type { RepositoryIdentity } from "./identity";

export interface IssueContext {
  anchor: number;
  /** Time of the last commit; closing and merging stop after it on dormant projects. */
  lastActivity: number;
  maintainers: string[];
  /** Logins that file issues (anyone on GitHub). */
  reporters: string[];
  versions: string[];
}

const fixKinds = new Set<IssueKind>(["bug", "crash", "regression", "performance", "security"]);

function fill(r: Random, template: string, identity: RepositoryIdentity, versions: string[]): string {
  return template
    .replaceAll("{fn}", r.pick(functionNames))
    .replaceAll("{thing}", r.pick(identity.domain.stems))
    .replaceAll("{version}", versions.length ? r.pick(versions) : "0.1.0")
    .replaceAll("{n}", String(r.int(1, 500)))
    .replaceAll("{login}", "contributor");
}

function labelColor(name: string): string {
  return (hashString(name) & 0xffffff).toString(16).padStart(6, "0");
}

interface Draft {
  time: number;
  issue?: Omit<Issue, "number" | "linkedPullRequests"> & { linked: Draft[] };
  pull?: Omit<Pull, "number">;
  number?: number;
}

export function generateIssuesAndPulls(r: Random, identity: RepositoryIdentity, ctx: IssueContext) {
  const dialect: LabelDialect = r.pick(labelDialects);
  const scale =
    identity.kind === "library" || identity.kind === "application"
      ? 1
      : identity.kind === "other"
        ? 0.15
        : 0.3;
  const issueCount = Math.min(400, Math.floor(Math.sqrt(identity.stars) * (0.3 + 1.7 * r.next()) * scale));
  const pullCount = Math.min(300, Math.floor(issueCount * (0.4 + 0.8 * r.next())));
  const start = identity.createdAt + DAY_MS;
  const span = Math.max(DAY_MS, ctx.anchor - start);
  // Issues arrive more often in recent years (sqrt skews towards now), even on dormant projects.
  const when = () => start + Math.sqrt(r.next()) * span;
  const maintainerActive = (time: number) => time <= ctx.lastActivity + 60 * DAY_MS;
  const drafts: Draft[] = [];

  const makePull = (
    time: number,
    title: string,
    body: string | null,
    outcome: "merged" | "closed" | "open",
    closeAt?: number,
  ): Draft => {
    const closedAt =
      outcome === "open"
        ? null
        : Math.min(ctx.anchor - 60_000, closeAt ?? time + (0.1 + r.next() * 20) * DAY_MS);
    const author = r.chance(0.7) ? r.pick(ctx.maintainers) : r.pick(ctx.reporters);
    const updated = closedAt ?? Math.min(ctx.anchor - 60_000, time + r.next() * (ctx.anchor - time));
    const pull: Omit<Pull, "number"> = {
      title,
      body,
      state: outcome === "open" ? "open" : "closed",
      draft: outcome === "open" && r.chance(0.15),
      author,
      labels: [],
      assignees: [],
      comments: Math.min(80, Math.floor(r.pareto(1, 1.4)) - 1),
      createdAt: isoSeconds(time),
      updatedAt: isoSeconds(updated),
      closedAt: closedAt === null ? null : isoSeconds(closedAt),
      mergedAt: outcome === "merged" && closedAt !== null ? isoSeconds(closedAt) : null,
      headRef: `${r.pick(["fix", "feat", "docs", "chore"])}/${r.pick(functionNames)}-${r.int(1, 999)}`,
      baseRef: "main",
      additions: Math.floor(r.pareto(3, 0.9)),
      deletions: Math.floor(r.pareto(1, 1.0)),
      changedFiles: Math.max(1, Math.floor(r.pareto(1, 1.3))),
    };
    return { time, pull };
  };

  for (let i = 0; i < issueCount; i++) {
    const kind = r.weighted(issueKindWeights);
    const time = when();
    const closeAfter = (0.05 + r.pareto(0.5, 0.7)) * DAY_MS;
    const closes = r.chance(0.72) && time + closeAfter < ctx.anchor && maintainerActive(time + closeAfter);
    const closedAt = closes ? time + closeAfter : null;
    const labels: string[] = [];
    const kindLabel = dialect.kinds[kind];
    if (kindLabel && r.chance(0.85)) labels.push(kindLabel);
    if (dialect.extras.priorities.length && r.chance(0.2)) labels.push(r.pick(dialect.extras.priorities));
    if (!closes && dialect.extras.goodFirstIssue && r.chance(0.08))
      labels.push(dialect.extras.goodFirstIssue);
    if (!closes && dialect.extras.helpWanted && r.chance(0.05)) labels.push(dialect.extras.helpWanted);
    const assignees = r.chance(0.25) ? r.sample(ctx.maintainers, r.chance(0.2) ? 2 : 1) : [];
    const updated =
      closedAt !== null
        ? Math.min(ctx.anchor - 60_000, closedAt + r.next() * 2 * DAY_MS)
        : time + r.next() ** 2 * (ctx.anchor - time);
    const draft: Draft = {
      time,
      issue: {
        title: fill(r, r.pick(issueTitles[kind]), identity, ctx.versions),
        body: r.chance(0.05) ? null : fill(r, issueBodies[kind], identity, ctx.versions),
        state: closes ? "closed" : "open",
        stateReason: closes
          ? r.chance(0.8)
            ? "completed"
            : "not_planned"
          : r.chance(0.03)
            ? "reopened"
            : null,
        author: r.chance(0.85) ? r.pick(ctx.reporters) : r.pick(ctx.maintainers),
        labels: [...new Set(labels)],
        assignees,
        comments: Math.min(300, Math.floor(r.pareto(1, 1.1)) - 1 + (closes ? 1 : 0)),
        locked: closes && r.chance(0.03),
        createdAt: isoSeconds(time),
        updatedAt: isoSeconds(Math.max(time, updated)),
        closedAt: closedAt === null ? null : isoSeconds(closedAt),
        linked: [],
      },
    };
    drafts.push(draft);
    const issue = draft.issue;
    if (!issue) continue;
    // Fixes arrive as pull requests that say "Fixes #n"; merged ones close the issue.
    if (
      closes &&
      issue.stateReason === "completed" &&
      fixKinds.has(kind) &&
      r.chance(0.45) &&
      closedAt !== null
    ) {
      // The fix is opened before it is merged, which is when the issue closes.
      const prTime = time + r.next() * Math.max(0, closedAt - time - 120_000);
      const pr = makePull(prTime, `Fix: ${issue.title}`, null, "merged", closedAt - 60_000);
      issue.linked.push(pr);
      drafts.push(pr);
    } else if (!closes && r.chance(0.12)) {
      const prTime = time + r.next() * (ctx.anchor - time);
      const pr = makePull(prTime, `WIP: ${issue.title}`, null, "open");
      issue.linked.push(pr);
      drafts.push(pr);
    }
  }

  for (let i = 0; i < pullCount; i++) {
    const time = when();
    const outcome =
      maintainerActive(time + 30 * DAY_MS) && time < ctx.anchor - 30 * DAY_MS
        ? r.weighted([
            ["merged", 78],
            ["closed", 17],
            ["open", 5],
          ] as const)
        : maintainerActive(time)
          ? r.weighted([
              ["merged", 60],
              ["open", 40],
            ] as const)
          : "open";
    const title = fill(r, r.pick(commitMessages), identity, ctx.versions);
    drafts.push(
      makePull(time, title, r.chance(0.7) ? `This PR changes ${r.pick(functionNames)}.` : null, outcome),
    );
  }

  drafts.sort((a, b) => a.time - b.time);
  drafts.forEach((draft, k) => {
    draft.number = k + 1;
  });
  for (const draft of drafts) {
    for (const linked of draft.issue?.linked ?? []) {
      if (linked.pull) linked.pull.body = `Fixes #${draft.number}\n\n${linked.pull.body ?? ""}`.trim();
    }
  }
  const issues: Issue[] = [];
  const pulls: Pull[] = [];
  for (const draft of drafts) {
    if (draft.issue) {
      const { linked, ...issue } = draft.issue;
      issues.push({
        ...issue,
        number: draft.number ?? 0,
        linkedPullRequests: linked.map((l) => l.number ?? 0),
      });
    } else if (draft.pull) {
      pulls.push({ ...draft.pull, number: draft.number ?? 0 });
    }
  }
  const labelNames = new Set<string>([
    ...Object.values(dialect.kinds),
    ...dialect.extras.priorities,
    ...[dialect.extras.goodFirstIssue, dialect.extras.helpWanted].filter((l): l is string => l !== null),
  ]);
  const labels: Label[] = [...labelNames]
    .sort()
    .map((name) => ({ name, color: labelColor(name), description: null }));
  return { issues, pulls, labels };
}
