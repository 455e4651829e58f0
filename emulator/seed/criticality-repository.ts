import { DAY_MS, isoSeconds, WEEK_MS } from "../world/dates";
import { languageProfile } from "../world/languages";
import { hashString, Random } from "../world/random";
import type { Issue, Pull, Release, Repository } from "../world/world-schema";

/** One row of OpenSSF criticality_score v1 output, read by column name. */
export interface CriticalityRow {
  owner: string;
  name: string;
  language: string;
  createdSinceMonths: number;
  updatedSinceMonths: number;
  contributorCount: number;
  commitFrequency: number;
  recentReleasesCount: number;
  updatedIssuesCount: number;
  closedIssuesCount: number;
  commentFrequency: number;
  dependentsCount: number;
}

export interface IssueText {
  title: string;
  body: string;
  label: string;
}

export interface BuildLimits {
  maxIssuesPerRepo: number;
  maxContributorsPerRepo: number;
  maxReleasesPerRepo: number;
}

const MONTH_MS = 30.44 * DAY_MS;
const LABELS: Record<string, string> = { bug: "bug", feature: "enhancement", question: "question" };

/** Splits `total` into `parts` integers that add up exactly (k-th share = floor((k+1)t/n) - floor(kt/n)). */
const share = (total: number, parts: number, k: number) =>
  Math.floor(((k + 1) * total) / parts) - Math.floor((k * total) / parts);

/**
 * A repository whose GitHub signals reproduce a criticality row: commits per week over the last
 * year, releases in the last year, issues updated and closed in the last 90 days with the row's
 * comment frequency, contributors, and dependents (as a package). Stars, forks and texts are not in
 * the data; they are derived deterministically (stars from contributors and dependents).
 */
export function repositoryFromCriticality(
  row: CriticalityRow,
  id: number,
  anchor: number,
  texts: IssueText[],
  limits: BuildLimits,
): Repository {
  const r = new Random(hashString(`${row.owner}/${row.name}`));
  const created = anchor - row.createdSinceMonths * MONTH_MS - r.int(0, 27) * DAY_MS;
  const quietWeeks = Math.floor((row.updatedSinceMonths * MONTH_MS) / WEEK_MS);
  const weeks = Math.max(1, Math.ceil((anchor - created) / WEEK_MS));
  const weekly = new Array<number>(weeks).fill(0);
  const yearTotal = Math.round(row.commitFrequency * 52);
  const activeYearWeeks = Math.max(1, Math.min(52, weeks) - Math.min(quietWeeks, 51));
  for (let k = 0; k < activeYearWeeks; k++) {
    const w = Math.min(quietWeeks, 51) + k;
    if (w < weeks) weekly[w] = share(yearTotal, activeYearWeeks, k);
  }
  // Before the last year the data says nothing; half the recent pace keeps histories plausible.
  for (let w = 52; w < weeks; w++) weekly[w] = Math.round(row.commitFrequency * 0.5 * (0.5 + r.next()));
  weekly[weeks - 1] = Math.max(1, weekly[weeks - 1] ?? 0);
  if (quietWeeks < weeks) weekly[quietWeeks] = Math.max(1, weekly[quietWeeks] ?? 0);
  const lastCommit = anchor - quietWeeks * WEEK_MS - DAY_MS;

  const shown = Math.min(row.contributorCount, limits.maxContributorsPerRepo);
  const totalCommits = weekly.reduce((a, b) => a + b, 0);
  const contributors = Array.from({ length: Math.max(1, shown) }, (_, k) => ({
    // Owners are often organizations, which do not author commits; contributors are people.
    login: `dev-${hashString(`${row.owner}/${row.name}:${k}`) % 5000}`,
    contributions: Math.max(1, Math.floor(totalCommits / (k + 1) ** 1.1 / 3)),
  }));
  const uniqueContributors = [...new Map(contributors.map((c) => [c.login.toLowerCase(), c])).values()];
  const maintainer = uniqueContributors[0]?.login ?? "dev-0";

  const releaseCount = Math.min(row.recentReleasesCount, limits.maxReleasesPerRepo);
  const releases: Release[] = Array.from({ length: releaseCount }, (_, k) => {
    const at = isoSeconds(anchor - ((k + 0.5) / Math.max(1, releaseCount)) * 365 * DAY_MS);
    return {
      id: id * 1000 + k + 1,
      tagName: `v1.${releaseCount - k}.0`,
      name: `v1.${releaseCount - k}.0`,
      body: null,
      author: maintainer,
      createdAt: at,
      publishedAt: at,
      prerelease: false,
      draft: false,
    };
  }).reverse();

  // Issues updated in the last 90 days; the first `closed` of them were closed in that window.
  const updated = Math.max(row.updatedIssuesCount, row.closedIssuesCount);
  const scale = updated > limits.maxIssuesPerRepo ? limits.maxIssuesPerRepo / updated : 1;
  const issueCount = Math.round(updated * scale);
  const closedCount = Math.min(issueCount, Math.round(row.closedIssuesCount * scale));
  const window = 89 * DAY_MS;
  const issues: Issue[] = Array.from({ length: issueCount }, (_, k) => {
    const text = texts[(hashString(`${row.name}:${k}`) + k) % Math.max(1, texts.length)] ?? {
      title: `Issue ${k + 1}`,
      body: "",
      label: "bug",
    };
    const closed = k < closedCount;
    const touched = anchor - ((k + 0.5) / Math.max(1, issueCount)) * window;
    const createdAt = touched - r.int(1, 400) * DAY_MS;
    return {
      number: 0,
      title: text.title,
      body: text.body || null,
      state: closed ? "closed" : "open",
      stateReason: closed ? "completed" : null,
      author: `dev-${hashString(`${row.name}:author:${k}`) % 5000}`,
      labels: LABELS[text.label] ? [LABELS[text.label] as string] : [],
      assignees: k % 5 === 0 ? [maintainer] : [],
      comments: share(Math.round(row.commentFrequency * issueCount), Math.max(1, issueCount), k),
      locked: false,
      createdAt: isoSeconds(Math.max(created, createdAt)),
      updatedAt: isoSeconds(touched),
      closedAt: closed ? isoSeconds(touched) : null,
      linkedPullRequests: [],
    };
  });
  // The data has no pull requests; merged ones at a third of the commit pace, capped, keep merge activity visible.
  const pullCount = Math.min(50, Math.round((row.commitFrequency * 13) / 3));
  const pulls: Pull[] = Array.from({ length: pullCount }, (_, k) => {
    const mergedAt = anchor - ((k + 0.5) / Math.max(1, pullCount)) * window;
    return {
      number: 0,
      title: `Merge change ${k + 1}`,
      body: null,
      state: "closed",
      draft: false,
      author: uniqueContributors[k % uniqueContributors.length]?.login ?? maintainer,
      labels: [],
      assignees: [],
      comments: 0,
      createdAt: isoSeconds(mergedAt - 2 * DAY_MS),
      updatedAt: isoSeconds(mergedAt),
      closedAt: isoSeconds(mergedAt),
      mergedAt: isoSeconds(mergedAt),
      headRef: `change-${k + 1}`,
      baseRef: "main",
      additions: 10,
      deletions: 2,
      changedFiles: 1,
    };
  });
  // Issues and pull requests share one number sequence, oldest first.
  const all = [...issues, ...pulls]
    .map((item) => ({ item, at: Date.parse(item.createdAt) }))
    .sort((a, b) => a.at - b.at);
  all.forEach(({ item }, k) => {
    item.number = k + 1;
  });

  const profile = languageProfile(row.language);
  const system = profile?.system ?? null;
  const packageName =
    system === "GO"
      ? `github.com/${row.owner}/${row.name}`
      : system === "MAVEN"
        ? `${row.owner}:${row.name}`
        : row.name.toLowerCase();
  const stars = Math.round(
    (row.contributorCount * 25 + Math.sqrt(row.dependentsCount) * 10) * (0.6 + r.next() * 0.8),
  );
  const active = row.updatedSinceMonths === 0;
  return {
    id,
    owner: row.owner,
    name: row.name,
    description: `${row.name}: a ${row.language} project`,
    homepage: null,
    language: row.language,
    languages: { [row.language]: 1_000_000 + r.int(0, 9_000_000) },
    topics: profile ? [profile.key === "cplusplus" ? "cpp" : profile.key] : [],
    license: null,
    stars,
    forks: Math.round(stars * 0.2),
    watchers: Math.max(1, Math.round(stars * 0.03)),
    archived: false,
    fork: false,
    parent: null,
    mirrorUrl: null,
    template: false,
    hasIssues: true,
    createdAt: isoSeconds(created),
    updatedAt: isoSeconds(Math.max(lastCommit, anchor - DAY_MS)),
    pushedAt: isoSeconds(lastCommit),
    defaultBranch: "main",
    kind: "library",
    domain: null,
    files: [
      { path: "README.md", content: `# ${row.name}\n\n${row.name} is a ${row.language} project.\n` },
      ...(active
        ? [
            {
              path: ".github/workflows/ci.yml",
              content: "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n",
            },
          ]
        : []),
    ],
    commits: { weekly },
    mentionableUsers: row.contributorCount,
    contributors: uniqueContributors,
    releases,
    labels: Object.values(LABELS).map((name) => ({ name, color: "d73a4a", description: null })),
    issues,
    pulls,
    checkSuites: active
      ? [
          {
            id: id * 10 + 1,
            app: "github-actions",
            status: "completed",
            conclusion: "success",
            runs: [{ id: id * 10 + 2, name: "test", status: "completed", conclusion: "success" }],
          },
        ]
      : [],
    packages: system
      ? [
          {
            system,
            name: packageName,
            versions: [
              {
                version: releases.at(-1)?.tagName.replace(/^v/, "") ?? "1.0.0",
                publishedAt: isoSeconds(lastCommit),
              },
            ],
            dependents: { direct: row.dependentsCount, indirect: 0 },
          },
        ]
      : [],
  };
}
