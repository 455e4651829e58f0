import { actorOf, type SignedInUser } from "@/lib/auth/roles";
import { getProcessDb } from "@/lib/db/process-database";
import { AppError } from "@/lib/errors";
import type { SettingDefinition } from "@/lib/settings/define";
import { parseSettingInput, requireSetting } from "@/lib/settings/resolve";
import { type TeamSettingChange, writeTeamSetting } from "@/lib/settings/team";

/**
 * The web's two ways to change a team setting (Settings page action, PUT /api/settings/KEY) share
 * this: parse the text as `globallm config set` does, refuse machine settings, write with an audit.
 * `text: null` restores the default, as `globallm config unset` does.
 */
export async function changeTeamSetting(
  user: SignedInUser,
  key: string,
  text: string | null,
): Promise<TeamSettingChange> {
  const { definition, value } =
    text === null ? { definition: requireSetting(key), value: null } : parseSettingInput(key, text);
  assertTeamSetting(definition);
  return writeTeamSetting(await getProcessDb(), definition, value, actorOf(user));
}

function assertTeamSetting(definition: SettingDefinition): void {
  // Machine settings (connections, secrets) belong to each computer's config file, never to the web.
  if (definition.scope !== "team") {
    throw new AppError(
      "bad_request:settings",
      `${definition.key} is a machine setting and cannot be changed here.`,
      {
        hint: "Use `globallm config set` on the machine it applies to.",
      },
    );
  }
}
