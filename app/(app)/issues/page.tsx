import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Issues" };

export default async function IssuesPage() {
  await requirePage();
  return (
    <>
      <PageHeader
        title="Issues"
        description="Open issues of approved repositories, ranked by what fixing them is worth."
      />
      <ComingSoon title="Prioritized issues will appear here">
        <p>
          Every issue's category and priority with the breakdown behind it (health, impact, solvability,
          urgency, uniqueness), filterable by language and category, like <code>globallm prioritize</code>.
        </p>
      </ComingSoon>
    </>
  );
}
