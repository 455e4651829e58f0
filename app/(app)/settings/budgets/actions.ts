"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { changeTeamSetting } from "@/app/_server/team-settings";

const budgetKey = z
  .string()
  .regex(/^budget\.(overall|weekly|per_repo|per_language|per_issue)\.(cost_usd|tokens|minutes)$/, {
    message: "Not a budget limit.",
  });

/**
 * Sets one budget limit as `globallm config set budget.… VALUE` does (same parsing, same audit as
 * `user:<login>`); a blank field means unlimited. Only `budget.*` keys: this is not a back door to
 * every setting.
 */
export const updateBudgetLimit = action(
  { role: "admin", input: z.object({ key: budgetKey, value: z.string().max(100) }) },
  async ({ key, value }, { user }) => {
    const change = await changeTeamSetting(user, key, value.trim() === "" ? "none" : value.trim());
    revalidatePath("/settings/budgets");
    return { key, changed: change.changed };
  },
);
