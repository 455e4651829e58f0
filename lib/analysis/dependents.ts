import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../errors";
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

const MAX_RETRIES = 4;

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
    let retryDelay = 0;
    const url = `${base}${path}`;
    const key = cacheKey(["depsdev", url]);
    const cached = await options.cache.get(key);
    if (cached && Date.now() - cached.fetchedAt.getTime() < CACHE_MS)
      return (cached.status === 404 ? undefined : cached.body) as T | undefined;
    let problem = "";
    for (let attempt = 0; attempt <= MAX_RETRIES; attempt++) {
      if (attempt > 0) await sleep(retryDelay);
      requestCount++;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { accept: "application/json" },
          signal: AbortSignal.timeout(20_000),
        });
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
        retryDelay = (options.retryBaseMs ?? 500) * 2 ** attempt;
        continue;
      }
      if (response.status === 404) {
        await options.cache.put(key, "rest", url, { etag: null, status: 404, headers: {}, body: null });
        return undefined;
      }
      const retryAfterHeader = response.headers.get("retry-after");
      const retryAfter = retryAfterHeader === null ? Number.NaN : Number(retryAfterHeader);
      if (response.ok) {
        try {
          const body = (await response.json()) as T;
          await options.cache.put(key, "rest", url, { etag: null, status: 200, headers: {}, body });
          return body;
        } catch {
          problem = "a response cut short";
        }
      } else if (response.status >= 500 || response.status === 429 || Number.isFinite(retryAfter)) {
        // Server trouble, or a rate limit that says when to come back.
        problem = `HTTP ${response.status}`;
      } else {
        throw new AppError("unavailable:registry", `deps.dev refused ${path} (HTTP ${response.status}).`, {
          hint: "Check DEPS_DEV_URL.",
        });
      }
      retryDelay =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? retryAfter * (options.retryBaseMs ?? 1000)
          : (options.retryBaseMs ?? 500) * 2 ** attempt;
    }
    throw new AppError("unavailable:registry", `Cannot reach deps.dev at ${base} (${problem}).`, {
      hint: "Check DEPS_DEV_URL or try again later.",
    });
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
