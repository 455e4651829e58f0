/** Files and folders at a repository's root that mean "this CI runs here". */
const ciFiles: Record<string, string> = {
  ".travis.yml": "travis",
  ".circleci": "circleci",
  ".gitlab-ci.yml": "gitlab",
  "azure-pipelines.yml": "azure-pipelines",
  Jenkinsfile: "jenkins",
  "appveyor.yml": "appveyor",
  ".appveyor.yml": "appveyor",
  ".buildkite": "buildkite",
  ".drone.yml": "drone",
  ".cirrus.yml": "cirrus",
  "bitbucket-pipelines.yml": "bitbucket",
  ".woodpecker.yml": "woodpecker",
  ".woodpecker": "woodpecker",
};

/** Check-suite apps (GitHub's app slugs) that are CI systems. */
const ciApps: Record<string, string> = {
  "github-actions": "github-actions",
  "travis-ci": "travis",
  circleci: "circleci",
  "circleci-checks": "circleci",
  "azure-pipelines": "azure-pipelines",
  buildkite: "buildkite",
  "cirrus-ci": "cirrus",
  appveyor: "appveyor",
  "google-cloud-build": "cloud-build",
};

export interface CiEvidence {
  rootEntries: string[] | null;
  workflowFiles: string[] | null;
  checkSuites: { app: string | null; conclusion: string | null; status: string }[] | null;
  /** Combined status of the default branch's head (SUCCESS, FAILURE, ERROR, PENDING, EXPECTED). */
  rollupState: string | null;
}

export function detectCi(evidence: CiEvidence): {
  present: boolean | null;
  providers: string[];
  passing: boolean | null;
} {
  const providers = new Set<string>();
  if (evidence.workflowFiles?.some((name) => /\.ya?ml$/i.test(name))) providers.add("github-actions");
  for (const entry of evidence.rootEntries ?? []) {
    const provider = ciFiles[entry];
    if (provider) providers.add(provider);
  }
  for (const suite of evidence.checkSuites ?? []) {
    const provider = suite.app ? ciApps[suite.app] : undefined;
    if (provider) providers.add(provider);
  }
  const known = evidence.rootEntries !== null || evidence.checkSuites !== null;
  const present = providers.size > 0 ? true : known ? false : null;
  return { present, providers: [...providers].sort(), passing: passingOf(evidence) };
}

function passingOf(evidence: CiEvidence): boolean | null {
  switch (evidence.rollupState) {
    case "SUCCESS":
      return true;
    case "FAILURE":
    case "ERROR":
      return false;
    default: {
      // No combined state: judge by finished check suites (skipped and neutral ones do not count).
      const finished = (evidence.checkSuites ?? []).filter(
        (suite) =>
          suite.status === "COMPLETED" &&
          suite.conclusion &&
          !["SKIPPED", "NEUTRAL", "STALE"].includes(suite.conclusion),
      );
      if (finished.length === 0) return null;
      return finished.every((suite) => suite.conclusion === "SUCCESS");
    }
  }
}
