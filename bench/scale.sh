#!/usr/bin/env bash
# The growth benchmark (issue 20): for each site size, one table row of the figures that must stay
# flat as a site grows. For each size it generates the bench site through bench/GenerateSite.java
# (reusing bench/out/scale-N when it was generated before), rebuilds the search index from the database
# (`wargeys reindex`, the server stopped), then starts the server and measures. Every Wargeys process
# runs through ./wargeys, with the memory caps an operator gets (-Xmx256m, ...), not the JVM's defaults
# (a quarter of the machine's memory).
#
#   bench/scale.sh [SIZE ...]        (default: 10000 100000 1000000)
#   DURATION=5 bench/scale.sh 10000  (seconds a wrk measurement lasts)
# Needs: a JDK 17+, wrk, curl, python3. Loopback only. A million articles need ~15 GB of disk.
#
# Columns: generation (s, articles/s), server ready (process start -> /readyz 200), full reindex (s, and
# its peak resident memory),
# uncached article p50/p95 over one connection, unique searches p95 over one connection, archive
# page 1 and a deep cursor page (page 5,000 or the deepest there is) p50 uncached, sitemap index
# (one request, uncached), resident memory after a mixed run (cached articles, searches, archives),
# with the program's own (anonymous) part apart from the mapped index and database files.

set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000)
DURATION="${DURATION:-5}"
OUT="bench/out"
mkdir -p "$OUT"
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done
source bench/lib.sh
trap bench_cleanup EXIT

./mvnw -q -DskipTests package
CP="target/wargeys.jar:target/lib/*"
ROWS="$OUT/scale-results.txt"; : >"$ROWS"

ms() { python3 -c 'import time; print(int(time.time()*1000))'; }

# The cursor of the article DEPTH pages down the English "world" section (all bench articles are in it).
deep_cursor() { # data-dir depth
  python3 - "$1/wargeys.db" "$2" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); depth = int(sys.argv[2])
section = db.execute("SELECT id FROM sections WHERE key = 'world'").fetchone()[0]
count = db.execute("SELECT COUNT(*) FROM articles WHERE section_id = ? AND language = 'en' AND status = 'published'", (section,)).fetchone()[0]
depth = max(1, min(depth, count // 20 - 1))
row = db.execute("""SELECT published_at, id FROM articles WHERE section_id = ? AND language = 'en' AND status = 'published'
    ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET ?""", (section, depth * 20 - 1)).fetchone()
print(f"{row[0]}-{row[1]} {depth + 1}")
PY
}

for N in "${SIZES[@]}"; do
  DATA="$OUT/scale-$N"; PATHS="$OUT/scale-paths-$N.txt"
  if [ -f "$PATHS" ] && [ -f "$OUT/scale-gen-$N.txt" ]; then
    echo "scale: reusing $DATA" >&2
  else
    rm -rf "$DATA"
    t0=$(ms)
    java -Xmx512m -cp "$CP" bench/GenerateSite.java "$DATA" "$N" "$PATHS" 2> >(grep -v DEBUG >&2)
    t1=$(ms)
    echo "$(( (t1 - t0) / 1000 )) $(( N * 1000 / (t1 - t0 + 1) ))" >"$OUT/scale-gen-$N.txt"
  fi
  read -r GEN_S GEN_RATE <"$OUT/scale-gen-$N.txt"

  # Full reindex from the database, the server stopped (it prints its own time; GNU time its peak RSS).
  /usr/bin/time -f '%M' -o "$OUT/scale-reindex-rss-$N.txt" ./wargeys reindex --data "$DATA" \
    >"$OUT/scale-reindex-$N.txt" 2>&1 || { cat "$OUT/scale-reindex-$N.txt" >&2; exit 1; }
  REINDEX=$(awk '/^Indexed/ {print $(NF-1)}' "$OUT/scale-reindex-$N.txt")
  REINDEX_RSS=$(awk '{printf "%.0f MB", $1/1024}' "$OUT/scale-reindex-rss-$N.txt")

  # Server ready: process start to /readyz 200, page cache off (every request renders).
  P=$(free_port)
  t0=$(ms)
  WARGEYS_CACHE_MEGABYTES=0 ./wargeys serve --data "$DATA" --port "$P" --host 127.0.0.1 \
    >"$OUT/scale-server-$N.log" 2>&1 &
  PIDS+=($!); SERVER=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$P/readyz"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/scale-server-$N.log" >&2; exit 1; }
    sleep 0.05
  done
  READY_MS=$(( $(ms) - t0 ))
  BASE="http://127.0.0.1:$P"

  wrk -t1 -c4 -d3s -s bench/cold.lua "$BASE" -- "$PATHS" >/dev/null   # warm the JIT
  read -r _ ART_P50 ART_P95 _ < <(wrk_row "$BASE" "$DURATION" 1 bench/cold.lua "$PATHS")
  read -r _ _ SEARCH_P95 _ < <(wrk_row "$BASE" "$DURATION" 1 bench/search-flood.lua "$PATHS")
  read -r CURSOR DEPTH < <(deep_cursor "$DATA" 5000)
  read -r _ ARCH1_P50 _ _ < <(wrk_row "$BASE/en/section/world" "$DURATION" 1)
  read -r _ ARCHD_P50 _ _ < <(wrk_row "$BASE/en/section/world?before=$CURSOR" "$DURATION" 1)
  SITEMAP=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/sitemap.xml" | awk '{printf "%.0f ms", $1*1000}')
  stop_last

  # Resident memory after a mixed run, page cache on, the launcher's options.
  P=$(free_port); start_wargeys "$P" 256 "$DATA" launcher; BASE="http://127.0.0.1:$P"
  MIXED=()
  wrk -t1 -c8 -d"${DURATION}s" -s bench/cold.lua "$BASE" -- "$PATHS" >/dev/null & MIXED+=($!)
  wrk -t1 -c8 -d"${DURATION}s" -s bench/search-flood.lua "$BASE" -- "$PATHS" >/dev/null & MIXED+=($!)
  wrk -t1 -c4 -d"${DURATION}s" "$BASE/en/section/world?before=$CURSOR" >/dev/null & MIXED+=($!)
  wait "${MIXED[@]}" || true
  # Resident memory, and the part of it that is the program's own (anonymous): the rest is index and
  # database file pages mapped in, which the kernel drops first when memory is short.
  RSS=$(awk '/VmRSS/ {r=$2} /RssAnon/ {a=$2} END {printf "%.0f (%.0f own) MB", r/1024, a/1024}' "/proc/${PIDS[-1]}/status")
  stop_last

  echo "$N|${GEN_S} s|$GEN_RATE/s|$READY_MS ms|${REINDEX:-?} s, $REINDEX_RSS|$ART_P50 / $ART_P95|$SEARCH_P95|$ARCH1_P50|$ARCHD_P50 (p$DEPTH)|$SITEMAP|$RSS" >>"$ROWS"
done

echo
echo "Wargeys at scale: $(nproc) cores, $(java -version 2>&1 | head -1), wrk ${DURATION}s per figure, one connection"
printf '%-9s %8s %9s %9s %18s %19s %11s %9s %20s %9s %20s\n' "articles" "generate" "rate" "ready" "reindex, RSS" \
  "article p50/p95" "search p95" "archive 1" "archive deep" "sitemap" "RSS"
while IFS='|' read -r n gen rate ready reindex art search a1 ad sm rss; do
  printf '%-9s %8s %9s %9s %18s %19s %11s %9s %20s %9s %20s\n' "$n" "$gen" "$rate" "$ready" "$reindex" "$art" \
    "$search" "$a1" "$ad" "$sm" "$rss"
done <"$ROWS"
