import type { BoardColumn } from "@/lib/assign/assignment-board";
import type { AssignmentStatus } from "@/lib/db/schema";

/** One kanban card as the browser receives it: plain JSON, dates as ISO text. */
export interface BoardCardView {
  issueId: number;
  repository: string;
  number: number;
  title: string;
  url: string | null;
  agentId: string | null;
  attempts: number;
  lastError: string | null;
  heartbeatAgeSeconds: number | null;
  stale: boolean;
  availableAfter: string | null;
  updatedAt: string;
}

export interface BoardColumnView {
  status: AssignmentStatus;
  total: number;
  cards: BoardCardView[];
}

/** What the page renders first and what `GET /api/assignments` answers on every poll. */
export interface BoardView {
  columns: BoardColumnView[];
  /** When the server read the board. */
  at: string;
}

export function toBoardView(columns: BoardColumn[], at = new Date()): BoardView {
  return {
    at: at.toISOString(),
    columns: columns.map((column) => ({
      status: column.status,
      total: column.total,
      cards: column.cards.map((card) => ({
        issueId: card.issueId,
        repository: card.repository,
        number: card.number,
        title: card.title,
        url: card.url,
        agentId: card.agentId,
        attempts: card.attempts,
        lastError: card.lastError,
        heartbeatAgeSeconds: card.heartbeatAgeSeconds,
        stale: card.stale,
        availableAfter: card.availableAfter?.toISOString() ?? null,
        updatedAt: card.updatedAt.toISOString(),
      })),
    })),
  };
}

/** "just now", "42 s", "7 min", "3 h", "2 d". */
export function formatAge(seconds: number): string {
  if (seconds < 2) return "just now";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}
