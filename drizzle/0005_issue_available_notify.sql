-- Idle workers LISTEN on this channel, so an issue that becomes claimable (new, released, retried)
-- wakes them at once instead of at their next poll. Claims and completions do not notify: NOTIFY
-- serialises committing transactions, which would cap claim throughput.
CREATE OR REPLACE FUNCTION globallm_notify_issue_available() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('globallm_issue_available', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER issues_available_on_insert
  AFTER INSERT ON "issues"
  FOR EACH ROW WHEN (NEW.assignment_status = 'available')
  EXECUTE FUNCTION globallm_notify_issue_available();
--> statement-breakpoint
CREATE TRIGGER issues_available_on_update
  AFTER UPDATE OF assignment_status ON "issues"
  FOR EACH ROW WHEN (NEW.assignment_status = 'available' AND OLD.assignment_status <> 'available')
  EXECUTE FUNCTION globallm_notify_issue_available();
