import { nodeId } from "../../rest/shapes/accounts";
import { licenseShape } from "../../rest/shapes/repositories";
import { parseTime } from "../../world/dates";
import { languageColors } from "../../world/languages";
import type { RepositoryView } from "../../world/repository-view";
import type { Account, Issue, Pull } from "../../world/world-schema";
import { type ConnectionArgs, connection, GitHubGraphQLError, sortedLazily } from "../connection";
import {
  accountModel,
  commitModel,
  type GraphqlContext,
  itemModel,
  nodeModel,
  type RepositoryModel,
  repositoryModel,
} from "../models";
import type { Resolvers } from "./resolver-types";

type Order = { field: string; direction: "ASC" | "DESC" } | null | undefined;

interface IssuesArgs extends ConnectionArgs {
  states?: string[] | null;
  labels?: string[] | null;
  orderBy?: Order;
  filterBy?: {
    since?: string | null;
    states?: string[] | null;
    labels?: string[] | null;
    assignee?: string | null;
    createdBy?: string | null;
  } | null;
  baseRefName?: string | null;
  headRefName?: string | null;
}

function orderItems<T extends Issue | Pull>(items: T[], orderBy: Order) {
  // GitHub's issue connections default to creation order, oldest first.
  const field = orderBy?.field ?? "CREATED_AT";
  const key = (item: T) =>
    field === "UPDATED_AT"
      ? Date.parse(item.updatedAt)
      : field === "COMMENTS"
        ? item.comments
        : Date.parse(item.createdAt);
  return sortedLazily(items, key, (item) => item.number, orderBy?.direction === "DESC");
}

function labelFilter(item: Issue | Pull, labels: string[] | null | undefined): boolean {
  // `labels` matches any of the given labels, case-insensitively, as on GitHub.
  if (!labels || labels.length === 0) return true;
  return labels.some((wanted) => item.labels.some((l) => l.toLowerCase() === wanted.toLowerCase()));
}

function pullState(pull: Pull): "OPEN" | "CLOSED" | "MERGED" {
  return pull.mergedAt ? "MERGED" : pull.state === "open" ? "OPEN" : "CLOSED";
}

/** A watcher list GitHub would have but the world only counts: contributors first, then stand-ins. */
function watcherAccounts(view: RepositoryView, count: number) {
  return {
    length: count,
    slice: (start: number, end: number): Account[] =>
      Array.from({ length: Math.max(0, end - start) }, (_, k) => {
        const i = start + k;
        const contributor = view.repo.contributors[i];
        const login = contributor?.login ?? `watcher-${view.repo.id % 100_000}-${i}`;
        return {
          login,
          id: 90_000_000 + ((view.repo.id + i * 7919) % 9_000_000),
          type: "User" as const,
          name: null,
          email: null,
          bio: null,
          company: null,
          location: null,
          blog: null,
          createdAt: view.repo.createdAt,
          members: [],
        };
      }),
  };
}

export const repositoryResolvers: Resolvers = {
  Repository: {
    id: ({ view }: RepositoryModel) => nodeId("Repository", view.repo.id),
    databaseId: ({ view }: RepositoryModel) => view.repo.id,
    name: ({ view }: RepositoryModel) => view.repo.name,
    nameWithOwner: ({ view }: RepositoryModel) => view.fullName,
    description: ({ view }: RepositoryModel) => view.repo.description,
    homepageUrl: ({ view }: RepositoryModel) => view.repo.homepage || null,
    url: ({ view }: RepositoryModel, _a: unknown, g: GraphqlContext) =>
      `${g.ctx.urls.server}/${view.fullName}`,
    resourcePath: ({ view }: RepositoryModel) => `/${view.fullName}`,
    createdAt: ({ view }: RepositoryModel) => view.repo.createdAt,
    updatedAt: ({ view }: RepositoryModel) => view.repo.updatedAt,
    pushedAt: ({ view }: RepositoryModel) => view.repo.pushedAt,
    diskUsage: ({ view }: RepositoryModel) =>
      Math.ceil(Object.values(view.repo.languages).reduce((a, b) => a + b, 0) / 1024),
    forkCount: ({ view }: RepositoryModel) => view.repo.forks,
    stargazerCount: ({ view }: RepositoryModel) => view.repo.stars,
    hasIssuesEnabled: ({ view }: RepositoryModel) => view.repo.hasIssues,
    isArchived: ({ view }: RepositoryModel) => view.repo.archived,
    isFork: ({ view }: RepositoryModel) => view.repo.fork,
    isMirror: ({ view }: RepositoryModel) => view.repo.mirrorUrl !== null,
    mirrorUrl: ({ view }: RepositoryModel) => view.repo.mirrorUrl,
    isPrivate: () => false,
    isTemplate: ({ view }: RepositoryModel) => view.repo.template,
    visibility: () => "PUBLIC",
    owner: ({ view }: RepositoryModel, _a: unknown, g: GraphqlContext) =>
      accountModel(g.ctx.index.account(view.repo.owner) ?? g.ctx.index.ensureUser(view.repo.owner)),
    parent: ({ view }: RepositoryModel, _a: unknown, g: GraphqlContext) => {
      const [owner, name] = (view.repo.parent ?? "").split("/");
      const parent = owner && name ? g.ctx.index.repository(owner, name) : undefined;
      return parent ? repositoryModel(parent) : null;
    },
    primaryLanguage: ({ view }: RepositoryModel) =>
      view.repo.language
        ? {
            __typename: "Language",
            id: nodeId("Language", view.repo.language.length),
            name: view.repo.language,
            color: languageColors[view.repo.language] ?? null,
          }
        : null,
    languages: ({ view }: RepositoryModel, args: ConnectionArgs & { orderBy?: Order }) => {
      const entries = Object.entries(view.repo.languages).sort((a, b) =>
        args.orderBy?.direction === "ASC" ? a[1] - b[1] : b[1] - a[1],
      );
      // The byte count rides on the node for LanguageEdge.size; Language has no such field.
      return connection(
        entries,
        args,
        ([name, size]) => ({
          id: nodeId("Language", name.length),
          name,
          color: languageColors[name] ?? null,
          bytes: size,
        }),
        {
          totalSize: entries.reduce((sum, [, size]) => sum + size, 0),
        },
      );
    },
    licenseInfo: ({ view }: RepositoryModel, _a: unknown, g: GraphqlContext) => {
      const license = licenseShape(g.ctx.urls, view.repo.license);
      if (!license) return null;
      return {
        id: license.node_id,
        key: license.key,
        name: license.name,
        spdxId: license.spdx_id,
        url: license.url,
        body: "",
        description: null,
        nickname: null,
      };
    },
    repositoryTopics: ({ view }: RepositoryModel, args: ConnectionArgs, g: GraphqlContext) =>
      connection(view.repo.topics, args, (name) => ({
        id: nodeId("RepositoryTopic", name.length),
        topic: { id: nodeId("Topic", name.length), name },
        resourcePath: `/topics/${name}`,
        url: `${g.ctx.urls.server}/topics/${name}`,
      })),
    watchers: ({ view }: RepositoryModel, args: ConnectionArgs) =>
      connection(watcherAccounts(view, view.repo.watchers), args, accountModel),
    mentionableUsers: ({ view }: RepositoryModel, args: ConnectionArgs) =>
      connection(
        watcherAccounts(view, view.repo.mentionableUsers ?? view.repo.contributors.length),
        args,
        accountModel,
      ),
    issues: ({ view }: RepositoryModel, args: IssuesArgs) => {
      const states = args.states ?? args.filterBy?.states ?? null;
      const since = args.filterBy?.since ? parseTime(args.filterBy.since) : undefined;
      const assignee = args.filterBy?.assignee?.toLowerCase();
      const creator = args.filterBy?.createdBy?.toLowerCase();
      const items = view.repo.issues.filter(
        (issue) =>
          (!states || states.includes(issue.state.toUpperCase())) &&
          (since === undefined || Date.parse(issue.updatedAt) >= since) &&
          labelFilter(issue, args.labels) &&
          labelFilter(issue, args.filterBy?.labels) &&
          (!assignee ||
            (assignee === "*"
              ? issue.assignees.length > 0
              : issue.assignees.some((a) => a.toLowerCase() === assignee))) &&
          (!creator || issue.author.toLowerCase() === creator),
      );
      return connection(orderItems(items, args.orderBy), args, (issue) => itemModel(view, issue));
    },
    pullRequests: ({ view }: RepositoryModel, args: IssuesArgs) => {
      const items = view.repo.pulls.filter(
        (pull) =>
          (!args.states || args.states.includes(pullState(pull))) &&
          labelFilter(pull, args.labels) &&
          (!args.baseRefName || pull.baseRef === args.baseRefName) &&
          (!args.headRefName || pull.headRef === args.headRefName),
      );
      return connection(orderItems(items, args.orderBy), args, (pull) => itemModel(view, pull));
    },
    issue: ({ view }: RepositoryModel, { number }: { number: number }) => {
      const item = view.byNumber(number);
      if (!item || "mergedAt" in item)
        throw new GitHubGraphQLError(
          `Could not resolve to an Issue with the number of ${number}.`,
          "NOT_FOUND",
        );
      return itemModel(view, item);
    },
    pullRequest: ({ view }: RepositoryModel, { number }: { number: number }) => {
      const item = view.byNumber(number);
      if (!item || !("mergedAt" in item))
        throw new GitHubGraphQLError(
          `Could not resolve to a PullRequest with the number of ${number}.`,
          "NOT_FOUND",
        );
      return itemModel(view, item);
    },
    labels: (
      { view }: RepositoryModel,
      args: ConnectionArgs & { query?: string | null; orderBy?: Order },
      g: GraphqlContext,
    ) => {
      const q = args.query?.toLowerCase();
      const labels = view.repo.labels.filter((l) => !q || l.name.toLowerCase().includes(q));
      if (args.orderBy?.field === "NAME")
        labels.sort((a, b) => a.name.localeCompare(b.name) * (args.orderBy?.direction === "DESC" ? -1 : 1));
      return connection(labels, args, (label) => labelModel(g, view, label.name));
    },
    releases: ({ view }: RepositoryModel, args: ConnectionArgs & { orderBy?: Order }) => {
      const releases = view.repo.releases.filter((r) => !r.draft);
      const sign = args.orderBy?.direction === "ASC" ? 1 : -1;
      const byName = args.orderBy?.field === "NAME";
      const sorted = releases
        .slice()
        .sort(
          (a, b) =>
            (byName
              ? a.tagName < b.tagName
                ? -1
                : a.tagName > b.tagName
                  ? 1
                  : 0
              : Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id) * sign,
        );
      return connection(sorted, args, (release) => ({ __typename: "Release", view, release }));
    },
    latestRelease: ({ view }: RepositoryModel) => {
      const latest = view.repo.releases
        .filter((r) => !r.draft && !r.prerelease)
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
      return latest ? { __typename: "Release", view, release: latest } : null;
    },
    defaultBranchRef: ({ view }: RepositoryModel) =>
      view.commits.total > 0 ? { __typename: "Ref", view } : null,
    object: ({ view }: RepositoryModel, args: { expression?: string | null; oid?: string | null }) =>
      resolveObject(view, args),
  },
};

export function labelModel(g: GraphqlContext, view: RepositoryView, name: string) {
  const label = view.repo.labels.find((l) => l.name === name);
  return {
    id: nodeId("Label", name.length + view.repo.id),
    name,
    color: label?.color ?? "ededed",
    description: label?.description ?? null,
    createdAt: view.repo.createdAt,
    isDefault: [
      "bug",
      "enhancement",
      "documentation",
      "question",
      "good first issue",
      "help wanted",
    ].includes(name),
    url: `${g.ctx.urls.server}/${view.fullName}/labels/${encodeURIComponent(name)}`,
  };
}

/**
 * `object(expression: "REF:path")` or `object(oid:)`: the tip commit for "HEAD" or the default
 * branch, a tree or blob for "HEAD:path" (the root for "HEAD:"), null when nothing is there.
 */
function resolveObject(view: RepositoryView, args: { expression?: string | null; oid?: string | null }) {
  if (view.commits.total === 0) return null;
  if (args.oid) {
    if (args.oid === view.headSha) return commitModel(view, 0);
    if (args.oid === view.treeSha("")) return { __typename: "Tree", view, path: "" };
    return null;
  }
  const expression = args.expression ?? "";
  const colon = expression.indexOf(":");
  const ref = colon < 0 ? expression : expression.slice(0, colon);
  const refOk =
    ref === "HEAD" ||
    ref === view.repo.defaultBranch ||
    ref === `refs/heads/${view.repo.defaultBranch}` ||
    (ref.length >= 7 && (view.headSha ?? "").startsWith(ref));
  if (!refOk) return null;
  if (colon < 0) return commitModel(view, 0);
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
  if (path === "") return { __typename: "Tree", view, path: "" };
  if (view.directory(path)) return { __typename: "Tree", view, path };
  const node = view.node(path);
  return node ? nodeModel(view, node) : null;
}
