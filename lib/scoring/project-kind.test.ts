import { describe, expect, it } from "vitest";
import { makeSignals } from "./fixture-signals";
import { classifyProject, classifyRepository, type ProjectKindInput } from "./project-kind";

const repo = (input: Partial<ProjectKindInput> & { fullName: string }): ProjectKindInput => ({
  description: null,
  topics: [],
  language: null,
  rootEntries: [],
  ...input,
});

describe("classifyProject", () => {
  it("recognises awesome-lists by name, topic, description or a README of links", () => {
    const list = classifyProject(
      repo({
        fullName: "someone/awesome-python",
        description: "An opinionated list of awesome Python frameworks, libraries, software and resources.",
        topics: ["awesome", "python", "collections"],
        language: "Python",
        rootEntries: ["README.md", "LICENSE", "CONTRIBUTING.md", "sort.py"],
      }),
    );
    expect(list.kind).toBe("awesome-list");
    expect(list.reason).toMatch(/^Awesome-list: topic "awesome"; .*the name starts with awesome/);
    expect(
      classifyProject(
        repo({
          fullName: "a/go-resources",
          description: "A curated list of Go tools",
          rootEntries: ["README.md"],
        }),
      ).kind,
    ).toBe("awesome-list");
    expect(
      classifyProject(
        repo({ fullName: "a/reading", readmeLinkRatio: 0.8, rootEntries: ["README.md", "LICENSE"] }),
      ).kind,
    ).toBe("awesome-list");
  });

  it("does not mistake a published package named awesome-… for a list", () => {
    const result = classifyProject(
      repo({
        fullName: "s-panferov/awesome-typescript-loader",
        description: "Awesome TypeScript loader for webpack",
        language: "TypeScript",
        rootEntries: ["package.json", "src", "README.md"],
        packages: ["npm/awesome-typescript-loader"],
      }),
    );
    expect(result.kind).toBe("library");
    expect(result.reason).toBe(
      "Library: published as npm/awesome-typescript-loader; package.json in the root.",
    );
  });

  it("recognises documentation repositories and github.io sites", () => {
    expect(
      classifyProject(
        repo({
          fullName: "vuejs/docs",
          description: "📄 Documentation for Vue 3",
          language: "Vue",
          rootEntries: ["package.json", "src", ".vitepress", "README.md"],
        }),
      ).kind,
    ).toBe("documentation");
    expect(
      classifyProject(
        repo({
          fullName: "someone/someone.github.io",
          language: "HTML",
          rootEntries: ["index.html", "_config.yml"],
        }),
      ).kind,
    ).toBe("documentation");
    const book = classifyProject(
      repo({
        fullName: "rust-lang/book",
        language: "Rust",
        topics: ["book"],
        rootEntries: ["book.toml", "src", "listings"],
      }),
    );
    expect(book).toEqual({
      kind: "documentation",
      reason: 'Documentation: topic "book"; a documentation-style name; book.toml in the root.',
    });
  });

  it("recognises libraries from manifests, published packages and how they describe themselves", () => {
    const requests = classifyProject(
      repo({
        fullName: "psf/requests",
        description: "A simple, yet elegant, HTTP library.",
        language: "Python",
        rootEntries: ["setup.py", "pyproject.toml", "src", "tests", "docs", "README.md"],
      }),
    );
    expect(requests.kind).toBe("library");
    expect(requests.reason).toBe("Library: setup.py in the root; described as a library, framework or SDK.");
    expect(
      classifyProject(repo({ fullName: "x/retry", language: "Go", rootEntries: ["go.mod", "retry.go"] })),
    ).toEqual({
      kind: "library",
      reason: "Library: go.mod in the root, and nothing suggests an application.",
    });
  });

  it("recognises applications from deployment files and app words, even with a manifest", () => {
    const app = classifyProject(
      repo({
        fullName: "mastodon/mastodon",
        description: "Your self-hosted, globally interconnected microblogging community",
        language: "Ruby",
        rootEntries: ["Gemfile", "package.json", "Dockerfile", "docker-compose.yml", "app", "config"],
      }),
    );
    expect(app.kind).toBe("application");
    expect(app.reason).toBe("Application: Dockerfile in the root; described as an app, tool or service.");
    expect(
      classifyProject(
        repo({
          fullName: "BurntSushi/ripgrep",
          language: "Rust",
          rootEntries: ["Cargo.toml", "crates"],
          packages: ["cargo/ripgrep"],
          manifest: { binary: true, library: false },
        }),
      ).kind,
    ).toBe("application");
  });

  it("calls templates and evidence-free repositories other, saying why", () => {
    expect(
      classifyProject(
        repo({
          fullName: "a/starter",
          language: "TypeScript",
          rootEntries: ["package.json", "Dockerfile"],
          isTemplate: true,
        }),
      ).kind,
    ).toBe("other");
    expect(classifyProject(repo({ fullName: "a/stuff", language: "C", rootEntries: null }))).toEqual({
      kind: "other",
      reason:
        "Other: root files unknown; not enough evidence for a library, application, documentation or awesome-list.",
    });
  });

  it("classifies from RepositorySignals", () => {
    expect(classifyRepository(makeSignals()).kind).toBe("library");
  });
});
