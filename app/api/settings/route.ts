import { route } from "@/app/_server/route";
import { getProcessDb, processDatabase } from "@/lib/db/process-database";
import { resolveAllSettings } from "@/lib/settings/team";

/** Team-wide settings with where each value comes from, the same set the Settings page shows. */
export const GET = route({ role: "member" }, async () => {
  const resolved = await resolveAllSettings(await getProcessDb(), processDatabase().machine);
  const settings = resolved
    .filter((setting) => setting.definition.scope === "team")
    .map((setting) => ({
      key: setting.key,
      value: setting.value,
      source: setting.source,
      group: setting.definition.group ?? null,
    }));
  return Response.json({ settings });
});
