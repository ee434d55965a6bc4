#!/usr/bin/env bash
# The live-blog benchmark (issue 17): builds Wargeys, generates the demo site plus one live article of
# N entries (bench/GenerateLive.java), starts the server, and runs wrk against the article's poll
# answer (kept by the page cache; and revalidated with its ETag, as readers' browsers do) and, in the
# same run, nginx serving the same JSON as a static file; then the live article's page and its poll
# answer uncached over one connection (a second server with the page cache off: the render time, which
# keyset pagination keeps flat however many entries there are). Prints requests/s, p50/p99 latency and
# each ratio to nginx.
#
#   bench/live-bench.sh [ENTRIES=1000] [DURATION_SECONDS=10]
# Needs: a JDK 17+, wrk and nginx (apt-get install -y wrk nginx-light), curl. Loopback only.
# Not measured here: an entry's way to a reader polling another node (LiveClusterIT proves it on
# PostgreSQL; its delay is the cluster notification's, see bench/reliability.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ENTRIES="${1:-1000}"
DURATION="${2:-10}"
OUT="bench/out"
mkdir -p "$OUT"
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y wrk nginx-light curl)" >&2; exit 2; }
done

./mvnw -q -DskipTests package
CP="target/wargeys.jar:target/lib/*"
DATA="$OUT/live-$ENTRIES"
rm -rf "$DATA" "$DATA-cold"
java -Xmx512m -cp "$CP" bench/GenerateLive.java "$DATA" "$ENTRIES" "$OUT/live-paths-$ENTRIES.txt"
ARTICLE=$(sed -n 1p "$OUT/live-paths-$ENTRIES.txt")
POLL=$(sed -n 2p "$OUT/live-paths-$ENTRIES.txt")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || echo $(( 30000 + RANDOM % 20000 )); }
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_wargeys() { # port cache-megabytes data-dir
  WARGEYS_CACHE_MEGABYTES="$2" java -Xmx256m -XX:+UseSerialGC -jar target/wargeys.jar serve \
    --data "$3" --port "$1" --host 127.0.0.1 >"$OUT/live-server-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "bench: the server on port $1 did not start" >&2; cat "$OUT/live-server-$1.log" >&2; exit 1
}

cp -r "$DATA" "$DATA-cold"
P_HOT=$(free_port); start_wargeys "$P_HOT" 256 "$DATA"
P_COLD=$(free_port); start_wargeys "$P_COLD" 0 "$DATA-cold"

# nginx serves the same poll answer as a static file.
P_NGINX=$(free_port)
NGX="$(pwd)/$OUT/live-nginx"; rm -rf "$NGX"; mkdir -p "$NGX/html" "$NGX/tmp"
curl -sf "http://127.0.0.1:$P_HOT$POLL" -o "$NGX/html/poll.json"
cat >"$NGX/nginx.conf" <<NGINX
worker_processes 2;
pid $NGX/nginx.pid;
error_log $NGX/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGX/tmp; proxy_temp_path $NGX/tmp; fastcgi_temp_path $NGX/tmp;
  uwsgi_temp_path $NGX/tmp; scgi_temp_path $NGX/tmp;
  server { listen 127.0.0.1:$P_NGINX; root $NGX/html; default_type application/json; }
}
NGINX
nginx -c "$NGX/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$P_NGINX/poll.json" >/dev/null && break; sleep 0.1; done

ETAG=$(curl -sI "http://127.0.0.1:$P_HOT$POLL" | awk -F': ' 'tolower($1)=="etag" {print $2}' | tr -d '\r')
# Warm the JIT and the cache before measuring.
wrk -t2 -c32 -d3s "http://127.0.0.1:$P_HOT$POLL" >/dev/null
wrk -t1 -c1 -d3s "http://127.0.0.1:$P_COLD$ARTICLE" >/dev/null

RESULTS="$OUT/live-results.txt"; : >"$RESULTS"
measure() { # name url connections [header]
  local name="$1" url="$2" connections="$3" header="${4:-}" threads=2 out
  [ "$connections" -lt 2 ] && threads=1
  if [ -n "$header" ]; then
    out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -H "$header" "$url")
  else
    out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency "$url")
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$name|$rps|$p50|$p99|${errors:-none}" >>"$RESULTS"
}

measure "nginx static file (the same JSON)" "http://127.0.0.1:$P_NGINX/poll.json" 32
measure "poll answer (cached)" "http://127.0.0.1:$P_HOT$POLL" 32
measure "poll answer revalidated (304)" "http://127.0.0.1:$P_HOT$POLL" 32 "If-None-Match: $ETAG"
measure "live article, uncached, one connection" "http://127.0.0.1:$P_COLD$ARTICLE" 1
measure "poll answer, uncached, one connection" "http://127.0.0.1:$P_COLD$POLL" 1

NGINX_RPS=$(awk -F'|' 'NR==1 {print $2}' "$RESULTS")
echo
echo "Wargeys live-blog benchmark: $ENTRIES entries, wrk -c32 -d${DURATION}s, $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-44s %12s %10s %10s %9s  %s\n' "target" "requests/s" "p50" "p99" "x nginx" "errors"
while IFS='|' read -r name rps p50 p99 errors; do
  ratio=$(awk -v a="$rps" -v b="$NGINX_RPS" 'BEGIN { printf "%.2f", a / b }')
  printf '%-44s %12s %10s %10s %9s  %s\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$errors"
done <"$RESULTS"
echo
echo "poll answer: $(curl -s "http://127.0.0.1:$P_HOT$POLL" | wc -c) bytes; entries in the article: $ENTRIES"
