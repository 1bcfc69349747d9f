-- First start of the postgres service: the API's login, a member of the runtime role (ADR 0032). Migrations run as
-- friender, the owner, and grant friender_runtime the data but not the right to rewrite the audit trail.
CREATE ROLE friender_runtime NOLOGIN;
CREATE ROLE friender_app LOGIN PASSWORD 'friender' IN ROLE friender_runtime;
