# Shared helpers for make run / make test: install what is missing, start and stop local Postgres+PostGIS and s3rver.
# Sourced, not executed.

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $*"
  fi
}

# Installs Debian packages that are not installed yet; a no-op (and no network) when all are present.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  apt_get -qq update
  apt_get install -y -qq --no-install-recommends "${missing[@]}"
}

# apt_get ARGS...: apt-get as root, quiet unless it fails. When another apt or dpkg holds its locks (on a freshly
# booted Debian machine unattended-upgrades often does, for minutes), it says so once and waits for them, up to
# APT_LOCK_WAIT seconds (default 900), instead of stopping at "Could not get lock". apt-get's own
# DPkg::Lock::Timeout covers installs but not "apt-get update", so the wait is ours.
apt_get() {
  local waited=0 limit="${APT_LOCK_WAIT:-900}" output
  while true; do
    if output="$(as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=30 "$@" 2>&1)"; then
      return 0
    fi
    if grep -qE 'Could not get lock|Unable to lock' <<<"$output" && [ "$waited" -lt "$limit" ]; then
      [ "$waited" -eq 0 ] && log "another apt or dpkg is running (after a boot, usually unattended-upgrades); waiting up to ${limit}s for it to finish"
      sleep 5
      waited=$((waited + 5))
      continue
    fi
    printf '%s\n' "$output" >&2
    return 1
  done
}

# Installs the npm packages pinned in package-lock.json when node_modules is missing or older than the lock file.
ensure_npm() {
  command -v npm >/dev/null 2>&1 || die "npm is needed (Node.js 20+)"
  local stamp="$REPO_ROOT/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$REPO_ROOT/package-lock.json" -nt "$stamp" ]; then
    log "installing npm packages (npm ci)"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  fi
}

# Builds the web client into web/dist (which the API serves at /) when it is missing or older than its sources, its
# lock file or the API's schema snapshot it is typed from; a no-op otherwise.
ensure_web_build() {
  local web="$REPO_ROOT/web" built="$REPO_ROOT/web/dist/index.html"
  local schema="$REPO_ROOT/tests/GraphQL.IntegrationTests/Schema/__snapshots__/schema.graphql.snap"
  if [ ! -f "$web/node_modules/.package-lock.json" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
    log "installing the web client's npm packages (npm ci in web/)"
    (cd "$web" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in web/"
  fi
  if [ ! -f "$built" ] || [ -n "$(find "$web/src" "$web/index.html" "$web/package-lock.json" "$web/vite.config.ts" "$web/codegen.ts" \
      "$schema" -newer "$built" -not -path "$web/src/gql/*" -print -quit)" ]; then
    log "building the web client (web/dist)"
    (cd "$web" && npm run build --silent) || die "the web client did not build"
  fi
  # Also when nothing in web/ changed: the error codes and limits it was built with must still be the API's.
  (cd "$web" && node scripts/contract.mjs --check) || die "web/src/lib/contract.ts is stale"
}

# start_api LOG PORT [VAR=value...]: the Release build of the API (of the checkout API_HOME, by default this one) on
# 127.0.0.1:PORT (with VAR=value added to its environment), output in LOG. Adds it to API_PIDS (the caller's array,
# for clean-up) and sets STARTED_PID; returns once /readyz answers, or non-zero after printing LOG if it never does.
start_api() {
  local log="$1" port="$2" home="${API_HOME:-$REPO_ROOT}"; shift 2
  env "$@" dotnet "$home/src/GraphQL/bin/Release/net10.0/Friender.GraphQL.dll" --urls "http://127.0.0.1:$port" \
    --contentRoot "$home/src/GraphQL" >"$log" 2>&1 &
  STARTED_PID=$!
  API_PIDS+=("$STARTED_PID")
  for _ in $(seq 1 150); do
    http_ok "http://127.0.0.1:$port/readyz" && return 0
    kill -0 "$STARTED_PID" 2>/dev/null || break
    sleep 0.2
  done
  cat "$log" >&2
  return 1
}

# A TCP port that nothing listens on right now.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Succeeds when URL answers 2xx (node is always here; curl may not be).
http_ok() {
  node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}

# Runs a command as the unprivileged user that owns the Postgres data (Postgres refuses to run as root).
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The API's own login to Postgres (a member of the runtime role, ADR 0032); migrations run as friender, the owner.
APP_DB_USER=friender_app
APP_DB_PASSWORD=friender

# start_postgres DIR PORT: initialises DIR on first use (superuser friender/friender, PostGIS in database friender),
# then starts the server on 127.0.0.1:PORT with its socket inside DIR.
start_postgres() {
  local dir="$1" port="$2"
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL $PG_VERSION is not installed"
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  as_pg_user test -w "$dir" || die "the postgres user cannot write $dir (is a parent folder private?)"
  if [ ! -f "$dir/PG_VERSION" ]; then
    local pwfile
    pwfile="$(mktemp)"; echo friender > "$pwfile"; chmod 644 "$pwfile"
    as_pg_user "$PG_BIN/initdb" -D "$dir" -U friender --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >/dev/null || die "initdb failed"
    rm -f "$pwfile"
  fi
  as_pg_user "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} ${PG_OPTIONS:-}" start >/dev/null \
    || { tail -20 "$dir/server.log" >&2; die "Postgres did not start"; }
  as_pg_user "$PG_BIN/psql" -h "$dir" -p "$port" -U friender -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='friender'" | grep -q 1 \
    || as_pg_user "$PG_BIN/psql" -h "$dir" -p "$port" -U friender -d postgres -qc "CREATE DATABASE friender" >/dev/null
  # The API logs in as friender_app, a member of friender_runtime, which owns nothing (ADR 0032): the migrations, run
  # as friender (the owner), grant it the data but not the right to rewrite the audit trail.
  as_pg_user "$PG_BIN/psql" -h "$dir" -p "$port" -U friender -d postgres -qc "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'friender_runtime') THEN CREATE ROLE friender_runtime NOLOGIN; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_DB_USER') THEN
        CREATE ROLE $APP_DB_USER LOGIN PASSWORD '$APP_DB_PASSWORD' IN ROLE friender_runtime;
      END IF;
    END \$\$" >/dev/null || die "could not create the API's database role"
}

stop_postgres() {
  local dir="$1"
  if [ -f "$dir/postmaster.pid" ]; then as_pg_user "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true; fi
  return 0
}

# start_s3 DIR PORT: s3rver on 127.0.0.1:PORT storing objects in DIR, with the photo bucket created.
start_s3() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  # s3rver signs list continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider.
  NODE_OPTIONS=--openssl-legacy-provider "$REPO_ROOT/node_modules/.bin/s3rver" --directory "$dir" --address 127.0.0.1 --port "$port" \
    --configure-bucket friender-photos --silent >"$dir.log" 2>&1 &
  echo $! > "$dir.pid"
  for _ in $(seq 1 100); do
    (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$(cat "$dir.pid")" 2>/dev/null || { cat "$dir.log" >&2; die "s3rver did not start"; }
    sleep 0.1
  done
  die "s3rver did not listen on port $port"
}

stop_s3() {
  local dir="$1"
  if [ -f "$dir.pid" ]; then
    kill "$(cat "$dir.pid")" 2>/dev/null || true
    rm -f "$dir.pid"
  fi
  return 0
}

# Redis for the replicas' shared state (rate limits, the typing throttle, socket leases, discovery watermarks), on
# loopback with a password, nothing persisted (every key rebuilds itself); logs at $dir.log.
start_redis() {
  local dir="$1" port="$2" password="$3"
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --requirepass "$password" --dir "$dir" --save '' --appendonly no \
    --pidfile "$dir.pid" --logfile "$dir.log" --daemonize yes >/dev/null \
    || { cat "$dir.log" >&2 2>/dev/null; die "redis-server did not start"; }
  for _ in $(seq 1 100); do
    REDISCLI_AUTH="$password" redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "redis-server did not answer on port $port"
}

stop_redis() {
  local dir="$1"
  if [ -f "$dir.pid" ]; then
    kill "$(cat "$dir.pid")" 2>/dev/null || true
    rm -f "$dir.pid"
  fi
  return 0
}
