-- wrk script: runs the script named by the WRK_SCRIPT environment variable (if any), then also prints
-- the 95th percentile of latency, which wrk's --latency table leaves out (bench/lib.sh, wrk_row).
local inner = os.getenv("WRK_SCRIPT")
if inner and inner ~= "" then dofile(inner) end
local inner_done = done
function done(summary, latency, requests)
  if inner_done then inner_done(summary, latency, requests) end
  io.write(string.format("p95: %.2fms\n", latency:percentile(95) / 1000))
end
