#!/usr/bin/env bash
# make sql-migration NAME=WhyItChanged: writes a migration that applies every file in Sql/Functions whose current
# version no migration applies yet (see SqlFunctions.ApplySqlFunction). Edit a function's file, run this, run make test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

NAME="${1:-}"
[[ "$NAME" =~ ^[A-Z][A-Za-z0-9]+$ ]] || die "usage: make sql-migration NAME=WhatChangedInPascalCase"
FUNCTIONS="$REPO_ROOT/src/Infrastructure/Persistence/Sql/Functions"
MIGRATIONS="$REPO_ROOT/src/Infrastructure/Persistence/Migrations"

lines=()
for file in "$FUNCTIONS"/*.sql; do
  name="$(basename "$file")"
  version="$(sed 's/\r$//' "$file" | sha256sum | cut -c1-16)"
  grep -rqF "ApplySqlFunction(\"$name\", \"$version\")" "$MIGRATIONS" || lines+=("$name|$version")
done
[ "${#lines[@]}" -gt 0 ] || die "every function file is already applied by a migration as it is now"

ID="$(date -u +%Y%m%d%H%M%S)_$NAME"
{
  cat <<CS
using Friender.Infrastructure.Persistence.Sql;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Friender.Infrastructure.Persistence.Migrations;

/// <summary>Applies the function files changed by this migration (see SqlFunctions); written by make sql-migration.</summary>
[DbContext(typeof(FrienderDbContext))]
[Migration("$ID")]
public sealed class $NAME : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
CS
  for line in "${lines[@]}"; do
    printf '        migrationBuilder.ApplySqlFunction("%s", "%s");\n' "${line%%|*}" "${line##*|}"
  done
  cat <<CS
    }

    /// <summary>A function's previous text lives in git, not here: roll forward with a new migration instead.</summary>
    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Function changes roll forward: write a migration that applies the file you want.");
}
CS
} >"$MIGRATIONS/$ID.cs"
log "wrote src/Infrastructure/Persistence/Migrations/$ID.cs (${#lines[@]} function file(s))"
