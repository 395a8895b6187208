#!/usr/bin/env bash
# Takes docs/screenshot.png from the real application under Xvfb.
# Needs: xvfb, imagemagick (import), libgtk-3-0, libgl1, libxtst6; and the shaded jar
# (mvn -q package -DskipTests). Usage: scripts/screenshot.sh [Dockerfile] [light|dark]
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-../shared/corpus/066-docker-getting-started.Dockerfile}"
theme="${2:-light}"
out="docs/screenshot.png"
[ -f target/stagecraft.jar ] || mvn -q -B package -DskipTests
mkdir -p docs
cfg="$(mktemp -d)"
trap 'rm -rf "$cfg"' EXIT
# a fixed window size and theme, independent of the user's settings
printf '{"windowWidth":1400,"windowHeight":860,"graphDivider":0.5,"bottomDivider":0.78,"theme":"%s"}\n' "$theme" > "$cfg/settings.json"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1400x860x24 -nolisten tcp &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$cfg"' EXIT
sleep 1
DISPLAY="$display" java -Dstagecraft.config="$cfg" -Dprism.order=sw -jar target/stagecraft.jar "$file" &
app=$!
trap 'kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$cfg"' EXIT
sleep "${SCREENSHOT_WAIT:-6}"
DISPLAY="$display" import -window root "$out"
echo "wrote $out"
