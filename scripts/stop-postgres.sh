#!/usr/bin/env bash
# Stops a cluster started by start-postgres.sh and deletes it.
set -euo pipefail
D="${1:?usage: stop-postgres.sh DIR}"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
AS=()
[ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
"${AS[@]}" "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$D"
