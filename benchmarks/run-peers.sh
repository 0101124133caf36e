#!/usr/bin/env bash
# The peer suite, quick profile: every workload in every library, 1 then 2 threads, GC profiler,
# then the README table. About 9 minutes on 2 cores. Run from the repository root.
# Waits (and retries) while another JMH run on the machine holds /tmp/jmh.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package -pl benchmarks -am
mkdir -p benchmarks/results
QUICK=${QUICK:-"-f 1 -wi 1 -w 1s -i 3 -r 1s"}
for t in 1 2; do
  while true; do
    # shellcheck disable=SC2086
    java -jar benchmarks/target/benchmarks.jar 'peers\..*' $QUICK -t "$t" -prof gc \
        -rf json -rff "benchmarks/results/peers-t$t.json" > "benchmarks/results/peers-t$t.log" 2>&1 || true
    grep -q "Unable to acquire the JMH lock" "benchmarks/results/peers-t$t.log" || break
    sleep 15
  done
done
python3 benchmarks/peers_table.py benchmarks/results/peers-t1.json benchmarks/results/peers-t2.json --readme benchmarks/README.md
