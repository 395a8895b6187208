#!/usr/bin/env bash
# Takes docs/screenshot.png from the real application under Xvfb: moby/moby's Dockerfile (37
# stages) in the default window (1280 x 800, the default dividers: the graph 45% of the width).
# SCREENSHOT_MAXIMIZE=1 presses Ctrl+Shift+M (View > Maximize Graph) first and writes
# docs/screenshot-graph.png instead.
# Needs: xvfb, imagemagick (import), libgtk-3-0, libgl1, libxtst6; and the shaded jar
# (mvn -q package -DskipTests). Usage: scripts/screenshot.sh [Dockerfile] [light|dark]
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-../shared/corpus/008-moby-moby.Dockerfile}"
theme="${2:-light}"
out="docs/screenshot.png"
[ "${SCREENSHOT_MAXIMIZE:-0}" = 1 ] && out="docs/screenshot-graph.png"
[ -f target/stagecraft.jar ] || mvn -q -B package -DskipTests
mkdir -p docs
tmp="$(mktemp -d)"
# the default settings but the theme; fresh state (no recovery, no remembered places)
printf '{"theme":"%s"}\n' "$theme" > "$tmp/settings.json"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1
DISPLAY="$display" java -Dstagecraft.config="$tmp" -Dstagecraft.state="$tmp/state" -Dprism.order=sw \
  -jar target/stagecraft.jar "$file" &
app=$!
trap 'kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep "${SCREENSHOT_WAIT:-12}"
if [ "${SCREENSHOT_MAXIMIZE:-0}" = 1 ]; then
  DISPLAY="$display" xdotool key ctrl+shift+m
  sleep 2
fi
DISPLAY="$display" import -window root "$tmp/full.png"
# the window sits at the screen's top left without a window manager: keep just the window
convert "$tmp/full.png" -crop 1280x800+0+0 +repage "$out"
echo "wrote $out"
