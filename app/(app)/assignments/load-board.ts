import { type BoardView, toBoardView } from "@/components/assignments/board-view";
import { assignmentBoard } from "@/lib/assign/assignment-board";
import { getProcessDb, processDatabase } from "@/lib/db/process-database";
import { resolveAllSettings } from "@/lib/settings/team";

// Enough to see what matters in each column; the counts tell how many more there are.
export const CARDS_PER_COLUMN = 50;

/** The board for the page's first render and for every poll, with staleness per the team's timeout. */
export async function loadBoard(): Promise<BoardView> {
  const db = await getProcessDb();
  const settings = await resolveAllSettings(db, processDatabase().machine);
  const timeout = settings.find((setting) => setting.key === "agent.heartbeat_timeout_minutes")?.value;
  const columns = await assignmentBoard(db, {
    limit: CARDS_PER_COLUMN,
    staleAfterMinutes: Number(timeout ?? 30),
  });
  return toBoardView(columns);
}
