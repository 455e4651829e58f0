import { route } from "@/app/_server/route";
import { loadBoard } from "@/app/(app)/assignments/load-board";

/** The Assignments kanban, polled by the page every two seconds: counts and the top cards per state. */
export const GET = route({ role: "member" }, async () =>
  Response.json(await loadBoard(), { headers: { "Cache-Control": "no-store" } }),
);
