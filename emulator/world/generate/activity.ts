import { WEEK_MS } from "../dates";
import type { Random } from "../random";
import type { Account, Release } from "../world-schema";
import type { RepositoryIdentity } from "./identity";

/** Commits per week, newest week first, ending at the repository's creation week. */
export function generateWeeklyCommits(r: Random, identity: RepositoryIdentity, anchor: number): number[] {
  const weeks = Math.max(1, Math.ceil((anchor - identity.createdAt) / WEEK_MS));
  const weekly = new Array<number>(weeks).fill(0);
  for (let w = identity.quietWeeks; w < weeks; w++) {
    // Projects were busier in their early growth and again when popular; a gentle decay backwards
    // keeps ten-year-old repositories from carrying unrealistic totals.
    const age = 1 - w / weeks;
    const rate = identity.commitRate * (0.35 + 0.65 * age);
    weekly[w] = r.chance(0.15) ? 0 : Math.floor(rate * (0.2 + 1.6 * r.next()));
  }
  const last = Math.min(identity.quietWeeks, weeks - 1);
  weekly[last] = Math.max(1, weekly[last] ?? 0);
  weekly[weeks - 1] = Math.max(1, weekly[weeks - 1] ?? 0);
  return weekly;
}

export function generateContributors(
  r: Random,
  identity: RepositoryIdentity,
  totalCommits: number,
  owner: Account,
  pool: Account[],
): { login: string; contributions: number }[] {
  const wanted = Math.round(1 + (Math.sqrt(identity.stars) / 2) * (0.5 + r.next()));
  const count = Math.max(1, Math.min(300, totalCommits, wanted));
  const logins: string[] = [];
  const seen = new Set<string>();
  const add = (login: string) => {
    if (!seen.has(login)) {
      seen.add(login);
      logins.push(login);
    }
  };
  if (owner.type === "User") add(owner.login);
  for (const member of owner.members) if (logins.length < count && r.chance(0.7)) add(member);
  for (let guard = 0; logins.length < count && guard < count * 4; guard++) add(r.pick(pool).login);
  // Zipf-like shares: the first maintainer writes most of the code, as in real projects.
  const weights = logins.map((_, k) => 1 / (k + 1) ** 1.1);
  const total = weights.reduce((a, b) => a + b, 0);
  const contributions = weights.map((weight) => Math.max(1, Math.floor((weight / total) * totalCommits)));
  // Rounding leftovers go to the top contributor so the shares add up to the commit count.
  const sum = contributions.reduce((a, b) => a + b, 0);
  contributions[0] = Math.max(1, (contributions[0] ?? 1) + totalCommits - sum);
  return logins
    .map((login, k) => ({ login, contributions: contributions[k] ?? 1 }))
    .sort((a, b) => b.contributions - a.contributions || a.login.localeCompare(b.login));
}

export function generateReleases(
  r: Random,
  identity: RepositoryIdentity,
  lastCommitAt: number,
  authors: string[],
  nextId: () => number,
): Release[] {
  const perYear =
    identity.kind === "library"
      ? r.weighted([
          [0, 15],
          [1, 15],
          [2, 20],
          [4, 20],
          [8, 15],
          [15, 10],
          [30, 5],
        ] as const)
      : identity.kind === "application"
        ? r.weighted([
            [0, 60],
            [2, 25],
            [6, 15],
          ] as const)
        : 0;
  const start = identity.createdAt + 30 * 86_400_000;
  if (perYear === 0 || lastCommitAt <= start) return [];
  const years = (lastCommitAt - start) / (365 * 86_400_000);
  const count = Math.min(120, Math.max(1, Math.round(years * perYear * (0.5 + r.next()))));
  const times = Array.from({ length: count }, () => start + r.next() * (lastCommitAt - start)).sort(
    (a, b) => a - b,
  );
  let [major, minor, patch] = [0, 1, 0];
  const releases: Release[] = [];
  for (const [k, time] of times.entries()) {
    if (k > 0) {
      const bump = r.weighted([
        ["patch", 70],
        ["minor", 25],
        ["major", 5],
      ] as const);
      if (bump === "major") [major, minor, patch] = [major + 1, 0, 0];
      else if (bump === "minor") [minor, patch] = [minor + 1, 0];
      else patch++;
    }
    const prerelease = k > 0 && r.chance(0.08);
    const version = prerelease ? `${major}.${minor + 1}.0-rc.${r.int(1, 3)}` : `${major}.${minor}.${patch}`;
    const createdAt = new Date(Math.floor(time / 1000) * 1000);
    releases.push({
      id: nextId(),
      tagName: `v${version}`,
      name: r.chance(0.8) ? `v${version}` : null,
      body: `## What's changed\n\n- ${r.pick(["Bug fixes", "Performance improvements", "New configuration options", "Dependency updates"])}\n- ${r.pick(["Documentation updates", "Better error messages", "Internal refactoring"])}\n`,
      author: r.pick(authors),
      createdAt: createdAt.toISOString().replace(".000Z", "Z"),
      publishedAt: new Date(createdAt.getTime() + r.int(0, 3600) * 1000).toISOString().replace(".000Z", "Z"),
      prerelease,
      draft: false,
    });
  }
  // Tags must be unique even when a prerelease repeats a version.
  const seen = new Set<string>();
  return releases.filter((release) => !seen.has(release.tagName) && seen.add(release.tagName));
}
