-- The re-assessment queue (pg-boss, schema pgboss) as part of a tenant procedure's transaction.
--
-- Every tenant procedure runs in one transaction as loadline_app (0006, withOrganisation), and
-- the jobs it queues are written through that transaction, so a job exists if and only if the
-- procedure's writes committed (the transactional outbox). loadline_app therefore needs to queue
-- (insert into pgboss.job, reading pgboss.queue for the queue's settings), to see whether a job
-- is still open (select) and to move a scheduled run (update). Nothing else: pg-boss's own work
-- (install, maintenance, fetch and complete) runs as the owner on the database's own connection.
--
-- pg-boss creates its schema and tables at its first start, after the migrations, as the same
-- owner: the schema is created here if need be (pg-boss installs with CREATE SCHEMA IF NOT
-- EXISTS) so the default privileges below cover the tables it creates later, and tables that
-- already exist get the grants now. The job rows hold organisation and athlete ids, nothing
-- clinical; they have no row-level security.
CREATE SCHEMA IF NOT EXISTS pgboss;
--> statement-breakpoint
GRANT USAGE ON SCHEMA pgboss TO loadline_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA pgboss TO loadline_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE ON TABLES TO loadline_app;
