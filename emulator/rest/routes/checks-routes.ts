import type { EmulatorContext } from "../../server/context";
import type { Router } from "../../server/router";
import { isoSeconds } from "../../world/dates";
import { hashString } from "../../world/random";
import type { RepositoryView } from "../../world/repository-view";
import type { CheckSuite } from "../../world/world-schema";
import { paginated } from "../paginate";
import { nodeId } from "../shapes/accounts";
import { namesHead } from "./repository-routes";
import { withRepository } from "./with-repository";

const APPS: Record<string, { id: number; name: string; owner: string }> = {
  "github-actions": { id: 15368, name: "GitHub Actions", owner: "github" },
  "travis-ci": { id: 67, name: "Travis CI", owner: "travis-ci" },
  "circleci-checks": { id: 18001, name: "CircleCI Checks", owner: "circleci" },
};

export function appShape(ctx: EmulatorContext, slug: string) {
  const app = APPS[slug] ?? { id: hashString(slug) % 100_000, name: slug, owner: slug };
  return {
    id: app.id,
    slug,
    node_id: nodeId("App", app.id),
    owner: { login: app.owner, id: hashString(app.owner) % 1_000_000, type: "Organization" },
    name: app.name,
    description: "",
    external_url: `${ctx.urls.server}/apps/${slug}`,
    html_url: `${ctx.urls.server}/apps/${slug}`,
    created_at: "2018-07-30T09:30:17Z",
    updated_at: "2019-12-10T19:04:12Z",
    permissions: { checks: "write", metadata: "read" },
    events: ["check_run", "check_suite"],
  };
}

/** Check runs finished around the head commit's time; running ones have no completion time. */
function suiteTimes(view: RepositoryView, suite: CheckSuite) {
  const head = view.commits.total > 0 ? view.commit(0).time : Date.parse(view.repo.createdAt);
  const started = head + 30_000 + (suite.id % 60) * 1000;
  return { started: isoSeconds(started), completed: isoSeconds(started + 60_000 + (suite.id % 600) * 1000) };
}

export function registerChecksRoutes(router: Router, ctx: EmulatorContext): void {
  const { urls } = ctx;

  router.add(
    "GET",
    "/repos/:owner/:repo/commits/:ref/check-runs",
    withRepository(ctx, (request, view) => {
      const suites = namesHead(view, request.params.ref) ? view.repo.checkSuites : [];
      const runs = suites.flatMap((suite) => suite.runs.map((run) => ({ suite, run })));
      const headSha = view.headSha ?? "";
      const page = paginated(
        urls,
        request,
        runs,
        ({ suite, run }) => {
          const times = suiteTimes(view, suite);
          return {
            id: run.id,
            head_sha: headSha,
            node_id: nodeId("CheckRun", run.id),
            external_id: String(run.id),
            url: `${urls.api}/repos/${view.fullName}/check-runs/${run.id}`,
            html_url: `${urls.server}/${view.fullName}/runs/${run.id}`,
            details_url: `${urls.server}/${view.fullName}/runs/${run.id}`,
            status: run.status,
            conclusion: run.conclusion,
            started_at: times.started,
            completed_at: run.status === "completed" ? times.completed : null,
            output: {
              title: null,
              summary: null,
              text: null,
              annotations_count: 0,
              annotations_url: `${urls.api}/repos/${view.fullName}/check-runs/${run.id}/annotations`,
            },
            name: run.name,
            check_suite: { id: suite.id },
            app: appShape(ctx, suite.app),
            pull_requests: [],
          };
        },
        { repositoryId: view.repo.id },
      );
      return { ...page, body: { total_count: runs.length, check_runs: page.body } };
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/commits/:ref/check-suites",
    withRepository(ctx, (request, view) => {
      const suites = namesHead(view, request.params.ref) ? view.repo.checkSuites : [];
      const page = paginated(
        urls,
        request,
        suites,
        (suite) => ({
          id: suite.id,
          node_id: nodeId("CheckSuite", suite.id),
          head_branch: view.repo.defaultBranch,
          head_sha: view.headSha,
          status: suite.status,
          conclusion: suite.conclusion,
          url: `${urls.api}/repos/${view.fullName}/check-suites/${suite.id}`,
          before: null,
          after: view.headSha,
          pull_requests: [],
          app: appShape(ctx, suite.app),
          created_at: suiteTimes(view, suite).started,
          updated_at: suiteTimes(view, suite).completed,
          latest_check_runs_count: suite.runs.length,
          check_runs_url: `${urls.api}/repos/${view.fullName}/check-suites/${suite.id}/check-runs`,
        }),
        { repositoryId: view.repo.id },
      );
      return { ...page, body: { total_count: suites.length, check_suites: page.body } };
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/commits/:ref/status",
    withRepository(ctx, (_request, view) => ({
      // The world has no legacy commit statuses; GitHub reports "pending" with none.
      status: 200,
      body: {
        state: "pending",
        statuses: [],
        sha: view.headSha,
        total_count: 0,
        repository: { id: view.repo.id, full_name: view.fullName },
        commit_url: `${urls.api}/repos/${view.fullName}/commits/${view.headSha}`,
        url: `${urls.api}/repos/${view.fullName}/commits/${view.headSha}/status`,
      },
    })),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/actions/workflows",
    withRepository(ctx, (request, view) => {
      const files = (view.directory(".github/workflows") ?? []).filter(
        (n) => n.type === "blob" && /\.ya?ml$/.test(n.name),
      );
      const page = paginated(
        urls,
        request,
        files,
        (node) => {
          const id = hashString(`${view.repo.id}:${node.path}`);
          const name = /^name:\s*(.+)$/m.exec(node.content ?? "")?.[1]?.trim() ?? node.path;
          return {
            id,
            node_id: nodeId("Workflow", id),
            name,
            path: node.path,
            state: "active",
            created_at: view.repo.createdAt,
            updated_at: view.repo.pushedAt ?? view.repo.createdAt,
            url: `${urls.api}/repos/${view.fullName}/actions/workflows/${id}`,
            html_url: `${urls.server}/${view.fullName}/blob/${view.repo.defaultBranch}/${node.path}`,
            badge_url: `${urls.server}/${view.fullName}/workflows/${encodeURIComponent(name)}/badge.svg`,
          };
        },
        { repositoryId: view.repo.id },
      );
      return { ...page, body: { total_count: files.length, workflows: page.body } };
    }),
  );
}
