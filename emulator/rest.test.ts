import { RequestError } from "@octokit/request-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GitHubEmulator } from "./start-emulator";
import { busiestRepository, DAY, FIXED_NOW, octokitFor, startTestEmulator } from "./test-helpers";

let emulator: GitHubEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

describe("REST repositories", () => {
  it("gets a repository with GitHub's shape and rate-limit headers", async () => {
    const octokit = octokitFor(emulator);
    const repo = emulator.world.repositories[3];
    if (!repo) throw new Error("no repository");
    const { data, headers } = await octokit.repos.get({ owner: repo.owner, repo: repo.name });
    expect(data.full_name).toBe(`${repo.owner}/${repo.name}`);
    expect(data.stargazers_count).toBe(repo.stars);
    expect(data.subscribers_count).toBe(repo.watchers);
    expect(data.owner.login).toBe(repo.owner);
    expect(headers["x-ratelimit-limit"]).toBe("5000");
    expect(headers["x-ratelimit-resource"]).toBe("core");
    expect(headers["x-github-request-id"]).toMatch(
      /^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{6}:[0-9A-F]{8}$/,
    );
    expect(headers.etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
  });

  it("answers an unknown repository with GitHub's 404 as a RequestError", async () => {
    const error = await octokitFor(emulator)
      .repos.get({ owner: "nobody-here", repo: "nothing" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(404);
    expect((error as RequestError).response?.data).toEqual({
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest/repos/repos#get-a-repository",
    });
  });

  it("serves the README as base64 JSON and as raw text", async () => {
    const octokit = octokitFor(emulator);
    const repo = emulator.world.repositories.find((r) => r.files.some((f) => f.path === "README.md"));
    if (!repo) throw new Error("no repository with a README");
    const readme = repo.files.find((f) => f.path === "README.md")?.content;
    const { data } = await octokit.repos.getReadme({ owner: repo.owner, repo: repo.name });
    expect(data.encoding).toBe("base64");
    expect(Buffer.from(data.content, "base64").toString("utf8")).toBe(readme);
    const raw = await octokit.request("GET /repos/{owner}/{repo}/readme", {
      owner: repo.owner,
      repo: repo.name,
      headers: { accept: "application/vnd.github.raw" },
    });
    expect(raw.data).toBe(readme);
  });

  it("lists root contents and the recursive tree consistently", async () => {
    const octokit = octokitFor(emulator);
    const repo = emulator.world.repositories.find((r) =>
      r.files.some((f) => f.path.startsWith(".github/workflows/")),
    );
    if (!repo) throw new Error("no repository with workflows");
    const root = await octokit.repos.getContent({ owner: repo.owner, repo: repo.name, path: "" });
    const names = (root.data as { name: string; type: string }[]).map((e) => e.name);
    expect(names).toContain(".github");
    const tree = await octokit.git.getTree({
      owner: repo.owner,
      repo: repo.name,
      tree_sha: repo.defaultBranch,
      recursive: "1",
    });
    const blobs = tree.data.tree.filter((e) => e.type === "blob").map((e) => e.path);
    expect(blobs.sort()).toEqual(repo.files.map((f) => f.path).sort());
    const workflows = await octokit.actions.listRepoWorkflows({ owner: repo.owner, repo: repo.name });
    expect(workflows.data.total_count).toBe(
      repo.files.filter((f) => f.path.startsWith(".github/workflows/")).length,
    );
  });

  it("counts commits since a date the same way the commit log does", async () => {
    const octokit = octokitFor(emulator);
    const repo = emulator.world.repositories.find(
      (r) => r.commits.weekly.slice(0, 13).reduce((a, b) => a + b, 0) > 120,
    );
    if (!repo) throw new Error("no busy repository");
    const since = new Date(FIXED_NOW.getTime() - 90 * DAY).toISOString();
    const commits = await octokit.paginate(octokit.repos.listCommits, {
      owner: repo.owner,
      repo: repo.name,
      since,
      per_page: 100,
    });
    const view = emulator.index.repository(repo.owner, repo.name);
    expect(commits.length).toBe(view?.commits.count(Date.parse(since)));
    expect(commits.length).toBeGreaterThan(100);
    const dates = commits.map((c) => Date.parse(c.commit.committer?.date ?? ""));
    expect(dates.every((d, k) => d >= Date.parse(since) && (k === 0 || d <= (dates[k - 1] ?? 0)))).toBe(true);
    expect(new Set(commits.map((c) => c.sha)).size).toBe(commits.length);
  });

  it("lists releases newest first, contributors, and check runs of the head commit", async () => {
    const octokit = octokitFor(emulator);
    const repo = emulator.world.repositories.find((r) => r.releases.length > 3 && r.checkSuites.length > 0);
    if (!repo) throw new Error("no repository with releases and checks");
    const releases = await octokit.paginate(octokit.repos.listReleases, {
      owner: repo.owner,
      repo: repo.name,
      per_page: 100,
    });
    expect(releases.length).toBe(repo.releases.length);
    expect(Date.parse(releases[0]?.created_at ?? "")).toBeGreaterThanOrEqual(
      Date.parse(releases.at(-1)?.created_at ?? ""),
    );
    const contributors = await octokit.paginate(octokit.repos.listContributors, {
      owner: repo.owner,
      repo: repo.name,
      per_page: 100,
    });
    expect(contributors.map((c) => c.login)).toEqual(repo.contributors.map((c) => c.login));
    const runs = await octokit.checks.listForRef({
      owner: repo.owner,
      repo: repo.name,
      ref: repo.defaultBranch,
    });
    expect(runs.data.total_count).toBe(repo.checkSuites.reduce((sum, s) => sum + s.runs.length, 0));
    expect(runs.data.check_runs[0]?.app?.slug).toBe(repo.checkSuites[0]?.app);
  });
});

describe("REST issues and pagination", () => {
  it("paginates all issues and pull requests with octokit.paginate", async () => {
    const octokit = octokitFor(emulator);
    const repo = busiestRepository(emulator);
    const items = await octokit.paginate(octokit.issues.listForRepo, {
      owner: repo.owner,
      repo: repo.name,
      state: "all",
      per_page: 100,
    });
    expect(items.length).toBe(repo.issues.length + repo.pulls.length);
    expect(items.filter((i) => i.pull_request).length).toBe(repo.pulls.length);
    expect(new Set(items.map((i) => i.number)).size).toBe(items.length);
    const open = await octokit.paginate(octokit.issues.listForRepo, {
      owner: repo.owner,
      repo: repo.name,
      per_page: 50,
    });
    expect(open.length).toBe([...repo.issues, ...repo.pulls].filter((i) => i.state === "open").length);
  });

  it("writes Link headers like GitHub: prev, next, last, first over /repositories/{id}", async () => {
    const octokit = octokitFor(emulator);
    const repo = busiestRepository(emulator);
    const total = repo.issues.length + repo.pulls.length;
    const last = Math.ceil(total / 3);
    const page2 = await octokit.issues.listForRepo({
      owner: repo.owner,
      repo: repo.name,
      state: "all",
      per_page: 3,
      page: 2,
    });
    const base = `${emulator.apiUrl}/repositories/${repo.id}/issues?state=all&per_page=3`;
    expect(page2.headers.link).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=${last}>; rel="last", <${base}&page=1>; rel="first"`,
    );
    const first = await octokit.issues.listForRepo({
      owner: repo.owner,
      repo: repo.name,
      state: "all",
      per_page: 3,
    });
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=${last}>; rel="last"`);
    const followed = await octokit.request(`GET ${base}&page=${last}`);
    expect(followed.headers.link).toBe(
      `<${base}&page=${last - 1}>; rel="prev", <${base}&page=1>; rel="first"`,
    );
  });

  it("filters by since and labels, and pages comments", async () => {
    const octokit = octokitFor(emulator);
    const repo = busiestRepository(emulator);
    const since = new Date(FIXED_NOW.getTime() - 120 * DAY).toISOString();
    const recent = await octokit.paginate(octokit.issues.listForRepo, {
      owner: repo.owner,
      repo: repo.name,
      state: "all",
      since,
      per_page: 100,
    });
    expect(recent.length).toBe(
      [...repo.issues, ...repo.pulls].filter((i) => Date.parse(i.updatedAt) >= Date.parse(since)).length,
    );
    const label = repo.issues.flatMap((i) => i.labels)[0];
    if (label) {
      const labelled = await octokit.paginate(octokit.issues.listForRepo, {
        owner: repo.owner,
        repo: repo.name,
        state: "all",
        labels: label,
        per_page: 100,
      });
      expect(labelled.length).toBe(
        [...repo.issues, ...repo.pulls].filter((i) => i.labels.includes(label)).length,
      );
    }
    const talkative = repo.issues.slice().sort((a, b) => b.comments - a.comments)[0];
    if (talkative) {
      const comments = await octokit.paginate(octokit.issues.listComments, {
        owner: repo.owner,
        repo: repo.name,
        issue_number: talkative.number,
        per_page: 100,
      });
      expect(comments.length).toBe(talkative.comments);
    }
  });

  it("shows linked pull requests on the issue timeline", async () => {
    const octokit = octokitFor(emulator);
    const repo = emulator.world.repositories.find((r) =>
      r.issues.some((i) => i.linkedPullRequests.length > 0),
    );
    const issue = repo?.issues.find((i) => i.linkedPullRequests.length > 0);
    if (!repo || !issue) throw new Error("no linked pull request in the world");
    const events = await octokit.issues.listEventsForTimeline({
      owner: repo.owner,
      repo: repo.name,
      issue_number: issue.number,
    });
    const sources = events.data
      .filter((e) => e.event === "cross-referenced")
      .map((e) => (e as { source?: { issue?: { number: number } } }).source?.issue?.number);
    expect(sources).toEqual(issue.linkedPullRequests);
  });

  it("lists pull requests by state with merged_at", async () => {
    const octokit = octokitFor(emulator);
    const repo = busiestRepository(emulator);
    const closed = await octokit.paginate(octokit.pulls.list, {
      owner: repo.owner,
      repo: repo.name,
      state: "closed",
      per_page: 100,
    });
    expect(closed.length).toBe(repo.pulls.filter((p) => p.state === "closed").length);
    expect(closed.filter((p) => p.merged_at).length).toBe(repo.pulls.filter((p) => p.mergedAt).length);
  });
});

describe("REST users, organizations and the authenticated user", () => {
  it("lists a user's and an organization's repositories", async () => {
    const octokit = octokitFor(emulator);
    const org = emulator.world.accounts.find(
      (a) => a.type === "Organization" && emulator.index.repositoriesOf(a.login).length > 1,
    );
    if (!org) throw new Error("no organization with repositories");
    const repos = await octokit.paginate(octokit.repos.listForOrg, { org: org.login, per_page: 100 });
    expect(repos.map((r) => r.name).sort()).toEqual(
      emulator.index
        .repositoriesOf(org.login)
        .map((v) => v.repo.name)
        .sort(),
    );
    const user = emulator.world.accounts.find(
      (a) => a.type === "User" && emulator.index.repositoriesOf(a.login).length > 1,
    );
    if (!user) throw new Error("no user with repositories");
    const userRepos = await octokit.paginate(octokit.repos.listForUser, {
      username: user.login,
      per_page: 100,
    });
    expect(userRepos.map((r) => r.full_name)).toEqual(
      userRepos.map((r) => r.full_name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const profile = await octokit.users.getByUsername({ username: user.login });
    expect(profile.data.public_repos).toBe(emulator.index.repositoriesOf(user.login).length);
  });

  it("maps a conventional token to the default user and refuses unknown tokens", async () => {
    const me = await octokitFor(emulator, "ghp_anything").users.getAuthenticated();
    expect(me.data.login).toBe(emulator.world.accounts.find((a) => a.type === "User")?.login);
    const bad = (await octokitFor(emulator, "not-a-token")
      .users.getAuthenticated()
      .catch((e: unknown) => e)) as RequestError;
    expect(bad.status).toBe(401);
    expect(bad.response?.data).toMatchObject({ message: "Bad credentials" });
    const anonymous = (await octokitFor(emulator, null)
      .users.getAuthenticated()
      .catch((e: unknown) => e)) as RequestError;
    expect(anonymous.status).toBe(401);
  });
});

describe("conditional requests", () => {
  it("answers a matching If-None-Match with 304 and charges nothing", async () => {
    const octokit = octokitFor(emulator, "ghp_conditional");
    const repo = emulator.world.repositories[0];
    if (!repo) throw new Error("no repository");
    const first = await octokit.repos.get({ owner: repo.owner, repo: repo.name });
    const remaining = Number(first.headers["x-ratelimit-remaining"]);
    const again = await octokit
      .request("GET /repos/{owner}/{repo}", {
        owner: repo.owner,
        repo: repo.name,
        headers: { "if-none-match": first.headers.etag ?? "" },
      })
      .catch((e: RequestError) => e);
    expect((again as RequestError).status).toBe(304);
    expect(Number((again as RequestError).response?.headers["x-ratelimit-remaining"])).toBe(remaining);
    const third = await octokit.repos.get({ owner: repo.owner, repo: repo.name });
    expect(Number(third.headers["x-ratelimit-remaining"])).toBe(remaining - 1);
    expect(third.headers.etag).toBe(first.headers.etag);
  });
});
