"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { actorOf } from "@/lib/auth/roles";
import { getProcessDb, processDatabase } from "@/lib/db/process-database";
import { updateWeightsAndThresholds } from "@/lib/settings/weights-and-thresholds";

/**
 * Saves priority weights and thresholds together (admins only), validated by lib — ranges, values
 * fixed by the environment, all-zero weights — and audited per value as `user:<login>`.
 */
export const updateWeights = action(
  { role: "admin", input: z.object({ values: z.record(z.string().max(100), z.string().max(50)) }) },
  async ({ values }, { user }) => {
    const changes = await updateWeightsAndThresholds(await getProcessDb(), {
      values,
      env: processDatabase().machine.env,
      actor: actorOf(user),
    });
    revalidatePath("/settings/weights");
    revalidatePath("/settings");
    return { changes: changes.map(({ key, before, after }) => ({ key, before, after })) };
  },
);
