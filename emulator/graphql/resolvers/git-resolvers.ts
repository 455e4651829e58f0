import { nodeId } from "../../rest/shapes/accounts";
import { isoSeconds, parseTime } from "../../world/dates";
import { hashString } from "../../world/random";
import type { RepositoryView, TreeNode } from "../../world/repository-view";
import type { CheckSuite, Release } from "../../world/world-schema";
import { type ConnectionArgs, connection } from "../connection";
import {
  accountModel,
  type BlobModel,
  type CheckSuiteModel,
  type CommitModel,
  commitModel,
  type GitObjectModel,
  type GraphqlContext,
  nodeModel,
  type RefModel,
  repositoryModel,
  type TreeModel,
} from "../models";
import type { Resolvers } from "./resolver-types";

const FAILING = new Set(["failure", "timed_out", "cancelled", "action_required", "startup_failure"]);

/** GitHub's rollup: any failing check fails the commit, else anything unfinished keeps it pending. */
export function rollupState(suites: CheckSuite[]): "SUCCESS" | "FAILURE" | "PENDING" | null {
  if (suites.length === 0) return null;
  const runs = suites.flatMap((s) =>
    s.runs.length ? s.runs : [{ status: s.status, conclusion: s.conclusion }],
  );
  if (runs.some((r) => r.conclusion !== null && FAILING.has(r.conclusion))) return "FAILURE";
  if (runs.some((r) => r.status !== "completed")) return "PENDING";
  return "SUCCESS";
}

function suiteTime(view: RepositoryView, suite: CheckSuite, finished: boolean): string {
  const head = view.commits.total > 0 ? view.commit(0).time : Date.parse(view.repo.createdAt);
  return isoSeconds(
    head + 30_000 + (suite.id % 60) * 1000 + (finished ? 60_000 + (suite.id % 600) * 1000 : 0),
  );
}

const oidOf = (object: GitObjectModel): string =>
  object.__typename === "Commit"
    ? object.view.commit(object.index).sha
    : object.__typename === "Tree"
      ? object.view.treeSha(object.path)
      : object.node.sha;

const gitObjectFields = {
  id: (o: GitObjectModel) => nodeId(o.__typename, hashString(oidOf(o))),
  oid: (o: GitObjectModel) => oidOf(o),
  abbreviatedOid: (o: GitObjectModel) => oidOf(o).slice(0, 7),
  repository: (o: GitObjectModel) => repositoryModel(o.view),
  commitResourcePath: (o: GitObjectModel) => `/${o.view.fullName}/commit/${o.view.headSha}`,
  commitUrl: (o: GitObjectModel, _a: unknown, g: GraphqlContext) =>
    `${g.ctx.urls.server}/${o.view.fullName}/commit/${o.view.headSha}`,
};

function actor(model: CommitModel, g: GraphqlContext) {
  const commit = model.view.commit(model.index);
  const account = commit.author ? g.ctx.index.account(commit.author) : undefined;
  return {
    name: account?.name ?? commit.authorName,
    email: account?.email ?? `${commit.author ?? "anonymous"}@users.noreply.example.com`,
    date: isoSeconds(commit.time),
    user: account ? accountModel(account) : null,
    avatarUrl: `${g.ctx.urls.origin}/avatars/u/${account?.id ?? 0}?v=4`,
  };
}

export const gitResolvers: Resolvers = {
  Ref: {
    id: ({ view }: RefModel) => nodeId("Ref", view.repo.id),
    name: ({ view }: RefModel) => view.repo.defaultBranch,
    prefix: () => "refs/heads/",
    target: ({ view }: RefModel) => commitModel(view, 0),
  },
  Commit: {
    ...gitObjectFields,
    url: (m: CommitModel, _a: unknown, g: GraphqlContext) =>
      `${g.ctx.urls.server}/${m.view.fullName}/commit/${m.view.commit(m.index).sha}`,
    message: (m: CommitModel) => m.view.commit(m.index).message,
    messageHeadline: (m: CommitModel) => m.view.commit(m.index).message.split("\n")[0],
    committedDate: (m: CommitModel) => isoSeconds(m.view.commit(m.index).time),
    authoredDate: (m: CommitModel) => isoSeconds(m.view.commit(m.index).time),
    author: (m: CommitModel, _a: unknown, g: GraphqlContext) => actor(m, g),
    committer: (m: CommitModel, _a: unknown, g: GraphqlContext) => actor(m, g),
    additions: (m: CommitModel) => hashString(m.view.commit(m.index).sha) % 200,
    deletions: (m: CommitModel) => hashString(`${m.view.commit(m.index).sha}-`) % 80,
    history: (m: CommitModel, args: ConnectionArgs & { since?: string | null; until?: string | null }) => {
      const since = args.since ? parseTime(args.since) : undefined;
      const until = args.until ? parseTime(args.until) : undefined;
      const [from, to] = m.view.commits.range(
        Number.isNaN(since) ? undefined : since,
        Number.isNaN(until) ? undefined : until,
      );
      // History starts at this commit and walks back; the log is linear (no merges).
      const start = Math.max(from, m.index);
      const length = Math.max(0, to - start);
      return connection(
        {
          length,
          slice: (a: number, b: number) =>
            Array.from({ length: Math.max(0, b - a) }, (_, k) => start + a + k),
        },
        args,
        (index) => commitModel(m.view, index),
      );
    },
    statusCheckRollup: (m: CommitModel) => {
      if (m.index !== 0) return null;
      const state = rollupState(m.view.repo.checkSuites);
      return state ? { id: nodeId("StatusCheckRollup", m.view.repo.id), state, commit: m } : null;
    },
    checkSuites: (m: CommitModel, args: ConnectionArgs) =>
      connection(
        m.index === 0 ? m.view.repo.checkSuites : [],
        args,
        (suite): CheckSuiteModel => ({ __typename: "CheckSuite", view: m.view, suite }),
      ),
  },
  Tree: {
    ...gitObjectFields,
    entries: ({ view, path }: TreeModel) => (view.directory(path) ?? []).map((node) => ({ view, node })),
  },
  TreeEntry: {
    name: ({ node }: { node: TreeNode }) => node.name,
    path: ({ node }: { node: TreeNode }) => node.path,
    type: ({ node }: { node: TreeNode }) => node.type,
    // Git modes in decimal, as GitHub returns them: 040000 and 100644 octal.
    mode: ({ node }: { node: TreeNode }) => (node.type === "tree" ? 16384 : 33188),
    oid: ({ node }: { node: TreeNode }) => node.sha,
    size: ({ node }: { node: TreeNode }) => node.size,
    extension: ({ node }: { node: TreeNode }) =>
      node.type === "blob" && node.name.includes(".") ? node.name.slice(node.name.lastIndexOf(".")) : null,
    object: ({ view, node }: { view: RepositoryView; node: TreeNode }) => nodeModel(view, node),
    repository: ({ view }: { view: RepositoryView }) => repositoryModel(view),
  },
  Blob: {
    ...gitObjectFields,
    byteSize: ({ node }: BlobModel) => node.size,
    text: ({ node }: BlobModel) => node.content ?? null,
    isBinary: () => false,
    isTruncated: () => false,
  },
  CheckSuite: {
    id: ({ suite }: CheckSuiteModel) => nodeId("CheckSuite", suite.id),
    app: ({ suite }: CheckSuiteModel, _a: unknown, g: GraphqlContext) => ({
      id: nodeId("App", hashString(suite.app)),
      databaseId: hashString(suite.app) % 100_000,
      slug: suite.app,
      name: suite.app === "github-actions" ? "GitHub Actions" : suite.app,
      description: null,
      url: `${g.ctx.urls.server}/apps/${suite.app}`,
      createdAt: "2018-07-30T09:30:17Z",
    }),
    status: ({ suite }: CheckSuiteModel) => suite.status.toUpperCase(),
    conclusion: ({ suite }: CheckSuiteModel) => suite.conclusion?.toUpperCase() ?? null,
    commit: ({ view }: CheckSuiteModel) => commitModel(view, 0),
    repository: ({ view }: CheckSuiteModel) => repositoryModel(view),
    createdAt: ({ view, suite }: CheckSuiteModel) => suiteTime(view, suite, false),
    updatedAt: ({ view, suite }: CheckSuiteModel) => suiteTime(view, suite, true),
    url: ({ view, suite }: CheckSuiteModel, _a: unknown, g: GraphqlContext) =>
      `${g.ctx.urls.server}/${view.fullName}/commit/${view.headSha}/checks?check_suite_id=${suite.id}`,
    checkRuns: (model: CheckSuiteModel, args: ConnectionArgs, g: GraphqlContext) =>
      connection(model.suite.runs, args, (run) => ({
        id: nodeId("CheckRun", run.id),
        databaseId: run.id,
        name: run.name,
        status: run.status.toUpperCase(),
        conclusion: run.conclusion?.toUpperCase() ?? null,
        startedAt: suiteTime(model.view, model.suite, false),
        completedAt: run.status === "completed" ? suiteTime(model.view, model.suite, true) : null,
        detailsUrl: `${g.ctx.urls.server}/${model.view.fullName}/runs/${run.id}`,
        url: `${g.ctx.urls.server}/${model.view.fullName}/runs/${run.id}`,
        checkSuite: model,
        repository: repositoryModel(model.view),
      })),
  },
  Release: {
    id: ({ release }: { release: Release }) => nodeId("Release", release.id),
    databaseId: ({ release }: { release: Release }) => release.id,
    name: ({ release }: { release: Release }) => release.name,
    tagName: ({ release }: { release: Release }) => release.tagName,
    description: ({ release }: { release: Release }) => release.body,
    createdAt: ({ release }: { release: Release }) => release.createdAt,
    publishedAt: ({ release }: { release: Release }) => release.publishedAt,
    isDraft: ({ release }: { release: Release }) => release.draft,
    isPrerelease: ({ release }: { release: Release }) => release.prerelease,
    isLatest: ({ view, release }: { view: RepositoryView; release: Release }) =>
      view.repo.releases
        .filter((r) => !r.draft && !r.prerelease)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0]?.id === release.id,
    author: ({ release }: { release: Release }, _a: unknown, g: GraphqlContext) =>
      accountModel(g.ctx.index.ensureUser(release.author)),
    url: ({ view, release }: { view: RepositoryView; release: Release }, _a: unknown, g: GraphqlContext) =>
      `${g.ctx.urls.server}/${view.fullName}/releases/tag/${release.tagName}`,
  },
  LanguageEdge: {
    size: (edge: { node: { bytes: number } }) => edge.node.bytes,
  },
};
