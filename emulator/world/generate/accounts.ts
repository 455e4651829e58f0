import { isoDaysBefore } from "../dates";
import type { Random } from "../random";
import { cities, companies, firstNames, lastNames, orgStems, orgSuffixes } from "../vocabulary/people";
import type { Account } from "../world-schema";

/** Logins follow GitHub's rules: letters, digits and single hyphens, at most 39 characters. */
function uniqueLogin(taken: Set<string>, base: string): string {
  const clean = base
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 34);
  let login = clean || "user";
  for (let n = 2; taken.has(login); n++) login = `${clean}${n}`;
  taken.add(login);
  return login;
}

export interface GeneratedAccounts {
  users: Account[];
  orgs: Account[];
}

export function generateAccounts(
  random: Random,
  anchor: number,
  userCount: number,
  orgCount: number,
): GeneratedAccounts {
  const taken = new Set<string>();
  const users: Account[] = [];
  for (let i = 0; i < userCount; i++) {
    const r = random.fork(`user:${i}`);
    const first = r.pick(firstNames);
    const last = r.pick(lastNames);
    const style = r.int(0, 3);
    const base =
      [`${first}${last}`, `${first}-${last}`, `${first[0]}${last}`, `${first}${r.int(1, 99)}`][style] ??
      first;
    const login = uniqueLogin(taken, base);
    users.push({
      login,
      id: 1_000_000 + i * 37,
      type: "User",
      name: r.chance(0.85) ? `${first} ${last}` : null,
      email: r.chance(0.6) ? `${login}@users.noreply.example.com` : null,
      bio: r.chance(0.4)
        ? r.pick([
            "Open source maintainer",
            "Building things",
            "Compilers and coffee",
            "ML engineer",
            "SRE",
            "Game developer",
            "Security researcher",
          ])
        : null,
      company: r.pick(companies),
      location: r.pick(cities),
      blog: r.chance(0.3) ? `https://${login}.dev` : null,
      createdAt: isoDaysBefore(anchor, r.int(200, 5800)),
      members: [],
    });
  }
  const orgs: Account[] = [];
  for (let i = 0; i < orgCount; i++) {
    const r = random.fork(`org:${i}`);
    const stem = r.pick(orgStems);
    const suffix = r.pick(orgSuffixes);
    const login = uniqueLogin(taken, r.chance(0.5) ? `${stem}${suffix}` : `${stem}-${suffix}`);
    const members = r.sample(users, r.int(2, 12)).map((user) => user.login);
    orgs.push({
      login,
      id: 5_000_000 + i * 53,
      type: "Organization",
      name: `${stem[0]?.toUpperCase()}${stem.slice(1)} ${suffix[0]?.toUpperCase()}${suffix.slice(1)}`,
      email: r.chance(0.5) ? `hello@${login}.example.org` : null,
      bio: r.chance(0.6) ? "Open source tools for developers" : null,
      company: null,
      location: r.pick(cities),
      blog: `https://${login}.example.org`,
      createdAt: isoDaysBefore(anchor, r.int(400, 5500)),
      members,
    });
  }
  return { users, orgs };
}
