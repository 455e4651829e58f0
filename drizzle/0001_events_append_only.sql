-- The events table is an audit trail: rows are added, never changed or removed.
CREATE OR REPLACE FUNCTION globallm_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_append_only
  BEFORE UPDATE OR DELETE ON "events"
  FOR EACH ROW EXECUTE FUNCTION globallm_events_append_only();
