import type { GitHubClient } from "../github/client";
import type { RepositoryRef, RepositorySignalsNode } from "../github/queries/repository-signals";

const DAY = 86_400_000;

interface RestRepo {
  full_name: string;
  description: string | null;
  homepage: string | null;
  stargazers_count: number;
  forks_count: number;
  subscribers_count?: number;
  watchers_count?: number;
  archived: boolean;
  fork: boolean;
  mirror_url?: string | null;
  is_template?: boolean;
  created_at: string;
  pushed_at: string | null;
  language: string | null;
  license: { spdx_id?: string | null } | null;
  topics?: string[];
  default_branch: string;
  open_issues_count: number;
}

/** The page number of rel="last" in a Link header: with per_page=1 that is the item count. */
function lastPage(link: string | undefined): number | undefined {
  const match = link
    ?.split(",")
    .find((part) => /rel="last"/.test(part))
    ?.match(/[?&]page=(\d+)/);
  return match ? Number(match[1]) : undefined;
}

/**
 * GitHub's GraphQL API needs a token, so without one the same signals are gathered over REST,
 * about a dozen requests per repository instead of a twentieth of one. Counts come from the
 * pagination of one-item pages (the `last` page number), never from fetching every item.
 */
export async function restSignalsNode(
  github: GitHubClient,
  ref: RepositoryRef,
  now: Date,
): Promise<RepositorySignalsNode | null> {
  const { rest } = github;
  const base = { owner: ref.owner, repo: ref.name };
  let repo: RestRepo;
  try {
    repo = (await rest.request("GET /repos/{owner}/{repo}", base)).data as unknown as RestRepo;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  const since = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const count = async (route: string, params: Record<string, unknown>) => {
    const response = await rest.request(route, { ...base, ...params, per_page: 1 });
    return {
      total: lastPage(response.headers.link) ?? (response.data as unknown[]).length,
      first: (response.data as unknown[])[0],
    };
  };
  const optional = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if ((error as { status?: number }).status === 404) return fallback;
      throw error;
    }
  };
  const branch = repo.default_branch;
  const commits = (days: number) =>
    count("GET /repos/{owner}/{repo}/commits", { sha: branch, since: since(days) });
  const [c30, c90, c365] = [await commits(30), await commits(90), await commits(365)];
  const latest = c365.first as { commit?: { committer?: { date?: string } } } | undefined;
  const updated90 = await count("GET /repos/{owner}/{repo}/issues", { state: "all", since: since(90) });
  const closed90 = await count("GET /repos/{owner}/{repo}/issues", { state: "closed", since: since(90) });
  const openPulls = await count("GET /repos/{owner}/{repo}/pulls", { state: "open" });
  const contributors = await optional(() => count("GET /repos/{owner}/{repo}/contributors", {}), {
    total: 0,
    first: undefined,
  });
  const closedPulls = await rest.request("GET /repos/{owner}/{repo}/pulls", {
    ...base,
    state: "closed",
    sort: "updated",
    direction: "desc",
    per_page: 30,
  });
  const merged = (closedPulls.data as { merged_at: string | null }[]).filter((pr) => pr.merged_at);
  const releases = await rest.request("GET /repos/{owner}/{repo}/releases", { ...base, per_page: 20 });
  const releaseList = releases.data as { created_at: string }[];
  const root = await optional(
    async () =>
      (await rest.request("GET /repos/{owner}/{repo}/contents/{path}", { ...base, path: "" })).data as {
        name: string;
        type: string;
      }[],
    [],
  );
  const workflows = await optional(
    async () =>
      (
        await rest.request("GET /repos/{owner}/{repo}/contents/{path}", {
          ...base,
          path: ".github/workflows",
        })
      ).data as { name: string }[],
    [],
  );
  const runs = await optional(
    async () =>
      (
        await rest.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
          ...base,
          ref: branch,
          per_page: 20,
        })
      ).data.check_runs,
    [],
  );
  const hasMorePulls = lastPage(closedPulls.headers.link) !== undefined;
  const hasMoreReleases = lastPage(releases.headers.link) !== undefined;
  return {
    nameWithOwner: repo.full_name,
    description: repo.description,
    homepageUrl: repo.homepage,
    stargazerCount: repo.stargazers_count,
    forkCount: repo.forks_count,
    isArchived: repo.archived,
    isFork: repo.fork,
    isMirror: Boolean(repo.mirror_url),
    isTemplate: Boolean(repo.is_template),
    createdAt: repo.created_at,
    pushedAt: repo.pushed_at,
    primaryLanguage: repo.language ? { name: repo.language } : null,
    licenseInfo: repo.license ? { spdxId: repo.license.spdx_id ?? null } : null,
    repositoryTopics: { nodes: (repo.topics ?? []).map((name) => ({ topic: { name } })) },
    watchers: { totalCount: repo.subscribers_count ?? repo.watchers_count ?? 0 },
    mentionableUsers: { totalCount: contributors.total },
    // REST counts pull requests among open issues; take the open pulls out.
    openIssues: { totalCount: Math.max(0, repo.open_issues_count - openPulls.total) },
    closedIssues90: { totalCount: closed90.total },
    updatedIssues90: { totalCount: updated90.total },
    openPullRequests: { totalCount: openPulls.total },
    // Beyond one page the total is unknown: a larger count keeps normalisation from treating the page as complete.
    mergedPullRequests: {
      totalCount: hasMorePulls ? merged.length + 1 : merged.length,
      nodes: merged.map((pr) => ({ mergedAt: pr.merged_at })),
    },
    releases: {
      totalCount: hasMoreReleases ? releaseList.length + 1 : releaseList.length,
      nodes: releaseList.map((release) => ({ createdAt: release.created_at })),
    },
    rootTree: {
      entries: root.map((entry) => ({ name: entry.name, type: entry.type === "dir" ? "tree" : "blob" })),
    },
    workflows: { entries: workflows.map((entry) => ({ name: entry.name })) },
    defaultBranchRef: {
      name: branch,
      target: {
        history30: { totalCount: c30.total },
        history90: { totalCount: c90.total },
        history365: { totalCount: c365.total },
        lastCommit: {
          nodes: latest?.commit?.committer?.date ? [{ committedDate: latest.commit.committer.date }] : [],
        },
        statusCheckRollup: null,
        checkSuites: {
          nodes: runs.map((run) => ({
            conclusion: run.conclusion ? run.conclusion.toUpperCase() : null,
            status: run.status.toUpperCase(),
            app: run.app?.slug ? { slug: run.app.slug } : null,
          })),
        },
      },
    },
  };
}
