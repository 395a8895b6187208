#!/usr/bin/env bash
# Layer reading speed and memory: `stagecraft layers IMAGE --format json` against
# `docker save IMAGE > /dev/null` on the same engine, alternated RUNS times (default 3), each under
# /usr/bin/time -v for wall time and maximum resident memory. Prints every run, then the medians
# and the ratio (issue 12's goal: stagecraft <= 1.25 x docker save, <= 300 MB resident).
# IMAGE defaults to the gcc builder of the README example (about 540 MB), built here if missing.
# Needs the engine and base images (scripts/test-engine.sh) and GNU time (apt-get install time).
# JAVA_OPTS are passed to stagecraft's JVM, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1 (C1 only: a
# short read spends most of its CPU in the C2 compiler, which counts on a loaded machine).
# Usage: [JAVA_OPTS=...] scripts/bench-layers.sh [RUNS] [IMAGE]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
image=${2:-stagecraft-bench/gcc-builder}
docker_cli=/usr/bin/docker
[ -x "$docker_cli" ] || docker_cli=$(command -v docker)
[ -x /usr/bin/time ] || { echo "bench-layers: needs GNU time (apt-get install time)" >&2; exit 1; }
[ -f target/stagecraft.jar ] || mvn -q -B package -DskipTests
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$image" = stagecraft-bench/gcc-builder ] && ! "$docker_cli" image inspect "$image" >/dev/null 2>&1; then
  echo "bench-layers: building $image (the README's gcc example, target builder)" >&2
  printf '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n' > "$tmp/hello.c"
  cat > "$tmp/Dockerfile" <<'DOCKERFILE'
FROM stagecraft-test/debian:bookworm AS builder
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev
WORKDIR /src
COPY hello.c .
RUN gcc -static -O2 -o hello hello.c

FROM scratch
COPY --from=builder /src/hello /hello
CMD ["/hello"]
DOCKERFILE
  DOCKER_BUILDKIT=1 "$docker_cli" build -q --target builder -t "$image" "$tmp" >/dev/null
fi
size=$("$docker_cli" image inspect --format '{{.Size}}' "$image")
echo "image $image: $size bytes, $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), JAVA_OPTS='${JAVA_OPTS:-}'"

# "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:02.71" -> seconds; "Maximum resident set size (kbytes): 123" -> MB
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
rss() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# warm both once (page cache, the engine's layer metadata, the JVM's class files)
"$docker_cli" save "$image" > /dev/null
java ${JAVA_OPTS:-} -jar target/stagecraft.jar layers "$image" --format json > /dev/null

: > "$tmp/save.t"; : > "$tmp/sc.t"; : > "$tmp/sc.rss"; : > "$tmp/save.rss"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -v -o "$tmp/save.v" sh -c "'$docker_cli' save '$image' > /dev/null"
  /usr/bin/time -v -o "$tmp/sc.v" java ${JAVA_OPTS:-} -jar target/stagecraft.jar layers "$image" --format json > "$tmp/out.json"
  wall "$tmp/save.v" >> "$tmp/save.t"; wall "$tmp/sc.v" >> "$tmp/sc.t"
  rss "$tmp/sc.v" >> "$tmp/sc.rss"; echo >> "$tmp/sc.rss"
  printf 'run %d: docker save %6.2f s   stagecraft layers %6.2f s, %4s MB resident, %s s CPU\n' "$i" \
    "$(tail -1 "$tmp/save.t")" "$(tail -1 "$tmp/sc.t")" "$(rss "$tmp/sc.v")" \
    "$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$tmp/sc.v")"
done
entries=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(l["added"]+l["modified"]+l["removed"] for l in d["layers"]))' "$tmp/out.json" 2>/dev/null || echo "?")
s=$(median < "$tmp/save.t"); c=$(median < "$tmp/sc.t"); m=$(grep -v '^$' "$tmp/sc.rss" | median)
echo "median: docker save $s s, stagecraft layers $c s ($(echo "scale=2; $c / $s" | bc) x), $m MB resident; $entries entries"
