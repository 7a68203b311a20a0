-- A club always keeps an owner, whatever writes to users (the API, a script, a bug).
--
-- A row that stops being an active owner (ownership cleared, archived, or deleted) is checked:
-- when its organisation still exists and has no other active owner, the statement fails with a
-- check violation named users_owner_required. Transferring ownership sets the new owner first and
-- then clears the old one, so each statement leaves an owner. Deleting a whole organisation
-- (its rows go by cascade) is allowed: the organisation is gone by the time the check runs.
-- The function runs as the caller; under row-level security it sees the caller's organisation,
-- which is the only one a tenant transaction may change.
CREATE OR REPLACE FUNCTION loadline_owner_required() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM organisations WHERE id = OLD.organisation_id) THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM users
    WHERE organisation_id = OLD.organisation_id AND is_owner AND archived_at IS NULL
  ) THEN
    RAISE EXCEPTION 'an organisation must keep an owner'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'users_owner_required';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_owner_required
  AFTER UPDATE OF is_owner, archived_at ON users
  FOR EACH ROW
  WHEN (OLD.is_owner AND OLD.archived_at IS NULL AND (NOT NEW.is_owner OR NEW.archived_at IS NOT NULL))
  EXECUTE FUNCTION loadline_owner_required();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER users_owner_required_on_delete
  AFTER DELETE ON users
  FOR EACH ROW
  WHEN (OLD.is_owner AND OLD.archived_at IS NULL)
  EXECUTE FUNCTION loadline_owner_required();
--> statement-breakpoint
ALTER TABLE "email_changes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "email_changes_tenant_isolation" ON "email_changes" AS PERMISSIVE FOR ALL TO loadline_app
  USING ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)
  WITH CHECK ("organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid);
--> statement-breakpoint
-- Operators belong to no club: the app role gets nothing of the table (0006 granted every
-- table by default), so no tenant transaction can read an operator's password hash.
REVOKE ALL ON "operators" FROM loadline_app;
