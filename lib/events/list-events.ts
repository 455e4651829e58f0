import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import { type Event, type EventSubject, events } from "../db/schema";

export interface ListEventsParams {
  subjectType: EventSubject;
  /** As recorded: a repository's OWNER/NAME as GitHub spelled it, a setting's key, …; or several. */
  subjectId: string | string[];
  /** Newest first; at most this many (default 20, capped at 200). */
  limit?: number;
}

/** The latest audit events about one subject (or a few), newest first (served by events_subject_idx). */
export async function listEvents(db: Database, params: ListEventsParams): Promise<Event[]> {
  const limit = Math.min(Math.max(params.limit ?? 20, 1), 200);
  return db
    .select()
    .from(events)
    .where(
      and(
        eq(events.subjectType, params.subjectType),
        Array.isArray(params.subjectId)
          ? inArray(events.subjectId, params.subjectId)
          : eq(events.subjectId, params.subjectId),
      ),
    )
    .orderBy(desc(events.at), desc(events.id))
    .limit(limit);
}
