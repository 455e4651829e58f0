"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/app/_server/action";
import { actorOf } from "@/lib/auth/roles";
import { getProcessDb } from "@/lib/db/process-database";
import { AppError } from "@/lib/errors";
import { parseSettingInput, requireSetting } from "@/lib/settings/resolve";
import { writeTeamSetting } from "@/lib/settings/team";

// Generous for the JSON price table, small enough that nobody stores a novel in a setting.
const MAX_VALUE_LENGTH = 20_000;

/** The same change as `globallm config set KEY VALUE`, audited as `user:<login>`. */
export const updateSetting = action(
  { role: "admin", input: z.object({ key: z.string().min(1), value: z.string().max(MAX_VALUE_LENGTH) }) },
  async ({ key, value }, { user }) => {
    const parsed = parseSettingInput(key, value);
    assertTeamSetting(parsed.definition.scope, key);
    const change = await writeTeamSetting(
      await getProcessDb(),
      parsed.definition,
      parsed.value,
      actorOf(user),
    );
    revalidatePath("/settings");
    return { key, changed: change.changed };
  },
);

/** Back to the built-in default (the row is removed), as `globallm config unset KEY`. */
export const resetSetting = action(
  { role: "admin", input: z.object({ key: z.string().min(1) }) },
  async ({ key }, { user }) => {
    const definition = requireSetting(key);
    assertTeamSetting(definition.scope, key);
    const change = await writeTeamSetting(await getProcessDb(), definition, null, actorOf(user));
    revalidatePath("/settings");
    return { key, changed: change.changed };
  },
);

function assertTeamSetting(scope: string, key: string): void {
  // Machine settings (connections, secrets) belong to each computer's config file, never to the web.
  if (scope !== "team") {
    throw new AppError("bad_request:settings", `${key} is a machine setting and cannot be changed here.`, {
      hint: "Use `globallm config set` on the machine it applies to.",
    });
  }
}
