#!/usr/bin/env bash
# The reliability suite (issue 12): what an operator and a small newsroom live through, measured on
# loopback and bounded in time. Prints one table; record the latest in docs/operations.md.
#
#   bench/reliability.sh [SOAK_MINUTES=10]
#
# 1. storm + kill -9, three times, on SQLite and on PostgreSQL: acknowledged vs present vs searchable
# 2. sixteen concurrent writers on SQLite: errors
# 3. a PostgreSQL outage: cached page, uncached page, /healthz status and time; recovery time
# 4. a full disk (a small tmpfs mounted for the run; skipped unless root): what a save and /healthz say
# 5. a soak: SOAK_MINUTES of reading with one publish a second; resident memory at start, end and max
# Needs: a JDK 17+, curl, wrk; PostgreSQL server binaries for 1 and 3 (apt-get install -y postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
SOAK_MINUTES="${1:-10}"
OUT="bench/out/reliability"
rm -rf "$OUT"; mkdir -p "$OUT"
for tool in curl wrk; do
  command -v "$tool" >/dev/null || { echo "reliability: $tool is missing (apt-get install -y curl wrk)" >&2; exit 2; }
done
./mvnw -q -B -ntp -DskipTests package
JAR=target/wargeys.jar
PASSWORD="reliability password"
PIDS=(); PGDIRS=(); MOUNTS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  for d in "${PGDIRS[@]}"; do bash scripts/stop-postgres.sh "$d" || true; done
  for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null || true; done
}
trap cleanup EXIT
ROWS=()
row() { ROWS+=("$(printf '%-44s %s' "$1" "$2")"); echo "reliability: $1: $2" >&2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || echo $(( 30000 + RANDOM % 20000 )); }

# start_server PORT DATA [DB_URL] -> sets SERVER_PID; the launcher's memory defaults, not a bigger heap
start_server() {
  local port=$1 data=$2 url=${3:-}
  local db=(); [ -n "$url" ] && db=(--db-url "$url" --db-user app)
  MALLOC_ARENA_MAX=2 java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 \
    -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -Xss512k \
    -jar "$JAR" serve --port "$port" --host 127.0.0.1 --data "$data" "${db[@]}" >>"$OUT/server-$port.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "reliability: the server on port $port did not start" >&2; tail -20 "$OUT/server-$port.log" >&2; exit 1
}

add_staff() { # DATA [DB_URL]
  local db=(); [ -n "${2:-}" ] && db=(--db-url "$2" --db-user app)
  echo "$PASSWORD" | java -jar "$JAR" user add --role editor --password-stdin --data "$1" "${db[@]}" staff@example.org >/dev/null
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }

# ---- 1. storm + kill -9 ----------------------------------------------------------------------------
storm_and_kill() { # NAME DATA [DB_URL]
  local name=$1 data=$2 url=${3:-} port acks="$OUT/acks-$1.txt"
  : >"$acks"
  add_staff "$data" "$url"
  for round in 1 2 3; do
    port=$(free_port)
    start_server "$port" "$data" "$url"
    java bench/Storm.java "http://127.0.0.1:$port" staff@example.org "$PASSWORD" 4 30 0 "$acks" \
      >"$OUT/storm-$name-$round.txt" 2>&1 &
    local storm=$!
    sleep 6
    kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
    wait "$storm" || true
  done
  port=$(free_port)
  start_server "$port" "$data" "$url"
  local check
  check=$(java bench/StormCheck.java "http://127.0.0.1:$port" "$acks" 30 || true)
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  row "storm + kill -9 ×3, $name" "$check"
}

storm_and_kill sqlite "$OUT/sqlite"
PGPORT=$(free_port)
if PGDIR=$(bash scripts/start-postgres.sh "$PGPORT" 2>/dev/null); then
  PGDIRS+=("$PGDIR")
  storm_and_kill postgresql "$OUT/pg-node" "jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
else
  row "storm + kill -9 ×3, postgresql" "skipped (no PostgreSQL server binaries)"
fi

# ---- 2. sixteen concurrent writers ------------------------------------------------------------------
DATA="$OUT/writers"; add_staff "$DATA"; PORT=$(free_port); start_server "$PORT" "$DATA"
java bench/Storm.java "http://127.0.0.1:$PORT" staff@example.org "$PASSWORD" 16 20 0 "$OUT/acks-writers.txt" >"$OUT/writers.txt" 2>&1
row "16 concurrent writers, SQLite, 20 s" "$(tail -1 "$OUT/writers.txt")"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

# ---- 3. a PostgreSQL outage ------------------------------------------------------------------------
if [ ${#PGDIRS[@]} -gt 0 ]; then
  DATA="$OUT/pg-outage"; PORT=$(free_port); start_server "$PORT" "$DATA" "jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
  ARTICLE=$(curl -s "http://127.0.0.1:$PORT/en/" | grep -o 'href="/en/[0-9]\{4\}/[0-9]\{2\}/[^"]*"' | head -1 | cut -d'"' -f2)
  curl -s -o /dev/null "http://127.0.0.1:$PORT$ARTICLE"
  bash scripts/pause-postgres.sh "$PGDIR" "$PGPORT" down
  cached=$(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' "http://127.0.0.1:$PORT$ARTICLE")
  uncached=$(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' "http://127.0.0.1:$PORT/en/archive/2020")
  health=$(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' "http://127.0.0.1:$PORT/healthz")
  row "PostgreSQL down: cached article" "$cached"
  row "PostgreSQL down: uncached page" "$uncached"
  row "PostgreSQL down: /healthz" "$health"
  bash scripts/pause-postgres.sh "$PGDIR" "$PGPORT" up
  start=$(date +%s%N)
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.1; done
  row "PostgreSQL back: /healthz 200 after" "$(( ($(date +%s%N) - start) / 1000000 )) ms"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
fi

# ---- 4. a full disk --------------------------------------------------------------------------------
if [ "$(id -u)" = 0 ]; then
  MNT="$OUT/tmpfs"; mkdir -p "$MNT"; mount -t tmpfs -o size=48m tmpfs "$MNT"; MOUNTS+=("$MNT")
  DATA="$MNT/data"; add_staff "$DATA"; PORT=$(free_port); start_server "$PORT" "$DATA"
  dd if=/dev/zero of="$MNT/filler" bs=1M count=64 2>/dev/null || true   # fills what is left
  java bench/Storm.java "http://127.0.0.1:$PORT" staff@example.org "$PASSWORD" 1 5 0 "$OUT/acks-full.txt" >"$OUT/full.txt" 2>&1 || true
  row "disk full: writes" "$(tail -1 "$OUT/full.txt")"
  row "disk full: /healthz" "$(curl -s "http://127.0.0.1:$PORT/healthz" | grep -o '"status":"[a-z]*"')"
  rm -f "$MNT/filler"
  java bench/Storm.java "http://127.0.0.1:$PORT" staff@example.org "$PASSWORD" 1 5 0 "$OUT/acks-full.txt" >"$OUT/full-after.txt" 2>&1 || true
  row "disk freed: writes" "$(tail -1 "$OUT/full-after.txt")"
  row "disk freed: /healthz" "$(curl -s "http://127.0.0.1:$PORT/healthz" | grep -o '"status":"[a-z]*"')"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  umount "$MNT"; MOUNTS=()
else
  row "disk full" "skipped (mounting a tmpfs needs root)"
fi

# ---- 5. the soak -----------------------------------------------------------------------------------
DATA="$OUT/soak"; add_staff "$DATA"; PORT=$(free_port); start_server "$PORT" "$DATA"
START_RSS=$(rss_mb "$SERVER_PID"); MAX_RSS=$START_RSS
SECONDS_TOTAL=$(( SOAK_MINUTES * 60 ))
java bench/Storm.java "http://127.0.0.1:$PORT" staff@example.org "$PASSWORD" 1 "$SECONDS_TOTAL" 1 "$OUT/acks-soak.txt" >"$OUT/soak-storm.txt" 2>&1 &
STORM=$!
ARTICLE=$(curl -s "http://127.0.0.1:$PORT/en/" | grep -o 'href="/en/[0-9]\{4\}/[0-9]\{2\}/[^"]*"' | head -1 | cut -d'"' -f2)
ELAPSED=0
while [ "$ELAPSED" -lt "$SECONDS_TOTAL" ]; do
  wrk -t2 -c16 -d25s "http://127.0.0.1:$PORT$ARTICLE" >/dev/null 2>&1 || true
  curl -s -o /dev/null "http://127.0.0.1:$PORT/en/search?q=storm+$ELAPSED" || true
  now=$(rss_mb "$SERVER_PID"); [ "$now" -gt "$MAX_RSS" ] && MAX_RSS=$now
  ELAPSED=$(( ELAPSED + 30 )); sleep 5
done
wait "$STORM" || true
row "soak ${SOAK_MINUTES} min, resident memory" "start ${START_RSS} MB, end $(rss_mb "$SERVER_PID") MB, max ${MAX_RSS} MB"
row "soak publishes" "$(tail -1 "$OUT/soak-storm.txt")"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

echo
echo "Reliability, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%s\n' "${ROWS[@]}"
