#!/usr/bin/env bash
# Takes a cluster started by start-postgres.sh down or back up without deleting it (outage tests and
# bench/reliability.sh): pause-postgres.sh DIR PORT down|up.
set -euo pipefail
D="${1:?usage: pause-postgres.sh DIR PORT down|up}"
PORT="${2:?usage: pause-postgres.sh DIR PORT down|up}"
WHAT="${3:?usage: pause-postgres.sh DIR PORT down|up}"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
AS=()
[ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
case "$WHAT" in
  down) "${AS[@]}" "$PGBIN/pg_ctl" -D "$D/data" -m immediate -w stop >/dev/null ;;
  up) "${AS[@]}" "$PGBIN/pg_ctl" -D "$D/data" -l "$D/server.log" -w -t 60 \
        -o "-p $PORT -k $D -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null ;;
  *) echo "pause-postgres: down or up, not $WHAT" >&2; exit 2 ;;
esac
