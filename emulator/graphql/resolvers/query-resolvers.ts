import { avatarUrl, nodeId } from "../../rest/shapes/accounts";
import { searchIssues } from "../../search/search-issues";
import { searchRepositories } from "../../search/search-repositories";
import { isoSeconds } from "../../world/dates";
import type { RepositoryView } from "../../world/repository-view";
import { type ConnectionArgs, connection, GitHubGraphQLError } from "../connection";
import { type AccountModel, accountModel, type GraphqlContext, itemModel, repositoryModel } from "../models";
import type { Resolvers } from "./resolver-types";

/** GitHub's search connections stop at 1,000 results too. */
const MAX_SEARCH = 1000;

interface RepositoriesArgs extends ConnectionArgs {
  isFork?: boolean | null;
  isArchived?: boolean | null;
  privacy?: string | null;
  orderBy?: { field: string; direction: "ASC" | "DESC" } | null;
}

function repositoriesOf(model: AccountModel, args: RepositoriesArgs, g: GraphqlContext) {
  const views = g.ctx.index
    .repositoriesOf(model.account.login)
    .filter(
      (v) =>
        (args.isFork == null || v.repo.fork === args.isFork) &&
        (args.isArchived == null || v.repo.archived === args.isArchived) &&
        args.privacy !== "PRIVATE",
    );
  const field = args.orderBy?.field ?? "CREATED_AT";
  const sign = args.orderBy?.direction === "DESC" ? -1 : 1;
  const key = (v: RepositoryView): number | string =>
    field === "NAME"
      ? v.repo.name.toLowerCase()
      : field === "STARGAZERS"
        ? v.repo.stars
        : Date.parse(
            (field === "PUSHED_AT"
              ? v.repo.pushedAt
              : field === "UPDATED_AT"
                ? v.repo.updatedAt
                : v.repo.createdAt) ?? v.repo.createdAt,
          );
  const sorted = views.slice().sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || a.repo.id - b.repo.id;
  });
  return connection(sorted, args, repositoryModel, {
    totalDiskUsage: sorted.reduce(
      (sum, v) => sum + Math.ceil(Object.values(v.repo.languages).reduce((a, b) => a + b, 0) / 1024),
      0,
    ),
  });
}

const accountFields = {
  id: (m: AccountModel) => nodeId(m.__typename, m.account.id),
  databaseId: (m: AccountModel) => m.account.id,
  login: (m: AccountModel) => m.account.login,
  name: (m: AccountModel) => m.account.name,
  location: (m: AccountModel) => m.account.location,
  createdAt: (m: AccountModel) => m.account.createdAt,
  websiteUrl: (m: AccountModel) => m.account.blog,
  avatarUrl: (m: AccountModel, _a: unknown, g: GraphqlContext) => avatarUrl(g.ctx.urls, m.account),
  url: (m: AccountModel, _a: unknown, g: GraphqlContext) => `${g.ctx.urls.server}/${m.account.login}`,
  resourcePath: (m: AccountModel) => `/${m.account.login}`,
  repositories: repositoriesOf,
};

export const queryResolvers: Resolvers = {
  Query: {
    rateLimit: (_root: unknown, _args: unknown, g: GraphqlContext) => ({
      cost: g.cost,
      limit: g.bucket.limit,
      nodeCount: g.nodeCount,
      remaining: Math.max(0, g.bucket.limit - g.bucket.used),
      used: g.bucket.used,
      resetAt: isoSeconds(g.bucket.reset * 1000),
    }),
    repository: (_root: unknown, { owner, name }: { owner: string; name: string }, g: GraphqlContext) => {
      const view = g.ctx.index.repository(owner, name);
      if (!view)
        throw new GitHubGraphQLError(
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
          "NOT_FOUND",
        );
      return repositoryModel(view);
    },
    user: (_root: unknown, { login }: { login: string }, g: GraphqlContext) => {
      const account = g.ctx.index.account(login);
      if (account?.type !== "User")
        throw new GitHubGraphQLError(
          `Could not resolve to a User with the login of '${login}'.`,
          "NOT_FOUND",
        );
      return accountModel(account);
    },
    organization: (_root: unknown, { login }: { login: string }, g: GraphqlContext) => {
      const account = g.ctx.index.account(login);
      if (account?.type !== "Organization")
        throw new GitHubGraphQLError(
          `Could not resolve to an Organization with the login of '${login}'.`,
          "NOT_FOUND",
        );
      return accountModel(account);
    },
    repositoryOwner: (_root: unknown, { login }: { login: string }, g: GraphqlContext) => {
      const account = g.ctx.index.account(login);
      return account ? accountModel(account) : null;
    },
    viewer: (_root: unknown, _args: unknown, g: GraphqlContext) =>
      accountModel(g.ctx.index.ensureUser(g.login)),
    search: (_root: unknown, args: ConnectionArgs & { query: string; type: string }, g: GraphqlContext) => {
      const counts = {
        codeCount: 0,
        discussionCount: 0,
        issueCount: 0,
        repositoryCount: 0,
        userCount: 0,
        wikiCount: 0,
      };
      if (args.type === "REPOSITORY") {
        const result = searchRepositories(g.ctx.index, args.query, null, null);
        if (!result.ok) throw new GitHubGraphQLError(result.message, "INVALID_SEARCH");
        const hits = result.hits.slice(0, MAX_SEARCH);
        return connection(hits, args, (hit) => repositoryModel(hit.view), {
          ...counts,
          repositoryCount: result.hits.length,
        });
      }
      if (args.type === "ISSUE") {
        const result = searchIssues(g.ctx.index, args.query, null, null);
        if (!result.ok) throw new GitHubGraphQLError(result.message, "INVALID_SEARCH");
        return connection(result.hits.slice(0, MAX_SEARCH), args, (hit) => itemModel(hit.view, hit.item), {
          ...counts,
          issueCount: result.hits.length,
        });
      }
      const words = args.query
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w && !w.includes(":"));
      const accounts = g.ctx.index
        .allAccounts()
        .filter((a) =>
          words.every((w) => a.login.toLowerCase().includes(w) || (a.name ?? "").toLowerCase().includes(w)),
        )
        .sort((a, b) => a.id - b.id);
      return connection(accounts.slice(0, MAX_SEARCH), args, accountModel, {
        ...counts,
        userCount: accounts.length,
      });
    },
  },
  User: {
    ...accountFields,
    // GitHub answers "" rather than null when the user keeps their email private.
    email: (m: AccountModel) => m.account.email ?? "",
    bio: (m: AccountModel) => m.account.bio,
    company: (m: AccountModel) => m.account.company,
  },
  Organization: {
    ...accountFields,
    email: (m: AccountModel) => m.account.email,
    description: (m: AccountModel) => m.account.bio,
  },
};
