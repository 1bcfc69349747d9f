#!/usr/bin/env bash
# make run: everything a newcomer needs, then the API on http://localhost:5000/graphql (Ctrl-C stops it all).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ensure_apt "postgresql-$PG_VERSION" "postgresql-$PG_VERSION-postgis-3"
ensure_npm
ensure_web_build

DATA="$REPO_ROOT/.data"
PG_PORT="${FRIENDER_PG_PORT:-5432}"
S3_PORT="${FRIENDER_S3_PORT:-4569}"
mkdir -p "$DATA"
chmod 755 "$DATA"

# Ctrl-C reaches every process in the terminal's group, including a pager or tee whose exit would turn our log lines
# into SIGPIPE and cut the clean-up short.
cleanup() { trap "" PIPE; log "stopping local services" || true; stop_s3 "$DATA/s3"; stop_postgres "$DATA/postgres"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting Postgres on 127.0.0.1:$PG_PORT (data in .data/postgres)"
start_postgres "$DATA/postgres" "$PG_PORT"
log "starting s3rver on 127.0.0.1:$S3_PORT (objects in .data/s3)"
start_s3 "$DATA/s3" "$S3_PORT"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=$APP_DB_USER;Password=$APP_DB_PASSWORD"
export ConnectionStrings__PostgresMigrations="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=friender;Password=friender"
export S3__ServiceUrl="http://127.0.0.1:$S3_PORT"
log "serving http://localhost:5000/graphql (IDE: http://localhost:5000/graphql/ui/)"
dotnet run --project "$REPO_ROOT/src/GraphQL" -c Release
