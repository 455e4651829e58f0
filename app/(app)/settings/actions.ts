"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { changeTeamSetting } from "@/app/_server/team-settings";

// Generous for the JSON price table, small enough that nobody stores a novel in a setting.
const MAX_VALUE_LENGTH = 20_000;

/** The same change as `globallm config set KEY VALUE`, audited as `user:<login>`. */
export const updateSetting = action(
  { role: "admin", input: z.object({ key: z.string().min(1), value: z.string().max(MAX_VALUE_LENGTH) }) },
  async ({ key, value }, { user }) => {
    const change = await changeTeamSetting(user, key, value);
    revalidatePath("/settings");
    return { key, changed: change.changed };
  },
);

/** Back to the built-in default, as `globallm config unset KEY`. */
export const resetSetting = action(
  { role: "admin", input: z.object({ key: z.string().min(1) }) },
  async ({ key }, { user }) => {
    const change = await changeTeamSetting(user, key, null);
    revalidatePath("/settings");
    return { key, changed: change.changed };
  },
);
