#!/usr/bin/env bash
# Runs the JMH benchmarks (parse + stage graph). Usage: scripts/bench.sh [JMH regex] [JMH options]
# Example: scripts/bench.sh ParseBenchmark       (default: every benchmark, 1 fork, 3x2s warmup, 5x2s measurement)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dstagecraft.corpus="$(pwd)/../shared/corpus" org.openjdk.jmh.Main "${@:-.*Benchmark.*}"
