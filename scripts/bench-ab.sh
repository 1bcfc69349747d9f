#!/usr/bin/env bash
# make bench-ab BASE=<git revision> [RUNS=3] [B_ENV="NAME=value ..."]: make bench's discovery and swipe figures for
# BASE (A) and for this working tree (B), interleaved A B A B ..., each run against a fresh copy of one seeded database,
# so that a change can be told apart from the machine's noise. Prints each run and a summary (medians, B/A); about 8
# minutes a run after seeding. B_ENV is added to B's API environment only: with BASE=HEAD and a clean tree, it measures
# a runtime setting alone (B_ENV="DOTNET_gcServer=0", "DOTNET_TieredPGO=0").
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BASE="${1:-}"
RUNS="${2:-3}"
read -r -a B_ENV <<< "${3:-}"
[ -n "$BASE" ] || die "usage: make bench-ab BASE=<git revision> [RUNS=3] [B_ENV=\"NAME=value ...\"]"
git -C "$REPO_ROOT" rev-parse --verify -q "$BASE^{commit}" >/dev/null || die "no such revision: $BASE"

ensure_apt "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3"
ensure_npm

WORK="$(mktemp -d /tmp/friender-bench-ab.XXXXXX)"
chmod 755 "$WORK"
API_PIDS=()
cleanup() {
  trap "" PIPE
  for pid in "${API_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  stop_s3 "$WORK/s3"
  stop_postgres "$WORK/postgres"
  git -C "$REPO_ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "building A ($BASE) and B (this working tree), Release"
git -C "$REPO_ROOT" worktree add --detach -q "$WORK/base" "$BASE"
dotnet build "$WORK/base/Friender.sln" -c Release -nologo -clp:ErrorsOnly
dotnet build "$REPO_ROOT/Friender.sln" -c Release -nologo -clp:ErrorsOnly
home() { if [ "$1" = A ]; then echo "$WORK/base"; else echo "$REPO_ROOT"; fi; }

PG_PORT="$(free_port)"
S3_PORT="$(free_port)"
log "starting Postgres (127.0.0.1:$PG_PORT) and s3rver (127.0.0.1:$S3_PORT) in $WORK"
PG_OPTIONS="-c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=16MB -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min -c max_connections=300" \
  start_postgres "$WORK/postgres" "$PG_PORT"
start_s3 "$WORK/s3" "$S3_PORT"
psql_admin() { PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d postgres -qAt "$@"; }
connection() { echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=friender;Password=friender;Command Timeout=0"; }

log "seeding ${BENCH_USERS:-1000000} people and ${BENCH_SWIPES:-10000000} swipes once (B's seeder)"
psql_admin -c "CREATE DATABASE friender_seed"
dotnet "$REPO_ROOT/bench/Friender.Bench/bin/Release/net10.0/Friender.Bench.dll" seed --connection "$(connection friender_seed)" \
  --users "${BENCH_USERS:-1000000}" --swipes "${BENCH_SWIPES:-10000000}"
psql_admin -c "CHECKPOINT"

for run in $(seq 1 "$RUNS"); do
  for side in A B; do
    log "run $run of $RUNS, $side: a fresh copy of the seeded database, loaded into shared_buffers"
    psql_admin -c "DROP DATABASE IF EXISTS friender_run" -c "CREATE DATABASE friender_run TEMPLATE friender_seed"
    PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender_run -qAt \
      -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" -c "CHECKPOINT" \
      -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relkind IN ('r', 'i') AND c.relnamespace = 'public'::regnamespace" >/dev/null
    API_PORT="$(free_port)"
    API_HOME="$(home "$side")" start_api "$WORK/api-$side-$run.log" "$API_PORT" ASPNETCORE_ENVIRONMENT=Production \
      "ConnectionStrings__Postgres=Host=127.0.0.1;Port=$PG_PORT;Database=friender_run;Username=friender;Password=friender;Maximum Pool Size=100" \
      "S3__ServiceUrl=http://127.0.0.1:$S3_PORT" "Jwt__SigningKey=$(head -c 32 /dev/urandom | base64)" \
      LoginThrottle__MaxAttemptsPerAddress=100000 RateLimits__Enabled=false Logging__LogLevel__Default=Warning Bench__Endpoints=true \
      $( [ "$side" = B ] && printf '%s ' "${B_ENV[@]}" ) \
      || die "API $side did not start"
    dotnet "$(home "$side")/bench/Friender.Bench/bin/Release/net10.0/Friender.Bench.dll" run \
      --connection "$(connection friender_run)" --api "http://127.0.0.1:$API_PORT" --api-pid "$STARTED_PID" --out "$WORK/report-$side-$run.md" \
      | tee "$WORK/rows-$side-$run.txt"
    kill "$STARTED_PID" && wait "$STARTED_PID" 2>/dev/null || true
  done
done

# Each row "name: n=… p50=… p95=… p99=… max=… ms [=> N swipes/s]" per side and run; the summary takes medians.
echo
echo "A = $BASE ($(git -C "$REPO_ROOT" rev-parse --short "$BASE")), B = working tree on $(git -C "$REPO_ROOT" rev-parse --short HEAD)${B_ENV[*]:+ with ${B_ENV[*]}}; $RUNS runs each, interleaved; medians over runs"
echo
echo "| run | A p50 ms | B p50 ms | B/A p50 | A p99 ms | B p99 ms | B/A p99 | A per s | B per s | B/A per s |"
echo "|---|---|---|---|---|---|---|---|---|---|"
cat "$WORK"/rows-*.txt | grep -E '^[a-z].*: n=' | sed -E 's/: n=.*//' | awk '!seen[$0]++' | while read -r name; do
  # A row only one side prints (a measurement B added) has no median on the other: grep finds nothing, which is fine.
  stat() { # side field -> median over runs
    { grep -h -F "$name: n=" "$WORK"/rows-"$1"-*.txt || true; } | sed -E "s/.* $2=([0-9.]+).*/\\1/" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; else print "" }'
  }
  rate() {
    { grep -h -F "$name: n=" "$WORK"/rows-"$1"-*.txt || true; } | sed -nE 's/.*=> ([0-9]+) .*/\1/p' | sort -g | awk '{ v[NR] = $1 } END { if (NR) print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; else print "" }'
  }
  a50="$(stat A p50)"; b50="$(stat B p50)"; a99="$(stat A p99)"; b99="$(stat B p99)"; ar="$(rate A)"; br="$(rate B)"
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b != "") printf "%.2f", b / a; else printf "" }'; }
  echo "| $name | $a50 | $b50 | $(ratio "$a50" "$b50") | $a99 | $b99 | $(ratio "$a99" "$b99") | $ar | $br | $(ratio "$ar" "$br") |"
done
