import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { AssignmentBoard } from "@/components/assignments/assignment-board";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { releaseAssignment, retryAssignment } from "./actions";
import { CARDS_PER_COLUMN, loadBoard } from "./load-board";

export const metadata: Metadata = { title: "Assignments" };

export default async function AssignmentsPage() {
  const user = await requirePage();
  const isAdmin = user.role === "admin";
  const board = await loadBoard();

  return (
    <>
      <PageHeader
        title="Assignments"
        description={
          <>
            Which agent works on which issue, and how it ended — live, as{" "}
            <code className="font-mono text-[13px]">globallm assign status</code> shows it. Each column lists
            at most {CARDS_PER_COLUMN} issues: the next to be claimed, the stalest claims, the latest
            outcomes.
          </>
        }
        actions={
          isAdmin ? (
            <Badge tone="blue">You can release and retry</Badge>
          ) : (
            <Badge>Read-only: admins act</Badge>
          )
        }
      />
      <div className="mt-4">
        <AssignmentBoard
          initial={board}
          actions={isAdmin ? { release: releaseAssignment, retry: retryAssignment } : undefined}
        />
      </div>
    </>
  );
}
