#!/usr/bin/env bash
# make cluster-bench: make cluster on free ports under a temporary folder, measured through HAProxy by
# bench/cluster.mjs, twice: as built (live events over Redis, discovery on the standby), then with live events on
# Postgres NOTIFY and every read on the primary. Writes the "The cluster" section of docs/benchmarks.md. ~6 minutes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_apt "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" haproxy pgbouncer redis-server
ensure_npm
ensure_web_build

WORK="$(mktemp -d /tmp/friender-cluster-bench.XXXXXX)"
chmod 755 "$WORK"
CLUSTER_PID=""
stop_cluster() {
  # cluster.sh exits 130 when stopped: not a failure here.
  [ -n "$CLUSTER_PID" ] && kill "$CLUSTER_PID" 2>/dev/null && { wait "$CLUSTER_PID" 2>/dev/null || true; }
  CLUSTER_PID=""
}
cleanup() { trap "" PIPE; stop_cluster; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# measure NAME LABEL [VAR=value...]: a fresh cluster with VAR=value in its environment, measured into $WORK/NAME.json.
measure() {
  local name="$1" label="$2"; shift 2
  local dir="$WORK/$name" balancer replicas pids=""
  balancer="$(free_port)"
  replicas="$(free_port) $(free_port) $(free_port)"
  log "cluster-bench: $label (cluster log in $dir.log)"
  env -u ConnectionStrings__Postgres -u ASPNETCORE_ENVIRONMENT "$@" \
    CLUSTER_DIR="$dir" PRIMARY_PORT="$(free_port)" STANDBY_PORT="$(free_port)" BOUNCER_PORT="$(free_port)" \
    S3_PORT="$(free_port)" BALANCER_PORT="$balancer" REDIS_PORT="$(free_port)" REPLICA_PORTS="$replicas" \
    RateLimits__Enabled=false LoginThrottle__MaxAttemptsPerAddress=100000 Logging__LogLevel__Default=Warning \
    bash "$REPO_ROOT/scripts/cluster.sh" >"$dir.log" 2>&1 &
  CLUSTER_PID=$!
  for _ in $(seq 1 600); do
    http_ok "http://127.0.0.1:$balancer/readyz/balancer" && break
    kill -0 "$CLUSTER_PID" 2>/dev/null || { tail -40 "$dir.log" >&2; die "the cluster did not start"; }
    sleep 0.5
  done
  for port in $replicas; do pids+="$(cat "$dir/api-$port.pid") "; done
  node "$REPO_ROOT/bench/cluster.mjs" --balancer "http://127.0.0.1:$balancer" --replica-pids "$pids" \
    --label "$label" --json "$WORK/$name.json"
  stop_cluster
}

measure built "Redis fan-out, discovery on the standby"
measure primary "NOTIFY fan-out, every read on the primary" Realtime__FanOut=Postgres CLUSTER_STANDBY_READS=off
node "$REPO_ROOT/bench/cluster.mjs" --report "$WORK/built.json,$WORK/primary.json" --out "$REPO_ROOT/docs/benchmarks.md" >/dev/null
log "wrote the cluster section of docs/benchmarks.md"
