import { CommitLog } from "./commit-log";
import { fakeSha, hashString } from "./random";
import { commitMessages, functionNames } from "./vocabulary/issues";
import type { Issue, Pull, Repository } from "./world-schema";

export interface Commit {
  sha: string;
  /** Epoch ms. */
  time: number;
  message: string;
  /** Login of a contributor, or null for an author GitHub cannot match to an account. */
  author: string | null;
  authorName: string;
  parentSha: string | null;
}

export interface TreeNode {
  path: string;
  name: string;
  type: "blob" | "tree";
  sha: string;
  size: number;
  content?: string;
}

/**
 * One repository with the lookups the handlers need, built lazily: the commit log, issues and pulls
 * by number, and the git tree with directories derived from file paths.
 */
export class RepositoryView {
  readonly fullName: string;
  private commitLog?: CommitLog;
  private numbered?: Map<number, Issue | Pull>;
  private treeNodes?: Map<string, TreeNode[]>;
  private filesByPath?: Map<string, TreeNode>;
  private contributorWeights?: { logins: string[]; cumulative: number[] };
  private openCount?: number;
  /** Recently built commits: GraphQL resolves many fields of the same commit. */
  private readonly commitCache = new Map<number, Commit>();

  constructor(
    readonly repo: Repository,
    private readonly anchor: number,
  ) {
    this.fullName = `${repo.owner}/${repo.name}`;
  }

  get commits(): CommitLog {
    this.commitLog ??= new CommitLog(String(this.repo.id), this.repo.commits.weekly, this.anchor);
    return this.commitLog;
  }

  /** Commit `index` of the default branch, 0 = HEAD. */
  commit(index: number): Commit {
    const cached = this.commitCache.get(index);
    if (cached) return cached;
    if (this.commitCache.size > 1000) this.commitCache.clear();
    const built = this.buildCommit(index);
    this.commitCache.set(index, built);
    return built;
  }

  private buildCommit(index: number): Commit {
    const key = `${this.repo.id}:${this.commits.total - index}`;
    const h = hashString(key);
    const template = commitMessages[h % commitMessages.length] ?? "Update";
    const author = this.pickAuthor(h);
    return {
      sha: fakeSha(`commit:${key}`),
      time: this.commits.timeOf(index),
      message: template
        .replace("{fn}", functionNames[(h >>> 8) % functionNames.length] ?? "run")
        .replace("{thing}", this.repo.name)
        .replace("{version}", this.repo.releases.at(-1)?.tagName ?? "v0.1.0")
        .replace("{n}", String(((h >>> 4) % 900) + 1))
        .replace("{login}", author ?? "contributor"),
      author,
      authorName: author ?? "Anonymous Contributor",
      parentSha:
        index + 1 < this.commits.total
          ? fakeSha(`commit:${this.repo.id}:${this.commits.total - index - 1}`)
          : null,
    };
  }

  /** Authors in proportion to their contributions, so `/contributors` and `/commits` agree roughly. */
  private pickAuthor(hash: number): string | null {
    if (!this.contributorWeights) {
      const logins: string[] = [];
      const cumulative: number[] = [];
      let sum = 0;
      for (const c of this.repo.contributors) {
        sum += c.contributions;
        logins.push(c.login);
        cumulative.push(sum);
      }
      this.contributorWeights = { logins, cumulative };
    }
    const { logins, cumulative } = this.contributorWeights;
    const total = cumulative.at(-1) ?? 0;
    if (total === 0) return null;
    const roll = hash % total;
    const k = cumulative.findIndex((c) => roll < c);
    return logins[k] ?? null;
  }

  get headSha(): string | null {
    return this.commits.total > 0 ? this.commit(0).sha : null;
  }

  /** An issue or pull request by number (they share one sequence, as on GitHub). */
  byNumber(number: number): Issue | Pull | undefined {
    if (!this.numbered) {
      this.numbered = new Map();
      for (const issue of this.repo.issues) this.numbered.set(issue.number, issue);
      for (const pull of this.repo.pulls) this.numbered.set(pull.number, pull);
    }
    return this.numbered.get(number);
  }

  private buildTree(): void {
    const children = new Map<string, TreeNode[]>([["", []]]);
    const byPath = new Map<string, TreeNode>();
    const ensureDir = (dir: string) => {
      if (children.has(dir)) return;
      const slash = dir.lastIndexOf("/");
      const parent = slash < 0 ? "" : dir.slice(0, slash);
      ensureDir(parent);
      const node: TreeNode = {
        path: dir,
        name: dir.slice(slash + 1),
        type: "tree",
        sha: fakeSha(`tree:${this.repo.id}:${dir}`),
        size: 0,
      };
      children.get(parent)?.push(node);
      byPath.set(dir, node);
      children.set(dir, []);
    };
    for (const file of this.repo.files) {
      const slash = file.path.lastIndexOf("/");
      const dir = slash < 0 ? "" : file.path.slice(0, slash);
      ensureDir(dir);
      const node: TreeNode = {
        path: file.path,
        name: file.path.slice(slash + 1),
        type: "blob",
        sha: fakeSha(`blob:${file.content}`),
        size: Buffer.byteLength(file.content),
        content: file.content,
      };
      children.get(dir)?.push(node);
      byPath.set(file.path, node);
    }
    // Git sorts tree entries by name; GitHub returns them in that order.
    for (const list of children.values())
      list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.treeNodes = children;
    this.filesByPath = byPath;
  }

  /** Entries of a directory ("" = root), or undefined when it is not a directory. */
  directory(path: string): TreeNode[] | undefined {
    if (!this.treeNodes) this.buildTree();
    return this.treeNodes?.get(path.replace(/^\/+|\/+$/g, ""));
  }

  node(path: string): TreeNode | undefined {
    if (!this.filesByPath) this.buildTree();
    return this.filesByPath?.get(path.replace(/^\/+|\/+$/g, ""));
  }

  treeSha(path = ""): string {
    return path === ""
      ? fakeSha(`tree:${this.repo.id}:`)
      : (this.node(path)?.sha ?? fakeSha(`tree:${this.repo.id}:${path}`));
  }

  /** GitHub picks the README in the root by name, case-insensitively, preferring README.md. */
  readme(): TreeNode | undefined {
    const candidates = (this.directory("") ?? []).filter(
      (n) => n.type === "blob" && /^readme(\.[a-z]+)?$/i.test(n.name),
    );
    return candidates.find((n) => n.name.toLowerCase() === "readme.md") ?? candidates[0];
  }

  /** Open issues plus open pull requests, which is what GitHub calls open_issues_count. */
  get openIssuesCount(): number {
    this.openCount ??=
      this.repo.issues.filter((i) => i.state === "open").length +
      this.repo.pulls.filter((p) => p.state === "open").length;
    return this.openCount;
  }
}
