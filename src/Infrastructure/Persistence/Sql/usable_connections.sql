-- Start-up: how many connections Postgres lets roles without superuser open at once (PoolCapacityCheck).
SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
