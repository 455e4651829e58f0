import { CommitLog } from "../commit-log";
import { DAY_MS, isoSeconds, WEEK_MS } from "../dates";
import { markTrusted } from "../load-world";
import { Random } from "../random";
import { domains } from "../vocabulary/domains";
import type { Account, Repository, World } from "../world-schema";
import { generateAccounts } from "./accounts";
import { generateContributors, generateReleases, generateWeeklyCommits } from "./activity";
import { chooseCiStyle, generateCi } from "./ci";
import { generateFiles, type ListEntry } from "./files";
import { generateIdentity, type RepositoryIdentity, type RepositoryKind } from "./identity";
import { generateIssuesAndPulls } from "./issues";
import { generatePackages } from "./packages";

export interface GenerateWorldOptions {
  /** PRNG seed; the same seed and the same day give the same world. */
  seed?: number;
  repositories?: number;
  /** The world's "now"; dates are anchored at the start of this UTC day. */
  now?: Date;
}

interface Planned {
  index: number;
  owner: Account;
  identity: RepositoryIdentity;
  /** Index of the parent when this is a fork. */
  parent: number | null;
}

const kinds: [RepositoryKind, number][] = [
  ["library", 70],
  ["application", 14],
  ["documentation", 6],
  ["awesome-list", 5],
  ["other", 5],
];

export function startOfUtcDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS) * DAY_MS;
}

/** A deterministic world of `repositories` repositories with their owners, activity and issues. */
export function generateWorld(options: GenerateWorldOptions = {}): World {
  const seed = options.seed ?? 1;
  const count = options.repositories ?? 600;
  const anchor = startOfUtcDay(options.now ?? new Date());
  const random = new Random(seed);
  const { users, orgs } = generateAccounts(
    random.fork("accounts"),
    anchor,
    Math.max(60, count * 2),
    Math.max(8, Math.round(count / 8)),
  );
  // A handful of prolific users own many repositories, so `analyze-user` has something to sort.
  const prolific = users.slice(0, Math.max(3, Math.round(count / 80)));
  const namesByOwner = new Map<string, Set<string>>();
  const plans: Planned[] = [];
  for (let i = 0; i < count; i++) {
    const r = random.fork(`plan:${i}`);
    const originals = plans.filter((p) => p.parent === null && p.identity.kind === "library");
    if (i > 20 && originals.length > 0 && r.chance(0.06)) {
      const parent = r.pick(originals);
      const owner = r.pick(users.filter((u) => u.login !== parent.owner.login));
      const taken = namesByOwner.get(owner.login) ?? new Set<string>();
      namesByOwner.set(owner.login, taken);
      if (!taken.has(parent.identity.name.toLowerCase())) {
        taken.add(parent.identity.name.toLowerCase());
        const forkedAt = parent.identity.createdAt + r.next() * (anchor - parent.identity.createdAt);
        const identity: RepositoryIdentity = {
          ...parent.identity,
          stars: r.int(0, 5),
          forks: r.chance(0.1) ? 1 : 0,
          watchers: r.int(0, 1),
          createdAt: forkedAt,
          quietWeeks: Math.floor((anchor - forkedAt) / WEEK_MS),
          homepage: null,
        };
        plans.push({ index: i, owner, identity, parent: parent.index });
        continue;
      }
    }
    const owner = r.chance(0.55)
      ? (orgs[Math.floor(orgs.length * r.next() ** 2)] as Account)
      : r.chance(0.35)
        ? r.pick(prolific)
        : r.pick(users);
    const taken = namesByOwner.get(owner.login) ?? new Set<string>();
    namesByOwner.set(owner.login, taken);
    const domain = r.weighted(domains.map((d) => [d, d.weight] as const));
    plans.push({
      index: i,
      owner,
      identity: generateIdentity(r, r.weighted(kinds), domain, taken, anchor),
      parent: null,
    });
  }

  let nextId = 90_000_000;
  const newId = () => ++nextId;
  const repositories: Repository[] = [];
  for (const plan of plans) {
    const r = random.fork(`repo:${plan.index}`);
    const parent = plan.parent === null ? undefined : repositories[plan.parent];
    repositories.push(
      parent ? buildFork(r, plan, parent, anchor) : buildRepository(r, plan, plans, users, anchor, newId),
    );
  }
  return markTrusted({
    version: 1,
    generatedAt: isoSeconds(anchor),
    seed,
    accounts: [...users, ...orgs],
    repositories,
    tokens: [],
  });
}

function buildRepository(
  r: Random,
  plan: Planned,
  plans: Planned[],
  users: Account[],
  anchor: number,
  newId: () => number,
): Repository {
  const { identity, owner } = plan;
  const id = 200_000_000 + plan.index * 1013;
  const weekly = generateWeeklyCommits(r.fork("commits"), identity, anchor);
  const log = new CommitLog(String(id), weekly, anchor);
  const lastCommitAt = log.timeOf(0);
  const contributors = generateContributors(r.fork("contributors"), identity, log.total, owner, users);
  const maintainers = contributors.slice(0, 5).map((c) => c.login);
  const releases = generateReleases(r.fork("releases"), identity, lastCommitAt, maintainers, newId);
  const ci = generateCi(r.fork("ci"), chooseCiStyle(r.fork("ci-style"), identity), identity, newId);
  const latest =
    releases
      .filter((release) => !release.prerelease)
      .at(-1)
      ?.tagName.replace(/^v/, "") ?? "0.1.0";
  const entries: ListEntry[] =
    identity.kind === "awesome-list"
      ? plans
          .filter(
            (p) =>
              p.identity.domain === identity.domain && p.identity.kind === "library" && p.parent === null,
          )
          .slice(0, 40)
          .map((p) => ({
            fullName: `${p.owner.login}/${p.identity.name}`,
            description: p.identity.description,
          }))
      : [];
  const files = generateFiles(r.fork("files"), identity, owner.login, latest, ci.files, entries);
  const reporters = r
    .fork("reporters")
    .sample(users, 60)
    .map((u) => u.login);
  const hasIssues = !r.chance(0.03);
  const activity = generateIssuesAndPulls(r.fork("issues"), identity, {
    anchor,
    lastActivity: lastCommitAt,
    maintainers: [...new Set([...maintainers, ...owner.members.slice(0, 3)])],
    reporters,
    versions: releases.map((release) => release.tagName),
  });
  const createdAt = isoSeconds(identity.createdAt);
  const archived = identity.quietWeeks > 52 && r.chance(0.3);
  const { language } = identity;
  const languageBytes: Record<string, number> = {};
  if (identity.kind !== "awesome-list" && identity.kind !== "documentation") {
    languageBytes[language.name] = r.int(20_000, 5_000_000);
    for (const companion of language.companions)
      if (r.chance(0.5)) languageBytes[companion] = r.int(500, 200_000);
  } else if (r.chance(0.5)) {
    languageBytes.JavaScript = r.int(500, 20_000);
  }
  const primary = Object.entries(languageBytes).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    id,
    owner: owner.login,
    name: identity.name,
    description: identity.description,
    homepage: identity.homepage,
    language: primary,
    languages: languageBytes,
    topics: identity.topics,
    license: identity.license,
    stars: identity.stars,
    forks: identity.forks,
    watchers: identity.watchers,
    archived,
    fork: false,
    parent: null,
    mirrorUrl:
      identity.kind === "library" && r.chance(0.01) ? `https://git.example.org/${identity.name}.git` : null,
    template: identity.kind === "library" && r.chance(0.02),
    hasIssues,
    createdAt,
    updatedAt: isoSeconds(
      Math.max(lastCommitAt, anchor - r.int(1, 90) * 3_600_000 * (identity.quietWeeks > 0 ? 200 : 1)),
    ),
    pushedAt: isoSeconds(lastCommitAt + r.int(0, 600) * 1000),
    defaultBranch: identity.createdAt < Date.UTC(2020, 9, 1) && r.chance(0.4) ? "master" : "main",
    kind: identity.kind,
    domain: identity.domain.key,
    files,
    commits: { weekly },
    mentionableUsers: null,
    contributors,
    releases,
    labels: activity.labels,
    issues: hasIssues ? activity.issues : [],
    pulls: activity.pulls,
    checkSuites: ci.checkSuites,
    packages: generatePackages(r.fork("packages"), identity, owner.login, releases, createdAt),
  };
}

/** A fork shares its parent's history up to the fork and rarely gets more than a commit or two. */
function buildFork(r: Random, plan: Planned, parent: Repository, anchor: number): Repository {
  const forkedAt = plan.identity.createdAt;
  const forkWeek = Math.floor((anchor - forkedAt) / WEEK_MS);
  const weekly = parent.commits.weekly.map((n, w) => (w < forkWeek ? 0 : n));
  if (r.chance(0.3) && forkWeek > 0) weekly[forkWeek - 1] = r.int(1, 3);
  const id = 200_000_000 + plan.index * 1013;
  const last = new CommitLog(String(id), weekly, anchor);
  const pushedAt = last.total > 0 ? last.timeOf(0) : forkedAt;
  return {
    ...parent,
    id,
    owner: plan.owner.login,
    stars: plan.identity.stars,
    forks: plan.identity.forks,
    watchers: plan.identity.watchers,
    archived: false,
    fork: true,
    parent: `${parent.owner}/${parent.name}`,
    mirrorUrl: null,
    template: false,
    hasIssues: false,
    homepage: null,
    createdAt: isoSeconds(forkedAt),
    updatedAt: isoSeconds(pushedAt),
    pushedAt: isoSeconds(pushedAt),
    commits: { weekly },
    contributors: parent.contributors.slice(0, 10),
    releases: [],
    issues: [],
    pulls: [],
    checkSuites: [],
    packages: [],
  };
}
