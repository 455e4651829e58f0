import type { EmulatorContext } from "../server/context";
import type { EmulatorResponse, Router } from "../server/router";
import type { RepositoryView } from "../world/repository-view";
import type { Package } from "../world/world-schema";

/**
 * A stand-in for the deps.dev API (v3 and v3alpha) answering from the world's packages: which
 * package versions a repository publishes, package and version details, and dependents counts.
 * Where the world does not know the dependents of a package, the answer is 404, never zero.
 */
function notFound(message: string): EmulatorResponse {
  return { status: 404, body: { code: 5, message, details: [] } };
}

function invalid(message: string): EmulatorResponse {
  return { status: 400, body: { code: 3, message, details: [] } };
}

const SYSTEMS = new Set(["NPM", "PYPI", "CARGO", "GO", "MAVEN", "RUBYGEMS", "NUGET"]);

/** deps.dev compares PyPI names normalised per PEP 503 and npm names as they are. */
function normalise(system: string, name: string): string {
  return system === "PYPI" ? name.toLowerCase().replace(/[-_.]+/g, "-") : name;
}

export function registerDepsDevRoutes(router: Router, ctx: EmulatorContext): void {
  const byPackage = new Map<string, { pkg: Package; view: RepositoryView }>();
  for (const view of ctx.index.views) {
    for (const pkg of view.repo.packages)
      byPackage.set(`${pkg.system}|${normalise(pkg.system, pkg.name)}`, { pkg, view });
  }
  const lookup = (system: string, name: string) => byPackage.get(`${system}|${normalise(system, name)}`);
  const versionKey = (pkg: Package, version: string) => ({ system: pkg.system, name: pkg.name, version });

  router.add(
    "GET",
    "/depsdev/v3/projects/*rest",
    (request) => {
      const rest = request.params.rest ?? "";
      const wantsVersions = rest.endsWith(":packageversions");
      const key = rest.replace(/:packageversions$/, "").toLowerCase();
      const match = /^github\.com\/([^/]+)\/([^/]+)$/.exec(key);
      const view = match ? ctx.index.repository(match[1] ?? "", match[2] ?? "") : undefined;
      if (!view) return notFound("project not found");
      if (!wantsVersions) {
        return {
          status: 200,
          body: {
            projectKey: { id: `github.com/${view.fullName.toLowerCase()}` },
            openIssuesCount: view.openIssuesCount,
            starsCount: view.repo.stars,
            forksCount: view.repo.forks,
            license: view.repo.license ?? "",
            description: view.repo.description ?? "",
            homepage: view.repo.homepage ?? "",
          },
        };
      }
      const versions = view.repo.packages.flatMap((pkg) =>
        pkg.versions.map((v) => ({
          versionKey: versionKey(pkg, v.version),
          relationType: "SOURCE_REPO",
          relationProvenance: "UNVERIFIED_METADATA",
        })),
      );
      return { status: 200, body: { versions } };
    },
    { resource: null, api: false },
  );

  router.add(
    "GET",
    "/depsdev/*prefix/systems/:system/packages/*rest",
    (request) => {
      const apiVersion = request.params.prefix;
      if (apiVersion !== "v3" && apiVersion !== "v3alpha") return notFound("unknown API version");
      const system = (request.params.system ?? "").toUpperCase();
      if (!SYSTEMS.has(system)) return invalid(`invalid system "${request.params.system}"`);
      const rest = request.params.rest ?? "";
      const parts = /^(.+?)(?:\/versions\/([^/]+?))?(:dependents)?$/.exec(rest);
      const name = parts?.[1] ?? "";
      const version = parts?.[2];
      const dependents = parts?.[3] !== undefined;
      const found = lookup(system, name);
      if (!found) return notFound("package not found");
      const { pkg, view } = found;
      const last = pkg.versions.length - 1;
      if (version === undefined) {
        if (dependents) return notFound("version required");
        return {
          status: 200,
          body: {
            packageKey: { system: pkg.system, name: pkg.name },
            versions: pkg.versions.map((v, k) => ({
              versionKey: versionKey(pkg, v.version),
              publishedAt: v.publishedAt,
              isDefault: k === last,
            })),
          },
        };
      }
      const position = pkg.versions.findIndex((v) => v.version === version);
      if (position < 0) return notFound("version not found");
      if (dependents) {
        if (apiVersion !== "v3alpha") return notFound("dependents are served by v3alpha");
        if (!pkg.dependents) return notFound("dependents not found");
        // Older versions keep a shrinking share of the dependents of the default version.
        const share = 0.3 ** (last - position);
        const direct = Math.floor(pkg.dependents.direct * share);
        const indirect = Math.floor(pkg.dependents.indirect * share);
        return {
          status: 200,
          body: {
            dependentCount: direct + indirect,
            directDependentCount: direct,
            indirectDependentCount: indirect,
          },
        };
      }
      const v = pkg.versions[position];
      return {
        status: 200,
        body: {
          versionKey: versionKey(pkg, version),
          publishedAt: v?.publishedAt,
          isDefault: position === last,
          licenses: view.repo.license ? [view.repo.license] : [],
          links: [{ label: "SOURCE_REPO", url: `https://github.com/${view.fullName}` }],
          relatedProjects: [
            {
              projectKey: { id: `github.com/${view.fullName.toLowerCase()}` },
              relationProvenance: "UNVERIFIED_METADATA",
              relationType: "SOURCE_REPO",
            },
          ],
        },
      };
    },
    { resource: null, api: false },
  );
}
