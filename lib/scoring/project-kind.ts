import type { RepositorySignals } from "./signals";

export type ProjectKind = "library" | "application" | "documentation" | "awesome-list" | "other";

export interface ProjectKindInput {
  /** "owner/name" or just the name. */
  fullName: string;
  description: string | null;
  topics: readonly string[];
  language: string | null;
  /** Root file and directory names; null when the tree was not read. */
  rootEntries: readonly string[] | null;
  /** Packages published from this repository ("npm/react"), e.g. from the dependents lookup. */
  packages?: readonly string[];
  isTemplate?: boolean;
  /** Share (0..1) of the README's non-empty lines that are list items with a link, when it was read. */
  readmeLinkRatio?: number | null;
  /** What the package manifest says, when it was read. */
  manifest?: {
    /** package.json main/exports, Cargo.toml [lib], a pyproject/setup package…; false when read and absent. */
    library?: boolean;
    /** package.json bin, Cargo.toml [[bin]] or src/main.rs, a console script… */
    binary?: boolean;
    /** package.json "private": true — never meant to be published. */
    private?: boolean;
  } | null;
}

export interface ProjectKindResult {
  kind: ProjectKind;
  reason: string;
}

/*
 * Evidence is scored per kind and the strongest wins. Strong evidence (a topic or description that
 * names the kind, a published package) scores 3; a telling name or file 2; a hint 1. The lists are
 * generic GitHub conventions, not any one catalogue's.
 */

const AWESOME_TOPICS = new Set(["awesome", "awesome-list", "awesome-lists", "curated-list"]);
const DOC_TOPICS = new Set([
  "documentation",
  "docs",
  "tutorial",
  "tutorials",
  "book",
  "guide",
  "handbook",
  "cheatsheet",
  "course",
]);
const DOC_NAME =
  /(^|[-_.])(docs?|documentation|handbook|guide|book|cookbook|tutorials?|wiki|manual|cheat-?sheets?)$|\.github\.io$|^docs?[-_.]/;
const DOC_TOOLS = new Set([
  "mkdocs.yml",
  "book.toml",
  "_config.yml",
  "docusaurus.config.js",
  "docusaurus.config.ts",
  "antora.yml",
  "summary.md",
  ".vitepress",
  "hugo.toml",
  "conf.py",
  "_quarto.yml",
]);

/** Files that exist (almost) only to publish a library. */
const LIBRARY_MANIFESTS = [
  /^setup\.py$/,
  /^setup\.cfg$/,
  /\.gemspec$/,
  /\.nuspec$/,
  /\.podspec$/,
  /^description$/,
  /\.cabal$/,
  /^library\.properties$/,
  /^library\.json$/,
];
/** Manifests both libraries and applications have. */
const MANIFESTS = [
  /^package\.json$/,
  /^pyproject\.toml$/,
  /^cargo\.toml$/,
  /^go\.mod$/,
  /^pom\.xml$/,
  /^build\.gradle(\.kts)?$/,
  /^composer\.json$/,
  /\.csproj$/,
  /^deno\.jsonc?$/,
  /^pubspec\.yaml$/,
  /^build\.sbt$/,
  /^mix\.exs$/,
  /^package\.swift$/,
  /^project\.clj$/,
  /^deps\.edn$/,
  /^rebar\.config$/,
  /^cmakelists\.txt$/,
  /^meson\.build$/,
];
/** Files that exist to deploy or ship something runnable. */
const DEPLOY_FILES = [
  /^dockerfile$/,
  /^(docker-)?compose\.ya?ml$/,
  /^docker-compose\..*ya?ml$/,
  /^procfile$/,
  /^app\.json$/,
  /^fly\.toml$/,
  /^vercel\.json$/,
  /^netlify\.toml$/,
  /^render\.yaml$/,
  /^heroku\.yml$/,
  /^charts?$/,
  /^helm$/,
  /^k8s$/,
  /^kubernetes$/,
  /^\.env\.example$/,
];
const APP_FILES = [
  /^manage\.py$/,
  /^next\.config\.\w+$/,
  /^nuxt\.config\.\w+$/,
  /^angular\.json$/,
  /^android$/,
  /^ios$/,
  /\.xcodeproj$/,
  /^electron-builder\.\w+$/,
  /^src-tauri$/,
  /^androidmanifest\.xml$/,
];

const LIBRARY_WORDS =
  /\b(librar(y|ies)|lib|framework|sdk|package|module|bindings?|toolkit|wrapper|api client|client library|parser|implementation of|plugin for|extension for)\b/;
const APP_WORDS =
  /\b(app|application|self-hosted|dashboard|web ?ui|desktop|platform|bot|game|editor|server|service|command[- ]line tool|cli tool|clone of|website for)\b/;
const LIBRARY_NAME = /^(lib|py|node|go|rust)[-_]|[-_.](js|ts|rs|py|go|sdk|lib|client)$/;
const MARKUP_LANGUAGES = new Set(["html", "css", "tex", "markdown", "mdx", "asciidoc", "restructuredtext"]);

export function classifyProject(input: ProjectKindInput): ProjectKindResult {
  const name = (input.fullName.split("/").pop() ?? input.fullName).toLowerCase();
  const description = (input.description ?? "").toLowerCase();
  const topics = input.topics.map((topic) => topic.toLowerCase());
  const entries = input.rootEntries ?? null;
  const packages = input.packages ?? [];
  const language = input.language?.toLowerCase() ?? null;
  const manifest = input.manifest ?? null;

  const evidence: Record<Exclude<ProjectKind, "other">, Array<[points: number, why: string]>> = {
    "awesome-list": [],
    documentation: [],
    library: [],
    application: [],
  };
  const add = (kind: keyof typeof evidence, points: number, why: string) =>
    evidence[kind].push([points, why]);
  const has = (patterns: RegExp[]) =>
    entries?.find((entry) => patterns.some((pattern) => pattern.test(entry.toLowerCase())));

  const awesomeTopic = topics.find((topic) => AWESOME_TOPICS.has(topic));
  if (awesomeTopic) add("awesome-list", 3, `topic "${awesomeTopic}"`);
  if (/\bcurated (list|collection)\b|\blist of (awesome|useful|great)\b/.test(description)) {
    add("awesome-list", 3, "the description calls it a curated list");
  }
  if (name.startsWith("awesome")) add("awesome-list", 2, "the name starts with awesome");
  if ((input.readmeLinkRatio ?? 0) >= 0.5) add("awesome-list", 2, "the README is mostly links");

  const docTopic = topics.find((topic) => DOC_TOPICS.has(topic));
  if (docTopic) add("documentation", 2, `topic "${docTopic}"`);
  if (DOC_NAME.test(name)) add("documentation", 2, "a documentation-style name");
  if (
    /^(the )?(official )?(documentation|docs)\b|\b(documentation|docs) (site|website|for)\b/.test(description)
  ) {
    add("documentation", 2, "the description says it is documentation");
  }
  const docTool = entries?.find((entry) => DOC_TOOLS.has(entry.toLowerCase()));
  if (docTool) add("documentation", 1, `${docTool} in the root`);
  if (language === null || MARKUP_LANGUAGES.has(language)) {
    const why = language === null ? "no programming language" : `written in ${input.language}`;
    add("documentation", 1, why);
    add("awesome-list", 1, why);
  }

  const published = packages.slice(0, 3).join(", ");
  const executableOnly = manifest?.binary === true && manifest.library === false;
  if (packages.length > 0 && executableOnly)
    add("application", 3, `publishes only an executable (${published})`);
  else if (packages.length > 0) add("library", 3, `published as ${published}`);
  const libraryManifest = has(LIBRARY_MANIFESTS);
  if (libraryManifest) add("library", 2, `${libraryManifest} in the root`);
  const anyManifest = has(MANIFESTS);
  if (anyManifest && !libraryManifest) add("library", 1, `${anyManifest} in the root`);
  if (manifest?.library) add("library", 2, "its manifest declares a library entry point");
  if (
    LIBRARY_WORDS.test(description) ||
    topics.some((topic) => LIBRARY_WORDS.test(topic.replaceAll("-", " ")))
  ) {
    add("library", 2, "described as a library, framework or SDK");
  }
  if (LIBRARY_NAME.test(name)) add("library", 1, "a library-style name");

  const deploy = has(DEPLOY_FILES);
  if (deploy) add("application", 2, `${deploy} in the root`);
  const appFile = has(APP_FILES);
  if (appFile) add("application", 1, `${appFile} in the root`);
  if (APP_WORDS.test(description) || topics.some((topic) => APP_WORDS.test(topic.replaceAll("-", " ")))) {
    add("application", 2, "described as an app, tool or service");
  }
  if (manifest?.private) add("application", 2, "its manifest is private (never published)");
  if (executableOnly && packages.length === 0)
    add("application", 2, "its manifest declares only an executable");

  const score = (kind: keyof typeof evidence) => evidence[kind].reduce((sum, [points]) => sum + points, 0);
  const reasons = (kind: keyof typeof evidence) => evidence[kind].map(([, why]) => why).join("; ");
  const result = (kind: ProjectKind, because: string): ProjectKindResult => ({
    kind,
    reason: `${label[kind]}: ${because}.`,
  });

  const library = score("library");
  const application = score("application");
  const code = Math.max(library, application);
  // A published package or real manifest outweighs a name: awesome-typescript-loader is a library.
  if (score("awesome-list") >= 3 && score("awesome-list") > code)
    return result("awesome-list", reasons("awesome-list"));
  if (score("documentation") >= 3 && score("documentation") > code)
    return result("documentation", reasons("documentation"));
  if (input.isTemplate && packages.length === 0)
    return result("other", "a template repository to start new projects from");
  if (library >= 2 && library > application) return result("library", reasons("library"));
  if (application >= 2 && application > library) return result("application", reasons("application"));
  if (library >= 2 && library === application) {
    // Equal evidence: whoever publishes a package to a registry means it to be depended on.
    return packages.length > 0
      ? result("library", `${reasons("library")} (outweighing: ${reasons("application")})`)
      : result("application", `${reasons("application")} (outweighing: ${reasons("library")})`);
  }
  if (library === 1 && application === 0)
    return result("library", `${reasons("library")}, and nothing suggests an application`);
  const seen = entries === null ? "root files unknown; " : "";
  return result(
    "other",
    `${seen}not enough evidence for a library, application, documentation or awesome-list`,
  );
}

const label: Record<ProjectKind, string> = {
  library: "Library",
  application: "Application",
  documentation: "Documentation",
  "awesome-list": "Awesome-list",
  other: "Other",
};

/** classifyProject over the signals GlobaLLM already has for a repository. */
export function classifyRepository(
  signals: RepositorySignals,
  extra: Pick<ProjectKindInput, "readmeLinkRatio" | "manifest"> = {},
): ProjectKindResult {
  return classifyProject({
    fullName: signals.fullName,
    description: signals.description,
    topics: signals.topics,
    language: signals.language,
    rootEntries: signals.rootEntries,
    packages: signals.dependents.packages,
    isTemplate: signals.isTemplate,
    ...extra,
  });
}
