import { DAY_MS } from "../dates";
import { type LanguageProfile, languageProfile } from "../languages";
import type { Random } from "../random";
import { adjectives, appWords, type DomainVocabulary, docsWords, nameSuffixes } from "../vocabulary/domains";
import type { Repository } from "../world-schema";

export type RepositoryKind = Repository["kind"];

/** Who a repository is and how popular it is, before files and activity are filled in. */
export interface RepositoryIdentity {
  name: string;
  kind: RepositoryKind;
  domain: DomainVocabulary;
  language: LanguageProfile;
  description: string | null;
  topics: string[];
  homepage: string | null;
  license: string | null;
  stars: number;
  forks: number;
  watchers: number;
  createdAt: number;
  /** 0 = committing this week; larger = weeks since the last commit. */
  quietWeeks: number;
  /** Mean commits per active week. */
  commitRate: number;
}

const licenses: [string | null, number][] = [
  ["MIT", 40],
  ["Apache-2.0", 30],
  ["BSD-3-Clause", 8],
  ["GPL-3.0", 7],
  ["MPL-2.0", 3],
  ["NOASSERTION", 2],
  [null, 10],
];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function baseName(r: Random, kind: RepositoryKind, domain: DomainVocabulary): string {
  const stem = r.pick(domain.stems);
  switch (kind) {
    case "application":
      return `${stem}-${r.pick(appWords)}`;
    case "documentation":
      return r.chance(0.5) ? `${stem}-${r.pick(docsWords)}` : `${r.pick(docsWords)}`;
    case "awesome-list":
      return `awesome-${r.pick(domain.topics)}`;
    case "other":
      return `${stem}-${r.pick(["scripts", "experiments", "playground", "dotfiles", "notes", "demo"])}`;
    default: {
      const style = r.int(0, 3);
      if (style === 0) return `${stem}${r.pick(nameSuffixes)}`;
      if (style === 1) return `${stem}-${r.pick(domain.stems)}`;
      if (style === 2) return `${r.pick(["py", "go", "rs", "js", "fast", "micro", "open", "hyper"])}${stem}`;
      return `${stem}${r.pick(domain.stems)}`;
    }
  }
}

export function uniqueName(taken: Set<string>, base: string): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function describeRepository(
  r: Random,
  kind: RepositoryKind,
  domain: DomainVocabulary,
  name: string,
  language: LanguageProfile,
) {
  if (r.chance(0.04)) return null;
  const noun = r.pick(domain.nouns);
  const purpose = r.pick(domain.purposes);
  switch (kind) {
    case "application":
      return `${capitalize(r.pick(["self-hosted", "open source", "desktop", "web-based"]))} ${r.pick(appWords)} for ${purpose}`;
    case "documentation":
      return `Documentation and guides for ${name.replace(/-(docs|handbook|guide|book|website)$/, "")}: ${purpose}`;
    case "awesome-list":
      return `A curated list of awesome ${domain.topics[0]?.replace(/-/g, " ")} libraries, tools and resources`;
    case "other":
      return `Personal ${r.pick(["experiments", "scripts", "notes"])} about ${purpose}`;
    default:
      return r.chance(0.5)
        ? `${capitalize(r.pick(adjectives))} ${noun} for ${purpose}`
        : `${capitalize(noun)} for ${purpose}, written in ${language.name}`;
  }
}

function topicsFor(
  r: Random,
  kind: RepositoryKind,
  domain: DomainVocabulary,
  language: LanguageProfile,
): string[] {
  if (r.chance(0.15)) return [];
  const topics = r.sample(domain.topics, r.int(1, 5));
  if (r.chance(0.6)) topics.push(language.key === "cplusplus" ? "cpp" : language.key);
  if (kind === "awesome-list") topics.push("awesome", "awesome-list", "lists");
  if (kind === "documentation") topics.push("documentation");
  if (kind === "application") topics.push(r.pick(["self-hosted", "app", "dashboard"]));
  return [...new Set(topics)].slice(0, 20);
}

export function generateIdentity(
  r: Random,
  kind: RepositoryKind,
  domain: DomainVocabulary,
  taken: Set<string>,
  anchor: number,
): RepositoryIdentity {
  const languageKey =
    kind === "awesome-list" || kind === "documentation" ? "javascript" : r.weighted(domain.languages);
  const language = languageProfile(languageKey) ?? (languageProfile("python") as LanguageProfile);
  const name = uniqueName(taken, baseName(r, kind, domain));
  // Heavy tail: median around 70 stars, a few percent above 10k, capped near GitHub's largest.
  const popularity = kind === "library" ? 1 : kind === "awesome-list" ? 1.5 : 0.5;
  const stars = Math.min(230_000, Math.floor(r.pareto(20, 0.55) * popularity));
  const ageDays = Math.floor(120 + r.next() ** 0.8 * 5000);
  const dormant = r.chance(kind === "other" ? 0.5 : 0.2);
  const quietWeeks = dormant
    ? r.int(30, Math.max(31, Math.floor(ageDays / 7) - 4))
    : r.chance(0.7)
      ? 0
      : r.int(1, 12);
  return {
    name,
    kind,
    domain,
    language,
    description: describeRepository(r, kind, domain, name, language),
    topics: topicsFor(r, kind, domain, language),
    homepage:
      kind === "library" && r.chance(0.35)
        ? r.pick([`https://${name}.readthedocs.io`, `https://${name}.dev`, `https://docs.${name}.org`])
        : null,
    license:
      kind === "awesome-list" ? "CC0-1.0" : kind === "documentation" ? "CC-BY-4.0" : r.weighted(licenses),
    stars,
    forks: Math.floor(stars * (0.04 + r.next() * 0.25)),
    watchers: Math.max(1, Math.floor(stars * (0.01 + r.next() * 0.04))),
    createdAt: anchor - ageDays * DAY_MS - r.int(0, DAY_MS - 1),
    quietWeeks,
    commitRate: Math.min(40, (0.3 + Math.log10(stars + 1) * 1.6) * (0.3 + r.next() * 1.4)),
  };
}
