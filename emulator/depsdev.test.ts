import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GitHubEmulator } from "./start-emulator";
import { startTestEmulator } from "./test-helpers";

let emulator: GitHubEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ repositories: 200 });
});
afterAll(() => emulator.close());

const get = async (path: string) => {
  const response = await fetch(`${emulator.depsDevUrl}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("deps.dev stand-in", () => {
  it("lists the package versions a repository publishes", async () => {
    const repo = emulator.world.repositories.find((r) => r.packages.length > 0);
    const pkg = repo?.packages[0];
    if (!repo || !pkg) throw new Error("no published package");
    const key = encodeURIComponent(`github.com/${repo.owner}/${repo.name}`);
    const { status, body } = await get(`/v3/projects/${key}:packageversions`);
    expect(status).toBe(200);
    const versions = body.versions as {
      versionKey: { system: string; name: string; version: string };
      relationType: string;
    }[];
    expect(versions.filter((v) => v.versionKey.name === pkg.name).map((v) => v.versionKey.version)).toEqual(
      pkg.versions.map((v) => v.version),
    );
    expect(versions[0]?.relationType).toBe("SOURCE_REPO");
  });

  it("reports dependents of a version, and 404 when they are unknown — never zero", async () => {
    const packages = emulator.world.repositories.flatMap((r) => r.packages);
    const known = packages.find((p) => p.dependents !== null);
    const unknown = packages.find((p) => p.dependents === null);
    if (!known?.dependents || !unknown) throw new Error("the world needs both known and unknown dependents");
    const latest = known.versions.at(-1)?.version ?? "";
    const { status, body } = await get(
      `/v3alpha/systems/${known.system.toLowerCase()}/packages/${encodeURIComponent(known.name)}/versions/${encodeURIComponent(latest)}:dependents`,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      dependentCount: known.dependents.direct + known.dependents.indirect,
      directDependentCount: known.dependents.direct,
      indirectDependentCount: known.dependents.indirect,
    });
    const missing = await get(
      `/v3alpha/systems/${unknown.system}/packages/${encodeURIComponent(unknown.name)}/versions/${encodeURIComponent(unknown.versions.at(-1)?.version ?? "")}:dependents`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 5 });
    expect((await get("/v3/projects/github.com%2Fnobody%2Fnothing:packageversions")).status).toBe(404);
    expect(
      (await get("/v3alpha/systems/npm/packages/no-such-package-at-all/versions/1.0.0:dependents")).status,
    ).toBe(404);
  });

  it("describes packages and versions with their source repository", async () => {
    const repo = emulator.world.repositories.find((r) => r.packages.length > 0);
    const pkg = repo?.packages[0];
    if (!repo || !pkg) throw new Error("no published package");
    const { body } = await get(`/v3/systems/${pkg.system}/packages/${encodeURIComponent(pkg.name)}`);
    const versions = body.versions as { isDefault: boolean; versionKey: { version: string } }[];
    expect(versions.filter((v) => v.isDefault).map((v) => v.versionKey.version)).toEqual([
      pkg.versions.at(-1)?.version,
    ]);
    const version = await get(
      `/v3/systems/${pkg.system}/packages/${encodeURIComponent(pkg.name)}/versions/${encodeURIComponent(pkg.versions.at(-1)?.version ?? "")}`,
    );
    expect(version.body.relatedProjects).toEqual([
      {
        projectKey: { id: `github.com/${repo.owner}/${repo.name}`.toLowerCase() },
        relationProvenance: "UNVERIFIED_METADATA",
        relationType: "SOURCE_REPO",
      },
    ]);
  });
});
