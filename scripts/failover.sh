#!/usr/bin/env bash
# make failover: with make cluster running, stop the Postgres primary (if it still runs: two primaries must never
# take writes), promote the hot standby, and point PgBouncer at it. The API replicas are not restarted: their pooled
# connections reach the new primary through PgBouncer, their LISTEN connections find it (Target Session
# Attributes=primary), and requests meeting the switch are retried. Afterwards the old primary is no longer part of
# the cluster: see README "Scaling out" to rejoin it as a standby.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

C="${CLUSTER_DIR:-$REPO_ROOT/.data/cluster}"
[ -f "$C/pgbouncer/pgbouncer.ini" ] || die "no cluster under $C (start it with make cluster)"
[ -f "$C/roles" ] || die "$C/roles is missing (start the cluster with this version of make cluster)"
# shellcheck source=/dev/null
source "$C/roles"

[ -f "$STANDBY_DIR/standby.signal" ] || die "$STANDBY_DIR is not a standby: nothing to promote"
log "stopping the primary ($PRIMARY_DIR) if it still runs"
stop_postgres "$PRIMARY_DIR"
log "promoting the standby ($STANDBY_DIR, port $STANDBY_PORT_NOW)"
as_pg_user "$PG_BIN/pg_ctl" -D "$STANDBY_DIR" -w -t 60 promote >/dev/null
log "pointing PgBouncer at port $STANDBY_PORT_NOW"
sed -i "s/^friender = host=127.0.0.1 port=[0-9]*/friender = host=127.0.0.1 port=$STANDBY_PORT_NOW/" "$C/pgbouncer/pgbouncer.ini"
kill -HUP "$(cat "$C/pgbouncer/pgbouncer.pid")"
cat > "$C/roles" <<ROLES
PRIMARY_DIR=$STANDBY_DIR
PRIMARY_PORT_NOW=$STANDBY_PORT_NOW
STANDBY_DIR=
STANDBY_PORT_NOW=
ROLES
log "done: $STANDBY_DIR is the primary; the old primary stays stopped until it rejoins as a standby"
