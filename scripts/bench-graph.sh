#!/usr/bin/env bash
# The graph pane alone (figures, not assertions): a generated 1,600-stage, ~5 MB Dockerfile opened
# in a 1000x700 pane to an interactive view within a 500 MB heap (budget: <= 2 s), zoom and pan
# steps on it, and moby/moby's graph in a new pane. Headless (Monocle), as the UI tests.
# Usage: scripts/bench-graph.sh [stages]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -Xmx500m -Dstagecraft.corpus="${STAGECRAFT_CORPUS:-../shared/corpus}" -cp "$cp" dev.stagecraft.ui.bench.GraphPaneBench "${1:-1600}" 2>&1 \
  | grep -v -e 'Unsupported JavaFX configuration' -e 'PlatformImpl startup'
