import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Team-wide settings shared by the CLI, the web app and every worker. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").notNull(),
});

export type SettingRow = typeof settings.$inferSelect;
