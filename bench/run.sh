#!/usr/bin/env bash
# The page-serving benchmark (issue 7): builds Wargeys, generates a site of N articles in two
# languages, starts the server, and runs wrk against a cached article, a spread of cold article pages
# (a second server with the page cache off), the home page, a feed and a search when those exist —
# and, in the same run, nginx serving the same article HTML as a static file; plus the uncached article
# over a single connection, which is its render time. Prints requests/s,
# p50/p99 latency, each ratio to nginx, time to first byte and the server's resident memory.
#
#   bench/run.sh [ARTICLES=10000] [DURATION_SECONDS=10]
# Needs: a JDK 17+, wrk and nginx (apt-get install -y wrk nginx-light curl), and for the brotli rows
# nginx's brotli_static module (apt-get install -y libnginx-mod-http-brotli-static). Loopback only.
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

# free_port, start_wargeys and the PID list are shared with bench/scale.sh.
source bench/lib.sh
cleanup() { bench_cleanup; }
trap cleanup EXIT

# The second server (cache off) needs a data directory of its own: one search index per process.
rm -rf "$DATA-cold"; cp -r "$DATA" "$DATA-cold"
P_HOT=$(free_port); start_wargeys "$P_HOT" 256 "$DATA"; HOT_PID=${PIDS[-1]}
P_COLD=$(free_port); start_wargeys "$P_COLD" 0 "$DATA-cold"
ARTICLE=$(head -1 "$OUT/paths-$ARTICLES.txt")

# nginx serves the same article HTML as a static file.
P_NGINX=$(free_port)
NGX="$(pwd)/$OUT/nginx"; rm -rf "$NGX"; mkdir -p "$NGX/html" "$NGX/tmp"
curl -sf "http://127.0.0.1:$P_HOT$ARTICLE" -o "$NGX/html/article.html"
# The same compressed bytes Wargeys sends, served by nginx's gzip_static and brotli_static.
curl -sf -H 'Accept-Encoding: gzip' "http://127.0.0.1:$P_HOT$ARTICLE" -o "$NGX/html/article.html.gz"
curl -sf -H 'Accept-Encoding: br' "http://127.0.0.1:$P_HOT$ARTICLE" -o "$NGX/html/article.html.br"
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ -f "$BROTLI_MODULE" ]; then LOAD_BROTLI="load_module $BROTLI_MODULE;"; BROTLI_ON="brotli_static on;"
else LOAD_BROTLI=""; BROTLI_ON=""; echo "bench: no brotli_static module for nginx; the br rows are left out" >&2; fi
cat >"$NGX/nginx.conf" <<NGINX
$LOAD_BROTLI
worker_processes 2;
pid $NGX/nginx.pid;
error_log $NGX/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGX/tmp; proxy_temp_path $NGX/tmp; fastcgi_temp_path $NGX/tmp;
  uwsgi_temp_path $NGX/tmp; scgi_temp_path $NGX/tmp;
  gzip_static on; $BROTLI_ON
  server { listen 127.0.0.1:$P_NGINX; root $NGX/html; default_type text/html; }
}
NGINX
nginx -c "$NGX/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$P_NGINX/article.html" >/dev/null && break; sleep 0.1; done

# Warm the JIT and the cache before measuring.
wrk -t2 -c32 -d3s "http://127.0.0.1:$P_HOT$ARTICLE" >/dev/null
wrk -t2 -c32 -d3s -s bench/cold.lua "http://127.0.0.1:$P_COLD" -- "$OUT/paths-$ARTICLES.txt" >/dev/null

RESULTS="$OUT/results.txt"; : >"$RESULTS"
measure() { # name url [lua-script] [connections] [accept-encoding]
  local name="$1" url="$2" script="${3:-}" connections="${4:-32}" encoding="${5:-identity}" threads=2 out
  [ "$connections" -lt 2 ] && threads=1
  if [ -n "$script" ]; then
    out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -s "$script" "$url" -- "$OUT/paths-$ARTICLES.txt")
  else
    out=$(wrk -t"$threads" -c"$connections" -d"${DURATION}s" --latency -H "Accept-Encoding: $encoding" "$url")
  fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$name|$rps|$p50|$p99|${errors:-none}" >>"$RESULTS"
}
ttfb() { curl -s -o /dev/null -w '%{time_starttransfer}' "$1" | awk '{printf "%.2f ms", $1*1000}'; }

measure "nginx static file" "http://127.0.0.1:$P_NGINX/article.html"
measure "cached article" "http://127.0.0.1:$P_HOT$ARTICLE"
measure "cold articles (cache off, random of $ARTICLES)" "http://127.0.0.1:$P_COLD" bench/cold.lua
# One connection: the render time of an uncached article page, without queueing behind 31 others.
measure "cold articles, one connection (render time)" "http://127.0.0.1:$P_COLD" bench/cold.lua 1
measure "home page (cached)" "http://127.0.0.1:$P_HOT/en/"
measure "section page (cached)" "http://127.0.0.1:$P_HOT/en/section/world"
for extra in "/en/rss.xml|RSS feed (cached)" "/en/search?q=iran+embassy|search, repeated (page cache)"; do
  path="${extra%%|*}"; name="${extra##*|}"
  if curl -sf -o /dev/null "http://127.0.0.1:$P_HOT$path"; then measure "$name" "http://127.0.0.1:$P_HOT$path"; fi
done
# Issue 20: distinct searches flooding the server while readers ask for the cached article, measured
# at once: the article's p99 must stay low (the bound on searches at once sheds the flood).
wrk -t1 -c32 -d"$((DURATION + 2))s" --latency -s bench/search-flood.lua "http://127.0.0.1:$P_HOT" \
  -- "$OUT/paths-$ARTICLES.txt" >"$OUT/flood.txt" &
FLOOD=$!
sleep 1
measure "cached article during a search flood" "http://127.0.0.1:$P_HOT$ARTICLE"
wait "$FLOOD" || true
# Compressed, as browsers ask: each against nginx serving the same compressed bytes (gzip_static,
# brotli_static); the ratio column compares a row with the nginx row above it.
measure "nginx static file, gzip" "http://127.0.0.1:$P_NGINX/article.html" "" 32 gzip
measure "cached article, gzip" "http://127.0.0.1:$P_HOT$ARTICLE" "" 32 gzip
if [ -n "$BROTLI_ON" ]; then
  measure "nginx static file, br" "http://127.0.0.1:$P_NGINX/article.html" "" 32 br
  measure "cached article, br" "http://127.0.0.1:$P_HOT$ARTICLE" "" 32 br
fi

echo
echo "Wargeys page benchmark: $ARTICLES articles, wrk -t2 -c32 -d${DURATION}s, $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-48s %12s %10s %10s %9s  %s\n' "target" "requests/s" "p50" "p99" "x nginx" "errors"
while IFS='|' read -r name rps p50 p99 errors; do
  case "$name" in nginx*) NGINX_RPS="$rps" ;; esac
  ratio=$(awk -v a="$rps" -v b="$NGINX_RPS" 'BEGIN { printf "%.2f", a / b }')

  printf '%-48s %12s %10s %10s %9s  %s\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$errors"
done <"$RESULTS"
echo
echo "time to first byte, one request: nginx $(ttfb "http://127.0.0.1:$P_NGINX/article.html"), cached article $(ttfb "http://127.0.0.1:$P_HOT$ARTICLE"), cold article $(ttfb "http://127.0.0.1:$P_COLD$(sed -n 7p "$OUT/paths-$ARTICLES.txt")")"
echo "resident memory of the cached server after the run: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$HOT_PID/status)"
echo "the search flood beside it (distinct queries, -c32): $(awk '/Requests\/sec/ {print $2}' "$OUT/flood.txt") requests/s, p99 $(awk '$1=="99%" {print $2}' "$OUT/flood.txt"), $(grep 'refused' "$OUT/flood.txt")"

