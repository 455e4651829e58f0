import type { Random } from "../random";
import type { Package, Release } from "../world-schema";
import type { RepositoryIdentity } from "./identity";

function packageName(system: Package["system"], owner: string, name: string): string {
  switch (system) {
    case "GO":
      return `github.com/${owner}/${name}`;
    case "MAVEN":
      return `io.github.${owner}:${name}`;
    case "NUGET":
      return name
        .split(/[-_.]/)
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join(".");
    case "PYPI":
      return name.toLowerCase();
    default:
      return name;
  }
}

/**
 * Packages published from a library repository, as deps.dev knows them. About one in five has no
 * dependents data at all (deps.dev has not resolved it), which must stay unknown rather than zero.
 */
export function generatePackages(
  r: Random,
  identity: RepositoryIdentity,
  owner: string,
  releases: Release[],
  createdAt: string,
): Package[] {
  const system = identity.language.system;
  if (identity.kind !== "library" || system === null || r.chance(0.1)) return [];
  const published = releases.filter((release) => !release.prerelease && release.publishedAt);
  const versions = published.length
    ? published.map((release) => ({
        version: release.tagName.replace(/^v/, ""),
        publishedAt: release.publishedAt ?? createdAt,
      }))
    : [{ version: "0.1.0", publishedAt: createdAt }];
  const dependents = () => {
    if (r.chance(0.2)) return null;
    // Dependents follow popularity loosely: some modest projects sit under whole ecosystems.
    const direct = Math.floor(identity.stars * r.pareto(0.02, 0.8));
    return { direct, indirect: Math.floor(direct * (0.5 + r.next() * 20)) };
  };
  const packages: Package[] = [
    { system, name: packageName(system, owner, identity.name), versions, dependents: dependents() },
  ];
  if (system === "NPM" && r.chance(0.1)) {
    packages.push({ system, name: `@${owner}/${identity.name}-core`, versions, dependents: dependents() });
  }
  return packages;
}
