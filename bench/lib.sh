# Shared pieces of the benchmarks (bench/run.sh, bench/scale.sh): free ports, a Wargeys server started
# and stopped by PID, and one wrk measurement as a table row. Source it from the project root.

PIDS=()
bench_cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || echo $(( 30000 + RANDOM % 20000 )); }

# start_wargeys PORT CACHE_MEGABYTES DATA_DIR [JAVA_OPTIONS]: starts a server in the background (its PID
# is the last of PIDS) and waits for /healthz. The default Java options are bench/run.sh's; "launcher"
# runs ./wargeys, with the options an operator gets (its exec keeps the PID the server's).
start_wargeys() {
  local opts="${4:--Xmx256m -XX:+UseSerialGC}"
  if [ "$opts" = launcher ]; then
    WARGEYS_CACHE_MEGABYTES="$2" ./wargeys serve --data "$3" --port "$1" --host 127.0.0.1 >"$OUT/server-$1.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    WARGEYS_CACHE_MEGABYTES="$2" java $opts -jar target/wargeys.jar serve \
      --data "$3" --port "$1" --host 127.0.0.1 >"$OUT/server-$1.log" 2>&1 &
  fi

  PIDS+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "bench: the server on port $1 did not start" >&2; cat "$OUT/server-$1.log" >&2; exit 1
}

# stop_last: stops the server started last.
stop_last() { local p="${PIDS[-1]}"; kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; unset 'PIDS[-1]'; }

# wrk_row URL SECONDS CONNECTIONS [LUA_SCRIPT] [SCRIPT_ARGUMENT]: prints "requests/s p50 p95 p99".
wrk_row() {
  local url="$1" seconds="$2" connections="$3" script="${4:-}" arg="${5:-}" threads=2 out
  [ "$connections" -lt 2 ] && threads=1
  out=$(WRK_SCRIPT="$script" wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s bench/p95.lua "$url" -- "$arg")
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out") $(awk '$1=="p95:" {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out")"
}
