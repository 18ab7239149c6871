#!/usr/bin/env bash
# Midad's search index vs Pagefind on the same built synthetic site, in one run: recall per query class,
# index build time and peak memory (GNU time), first-query download bytes.
#
#   bench/search/run.sh [N]            N synthetic articles (default 1000) plus the probe articles
#   PAGEFIND=0 bench/search/run.sh N   Midad alone (Pagefind's indexer needs ~0.3 GB per 1,000 articles)
#
# Needs JDK 17+, Maven, python3, node/npm and GNU time (apt-get install -y time). Pagefind comes from npm
# (npm install pagefind) into the work folder. BENCH_WORK (default $TMPDIR/midad-search-bench) holds
# everything; MIDAD_JAR=path skips building the jar.
set -euo pipefail
N=${1:-1000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/midad-search-bench}
PAGEFIND_VERSION=${PAGEFIND_VERSION:-1.6.0}
mkdir -p "$WORK"

# generate.py is deterministic: a site generated before for the same N is reused
if [ "$(cat "$WORK/gen/.articles" 2>/dev/null)" != "$N" ]; then
  rm -rf "$WORK/gen"
  python3 "$ROOT/bench/generate.py" "$N" "$WORK/gen" >/dev/null
  echo "$N" > "$WORK/gen/.articles"
fi
SITE=$WORK/gen/midad
python3 "$ROOT/bench/search/probes.py" "$SITE" "$WORK/queries.tsv"
# Pagefind's docs: mark the content with data-pagefind-body so that headers, menus and list pages stay out.
mkdir -p "$SITE/templates"
sed 's/<article class="story"/<article data-pagefind-body class="story"/' "$ROOT/templates/article.ftlh" \
  > "$SITE/templates/article.ftlh"
grep -q data-pagefind-body "$SITE/templates/article.ftlh"

JAR=${MIDAD_JAR:-}
if [ -z "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q package -DskipTests -pl generator-core)
  JAR=$(ls "$ROOT"/generator-core/target/midad-core-*-cli.jar)
fi
cp "$JAR" "$WORK/midad.jar"
if [ "${PAGEFIND:-1}" != 0 ] && [ ! -x "$WORK/node_modules/.bin/pagefind" ]; then
  (cd "$WORK" && npm install --no-save --no-audit --no-fund "pagefind@$PAGEFIND_VERSION" >/dev/null)
fi

OUT=$WORK/out
rm -rf "$OUT" "$WORK/index-only"
echo "midad build (pages, feeds and the search index)" >&2
/usr/bin/time -v -o "$WORK/time-midad-build.txt" java -jar "$WORK/midad.jar" build "$SITE" "$OUT" >/dev/null
echo "midad search index alone" >&2
/usr/bin/time -v -o "$WORK/time-midad-index.txt" java -cp "$WORK/midad.jar" "$ROOT/bench/search/IndexOnly.java" \
  "$SITE" "$WORK/index-only" > "$WORK/index-only.txt"
rm -f "$WORK/time-pagefind.txt"
if [ "${PAGEFIND:-1}" != 0 ]; then
  echo "pagefind" >&2
  (cd "$WORK" && /usr/bin/time -v -o "$WORK/time-pagefind.txt" npx pagefind --site "$OUT" > "$WORK/pagefind.log")
fi
echo "queries" >&2
node "$ROOT/bench/search/query.mjs" "$OUT" "$WORK/queries.tsv" "$ROOT/templates/assets/search.js" \
  > "$WORK/query-results.tsv"
python3 "$ROOT/bench/search/report.py" "$WORK" "$N" | tee "$WORK/report-$N.md"
