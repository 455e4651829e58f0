import { z } from "zod";
import { route } from "@/app/_server/route";
import { changeTeamSetting } from "@/app/_server/team-settings";
import { AppError } from "@/lib/errors";

const body = z.object({ value: z.string().max(20_000).nullable() });

/** Changes one team setting from text (null: back to the default), as `globallm config set` does; audited. */
export const PUT = route({ role: "admin" }, async (request, { user, params }) => {
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    throw new AppError("bad_request:api", 'Expected a JSON body { "value": "<text>" | null }.');
  const change = await changeTeamSetting(user, String(params.key), parsed.data.value);
  return Response.json({ setting: { key: change.key, value: change.after, changed: change.changed } });
});
