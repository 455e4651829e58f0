import type { Random } from "../random";
import type { CheckConclusion, CheckSuite, RepositoryFile } from "../world-schema";
import type { RepositoryIdentity } from "./identity";

export type CiStyle = "github-actions" | "travis" | "circleci" | "none";

export function chooseCiStyle(r: Random, identity: RepositoryIdentity): CiStyle {
  if (identity.kind === "other") return r.chance(0.8) ? "none" : "github-actions";
  if (identity.kind === "awesome-list" || identity.kind === "documentation")
    return r.chance(0.5) ? "github-actions" : "none";
  // Long-dormant projects predate GitHub Actions more often.
  if (identity.quietWeeks > 150)
    return r.weighted([
      ["travis", 40],
      ["circleci", 15],
      ["none", 30],
      ["github-actions", 15],
    ] as const);
  return r.weighted([
    ["github-actions", 68],
    ["travis", 7],
    ["circleci", 7],
    ["none", 18],
  ] as const);
}

interface Workflow {
  file: string;
  name: string;
  jobs: string[];
  onPush: boolean;
}

function workflowsFor(r: Random, identity: RepositoryIdentity): Workflow[] {
  if (identity.kind === "awesome-list" || identity.kind === "documentation") {
    return [
      {
        file: r.pick(["links.yml", "deploy.yml"]),
        name: r.pick(["Check links", "Deploy site"]),
        jobs: ["build"],
        onPush: true,
      },
    ];
  }
  const lang = identity.language.name;
  const workflows: Workflow[] = [
    {
      file: r.pick(["ci.yml", "test.yml", "build.yml", "main.yml"]),
      name: r.pick(["CI", "Tests", "Build"]),
      jobs: [`test (ubuntu-latest, ${lang})`, "test (macos-latest)", "test (windows-latest)"].slice(
        0,
        r.int(1, 3),
      ),
      onPush: true,
    },
  ];
  if (r.chance(0.5)) workflows.push({ file: "lint.yml", name: "Lint", jobs: ["lint"], onPush: true });
  if (r.chance(0.3))
    workflows.push({
      file: "codeql.yml",
      name: "CodeQL",
      jobs: [`Analyze (${lang.toLowerCase()})`],
      onPush: true,
    });
  if (r.chance(0.4))
    workflows.push({ file: "release.yml", name: "Release", jobs: ["publish"], onPush: false });
  return workflows;
}

function workflowYaml(workflow: Workflow): string {
  const trigger = workflow.onPush
    ? "on:\n  push:\n    branches: [main]\n  pull_request:\n"
    : "on:\n  push:\n    tags: ['v*']\n";
  const jobs = workflow.jobs
    .map(
      (job, k) =>
        `  job${k + 1}:\n    name: ${job}\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n`,
    )
    .join("");
  return `name: ${workflow.name}\n${trigger}jobs:\n${jobs}`;
}

/** The CI configuration files and the check suites on the head commit that go with them. */
export function generateCi(
  r: Random,
  style: CiStyle,
  identity: RepositoryIdentity,
  nextId: () => number,
): { files: RepositoryFile[]; checkSuites: CheckSuite[] } {
  const outcome = r.weighted([
    ["green", 78],
    ["red", 15],
    ["running", identity.quietWeeks === 0 ? 7 : 0],
  ] as const);
  const suite = (app: string, runNames: string[], failing: boolean): CheckSuite => {
    const failingRun = failing ? r.int(0, runNames.length - 1) : -1;
    const running = outcome === "running";
    const runs = runNames.map((name, k) => ({
      id: nextId(),
      name,
      status: running ? ("in_progress" as const) : ("completed" as const),
      conclusion: running ? null : ((k === failingRun ? "failure" : "success") as CheckConclusion),
    }));
    return {
      id: nextId(),
      app,
      status: running ? "in_progress" : "completed",
      conclusion: running ? null : failing ? "failure" : "success",
      runs,
    };
  };
  if (style === "github-actions") {
    const workflows = workflowsFor(r, identity);
    const files = workflows.map((w) => ({ path: `.github/workflows/${w.file}`, content: workflowYaml(w) }));
    const onPush = workflows.filter((w) => w.onPush);
    const failingIndex = outcome === "red" ? r.int(0, onPush.length - 1) : -1;
    return { files, checkSuites: onPush.map((w, k) => suite("github-actions", w.jobs, k === failingIndex)) };
  }
  if (style === "travis") {
    const files = [
      { path: ".travis.yml", content: `language: ${identity.language.key}\nscript: make test\n` },
    ];
    return {
      files,
      checkSuites: r.chance(0.5) ? [suite("travis-ci", ["Travis CI - Branch"], outcome === "red")] : [],
    };
  }
  if (style === "circleci") {
    const files = [
      {
        path: ".circleci/config.yml",
        content: "version: 2.1\njobs:\n  test:\n    docker:\n      - image: cimg/base:stable\n",
      },
    ];
    return {
      files,
      checkSuites: r.chance(0.5) ? [suite("circleci-checks", ["test"], outcome === "red")] : [],
    };
  }
  return { files: [], checkSuites: [] };
}
