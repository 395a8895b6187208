#!/usr/bin/env bash
# The Layers view in the real window (figures, not assertions), under Xvfb with the real engine:
#  1. builds a small two-stage Dockerfile in the window and takes docs/layers-tree.png (the Layers
#     tab's file tree) and docs/treemap.png (the Sizes tab's composition, largest files, treemap);
#  2. times the Layers view on IMAGES (default: the README's gcc builder, ~9,600 entries; built
#     by scripts/bench-layers.sh): read + last layer's tree on screen, the whole filesystem up to
#     it, another layer. Name one image several ways (id, tags) to time several cold reads.
# Needs xvfb, imagemagick (import, convert), libgtk-3-0, libgl1, libxtst6, the engine and the base
# images of scripts/test-engine.sh. Usage: scripts/layers-ui.sh [OUT_DIR] [IMAGE...]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs}"
shift || true
mkdir -p "$out"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
raw="$(mktemp -d)"
trap 'rm -rf "$raw"' EXIT
xvfb-run -a -s "-screen 0 1400x1000x24" java -Dprism.order=sw -cp "$cp" dev.stagecraft.ui.window.LayersShots "$raw" "$@" 2>&1 \
  | grep -v -e 'Unsupported JavaFX configuration' -e 'PlatformImpl startup' -e 'CssStyleHelper' -e '^WARNING: Could not resolve'
cp "$raw"/*.png target/
# the window's lower part: the tabs, without the editor and graph above them
convert "$raw/layers-tree.png" -crop 1400x562+0+438 +repage "$out/layers-tree.png"
convert "$raw/treemap.png" -crop 1400x562+0+438 +repage "$out/treemap.png"
echo "wrote $out/layers-tree.png $out/treemap.png (uncropped in target/)"
