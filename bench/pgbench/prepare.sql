-- make bench: numbered user ids, so pgbench scripts can pick random people.
CREATE TABLE IF NOT EXISTS bench_people AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM users;
CREATE UNIQUE INDEX IF NOT EXISTS bench_people_n ON bench_people (n);
ANALYZE bench_people;
