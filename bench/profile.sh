#!/usr/bin/env bash
# Profile one Midad build with Java Flight Recorder and print the top frames.
#   bench/profile.sh SITE-FOLDER [JVM flags…]      e.g. bench/profile.sh /tmp/midad-bench/site-10000/midad -XX:+UseSerialGC
# Uses $BENCH_WORK/midad.jar (made by run.sh) or MIDAD_JAR. Writes $BENCH_WORK/midad.jfr and prints the
# execution-sample summary, JIT compile time and GC pauses.
set -euo pipefail
SITE=${1:?usage: bench/profile.sh SITE-FOLDER [JVM flags…]}
shift
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${BENCH_WORK:-/tmp/midad-bench}
JAR=${MIDAD_JAR:-$WORK/midad.jar}
REC="$WORK/midad.jfr"
rm -rf "$WORK/out-profile"
/usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak RSS" \
  java "$@" -XX:StartFlightRecording=filename="$REC",settings=profile -jar "$JAR" build "$SITE" "$WORK/out-profile" 2>&1 \
  | grep -v '^\[.*jfr'
jfr print --events jdk.ExecutionSample --stack-depth 96 "$REC" > "$WORK/samples.txt"
python3 "$BENCH/jfrtop.py" "$WORK/samples.txt" 25
echo
echo "-- JIT (jdk.CompilerStatistics, last)"
jfr print --events jdk.CompilerStatistics "$REC" | grep -E "compileCount|totalTimeSpent" | tail -2
echo "-- GC pauses"
jfr print --events jdk.GarbageCollection "$REC" | awk '/sumOfPauses/{n++; v=$3; u=$4; if (u=="s") v*=1000; s+=v} END{printf "%d collections, %.0f ms paused\n", n, s}'
echo "-- native samples (threads in I/O and other native code)"
jfr print --events jdk.NativeMethodSample --stack-depth 12 "$REC" | grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -5
