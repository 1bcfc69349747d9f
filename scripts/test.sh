#!/usr/bin/env bash
# make test: throwaway Postgres+PostGIS and s3rver on free ports, every test suite, then everything is stopped.
# Exits non-zero if any suite fails.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

ensure_apt "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" chromium docker-compose redis-server
ensure_npm
ensure_web_build

WORK="$(mktemp -d /tmp/friender-test.XXXXXX)"
chmod 755 "$WORK"
API_PIDS=()
cleanup() {
  trap "" PIPE
  for pid in "${API_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  [ -n "${CLUSTER_PID:-}" ] && kill "$CLUSTER_PID" 2>/dev/null && wait "$CLUSTER_PID" 2>/dev/null
  stop_s3 "$WORK/s3"
  stop_redis "$WORK/redis"
  stop_postgres "$WORK/postgres"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT="$(free_port)"
S3_PORT="$(free_port)"
REDIS_PORT="$(free_port)"
REDIS_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
log "starting throwaway Postgres on 127.0.0.1:$PG_PORT, s3rver on 127.0.0.1:$S3_PORT and Redis on 127.0.0.1:$REDIS_PORT"
PG_FSYNC=off start_postgres "$WORK/postgres" "$PG_PORT"
start_s3 "$WORK/s3" "$S3_PORT"
start_redis "$WORK/redis" "$REDIS_PORT" "$REDIS_PASSWORD"

export FRIENDER_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=friender;Password=friender"
export FRIENDER_TEST_S3="http://127.0.0.1:$S3_PORT"
export FRIENDER_TEST_REDIS="127.0.0.1:$REDIS_PORT,password=$REDIS_PASSWORD"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

failed=()

log "web client: lint (ESLint with typescript-eslint, react-hooks, jsx-a11y) and unit tests (Vitest, msw)"
(cd "$REPO_ROOT/web" && npm run --silent lint && npm test --silent) || failed+=("web client lint or unit tests")

log "building (Release)"
if ! dotnet build "$REPO_ROOT/Friender.sln" -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed" >&2
  exit 1
fi

log "unit, architecture and API tests (dotnet test)"
dotnet test "$REPO_ROOT/Friender.sln" -c Release --no-build -nologo --logger "console;verbosity=minimal" || failed+=("dotnet test")

export ASPNETCORE_ENVIRONMENT=Testing
# The API as in production: the runtime role, with migrations as the owner (ADR 0032).
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=$APP_DB_USER;Password=$APP_DB_PASSWORD"
export ConnectionStrings__PostgresMigrations="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=friender;Password=friender"
export S3__ServiceUrl="$FRIENDER_TEST_S3"
export Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)"
export BananaCakePop__Enabled=true
# The browser and protocol suites sign up and log in dozens of people from 127.0.0.1, and the fuzz suite sends logIn
# with garbage; RateLimitTests and LogInTests cover the limits and the login throttle.
export RateLimits__Enabled=false LoginThrottle__MaxAttemptsPerAddress=100000

log "starting two API replicas on one database for the protocol audits, chat and browser tests"
API_PORT="$(free_port)"
API_B_PORT="$(free_port)"
# Replica B issues access tokens that expire within seconds, so that a test can watch a socket outlive its token.
if start_api "$WORK/api.log" "$API_PORT" Startup__Migrate=true && start_api "$WORK/api-b.log" "$API_B_PORT" Jwt__AccessTokenLifetime=00:00:04; then
  log "graphql-http audits, graphql-ws chat across replicas and Banana Cake Pop in headless Chromium (node --test)"
  FRIENDER_API_URL="http://127.0.0.1:$API_PORT" FRIENDER_API_URL_B="http://127.0.0.1:$API_B_PORT" \
    node --test --test-reporter=spec "$REPO_ROOT/tests/e2e/" || failed+=("e2e (node --test)")

  # Last and alone: these kill API processes and restart the Postgres every other suite uses.
  log "faults: SIGKILL mid-send, SIGTERM with open sockets, Postgres restarted under live subscriptions (node --test)"
  FRIENDER_API_URL="http://127.0.0.1:$API_PORT" \
  FRIENDER_API_DLL="$REPO_ROOT/src/GraphQL/bin/Release/net10.0/Friender.GraphQL.dll" FRIENDER_API_CONTENT_ROOT="$REPO_ROOT/src/GraphQL" \
  FRIENDER_PG_RESTART="source '$REPO_ROOT/scripts/lib.sh'; stop_postgres '$WORK/postgres'; PG_FSYNC=off start_postgres '$WORK/postgres' $PG_PORT" \
    node --test --test-reporter=spec "$REPO_ROOT/tests/faults/" || failed+=("faults (node --test)")
else
  failed+=("API start")
fi

# The production topology on free ports under $WORK: sockets through HAProxy, limits across replicas, a replica
# killed under a chatting person, Redis restarted under load, discovery on a standby made to lag 2 s, the primary
# failed over to the standby.
log "cluster: HAProxy, three replicas, PgBouncer, a primary and a standby, Redis (node --test tests/cluster)"
CLUSTER_BALANCER_PORT="$(free_port)"
CLUSTER_REPLICAS="$(free_port) $(free_port) $(free_port)"
CLUSTER_REDIS_PORT="$(free_port)"
CLUSTER_STANDBY_PORT="$(free_port)"
env -u RateLimits__Enabled -u ConnectionStrings__Postgres -u ConnectionStrings__PostgresMigrations -u ASPNETCORE_ENVIRONMENT \
  CLUSTER_DIR="$WORK/cluster" PRIMARY_PORT="$(free_port)" STANDBY_PORT="$CLUSTER_STANDBY_PORT" BOUNCER_PORT="$(free_port)" \
  STANDBY_OPTIONS="-c recovery_min_apply_delay=2s" \
  S3_PORT="$(free_port)" BALANCER_PORT="$CLUSTER_BALANCER_PORT" REDIS_PORT="$CLUSTER_REDIS_PORT" REPLICA_PORTS="$CLUSTER_REPLICAS" \
  RateLimits__Policies__updateProfile__PermitLimit=6 RateLimits__Policies__signUp__PermitLimit=1000 \
  RateLimits__Policies__sendMessage__PermitLimit=10000 \
  bash "$REPO_ROOT/scripts/cluster.sh" >"$WORK/cluster.log" 2>&1 &
CLUSTER_PID=$!
for _ in $(seq 1 600); do
  http_ok "http://127.0.0.1:$CLUSTER_BALANCER_PORT/readyz/balancer" && break
  kill -0 "$CLUSTER_PID" 2>/dev/null || break
  sleep 0.5
done
if http_ok "http://127.0.0.1:$CLUSTER_BALANCER_PORT/readyz/balancer"; then
  FRIENDER_CLUSTER_URL="http://127.0.0.1:$CLUSTER_BALANCER_PORT" FRIENDER_CLUSTER_DIR="$WORK/cluster" \
  FRIENDER_CLUSTER_REPLICAS="$CLUSTER_REPLICAS" FRIENDER_CLUSTER_STANDBY_PORT="$CLUSTER_STANDBY_PORT" FRIENDER_CLUSTER_FAILOVER="CLUSTER_DIR='$WORK/cluster' bash '$REPO_ROOT/scripts/failover.sh'" \
  FRIENDER_CLUSTER_REDIS_RESTART="source '$REPO_ROOT/scripts/lib.sh'; stop_redis '$WORK/cluster/redis'; sleep 1; start_redis '$WORK/cluster/redis' $CLUSTER_REDIS_PORT \"\$(cat '$WORK/cluster/redis.password')\"" \
    node --test --test-reporter=spec "$REPO_ROOT/tests/cluster/" || failed+=("cluster (node --test)")
else
  tail -40 "$WORK/cluster.log" >&2
  failed+=("cluster start")
fi
kill "$CLUSTER_PID" 2>/dev/null && wait "$CLUSTER_PID" 2>/dev/null

log "docker-compose.yml parses, and the Dockerfile is whole (node --test tests/docker)"
(cd "$REPO_ROOT" && docker-compose config -q && docker-compose --profile cluster config -q) || failed+=("docker-compose config")
node --test "$REPO_ROOT/tests/docker/" || failed+=("Dockerfile (node --test)")

if [ ${#failed[@]} -gt 0 ]; then
  printf '\033[1;31mFAILED:\033[0m %s\n' "${failed[*]}" >&2
  exit 1
fi
log "all test suites passed"
