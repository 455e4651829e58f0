import { describe, expect, it } from "vitest";
import { cleanDescription, cleanReadme } from "./clean-text";
import { httpClientReadme } from "./fixtures/readmes";

describe("cleanReadme", () => {
  it("keeps the prose about purpose and drops badges, code, install, contributing and licence", () => {
    const text = cleanReadme(httpClientReadme);
    expect(text).toContain("elegant and simple HTTP client library for Python");
    expect(text).toContain("connection pooling");
    expect(text).not.toMatch(/badge|shields|pip install|fetchy\.get|Pull requests|Apache|https?:/);
  });

  it("drops HTML, comments, link targets and reStructuredText directives", () => {
    const readme = [
      "Widget",
      "======",
      "",
      ".. image:: https://img.shields.io/pypi/v/widget.svg",
      "    :target: https://pypi.org/project/widget",
      "",
      '<p align="center"><img src="logo.png"></p><!-- hidden note -->',
      "Widget renders `charts <https://example.org/charts>`_ and [maps](https://example.org/maps).",
      "",
      "License",
      "-------",
      "MIT, see LICENSE.",
    ].join("\n");
    const text = cleanReadme(readme);
    expect(text).toContain("Widget renders charts and maps.");
    expect(text).not.toMatch(/image|target|logo|hidden|https|MIT/);
  });

  it("keeps a section nested under a kept one, drops one nested under a dropped one", () => {
    const readme =
      "# Tool\n\nParses logs.\n\n## Installation\n\nRun it.\n\n### From source\n\nBuild it.\n\n## Features\n\nFast search.";
    const text = cleanReadme(readme);
    expect(text).toContain("Parses logs.");
    expect(text).toContain("Fast search.");
    expect(text).not.toMatch(/Run it|Build it/);
  });
});

describe("cleanDescription", () => {
  it("keeps link text and removes URLs and emoji shortcodes", () => {
    expect(
      cleanDescription(
        "A Pythonic interface for [Amazon DynamoDB](https://aws.amazon.com/dynamodb/) :rocket:",
      ),
    ).toBe("A Pythonic interface for Amazon DynamoDB");
  });
});
