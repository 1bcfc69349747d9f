-- Migrations, before creating functions: bodies are not checked at creation (as pg_dump does), so the order of the
-- files in a migration does not matter; the tests call every function.
SET LOCAL check_function_bodies = off
