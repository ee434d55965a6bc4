#!/usr/bin/env bash
# The newsletter benchmark (issue 16): a site of 200 articles in two languages with N confirmed
# subscribers (half English, half Somali), one server sending to GreenMail (in its own JVM, emptied as
# it goes), and the daily digest armed: the server's digest job queues a digest to every subscriber in
# keyset pages and its mail worker sends them. Prints the messages per second (first to last delivery
# seen by GreenMail), the server's heap before, during and after the send (the old generation, where
# anything kept would pile up; before and after measured after a full GC), and the cached article's p50/p99 under wrk without the send and during it.
#
#   bench/newsletter.sh [SUBSCRIBERS=10000] [DURATION_SECONDS=10]
# Needs: a JDK 17+ (jstat, jcmd), wrk (apt-get install -y wrk), curl, iproute2. Loopback only. Run the
# 100,000 figure only on a quiet machine (about 15 minutes at 100+ messages a second).
#
# Loopback without the 40 ms stall (docs/performance.md): a digest is more than 8 KB, which the SMTP
# client (Angus) writes to its socket in two pieces; Nagle holds the second piece back until the
# first is acknowledged, and the receiver (GreenMail here, any Linux receiver) delays that ACK by
# 40 ms. Run as root, the bench sets `quickack 1` on the local route to 127.0.0.1 for its duration
# (the receiver acknowledges at once) and restores the route on exit. Not root, or
# NEWSLETTER_BENCH_QUICKACK=0: the route is left alone and the figure carries the stall (about 20
# messages a second). bench/SmtpStall.java measures it with nothing of Wargeys involved.
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS="${1:-10000}"
DURATION="${2:-10}"
OUT="bench/out"
mkdir -p "$OUT"
for tool in wrk curl jstat jcmd; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 2; }
done

./mvnw -q -DskipTests package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-classpath.txt"
CP="target/wargeys.jar:target/lib/*"
TCP="target/wargeys.jar:$(cat "$OUT/test-classpath.txt")"
DATA="$OUT/newsletter-site"
if [ ! -f "$OUT/newsletter-paths.txt" ]; then
  rm -rf "$DATA"
  java -Xmx512m -cp "$CP" bench/GenerateSite.java "$DATA" 200 "$OUT/newsletter-paths.txt"
fi
java -cp "$TCP" bench/NewsletterBench.java prepare "$DATA" "$SUBSCRIBERS"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || echo $(( 30000 + RANDOM % 20000 )); }
PIDS=()
ROUTE_BEFORE=""
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  if [ -n "$ROUTE_BEFORE" ]; then
    # shellcheck disable=SC2086 # the route's words, as ip printed them
    ip route change table local $ROUTE_BEFORE || echo "bench: could not restore: ip route change table local $ROUTE_BEFORE" >&2
  fi
}
trap cleanup EXIT

QUICKACK="off (the 40 ms stall is in the figure)"
if [ "${NEWSLETTER_BENCH_QUICKACK:-1}" = 1 ] && [ "$(id -u)" = 0 ] && command -v ip >/dev/null; then
  ROUTE=$(ip route show table local 127.0.0.1 | head -1)
  if [ -n "$ROUTE" ] && [[ "$ROUTE" != *quickack* ]]; then
    # shellcheck disable=SC2086
    ip route change table local $ROUTE quickack 1 && ROUTE_BEFORE="$ROUTE" && QUICKACK="on for the bench (route restored on exit)"
  elif [[ "$ROUTE" == *quickack* ]]; then
    QUICKACK="on (already set)"
  fi
fi

P_SMTP=$(free_port)
COUNT="$OUT/newsletter-delivered.txt"; rm -f "$COUNT"
java -Xmx1g -cp "$TCP" bench/NewsletterBench.java smtp "$P_SMTP" "$COUNT" >"$OUT/newsletter-smtp.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do [ -f "$COUNT" ] && break; sleep 0.2; done

P=$(free_port)
WARGEYS_MAIL_SMTP_HOST=127.0.0.1 WARGEYS_MAIL_SMTP_PORT="$P_SMTP" WARGEYS_MAIL_SMTP_SECURITY=none \
  WARGEYS_MAIL_FROM="Warsoor <news@warsoor.test>" WARGEYS_MAIL_RATE_PER_MINUTE=1000000 WARGEYS_CACHE_MEGABYTES=256 \
  java -Xmx256m -XX:+UseSerialGC -jar target/wargeys.jar serve --data "$DATA" --port "$P" --host 127.0.0.1 --no-demo \
  >"$OUT/newsletter-server.log" 2>&1 &
SERVER=$!; PIDS+=($SERVER)
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$P/healthz" >/dev/null && break; sleep 0.2; done
ARTICLE=$(head -1 "$OUT/newsletter-paths.txt")

heap() { jstat -gc "$SERVER" | awk 'NR==2 { printf "%.1f", $8/1024 }'; }   # old generation used, MB
heap_after_gc() { jcmd "$SERVER" GC.run >/dev/null; heap; }
p_wrk() { wrk -t2 -c16 -d"${DURATION}s" --latency "http://127.0.0.1:$P$ARTICLE" \
  | awk '/ 50%/{p50=$2} / 99%/{p99=$2} /Requests\/sec/{rps=$2} END{print "p50 " p50 ", p99 " p99 ", " rps " req/s"}'; }

wrk -t2 -c16 -d3s "http://127.0.0.1:$P$ARTICLE" >/dev/null   # warm the JIT and the page cache
QUIET=$(p_wrk)
HEAP_BEFORE=$(heap_after_gc)

java -cp "$TCP" bench/NewsletterBench.java arm "$DATA"
ARMED=$(date +%s%3N)
delivered() { cut -d' ' -f1 "$COUNT"; }
# The digest job looks each minute.
for _ in $(seq 1 1300); do [ "$(delivered)" -gt 0 ] && break; sleep 0.1; done
FIRST=$(date +%s%3N)
[ "$(delivered)" -gt 0 ] || { echo "bench: no digest arrived" >&2; tail -20 "$OUT/newsletter-server.log" >&2; exit 1; }
DURING_FILE="$OUT/newsletter-wrk-during.txt"
( p_wrk >"$DURING_FILE" ) &
WRK=$!
HEAP_MAX=0
DEADLINE=$(( $(date +%s) + 7200 ))
while [ "$(delivered)" -lt "$SUBSCRIBERS" ] && [ "$(date +%s)" -lt "$DEADLINE" ]; do
  h=$(heap); awk -v a="$h" -v b="$HEAP_MAX" 'BEGIN{exit !(a>b)}' && HEAP_MAX=$h
  sleep 1
done
LAST=$(date +%s%3N)
wait "$WRK" || true
DONE=$(delivered)
HEAP_AFTER=$(heap_after_gc)
RATE=$(awk -v n="$DONE" -v ms="$(( LAST - FIRST ))" 'BEGIN{ printf "%.0f", (ms > 0 ? n * 1000 / ms : 0) }')

echo "newsletter bench, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -m), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "subscribers:                 $SUBSCRIBERS (en, so); delivered: $DONE"
echo "loopback quickack:           $QUICKACK"
echo "from armed to first message: $(( FIRST - ARMED )) ms (the digest job looks once a minute)"
echo "send:                        $RATE messages/s (first to last delivery, $(( (LAST - FIRST) / 1000 )) s)"
echo "old generation (MB, -Xmx256m): before $HEAP_BEFORE, at most $HEAP_MAX during (sampled each second), after $HEAP_AFTER"
echo "cached article, no send:     $QUIET"
echo "cached article, during send: $(cat "$DURING_FILE")"
