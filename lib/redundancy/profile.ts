import { cleanDescription, cleanReadme } from "./clean-text";
import { conceptsOf } from "./concept-vector";
import { type Background, defaultBackground, documentFrequencies, Idf } from "./idf";
import { addScaled, countTerms, normalize, type SparseVector } from "./sparse-vector";
import { normalizeWord, splitIdentifier, tokenize } from "./tokenize";

/** What redundancy needs to know about a project's purpose. */
export interface ProjectText {
  /** OWNER/REPO or a bare name. */
  name: string;
  description?: string | null;
  readme?: string | null;
  topics?: readonly string[] | null;
}

/** A project reduced to the vectors similarity compares. */
export interface Profile {
  /** Unit TF-IDF vector over description, name words, topics and README. */
  text: SparseVector;
  /** Unit vector of the software concepts the text names (concepts.ts). */
  concepts: SparseVector;
  /** The name without owner or language affixes, lower-case letters and digits only. */
  name: string;
  /** Normalised topics; null when the project has none (the signal is then left out). */
  topics: ReadonlySet<string> | null;
  /** Token → a word the project actually used for it, for explanations. */
  surface: ReadonlyMap<string, string>;
}

// A README is read up to this many tokens: the opening says what a project is for; the rest is API.
const README_TOKENS = 3000;
// Once a README is there it carries most of the words, but the one-line description is the
// project's own summary of its purpose, so it keeps a fixed share instead of drowning.
const DESCRIPTION_SHARE = 0.55;

/** Words that say which ecosystem a name belongs to, not what the project does ("py", "-js", "go-"). */
const nameAffixes = new Set([
  "python",
  "javascript",
  "typescript",
  "nodejs",
  "go",
  "rust",
  "rs",
  "java",
  "ruby",
  "php",
  "cpp",
  "net",
  "dotnet",
  "lib",
  "library",
]);

export function nameOf(fullName: string): string {
  const repo = fullName.split("/").pop() ?? fullName;
  const words = splitIdentifier(repo)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !nameAffixes.has(word));
  return words.join("").replace(/^py(?=[a-z]{3})/, "");
}

interface Tokens {
  summary: string[];
  readme: string[];
  topics: string[] | null;
  surface: Map<string, string>;
}

function tokensOf(project: ProjectText): Tokens {
  const surface = new Map<string, string>();
  const topics = (project.topics ?? []).flatMap((topic) => tokenize(topic.replace(/-/g, " "), surface));
  const nameWords = tokenize(splitIdentifier(project.name.split("/").pop() ?? project.name), surface).filter(
    (word) => !nameAffixes.has(word),
  );
  // A README names its own project over and over; that word is rare, so it would weigh most of all,
  // yet it says nothing about purpose and makes a renamed fork look unlike its original. The name
  // still counts once among the summary's words (lists describe projects by the names of the ones
  // they extend: "admin interface for Flask") and in the name signal.
  const self = normalizeWord(nameOf(project.name));
  const notSelf = (token: string) => token !== self;
  return {
    summary: [...tokenize(cleanDescription(project.description ?? ""), surface), ...nameWords, ...topics],
    readme: project.readme
      ? tokenize(cleanReadme(project.readme), surface).filter(notSelf).slice(0, README_TOKENS)
      : [],
    topics: topics.length > 0 ? topics : null,
    surface,
  };
}

/** Sublinear term frequency times IDF: the tenth mention of a word adds far less than the first. */
function weigh(tokens: string[], idf: Idf): SparseVector {
  const vector = countTerms(tokens);
  for (const [term, count] of vector) vector.set(term, (1 + Math.log(count)) * idf.weight(term));
  return vector;
}

/**
 * Builds comparable profiles for a set of projects. Term weights come from the set itself plus the
 * background corpus, so the same pair can score a little differently inside a different set — as
 * with any TF-IDF — but two-project comparisons stay meaningful.
 */
export function buildProfiles(
  projects: readonly ProjectText[],
  background: Background = defaultBackground,
): Profile[] {
  const tokens = projects.map(tokensOf);
  const frequencies = documentFrequencies(
    tokens.map((t) => {
      const words = [...t.summary, ...t.readme];
      return [...words, ...conceptsOf(words).keys()];
    }),
  );
  const idf = new Idf(frequencies, projects.length, background);
  return projects.map((project, index) => {
    const { summary, readme, topics, surface } = tokens[index]!;
    const summaryVector = weigh(summary, idf);
    const readmeVector = weigh(readme, idf);
    const raw =
      summaryVector.size > 0 && readmeVector.size > 0
        ? addScaled(
            normalize(summaryVector),
            DESCRIPTION_SHARE,
            normalize(readmeVector),
            1 - DESCRIPTION_SHARE,
          )
        : summaryVector.size > 0
          ? summaryVector
          : readmeVector;
    const concepts = conceptsOf(raw);
    for (const [concept, weight] of concepts) concepts.set(concept, weight * idf.weight(concept));
    return {
      text: normalize(raw),
      concepts: normalize(concepts),
      name: nameOf(project.name),
      topics: topics ? new Set(topics) : null,
      surface,
    };
  });
}
