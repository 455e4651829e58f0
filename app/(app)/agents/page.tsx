import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  await requirePage();
  return (
    <>
      <PageHeader title="Agents" description="The workers running fix agents, on this machine and others." />
      <ComingSoon title="Running agents will appear here">
        <p>
          Each worker's host, current issue, last heartbeat and spend, with live progress of its fix run —
          from reading the issue to the tested pull request.
        </p>
      </ComingSoon>
    </>
  );
}
