#!/usr/bin/env bash
# Runs the JMH suite at 1 and 2 threads with the GC profiler, then renders the tables.
#
#   benchmarks/scripts/run.sh quick|full [JMH args, e.g. a benchmark regex]
#   benchmarks/scripts/run.sh query [JMH args]
#
# Writes benchmarks/results/PROFILE-1t.json, PROFILE-2t.json and PROFILE-meta.json. Without extra
# JMH args (the whole suite) it also regenerates the tables in benchmarks/README.md and the results
# block in each benchmark class's javadoc.
#
# query: the query side (SnapshotBenchmark) at one thread, about 4 minutes on 2 cores; writes
# results/query.json, query-meta.json and query-data.json (what the data set holds, from
# PaymentsInstance) and, without extra JMH args, regenerates the README's query-side tables and the
# results block in SnapshotBenchmark's javadoc.
#
# The 1-minute load average is sampled every 5 s while JMH runs and recorded in the meta file.
# Environment: NAME (default: the profile) names the result files; JMH_FLAGS replaces the
# profile's fork, warm-up and iteration flags (e.g. JMH_FLAGS="-f 2 -wi 3 -w 1s -i 5 -r 1s").
# Build first:
#   mvn -q -B -DskipTests package -pl benchmarks -am
set -euo pipefail
profile=${1:-quick}
shift || true
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$here/target/benchmarks.jar
out=$here/results
threads=(1 2)
case $profile in
  quick) flags=(-f 1 -wi 3 -w 1s -i 5 -r 1s) ;;   # about 7 minutes on 2 cores
  full)  flags=(-f 3 -wi 5 -w 1s -i 10 -r 1s) ;;  # about 40 minutes on 2 cores
  query) flags=(-f 1 -wi 5 -w 2s -i 5 -r 1s); threads=(1) ;;  # about 4 minutes on 2 cores
  *) echo "usage: $0 quick|full|query [JMH args]" >&2; exit 2 ;;
esac
if [ -n "${JMH_FLAGS:-}" ]; then
  read -r -a flags <<< "$JMH_FLAGS"
fi
name=${NAME:-$profile}
[ -f "$jar" ] || { echo "no $jar: mvn -q -B -DskipTests package -pl benchmarks -am" >&2; exit 1; }
mkdir -p "$out"
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(load)
# the load while JMH runs: a sampler in the background, stopped (by its pid) when the script ends
samples=$(mktemp)
( while sleep 5; do cut -d' ' -f1 /proc/loadavg >> "$samples"; done ) &
sampler=$!
trap 'kill "$sampler" 2>/dev/null; rm -f "$samples"' EXIT
# JMH holds /tmp/jmh.lock while it runs, so two suites never share the cores; on a shared
# machine, wait for another engineer's run to finish rather than measure alongside it.
jmh() {
  local log
  log=$(mktemp)
  until java -jar "$jar" "$@" 2>&1 | tee "$log"; [ "${PIPESTATUS[0]}" -eq 0 ]; do
    grep -q "Unable to acquire the JMH lock" "$log" || { rm -f "$log"; return 1; }
    echo "run.sh: another JMH run holds /tmp/jmh.lock; waiting" >&2
    sleep 20
  done
  rm -f "$log"
}
if [ "$profile" = query ]; then
  java -cp "$jar" dev.northstar.benchmarks.PaymentsInstance "$out/query-data.json" > /dev/null
  jmh SnapshotBenchmark "${flags[@]}" -t 1 -prof gc -rf json -rff "$out/$name.json" "$@"
  command="java -jar benchmarks/target/benchmarks.jar SnapshotBenchmark ${flags[*]} -t 1 -prof gc -rf json -rff benchmarks/results/$name.json${*:+ $*}"
else
  # without a filter, the hot-path suites the README's tables are about (the jar also holds the
  # peer suite, run by run-peers.sh, and the report-level and query-side suites)
  suites=()
  [ $# -eq 0 ] && suites=('^dev.northstar.benchmarks.(Count|Distinct|Distribution|EnumDimensions|Ratio|Recorder|Sum)Benchmark.')
  for t in "${threads[@]}"; do
    jmh "${suites[@]}" "${flags[@]}" -t "$t" -prof gc -rf json -rff "$out/$name-${t}t.json" "$@"
  done
  command="java -jar benchmarks/target/benchmarks.jar${suites[*]:+ '${suites[*]}'} ${flags[*]} -t {1,2} -prof gc -rf json -rff benchmarks/results/$name-{1,2}t.json${*:+ $*}"
fi
during=$(awk 'NR == 1 || $1 < min { min = $1 } NR == 1 || $1 > max { max = $1 } { sum += $1 }
  END { if (NR) printf "min %.2f, mean %.2f, max %.2f over %d samples", min, sum / NR, max, NR }' "$samples")
cat > "$out/$name-meta.json" <<META
{"nproc": $(nproc), "load_before": "$load_before", "load_after": "$(load)", "load_during": "$during", "load_interval": 5,
 "date": "$(date -u +%Y-%m-%dT%H:%MZ)", "command": "$command"}
META
if [ "$profile" = query ]; then
  update=()
  if [ $# -eq 0 ] && [ "$name" = query ]; then
    update=(--readme "$here/README.md" --sources "$here/src/main/java/dev/northstar/benchmarks")
  fi
  python3 "$here/scripts/table.py" --query --data "$out/query-data.json" --meta "$out/$name-meta.json" \
    "${update[@]}" "$out/$name.json" | tee "$out/$name.md"
  exit 0
fi
update=()
if [ $# -eq 0 ]; then
  update=(--readme "$here/README.md" --sources "$here/src/main/java/dev/northstar/benchmarks")
fi
footprint=()
[ -f "$out/footprint.json" ] && footprint=(--footprint "$out/footprint.json")
python3 "$here/scripts/table.py" --meta "$out/$name-meta.json" "${footprint[@]}" "${update[@]}" \
  "$out/$name-1t.json" "$out/$name-2t.json" | tee "$out/$name.md"
