"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { repositoryHref } from "@/components/repositories/repository-row";
import { reanalyzeRepository as reanalyze } from "@/lib/analysis/reanalyze-repository";
import { actorOf } from "@/lib/auth/roles";
import { getProcessDb, processDatabase } from "@/lib/db/process-database";
import { createLogger, type LogLevel } from "@/lib/logger";
import { setWorthByHand } from "@/lib/repositories/queries";
import { machineValue } from "@/lib/settings/machine";

// OWNER (39) + "/" + NAME (100): anything longer is not a GitHub repository.
const target = z.object({ fullName: z.string().trim().min(3).max(140) });

function refresh(fullName: string): void {
  revalidatePath(repositoryHref(fullName));
  revalidatePath("/repositories");
}

/** `globallm`'s verdict overridden by an admin until the next analysis; audited as `user:<login>`. */
export const approveRepository = action({ role: "admin", input: target }, async ({ fullName }, { user }) => {
  const row = await setWorthByHand(await getProcessDb(), fullName, true, actorOf(user));
  refresh(row.fullName);
  return { fullName: row.fullName, worthWorkingOn: row.worthWorkingOn };
});

export const rejectRepository = action({ role: "admin", input: target }, async ({ fullName }, { user }) => {
  const row = await setWorthByHand(await getProcessDb(), fullName, false, actorOf(user));
  refresh(row.fullName);
  return { fullName: row.fullName, worthWorkingOn: row.worthWorkingOn };
});

/** The same as `globallm analyze OWNER/REPO`, with this server's GitHub settings; audited. */
export const reanalyzeRepository = action(
  { role: "admin", input: target },
  async ({ fullName }, { user }) => {
    const { machine } = processDatabase();
    const result = await reanalyze(await getProcessDb(), machine, fullName, {
      actor: actorOf(user),
      log: createLogger("globallm-web", machineValue<LogLevel>(machine, "log.level")),
    });
    refresh(result.fullName);
    return result;
  },
);
