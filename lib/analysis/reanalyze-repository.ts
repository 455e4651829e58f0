import type { Database } from "../db/client";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import { requireRepository } from "../repositories/queries";
import type { MachineSettings } from "../settings/machine";
import { resolveSettingValues } from "../settings/team";
import { type AnalyzedRepository, analyzeRepositories } from "./analyze-repositories";
import { analysisClientsFromSettings } from "./clients-from-settings";

/**
 * Measures and scores one stored repository again with the team's current weights and
 * thresholds, as `globallm analyze OWNER/REPO` does; the new analysis is audited as `actor`.
 * For the web app and other long-lived processes, which have no CLI context to build clients.
 */
export async function reanalyzeRepository(
  db: Database,
  machine: MachineSettings,
  fullName: string,
  options: { actor: string; log: Logger },
): Promise<AnalyzedRepository> {
  const stored = await requireRepository(db, fullName);
  const settings = await resolveSettingValues(db, machine);
  const clients = analysisClientsFromSettings(machine, { db, log: options.log });
  try {
    const [result] = await analyzeRepositories([stored.fullName], {
      db,
      ...clients,
      settings,
      actor: options.actor,
    });
    if (!result?.found) {
      throw new AppError("not_found:repository", `GitHub no longer has ${stored.fullName}.`, {
        hint: "It may have been renamed or deleted; remove it from the store.",
      });
    }
    return result;
  } finally {
    // The request log (what `status` and the benchmarks count) is written in batches.
    await clients.github.flush();
  }
}
