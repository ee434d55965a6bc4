#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests on 127.0.0.1:PORT (trust auth, user "app",
# fsync off: tests only, never production). Prints the cluster's directory; stop it with
# scripts/stop-postgres.sh DIR. As root, the server runs as the postgres user (initdb refuses root).
set -euo pipefail
PORT="${1:?usage: start-postgres.sh PORT}"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ]; then
  echo "start-postgres: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install -y postgresql)" >&2
  exit 3
fi
D=$(mktemp -d /tmp/wargeys-pg.XXXXXX)
chmod 755 "$D"
AS=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$D"
  AS=(runuser -u postgres --)
fi
"${AS[@]}" "$PGBIN/initdb" -D "$D/data" -U app -A trust -E UTF8 --no-locale --no-sync >"$D/initdb.log" 2>&1 \
  || { cat "$D/initdb.log" >&2; exit 1; }
"${AS[@]}" "$PGBIN/pg_ctl" -D "$D/data" -l "$D/server.log" -w -t 60 \
  -o "-p $PORT -k $D -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$D/server.log" >&2; exit 1; }
echo "$D"
