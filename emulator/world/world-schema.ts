import { z } from "zod";

/**
 * The emulator's whole state: accounts and repositories with everything the REST and GraphQL
 * handlers answer from. It is plain JSON so a world can be saved, edited and loaded with `--seed`.
 * Bulky, regular data is stored compactly and expanded on demand by the index (commits as weekly
 * counts; comment bodies are generated) so a world of thousands of repositories stays small.
 */

// A plain pattern plus Date.parse: zod's full ISO regex is too slow for worlds with a million dates.
const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    "expected an ISO 8601 timestamp such as 2024-01-31T12:00:00Z",
  )
  .refine((text) => !Number.isNaN(Date.parse(text)), "not a real date");
const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "not a valid GitHub login");
const count = z.number().int().nonnegative();

export const accountSchema = z.object({
  login,
  id: z.number().int().positive(),
  type: z.enum(["User", "Organization"]),
  name: z.string().nullable(),
  email: z.string().nullable(),
  bio: z.string().nullable(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  blog: z.string().nullable(),
  createdAt: isoDate,
  /** Members of an organization (logins); empty for users. */
  members: z.array(login).default([]),
});

export const fileSchema = z.object({
  /** Path from the repository root, no leading slash; directories are implied by the paths. */
  path: z
    .string()
    .min(1)
    .refine((p) => !p.startsWith("/") && !p.endsWith("/"), "path must be relative"),
  content: z.string(),
});

export const releaseSchema = z.object({
  id: z.number().int().positive(),
  tagName: z.string().min(1),
  name: z.string().nullable(),
  body: z.string().nullable(),
  author: login,
  createdAt: isoDate,
  publishedAt: isoDate.nullable(),
  prerelease: z.boolean(),
  draft: z.boolean(),
});

export const labelSchema = z.object({
  name: z.string().min(1),
  color: z.string().regex(/^[0-9a-f]{6}$/i),
  description: z.string().nullable(),
});

export const issueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable(),
  state: z.enum(["open", "closed"]),
  stateReason: z.enum(["completed", "not_planned", "reopened"]).nullable(),
  author: login,
  labels: z.array(z.string()),
  assignees: z.array(login),
  /** Number of comments; their bodies are generated on demand. */
  comments: count,
  locked: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
  closedAt: isoDate.nullable(),
  /** Pull requests in the same repository that reference this issue ("Fixes #n"). */
  linkedPullRequests: z.array(z.number().int().positive()),
});

export const pullSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  body: z.string().nullable(),
  state: z.enum(["open", "closed"]),
  draft: z.boolean(),
  author: login,
  labels: z.array(z.string()),
  assignees: z.array(login),
  comments: count,
  createdAt: isoDate,
  updatedAt: isoDate,
  closedAt: isoDate.nullable(),
  mergedAt: isoDate.nullable(),
  headRef: z.string(),
  baseRef: z.string(),
  additions: count,
  deletions: count,
  changedFiles: count,
});

const checkConclusion = z.enum([
  "success",
  "failure",
  "neutral",
  "cancelled",
  "skipped",
  "timed_out",
  "action_required",
]);

export const checkSuiteSchema = z.object({
  id: z.number().int().positive(),
  /** The GitHub App's slug: "github-actions", "travis-ci", "circleci-checks", … */
  app: z.string(),
  status: z.enum(["queued", "in_progress", "completed"]),
  conclusion: checkConclusion.nullable(),
  runs: z.array(
    z.object({
      id: z.number().int().positive(),
      name: z.string(),
      status: z.enum(["queued", "in_progress", "completed"]),
      conclusion: checkConclusion.nullable(),
    }),
  ),
});

export const packageSchema = z.object({
  /** deps.dev system names. */
  system: z.enum(["NPM", "PYPI", "CARGO", "GO", "MAVEN", "RUBYGEMS", "NUGET"]),
  name: z.string().min(1),
  /** Oldest first; the last one is the default (latest) version. */
  versions: z.array(z.object({ version: z.string().min(1), publishedAt: isoDate })).min(1),
  /** Dependents of the default version; null when the ecosystem does not know (never zero). */
  dependents: z.object({ direct: count, indirect: count }).nullable(),
});

export const repositorySchema = z.object({
  id: z.number().int().positive(),
  owner: login,
  name: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "not a valid repository name"),
  description: z.string().nullable(),
  homepage: z.string().nullable(),
  /** GitHub's display name of the primary language ("Python", "C++"), or null. */
  language: z.string().nullable(),
  /** Bytes per language, like `GET /repos/{o}/{r}/languages`. */
  languages: z.record(z.string(), count),
  topics: z.array(z.string()),
  /** SPDX id ("MIT"), "NOASSERTION" for an unrecognised licence, or null for none. */
  license: z.string().nullable(),
  stars: count,
  forks: count,
  /** Subscribers ("watchers" in GraphQL; REST's watchers_count is the star count, as on GitHub). */
  watchers: count,
  archived: z.boolean(),
  fork: z.boolean(),
  /** "owner/name" of the parent when this is a fork. */
  parent: z.string().nullable(),
  mirrorUrl: z.string().nullable(),
  template: z.boolean(),
  hasIssues: z.boolean(),
  createdAt: isoDate,
  updatedAt: isoDate,
  pushedAt: isoDate.nullable(),
  defaultBranch: z.string().min(1),
  /** What the repository is; generators use it, handlers do not (GitHub has no such field). */
  kind: z.enum(["library", "application", "documentation", "awesome-list", "other"]).default("other"),
  domain: z.string().nullable().default(null),
  files: z.array(fileSchema),
  commits: z.object({
    /** Commits per week, newest week first; week 0 ends at the world's `generatedAt`. */
    weekly: z.array(count),
  }),
  /** Users mentionable in the repository, when larger than the contributor list. */
  mentionableUsers: count.nullable().default(null),
  contributors: z.array(z.object({ login, contributions: z.number().int().positive() })),
  releases: z.array(releaseSchema),
  labels: z.array(labelSchema),
  issues: z.array(issueSchema),
  pulls: z.array(pullSchema),
  /** Check suites on the head commit of the default branch. */
  checkSuites: z.array(checkSuiteSchema),
  packages: z.array(packageSchema),
});

export const tokenSchema = z.object({ token: z.string().min(1), login, scopes: z.array(z.string()) });

export const worldSchema = z.object({
  version: z.literal(1),
  /** The world's "now": commit weeks and relative dates are anchored here. */
  generatedAt: isoDate,
  seed: z.number().int().nullable(),
  accounts: z.array(accountSchema),
  repositories: z.array(repositorySchema),
  /** Fixed tokens (besides the ghp_/gho_ conventions and OAuth-issued ones). */
  tokens: z.array(tokenSchema).default([]),
});

export type World = z.infer<typeof worldSchema>;
export type WorldInput = z.input<typeof worldSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Repository = z.infer<typeof repositorySchema>;
export type RepositoryFile = z.infer<typeof fileSchema>;
export type Release = z.infer<typeof releaseSchema>;
export type Label = z.infer<typeof labelSchema>;
export type Issue = z.infer<typeof issueSchema>;
export type Pull = z.infer<typeof pullSchema>;
export type CheckSuite = z.infer<typeof checkSuiteSchema>;
export type CheckConclusion = z.infer<typeof checkConclusion>;
export type Package = z.infer<typeof packageSchema>;
export type PackageSystem = Package["system"];
