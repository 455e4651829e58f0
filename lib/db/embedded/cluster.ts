import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { join } from "node:path";
import postgres from "postgres";
import { processEnv } from "../../env";
import { locateBinaries, postgresUser, ROOT_STATE_DIR, type RunAs, reachableBinaries } from "./binaries";
import { withLockFile } from "./lock-file";

/** GlobaLLM's own PostgreSQL: one cluster per data directory, shared by every process on the machine. */
export interface EmbeddedCluster {
  /** The user's GlobaLLM data directory (XDG); the runtime file, lock and password live here. */
  dataDir: string;
  /** Where the cluster itself lives (PGDATA's parent). */
  home: string;
  pgdata: string;
  logFile: string;
  runtimeFile: string;
}

export interface EmbeddedRuntime {
  port: number;
  url: string;
  pgdata: string;
  /** True when this call started the server (so its caller may choose to stop it). */
  started: boolean;
}

const DATABASE_NAME = "globallm";
const SUPERUSER = "postgres";

export function embeddedCluster(dataDir: string, root = process.getuid?.() === 0): EmbeddedCluster {
  // Root's home directories are private (0700) and PostgreSQL runs as the postgres user, so as root
  // the cluster lives under /var/lib/globallm, one per data directory, instead of inside dataDir.
  const home = root
    ? join(ROOT_STATE_DIR, "clusters", createHash("sha256").update(dataDir).digest("hex").slice(0, 16))
    : join(dataDir, "embedded");
  return {
    dataDir,
    home,
    pgdata: join(home, "pgdata"),
    logFile: join(home, "postgres.log"),
    runtimeFile: join(dataDir, "embedded.json"),
  };
}

/** Port of the running postmaster, from PostgreSQL's own postmaster.pid (line 4), if any. */
export function postmasterPort(cluster: EmbeddedCluster): number | undefined {
  try {
    const lines = readFileSync(join(cluster.pgdata, "postmaster.pid"), "utf8").split("\n");
    const port = Number(lines[3]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

function password(cluster: EmbeddedCluster): string {
  const file = join(cluster.dataDir, "embedded-password");
  if (!existsSync(file))
    writeFileSync(file, randomBytes(18).toString("base64url"), { mode: 0o600, flag: "wx" });
  return readFileSync(file, "utf8").trim();
}

export function embeddedUrl(cluster: EmbeddedCluster, port: number, database = DATABASE_NAME): string {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password(cluster))}@127.0.0.1:${port}/${database}`;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, "127.0.0.1", () => done(true));
  });
}

/** The running server's port, whether or not it is ready for GlobaLLM yet. */
async function postmasterAnswering(cluster: EmbeddedCluster): Promise<number | undefined> {
  const port = postmasterPort(cluster);
  return port !== undefined && (await portAnswers(port)) ? port : undefined;
}

function runtimePort(cluster: EmbeddedCluster): number | undefined {
  try {
    return (JSON.parse(readFileSync(cluster.runtimeFile, "utf8")) as { port?: number }).port;
  } catch {
    return undefined;
  }
}

/**
 * The URL of a server that is up AND ready (its database exists). The runtime file is written only
 * after that, so a process arriving mid-start waits for the lock instead of connecting too early.
 * Never starts anything.
 */
export async function runningEmbedded(
  cluster: EmbeddedCluster,
): Promise<{ port: number; url: string } | undefined> {
  const port = await postmasterAnswering(cluster);
  if (port === undefined || runtimePort(cluster) !== port) return undefined;
  return { port, url: embeddedUrl(cluster, port) };
}

function writeRuntimeFile(cluster: EmbeddedCluster, port: number, version: string): void {
  const runtime = {
    port,
    pgdata: cluster.pgdata,
    version,
    startedAt: new Date().toISOString(),
    startedBy: process.pid,
  };
  writeFileSync(cluster.runtimeFile, `${JSON.stringify(runtime, null, 2)}\n`, { mode: 0o600 });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function run(
  command: string,
  args: string[],
  runAs: RunAs,
  options: { detached?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      uid: runAs.uid,
      gid: runAs.gid,
      // pg_ctl leaves the postmaster running; a session of its own keeps it alive after we exit.
      detached: options.detached ?? false,
      stdio: ["ignore", "pipe", "pipe"],
      // Only what PostgreSQL needs: no tokens or keys from our environment reach the server.
      env: { PATH: processEnv().PATH ?? "/usr/bin:/bin", LC_ALL: "C", LANG: "C", NODE_ENV: "production" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} exited with ${code}: ${output.trim().slice(-800)}`)),
    );
  });
}

function prepareDirectories(cluster: EmbeddedCluster, runAs: RunAs): void {
  mkdirSync(cluster.dataDir, { recursive: true, mode: 0o700 });
  mkdirSync(cluster.home, { recursive: true, mode: 0o700 });
  if (runAs.delegated) {
    mkdirSync(join(ROOT_STATE_DIR, "clusters"), { recursive: true, mode: 0o755 });
    chmodSync(ROOT_STATE_DIR, 0o755);
    chmodSync(join(ROOT_STATE_DIR, "clusters"), 0o755);
    chownSync(cluster.home, runAs.uid!, runAs.gid!);
  }
}

async function initialise(cluster: EmbeddedCluster, initdb: string, runAs: RunAs): Promise<void> {
  const pwfile = join(cluster.home, ".pwfile");
  writeFileSync(pwfile, `${password(cluster)}\n`, { mode: 0o600 });
  if (runAs.delegated) chownSync(pwfile, runAs.uid!, runAs.gid!);
  try {
    await run(
      initdb,
      [
        `--pgdata=${cluster.pgdata}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--no-locale",
      ],
      runAs,
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function createDatabaseIfMissing(cluster: EmbeddedCluster, port: number): Promise<void> {
  const sql = postgres(embeddedUrl(cluster, port, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 as found from pg_database where datname = ${DATABASE_NAME}`;
    if (!row)
      await sql.unsafe(`create database ${DATABASE_NAME}`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // another process created it first
      });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Returns the embedded server's URL, starting it first when no process has. A lock file decides
 * which process starts it; PostgreSQL's postmaster.pid guards the data directory itself.
 */
export async function ensureEmbedded(cluster: EmbeddedCluster): Promise<EmbeddedRuntime> {
  const running = await runningEmbedded(cluster);
  if (running) return { ...running, pgdata: cluster.pgdata, started: false };
  mkdirSync(cluster.dataDir, { recursive: true, mode: 0o700 });
  return withLockFile(join(cluster.dataDir, "embedded.lock"), async () => {
    const again = await runningEmbedded(cluster);
    if (again) return { ...again, pgdata: cluster.pgdata, started: false };
    const runAs = postgresUser();
    const binaries = reachableBinaries(locateBinaries(), runAs);
    const up = await postmasterAnswering(cluster);
    if (up !== undefined) {
      // Running but not marked ready (a start that was interrupted, or a deleted runtime file).
      await createDatabaseIfMissing(cluster, up);
      writeRuntimeFile(cluster, up, binaries.version);
      return { port: up, url: embeddedUrl(cluster, up), pgdata: cluster.pgdata, started: false };
    }
    prepareDirectories(cluster, runAs);
    if (!existsSync(join(cluster.pgdata, "PG_VERSION"))) await initialise(cluster, binaries.initdb, runAs);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      try {
        await run(
          binaries.pgCtl,
          [
            "start",
            "--wait",
            "--timeout=60",
            `--pgdata=${cluster.pgdata}`,
            `--log=${cluster.logFile}`,
            `--options=-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
          ],
          runAs,
          { detached: true },
        );
        await createDatabaseIfMissing(cluster, port);
        writeRuntimeFile(cluster, port, binaries.version);
        return { port, url: embeddedUrl(cluster, port), pgdata: cluster.pgdata, started: true };
      } catch (error) {
        // Another program may have taken the port between choosing and binding it.
        lastError = error;
      }
    }
    throw new Error(
      `Could not start the embedded PostgreSQL (log: ${cluster.logFile}): ${String(lastError)}`,
    );
  });
}

/** Stops the embedded server if it runs; returns whether it was running. */
export async function stopEmbedded(cluster: EmbeddedCluster): Promise<boolean> {
  if (!existsSync(join(cluster.pgdata, "postmaster.pid"))) return false;
  // Not ready any more: newcomers wait for the lock instead of connecting to a server going away.
  rmSync(cluster.runtimeFile, { force: true });
  const runAs = postgresUser();
  const binaries = reachableBinaries(locateBinaries(), runAs);
  await run(
    binaries.pgCtl,
    ["stop", "--wait", "--timeout=60", "--mode=fast", `--pgdata=${cluster.pgdata}`],
    runAs,
  );
  return true;
}

/** Stops the server and deletes the cluster's data (tests and `database close --purge`). */
export async function destroyEmbedded(cluster: EmbeddedCluster): Promise<void> {
  await stopEmbedded(cluster).catch(() => undefined);
  rmSync(cluster.home, { recursive: true, force: true });
  rmSync(cluster.runtimeFile, { force: true });
  rmSync(join(cluster.dataDir, "embedded-password"), { force: true });
}
