import { setTimeout as sleep } from "node:timers/promises";
import { cacheKey, type ResponseCache } from "../github/cache";
import type { RepositorySignals } from "../scoring/signals";

/** Dependents from the package ecosystems, via the deps.dev API (or its local stand-in). */
export interface DepsDevClient {
  dependentsOf(fullName: string): Promise<RepositorySignals["dependents"]>;
  /** HTTP requests made (cache hits excluded). */
  requests(): number;
}

interface PackageVersions {
  versions?: { versionKey?: { system?: string; name?: string; version?: string } }[];
}

interface Dependents {
  dependentCount?: number;
  directDependentCount?: number;
}

// Dependents counts move slowly; a day is fresh enough and keeps re-analysis off the API.
const CACHE_MS = 24 * 3_600_000;

export function createDepsDevClient(options: {
  baseUrl: string;
  cache: ResponseCache;
  retryBaseMs?: number;
}): DepsDevClient {
  let requestCount = 0;
  const base = options.baseUrl.replace(/\/$/, "");

  /** GET a JSON document; undefined for 404 (unknown to deps.dev). Retries 5xx and network errors. */
  async function getJson<T>(path: string): Promise<T | undefined> {
    const url = `${base}${path}`;
    const key = cacheKey(["depsdev", url]);
    const cached = await options.cache.get(key);
    if (cached && Date.now() - cached.fetchedAt.getTime() < CACHE_MS)
      return (cached.status === 404 ? undefined : cached.body) as T | undefined;
    for (let attempt = 0; ; attempt++) {
      requestCount++;
      try {
        const response = await fetch(url, {
          headers: { accept: "application/json" },
          signal: AbortSignal.timeout(20_000),
        });
        if (response.status === 404) {
          await options.cache.put(key, "rest", url, { etag: null, status: 404, headers: {}, body: null });
          return undefined;
        }
        if (response.ok) {
          const body = (await response.json()) as T;
          await options.cache.put(key, "rest", url, { etag: null, status: 200, headers: {}, body });
          return body;
        }
        if (response.status < 500 && response.status !== 429)
          throw new Error(`deps.dev answered HTTP ${response.status} for ${path}`);
      } catch (error) {
        if (attempt >= 3 || (error instanceof Error && error.message.startsWith("deps.dev answered")))
          throw error;
      }
      if (attempt >= 3) throw new Error(`deps.dev kept failing for ${path}`);
      await sleep((options.retryBaseMs ?? 500) * 2 ** attempt);
    }
  }

  return {
    requests: () => requestCount,
    async dependentsOf(fullName) {
      const project = encodeURIComponent(`github.com/${fullName.toLowerCase()}`);
      const published = await getJson<PackageVersions>(`/v3/projects/${project}:packageversions`);
      // The latest listed version of each package published from this repository.
      const latest = new Map<string, { system: string; name: string; version: string }>();
      for (const entry of published?.versions ?? []) {
        const key = entry.versionKey;
        if (key?.system && key.name && key.version)
          latest.set(`${key.system.toLowerCase()}/${key.name}`, {
            system: key.system,
            name: key.name,
            version: key.version,
          });
      }
      if (latest.size === 0) return { direct: null, total: null, packages: [] };
      let direct: number | null = 0;
      let total: number | null = 0;
      for (const pkg of latest.values()) {
        const counts = await getJson<Dependents>(
          `/v3alpha/systems/${encodeURIComponent(pkg.system)}/packages/${encodeURIComponent(pkg.name)}/versions/${encodeURIComponent(pkg.version)}:dependents`,
        );
        // One package with unknown counts makes the sum unknown: never read unknown as zero.
        direct =
          counts?.directDependentCount === undefined || direct === null
            ? null
            : direct + counts.directDependentCount;
        total = counts?.dependentCount === undefined || total === null ? null : total + counts.dependentCount;
      }
      return { direct, total, packages: [...latest.keys()] };
    },
  };
}
