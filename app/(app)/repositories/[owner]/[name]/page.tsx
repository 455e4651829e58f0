import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requirePage } from "@/app/_server/guard";
import { domainLabel, formatCount, formatDateTime } from "@/components/repositories/format";
import { RepositoryAdminActions } from "@/components/repositories/repository-admin-actions";
import { RepositoryEvents } from "@/components/repositories/repository-events";
import { RepositorySignals } from "@/components/repositories/repository-signals";
import { ScoreBreakdown } from "@/components/repositories/score-breakdown";
import { readStoredAnalysis, readStoredSignals } from "@/components/repositories/stored-analysis";
import { VerdictBadge } from "@/components/repositories/verdict-badge";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getProcessDb } from "@/lib/db/process-database";
import { isAppError } from "@/lib/errors";
import { listEvents } from "@/lib/events/list-events";
import { requireRepository } from "@/lib/repositories/queries";
import { approveRepository, reanalyzeRepository, rejectRepository } from "./actions";

type Params = Promise<{ owner: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { owner, name } = await params;
  return { title: `${owner}/${name}` };
}

// The verdict events: the latest one tells whether the verdict shown was computed or set by hand.
const verdictActions = new Set(["repository.analyzed", "repository.approved", "repository.rejected"]);

export default async function RepositoryPage({ params }: { params: Params }) {
  const user = await requirePage();
  const { owner, name } = await params;
  const db = await getProcessDb();
  const repository = await requireRepository(db, `${owner}/${name}`).catch((error: unknown) => {
    if (isAppError(error) && error.type === "not_found") notFound();
    throw error;
  });
  const events = await listEvents(db, {
    subjectType: "repository",
    subjectId: repository.fullName,
    limit: 20,
  });
  const analysis = readStoredAnalysis(repository.analysis);
  const signals = readStoredSignals(repository.signals);
  const lastVerdict = events.find((event) => verdictActions.has(event.action));
  const byHand = lastVerdict && lastVerdict.action !== "repository.analyzed" ? lastVerdict : undefined;
  const isAdmin = user.role === "admin";

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href="/repositories" className="hover:text-zinc-900">
          Repositories
        </Link>{" "}
        / <span className="text-zinc-700">{repository.fullName}</span>
      </nav>
      <PageHeader
        title={repository.fullName}
        description={repository.description ?? undefined}
        actions={
          isAdmin ? (
            <RepositoryAdminActions
              fullName={repository.fullName}
              worth={repository.worthWorkingOn}
              actions={{
                approve: approveRepository,
                reject: rejectRepository,
                reanalyze: reanalyzeRepository,
              }}
            />
          ) : (
            <Badge>Read-only: admins approve and re-analyze</Badge>
          )
        }
      />

      <section
        aria-label="Verdict"
        data-testid="verdict"
        className="mt-4 rounded-lg border border-zinc-200 bg-white px-4 py-3"
      >
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <VerdictBadge worth={repository.worthWorkingOn} />
          <p className="text-zinc-800">
            {repository.analysisReason ?? "Not analyzed yet: run globallm analyze."}
          </p>
        </div>
        {byHand ? (
          <p className="mt-1 text-xs text-zinc-500">
            Set by hand by <span className="font-mono">{byHand.actor}</span> on {formatDateTime(byHand.at)}
            {analysis?.worth ? <> — the analysis said: {analysis.worth.reason}</> : null}
          </p>
        ) : null}
        <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-1 text-xs text-zinc-500">
          <Fact label="Language">{repository.language ?? "—"}</Fact>
          <Fact label="Domain">{domainLabel(repository.domain)}</Fact>
          <Fact label="Kind">{repository.projectKind ?? "—"}</Fact>
          <Fact label="Stars">{formatCount(repository.stars)}</Fact>
          <Fact label="Forks">{formatCount(repository.forks)}</Fact>
          <Fact label="Dependents">
            {repository.dependents === null ? "unknown" : formatCount(repository.dependents)}
          </Fact>
          <Fact label="Analyzed">{formatDateTime(repository.analyzedAt)}</Fact>
          <Fact label="Discovered">{formatDateTime(repository.discoveredAt)}</Fact>
          {repository.isArchived ? <Fact label="State">archived</Fact> : null}
        </dl>
      </section>

      {analysis ? (
        <div className="mt-4 grid grid-cols-1 gap-4">
          <ScoreBreakdown title="Health" score={analysis.health} threshold={analysis.thresholds?.health} />
          <ScoreBreakdown title="Impact" score={analysis.impact} threshold={analysis.thresholds?.impact} />
        </div>
      ) : (
        <p className="mt-4 rounded-lg border border-dashed border-zinc-300 bg-zinc-50/60 px-4 py-6 text-zinc-600">
          {repository.analysis
            ? "The stored analysis is in an older format; re-analyze to see its factors."
            : "No analysis yet: health and impact appear here after globallm analyze (or Re-analyze)."}
        </p>
      )}

      <div className="mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
        {signals ? <RepositorySignals signals={signals} /> : null}
        <RepositoryEvents events={events} />
      </div>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline">{label}: </dt>
      <dd className="inline text-zinc-900">{children}</dd>
    </div>
  );
}
