import { hashString } from "./random";
import { RepositoryView } from "./repository-view";
import type { Account, World } from "./world-schema";

/**
 * Lookups over a World: accounts and repositories by name (case-insensitive, like GitHub), and
 * per-repository views. Logins that repositories mention (contributors, issue authors) but that the
 * world does not list become plain user accounts, so every login in a response resolves.
 */
export class WorldIndex {
  readonly anchor: number;
  private readonly accounts = new Map<string, Account>();
  private readonly repos = new Map<string, RepositoryView>();
  private readonly reposById = new Map<number, RepositoryView>();
  private readonly reposByOwner = new Map<string, RepositoryView[]>();
  readonly views: RepositoryView[];

  constructor(readonly world: World) {
    this.anchor = Date.parse(world.generatedAt);
    for (const account of world.accounts) this.accounts.set(account.login.toLowerCase(), account);
    this.views = world.repositories.map((repo) => new RepositoryView(repo, this.anchor));
    for (const view of this.views) {
      this.repos.set(view.fullName.toLowerCase(), view);
      this.reposById.set(view.repo.id, view);
      const owner = view.repo.owner.toLowerCase();
      const list = this.reposByOwner.get(owner) ?? [];
      list.push(view);
      this.reposByOwner.set(owner, list);
    }
    for (const view of this.views) {
      const r = view.repo;
      this.ensureUser(r.owner);
      for (const c of r.contributors) this.ensureUser(c.login);
      for (const item of [...r.issues, ...r.pulls]) {
        this.ensureUser(item.author);
        for (const a of item.assignees) this.ensureUser(a);
      }
      for (const release of r.releases) this.ensureUser(release.author);
    }
  }

  /** Adds a user for a login nobody defined (or that signs in through OAuth for the first time). */
  ensureUser(login: string): Account {
    const key = login.toLowerCase();
    const existing = this.accounts.get(key);
    if (existing) return existing;
    const account: Account = {
      login,
      // Far from generated ids, and stable for the same login.
      id: 20_000_000 + (hashString(key) % 70_000_000),
      type: "User",
      name: null,
      email: null,
      bio: null,
      company: null,
      location: null,
      blog: null,
      createdAt: new Date(this.anchor - 3 * 365 * 86_400_000).toISOString().replace(".000Z", "Z"),
      members: [],
    };
    this.accounts.set(key, account);
    return account;
  }

  account(login: string): Account | undefined {
    return this.accounts.get(login.toLowerCase());
  }

  allAccounts(): Account[] {
    return [...this.accounts.values()];
  }

  repository(owner: string, name: string): RepositoryView | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  repositoryById(id: number): RepositoryView | undefined {
    return this.reposById.get(id);
  }

  repositoriesOf(owner: string): RepositoryView[] {
    return this.reposByOwner.get(owner.toLowerCase()) ?? [];
  }

  /** Organizations the user belongs to. */
  organizationsOf(login: string): Account[] {
    const key = login.toLowerCase();
    return this.world.accounts.filter(
      (a) => a.type === "Organization" && a.members.some((m) => m.toLowerCase() === key),
    );
  }
}
