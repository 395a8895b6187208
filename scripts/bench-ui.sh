#!/usr/bin/env bash
# UI speed harness (figures, not assertions):
#  1. keystroke -> updated graph, highlighting and problems, for a generated 2,000-line,
#     40-stage Dockerfile (UiBench; budget: p95 <= 8 ms);
#     then opening moby/moby's Dockerfile in the window 21 times (budget: first <= 250 ms, later <= 120 ms;
#     the window rehearses an open after it shows, as the app does: -Dstagecraft.rehearse=false in
#     UI_BENCH_OPTS turns that off)
#     and a generated 1,600-stage, ~5 MB file (budget: <= 2 s to an interactive window, <= 500 MB
#     of heap), in a JVM with the app's default heap (as `java -jar` runs it); then the same file
#     again in a fresh JVM limited to -Xmx500m, which shows it fits in 500 MB;
#  2. launch -> window shown, for the shaded jar (budget: <= 1.6 s).
# Runs under Xvfb with the real toolkit (needs xvfb, libgtk-3-0, libgl1, libxtst6).
# Usage: scripts/bench-ui.sh [iterations]   (MVN_FLAGS=-o to build offline)
#   UI_BENCH_OPTS="-Dstagecraft.lint=fx" lints on the FX thread with the parse instead of on the lint thread.
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-400}"
mvn -q -B ${MVN_FLAGS:-} test-compile
mvn -q -B ${MVN_FLAGS:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
[ -f target/stagecraft.jar ] || mvn -q -B ${MVN_FLAGS:-} package -DskipTests
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"

echo "== keystroke to updated view"
xvfb-run -a -s "-screen 0 1400x900x24" java -Dprism.order=sw ${UI_BENCH_OPTS:-} -cp "$cp" dev.stagecraft.ui.bench.UiBench "$iterations" 2>&1 \
  | grep -v -e 'Unsupported JavaFX configuration' -e 'PlatformImpl startup' -e 'CssStyleHelper' -e '^WARNING: Could not resolve'

echo "== the 1,600-stage file in a fresh JVM limited to 500 MB of heap (-Xmx500m), 3 s after the window showed"
xvfb-run -a -s "-screen 0 1400x900x24" java -Xmx500m -Dprism.order=sw -Dbench.largeOnly=true -cp "$cp" dev.stagecraft.ui.bench.UiBench 1 2>&1 \
  | grep -v -e 'Unsupported JavaFX configuration' -e 'PlatformImpl startup' -e 'CssStyleHelper' -e '^WARNING: Could not resolve'

echo "== launch to window shown (3 runs: from starting 'java -jar' to the window's first show; then to its first pulse, which lays it out at its real size before it is painted)"
cfg="$(mktemp -d)"
trap 'rm -rf "$cfg"' EXIT
for run in 1 2 3; do
  log="$cfg/launch-$run.log"
  xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    sleep 0.5  # let Xvfb settle before the clock starts
    before=$(date +%s%3N)
    java -Dstagecraft.timing=true -Dstagecraft.config="$1" -Dstagecraft.state="$1/state" -Dprism.order=sw -jar target/stagecraft.jar 2>"$2" &
    app=$!
    for _ in $(seq 1 200); do grep -q "first frame" "$2" 2>/dev/null && break; sleep 0.05; done
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    shown=$(grep -o "shown at [0-9]*" "$2" | grep -o "[0-9]*$" || true)
    frame=$(grep -o "laid out at [0-9]*" "$2" | grep -o "[0-9]*$" || true)
    if [ -n "$shown" ]; then
      echo "run: window shown $((shown - before)) ms after launch ($(grep "window shown" "$2" | grep -o "[0-9]* ms after main.*")), its first frame laid out at its size $((${frame:-$shown} - before)) ms after launch"
    else
      echo "run: window not shown within 10 s"; cat "$2"
    fi' _ "$cfg" "$log" || true
done
