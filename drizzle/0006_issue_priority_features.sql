ALTER TABLE "issues" ADD COLUMN "solvability" real;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "urgency" real;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "uniqueness" real;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "low_value" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "feature_reasons" jsonb;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "category_confidence" real;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "category_source" text;