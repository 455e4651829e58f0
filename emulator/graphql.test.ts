import { graphql as octokitGraphql } from "@octokit/graphql";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type RepositorySignalsNode,
  repositorySignalsQuery,
  repositorySignalsVariables,
} from "../lib/github/queries/repository-signals";
import { queryCost } from "./graphql/cost";
import { emulatorSchema } from "./graphql/graphql-route";
import type { GitHubEmulator } from "./start-emulator";
import { busiestRepository, DAY, FIXED_NOW, startTestEmulator } from "./test-helpers";
import type { Repository } from "./world/world-schema";

let emulator: GitHubEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ repositories: 200 });
});
afterAll(() => emulator.close());

const client = (token = "ghp_graphql") =>
  octokitGraphql.defaults({ baseUrl: emulator.apiUrl, headers: { authorization: `token ${token}` } });

/** Raw POST, to see status, headers and `errors` exactly as sent. */
async function post(query: string, variables: Record<string, unknown> = {}, token = "ghp_graphql") {
  const response = await fetch(emulator.graphqlUrl, {
    method: "POST",
    headers: { authorization: `bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as {
      data?: Record<string, unknown> | null;
      errors?: { type?: string; message: string; path?: unknown[] }[];
    },
  };
}

/** What the signals query should report for a repository, computed from the world directly. */
function expectedSignals(repo: Repository) {
  const now = FIXED_NOW.getTime();
  const since90 = now - 90 * DAY;
  const view = emulator.index.repository(repo.owner, repo.name);
  return {
    openIssues: repo.issues.filter((i) => i.state === "open").length,
    closedIssues90: repo.issues.filter((i) => i.state === "closed" && Date.parse(i.updatedAt) >= since90)
      .length,
    updatedIssues90: repo.issues.filter((i) => Date.parse(i.updatedAt) >= since90).length,
    openPullRequests: repo.pulls.filter((p) => p.state === "open").length,
    merged: repo.pulls.filter((p) => p.mergedAt !== null).length,
    releases: repo.releases.length,
    history30: view?.commits.count(now - 30 * DAY),
    history365: view?.commits.count(now - 365 * DAY),
    root: [...new Set(repo.files.map((f) => f.path.split("/")[0]))].sort(),
    workflows: repo.files
      .filter((f) => f.path.startsWith(".github/workflows/"))
      .map((f) => f.path.slice(".github/workflows/".length))
      .sort(),
  };
}

describe("the product's repository-signals query", () => {
  it("is valid against the emulator's schema", () => {
    const query = repositorySignalsQuery([{ owner: "a", name: "b" }]);
    expect(validate(emulatorSchema(), parse(query)).map((e) => e.message)).toEqual([]);
  });

  it("returns world-consistent values for a batch, with NOT_FOUND for a missing repository", async () => {
    const repos = [busiestRepository(emulator), ...emulator.world.repositories.slice(0, 19)];
    const query = repositorySignalsQuery([
      ...repos.map((r) => ({ owner: r.owner, name: r.name })),
      { owner: "ghost", name: "missing" },
    ]);
    const { status, body, headers } = await post(query, repositorySignalsVariables(FIXED_NOW));
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      expect.objectContaining({
        type: "NOT_FOUND",
        path: ["r20"],
        message: "Could not resolve to a Repository with the name 'ghost/missing'.",
      }),
    ]);
    expect(body.data?.r20).toBeNull();
    expect(headers.get("x-ratelimit-resource")).toBe("graphql");
    repos.forEach((repo, k) => {
      const node = body.data?.[`r${k}`] as RepositorySignalsNode;
      const expected = expectedSignals(repo);
      expect(node.nameWithOwner).toBe(`${repo.owner}/${repo.name}`);
      expect(node.stargazerCount).toBe(repo.stars);
      expect(node.isArchived).toBe(repo.archived);
      expect(node.isFork).toBe(repo.fork);
      expect(node.primaryLanguage?.name ?? null).toBe(repo.language);
      expect(node.repositoryTopics.nodes.map((n) => n.topic.name)).toEqual(repo.topics);
      expect(node.openIssues.totalCount).toBe(expected.openIssues);
      expect(node.closedIssues90.totalCount).toBe(expected.closedIssues90);
      expect(node.updatedIssues90.totalCount).toBe(expected.updatedIssues90);
      expect(node.openPullRequests.totalCount).toBe(expected.openPullRequests);
      expect(node.mergedPullRequests.totalCount).toBe(expected.merged);
      expect(node.mergedPullRequests.nodes.length).toBe(Math.min(30, expected.merged));
      expect(node.releases.totalCount).toBe(expected.releases);
      const created = node.releases.nodes.map((r) => Date.parse(r.createdAt));
      expect(created).toEqual(created.slice().sort((a, b) => b - a));
      expect(node.rootTree?.entries?.map((e) => e.name).sort()).toEqual(expected.root);
      if (expected.workflows.length)
        expect(node.workflows?.entries?.map((e) => e.name).sort()).toEqual(expected.workflows);
      else expect(node.workflows).toBeNull();
      expect(node.defaultBranchRef?.target?.history30?.totalCount).toBe(expected.history30);
      expect(node.defaultBranchRef?.target?.history365?.totalCount).toBe(expected.history365);
      expect(node.defaultBranchRef?.target?.checkSuites?.nodes.length).toBe(
        Math.min(10, repo.checkSuites.length),
      );
      expect(node.defaultBranchRef?.target?.statusCheckRollup === null).toBe(repo.checkSuites.length === 0);
    });
  });

  it("charges GitHub's cost and reports it in rateLimit and headers", async () => {
    const repos = emulator.world.repositories.slice(0, 20).map((r) => ({ owner: r.owner, name: r.name }));
    // A user of its own, so other tests' queries do not share the rate-limit window.
    emulator.addToken("ghp_cost", "cost-counter");
    const first = await post(
      repositorySignalsQuery(repos),
      repositorySignalsVariables(FIXED_NOW),
      "ghp_cost",
    );
    // 14 connections per repository x 20 repositories = 280 requests -> 2.8 -> 3 points.
    const rate = first.body.data?.rateLimit as {
      cost: number;
      remaining: number;
      used: number;
      limit: number;
    };
    expect(rate).toMatchObject({ cost: 3, limit: 5000, used: 3, remaining: 4997 });
    expect(first.headers.get("x-ratelimit-remaining")).toBe("4997");
    const second = await post("{ rateLimit { cost remaining nodeCount } }", {}, "ghp_cost");
    expect(second.body.data?.rateLimit).toEqual({ cost: 1, remaining: 4996, nodeCount: 0 });
  });
});

describe("GraphQL cost rules", () => {
  it("matches GitHub's documented example (5,101 requests -> 51 points, 305,100 nodes)", () => {
    const query = `{ viewer { login repositories(first: 100) { edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }`;
    const document = parse(query);
    const operation = document.definitions[0];
    if (operation?.kind !== "OperationDefinition") throw new Error("no operation");
    expect(queryCost(emulatorSchema(), document, operation, {})).toEqual({
      cost: 51,
      nodeCount: 305_100,
      errors: [],
    });
  });

  it("refuses queries over 500,000 nodes, page sizes over 100, and unbounded node lists", async () => {
    const huge = await post(
      `{ search(type: REPOSITORY, query: "is:public", first: 100) { nodes { ... on Repository { issues(first: 100) { nodes { labels(first: 100) { totalCount } } } } } } }`,
    );
    expect(huge.body.errors?.[0]?.type).toBe("MAX_NODE_LIMIT_EXCEEDED");
    expect(huge.body.data).toBeUndefined();
    const big = await post(`{ repository(owner: "a", name: "b") { issues(first: 101) { totalCount } } }`);
    expect(big.body.errors?.[0]?.message).toBe(
      "Requesting 101 records on the `issues` connection exceeds the `first` limit of 100 records.",
    );
    const unbounded = await post(`{ repository(owner: "a", name: "b") { issues { nodes { number } } } }`);
    expect(unbounded.body.errors?.[0]?.message).toBe(
      "You must provide a `first` or `last` value to properly paginate the `issues` connection.",
    );
  });

  it("requires a token", async () => {
    const response = await fetch(emulator.graphqlUrl, {
      method: "POST",
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect(response.status).toBe(401);
  });
});

describe("GraphQL connections", () => {
  it("pages through issues with cursors, filters and order", async () => {
    const repo = busiestRepository(emulator);
    const since = new Date(FIXED_NOW.getTime() - 200 * DAY).toISOString();
    const numbers: number[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const result: {
        repository: {
          issues: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            nodes: { number: number; updatedAt: string }[];
          };
        };
      } = await client()(
        `query($owner: String!, $name: String!, $after: String, $since: DateTime) {
          repository(owner: $owner, name: $name) {
            issues(first: 25, after: $after, states: [OPEN, CLOSED], filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: DESC }) {
              totalCount pageInfo { hasNextPage endCursor } nodes { number updatedAt }
            }
          }
        }`,
        { owner: repo.owner, name: repo.name, after, since },
      );
      const page = result.repository.issues;
      numbers.push(...page.nodes.map((n) => n.number));
      const times = page.nodes.map((n) => Date.parse(n.updatedAt));
      expect(times).toEqual(times.slice().sort((a, b) => b - a));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const expected = repo.issues
      .filter((i) => Date.parse(i.updatedAt) >= Date.parse(since))
      .map((i) => i.number);
    expect(numbers.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it("searches repositories and lists an organization's and a user's repositories", async () => {
    const result: {
      search: { repositoryCount: number; nodes: { nameWithOwner: string; stargazerCount: number }[] };
    } = await client()(
      `{ search(type: REPOSITORY, query: "stars:>=100", first: 100) { repositoryCount nodes { ... on Repository { nameWithOwner stargazerCount } } } }`,
    );
    expect(result.search.repositoryCount).toBe(
      emulator.world.repositories.filter((r) => r.stars >= 100 && !r.fork).length,
    );
    expect(result.search.nodes.every((n) => n.stargazerCount >= 100)).toBe(true);
    const org = emulator.world.accounts.find(
      (a) => a.type === "Organization" && emulator.index.repositoriesOf(a.login).length > 0,
    );
    const user = emulator.world.accounts.find(
      (a) => a.type === "User" && emulator.index.repositoriesOf(a.login).length > 0,
    );
    if (!org || !user) throw new Error("no owners");
    const owners: {
      organization: { repositories: { totalCount: number } };
      user: { repositories: { totalCount: number; nodes: { isFork: boolean }[] } };
    } = await client()(
      `query($org: String!, $user: String!) {
        organization(login: $org) { repositories(first: 10) { totalCount } }
        user(login: $user) { repositories(first: 100, isFork: false) { totalCount nodes { isFork } } }
      }`,
      { org: org.login, user: user.login },
    );
    expect(owners.organization.repositories.totalCount).toBe(emulator.index.repositoriesOf(org.login).length);
    expect(owners.user.repositories.totalCount).toBe(
      emulator.index.repositoriesOf(user.login).filter((v) => !v.repo.fork).length,
    );
    const missing = await post(`{ user(login: "${org.login}") { login } }`);
    expect(missing.body.errors?.[0]).toMatchObject({
      type: "NOT_FOUND",
      message: `Could not resolve to a User with the login of '${org.login}'.`,
    });
  });

  it("resolves object expressions to trees and blobs, and timelines to linked pull requests", async () => {
    const repo = emulator.world.repositories.find(
      (r) =>
        r.issues.some((i) => i.linkedPullRequests.length > 0) && r.files.some((f) => f.path === "README.md"),
    );
    const issue = repo?.issues.find((i) => i.linkedPullRequests.length > 0);
    if (!repo || !issue) throw new Error("no suitable repository");
    const result: {
      repository: {
        readme: { text: string; byteSize: number } | null;
        nothing: null;
        head: { oid: string } | null;
        issue: { timelineItems: { nodes: { source?: { number: number }; willCloseTarget?: boolean }[] } };
      };
    } = await client()(
      `query($owner: String!, $name: String!, $number: Int!) {
        repository(owner: $owner, name: $name) {
          readme: object(expression: "HEAD:README.md") { ... on Blob { text byteSize } }
          nothing: object(expression: "HEAD:does/not/exist") { id }
          head: object(expression: "HEAD") { oid }
          issue(number: $number) { timelineItems(first: 20, itemTypes: [CROSS_REFERENCED_EVENT]) { nodes { ... on CrossReferencedEvent { willCloseTarget source { ... on PullRequest { number } } } } } }
        }
      }`,
      { owner: repo.owner, name: repo.name, number: issue.number },
    );
    expect(result.repository.readme?.text).toBe(repo.files.find((f) => f.path === "README.md")?.content);
    expect(result.repository.nothing).toBeNull();
    expect(result.repository.head?.oid).toBe(emulator.index.repository(repo.owner, repo.name)?.headSha);
    expect(result.repository.issue.timelineItems.nodes.map((n) => n.source?.number)).toEqual(
      issue.linkedPullRequests,
    );
  });
});

describe("performance", () => {
  it("answers 500 repositories' signals in batches of 20 quickly", async () => {
    const big = await startTestEmulator({ repositories: 500 });
    try {
      const refs = big.world.repositories.map((r) => ({ owner: r.owner, name: r.name }));
      const run = client().defaults({ baseUrl: big.apiUrl });
      const times: number[] = [];
      for (let i = 0; i < refs.length; i += 20) {
        const before = big.stats().graphql.cpuMs;
        await run(repositorySignalsQuery(refs.slice(i, i + 20)), repositorySignalsVariables(FIXED_NOW));
        times.push(big.stats().graphql.cpuMs - before);
      }
      times.sort((a, b) => a - b);
      // Server CPU time per batch (parse, validate, cost, execute): ~15 ms; CPU time rather than
      // wall time so a busy machine does not fail the test. The first batch pays for JIT warm-up,
      // so the median is what is bounded.
      expect(times[Math.floor(times.length / 2)]).toBeLessThan(100);
      expect(big.stats().graphql.requests).toBe(25);
    } finally {
      await big.close();
    }
  });
});
