import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { repositories } from "./repositories";

/**
 * The latest redundancy verdict for each pair of stored repositories (`globallm redundancy`); read
 * by the uniqueness factor of prioritization. One row per unordered pair: the smaller id is
 * always `repository_a_id`, so a pair cannot be stored twice the other way round.
 */
export const redundancyPairs = pgTable(
  "redundancy_pairs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    repositoryAId: bigint("repository_a_id", { mode: "number" })
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    repositoryBId: bigint("repository_b_id", { mode: "number" })
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    similarity: real("similarity").notNull(),
    /** similarity ≥ threshold at the time of computing. */
    redundant: boolean("redundant").notNull(),
    threshold: real("threshold").notNull(),
    /** deprecate-the-weaker, consolidate, collaborate or keep-both. */
    recommendation: text("recommendation").notNull(),
    reason: text("reason").notNull(),
    /** Full name of the stronger repository when one should be deprecated in its favour. */
    stronger: text("stronger"),
    /** The similarity signals (text, concepts, name, topics) the verdict came from. */
    signals: jsonb("signals"),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("redundancy_pairs_pair_idx").on(table.repositoryAId, table.repositoryBId),
    index("redundancy_pairs_b_idx").on(table.repositoryBId),
    index("redundancy_pairs_redundant_idx").on(table.redundant).where(sql`${table.redundant}`),
    check("redundancy_pairs_ordered", sql`${table.repositoryAId} < ${table.repositoryBId}`),
  ],
);

export type RedundancyPairRow = typeof redundancyPairs.$inferSelect;
export type NewRedundancyPairRow = typeof redundancyPairs.$inferInsert;
