#!/usr/bin/env bash
# Cold start: a small generated site built from a new JVM through bin/midad, runs interleaved with Hugo on the
# equivalent Hugo site; medians of wall and CPU time with the machine's load. See bench/README.md.
#
#   bench/cold.sh [RUNS]          RUNS timed builds of each kind (default 9), e.g. bench/cold.sh 7
#
# Kinds, each a new process every run:
#   clean    bin/midad build SITE OUT --clean, OUT, its manifest and build cache deleted first (a first build)
#   cached   bin/midad build SITE OUT after a build of the same site (it reads its build cache, writes nothing)
#   hugo     hugo --quiet --ignoreCache, OUT deleted first (when hugo is installed)
# One untimed warm-up build per Java first (the page cache; bin/midad writes its class-data archive or
# ahead-of-time cache then); the order of the tools is rotated every run.
#
# Environment (all optional):
#   N=10                        articles of the generated site (bench/generate.py; the same for both tools)
#   COMPARISON=full             full: Midad's default output and bench/hugo-theme; lean: the lean pair
#   JAVA_HOMES="$JAVA_HOME"     JDKs to run bin/midad with, space-separated (default: the java on PATH)
#   KINDS='clean cached hugo'
#   MIDAD_JAR=path              the fat jar (default: built from generator-core, then copied)
#   MIDAD_JAVA_OPTS             passed on to bin/midad (extra JVM flags)
#   BENCH_WORK=/tmp/midad-cold  sites, outputs, launcher cache and results.tsv
set -euo pipefail

RUNS=${1:-9}
N=${N:-10}
COMPARISON=${COMPARISON:-full}
KINDS=${KINDS:-clean cached hugo}
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
WORK=${BENCH_WORK:-/tmp/midad-cold}
[ -x /usr/bin/time ] || { echo "needs GNU time (Debian: apt-get install -y time)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 1; }
if ! command -v hugo >/dev/null; then
  echo "hugo is not installed: Midad runs only (Debian: apt-get install -y hugo)" >&2
  KINDS=${KINDS//hugo/}
fi

# shellcheck source=bench/jar.sh
. "$BENCH/jar.sh"
midad_jar "$WORK" "$ROOT"
export MIDAD_JAR="$JAR"
# the launcher's archive and caches live here, made afresh for this jar by the warm-up builds
export XDG_CACHE_HOME="$WORK/launcher-cache"
rm -rf "$XDG_CACHE_HOME"

SITE="$WORK/site-$N"
rm -rf "$SITE"
python3 "$BENCH/generate.py" "$N" "$SITE" >&2
case $COMPARISON in
  full) msite="$SITE/midad" hsite="$SITE/hugo" ;;
  lean) msite="$SITE/midad-lean" hsite="$SITE/hugo-lean" ;;
  *) echo "COMPARISON is full or lean" >&2; exit 2 ;;
esac
read -r -a HOMES <<<"${JAVA_HOMES:-${JAVA_HOME:-}}"
[ ${#HOMES[@]} -gt 0 ] || HOMES=(-)   # -: the java on PATH

RESULTS="$WORK/results.tsv"
printf 'tool\tjava\tkind\trun\twall_s\tcpu_s\tload1\n' > "$RESULTS"

java_name() {  # HOME (or -) -> "17.0.15"
  local java=java
  [ "$1" = - ] || java=$1/bin/java
  "$java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p'
}

# one KIND RUN HOME: a timed build, appended to results.tsv
one() {
  local kind=$1 run=$2 key=$3 home=$3 out cmd
  [ "$home" = - ] && home=${JAVA_HOME:-}
  case $kind in
    hugo) out="$WORK/out-hugo"; rm -rf "$out"
          cmd=(hugo --quiet --ignoreCache --source "$hsite" --destination "$out") ;;
    clean) out="$WORK/out-midad"; rm -rf "$out" "$WORK/.midad-cache" "$WORK/.out-midad.manifest"
           cmd=("$ROOT/bin/midad" build "$msite" "$out" --clean) ;;
    cached) out="$WORK/out-midad"
            [ -f "$out/index.html" ] || JAVA_HOME=$home "$ROOT/bin/midad" build "$msite" "$out" >/dev/null
            cmd=("$ROOT/bin/midad" build "$msite" "$out") ;;
  esac
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! JAVA_HOME=$home /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "${cmd[@]}" >"$WORK/last.log" 2>&1; then
    echo "FAILED: ${cmd[*]}" >&2; tail -20 "$WORK/last.log" >&2; exit 1
  fi
  local wall user sys
  read -r wall user sys < <(tail -1 "$WORK/time.txt")
  local tool=midad java=-
  if [ "$kind" = hugo ]; then tool=hugo; else java=${NAMES[$key]}; fi
  [ "$run" = 0 ] || printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$java" "$kind" "$run" "$wall" \
    "$(python3 -c "print(round($user + $sys, 2))")" "$load" >> "$RESULTS"
  printf '  run %s %-5s %-7s java %-8s %6ss wall, %5ss user, %5ss sys (load %s)\n' "$run" "$tool" "$kind" \
    "$java" "$wall" "$user" "$sys" "$load" >&2
}

declare -A NAMES
for home in "${HOMES[@]}"; do NAMES[$home]=$(java_name "$home"); done

# the jobs of one run: every kind with every Java (Hugo once)
JOBS=()
for kind in $KINDS; do
  if [ "$kind" = hugo ]; then JOBS+=("hugo|-"); else for home in "${HOMES[@]}"; do JOBS+=("$kind|$home"); done; fi
done
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "N=$N $COMPARISON: warm-up (untimed), then $RUNS runs of: ${JOBS[*]}" >&2
for job in "${JOBS[@]}"; do one "${job%%|*}" 0 "${job#*|}"; done
for r in $(seq 1 "$RUNS"); do
  shift_by=$(( (r - 1) % ${#JOBS[@]} ))
  for i in $(seq 0 $(( ${#JOBS[@]} - 1 ))); do
    job=${JOBS[$(( (i + shift_by) % ${#JOBS[@]} ))]}
    one "${job%%|*}" "$r" "${job#*|}"
  done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "- \`bench/cold.sh $RUNS\`: N=$N, $COMPARISON output; $(nproc) cores; Midad $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(command -v hugo >/dev/null && echo "; $(hugo version | cut -d' ' -f1-2)")"
echo "- load average (1, 5, 15 min) at start: $LOAD_START; at end: $LOAD_END"
echo
python3 - "$RESULTS" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
groups = {}
for row in rows:
    groups.setdefault((row["tool"], row["java"], row["kind"]), []).append(row)
print("| tool | Java | build | wall s (median) | wall min–max | CPU s (user+sys, median) | load | runs |")
print("| --- | --- | --- | ---: | ---: | ---: | --- | ---: |")
for (tool, java, kind), runs in groups.items():
    wall = [float(r["wall_s"]) for r in runs]
    cpu = [float(r["cpu_s"]) for r in runs]
    load = [float(r["load1"]) for r in runs]
    print("| %s | %s | %s | %.2f | %.2f–%.2f | %.2f | %.1f–%.1f | %d |" % (
        tool, java, kind, statistics.median(wall), min(wall), max(wall), statistics.median(cpu),
        min(load), max(load), len(runs)))
EOF
