import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Assignments" };

export default async function AssignmentsPage() {
  await requirePage();
  return (
    <>
      <PageHeader title="Assignments" description="Which agent works on which issue, and how it ended." />
      <ComingSoon title="A board of assignments will appear here">
        <p>
          Columns for available, assigned, completed and failed issues, with each claim's agent, heartbeat and
          attempts; stale claims stand out, as with <code>globallm assign status --stale</code>.
        </p>
      </ComingSoon>
    </>
  );
}
