#!/usr/bin/env bash
# make bench: a throwaway Postgres seeded with a million people and ten million swipes, the API in Release, and the
# load generator (bench/Friender.Bench), which writes docs/benchmarks.md. Takes several minutes, mostly seeding.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_apt "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" redis-server
ensure_npm

WORK="$(mktemp -d /tmp/friender-bench.XXXXXX)"
chmod 755 "$WORK"
API_PIDS=()
REDIS_PORT=""
cleanup() {
  trap "" PIPE
  for pid in "${API_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  [ -n "$REDIS_PORT" ] && redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
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

# A town first, seeded the same way at a hundredth of the size: discovery must be no slower there than in the country
# (the planner's guesses change with the size of the tables). Its discover figures go beside the full run's.
TOWN_USERS="${BENCH_TOWN_USERS:-10000}"
TOWN="Host=127.0.0.1;Port=$PG_PORT;Database=friender_town;Username=friender;Password=friender;Command Timeout=0"
log "seeding a town of $TOWN_USERS people"
PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender -qc "CREATE DATABASE friender_town"
dotnet "$REPO_ROOT/bench/Friender.Bench/bin/Release/net10.0/Friender.Bench.dll" seed --connection "$TOWN" \
  --users "$TOWN_USERS" --swipes "$((TOWN_USERS * 10))"
TOWN_PORT="$(free_port)"
start_api "$WORK/api-town.log" "$TOWN_PORT" ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Postgres=$TOWN;Maximum Pool Size=100" \
  "S3__ServiceUrl=http://127.0.0.1:$S3_PORT" "Jwt__SigningKey=$(head -c 32 /dev/urandom | base64)" \
  LoginThrottle__MaxAttemptsPerAddress=100000 RateLimits__Enabled=false Logging__LogLevel__Default=Warning || die "the town's API did not start"
log "measuring discovery in the town"
dotnet "$REPO_ROOT/bench/Friender.Bench/bin/Release/net10.0/Friender.Bench.dll" run \
  --connection "$TOWN" --api "http://127.0.0.1:$TOWN_PORT" --rows-out "$WORK/town.json"
kill "$STARTED_PID" && wait "$STARTED_PID" 2>/dev/null || true

log "seeding ${BENCH_USERS:-1000000} people and ${BENCH_SWIPES:-10000000} swipes"
dotnet "$REPO_ROOT/bench/Friender.Bench/bin/Release/net10.0/Friender.Bench.dll" seed --connection "$POSTGRES" \
  --users "${BENCH_USERS:-1000000}" --swipes "${BENCH_SWIPES:-10000000}"

# COPY writes around shared_buffers, so a freshly seeded database would answer from the OS page cache; a database
# that has been serving a million people holds its working set in shared_buffers (4 GB here, the data is ~3 GB).
log "loading tables and indexes into shared_buffers (pg_prewarm)"
PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender -qAt -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm" \
  -c "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relkind IN ('r', 'i') AND c.relnamespace = 'public'::regnamespace" >/dev/null
# Seeding dirtied gigabytes of pages; without this, the checkpoint that writes them out lands somewhere in the runs below.
PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender -qAt -c "CHECKPOINT"
FENCED_AT="$(wc -l < "$WORK/postgres/server.log")"

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=friender;Password=friender;Maximum Pool Size=100"
export S3__ServiceUrl="http://127.0.0.1:$S3_PORT"
export Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)"
export LoginThrottle__MaxAttemptsPerAddress=100000 RateLimits__Enabled=false Bench__Endpoints=true Logging__LogLevel__Default=Warning

log "starting the API on 127.0.0.1:$API_PORT"
start_api "$WORK/api.log" "$API_PORT" || die "the API did not start"
API_PID=$STARTED_PID

# The runner rewrites docs/benchmarks.md; make cluster-bench's section is kept as it is and put back at the end, and
# the previous run's headline figures go beside this run's in the targets.
cp "$REPO_ROOT/docs/benchmarks.md" "$WORK/previous.md" 2>/dev/null || : > "$WORK/previous.md"
FACTS="$WORK/facts.env"
: > "$FACTS"
sed -n '/<!-- cluster-bench -->/,/<!-- \/cluster-bench -->/p' "$REPO_ROOT/docs/benchmarks.md" > "$WORK/cluster-section.md" 2>/dev/null || true

log "measuring"
dotnet "$REPO_ROOT/bench/Friender.Bench/bin/Release/net10.0/Friender.Bench.dll" run --connection "$POSTGRES" \
  --api "http://127.0.0.1:$API_PORT" --api-pid "$API_PID" --out "$REPO_ROOT/docs/benchmarks.md" --compare "$WORK/town.json" --facts "$FACTS"

# What Postgres alone sustains on this machine, with no API and no HTTP: the bound under the swipe rate above.
log "measuring Postgres alone (pgbench)"
PGB_ARGS=(-h 127.0.0.1 -p "$PG_PORT" -U friender -n -M prepared -c 16 -j 2 -T 10 -D "people=${BENCH_USERS:-1000000}")
PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender -qf "$REPO_ROOT/bench/pgbench/prepare.sql"
psql_bench() { PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender -qAt "$@"; }
# CPU ticks (10 ms) so far: the machine's busy ticks, and Postgres's (the postmaster, its children, and the children
# it reaped: pgbench's backends end with it); the database's commits; the cluster's WAL flushes, full-page images and bytes.
counters() {
  local postmaster
  postmaster="$(head -1 "$WORK/postgres/postmaster.pid")"
  echo "$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat)" \
    "$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$postmaster" '{ pid = $1; sub(/^.*\) /, "")
        if (pid == pm) s += $12 + $13 + $14 + $15; else if ($2 == pm) s += $12 + $13 } END { print s + 0 }')" \
    "$(psql_bench -F ' ' -c "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = 'friender'), wal_sync, wal_fpi, wal_bytes FROM pg_stat_wal")"
}
# pgbench_run VAR SCRIPT: runs SCRIPT; sets VAR to transactions/s, VAR_MACHINE_MS and VAR_PG_MS to CPU milliseconds
# per transaction (everything on the machine; Postgres alone), VAR_PER_FLUSH to commits per WAL flush, VAR_FPI and
# VAR_WAL_KB to full-page images and kilobytes of WAL per commit.
pgbench_run() {
  local before after _tps
  read -r -a before <<< "$(counters)"
  _tps="$(PGPASSWORD=friender "$PG_BIN/pgbench" "${PGB_ARGS[@]}" -f "$REPO_ROOT/bench/pgbench/$2" friender 2>/dev/null \
    | awk '/^tps/ { printf "%.0f", $3 }')"
  read -r -a after <<< "$(counters)"
  printf -v "$1" '%s' "$_tps"
  printf -v "$1_MACHINE_MS" '%s' "$(awk -v t="$((after[0] - before[0]))" -v r="$_tps" 'BEGIN { printf "%.2f", (r > 0 ? t / r : 0) }')"
  printf -v "$1_PG_MS" '%s' "$(awk -v t="$((after[1] - before[1]))" -v r="$_tps" 'BEGIN { printf "%.2f", (r > 0 ? t / r : 0) }')"
  printf -v "$1_PER_FLUSH" '%s' "$(awk -v c="$((after[2] - before[2]))" -v f="$((after[3] - before[3]))" 'BEGIN { printf "%.1f", c / (f > 0 ? f : 1) }')"
  printf -v "$1_FPI" '%s' "$(awk -v c="$((after[2] - before[2]))" -v i="$((after[4] - before[4]))" 'BEGIN { printf "%.2f", i / (c > 0 ? c : 1) }')"
  printf -v "$1_WAL_KB" '%s' "$(awk -v c="$((after[2] - before[2]))" -v b="$((after[5] - before[5]))" 'BEGIN { printf "%.1f", b / 1024 / (c > 0 ? c : 1) }')"
}
tps() { local measured; pgbench_run measured "$1"; echo "$measured"; }
LOOKUP_TPS="$(tps lookup.pgb)"
pgbench_run SWIPE_TPS record_swipe.pgb
# Group commit by Postgres itself: a committing backend waits commit_delay µs for others (when commit_siblings = 5
# are in transactions) so that one WAL flush covers them all.
psql_bench -c "ALTER SYSTEM SET commit_delay = 1000" -c "SELECT pg_reload_conf()" >/dev/null
pgbench_run SWIPE_DELAYED_TPS record_swipe.pgb
psql_bench -c "ALTER SYSTEM RESET commit_delay" -c "SELECT pg_reload_conf()" >/dev/null
cat >>"$REPO_ROOT/docs/benchmarks.md" <<MD
## Postgres alone

\`pgbench\` against the same database, 16 connections for 10 s each, no API and no HTTP: **$SWIPE_TPS record_swipe
calls/s** (a NO between two random people, one durable commit each) and **$LOOKUP_TPS primary-key lookups/s**, with
pgbench itself on the same cores. The swipe rate over HTTP is bounded by about the first number, whatever the API
does. Each \`record_swipe\` cost $SWIPE_TPS_PG_MS ms of Postgres CPU and $SWIPE_TPS_MACHINE_MS ms of the whole machine's
(pgbench included), and $SWIPE_TPS_PER_FLUSH commits shared each WAL flush; each commit wrote $SWIPE_TPS_WAL_KB kB of WAL with
$SWIPE_TPS_FPI full-page images (the first change to a page after a checkpoint copies the page). With \`commit_delay = 1000\` (µs; Postgres's
own group commit): **$SWIPE_DELAYED_TPS calls/s**, $SWIPE_DELAYED_TPS_PER_FLUSH commits per flush.
MD

log "mixed load for 60 s, and GraphQL against a static endpoint of the same process"
node "$REPO_ROOT/bench/mixed.mjs" --api "http://127.0.0.1:$API_PORT" --api-pid "$API_PID" --out "$REPO_ROOT/docs/benchmarks.md" >/dev/null

log "starting a second API replica for messaging across replicas"
API_B_PORT="$(free_port)"
start_api "$WORK/api-b.log" "$API_B_PORT" || die "the second replica did not start"

log "measuring messaging: 1,000 subscriptions over two replicas, latency, losses, memory per socket"
node "$REPO_ROOT/bench/messaging.mjs" --api "http://127.0.0.1:$API_PORT" --api-b "http://127.0.0.1:$API_B_PORT" \
  --api-pid "$API_PID" --out "$REPO_ROOT/docs/benchmarks.md" --facts "$FACTS" >/dev/null
API_B_PID=$STARTED_PID

# The fan-out's ceiling: NOTIFYs per second with both replicas listening (they decode and drop what no socket of theirs
# wants), alone and inside a transaction that writes a row as sendMessage does; then Redis PUBLISH with two
# subscribers on the same cores, the alternative behind the same port.
log "measuring the NOTIFY fan-out and Redis pub/sub"
PGPASSWORD=friender "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U friender -d friender -qc \
  "CREATE TABLE IF NOT EXISTS bench_notified (id bigserial PRIMARY KEY, body text)"
NOTIFY_TPS="$(tps notify.pgb)"
pgbench_run NOTIFY_TX_TPS notify_in_transaction.pgb
psql_bench -c "ALTER SYSTEM SET commit_delay = 1000" -c "SELECT pg_reload_conf()" >/dev/null
pgbench_run NOTIFY_TX_DELAYED_TPS notify_in_transaction.pgb
psql_bench -c "ALTER SYSTEM RESET commit_delay" -c "SELECT pg_reload_conf()" >/dev/null
REDIS_PORT="$(free_port)"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
sleep 0.5
SUBSCRIBERS=()
for _ in 1 2; do redis-cli -p "$REDIS_PORT" subscribe friender_events >/dev/null 2>&1 & SUBSCRIBERS+=($!); done
sleep 0.5
PAYLOAD='{"k":"typing","r":"0193a4b2-0000-7000-8000-000000000001","m":"0193a4b2-0000-7000-8000-000000000002","x":"0193a4b2-0000-7000-8000-000000000003"}'
REDIS_RPS="$(redis-benchmark -p "$REDIS_PORT" -c 16 -n 300000 -q PUBLISH friender_events "$PAYLOAD" 2>/dev/null \
  | tr '\r' '\n' | grep -o '[0-9.]* requests per second' | tail -1 | awk '{ printf "%.0f", $1 }')"
kill "${SUBSCRIBERS[@]}" 2>/dev/null || true
cat >>"$REPO_ROOT/docs/benchmarks.md" <<MD
## Live-event fan-out

\`pgbench\`, 16 connections for 10 s, with both API replicas listening: **$NOTIFY_TPS NOTIFYs/s** on their own (what
\`setTyping\` costs) and **$NOTIFY_TX_TPS transactions/s** that insert a row and NOTIFY in one commit (the shape of
\`sendMessage\`), $NOTIFY_TX_TPS_PER_FLUSH commits per WAL flush; with \`commit_delay = 1000\`, $NOTIFY_TX_DELAYED_TPS/s
($NOTIFY_TX_DELAYED_TPS_PER_FLUSH per flush). Postgres serialises notifying commits on one queue lock, held through each one's
flush, so this is a ceiling for the whole cluster, whatever the number of API replicas. \`redis-benchmark\` PUBLISH of the same payload to two subscribers, 16 clients:
**$REDIS_RPS publishes/s**.

MD

# The same messaging load with live events over Redis pub/sub instead of NOTIFY (the cluster's fan-out, ADR 0028):
# two fresh replicas on the same Postgres and the Redis above.
log "messaging again through Redis fan-out: two fresh replicas"
for pid in "$API_PID" "$API_B_PID"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
API_C_PORT="$(free_port)"
API_D_PORT="$(free_port)"
start_api "$WORK/api-c.log" "$API_C_PORT" "ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT" || die "the Redis replica did not start"
API_C_PID=$STARTED_PID
start_api "$WORK/api-d.log" "$API_D_PORT" "ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT" || die "the second Redis replica did not start"
node "$REPO_ROOT/bench/messaging.mjs" --api "http://127.0.0.1:$API_C_PORT" --api-b "http://127.0.0.1:$API_D_PORT" \
  --api-pid "$API_C_PID" --fan-out Redis --out "$REPO_ROOT/docs/benchmarks.md" --facts "$FACTS" >/dev/null

# The targets (issue: writes per core): ratios within this one run, beside the previous run's where it had them.
# shellcheck disable=SC1090
source "$FACTS"
previous() { grep -o "$1" "$WORK/previous.md" | head -1 | grep -o '[0-9][0-9]*' | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b != "") printf "%.2f", b / a; else printf "–" }'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { if (r == "–") print "–"; else if (r + 0 >= t) print "met"; else print "**missed**" }'; }
PREV_SWIPES="$(previous '\*\*[0-9]* swipes/s')"
PREV_SWIPE_TPS="$(previous '\*\*[0-9]* record_swipe')"
PREV_MESSAGES="$(previous '\*\*[0-9]* messages/s\*\*')"
PREV_NOTIFY_TX="$(previous '\*\*[0-9]* transactions/s\*\*')"
SWIPE_RATIO="$(ratio "$SWIPE_TPS" "$SWIPES_PER_S")"
MESSAGE_RATIO="$(ratio "$NOTIFY_TX_TPS" "$MESSAGES_PER_S")"
REDIS_RATIO="$(ratio "$NOTIFY_TX_TPS" "$REDIS_MESSAGES_PER_S")"
TOKEN_RATIO="$(ratio "$ANON_TYPENAME_PER_S" "$AUTH_TYPENAME_PER_S")"
TARGETS="$(cat <<MD
## Targets: writes per core

Ratios within this run, on this machine, load generator included; the previous run's figures are read from the
\`docs/benchmarks.md\` this run replaced.

| target | this run | ratio | wanted | previous run |
|---|---|---|---|---|
| \`swipe\` over HTTP / \`record_swipe\` under \`pgbench\` | $SWIPES_PER_S / $SWIPE_TPS per s | **$SWIPE_RATIO** | ≥ 0.6 ($(verdict "$SWIPE_RATIO" 0.6)) | ${PREV_SWIPES:-?} / ${PREV_SWIPE_TPS:-?}: $(ratio "${PREV_SWIPE_TPS:-0}" "${PREV_SWIPES:-}") |
| \`sendMessage\` flat out, 1,008 subscriptions on two replicas, NOTIFY / insert+NOTIFY under \`pgbench\` | $MESSAGES_PER_S / $NOTIFY_TX_TPS per s, $MESSAGES_LOST lost | **$MESSAGE_RATIO** | ≥ 0.5, 0 lost ($(verdict "$MESSAGE_RATIO" 0.5)) | ${PREV_MESSAGES:-?} / ${PREV_NOTIFY_TX:-?}: $(ratio "${PREV_NOTIFY_TX:-0}" "${PREV_MESSAGES:-}") |
| the same through Redis fan-out / the same \`pgbench\` ceiling | $REDIS_MESSAGES_PER_S / $NOTIFY_TX_TPS per s, $REDIS_MESSAGES_LOST lost | **$REDIS_RATIO** | reported beside it | – |
| authenticated / anonymous \`{ __typename }\` | $AUTH_TYPENAME_PER_S / $ANON_TYPENAME_PER_S per s | **$TOKEN_RATIO** | ≥ 0.8 ($(verdict "$TOKEN_RATIO" 0.8)) | – |

Where the cores went: during the HTTP swipe run the machine was $SWIPE_BUSY% busy and spent **$SWIPE_MACHINE_MS ms of CPU per
swipe** (API $SWIPE_API_MS, Postgres $SWIPE_PG_MS, load generator $SWIPE_GEN_MS; the discover requests between swipes included),
against **$SWIPE_TPS_MACHINE_MS ms per \`record_swipe\`** under \`pgbench\` (Postgres $SWIPE_TPS_PG_MS). On a saturated machine the
swipe ratio cannot pass their ratio, $(ratio "$SWIPE_MACHINE_MS" "$SWIPE_TPS_MACHINE_MS"). WAL flushes were shared by $SWIPE_COMMITS_PER_FLUSH commits each over
HTTP and $SWIPE_TPS_PER_FLUSH under \`pgbench\`, and each commit wrote $SWIPE_WAL_KB and $SWIPE_TPS_WAL_KB kB of WAL ($SWIPE_FPI and
$SWIPE_TPS_FPI full-page images; \`pgbench\`'s pairs are random among everyone, so nearly every one lands on another page of
the swipes index); \`commit_delay = 1000\` took swipes over HTTP from $SWIPES_PER_S to $SWIPES_DELAYED_PER_S/s (a second 20 s run), \`record_swipe\` from $SWIPE_TPS to $SWIPE_DELAYED_TPS calls/s
and insert+NOTIFY from $NOTIFY_TX_TPS to $NOTIFY_TX_DELAYED_TPS.

Sending messages flat out, the machine was $MESSAGES_BUSY% busy over \`NOTIFY\` and $REDIS_MESSAGES_BUSY% over Redis:
**$MESSAGES_CPU_MS and $REDIS_MESSAGES_CPU_MS ms of CPU per message** with its 12 deliveries (both replicas, Postgres and the load
generator receiving every delivery), against $NOTIFY_TX_TPS_MACHINE_MS ms per insert+NOTIFY under \`pgbench\`.

$(tail -n +"$((FENCED_AT + 1))" "$WORK/postgres/server.log" | grep -c 'checkpoint starting' || true) checkpoints started during the measurements
(\`log_checkpoints\`), after the one that wrote out the seeding.

Live delivery at a steady 50 messages/s: p99 **$MESSAGES_STEADY_P99 ms** over NOTIFY, **$REDIS_MESSAGES_STEADY_P99 ms** over
Redis; flat out, p99 $MESSAGES_FLAT_P99 and $REDIS_MESSAGES_FLAT_P99 ms. Discovery before and after a change is
compared by \`make bench-ab\` (interleaved runs on one seeded database), not here.

MD
)"
echo "$TARGETS" >> "$REPO_ROOT/docs/benchmarks.md"
[ -s "$WORK/cluster-section.md" ] && { echo; cat "$WORK/cluster-section.md"; } >> "$REPO_ROOT/docs/benchmarks.md"
echo "$TARGETS"
log "wrote docs/benchmarks.md"
