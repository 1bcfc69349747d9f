#!/usr/bin/env bash
# make bench: a throwaway Postgres seeded with a million people and ten million swipes, the API in Release, and the
# load generator (bench/Friender.Bench), which writes docs/benchmarks.md. Takes several minutes, mostly seeding.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_apt "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3"
ensure_npm

WORK="$(mktemp -d /tmp/friender-bench.XXXXXX)"
chmod 755 "$WORK"
API_PID=""
cleanup() {
  trap "" PIPE
  [ -n "$API_PID" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null
  stop_s3 "$WORK/s3"
  stop_postgres "$WORK/postgres"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT="$(free_port)"
S3_PORT="$(free_port)"
API_PORT="$(free_port)"
log "starting Postgres (127.0.0.1:$PG_PORT) and s3rver (127.0.0.1:$S3_PORT) in $WORK"
PG_OPTIONS="-c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=16MB -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min -c max_connections=300" \
  start_postgres "$WORK/postgres" "$PG_PORT"
start_s3 "$WORK/s3" "$S3_PORT"

POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=friender;Password=friender;Command Timeout=0;Maximum Pool Size=200"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building (Release)"
dotnet build "$REPO_ROOT/Friender.sln" -c Release -nologo -clp:ErrorsOnly

log "seeding ${BENCH_USERS:-1000000} people and ${BENCH_SWIPES:-10000000} swipes"
dotnet "$REPO_ROOT/bench/Friender.Bench/bin/Release/net10.0/Friender.Bench.dll" seed --connection "$POSTGRES" \
  --users "${BENCH_USERS:-1000000}" --swipes "${BENCH_SWIPES:-10000000}"

# COPY writes around shared_buffers, so a freshly seeded database would answer from the OS page cache; a database
# that has been serving a million people holds its working set in shared_buffers (4 GB here, the data is ~3 GB).
log "loading tables and indexes into shared_buffers (pg_prewarm)"
PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender -qAt -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
  -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relkind IN ('r', 'i') AND c.relnamespace = 'public'::regnamespace" >/dev/null

log "starting the API on 127.0.0.1:$API_PORT"
ASPNETCORE_ENVIRONMENT=Production \
ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=friender;Password=friender;Maximum Pool Size=100" \
S3__ServiceUrl="http://127.0.0.1:$S3_PORT" \
Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)" \
LoginThrottle__MaxAttemptsPerAddress=100000 \
Logging__LogLevel__Default=Warning \
  dotnet "$REPO_ROOT/src/GraphQL/bin/Release/net10.0/Friender.GraphQL.dll" --urls "http://127.0.0.1:$API_PORT" \
  --contentRoot "$REPO_ROOT/src/GraphQL" >"$WORK/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 150); do
  http_ok "http://127.0.0.1:$API_PORT/readyz" && break
  kill -0 "$API_PID" 2>/dev/null || { cat "$WORK/api.log" >&2; die "the API did not start"; }
  sleep 0.2
done

log "measuring"
dotnet "$REPO_ROOT/bench/Friender.Bench/bin/Release/net10.0/Friender.Bench.dll" run --connection "$POSTGRES" \
  --api "http://127.0.0.1:$API_PORT" --out "$REPO_ROOT/docs/benchmarks.md"

# What Postgres alone sustains on this machine, with no API and no HTTP: the bound under the swipe rate above.
log "measuring Postgres alone (pgbench)"
PGB_ARGS=(-h 127.0.0.1 -p "$PG_PORT" -U friender -n -M prepared -c 16 -j 2 -T 10 -D "people=${BENCH_USERS:-1000000}")
PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender -qf "$REPO_ROOT/bench/pgbench/prepare.sql"
tps() { PGPASSWORD=friender "$PG_BIN/pgbench" "${PGB_ARGS[@]}" -f "$REPO_ROOT/bench/pgbench/$1" friender 2>/dev/null \
  | awk '/^tps/ { printf "%.0f", $3 }'; }
LOOKUP_TPS="$(tps lookup.pgb)"
SWIPE_TPS="$(tps record_swipe.pgb)"
cat >>"$REPO_ROOT/docs/benchmarks.md" <<MD
## Postgres alone

\`pgbench\` against the same database, 16 connections for 10 s each, no API and no HTTP: **$SWIPE_TPS record_swipe
calls/s** (a NO between two random people, one durable commit each) and **$LOOKUP_TPS primary-key lookups/s**, with
pgbench itself on the same cores. The swipe rate over HTTP is bounded by about the first number, whatever the API
does.
MD
log "wrote docs/benchmarks.md"
