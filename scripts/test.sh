#!/usr/bin/env bash
# make test: throwaway Postgres+PostGIS and s3rver on free ports, every test suite, then everything is stopped.
# Exits non-zero if any suite fails.
set -uo pipefail
source "$(dirname "$0")/lib.sh"

ensure_apt "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3" chromium docker-compose
ensure_npm

WORK="$(mktemp -d /tmp/friender-test.XXXXXX)"
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
log "starting throwaway Postgres on 127.0.0.1:$PG_PORT and s3rver on 127.0.0.1:$S3_PORT"
PG_FSYNC=off start_postgres "$WORK/postgres" "$PG_PORT"
start_s3 "$WORK/s3" "$S3_PORT"

export FRIENDER_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=friender;Password=friender"
export FRIENDER_TEST_S3="http://127.0.0.1:$S3_PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

failed=()

log "building (Release)"
if ! dotnet build "$REPO_ROOT/Friender.sln" -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed" >&2
  exit 1
fi

log "unit, architecture and API tests (dotnet test)"
dotnet test "$REPO_ROOT/Friender.sln" -c Release --no-build -nologo --logger "console;verbosity=minimal" || failed+=("dotnet test")

log "starting the API for the protocol audits and browser tests"
API_PORT="$(free_port)"
ASPNETCORE_ENVIRONMENT=Testing \
ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=friender;Password=friender" \
S3__ServiceUrl="$FRIENDER_TEST_S3" \
Jwt__SigningKey="$(head -c 32 /dev/urandom | base64)" \
Startup__Migrate=true BananaCakePop__Enabled=true \
  dotnet "$REPO_ROOT/src/GraphQL/bin/Release/net10.0/Friender.GraphQL.dll" --urls "http://127.0.0.1:$API_PORT" \
  --contentRoot "$REPO_ROOT/src/GraphQL" >"$WORK/api.log" 2>&1 &
API_PID=$!
ready=""
for _ in $(seq 1 150); do
  if http_ok "http://127.0.0.1:$API_PORT/readyz"; then ready=1; break; fi
  kill -0 "$API_PID" 2>/dev/null || break
  sleep 0.2
done
if [ -z "$ready" ]; then
  cat "$WORK/api.log" >&2
  failed+=("API start")
else
  log "GraphQL-over-HTTP audits (graphql-http) and Banana Cake Pop in headless Chromium (node --test)"
  FRIENDER_API_URL="http://127.0.0.1:$API_PORT" node --test --test-reporter=spec "$REPO_ROOT/tests/e2e/" \
    || failed+=("e2e (node --test)")
fi

log "docker-compose.yml parses"
(cd "$REPO_ROOT" && docker-compose config -q) || failed+=("docker-compose config")

if [ ${#failed[@]} -gt 0 ]; then
  printf '\033[1;31mFAILED:\033[0m %s\n' "${failed[*]}" >&2
  exit 1
fi
log "all test suites passed"
