-- The role the API runs as (ADR 0032): it reads and writes the data, and owns nothing, so table permissions bind it
-- (the owner and a superuser are above them). Migrations run as the owner; login roles for the API are members of
-- friender_runtime, made by the deployment (scripts/lib.sh start_postgres makes friender_app). Run by a migration
-- whenever a table needs other rights than the default below.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'friender_runtime') THEN
    CREATE ROLE friender_runtime NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO friender_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO friender_runtime;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO friender_runtime;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO friender_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO friender_runtime;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO friender_runtime;
-- The audit trail is append-only for the API: no UPDATE, DELETE or TRUNCATE (TRUNCATE was never granted).
REVOKE UPDATE, DELETE, TRUNCATE ON moderation_actions FROM friender_runtime;
