#!/usr/bin/env bash
# make replica: one more API process (PORT=5001 by default) against the Postgres and S3 that make run started, so that
# a message sent through one replica can be watched arriving on the other.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT="${PORT:-5001}"
PG_PORT="${FRIENDER_PG_PORT:-5432}"
S3_PORT="${FRIENDER_S3_PORT:-4569}"
(echo > "/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null || die "no Postgres on 127.0.0.1:$PG_PORT: start 'make run' in another terminal first"
(echo > "/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null || die "no S3 on 127.0.0.1:$S3_PORT: start 'make run' in another terminal first"

DLL="$REPO_ROOT/src/GraphQL/bin/Release/net10.0/Friender.GraphQL.dll"
[ -f "$DLL" ] || dotnet build "$REPO_ROOT/src/GraphQL" -c Release -nologo -clp:ErrorsOnly

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=$APP_DB_USER;Password=$APP_DB_PASSWORD"
export S3__ServiceUrl="http://127.0.0.1:$S3_PORT"
# make run already migrated and seeded; a replica only serves.
export Startup__Migrate=false Startup__SeedDemoData=false
log "serving a second replica on http://localhost:$PORT/graphql (IDE: http://localhost:$PORT/graphql/ui/)"
exec dotnet "$DLL" --urls "http://localhost:$PORT" --contentRoot "$REPO_ROOT/src/GraphQL"
