#!/usr/bin/env bash
# Tag and author pages at depth (issue 20, V0034): page 1 and a deep cursor page of the most and of the
# least used tag of a bench site, of its author, and of its section for comparison, each p50/p95 over
# one connection, uncached (page cache off: every request reads the database and renders).
#
#   bench/term-pages.sh DATA_DIR [DEPTH]     (a site bench/GenerateSite.java made; DEPTH pages, 5000)
#   JAR=/elsewhere/wargeys.jar DURATION=5 bench/term-pages.sh bench/out/scale-100000
#
# The cursors are computed from the articles' own columns (python3, read-only), so the same command
# measures a build from before V0034 on a copy of the same site. Needs wrk, curl, python3; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="$1"; DEPTH="${2:-5000}"; DURATION="${DURATION:-5}"; JAR="${JAR:-target/wargeys.jar}"
OUT="bench/out"; mkdir -p "$OUT"
source bench/lib.sh
trap bench_cleanup EXIT

# One line per list: "label path cursor page articles", the cursor that of the last article DEPTH pages
# down (or of the deepest page that still shows 20), for English.
python3 - "$DATA/wargeys.db" "$DEPTH" >"$OUT/term-pages-lists.txt" <<'PY'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
depth = int(sys.argv[2])
def published(link, column, term):
    return f"""FROM articles a WHERE a.language = 'en' AND a.status = 'published'
        AND EXISTS (SELECT 1 FROM {link} x WHERE x.article_id = a.id AND x.{column} = {term})"""
def line(label, path, rows):
    count = db.execute("SELECT COUNT(*) " + rows).fetchone()[0]
    d = max(0, min(depth, (count - 21) // 20))  # a full page of 20 below the cursor, and more
    at, i = db.execute("SELECT a.published_at, a.id " + rows + " ORDER BY a.published_at DESC, a.id DESC LIMIT 1 OFFSET ?",
                       (max(0, d * 20 - 1),)).fetchone()
    print(label, path, f"{at}-{i}" if d > 0 else "-", d + 1, count)
tags = db.execute("""SELECT t.id, COALESCE(n.slug, t.key), COUNT(*) FROM article_tags l JOIN tags t ON t.id = l.tag_id
    JOIN articles a ON a.id = l.article_id LEFT JOIN tag_names n ON n.tag_id = t.id AND n.language = 'en'
    WHERE a.language = 'en' AND a.status = 'published' GROUP BY t.id, n.slug, t.key ORDER BY 3 DESC, 1""").fetchall()
for label, (tag, slug, _) in (("tag-universal", tags[0]), ("tag-rare", tags[-1])):
    line(label, "/en/tag/" + slug, published("article_tags", "tag_id", tag))
author, slug = db.execute("""SELECT u.id, COALESCE(n.slug, u.key) FROM article_authors l JOIN authors u ON u.id = l.author_id
    LEFT JOIN author_names n ON n.author_id = u.id AND n.language = 'en' GROUP BY u.id, n.slug, u.key ORDER BY COUNT(*) DESC LIMIT 1""").fetchone()
line("author", "/en/author/" + slug, published("article_authors", "author_id", author))
section, slug = db.execute("""SELECT s.id, COALESCE(n.slug, s.key) FROM sections s LEFT JOIN section_names n
    ON n.section_id = s.id AND n.language = 'en' WHERE s.key = 'world'""").fetchone()
line("section", "/en/section/" + slug, f"FROM articles a WHERE a.section_id = {section} AND a.language = 'en' AND a.status = 'published'")
PY

P=$(free_port)
WARGEYS_CACHE_MEGABYTES=0 WARGEYS_METRICS_PORT=off java -jar "$JAR" serve --data "$DATA" --port "$P" --host 127.0.0.1 >"$OUT/term-pages-server.log" 2>&1 &
PIDS+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$P/readyz"; do
  kill -0 "${PIDS[-1]}" 2>/dev/null || { cat "$OUT/term-pages-server.log" >&2; exit 1; }
  sleep 0.1
done
BASE="http://127.0.0.1:$P"
# Warm the JIT on the lists themselves.
while read -r _ path cursor _ _; do
  wrk -t1 -c2 -d2s "$BASE$path" >/dev/null
  [ "$cursor" != "-" ] && wrk -t1 -c2 -d2s "$BASE$path?before=$cursor" >/dev/null
done <"$OUT/term-pages-lists.txt"

echo "Term pages: $(nproc) cores, $(java -version 2>&1 | head -1), $JAR, uncached, wrk ${DURATION}s per figure, one connection"
printf '%-14s %-26s %9s %18s %18s\n' "list" "path" "articles" "page 1 p50/p95" "deep p50/p95"
while read -r label path cursor page count; do
  read -r _ P50 P95 _ < <(wrk_row "$BASE$path" "$DURATION" 1)
  DEEP="-"
  if [ "$cursor" != "-" ]; then
    read -r _ D50 D95 _ < <(wrk_row "$BASE$path?before=$cursor" "$DURATION" 1)
    DEEP="$D50 / $D95 (p$page)"
  fi
  printf '%-14s %-26s %9s %18s %18s\n' "$label" "$path" "$count" "$P50 / $P95" "$DEEP"
done <"$OUT/term-pages-lists.txt"
