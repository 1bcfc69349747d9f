-- Readiness: Postgres answers.
SELECT 1
