.PHONY: run replica cluster failover test build bench bench-ab cluster-bench clean sql-migration grant-moderator revoke-moderator

# Installs what is missing, starts Postgres+PostGIS and s3rver under .data/, migrates, seeds demo users and serves
# http://localhost:5000/graphql (Banana Cake Pop at /graphql/ui/). Ctrl-C stops everything; data survives.
run:
	@bash scripts/run.sh

# One more API process (PORT=5001 by default) on the Postgres and S3 that make run started: watch a message sent
# through one replica arrive on the other.
replica:
	@bash scripts/replica.sh

# The production topology on one machine: HAProxy on :8080, three API replicas, PgBouncer, a Postgres primary and a
# hot standby, s3rver; data under .data/cluster. Ctrl-C stops everything; data survives.
cluster:
	@bash scripts/cluster.sh

# With make cluster running: stop the Postgres primary, promote the standby, point PgBouncer at it; no API restart.
failover:
	@bash scripts/failover.sh

# Starts throwaway Postgres and s3rver on free ports, runs every test suite, stops them, fails on any failure.
test:
	@bash scripts/test.sh

# Seeds a million people and ten million swipes into a throwaway Postgres, measures discover and swipe over HTTP and
# the discovery SQL alone, and writes docs/benchmarks.md. Several minutes.
bench:
	@bash scripts/bench.sh

# make cluster on free ports, measured through HAProxy twice (Redis fan-out and standby reads, then NOTIFY and the
# primary only): 3,000 live subscriptions, messages at 100/s and flat out, discovery, CPU and memory per replica.
# Writes the cluster section of docs/benchmarks.md. About six minutes.
cluster-bench:
	@bash scripts/cluster-bench.sh

# make bench's discovery and swipe figures for BASE and for the working tree, interleaved RUNS times each (default 3),
# each on a fresh copy of one seeded database: is a change faster, slower, or within the noise? About an hour.
# B_ENV="NAME=value" is given to B's API only (BASE=HEAD B_ENV="DOTNET_gcServer=0" measures a runtime setting).
bench-ab:
	@bash scripts/bench-ab.sh "$(BASE)" "$(or $(RUNS),3)" "$(B_ENV)"

# With make run going: makes ACCOUNT (a username) a moderator, or stops them being one; "moderator" is one already.
grant-moderator revoke-moderator:
	@bash scripts/moderator.sh $@ "$(ACCOUNT)"

# After editing a file in src/Infrastructure/Persistence/Sql/Functions: writes the migration that applies it.
sql-migration:
	@bash scripts/sql-migration.sh "$(NAME)"

build:
	dotnet build Friender.sln -c Release
