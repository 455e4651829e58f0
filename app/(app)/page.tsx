import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requirePage();
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Where the agents' budget goes, and what it has achieved so far."
      />
      <ComingSoon title="Key figures will appear here">
        <p>
          Budget used against its limits (tokens, agent time, cost), issues in the pool by state, agents at
          work, and pull requests opened and merged — the same snapshot as <code>globallm status</code>.
        </p>
      </ComingSoon>
    </>
  );
}
