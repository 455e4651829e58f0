CREATE TABLE "redundancy_pairs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"repository_a_id" bigint NOT NULL,
	"repository_b_id" bigint NOT NULL,
	"similarity" real NOT NULL,
	"redundant" boolean NOT NULL,
	"threshold" real NOT NULL,
	"recommendation" text NOT NULL,
	"reason" text NOT NULL,
	"stronger" text,
	"signals" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "redundancy_pairs_ordered" CHECK ("redundancy_pairs"."repository_a_id" < "redundancy_pairs"."repository_b_id")
);
--> statement-breakpoint
ALTER TABLE "redundancy_pairs" ADD CONSTRAINT "redundancy_pairs_repository_a_id_repositories_id_fk" FOREIGN KEY ("repository_a_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redundancy_pairs" ADD CONSTRAINT "redundancy_pairs_repository_b_id_repositories_id_fk" FOREIGN KEY ("repository_b_id") REFERENCES "public"."repositories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "redundancy_pairs_pair_idx" ON "redundancy_pairs" USING btree ("repository_a_id","repository_b_id");--> statement-breakpoint
CREATE INDEX "redundancy_pairs_b_idx" ON "redundancy_pairs" USING btree ("repository_b_id");--> statement-breakpoint
CREATE INDEX "redundancy_pairs_redundant_idx" ON "redundancy_pairs" USING btree ("redundant") WHERE "redundancy_pairs"."redundant";