#!/usr/bin/env bash
# The newsroom's article list at N articles (issue 14: under 100 ms at 100,000): fills a fresh database,
# starts the server, signs in as an editor and times GET /admin/articles over HTTP for the first page,
# pages far down, each filter, the sorts and searches. Prints p50/p95/max per case.
# Usage: bench/desk-list-bench.sh [N=100000] [JDBC_URL]   (SQLite in a temporary directory by default;
#        for PostgreSQL give a URL to an empty database, BENCH_DB_USER / BENCH_DB_PASSWORD in the environment)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
if [ ! -f target/wargeys.jar ] || [ ! -d target/lib ]; then
  ./mvnw -B -ntp -o package -DskipTests || ./mvnw -B -ntp package -DskipTests
fi
mkdir -p target/bench
javac -encoding UTF-8 -d target/bench -cp "target/classes:target/lib/*" bench/src/org/wargeys/bench/*.java
exec java -Xmx256m -cp "target/bench:target/classes:target/lib/*" org.wargeys.bench.DeskListBench "$N" ${2:+"$2"}
