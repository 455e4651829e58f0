CREATE TABLE "issue_model_verdicts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"issue_id" bigint NOT NULL,
	"issue_updated_at" timestamp with time zone NOT NULL,
	"model" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"confidence" real NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issue_model_verdicts" ADD CONSTRAINT "issue_model_verdicts_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issue_model_verdicts_version_idx" ON "issue_model_verdicts" USING btree ("issue_id","issue_updated_at","model");