#!/usr/bin/env bash
# Midad vs Hugo, like for like in both directions, side by side in one run. See bench/README.md.
#
#   bench/run.sh N [N…]            e.g. bench/run.sh 1000 10000 100000
#
# For each N, two comparisons of the same generated articles (bench/generate.py):
#   lean  Midad set to write what an idiomatic lean Hugo site writes (bench/hugo-lean: Hugo's built-in RSS of
#         summaries per term, built-in sitemap and pagination by 20, no related content)
#   full  Midad's default output against a Hugo theme doing the same work (bench/hugo-theme: related
#         articles, RSS + Atom + JSON Feed with full content for the site and categories, RSS summaries for
#         tags and authors, Open Graph and JSON-LD, numbered pagination by 10)
# Each tool: one untimed warm-up build (page cache; Midad's launcher writes its class-data archive), then RUNS
# timed builds, the two tools alternating and the order swapped every run. Every build starts from a fresh
# process and a deleted output folder; Midad with --clean (its build cache ignored), Hugo with --ignoreCache.
#
# Environment (all optional):
#   RUNS=3                 timed runs per tool and comparison (the median is reported)
#   COMPARISONS='lean full'
#   BENCH_WORK=/tmp/midad-bench   where sites, outputs and logs go (N=100000: ~12 GB)
#   MIDAD_JAR=path         use this fat jar instead of building generator-core (copied first, so a rebuild of
#                          the engine during the run cannot change what is measured)
#   MIDAD_FLAGS='launcher' Midad variants, '|'-separated, one table row each: "launcher" runs bin/midad (as a
#                          publisher does: serial GC, class-data archive; the ahead-of-time cache of a JDK 25+
#                          java); anything else is JVM flags for a bare `java … -jar midad.jar` ("default": none)
#   EDITS=1                also: edit one article, then `bin/midad build` with the build cache (cold JVM), RUNS times;
#                          then add one (the newest) and build the same way, RUNS times (at most 9)
#   WARM=0                 also: warm-JVM full builds and the live preview's rebuild after one edit (bench/Warm.java)
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: bench/run.sh N [N…]" >&2; exit 2; }
SIZES=("$@")
RUNS=${RUNS:-3}
COMPARISONS=${COMPARISONS:-lean full}
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
WORK=${BENCH_WORK:-/tmp/midad-bench}
MIDAD_FLAGS=${MIDAD_FLAGS:-launcher}
EDITS=${EDITS:-1}
WARM=${WARM:-0}

# --- tools -------------------------------------------------------------------------------------------------
missing=()
command -v hugo >/dev/null || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]} (Debian packages)" >&2
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "needs: ${missing[*]} (Debian: apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi
command -v java >/dev/null && command -v python3 >/dev/null || { echo "needs java 17+ and python3" >&2; exit 1; }

# shellcheck source=bench/jar.sh
. "$BENCH/jar.sh"
midad_jar "$WORK" "$ROOT"
# the launcher keeps its class-data archive here (not in the user's cache), made by the warm-up build
export XDG_CACHE_HOME="$WORK/launcher-cache"
export MIDAD_JAR="$JAR"
IFS='|' read -r -a VARIANTS <<<"$MIDAD_FLAGS"

RESULTS="$WORK/results.tsv"
printf 'comparison\ttool\tflags\tn\tkind\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tfiles\tbytes\tload1\n' > "$RESULTS"

load1() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || uptime | sed 's/.*load average[s]*: *//; s/,.*//'; }

# measure COMPARISON TOOL FLAGS KIND RUN OUT -- command…
measure() {
  local comparison=$1 tool=$2 flags=$3 kind=$4 run=$5 out=$6
  shift 7
  local tag="$N-$comparison-$tool-${flags// /_}-$kind-$run"
  tag=${tag//[^A-Za-z0-9_.=+-]/_}
  [ "$kind" = full ] && rm -rf "$out"
  local load rc=0
  load=$(load1)
  /usr/bin/time -v -o "$LOGS/$tag.time" "$@" >"$LOGS/$tag.log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAILED ($rc): $*" >&2
    tail -20 "$LOGS/$tag.log" >&2
    exit 1
  fi
  local wall user sys rss files bytes
  read -r wall user sys rss <<<"$(python3 "$BENCH/report.py" time "$LOGS/$tag.time")"
  files=$(find "$out" -type f | wc -l)
  bytes=$(du -sb "$out" | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$comparison" "$tool" "$flags" "$N" "$kind" \
    "$run" "$wall" "$user" "$sys" "$rss" "$files" "$bytes" "$load" >> "$RESULTS"
  printf '  N=%-7s %-5s %-6s %-28s run %s: %7ss wall, %6s MiB, %6s files (load %s)\n' "$N" "$comparison" \
    "$tool" "${flags:-default}" "$run" "$wall" "$((rss / 1024))" "$files" "$load" >&2
}

midad_build() {  # COMPARISON RUN SITE OUT [--clean]
  local v
  for v in "${VARIANTS[@]}"; do
    if [ "$v" = launcher ]; then
      measure "$1" midad launcher full "$2" "$4" -- "$ROOT/bin/midad" build "$3" "$4" --clean
    else
      local flags=$v
      [ "$flags" = default ] && flags=""
      # shellcheck disable=SC2086  # flags are words on purpose
      measure "$1" midad "$v" full "$2" "$4" -- java $flags -jar "$JAR" build "$3" "$4" --clean
    fi
  done
}
hugo_build() {  # COMPARISON RUN SITE OUT
  measure "$1" hugo "" full "$2" "$4" -- hugo --quiet --ignoreCache --source "$3" --destination "$4"
}

LOAD_START=$(uptime)
for N in "${SIZES[@]}"; do
  SITE="$WORK/site-$N"
  LOGS="$WORK/logs-$N"
  rm -rf "$LOGS"
  mkdir -p "$LOGS"
  python3 "$BENCH/generate.py" "$N" "$SITE" >&2
  for comparison in $COMPARISONS; do
    case $comparison in
      lean) msite="$SITE/midad-lean" hsite="$SITE/hugo-lean" ;;
      full) msite="$SITE/midad" hsite="$SITE/hugo" ;;
      *) echo "unknown comparison $comparison (lean, full)" >&2; exit 2 ;;
    esac
    mout="$WORK/out-midad-$comparison-$N"
    hout="$WORK/out-hugo-$comparison-$N"
    echo "N=$N $comparison: one untimed warm-up build each, then $RUNS timed builds each, alternating" >&2
    midad_build "$comparison" 0 "$msite" "$mout"
    hugo_build "$comparison" 0 "$hsite" "$hout"
    for r in $(seq 1 "$RUNS"); do
      if [ $((r % 2)) = 1 ]; then
        midad_build "$comparison" "$r" "$msite" "$mout"; hugo_build "$comparison" "$r" "$hsite" "$hout"
      else
        hugo_build "$comparison" "$r" "$hsite" "$hout"; midad_build "$comparison" "$r" "$msite" "$mout"
      fi
    done
    # --- one article edited, then an ordinary build: the persistent build cache, a cold JVM ----------------
    if [ "$EDITS" = 1 ] && [ "$comparison" = full ]; then
      EDITED=$(find "$msite/articles" -name '000001.md')
      ORIGINAL="$WORK/000001.md.orig"
      cp "$EDITED" "$ORIGINAL"
      "$ROOT/bin/midad" build "$msite" "$mout" >/dev/null  # fills the build cache
      for r in $(seq 1 "$RUNS"); do
        printf '\nفقرة أضيفت للقياس رقم %s.\n' "$r" >> "$EDITED"
        measure "$comparison" midad launcher edit "$r" "$mout" -- "$ROOT/bin/midad" build "$msite" "$mout"
      done
      cp "$ORIGINAL" "$EDITED"
      # one new article, the newest (every list page it is on shifts by one), then the same build
      for r in $(seq 1 "$RUNS"); do
        ADDED="$(dirname "$EDITED")/added-$r.md"
        sed -e "s/^slug: .*/slug: \"added-$r\"/" -e "s/^date: .*/date: 2024-12-31T12:0$r:00+03:00/" \
          -e "s/^title: \"/title: \"خبر جديد $r $(date +%s) /" "$ORIGINAL" > "$ADDED"  # a card to draw
        measure "$comparison" midad launcher add "$r" "$mout" -- "$ROOT/bin/midad" build "$msite" "$mout"
      done
      rm -f "$(dirname "$EDITED")"/added-*.md
      "$ROOT/bin/midad" build "$msite" "$mout" >/dev/null  # the output and cache of the generated site again
    fi
    if [ "$WARM" = 1 ] && [ "$comparison" = full ]; then
      echo "warm JVM: 3 builds in one JVM, then the preview's rebuild after 9 edits of one article" >&2
      EDITED=$(find "$msite/articles" -name '000001.md')
      java -XX:+UseSerialGC -cp "$JAR" "$BENCH/Warm.java" "$msite" "$WORK/out-midad-warm-$N" 3 9 "$EDITED" \
        >"$LOGS/warm.out" 2>"$LOGS/warm.err" || { cat "$LOGS/warm.err" >&2; exit 1; }
    fi
  done
done
LOAD_END=$(uptime)

# --- report ------------------------------------------------------------------------------------------------
{
  echo "- command: \`bench/run.sh ${SIZES[*]}\` with RUNS=$RUNS COMPARISONS='$COMPARISONS' MIDAD_FLAGS='$MIDAD_FLAGS'"
  echo "- $(hugo version | cut -d' ' -f1-2); $(java -version 2>&1 | head -1); $(nproc) cores; Midad $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- load at start:$(echo "$LOAD_START" | sed 's/.*load average/ load average/'); at end:$(echo "$LOAD_END" | sed 's/.*load average/ load average/')"
  echo
  python3 "$BENCH/report.py" table "$RESULTS"
  for N in "${SIZES[@]}"; do
    if [ -f "$WORK/logs-$N/warm.out" ]; then
      echo
      echo "Warm JVM at N=$N (bench/Warm.java): $(tr '\n' ' ' < "$WORK/logs-$N/warm.out")"
    fi
  done
} | tee "$WORK/report.md"
