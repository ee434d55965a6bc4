#!/usr/bin/env bash
# The Content API benchmark (issue 18): generates a site of N articles in two languages (as run.sh
# does), starts one server with the page cache on and one with it off, and runs wrk against the cached
# list endpoint and, in the same run, nginx serving the very same JSON bytes as a static file; then
# uncached articles by id (random ids, cache off) over one connection, whose p50 is their time to
# answer. Rate limits are raised out of the way (they are counted all the same). Prints requests/s,
# p50/p99 and each ratio to nginx.
#
#   bench/api-bench.sh [ARTICLES=10000] [DURATION_SECONDS=10]
# Needs: a JDK 17+, wrk and nginx (apt-get install -y wrk nginx-light), curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-10000}"
DURATION="${2:-10}"
OUT="bench/out"
mkdir -p "$OUT"
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y wrk nginx-light curl)" >&2; exit 2; }
done

./mvnw -q -DskipTests package
CP="target/wargeys.jar:target/lib/*"
DATA="$OUT/site-$ARTICLES"
if [ ! -f "$OUT/paths-$ARTICLES.txt" ]; then
  rm -rf "$DATA"
  java -Xmx512m -cp "$CP" bench/GenerateSite.java "$DATA" "$ARTICLES" "$OUT/paths-$ARTICLES.txt"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || echo $(( 30000 + RANDOM % 20000 )); }
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_wargeys() { # port cache-megabytes data-dir
  WARGEYS_CACHE_MEGABYTES="$2" WARGEYS_API_RATE_LIMIT_PER_MINUTE=1000000000 \
    java -Xmx256m -XX:+UseSerialGC -jar target/wargeys.jar serve \
    --data "$3" --port "$1" --host 127.0.0.1 --no-demo >"$OUT/api-server-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "bench: the server on port $1 did not start" >&2; cat "$OUT/api-server-$1.log" >&2; exit 1
}

rm -rf "$DATA-api-cold"; cp -r "$DATA" "$DATA-api-cold"
P_HOT=$(free_port); start_wargeys "$P_HOT" 256 "$DATA"
P_COLD=$(free_port); start_wargeys "$P_COLD" 0 "$DATA-api-cold"
LIST="/api/v1/articles?language=en"

# nginx serves the same JSON as a static file.
P_NGINX=$(free_port)
NGX="$(pwd)/$OUT/nginx-api"; rm -rf "$NGX"; mkdir -p "$NGX/html" "$NGX/tmp"
curl -sf "http://127.0.0.1:$P_HOT$LIST" -o "$NGX/html/articles.json"
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
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$P_NGINX/articles.json" >/dev/null && break; sleep 0.1; done
MAX_ID=$ARTICLES # every id up to here is a published article (the demo pair, then the generated ones)

# Warm the JIT and the cache before measuring.
wrk -t2 -c32 -d3s "http://127.0.0.1:$P_HOT$LIST" >/dev/null
wrk -t1 -c1 -d3s -s bench/api.lua "http://127.0.0.1:$P_COLD" -- "$MAX_ID" >/dev/null

RESULTS="$OUT/api-results.txt"; : >"$RESULTS"
measure() { # name url connections [lua-script]
  local name="$1" url="$2" connections="$3" script="${4:-}" threads=2 out
  [ "$connections" -lt 2 ] && threads=1
  if [ -n "$script" ]; then
    out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -s "$script" "$url" -- "$MAX_ID")
  else
    out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency "$url")
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$name|$rps|$p50|$p99|${errors:-none}" >>"$RESULTS"
}

measure "nginx, the same JSON as a static file" "http://127.0.0.1:$P_NGINX/articles.json" 32
measure "cached list GET $LIST" "http://127.0.0.1:$P_HOT$LIST" 32
measure "uncached article by id, one connection" "http://127.0.0.1:$P_COLD" 1 bench/api.lua
measure "uncached article by id, 32 connections" "http://127.0.0.1:$P_COLD" 32 bench/api.lua

NGINX_RPS=$(awk -F'|' 'NR==1 {print $2}' "$RESULTS")
echo
echo "Wargeys Content API benchmark: $ARTICLES articles, wrk -t2 -c32 -d${DURATION}s, $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-48s %12s %10s %10s %9s  %s\n' "target" "requests/s" "p50" "p99" "x nginx" "errors"
while IFS='|' read -r name rps p50 p99 errors; do
  ratio=$(awk -v a="$rps" -v b="$NGINX_RPS" 'BEGIN { printf "%.2f", a / b }')
  printf '%-48s %12s %10s %10s %9s  %s\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$errors"
done <"$RESULTS"
