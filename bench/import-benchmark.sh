#!/usr/bin/env bash
# Imports a generated WordPress export of N posts (default 20,000) into a fresh SQLite site with a
# 256 MB heap, and prints the wall time and the peak heap in use (from the GC log).
# Usage: bench/import-benchmark.sh [N]      (PostgreSQL: WARGEYS_DB_URL=jdbc:postgresql://... bench/import-benchmark.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -f target/wargeys.jar ] || ./mvnw -B -ntp -q -DskipTests package
java bench/GenerateWxr.java "$N" "$WORK/posts.xml"
echo "bench: $N posts, $(du -h "$WORK/posts.xml" | cut -f1) of WXR"
START=$(date +%s.%N)
java -Xmx256m -XX:+UseSerialGC -Xlog:gc:file="$WORK/gc.log" -jar target/wargeys.jar \
  import wordpress --data "$WORK/data" "$WORK/posts.xml" > "$WORK/report.txt"
END=$(date +%s.%N)
head -8 "$WORK/report.txt"
# Serial GC lines read "Pause Young (Allocation Failure) 70M->12M(247M) 3.1ms": the number before the arrow is the heap in use.
PEAK=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | cut -dM -f1 | sort -n | tail -1)
AFTER=$(grep -oE '[0-9]+M->[0-9]+M' "$WORK/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
echo "bench: wall time $(echo "$END - $START" | bc) s; peak heap in use ${PEAK:-?} MB (largest live set after a GC: ${AFTER:-?} MB; limit 256 MB)"
