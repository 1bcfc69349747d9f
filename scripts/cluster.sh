#!/usr/bin/env bash
# make cluster: the production topology on one machine, every piece from Debian's packages or this repository, data
# under .data/cluster (a second run finds it again), Ctrl-C stops everything:
#   HAProxy :8080 -> three API replicas :5001-5003 (one JWT key) -> PgBouncer :6432 (transaction pooling)
#   -> Postgres primary :5432, streaming to a hot standby :5433; each replica's LISTEN goes to the primary directly;
#   Redis :6379 (with a password) for the state the replicas share; s3rver :4569 for photos.
# Only one process migrates and seeds, before the replicas start.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_apt "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" haproxy pgbouncer redis-server
ensure_npm
ensure_web_build

# The cluster test suite (make test) starts its own copy elsewhere, on free ports: every place and port can be set.
C="${CLUSTER_DIR:-$REPO_ROOT/.data/cluster}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}" STANDBY_PORT="${STANDBY_PORT:-5433}" BOUNCER_PORT="${BOUNCER_PORT:-6432}"
S3_PORT="${S3_PORT:-4569}" BALANCER_PORT="${BALANCER_PORT:-8080}" REDIS_PORT="${REDIS_PORT:-6379}"
read -r -a REPLICA_PORTS <<< "${REPLICA_PORTS:-5001 5002 5003}"
mkdir -p "$C"
chmod 755 "$(dirname "$C")" "$C"

for port in "$PRIMARY_PORT" "$STANDBY_PORT" "$BOUNCER_PORT" "$S3_PORT" "$BALANCER_PORT" "$REDIS_PORT" "${REPLICA_PORTS[@]}"; do
  (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null \
    && die "port $port is taken (is 'make run' or another 'make cluster' running?)"
done

API_PIDS=()
BALANCER_PID=""
cleanup() {
  trap "" PIPE
  set +e
  log "stopping the cluster" || true
  [ -n "$BALANCER_PID" ] && kill "$BALANCER_PID" 2>/dev/null
  # All replicas drain at once, not one after another.
  for pid in "${API_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${API_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  [ -f "$C/pgbouncer/pgbouncer.pid" ] && kill "$(cat "$C/pgbouncer/pgbouncer.pid")" 2>/dev/null
  stop_s3 "$C/s3"
  stop_redis "$C/redis"
  stop_postgres "$C/standby"
  stop_postgres "$C/primary"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Postgres: the primary keeps WAL for one standby; the standby answers reads and tells the primary which rows its
# queries still need (hot_standby_feedback), so vacuum does not cancel them.
# Which of the two data directories is the primary: the one without standby.signal (after make failover, the one
# named standby). Two of them would be two primaries taking writes apart: refuse to start rather than pick one.
node_port() { if [ "$1" = "$C/primary" ]; then echo "$PRIMARY_PORT"; else echo "$STANDBY_PORT"; fi; }
is_primary() { [ -f "$1/PG_VERSION" ] && [ ! -f "$1/standby.signal" ]; }
if is_primary "$C/primary" && is_primary "$C/standby"; then
  die "$C/primary and $C/standby are both primaries: after make failover the old primary must rejoin as a standby first (README, Scaling out)"
fi
if is_primary "$C/standby"; then LEAD="$C/standby" FOLLOW="$C/primary"; else LEAD="$C/primary" FOLLOW="$C/standby"; fi
LEAD_PORT="$(node_port "$LEAD")" FOLLOW_PORT="$(node_port "$FOLLOW")"
[ -f "$LEAD/standby.signal" ] && die "neither $C/primary nor $C/standby is a primary"

log "starting the Postgres primary on 127.0.0.1:$LEAD_PORT ($LEAD)"
PG_OPTIONS="-c wal_level=replica -c max_wal_senders=4 -c wal_keep_size=256MB -c wal_log_hints=on" start_postgres "$LEAD" "$LEAD_PORT"
if [ ! -f "$FOLLOW/PG_VERSION" ]; then
  log "making the standby ($FOLLOW) from a base backup of the primary"
  mkdir -p "$FOLLOW"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$FOLLOW"
  chmod 700 "$FOLLOW"
  as_pg_user env PGPASSWORD=friender "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$LEAD_PORT" -U friender \
    -D "$FOLLOW" --write-recovery-conf --wal-method=stream --checkpoint=fast 2> >(grep -v 'skipping special file' >&2)
fi
log "starting the hot standby on 127.0.0.1:$FOLLOW_PORT ($FOLLOW)"
# STANDBY_OPTIONS adds settings (the cluster tests inject lag with -c recovery_min_apply_delay=2s).
PG_OPTIONS="-c hot_standby=on -c hot_standby_feedback=on -c wal_log_hints=on ${STANDBY_OPTIONS:-}" start_postgres "$FOLLOW" "$FOLLOW_PORT"
# For make failover: which directory is which, and on what port.
cat > "$C/roles" <<ROLES
PRIMARY_DIR=$LEAD
PRIMARY_PORT_NOW=$LEAD_PORT
STANDBY_DIR=$FOLLOW
STANDBY_PORT_NOW=$FOLLOW_PORT
ROLES

log "starting s3rver on 127.0.0.1:$S3_PORT ($C/s3)"
start_s3 "$C/s3" "$S3_PORT"

# Redis holds counts and leases that rebuild themselves, nothing that must survive it: no persistence.
[ -f "$C/redis.password" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$C/redis.password"
chmod 600 "$C/redis.password"
log "starting Redis on 127.0.0.1:$REDIS_PORT (password in $C/redis.password)"
start_redis "$C/redis" "$REDIS_PORT" "$(cat "$C/redis.password")"

# The owner, for migrations only; the replicas log in as the runtime role (ADR 0032).
DIRECT="Host=127.0.0.1;Port=$LEAD_PORT;Database=friender;Username=friender;Password=friender"
# Reads that may lag (the discovery walk, older conversation pages) go to the standby while there is one, else to the primary.
STANDBY_READS="Host=127.0.0.1:$FOLLOW_PORT,127.0.0.1:$LEAD_PORT;Target Session Attributes=prefer-standby;Database=friender;Username=$APP_DB_USER;Password=$APP_DB_PASSWORD;Maximum Pool Size=20"
# CLUSTER_STANDBY_READS=off keeps every read on the primary (make cluster-bench compares the two).
[ "${CLUSTER_STANDBY_READS:-on}" = off ] && STANDBY_READS=""
# The LISTEN connection finds whichever node is the primary now, also after make failover.
LISTEN="Host=127.0.0.1:$PRIMARY_PORT,127.0.0.1:$STANDBY_PORT;Target Session Attributes=primary;Database=friender;Username=$APP_DB_USER;Password=$APP_DB_PASSWORD"
[ -f "$C/jwt.key" ] || head -c 32 /dev/urandom | base64 > "$C/jwt.key"
chmod 600 "$C/jwt.key"
export ASPNETCORE_ENVIRONMENT=Production
export Jwt__SigningKey="$(cat "$C/jwt.key")"
export S3__ServiceUrl="http://127.0.0.1:$S3_PORT"

log "migrating and seeding the demo accounts (once, before the replicas)"
dotnet build "$REPO_ROOT/src/GraphQL" -c Release -nologo -clp:ErrorsOnly
ConnectionStrings__Postgres="$DIRECT" Startup__SeedDemoData=true \
  dotnet "$REPO_ROOT/src/GraphQL/bin/Release/net10.0/Friender.GraphQL.dll" migrate --contentRoot "$REPO_ROOT/src/GraphQL"

# PgBouncer in transaction mode: many client connections share a few server ones. Version 1.18 keeps no prepared
# statements across transactions, so the replicas' connection strings turn Npgsql's auto-preparation off.
log "starting PgBouncer on 127.0.0.1:$BOUNCER_PORT (transaction pooling onto the primary)"
mkdir -p "$C/pgbouncer"
printf '"%s" "%s"\n' "$APP_DB_USER" "$APP_DB_PASSWORD" > "$C/pgbouncer/userlist.txt"
cat > "$C/pgbouncer/pgbouncer.ini" <<INI
[databases]
friender = host=127.0.0.1 port=$LEAD_PORT dbname=friender

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir = $C/pgbouncer
auth_type = scram-sha-256
auth_file = $C/pgbouncer/userlist.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 60
reserve_pool_size = 10
server_reset_query =
ignore_startup_parameters = extra_float_digits
logfile = $C/pgbouncer/pgbouncer.log
pidfile = $C/pgbouncer/pgbouncer.pid
INI
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$C/pgbouncer"
chmod 600 "$C/pgbouncer/userlist.txt"
as_pg_user pgbouncer -d "$C/pgbouncer/pgbouncer.ini"

# Three replicas: 3 x 40 pooled connections to PgBouncer (it shares 60 server connections among them), one direct
# LISTEN connection each, the one JWT key, HAProxy as the only proxy they believe.
for port in "${REPLICA_PORTS[@]}"; do
  log "starting API replica on 127.0.0.1:$port"
  start_api "$C/api-$port.log" "$port" \
    "ConnectionStrings__Postgres=Host=127.0.0.1;Port=$BOUNCER_PORT;Database=friender;Username=$APP_DB_USER;Password=$APP_DB_PASSWORD;Max Auto Prepare=0;Maximum Pool Size=40" \
    "ConnectionStrings__PostgresListen=$LISTEN" "ConnectionStrings__PostgresStandby=$STANDBY_READS" \
    "ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT,password=$(cat "$C/redis.password")" \
    Startup__Migrate=false Startup__SeedDemoData=false \
    ForwardedHeaders__TrustedProxies__0=127.0.0.1 Shutdown__DrainDelay=00:00:06 \
    BananaCakePop__Enabled=true GraphQL__Introspection=true Logging__Console__FormatterName=simple \
    || die "replica $port did not start (see $C/api-$port.log)"
  echo "$STARTED_PID" > "$C/api-$port.pid"
done

# HAProxy: health checks on what only Postgres decides, every 2 s, two failures mark a replica down (4 s, under the
# replicas' 6 s drain); WebSockets are tunnels that may idle well past the API's 30 s keep-alive.
log "starting HAProxy on http://localhost:$BALANCER_PORT"
# Each proxied connection takes two descriptors; keep under this shell's limit.
BALANCER_MAXCONN=$(( ($(ulimit -n) - 100) / 2 ))
[ "$BALANCER_MAXCONN" -gt 20000 ] && BALANCER_MAXCONN=20000
cat > "$C/haproxy.cfg" <<CFG
global
    maxconn $BALANCER_MAXCONN

defaults
    mode http
    option forwardfor
    option http-server-close
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
    timeout http-keep-alive 10s
    # A replica that died between two health checks refuses connections: try another instead of answering 503.
    retries 3
    option redispatch

frontend friender
    bind 127.0.0.1:$BALANCER_PORT
    default_backend replicas

backend replicas
    balance leastconn
    option httpchk GET /readyz/balancer
    http-check expect status 200
    default-server inter 2s fall 2 rise 2
    # While Postgres is down for all of them (a restart, a failover), every replica fails the check: the same replicas,
    # unchecked, stand in as backups, so clients get the API's retries and its coded DATABASE_UNAVAILABLE rather than
    # HAProxy's HTML 503.
    option allbackups
$(for port in "${REPLICA_PORTS[@]}"; do echo "    server api-$port 127.0.0.1:$port check"; done)
$(for port in "${REPLICA_PORTS[@]}"; do echo "    server api-$port-backup 127.0.0.1:$port backup"; done)
CFG
haproxy -f "$C/haproxy.cfg" -db > "$C/haproxy.log" 2>&1 &
BALANCER_PID=$!
for _ in $(seq 1 50); do http_ok "http://127.0.0.1:$BALANCER_PORT/readyz/balancer" && break; sleep 0.2; done
http_ok "http://127.0.0.1:$BALANCER_PORT/readyz/balancer" || { cat "$C/haproxy.log" >&2; die "HAProxy did not start"; }

log "serving http://localhost:$BALANCER_PORT/ (web client), /graphql (API) and /graphql/ui/ (IDE) through HAProxy; Ctrl-C stops all"
wait "${API_PIDS[@]}"
