#!/usr/bin/env bash
# Regenerates src/main/resources/dev/stagecraft/app/preload-classes.txt: the classes the FX thread
# loads from the toolkit's start until the window is shown, in the order it loads them (JavaFX,
# RichTextFX, ReactFX, AtlantaFX, Stagecraft's UI; not the JDK's, which come from its class-data
# archive). dev.stagecraft.app.Preload loads them on its own thread while the FX thread is busy, so
# the FX thread finds them loaded. Run after changing what the window builds at launch; a stale list
# costs only time (a name that no longer exists is skipped).
# Needs: xvfb-run, python3, a JDK 17 with `jfr`. Usage: scripts/preload-classes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_FLAGS:-} package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jdk="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
# the default settings, with class loading recorded
sed '/<event name="jdk.ClassLoad">/,/<\/event>/ s/<setting name="enabled" control="class-loading">false/<setting name="enabled" control="class-loading">true/' \
  "$jdk/lib/jfr/default.jfc" | sed '/<event name="jdk.ClassLoad">/,/<\/event>/ s/<setting name="threshold">[^<]*</<setting name="threshold">0 ms</' > "$work/classes.jfc"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  java -XX:StartFlightRecording=filename="$1/launch.jfr",settings="$1/classes.jfc" -Dstagecraft.timing=true -Dstagecraft.preload.list=false \
    -Dstagecraft.config="$1/config" -Dstagecraft.state="$1/state" -Dprism.order=sw -jar target/stagecraft.jar 2>"$1/log" &
  app=$!
  for _ in $(seq 1 200); do grep -q "window shown" "$1/log" 2>/dev/null && break; sleep 0.1; done
  kill "$app"; wait "$app" 2>/dev/null || true' _ "$work"
shown="$(grep -o "shown at [0-9]*" "$work/log" | grep -o "[0-9]*$")"
"$jdk/bin/jfr" print --json --stack-depth 1 --events jdk.ClassLoad "$work/launch.jfr" > "$work/classes.json"
mkdir -p src/main/resources/dev/stagecraft/app
python3 - "$work/classes.json" "$shown" > src/main/resources/dev/stagecraft/app/preload-classes.txt <<'PY'
import datetime, json, sys
events = json.load(open(sys.argv[1]))["recording"]["events"]
shown = int(sys.argv[2]) / 1000.0
def at(e):
    return datetime.datetime.fromisoformat(e["values"]["startTime"][:26] + "+00:00").timestamp()
seen = set()
print("# Classes the FX thread loads until the window is shown, in order (scripts/preload-classes.sh made this).")
for e in sorted(events, key=at):
    v = e["values"]
    thread = (v.get("eventThread") or {}).get("javaName", "")
    name = v["loadedClass"]["name"].replace("/", ".")
    if thread not in ("JavaFX Application Thread", "GtkNativeMainLoopThread") or at(e) >= shown:
        continue
    if "$$Lambda" in name or "0x" in name or name.startswith(("[", "java.", "javax.", "jdk.", "sun.", "com.sun.proxy")):
        continue
    if name not in seen:
        seen.add(name)
        print(name)
PY
echo "$(grep -vc '^#' src/main/resources/dev/stagecraft/app/preload-classes.txt) classes in src/main/resources/dev/stagecraft/app/preload-classes.txt"
