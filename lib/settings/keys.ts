import { z } from "zod";
import { defineSetting, type SettingDefinition, schemas } from "./define";

export const budgetScopes = ["overall", "weekly", "per_repo", "per_language", "per_issue"] as const;
export const budgetMeasures = {
  cost_usd: "cost in USD",
  tokens: "tokens",
  minutes: "agent minutes",
} as const;

const machine: SettingDefinition[] = [
  defineSetting({
    key: "database.url",
    scope: "machine",
    kind: "string",
    schema: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgresql://")
      .nullable(),
    default: null,
    secret: true,
    envAliases: ["DATABASE_URL"],
    description: "PostgreSQL connection URL; without one GlobaLLM runs its own embedded PostgreSQL.",
  }),
  defineSetting({
    key: "github.token",
    scope: "machine",
    kind: "string",
    schema: z.string().min(1).nullable(),
    default: null,
    secret: true,
    envAliases: ["GITHUB_TOKEN"],
    description: "GitHub token; without one GitHub's anonymous rate limits apply.",
  }),
  defineSetting({
    key: "github.api_url",
    scope: "machine",
    kind: "url",
    schema: schemas.url,
    default: "https://api.github.com",
    envAliases: ["GITHUB_API_URL"],
    description: "GitHub REST API base URL (GitHub Enterprise or the local emulator).",
  }),
  defineSetting({
    key: "github.graphql_url",
    scope: "machine",
    kind: "url",
    schema: schemas.url,
    default: "https://api.github.com/graphql",
    envAliases: ["GITHUB_GRAPHQL_URL"],
    description: "GitHub GraphQL endpoint.",
  }),
  defineSetting({
    key: "github.server_url",
    scope: "machine",
    kind: "url",
    schema: schemas.url,
    default: "https://github.com",
    envAliases: ["GITHUB_SERVER_URL"],
    description: "GitHub web URL, used for sign-in and git.",
  }),
  defineSetting({
    key: "depsdev.api_url",
    scope: "machine",
    kind: "url",
    schema: schemas.url,
    default: "https://api.deps.dev",
    envAliases: ["DEPS_DEV_URL"],
    description: "deps.dev API base URL, where dependents counts of packages come from.",
  }),
  defineSetting({
    key: "github.cache_minutes",
    scope: "machine",
    kind: "number",
    schema: z.number().min(0),
    default: 60,
    description:
      "How long GitHub GraphQL results are reused without asking again (REST is revalidated with ETags).",
  }),
  defineSetting({
    key: "github.max_wait_seconds",
    scope: "machine",
    kind: "number",
    schema: z.number().min(0),
    default: 120,
    description: "Longest wait for a GitHub rate limit to reset before giving up with an error.",
  }),
  defineSetting({
    key: "github.retry_base_ms",
    scope: "machine",
    kind: "integer",
    schema: z.number().int().min(1).max(60_000),
    default: 1000,
    description: "Base delay before retrying a failed GitHub request (doubles with each retry).",
  }),
  defineSetting({
    key: "llm.provider",
    scope: "machine",
    kind: "string",
    schema: z.enum(["openai", "anthropic", "openai-compatible"]),
    default: "openai",
    description: "Which model provider the agents call: openai, anthropic or openai-compatible.",
  }),
  defineSetting({
    key: "llm.base_url",
    scope: "machine",
    kind: "url",
    schema: schemas.url.nullable(),
    default: null,
    envAliases: ["OPENAI_BASE_URL"],
    description: "Base URL of the model provider's API (required for openai-compatible).",
  }),
  defineSetting({
    key: "llm.api_key",
    scope: "machine",
    kind: "string",
    schema: z.string().min(1).nullable(),
    default: null,
    secret: true,
    envAliases: ["OPENAI_API_KEY", "ANTHROPIC_API_KEY"],
    description: "API key of the model provider.",
  }),
  defineSetting({
    key: "log.level",
    scope: "machine",
    kind: "string",
    schema: z.enum(["debug", "info", "warn", "error"]),
    default: "info",
    description: "How much the CLI, worker and web app log: debug, info, warn or error.",
  }),
];

const team: SettingDefinition[] = [
  defineSetting({
    key: "languages",
    scope: "team",
    kind: "list",
    group: "Focus",
    schema: z
      .array(
        z
          .string()
          .min(1)
          .transform((language) => language.toLowerCase()),
      )
      .min(1),
    default: ["python", "javascript", "typescript", "rust", "go", "java"],
    description: "Languages GlobaLLM focuses on; discovery and prioritization skip the others.",
  }),
  defineSetting({
    key: "filters.min_stars",
    scope: "team",
    kind: "integer",
    group: "Filters",
    schema: schemas.count,
    default: 1000,
    description: "Repositories with fewer stars are not discovered.",
  }),
  defineSetting({
    key: "filters.min_forks",
    scope: "team",
    kind: "integer",
    group: "Filters",
    schema: schemas.count,
    default: 0,
    description: "Repositories with fewer forks are not discovered.",
  }),
  defineSetting({
    key: "filters.min_dependents",
    scope: "team",
    kind: "integer",
    group: "Filters",
    schema: schemas.count,
    default: 0,
    description: "Repositories with fewer known dependents are not discovered.",
  }),
  defineSetting({
    key: "thresholds.health",
    scope: "team",
    kind: "fraction",
    group: "Thresholds",
    schema: schemas.fraction,
    default: 0.5,
    description: "A repository is worth working on only if its health is above this (0..1).",
  }),
  defineSetting({
    key: "thresholds.impact",
    scope: "team",
    kind: "fraction",
    group: "Thresholds",
    schema: schemas.fraction,
    default: 0.5,
    description: "A repository is worth working on only if its impact is above this (0..1).",
  }),
  defineSetting({
    key: "redundancy.threshold",
    scope: "team",
    kind: "fraction",
    group: "Thresholds",
    schema: schemas.fraction,
    default: 0.7,
    description: "Similarity at or above which two projects count as redundant (0..1).",
  }),
  defineSetting({
    key: "priority.demote_style_issues",
    scope: "team",
    kind: "boolean",
    group: "Thresholds",
    schema: z.boolean(),
    default: true,
    description: "Rank lint, formatting, typo and style-only issues low.",
  }),
  ...weights("health", "Health weights", {
    commit_activity: 0.25,
    issue_resolution: 0.2,
    pr_merge: 0.15,
    ci: 0.15,
    releases: 0.1,
    documentation: 0.15,
  }),
  ...weights("impact", "Impact weights", {
    dependents: 0.3,
    pagerank: 0.2,
    criticality: 0.2,
    stars: 0.2,
    forks: 0.1,
  }),
  ...weights("priority", "Priority weights", {
    health: 0.15,
    impact: 0.3,
    solvability: 0.2,
    urgency: 0.25,
    uniqueness: 0.1,
  }),
  ...budgetLimits(),
  defineSetting({
    key: "model.name",
    scope: "team",
    kind: "string",
    group: "Model",
    schema: z.string().min(1),
    default: "gpt-4.1-mini",
    description: "The model agents use.",
  }),
  defineSetting({
    key: "model.max_output_tokens",
    scope: "team",
    kind: "integer",
    group: "Model",
    schema: schemas.positiveInteger,
    default: 8192,
    description: "Most output tokens one model call may produce (reserved in full before each call).",
  }),
  defineSetting({
    key: "model.prices",
    scope: "team",
    kind: "json",
    group: "Model",
    schema: z.record(
      z.string(),
      z.object({ input_per_mtok: z.number().min(0), output_per_mtok: z.number().min(0) }),
    ),
    // USD per million tokens, from the providers' public price lists; override for your contract.
    default: {
      "gpt-4.1": { input_per_mtok: 2, output_per_mtok: 8 },
      "gpt-4.1-mini": { input_per_mtok: 0.4, output_per_mtok: 1.6 },
      "gpt-4o": { input_per_mtok: 2.5, output_per_mtok: 10 },
      "gpt-4o-mini": { input_per_mtok: 0.15, output_per_mtok: 0.6 },
      "claude-sonnet-4-5": { input_per_mtok: 3, output_per_mtok: 15 },
      "claude-haiku-4-5": { input_per_mtok: 1, output_per_mtok: 5 },
    },
    description:
      'Price table in USD per million tokens, as JSON: {"model": {"input_per_mtok": 2, "output_per_mtok": 8}}.',
  }),
  defineSetting({
    key: "classify.use_model",
    scope: "team",
    kind: "boolean",
    group: "Model",
    schema: z.boolean(),
    // Off by default: every answer is a paid model call (cached per issue version, charged to the budget).
    default: false,
    description:
      "Ask the model (model.name) to categorize issues that have no category label and that the offline classifier is unsure of.",
  }),
  defineSetting({
    key: "classify.model_below_confidence",
    scope: "team",
    kind: "fraction",
    group: "Model",
    schema: schemas.fraction,
    default: 0.6,
    description: "With classify.use_model on, offline verdicts below this confidence (0..1) go to the model.",
  }),
  defineSetting({
    key: "agent.heartbeat_timeout_minutes",
    scope: "team",
    kind: "number",
    group: "Agents",
    schema: z.number().positive(),
    default: 30,
    envAliases: ["GLOBALLM_HEARTBEAT_TIMEOUT"],
    description: "An assignment without a heartbeat for this long is released back to the pool.",
  }),
  defineSetting({
    key: "agent.heartbeat_interval_seconds",
    scope: "team",
    kind: "number",
    group: "Agents",
    schema: z.number().positive(),
    default: 60,
    envAliases: ["GLOBALLM_HEARTBEAT_INTERVAL"],
    description: "How often a working agent renews its lease.",
  }),
  defineSetting({
    key: "agent.max_attempts",
    scope: "team",
    kind: "integer",
    group: "Agents",
    schema: schemas.positiveInteger,
    default: 3,
    description: "A failed issue returns to the pool until it has failed this many times.",
  }),
  defineSetting({
    key: "fix.auto_merge_repositories",
    scope: "team",
    kind: "list",
    group: "Fixes",
    schema: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must be OWNER/REPO")),
    default: [],
    description: "Repositories whose low-risk, green fixes may merge without human review.",
  }),
  defineSetting({
    key: "fix.allow_workflow_changes",
    scope: "team",
    kind: "boolean",
    group: "Fixes",
    schema: z.boolean(),
    default: false,
    description: "Let agents change CI workflow files (.github/workflows).",
  }),
];

function weights(name: string, group: string, defaults: Record<string, number>): SettingDefinition[] {
  return Object.entries(defaults).map(([factor, value]) =>
    defineSetting({
      key: `weights.${name}.${factor}`,
      scope: "team",
      kind: "number",
      group,
      schema: schemas.weight,
      default: value,
      description: `Weight of ${factor.replaceAll("_", " ")} in the ${name} score (relative to the others).`,
    }),
  );
}

function budgetLimits(): SettingDefinition[] {
  return budgetScopes.flatMap((scope) =>
    Object.entries(budgetMeasures).map(([measure, label]) =>
      defineSetting({
        key: `budget.${scope}.${measure}`,
        scope: "team",
        kind: measure === "cost_usd" ? "number" : "integer",
        group: "Budgets",
        schema:
          measure === "cost_usd"
            ? schemas.optionalLimit
            : schemas.optionalLimit.refine(
                (value) => value === null || Number.isInteger(value),
                "must be a whole number",
              ),
        default: null,
        description: `Hard limit on ${label} ${scope === "overall" ? "in total" : scope.replace("_", " ")} (none = unlimited).`,
      }),
    ),
  );
}

export const settingDefinitions: readonly SettingDefinition[] = [...machine, ...team];

const byKey = new Map(settingDefinitions.map((definition) => [definition.key, definition]));

export function findSetting(key: string): SettingDefinition | undefined {
  return byKey.get(key);
}
