import { loadMachineSettings, type MachineSettings } from "../settings/machine";
import type { Database } from "./client";
import { type Connection, connectDatabase, databaseTarget } from "./connect";

interface ProcessDatabase {
  machine: MachineSettings;
  connection: Promise<Connection>;
}

// Kept on globalThis so Next.js dev reloads reuse one pool instead of opening a new one per reload.
const holder = globalThis as typeof globalThis & { __globallmDatabase?: ProcessDatabase };

/**
 * The long-lived connection of a server process (web app or worker). The CLI opens its own per
 * command instead. Starts the embedded database when it is not running yet.
 */
export function processDatabase(options: { applicationName?: string; max?: number } = {}): ProcessDatabase {
  if (!holder.__globallmDatabase) {
    const machine = loadMachineSettings();
    const connection = connectDatabase(databaseTarget(machine), {
      applicationName: options.applicationName ?? "globallm-web",
      max: options.max ?? 10,
    });
    // A failed start is not cached: the next request tries again.
    connection.catch(() => {
      holder.__globallmDatabase = undefined;
    });
    holder.__globallmDatabase = { machine, connection };
  }
  return holder.__globallmDatabase;
}

export async function getProcessDb(): Promise<Database> {
  return (await processDatabase().connection).db;
}
