import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const eventSubjects = [
  "repository",
  "issue",
  "pull_request",
  "setting",
  "agent",
  "budget",
  "user",
] as const;
export type EventSubject = (typeof eventSubjects)[number];

/** Append-only audit of what happened and who did it (a trigger refuses updates and deletes). */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** `user:<login>`, `agent:<id>`, `cli:<os user>@<host>` or `system`. */
    actor: text("actor").notNull(),
    /** Dotted verb such as `setting.changed` or `issue.claimed`. */
    action: text("action").notNull(),
    subjectType: text("subject_type", { enum: eventSubjects }).notNull(),
    subjectId: text("subject_id").notNull(),
    data: jsonb("data"),
  },
  (table) => [
    index("events_subject_idx").on(table.subjectType, table.subjectId, table.at),
    index("events_at_idx").on(table.at),
  ],
);

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
