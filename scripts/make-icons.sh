#!/usr/bin/env bash
# Regenerates every icon file from the one source, icons/stagecraft.svg:
#   icons/stagecraft-{16,32,48,64,128,256,512}.png   (rsvg-convert, librsvg2-bin)
#   icons/stagecraft.ico   16..256 px, for the Windows installer (ImageMagick)
#   icons/stagecraft.icns  16..512 px, for the macOS installer (png2icns, icnsutils)
#   src/main/resources/dev/stagecraft/icons/stagecraft-*.png  (what the window loads)
# The outputs are committed; run this after editing the SVG, then commit them too.
# Installs the Debian tools it needs when they are missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

svg=icons/stagecraft.svg
sizes=(16 32 48 64 128 256 512)
res=src/main/resources/dev/stagecraft/icons

need=()
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
command -v convert >/dev/null 2>&1 || need+=(imagemagick)
command -v png2icns >/dev/null 2>&1 || need+=(icnsutils)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}"
fi

for s in "${sizes[@]}"; do
  rsvg-convert --width "$s" --height "$s" --keep-aspect-ratio "$svg" -o "icons/stagecraft-$s.png"
done

# Windows: one .ico holding the sizes Explorer and the taskbar ask for (256 is stored as PNG).
convert icons/stagecraft-{16,32,48,64,128,256}.png -define png:exclude-chunks=date,time icons/stagecraft.ico

# macOS: png2icns knows 16, 32, 48, 128, 256, 512 (not 64).
png2icns icons/stagecraft.icns icons/stagecraft-{16,32,48,128,256,512}.png >/dev/null

mkdir -p "$res"
for s in "${sizes[@]}"; do
  cp "icons/stagecraft-$s.png" "$res/stagecraft-$s.png"
done

echo "make-icons: wrote ${#sizes[@]} PNGs, stagecraft.ico, stagecraft.icns and $res/"
