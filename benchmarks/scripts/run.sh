#!/usr/bin/env bash
# Runs the JMH suite at 1 and 2 threads with the GC profiler, then renders the tables.
#
#   benchmarks/scripts/run.sh quick|full [JMH args, e.g. a benchmark regex]
#
# Writes benchmarks/results/PROFILE-1t.json, PROFILE-2t.json and PROFILE-meta.json. Without extra
# JMH args (the whole suite) it also regenerates the tables in benchmarks/README.md and the results
# block in each benchmark class's javadoc. Build first:
#   mvn -q -B -DskipTests package -pl benchmarks -am
set -euo pipefail
profile=${1:-quick}
shift || true
here=$(cd "$(dirname "$0")/.." && pwd)
jar=$here/target/benchmarks.jar
out=$here/results
case $profile in
  quick) flags=(-f 1 -wi 3 -w 1s -i 5 -r 1s) ;;   # about 7 minutes on 2 cores
  full)  flags=(-f 3 -wi 5 -w 1s -i 10 -r 1s) ;;  # about 35 minutes on 2 cores
  *) echo "usage: $0 quick|full [JMH args]" >&2; exit 2 ;;
esac
[ -f "$jar" ] || { echo "no $jar: mvn -q -B -DskipTests package -pl benchmarks -am" >&2; exit 1; }
mkdir -p "$out"
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(load)
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
for t in 1 2; do
  jmh "${flags[@]}" -t "$t" -prof gc -rf json -rff "$out/$profile-${t}t.json" "$@"
done
cat > "$out/$profile-meta.json" <<META
{"nproc": $(nproc), "load_before": "$load_before", "load_after": "$(load)", "date": "$(date -u +%Y-%m-%dT%H:%MZ)",
 "command": "java -jar benchmarks/target/benchmarks.jar ${flags[*]} -t {1,2} -prof gc -rf json -rff benchmarks/results/$profile-{1,2}t.json${*:+ $*}"}
META
update=()
if [ $# -eq 0 ]; then
  update=(--readme "$here/README.md" --sources "$here/src/main/java/dev/northstar/benchmarks")
fi
footprint=()
[ -f "$out/footprint.json" ] && footprint=(--footprint "$out/footprint.json")
python3 "$here/scripts/table.py" --meta "$out/$profile-meta.json" "${footprint[@]}" "${update[@]}" \
  "$out/$profile-1t.json" "$out/$profile-2t.json" | tee "$out/$profile.md"
