#!/usr/bin/env bash
# make grant-moderator ACCOUNT=username / make revoke-moderator ACCOUNT=username: makes or unmakes a moderator in the database that
# make run started (the only way there is; no GraphQL operation can). Takes effect at the account's next request.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

COMMAND="${1:-}" USERNAME="${2:-}"
[[ "$COMMAND" =~ ^(grant|revoke)-moderator$ && -n "$USERNAME" ]] || die "usage: make $COMMAND ACCOUNT=username"
PG_PORT="${FRIENDER_PG_PORT:-5432}"
(echo > "/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null || die "no Postgres on 127.0.0.1:$PG_PORT: start 'make run' in another terminal first"

DLL="$REPO_ROOT/src/GraphQL/bin/Release/net10.0/Friender.GraphQL.dll"
[ -f "$DLL" ] || dotnet build "$REPO_ROOT/src/GraphQL" -c Release -nologo -clp:ErrorsOnly
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Database=friender;Username=$APP_DB_USER;Password=$APP_DB_PASSWORD" \
  dotnet "$DLL" "$COMMAND" "$USERNAME" --contentRoot "$REPO_ROOT/src/GraphQL"
