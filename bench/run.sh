#!/usr/bin/env bash
# Midad vs Hugo, side by side in the same run. See bench/README.md.
#
#   bench/run.sh N [RUNS]
#
# Environment (all optional):
#   RUNS=3                 timed runs per tool (median reported); also the 2nd argument
#   BENCH_WORK=/tmp/midad-bench   where sites, outputs and logs go (large at N=10000: ~2 GB)
#   MIDAD_JAR=path         use this fat jar instead of building generator-core (the jar is copied first,
#                          so concurrent rebuilds of the engine cannot change it mid-run)
#   MIDAD_FLAGS='default|-XX:+UseSerialGC|-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=@CDS@'
#                          JVM flag variants for Midad, '|'-separated; "default" = no flags. Each variant is one
#                          more row in the table. @CDS@ is replaced by an AppCDS archive of Midad's classes that
#                          the script makes first (one untimed training build with -XX:ArchiveClassesAtExit).
#   EDIT_FLAGS='-XX:+UseSerialGC'   JVM flags for the edit-one-article rebuilds and the warm-JVM figures
#   WARM=1                 also measure warm-JVM builds and the live preview's incremental rebuild after
#                          editing one article (bench/Warm.java, one JVM)
#   EDITS=1                also measure the rebuild after editing one article (cold JVM)
set -euo pipefail

N=${1:?usage: bench/run.sh N [RUNS]}
RUNS=${2:-${RUNS:-3}}
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
WORK=${BENCH_WORK:-/tmp/midad-bench}
MIDAD_FLAGS=${MIDAD_FLAGS:-default|-XX:+UseSerialGC|-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=@CDS@}
EDIT_FLAGS=${EDIT_FLAGS--XX:+UseSerialGC}
WARM=${WARM:-1}
EDITS=${EDITS:-1}

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

mkdir -p "$WORK"
JAR="$WORK/midad.jar"
if [ -n "${MIDAD_JAR:-}" ]; then
  [ "$MIDAD_JAR" -ef "$JAR" ] || cp "$MIDAD_JAR" "$JAR"
else
  echo "building the Midad fat jar (mvn -B -q package -DskipTests -pl generator-core)" >&2
  (cd "$ROOT" && mvn -B -q package -DskipTests -pl generator-core) >&2
  cp "$ROOT/generator-core/target/midad-core-0.1.0-SNAPSHOT-cli.jar" "$JAR"
fi

SITE="$WORK/site-$N"
RESULTS="$WORK/results-$N.tsv"
LOGS="$WORK/logs-$N"
rm -rf "$LOGS"
mkdir -p "$LOGS"
python3 "$BENCH/generate.py" "$N" "$SITE" >&2

printf 'tool\tflags\tn\tkind\trun\twall_s\tuser_s\tsys_s\tmaxrss_kb\tfiles\n' > "$RESULTS"

LOAD_START=$(uptime)

# measure TOOL FLAGS KIND RUN OUT -- command...
measure() {
  local tool=$1 flags=$2 kind=$3 run=$4 out=$5
  shift 6
  local tag="$tool-${flags// /_}-$kind-$run"
  tag=${tag//[^A-Za-z0-9_.=+-]/_}
  if [ "$kind" = full ]; then rm -rf "$out"; fi
  local rc=0
  /usr/bin/time -v -o "$LOGS/$tag.time" "$@" >"$LOGS/$tag.log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAILED ($rc): $*" >&2
    tail -20 "$LOGS/$tag.log" >&2
    exit 1
  fi
  local t files
  t=$(python3 "$BENCH/report.py" time "$LOGS/$tag.time")
  files=$(find "$out" -type f | wc -l)
  read -r wall user sys rss <<<"$t"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$flags" "$N" "$kind" "$run" \
    "$wall" "$user" "$sys" "$rss" "$files" >> "$RESULTS"
  printf '  %-6s %-40s run %s: %6ss wall, %6s MiB, %s files\n' "$tool" "${flags:-default}" "$run" "$wall" \
    "$((rss / 1024))" "$files" >&2
}

IFS='|' read -r -a VARIANTS <<<"$MIDAD_FLAGS"
CDS="$WORK/midad.jsa"
if [[ "$MIDAD_FLAGS" == *@CDS@* ]]; then
  echo "AppCDS: training build to archive Midad's classes in $CDS" >&2
  rm -f "$CDS"
  java -XX:ArchiveClassesAtExit="$CDS" -jar "$JAR" build "$SITE/midad" "$WORK/out-cds-$N" >"$LOGS/cds.log" 2>&1
  rm -rf "$WORK/out-cds-$N"
fi

run_midad() {  # run-number
  local v flags
  for v in "${VARIANTS[@]}"; do
    flags=${v//@CDS@/$CDS}
    [ "$flags" = default ] && flags=""
    # shellcheck disable=SC2086  # flags are words on purpose
    measure midad "$flags" full "$1" "$WORK/out-midad-$N" -- java $flags -jar "$JAR" build "$SITE/midad" "$WORK/out-midad-$N"
  done
}
run_hugo() {
  measure hugo "" full "$1" "$WORK/out-hugo-$N" -- \
    hugo --quiet --ignoreCache --source "$SITE/hugo" --destination "$WORK/out-hugo-$N"
}

echo "N=$N: one untimed warm-up run each (page cache), then $RUNS timed runs each, alternating order" >&2
run_midad 0
run_hugo 0
for r in $(seq 1 "$RUNS"); do
  if [ $((r % 2)) = 1 ]; then run_midad "$r"; run_hugo "$r"; else run_hugo "$r"; run_midad "$r"; fi
done

# --- one article edited, then an ordinary (full, cold-JVM) build ------------------------------------------
EDITED=$(find "$SITE/midad/articles" -name '000001.md')
if [ "$EDITS" = 1 ]; then
  echo "edit one article, rebuild (cold JVM, flags: ${EDIT_FLAGS:-none}, existing output folder)" >&2
  ORIGINAL="$WORK/000001.md.orig"
  cp "$EDITED" "$ORIGINAL"
  # shellcheck disable=SC2086
  java $EDIT_FLAGS -jar "$JAR" build "$SITE/midad" "$WORK/out-midad-$N" >/dev/null
  for r in $(seq 1 "$RUNS"); do
    printf '\nفقرة أضيفت للقياس رقم %s.\n' "$r" >> "$EDITED"
    # shellcheck disable=SC2086
    measure midad "$EDIT_FLAGS" edit "$r" "$WORK/out-midad-$N" -- java $EDIT_FLAGS -jar "$JAR" build "$SITE/midad" "$WORK/out-midad-$N"
  done
  cp "$ORIGINAL" "$EDITED"
fi

WARM_OUT=""
if [ "$WARM" = 1 ]; then
  echo "warm JVM: 3 builds in one JVM, then the preview's incremental rebuild after 9 edits of one article (bench/Warm.java)" >&2
  # shellcheck disable=SC2086
  WARM_OUT=$(java $EDIT_FLAGS -cp "$JAR" "$BENCH/Warm.java" "$SITE/midad" "$WORK/out-midad-warm-$N" 3 9 "$EDITED" \
    2>"$LOGS/warm.err") || { cat "$LOGS/warm.err" >&2; exit 1; }
fi
LOAD_END=$(uptime)

# --- report ------------------------------------------------------------------------------------------------
{
  echo "### N = $N"
  echo
  echo "- command: \`bench/run.sh $N $RUNS\` with \`MIDAD_FLAGS='$MIDAD_FLAGS'\` \`EDIT_FLAGS='$EDIT_FLAGS'\`"
  echo "- $(hugo version | cut -d' ' -f1-2); $(java -version 2>&1 | head -1); $(nproc) cores; Midad $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree)"
  echo "- load at start:$(echo "$LOAD_START" | sed 's/.*load average/ load average/'); at end:$(echo "$LOAD_END" | sed 's/.*load average/ load average/')"
  echo
  python3 "$BENCH/report.py" table "$RESULTS"
  if [ -n "$WARM_OUT" ]; then
    full=$(awk '/^warm_full_ms/{print $2}' <<<"$WARM_OUT")
    edit=$(awk '/^incremental_edit_ms/{print $2}' <<<"$WARM_OUT")
    first=$(awk '/^incremental_first_ms/{print $2}' <<<"$WARM_OUT")
    echo
    echo "Warm JVM (bench/Warm.java, flags \`${EDIT_FLAGS:-none}\`): full build ${full} ms (\`Site.load(...).build(...)\` repeated, median after the first)."
    echo "Live preview (\`IncrementalBuilder\`, as \`serve\` runs it): first build ${first} ms; rebuild after editing one article ${edit} ms (median of 9: body and title edits alternately; each rebuild's counts in \`$LOGS/warm.err\`)."
  fi
} | tee "$WORK/report-$N.md"
