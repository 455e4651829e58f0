import type { Metadata } from "next";
import { requirePage } from "@/app/_server/guard";
import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Repositories" };

export default async function RepositoriesPage() {
  await requirePage();
  return (
    <>
      <PageHeader
        title="Repositories"
        description="The libraries the ecosystem depends on, with their health and impact."
      />
      <ComingSoon title="Discovered repositories will appear here">
        <p>
          A sortable, filterable table of repositories found by <code>globallm discover</code>: stars,
          dependents, health and impact scores with their reasons, and whether each is worth working on.
        </p>
      </ComingSoon>
    </>
  );
}
