import { AppError } from "../errors";

/**
 * Curated search terms per domain. Each entry becomes one GitHub search (terms are ORed by running
 * separate searches, since GitHub search has no OR across topics); results are merged by stars.
 */
export const domains = {
  ai_ml: [
    "topic:machine-learning",
    "topic:deep-learning",
    "topic:llm",
    "topic:nlp",
    "topic:neural-network",
    "topic:computer-vision",
  ],
  web_dev: ["topic:web-framework", "topic:http", "topic:frontend", "topic:web", "topic:api", "topic:react"],
  data_science: [
    "topic:data-science",
    "topic:dataframe",
    "topic:data-analysis",
    "topic:visualization",
    "topic:statistics",
    "topic:jupyter",
  ],
  cloud_devops: [
    "topic:kubernetes",
    "topic:devops",
    "topic:cloud",
    "topic:docker",
    "topic:infrastructure-as-code",
    "topic:monitoring",
  ],
  mobile: ["topic:android", "topic:ios", "topic:mobile", "topic:react-native", "topic:flutter"],
  security: [
    "topic:security",
    "topic:cryptography",
    "topic:authentication",
    "topic:vulnerability",
    "topic:tls",
  ],
  games: ["topic:game-engine", "topic:gamedev", "topic:game", "topic:graphics", "topic:physics-engine"],
  overall: [""],
} as const satisfies Record<string, readonly string[]>;

export type Domain = keyof typeof domains;

export function resolveDomain(input: string): Domain {
  const key = input.trim().toLowerCase().replace(/-/g, "_");
  if (key in domains) return key as Domain;
  throw new AppError("bad_request:cli", `Unknown domain "${input}".`, {
    hint: `Known domains: ${Object.keys(domains).join(", ")}.`,
  });
}

/** Which curated domain a repository's topics point to, for repositories found another way. */
export function domainOfTopics(topics: string[]): Domain | null {
  for (const [domain, terms] of Object.entries(domains) as [Domain, readonly string[]][]) {
    if (domain === "overall") continue;
    if (terms.some((term) => topics.includes(term.replace("topic:", "")))) return domain;
  }
  return null;
}
