#!/usr/bin/env bash
# Builds the Linux package and checks it the way a user meets it (Debian/Ubuntu, as root):
#   1. mvn -Ppackage package            -> target/installer/stagecraft_<version>-1_amd64.deb
#   2. dpkg -i the .deb                  (apt-get -f install pulls missing dependencies)
#   3. the installed pieces: /usr/bin/stagecraft, menu entry with icon, Dockerfile MIME globs,
#      bash completion, the class-data archive made at install, and `stagecraft graph <corpus file>`
#      from the installed launcher
#   4. the window: start the installed app with a corpus Dockerfile under Xvfb, wait for its
#      window, take a screenshot (target/check-package/window.png) — look at it
# Options: --no-build (reuse target/installer/*.deb), --no-gui (skip step 4),
#          --keep (leave the package installed; by default it stays installed too, use --remove
#          to purge it at the end).
# Writes what it measured to target/check-package/report.txt. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

build=1 gui=1 remove=0
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --no-gui) gui=0 ;;
    --keep) remove=0 ;;
    --remove) remove=1 ;;
    *) echo "usage: $0 [--no-build] [--no-gui] [--remove]" >&2; exit 2 ;;
  esac
done

corpus=${STAGECRAFT_CORPUS:-$repo/../shared/corpus}
gui_file=$corpus/008-moby-moby.Dockerfile
cli_file=$corpus/001-docker-buildx.Dockerfile
out=$repo/target/check-package
mkdir -p "$out"
report=$out/report.txt
: >"$report"
note() { echo "check-package: $*"; echo "$*" >>"$report"; }
fail() { echo "check-package: FAIL: $*" >&2; echo "FAIL: $*" >>"$report"; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (dpkg -i)"
[ -f "$gui_file" ] && [ -f "$cli_file" ] || fail "corpus not found in $corpus (set STAGECRAFT_CORPUS)"

need=()
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v import >/dev/null 2>&1 || need+=(imagemagick)
command -v xwininfo >/dev/null 2>&1 || need+=(x11-utils)
for lib in libgtk-3-0 libgl1 libxtst6; do
  dpkg -s "$lib" >/dev/null 2>&1 || need+=("$lib")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

# 1. build
if [ "$build" = 1 ]; then
  t0=$(date +%s)
  mvn -B -ntp -q -Ppackage package -DskipTests
  note "package build (mvn -Ppackage package -DskipTests): $(( $(date +%s) - t0 )) s"
fi
deb=$(ls -t target/installer/stagecraft_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb in target/installer (run without --no-build)"
note ".deb: $deb, $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"

# 2. install
if ! dpkg -i "$deb" >"$out/dpkg.log" 2>&1; then
  note "dpkg -i: missing dependencies, running apt-get -f install"
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq >>"$out/dpkg.log" 2>&1 || fail "install failed, see $out/dpkg.log"
fi
dpkg -s stagecraft | grep -q '^Status: install ok installed' || fail "stagecraft is not installed"
note "installed: $(dpkg -s stagecraft | sed -n 's/^Version: //p'), $(du -sh /opt/stagecraft | cut -f1) in /opt/stagecraft"

# 3. what the package put on the system
[ "$(readlink -f /usr/bin/stagecraft)" = /opt/stagecraft/bin/stagecraft ] || fail "/usr/bin/stagecraft does not point at /opt/stagecraft/bin/stagecraft"
desktop=/usr/share/applications/stagecraft-stagecraft.desktop
[ -f "$desktop" ] || fail "no menu entry $desktop"
grep -q '^Name=Stagecraft$' "$desktop" || fail "menu entry is not named Stagecraft"
grep -q '^Exec=/opt/stagecraft/bin/stagecraft %F$' "$desktop" || fail "menu entry does not pass files (%F)"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -s "$icon" ] || fail "menu entry icon $icon is missing"
grep -q '^MimeType=text/x-dockerfile' "$desktop" || fail "menu entry does not claim text/x-dockerfile"
for glob in 'text/x-dockerfile:dockerfile$' 'text/x-dockerfile:\*.dockerfile$' 'text/x-dockerfile:dockerfile.\*$'; do
  grep -qi ":$glob" /usr/share/mime/globs2 || fail "MIME glob ${glob#*:} not in /usr/share/mime/globs2"
done
note "menu entry $desktop (icon $icon), MIME globs Dockerfile, *.Dockerfile, Dockerfile.* -> text/x-dockerfile"
# What a file manager asks: the type of each Dockerfile name, and the app for that type.
names=$(mktemp -d)
for name in Dockerfile app.Dockerfile Dockerfile.dev; do
  : >"$names/$name"
  type=$(xdg-mime query filetype "$names/$name")
  [ "$type" = text/x-dockerfile ] || { rm -rf "$names"; fail "xdg-mime says $name is '$type', not text/x-dockerfile"; }
done
rm -rf "$names"
default=$(xdg-mime query default text/x-dockerfile)
[ "$default" = stagecraft-stagecraft.desktop ] || fail "text/x-dockerfile opens with '$default', not Stagecraft"
note "xdg-mime: Dockerfile, app.Dockerfile, Dockerfile.dev are text/x-dockerfile, opened by $default"

# the class-data archive the install made from the shipped class list, and the launcher maps it
if [ -f /opt/stagecraft/lib/app/linux/stagecraft.classlist ]; then
  [ -s /opt/stagecraft/lib/stagecraft.jsa ] || fail "the install made no class-data archive /opt/stagecraft/lib/stagecraft.jsa"
  shared=$(JAVA_TOOL_OPTIONS=-Xlog:class+load=info /usr/bin/stagecraft --version 2>/dev/null \
    | grep -c 'dev.stagecraft.*source: shared objects file' || true)
  [ "$shared" -gt 0 ] || fail "the launcher loads no Stagecraft class from the archive"
  note "class-data archive: $(du -h /opt/stagecraft/lib/stagecraft.jsa | cut -f1), $shared Stagecraft classes mapped by 'stagecraft --version'"
else
  note "class-data archive: none (the package was built without xvfb-run, so without a class list)"
fi

completion=/usr/share/bash-completion/completions/stagecraft
[ -f "$completion" ] || fail "no bash completion at $completion"
words=$(bash -c 'source "$1" 2>/dev/null; COMP_WORDS=(stagecraft ""); COMP_CWORD=1; COMP_LINE="stagecraft ";
  _complete_stagecraft 2>/dev/null; echo "${COMPREPLY[*]}"' bash "$completion")
for w in graph print; do
  [[ " $words " == *" $w "* ]] || fail "bash completion does not offer '$w' (offers: $words)"
done
note "bash completion: stagecraft <TAB> offers: $words"

t0=$(date +%s%N)
/usr/bin/stagecraft graph "$cli_file" >"$out/graph.json" 2>"$out/graph.err" || fail "stagecraft graph exited $? ($(head -3 "$out/graph.err"))"
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
grep -q '"stages"' "$out/graph.json" || fail "stagecraft graph printed no stages"
stages=$(grep -o '"name" *: *"[^"]*"' "$out/graph.json" | head -5 | tr '\n' ' ')
note "stagecraft graph $(basename "$cli_file"): exit 0 in $ms ms, $(wc -c <"$out/graph.json") bytes of JSON ($stages...)"
/usr/bin/stagecraft --version >"$out/version.txt" 2>&1 || fail "stagecraft --version failed"
note "stagecraft --version: $(head -1 "$out/version.txt")"

# 4. the window
if [ "$gui" = 1 ]; then
  display=:97
  Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
  xvfb=$!
  app=""
  cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
  }
  trap cleanup EXIT
  for _ in $(seq 50); do DISPLAY=$display xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done

  # The title of the first top-level window that is mapped and larger than 200x150 (no window
  # manager runs, so the app's windows are direct children of the root).
  viewable_window() {
    local id info
    for id in $(DISPLAY=$display xwininfo -root -children 2>/dev/null | sed -n 's/^ *\(0x[0-9a-f]*\) .*/\1/p'); do
      info=$(DISPLAY=$display xwininfo -id "$id" 2>/dev/null) || continue
      grep -q 'Map State: IsViewable' <<<"$info" || continue
      [ "$(sed -n 's/^ *Width: //p' <<<"$info")" -gt 200 ] || continue
      [ "$(sed -n 's/^ *Height: //p' <<<"$info")" -gt 150 ] || continue
      sed -n 's/^xwininfo: Window id: 0x[0-9a-f]* "\(.*\)"$/\1/p' <<<"$info"
      echo "$id"
      return
    done
  }

  t0=$(date +%s%N)
  # stagecraft.timing makes the app print when its window is shown (JAVA_TOOL_OPTIONS reaches
  # the JVM through jpackage's launcher; JDK_JAVA_OPTIONS does not).
  DISPLAY=$display JAVA_TOOL_OPTIONS=-Dstagecraft.timing=true \
    /usr/bin/stagecraft "$gui_file" >"$out/app.out" 2>"$out/app.err" &
  app=$!
  shown=""
  for _ in $(seq 600); do
    if ! kill -0 "$app" 2>/dev/null; then
      fail "the app exited before showing a window (stdout: $(head -c 300 "$out/app.out"); stderr: $(head -c 300 "$out/app.err"))"
    fi
    if [ -n "$(viewable_window)" ]; then
      shown=$(( ($(date +%s%N) - t0) / 1000000 ))
      break
    fi
    sleep 0.1
  done
  [ -n "$shown" ] || fail "no window within 60 s"
  title=$(viewable_window | sed -n 1p)
  window=$(viewable_window | sed -n '$p')
  note "window \"$title\" mapped $shown ms after start"
  own=$(sed -n 's/.*window shown at .*, \([0-9]*\) ms after main.*/\1/p' "$out/app.err" | head -1)
  [ -z "$own" ] || note "the app's own timing: window shown $own ms after main()"
  sleep "${SCREENSHOT_DELAY:-4}"   # let the first layout and the graph settle
  kill -0 "$app" 2>/dev/null || fail "the app exited after showing its window"
  DISPLAY=$display import -window root "$out/window.png"
  colours=$(convert "$out/window.png" -format '%k' info:)
  [ "$colours" -gt 16 ] || fail "the screenshot is (nearly) blank: $colours colours"
  note "screenshot $out/window.png ($colours colours): look at it, the graph of $(basename "$gui_file") should show"
  # The window's icon as the window manager gets it (GTK sets _NET_WM_ICON from stage.getIcons()).
  icons=$(DISPLAY=$display xprop -id "$window" _NET_WM_ICON 2>/dev/null | grep -o 'Icon ([0-9]* x [0-9]*)' \
    | sed 's/Icon (\([0-9]*\) x.*/\1/' | sort -n | tr '\n' ' ' || true)
  cleanup
  trap - EXIT
  [ -n "$icons" ] || fail "the window has no icon (_NET_WM_ICON): it should load /dev/stagecraft/icons/stagecraft-*.png into stage.getIcons()"
  note "window icon (_NET_WM_ICON, as xprop shows it): $icons px"
fi

if [ "$remove" = 1 ]; then
  dpkg --purge stagecraft >/dev/null 2>&1
  [ ! -e /usr/bin/stagecraft ] || fail "/usr/bin/stagecraft left behind after purge"
  [ ! -e "$completion" ] || fail "$completion left behind after purge"
  ! grep -qi '^[0-9]*:text/x-dockerfile:' /usr/share/mime/globs2 || fail "Dockerfile MIME globs left behind after purge"
  [ ! -e "$desktop" ] || fail "$desktop left behind after purge"
  note "purged: /usr/bin/stagecraft, the menu entry, completion and MIME globs are gone"
fi
note "OK"
