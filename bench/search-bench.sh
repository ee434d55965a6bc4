#!/usr/bin/env bash
# Search benchmark: indexes N generated articles (default 100000) in English and Somali, then measures
# search latency (p50/p95) for one-, two- and three-word queries and the indexing time.
# Usage: bench/search-bench.sh [N]     (from anywhere; builds the project if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
if [ ! -f target/wargeys.jar ] || [ ! -d target/lib ]; then
  ./mvnw -B -ntp -o package -DskipTests || ./mvnw -B -ntp package -DskipTests
fi
mkdir -p target/bench
javac -encoding UTF-8 -d target/bench -cp "target/classes:target/lib/*" bench/src/org/wargeys/bench/*.java
exec java -Xmx1g -cp "target/bench:target/classes:target/lib/*" org.wargeys.bench.SearchBench "$N"
