import type { PackageSystem } from "./world-schema";

/**
 * What a repository in each language looks like: GitHub's display name and search aliases
 * (linguist), the manifest files a library has at its root, and where it publishes packages.
 */
export interface LanguageProfile {
  /** GlobaLLM's key (also accepted by the `language:` search qualifier). */
  key: string;
  /** GitHub's display name. */
  name: string;
  /** Lower-case names GitHub search accepts for `language:` (linguist aliases). */
  aliases: string[];
  extension: string;
  sourceDir: string;
  /** Root files of a library, with a template for their content ({name}, {owner}, {version}). */
  manifests: Record<string, string>;
  system: PackageSystem | null;
  /** Weight in the generated world (roughly GitHub's language popularity). */
  weight: number;
  /** Other languages that typically appear beside it in `/languages`. */
  companions: string[];
}

export const languages: LanguageProfile[] = [
  {
    key: "python",
    name: "Python",
    aliases: ["python", "py"],
    extension: "py",
    sourceDir: "src",
    manifests: {
      "pyproject.toml": '[project]\nname = "{name}"\nversion = "{version}"\nrequires-python = ">=3.9"\n',
      "setup.py": 'from setuptools import setup\n\nsetup(name="{name}", version="{version}")\n',
    },
    system: "PYPI",
    weight: 18,
    companions: ["Shell", "Makefile"],
  },
  {
    key: "javascript",
    name: "JavaScript",
    aliases: ["javascript", "js", "node"],
    extension: "js",
    sourceDir: "lib",
    manifests: {
      "package.json": '{\n  "name": "{name}",\n  "version": "{version}",\n  "main": "lib/index.js"\n}\n',
    },
    system: "NPM",
    weight: 14,
    companions: ["HTML", "CSS"],
  },
  {
    key: "typescript",
    name: "TypeScript",
    aliases: ["typescript", "ts"],
    extension: "ts",
    sourceDir: "src",
    manifests: {
      "package.json": '{\n  "name": "{name}",\n  "version": "{version}",\n  "types": "dist/index.d.ts"\n}\n',
      "tsconfig.json": '{\n  "compilerOptions": { "strict": true }\n}\n',
    },
    system: "NPM",
    weight: 13,
    companions: ["JavaScript"],
  },
  {
    key: "rust",
    name: "Rust",
    aliases: ["rust", "rs"],
    extension: "rs",
    sourceDir: "src",
    manifests: { "Cargo.toml": '[package]\nname = "{name}"\nversion = "{version}"\nedition = "2021"\n' },
    system: "CARGO",
    weight: 8,
    companions: ["Shell"],
  },
  {
    key: "go",
    name: "Go",
    aliases: ["go", "golang"],
    extension: "go",
    sourceDir: "pkg",
    manifests: { "go.mod": "module github.com/{owner}/{name}\n\ngo 1.22\n" },
    system: "GO",
    weight: 10,
    companions: ["Makefile", "Shell"],
  },
  {
    key: "java",
    name: "Java",
    aliases: ["java"],
    extension: "java",
    sourceDir: "src/main/java",
    manifests: {
      "pom.xml":
        "<project>\n  <groupId>io.github.{owner}</groupId>\n  <artifactId>{name}</artifactId>\n  <version>{version}</version>\n</project>\n",
    },
    system: "MAVEN",
    weight: 9,
    companions: ["Kotlin", "Shell"],
  },
  {
    key: "c",
    name: "C",
    aliases: ["c"],
    extension: "c",
    sourceDir: "src",
    manifests: {
      "CMakeLists.txt": "cmake_minimum_required(VERSION 3.16)\nproject({name} C)\n",
      Makefile: "all:\n\tcc -O2 -o {name} src/*.c\n",
    },
    system: null,
    weight: 5,
    companions: ["Makefile", "Shell", "C++"],
  },
  {
    key: "cplusplus",
    name: "C++",
    aliases: ["c++", "cpp", "cplusplus"],
    extension: "cpp",
    sourceDir: "src",
    manifests: { "CMakeLists.txt": "cmake_minimum_required(VERSION 3.16)\nproject({name} CXX)\n" },
    system: null,
    weight: 6,
    companions: ["C", "CMake", "Python"],
  },
  {
    key: "ruby",
    name: "Ruby",
    aliases: ["ruby", "rb"],
    extension: "rb",
    sourceDir: "lib",
    manifests: {
      Gemfile: 'source "https://rubygems.org"\ngemspec\n',
      "{name}.gemspec":
        'Gem::Specification.new do |s|\n  s.name = "{name}"\n  s.version = "{version}"\nend\n',
    },
    system: "RUBYGEMS",
    weight: 3,
    companions: ["HTML", "Shell"],
  },
  {
    key: "php",
    name: "PHP",
    aliases: ["php"],
    extension: "php",
    sourceDir: "src",
    manifests: { "composer.json": '{\n  "name": "{owner}/{name}",\n  "type": "library"\n}\n' },
    // deps.dev does not index Packagist, so PHP packages have no dependents data (unknown).
    system: null,
    weight: 3,
    companions: ["JavaScript", "Blade"],
  },
  {
    key: "csharp",
    name: "C#",
    aliases: ["c#", "csharp", "cs"],
    extension: "cs",
    sourceDir: "src",
    manifests: {
      "{name}.csproj":
        '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <Version>{version}</Version>\n  </PropertyGroup>\n</Project>\n',
    },
    system: "NUGET",
    weight: 4,
    companions: ["PowerShell"],
  },
  {
    key: "kotlin",
    name: "Kotlin",
    aliases: ["kotlin", "kt"],
    extension: "kt",
    sourceDir: "src/main/kotlin",
    manifests: { "build.gradle.kts": 'plugins { kotlin("jvm") version "2.0.0" }\nversion = "{version}"\n' },
    system: "MAVEN",
    weight: 3,
    companions: ["Java"],
  },
  {
    key: "swift",
    name: "Swift",
    aliases: ["swift"],
    extension: "swift",
    sourceDir: "Sources",
    manifests: {
      "Package.swift":
        '// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: "{name}")\n',
    },
    system: null,
    weight: 2,
    companions: ["Objective-C", "Ruby"],
  },
  {
    key: "shell",
    name: "Shell",
    aliases: ["shell", "bash", "sh"],
    extension: "sh",
    sourceDir: "bin",
    manifests: { Makefile: "install:\n\tinstall -m 755 bin/{name}.sh /usr/local/bin/{name}\n" },
    system: null,
    weight: 2,
    companions: ["Makefile"],
  },
];

const byAlias = new Map<string, LanguageProfile>();
for (const profile of languages) {
  byAlias.set(profile.name.toLowerCase(), profile);
  for (const alias of profile.aliases) byAlias.set(alias, profile);
}

/** The profile for a display name, GlobaLLM key or linguist alias (case-insensitive). */
export function languageProfile(nameOrAlias: string): LanguageProfile | undefined {
  return byAlias.get(nameOrAlias.toLowerCase());
}

/** GitHub's linguist colours for the languages the world uses (GraphQL `Language.color`). */
export const languageColors: Record<string, string> = {
  Python: "#3572A5",
  JavaScript: "#f1e05a",
  TypeScript: "#3178c6",
  Rust: "#dea584",
  Go: "#00ADD8",
  Java: "#b07219",
  C: "#555555",
  "C++": "#f34b7d",
  Ruby: "#701516",
  PHP: "#4F5D95",
  "C#": "#178600",
  Kotlin: "#A97BFF",
  Swift: "#F05138",
  Shell: "#89e051",
  HTML: "#e34c26",
  CSS: "#663399",
  Makefile: "#427819",
  CMake: "#DA3434",
  PowerShell: "#012456",
  "Objective-C": "#438eff",
  Blade: "#f7523f",
  Dockerfile: "#384d54",
};
