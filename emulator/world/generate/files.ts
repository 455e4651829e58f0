import type { Random } from "../random";
import type { RepositoryFile } from "../world-schema";
import type { RepositoryIdentity } from "./identity";

/** A short listing of other repositories, for awesome-lists. */
export interface ListEntry {
  fullName: string;
  description: string | null;
}

const installCommands: Record<string, (name: string, owner: string) => string> = {
  PYPI: (name) => `pip install ${name}`,
  NPM: (name) => `npm install ${name}`,
  CARGO: (name) => `cargo add ${name}`,
  GO: (name, owner) => `go get github.com/${owner}/${name}`,
  MAVEN: (name, owner) =>
    `<dependency>\n  <groupId>io.github.${owner}</groupId>\n  <artifactId>${name}</artifactId>\n</dependency>`,
  RUBYGEMS: (name) => `gem install ${name}`,
  NUGET: (name) => `dotnet add package ${name}`,
};

function readme(
  r: Random,
  identity: RepositoryIdentity,
  owner: string,
  entries: ListEntry[],
  ci: boolean,
): string {
  const { name, description, kind, language } = identity;
  const badges = ci
    ? `[![CI](https://github.com/${owner}/${name}/actions/workflows/ci.yml/badge.svg)](https://github.com/${owner}/${name}/actions)\n\n`
    : "";
  const phrases = r.sample(identity.domain.phrases, 2);
  const about = `${name} is ${kind === "library" ? "a library" : kind === "application" ? "an application" : "a project"} for ${phrases.join(" and ")}.`;
  const intro = `# ${name}\n\n${badges}${description ?? ""}\n\n${about}\n`;
  if (kind === "awesome-list") {
    const items = entries.map(
      (e) =>
        `- [${e.fullName.split("/")[1]}](https://github.com/${e.fullName}) - ${e.description ?? "No description."}`,
    );
    return `${intro}\n> A curated list. Contributions welcome!\n\n## Contents\n\n- [Libraries](#libraries)\n- [Resources](#resources)\n\n## Libraries\n\n${items.join("\n")}\n\n## Resources\n\n- [Official documentation](https://example.org/docs)\n\n## License\n\n[![CC0](https://licensebuttons.net/p/zero/1.0/88x31.png)](https://creativecommons.org/publicdomain/zero/1.0/)\n`;
  }
  if (kind === "documentation") {
    return `${intro}\nThis repository holds the source of the documentation website.\n\n## Building locally\n\n\`\`\`\nnpm install\nnpm run start\n\`\`\`\n\n## Contributing\n\nFix a typo or add a page by opening a pull request.\n`;
  }
  if (kind === "application") {
    return `${intro}\n## Features\n\n- Web dashboard\n- Single binary / Docker image\n- Works offline\n\n## Running\n\n\`\`\`\ndocker compose up -d\n\`\`\`\n\nThen open http://localhost:8080.\n`;
  }
  const install = language.system
    ? (installCommands[language.system]?.(name, owner) ?? "")
    : `git clone https://github.com/${owner}/${name}\nmake`;
  const features = r.sample(
    [
      "Zero dependencies",
      "Fully typed",
      "Async support",
      "Extensive test suite",
      "Plugin system",
      "Excellent performance",
      "Cross-platform",
    ],
    3,
  );
  const usage = `import ${name.replace(/[^A-Za-z0-9]/g, "_")}\n\n${name.replace(/[^A-Za-z0-9]/g, "_")}.run()`;
  return `${intro}\n## Features\n\n${features.map((f) => `- ${f}`).join("\n")}\n\n## Installation\n\n\`\`\`\n${install}\n\`\`\`\n\n## Usage\n\n\`\`\`${language.key}\n${usage}\n\`\`\`\n\n## Documentation\n\nSee the [docs](docs/) for the full API.\n\n## License\n\n${identity.license ?? "All rights reserved."}\n`;
}

function licenseText(spdx: string, year: number, holder: string): string {
  if (spdx === "MIT") {
    return `MIT License\n\nCopyright (c) ${year} ${holder}\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software...\n`;
  }
  if (spdx === "NOASSERTION") return `Copyright ${year} ${holder}. Custom licence: see terms below.\n`;
  return `${spdx}\n\nCopyright ${year} ${holder}\n\nLicensed under the ${spdx} licence.\n`;
}

export function generateFiles(
  r: Random,
  identity: RepositoryIdentity,
  owner: string,
  version: string,
  ciFiles: RepositoryFile[],
  listEntries: ListEntry[],
): RepositoryFile[] {
  const { name, kind, language } = identity;
  const files: RepositoryFile[] = [];
  const add = (path: string, content: string) => files.push({ path, content });
  // A few repositories have no README at all, so "docs unknown/absent" paths are exercised.
  if (!r.chance(0.03))
    add(
      r.chance(0.9) ? "README.md" : "README.rst",
      readme(r, identity, owner, listEntries, ciFiles.length > 0),
    );
  if (identity.license)
    add(
      r.chance(0.9) ? "LICENSE" : "LICENSE.md",
      licenseText(identity.license, new Date(identity.createdAt).getUTCFullYear(), owner),
    );
  add(".gitignore", "node_modules/\n__pycache__/\ntarget/\ndist/\n");
  const fill = (template: string) =>
    template.replaceAll("{name}", name).replaceAll("{owner}", owner).replaceAll("{version}", version);
  if (kind === "library") {
    const manifests = Object.entries(language.manifests);
    for (const [path, template] of r.chance(0.6) ? manifests : manifests.slice(0, 1))
      add(fill(path), fill(template));
    add(
      `${language.sourceDir}/${name.replace(/-/g, "_")}.${language.extension}`,
      `// ${name}: core implementation\n`,
    );
    add(`tests/test_${name.replace(/-/g, "_")}.${language.extension}`, `// tests for ${name}\n`);
    if (r.chance(0.5)) add("docs/index.md", `# ${name}\n\nWelcome to the documentation.\n`);
    if (language.key === "python" && r.chance(0.3)) add("mkdocs.yml", `site_name: ${name}\n`);
    if (r.chance(0.4))
      add("CONTRIBUTING.md", "# Contributing\n\nPull requests are welcome. Run the tests first.\n");
    if (r.chance(0.4)) add("CHANGELOG.md", `# Changelog\n\n## ${version}\n\n- Latest release\n`);
    if (r.chance(0.2)) add("CODE_OF_CONDUCT.md", "# Contributor Covenant Code of Conduct\n");
    if (r.chance(0.15)) add("SECURITY.md", "# Security Policy\n\nReport vulnerabilities privately.\n");
    if (r.chance(0.1)) add("examples/basic.md", "# Basic example\n");
  } else if (kind === "application") {
    add("Dockerfile", `FROM alpine:3.20\nCOPY . /app\nCMD ["/app/${name}"]\n`);
    add("docker-compose.yml", `services:\n  ${name}:\n    build: .\n    ports: ["8080:8080"]\n`);
    add(`${language.sourceDir}/main.${language.extension}`, `// ${name} entry point\n`);
    const manifest = Object.entries(language.manifests)[0];
    if (manifest) add(fill(manifest[0]), fill(manifest[1]));
    if (r.chance(0.5)) add(".env.example", "PORT=8080\n");
  } else if (kind === "documentation") {
    add("docs/intro.md", "# Introduction\n");
    add("docs/getting-started.md", "# Getting started\n");
    if (r.chance(0.5)) add("mkdocs.yml", `site_name: ${name}\n`);
    else {
      add("docusaurus.config.js", `module.exports = { title: "${name}" };\n`);
      add("package.json", `{\n  "name": "${name}",\n  "private": true\n}\n`);
    }
  } else if (kind === "awesome-list") {
    add("CONTRIBUTING.md", "# Contribution Guidelines\n\nOne item per pull request, alphabetical order.\n");
    add("code-of-conduct.md", "# Code of Conduct\n");
  } else {
    add(`${name.replace(/-/g, "_")}.${language.extension}`, "// experiment\n");
  }
  files.push(...ciFiles);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
