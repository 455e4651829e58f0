import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const repositories = pgTable(
  "repositories",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** OWNER/NAME as GitHub spells it; unique regardless of case. */
    fullName: text("full_name").notNull(),
    /** lower(full_name): what uniqueness and lookups use, since GitHub names are case-insensitive. */
    fullNameKey: text("full_name_key").notNull().generatedAlwaysAs(sql`lower(full_name)`),
    description: text("description"),
    language: text("language"),
    domain: text("domain"),
    topics: text("topics").array().notNull().default(sql`'{}'::text[]`),
    license: text("license"),
    /** library, application, documentation, awesome-list or other (see lib/scoring/project-kind). */
    projectKind: text("project_kind"),
    stars: integer("stars").notNull().default(0),
    forks: integer("forks").notNull().default(0),
    /** Known dependents from the package ecosystem; null when unknown (never read as zero). */
    dependents: integer("dependents"),
    isFork: boolean("is_fork").notNull().default(false),
    isArchived: boolean("is_archived").notNull().default(false),
    defaultBranch: text("default_branch"),
    healthScore: real("health_score"),
    impactScore: real("impact_score"),
    /** Null until analyzed; then health and impact above their thresholds (or set by hand). */
    worthWorkingOn: boolean("worth_working_on"),
    analysisReason: text("analysis_reason"),
    /** Each factor of health and impact with its raw value, weight and reason. */
    analysis: jsonb("analysis"),
    /** The measured RepositorySignals the scores were computed from. */
    signals: jsonb("signals"),
    analyzedAt: timestamp("analyzed_at", { withTimezone: true }),
    discoveredAt: timestamp("discovered_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** The raw GitHub payload, for fields not (yet) promoted to columns. */
    data: jsonb("data"),
  },
  (table) => [
    uniqueIndex("repositories_full_name_key_idx").on(table.fullNameKey),
    index("repositories_worth_working_on_idx").on(table.worthWorkingOn),
    index("repositories_language_idx").on(table.language),
    index("repositories_stars_idx").on(table.stars),
    // The Repositories page sorts and filters by these (measured in bench/repositories-page.ts).
    index("repositories_health_score_idx").on(table.healthScore.desc().nullsLast(), table.id),
    index("repositories_impact_score_idx").on(table.impactScore.desc().nullsLast(), table.id),
    index("repositories_analyzed_at_idx").on(table.analyzedAt.desc().nullsLast(), table.id),
    index("repositories_language_lower_idx").on(sql`lower(${table.language})`),
    index("repositories_domain_idx").on(table.domain),
    // Substring search (ILIKE '%term%') over names and descriptions; needs pg_trgm.
    index("repositories_full_name_trgm_idx").using("gin", sql`${table.fullName} gin_trgm_ops`),
    index("repositories_description_trgm_idx").using("gin", sql`${table.description} gin_trgm_ops`),
  ],
);

export type Repository = typeof repositories.$inferSelect;
export type NewRepository = typeof repositories.$inferInsert;
