import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface FleetWorker {
  agentId: string;
  child: ChildProcess;
  startedAt: number;
  /** Set when the process has exited: how (code or signal) and when. */
  exit?: { code: number | null; signal: NodeJS.Signals | null; at: number };
  /** The last lines the worker wrote to stderr (its log), for failure messages. */
  stderr: string[];
}

/**
 * Real worker processes for tests (`node --import tsx worker/main.ts …`), each with its own agent id,
 * so the tests exercise exactly what an operator runs.
 */
export class WorkerFleet {
  readonly workers: FleetWorker[] = [];
  private next = 0;

  /** `entry`: a bundle from bundleWorker() (fast start), or by default worker/main.ts through tsx. */
  constructor(
    private readonly env: Record<string, string>,
    private readonly args: string[],
    private readonly prefix = "fleet",
    private readonly entry?: string,
  ) {}

  start(): FleetWorker {
    const agentId = `${this.prefix}-${this.next++}`;
    const child: ChildProcess = spawn(
      process.execPath,
      [
        ...(this.entry ? [this.entry] : ["--import", "tsx", "worker/main.ts"]),
        ...this.args,
        "--agent-id",
        agentId,
      ],
      {
        cwd: root,
        env: this.env as NodeJS.ProcessEnv,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    const worker: FleetWorker = { agentId, child, startedAt: Date.now(), stderr: [] };
    child.stderr?.setEncoding("utf8").on("data", (text: string) => {
      worker.stderr.push(...text.trimEnd().split("\n"));
      if (worker.stderr.length > 40) worker.stderr.splice(0, worker.stderr.length - 40);
    });
    child.on("exit", (code, signal) => {
      worker.exit = { code, signal, at: Date.now() };
    });
    this.workers.push(worker);
    return worker;
  }

  get alive(): FleetWorker[] {
    return this.workers.filter((worker) => !worker.exit);
  }

  /** SIGKILLs a worker and resolves once the process is gone, with the time it was gone. */
  async kill(worker: FleetWorker): Promise<number> {
    const gone = this.exited(worker);
    worker.child.kill("SIGKILL");
    await gone;
    return worker.exit!.at;
  }

  exited(worker: FleetWorker): Promise<void> {
    if (worker.exit) return Promise.resolve();
    return new Promise((resolve) => worker.child.once("exit", () => resolve()));
  }

  /** SIGTERMs every live worker and waits for all of them (SIGKILL after `timeoutMs`). */
  async stopAll(timeoutMs = 30_000): Promise<void> {
    const alive = this.alive;
    for (const worker of alive) worker.child.kill("SIGTERM");
    const timer = setTimeout(() => {
      for (const worker of this.alive) worker.child.kill("SIGKILL");
    }, timeoutMs);
    await Promise.all(alive.map((worker) => this.exited(worker)));
    clearTimeout(timer);
  }
}
