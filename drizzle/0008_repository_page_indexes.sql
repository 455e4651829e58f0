-- Trigram indexes serve ILIKE substring search; pg_trgm is a trusted extension (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "repositories_health_score_idx" ON "repositories" USING btree ("health_score" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "repositories_impact_score_idx" ON "repositories" USING btree ("impact_score" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "repositories_analyzed_at_idx" ON "repositories" USING btree ("analyzed_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "repositories_language_lower_idx" ON "repositories" USING btree (lower("language"));--> statement-breakpoint
CREATE INDEX "repositories_domain_idx" ON "repositories" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "repositories_full_name_trgm_idx" ON "repositories" USING gin ("full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "repositories_description_trgm_idx" ON "repositories" USING gin ("description" gin_trgm_ops);